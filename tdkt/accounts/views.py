from django.conf import settings
from django.contrib import messages
from django.contrib.auth import update_session_auth_hash
from django.contrib.auth import views as auth_views
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse_lazy
from django.utils.translation import gettext as _

from . import services, throttle
from .forms import LoginForm, VnPasswordChangeForm, VnPasswordResetForm, VnSetPasswordForm


class LoginView(auth_views.LoginView):
    template_name = "accounts/login.html"
    authentication_form = LoginForm
    redirect_authenticated_user = True


class LogoutView(auth_views.LogoutView):
    """Logging out is a POST (a link cannot log anyone out); a GET (a typed or bookmarked address, the admin's
    old link) shows a page with the button that does it, instead of a blank 405."""

    http_method_names = ["get", "post", "options"]
    template_name = "accounts/logout.html"

    def get(self, request, *args, **kwargs):
        return render(request, self.template_name)


class PasswordChangeView(auth_views.PasswordChangeView):
    template_name = "accounts/password_change.html"
    form_class = VnPasswordChangeForm
    success_url = reverse_lazy("web:home")

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "request": self.request}

    def form_valid(self, form):
        services.password_save(actor=self.request.user, form=form, action="accounts.password.changed")
        update_session_auth_hash(self.request, form.user)  # other sessions of the user end, this one stays
        messages.success(self.request, _("Đã đổi mật khẩu."))
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetView(auth_views.PasswordResetView):
    """"Quên mật khẩu?": a reset link by e-mail. The answer is the same whether or not an account has the address;
    requests are counted per e-mail address and per client address (accounts.services.password_reset_allowed)."""

    template_name = "accounts/password_reset_form.html"
    form_class = VnPasswordResetForm
    email_template_name = "accounts/password_reset_email.txt"
    subject_template_name = "accounts/password_reset_subject.txt"
    success_url = reverse_lazy("accounts:password_reset_done")

    def form_valid(self, form):
        if not services.password_reset_allowed(email=form.cleaned_data["email"], address=throttle.client_address(self.request)):
            minutes = settings.PASSWORD_RESET_WINDOW_MINUTES
            message = _("Đã có quá nhiều yêu cầu đặt lại mật khẩu. Vui lòng thử lại sau %(minutes)s phút.") % {"minutes": minutes}
            response = render(self.request, "accounts/locked_out.html", {"message": message}, status=429)
            response["Retry-After"] = str(minutes * 60)
            return response
        self.extra_email_context = {"timeout_hours": settings.PASSWORD_RESET_TIMEOUT // 3600}
        return super().form_valid(form)


class PasswordResetDoneView(auth_views.PasswordResetDoneView):
    template_name = "accounts/password_reset_done.html"


class PasswordResetConfirmView(auth_views.PasswordResetConfirmView):
    """The link of the e-mail: a new password. It does not log in, and it does not lift a lock-out."""

    template_name = "accounts/password_reset_confirm.html"
    form_class = VnSetPasswordForm
    success_url = reverse_lazy("accounts:password_reset_complete")

    def form_valid(self, form):
        services.password_save(actor=form.user, form=form, action="accounts.password.reset")
        del self.request.session[auth_views.INTERNAL_RESET_SESSION_TOKEN]
        return HttpResponseRedirect(self.get_success_url())


class PasswordResetCompleteView(auth_views.PasswordResetCompleteView):
    template_name = "accounts/password_reset_complete.html"
