"""Account services: lock-outs, API tokens, passwords and role assignments. Keyword-only, audited, one transaction each."""

from __future__ import annotations

import datetime as dt
import hashlib

from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

from tdkt.core import audit
from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.permissions import require

from . import roles, scoping
from .models import PasswordResetRequest, Role, RoleAssignment


def login_locked_record(*, username: str | None, address: str | None, locked_by: str, failures: dict, path: str) -> None:
    """Audit a lock-out (called by accounts.throttle when a failure reaches a limit; the system account acts)."""
    user = get_user_model().objects.filter(username=username).first() if username else None
    with transaction.atomic():
        audit.record(
            actor=system_actor(),
            action="accounts.login.locked",
            target=user,
            data={
                "username": username,
                "address": address,
                "locked_by": locked_by,
                "failures_by_username": failures.get("username"),
                "failures_by_address": failures.get("address"),
                "minutes": settings.LOGIN_LOCKOUT_MINUTES,
                "path": path,
            },
        )


def login_unlock(*, actor, username: str | None = None, address: str | None = None) -> int:
    """An administrator lifts a lock-out early: forget the failed logins of a username, or of a client address."""
    require(actor, "accounts.assign_roles", message="Chỉ quản trị hệ thống mới được mở khóa đăng nhập.")
    if not username and not address:
        raise DomainError("Cần chọn tên đăng nhập hoặc địa chỉ máy để mở khóa.")
    attempts = AccessAttempt.objects.filter(username=username) if username else AccessAttempt.objects.filter(ip_address=address)
    with transaction.atomic():
        failures = sum(attempts.values_list("failures_since_start", flat=True))
        deleted, _ = attempts.delete()
        if deleted:
            audit.record(actor=actor, action="accounts.login.unlocked",
                         data={"username": username, "address": address, "failures": failures})
    return deleted


def api_token_issue(*, user) -> Token:
    """The API token of a user who has just given their password (POST /api/v1/token): the existing one, or a new
    one (audited; the key itself is never written to the audit trail)."""
    with transaction.atomic():
        token, created = Token.objects.get_or_create(user=user)
        if created:
            audit.record(actor=user, action="accounts.token.issued", target=user, data={"username": user.username})
    return token


def password_save(*, actor, form, action: str) -> None:
    """Save a password form (change or reset) and audit it, in one transaction; the password is never recorded."""
    with transaction.atomic():
        user = form.save()
        audit.record(actor=actor, action=action, target=user, data={"username": user.username})


def password_reset_allowed(*, email: str, address: str | None) -> bool:
    """Count a request for a password-reset e-mail; False when the e-mail address or the client address already
    made PASSWORD_RESET_MAX_PER_EMAIL / _PER_ADDRESS requests in the window. Counted whether or not an account has
    that e-mail (the answer must not tell), on a digest of the address as typed (lower-cased)."""
    now = timezone.now()
    window = dt.timedelta(minutes=settings.PASSWORD_RESET_WINDOW_MINUTES)
    digest = hashlib.sha256(email.strip().lower().encode()).hexdigest()
    with transaction.atomic():
        PasswordResetRequest.objects.filter(requested_at__lt=now - window).delete()
        recent = PasswordResetRequest.objects.all()
        if recent.filter(email_digest=digest).count() >= settings.PASSWORD_RESET_MAX_PER_EMAIL:
            return False
        if address and recent.filter(address=address).count() >= settings.PASSWORD_RESET_MAX_PER_ADDRESS:
            return False
        PasswordResetRequest.objects.create(email_digest=digest, address=address, requested_at=now)
    return True


def _require_admin(actor, unit) -> None:
    require(actor, "accounts.assign_roles", message="Chỉ quản trị hệ thống mới được phân quyền.")
    if not scoping.in_scope(actor, unit):
        raise Forbidden("Không thể phân quyền ngoài phạm vi đơn vị của mình.")


