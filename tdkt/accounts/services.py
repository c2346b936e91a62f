"""Account services: login throttling and role assignments. Keyword-only, audited, one transaction each."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from tdkt.core import audit
from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.permissions import require

from . import roles, scoping
from .models import LoginThrottle, Role, RoleAssignment


def lockout_message() -> str:
    return (
        "Tài khoản tạm khóa do đăng nhập sai nhiều lần. "
        f"Thử lại sau {settings.LOGIN_LOCKOUT_MINUTES} phút."
    )


@dataclass(frozen=True)
class LoginState:
    failures: int
    locked_until: dt.datetime | None

    @property
    def locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > timezone.now()


def login_state(*, username: str) -> LoginState:
    row = LoginThrottle.objects.filter(username=username).first()
    if row is None:
        return LoginState(0, None)
    return LoginState(row.failures, row.locked_until)


def login_failure_record(*, username: str) -> LoginState:
    """Count a failed login; lock the username for LOGIN_LOCKOUT_MINUTES after LOGIN_MAX_FAILURES failures.

    Failures older than the lock-out window, and a lock that has expired, start the count again.
    """
    now = timezone.now()
    window = dt.timedelta(minutes=settings.LOGIN_LOCKOUT_MINUTES)
    with transaction.atomic():
        LoginThrottle.objects.get_or_create(username=username)
        row = LoginThrottle.objects.select_for_update().get(username=username)
        if row.locked_until is not None and row.locked_until > now:
            return LoginState(row.failures, row.locked_until)
        stale = row.last_failure_at is None or row.last_failure_at < now - window
        if row.locked_until is not None or stale:
            row.failures = 0
            row.locked_until = None
        row.failures += 1
        row.last_failure_at = now
        if row.failures >= settings.LOGIN_MAX_FAILURES:
            row.locked_until = now + window
            user = get_user_model().objects.filter(username=username).first()
            audit.record(
                actor=system_actor(),
                action="accounts.login.locked",
                target=user or row,
                data={"username": username, "failures": row.failures, "locked_until": row.locked_until.isoformat()},
            )
        row.save()
        return LoginState(row.failures, row.locked_until)


def login_success_record(*, username: str) -> None:
    """A successful login clears the failure count."""
    LoginThrottle.objects.filter(username=username).delete()


def login_unlock(*, actor, username: str) -> None:
    """An administrator lifts a lock-out early."""
    require(actor, "accounts.assign_roles", message="Chỉ quản trị hệ thống mới được mở khóa đăng nhập.")
    with transaction.atomic():
        deleted, _ = LoginThrottle.objects.filter(username=username).delete()
        if deleted:
            audit.record(actor=actor, action="accounts.login.unlocked", data={"username": username})


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
