from django import forms
from django.contrib.auth import authenticate
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import services

PASSWORD_MESSAGES = {
    "password_too_short": _("Mật khẩu quá ngắn: cần ít nhất 8 ký tự."),
    "password_too_similar": _("Mật khẩu quá giống tên đăng nhập hoặc thông tin cá nhân."),
    "password_too_common": _("Mật khẩu quá phổ biến, dễ bị đoán."),
    "password_entirely_numeric": _("Mật khẩu không được chỉ gồm chữ số."),
}


class LoginForm(AuthenticationForm):
    """Django's login form with a per-username lock-out (accounts.services.login_*_record)."""

    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị vô hiệu hóa."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")

    def clean(self):
        username = (self.cleaned_data.get("username") or "").strip()
        password = self.cleaned_data.get("password")
        if not username or not password:
            return self.cleaned_data
        if services.login_state(username=username).locked:
            raise ValidationError(services.lockout_message(), code="locked")
        self.user_cache = authenticate(self.request, username=username, password=password)
        if self.user_cache is None:
            state = services.login_failure_record(username=username)
            if state.locked:
                raise ValidationError(services.lockout_message(), code="locked")
            raise ValidationError(self.error_messages["invalid_login"], code="invalid_login")
        self.confirm_login_allowed(self.user_cache)
        services.login_success_record(username=username)
        return self.cleaned_data


class VnPasswordChangeForm(PasswordChangeForm):
    error_messages = {
        "password_mismatch": _("Hai lần nhập mật khẩu mới không khớp nhau."),
        "password_incorrect": _("Mật khẩu hiện tại không đúng."),
    }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Mật khẩu hiện tại")
        self.fields["new_password1"].label = _("Mật khẩu mới")
        self.fields["new_password1"].help_text = (
            _("Ít nhất 8 ký tự, không chỉ gồm chữ số, không quá phổ biến và không giống tên đăng nhập.")
        )
        self.fields["new_password2"].label = _("Nhập lại mật khẩu mới")
        self.fields["new_password2"].help_text = ""
        for field in self.fields.values():
            field.error_messages["required"] = _("Vui lòng nhập trường này.")
            field.widget.attrs.setdefault("class", "form-control")

    def validate_password_for_user(self, user, password_field_name="new_password2"):
        password = self.cleaned_data.get(password_field_name)
        if not password:
            return
        from django.contrib.auth import password_validation

        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            messages = [PASSWORD_MESSAGES.get(e.code, " ".join(e.messages)) for e in error.error_list]
            self.add_error(password_field_name, forms.ValidationError(messages))
