from axes.models import AccessAttempt
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import Role


class RoleAssignment(models.Model):
    """A role held by a user over a unit and everything under it, for a period."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, related_name="role_assignments", on_delete=models.CASCADE, verbose_name=_("Tài khoản"))
    role = models.CharField(_("Vai trò"), max_length=20, choices=Role.choices)
    unit = models.ForeignKey("org.Unit", related_name="role_assignments", on_delete=models.PROTECT, verbose_name=_("Phạm vi (đơn vị)"))
    valid_from = models.DateField(_("Từ ngày"), null=True, blank=True)
    valid_to = models.DateField(_("Đến ngày"), null=True, blank=True)

    class Meta:
        verbose_name = _("Phân quyền")
        verbose_name_plural = _("Phân quyền")
        constraints = [models.UniqueConstraint(fields=["user", "role", "unit"], name="accounts_role_unique")]

    def __str__(self) -> str:
        return f"{self.user} — {self.get_role_display()} — {self.unit}"


class LoginAttempt(AccessAttempt):
    """Failed logins counted by django-axes (accounts.throttle), shown in the admin in Vietnamese."""

    class Meta:
        proxy = True
        verbose_name = _("Đăng nhập sai")
        verbose_name_plural = _("Đăng nhập sai")

    def __str__(self) -> str:
        return f"{self.username or '—'} — {self.ip_address or '—'}"


class PasswordResetRequest(models.Model):
    """A request for a password-reset e-mail, counted per e-mail address (a digest) and per client address."""

    email_digest = models.CharField(max_length=64, db_index=True)
    address = models.GenericIPAddressField(null=True, blank=True, db_index=True)
    requested_at = models.DateTimeField(db_index=True)

    class Meta:
        verbose_name = _("Yêu cầu đặt lại mật khẩu")
        verbose_name_plural = _("Yêu cầu đặt lại mật khẩu")

    def __str__(self) -> str:
        return f"{self.address or '—'} — {self.requested_at:%d/%m/%Y %H:%M}"