def _check_period(valid_from: dt.date | None, valid_to: dt.date | None) -> None:
    if valid_from and valid_to and valid_to < valid_from:
        raise DomainError("Ngày kết thúc phải sau ngày bắt đầu.")


def _grant(*, actor, user, role: str, unit, valid_from, valid_to) -> RoleAssignment:
    with transaction.atomic():
        assignment, created = RoleAssignment.objects.update_or_create(
            user=user, role=role, unit=unit, defaults={"valid_from": valid_from, "valid_to": valid_to}
        )
        audit.record(
            actor=actor,
            action="accounts.role.assigned" if created else "accounts.role.updated",
            target=assignment,
            data={
                "user": user.username,
                "role": role,
                "unit": unit.code,
                "valid_from": valid_from.isoformat() if valid_from else None,
                "valid_to": valid_to.isoformat() if valid_to else None,
            },
        )
    scoping.forget(user)
    return assignment


def role_assign(*, actor, user, role: str, unit, valid_from: dt.date | None = None, valid_to: dt.date | None = None) -> RoleAssignment:
    """Grant `role` over `unit` and its subtree (or update the period of an existing grant).

    The council roles are refused here: they follow a council's membership (org.services.council_member_add)."""
    _require_admin(actor, unit)
    if role not in Role.values:
        raise DomainError(f"Vai trò không hợp lệ: {role}.")
    if role in roles.COUNCIL_ROLES:
        raise DomainError(f"Vai trò “{Role(role).label}” được cấp theo danh sách thành viên Hội đồng Thi đua - Khen thưởng "
                          "(trang quản trị: Hội đồng), không phân quyền trực tiếp.")
    _check_period(valid_from, valid_to)
    return _grant(actor=actor, user=user, role=role, unit=unit, valid_from=valid_from, valid_to=valid_to)


def council_role_grant(*, actor, user, role: str, unit, valid_from: dt.date | None, valid_to: dt.date | None) -> RoleAssignment:
    """The council role that follows a membership of the council of `unit` (called by org's council services,
    inside their transaction; the permission is theirs)."""
    if role not in roles.COUNCIL_ROLES:
        raise DomainError(f"Không phải vai trò Hội đồng: {role}.")
    _check_period(valid_from, valid_to)
    return _grant(actor=actor, user=user, role=role, unit=unit, valid_from=valid_from, valid_to=valid_to)


def council_role_end(*, actor, assignment: RoleAssignment, on: dt.date) -> RoleAssignment:
    """End the council role of a membership that ended on `on` (called by org's council services)."""
    with transaction.atomic():
        assignment.valid_to = on
        if assignment.valid_from and assignment.valid_from > on:
            assignment.valid_from = on
        assignment.save(update_fields=["valid_from", "valid_to"])
        audit.record(actor=actor, action="accounts.role.revoked", target=assignment,
                     data={"user": assignment.user.username, "role": assignment.role, "unit": assignment.unit.code,
                           "valid_to": on.isoformat(), "council": True})
    scoping.forget(assignment.user)
    return assignment


def role_revoke(*, actor, assignment: RoleAssignment) -> RoleAssignment:
    """Withdraw a role assignment: it ends yesterday (the row stays, as history)."""
    _require_admin(actor, assignment.unit)
    if assignment.role in roles.COUNCIL_ROLES:
        raise DomainError("Vai trò Hội đồng kết thúc khi kết thúc tư cách thành viên Hội đồng (trang quản trị: Hội đồng).")
    end = timezone.localdate() - dt.timedelta(days=1)
    with transaction.atomic():
        assignment.valid_to = end
        if assignment.valid_from and assignment.valid_from > end:
            assignment.valid_from = end
        assignment.save(update_fields=["valid_from", "valid_to"])
        audit.record(
            actor=actor,
            action="accounts.role.revoked",
            target=assignment,
            data={"user": assignment.user.username, "role": assignment.role, "unit": assignment.unit.code, "valid_to": end.isoformat()},
        )
    scoping.forget(assignment.user)
    return assignment
