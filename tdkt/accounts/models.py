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


class LoginThrottle(models.Model):
    """Failed-login counter per username; a username is locked for a while after too many failures."""

    username = models.CharField(max_length=150, unique=True)
    failures = models.PositiveIntegerField(default=0)
    locked_until = models.DateTimeField(null=True, blank=True)
    last_failure_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("Khóa đăng nhập")
        verbose_name_plural = _("Khóa đăng nhập")
