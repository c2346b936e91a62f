from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.forms import AuthenticationForm, PasswordChangeForm, PasswordResetForm, SetPasswordForm
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from . import throttle

PASSWORD_MESSAGES = {
    "password_too_short": _("Mật khẩu quá ngắn: cần ít nhất 8 ký tự."),
    "password_too_similar": _("Mật khẩu quá giống tên đăng nhập hoặc thông tin cá nhân."),
    "password_too_common": _("Mật khẩu quá phổ biến, dễ bị đoán."),
    "password_entirely_numeric": _("Mật khẩu không được chỉ gồm chữ số."),
}


class LoginForm(AuthenticationForm):
    """Django's login form in Vietnamese; the lock-out is django-axes' (accounts.throttle), as for every way in."""

    error_messages = {
        "invalid_login": _("Tên đăng nhập hoặc mật khẩu không đúng."),
        "inactive": _("Tài khoản này đã bị vô hiệu hóa."),
    }

    def __init__(self, request=None, *args, **kwargs):
        super().__init__(request, *args, **kwargs)
        self.fields["username"].label = _("Tên đăng nhập")
        self.fields["password"].label = _("Mật khẩu")


class VnSetPasswordForm(SetPasswordForm):
    """A new password, twice, with Vietnamese labels and validation messages (the password reset's last step)."""

    error_messages = {"password_mismatch": _("Hai lần nhập mật khẩu mới không khớp nhau.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
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
        try:
            password_validation.validate_password(password, user)
        except ValidationError as error:
            messages = [PASSWORD_MESSAGES.get(e.code, " ".join(e.messages)) for e in error.error_list]
            self.add_error(password_field_name, forms.ValidationError(messages))


class VnPasswordChangeForm(VnSetPasswordForm, PasswordChangeForm):
    """The password change: a wrong current password counts as a failed login (accounts.throttle), and a locked
    account cannot try one (the lock-out page answers)."""

    error_messages = {
        "password_mismatch": _("Hai lần nhập mật khẩu mới không khớp nhau."),
        "password_incorrect": _("Mật khẩu hiện tại không đúng."),
    }

    def __init__(self, *args, request=None, **kwargs):
        self.request = request
        super().__init__(*args, **kwargs)
        self.fields["old_password"].label = _("Mật khẩu hiện tại")
        self.fields["old_password"].error_messages["required"] = _("Vui lòng nhập trường này.")
        self.fields["old_password"].widget.attrs.setdefault("class", "form-control")

    def clean_old_password(self):
        username = self.user.get_username()
        if self.request is not None and not throttle.allowed(self.request, username):
            throttle.refuse(self.request)
            raise ValidationError(throttle.lockout_message(self.request), code="locked")
        try:
            return super().clean_old_password()
        except ValidationError:
            if self.request is not None:
                throttle.failed(self.request, username)
            raise


class VnPasswordResetForm(PasswordResetForm):
    """The e-mail address to send a reset link to, in Vietnamese (the e-mail's text: accounts/password_reset_*)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["email"]
        field.label = _("Địa chỉ e-mail của tài khoản")
        field.error_messages["required"] = _("Vui lòng nhập địa chỉ e-mail.")
        field.error_messages["invalid"] = _("Địa chỉ e-mail không hợp lệ.")
        field.widget.attrs.setdefault("class", "form-control")
