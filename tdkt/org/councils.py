"""Councils and their members: one fact for "who sits on the council".

A member of an Emulation and Commendation Council (kind TĐKT) linked to an account holds, for the period of
the membership, the council role of `accounts` over the council's unit (COUNCIL_SECRETARY for the secretary,
COUNCIL_MEMBER for the others): it is granted, changed and ended here, in the membership's transaction, and
nowhere else (accounts refuses to assign council roles by hand). Who may vote in a council is read from the
membership itself (`selectors.council_voters`): its members of that day, linked to an account, the
secretary excepted.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from tdkt.accounts import services as account_services
from tdkt.accounts.models import RoleAssignment
from tdkt.accounts.roles import Role
from tdkt.core import audit, vntext
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require

from .models import Council, CouncilKind, CouncilMember, CouncilRole, Unit

COUNCIL_FIELDS = ("name", "established_on", "decision_number")
MEMBER_FIELDS = ("full_name", "title")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def _derived_role(member: CouncilMember) -> str | None:
    if member.user_id is None or member.council.kind != CouncilKind.TDKT:
        return None
    return Role.COUNCIL_SECRETARY if member.role == CouncilRole.SECRETARY else Role.COUNCIL_MEMBER


def council_create(*, actor, name: str, kind: str, unit: Unit, established_on: dt.date | None = None,
                   decision_number: str = "") -> Council:
    require(actor, "org.manage_councils", unit, message=f"Bạn không có quyền lập hội đồng của {unit.name}.")
    name = vntext.nfc(name)
    if not name:
        raise DomainError("Tên hội đồng không được để trống.")
    if kind not in CouncilKind.values:
        raise DomainError(f"Loại hội đồng không hợp lệ: {kind}.")
    with transaction.atomic():
        council = Council.objects.create(name=name, kind=kind, unit=unit, established_on=established_on,
                                         decision_number=vntext.nfc(decision_number))
        audit.record(actor=actor, action="org.council.created", target=council,
                     data={"unit": unit.code, "kind": kind, "established_on": _iso(established_on)})
    return council


def council_update(*, actor, council: Council, **changes) -> Council:
    require(actor, "org.manage_councils", council, message=f"Bạn không có quyền sửa {council.name}.")
    unknown = set(changes) - set(COUNCIL_FIELDS)
    if unknown:
        raise DomainError(f"Không thể sửa trường: {', '.join(sorted(unknown))}.")
    if "name" in changes:
        changes["name"] = vntext.nfc(changes["name"])
        if not changes["name"]:
            raise DomainError("Tên hội đồng không được để trống.")
    if "decision_number" in changes:
        changes["decision_number"] = vntext.nfc(changes["decision_number"])
    with transaction.atomic():
        old = {k: _iso(v) if isinstance(v, dt.date) else v for k, v in ((k, getattr(council, k)) for k in changes)}
        for key, value in changes.items():
            setattr(council, key, value)
        council.save()
        audit.record(actor=actor, action="org.council.updated", target=council,
                     data={"old": old, "new": {k: _iso(v) if isinstance(v, dt.date) else v for k, v in changes.items()}})
    return council


def _sync_role(*, actor, member: CouncilMember) -> None:
    """Grant (or move the period of) the council role that follows the membership."""
    role = _derived_role(member)
    if role is None:
        return
    assignment = account_services.council_role_grant(actor=actor, user=member.user, role=role, unit=member.council.unit,
                                                     valid_from=member.start, valid_to=member.end)
    if member.assignment_id != assignment.pk:
        member.assignment = assignment
        member.save(update_fields=["assignment"])


def council_member_add(*, actor, council: Council, role: str, start: dt.date, full_name: str = "", person=None, user=None,
                       title: str = "", end: dt.date | None = None) -> CouncilMember:
    """Add a member to a council from `start` (to `end`); a linked account receives the council's role."""
    require(actor, "org.manage_councils", council, message=f"Bạn không có quyền sửa thành viên {council.name}.")
    if role not in CouncilRole.values:
        raise DomainError(f"Vai trò trong hội đồng không hợp lệ: {role}.")
    if start is None:
        raise DomainError("Hãy nhập ngày bắt đầu là thành viên hội đồng.")
    if end is not None and end < start:
        raise DomainError("Ngày kết thúc phải sau ngày bắt đầu.")
    full_name = vntext.nfc(full_name) or (person.full_name if person is not None else "") or (
        user.get_full_name() if user is not None else "")
    if not full_name:
        raise DomainError("Hãy nhập họ và tên thành viên hội đồng.")
    with transaction.atomic():
        if user is not None:
            overlapping = CouncilMember.objects.filter(council=council, user=user, start__lte=end or dt.date.max).exclude(
                end__lt=start)
            if overlapping.exists():
                raise DomainError(f"Tài khoản {user.username} đã là thành viên {council.name} trong thời gian này.")
        member = CouncilMember.objects.create(council=council, person=person, user=user, full_name=full_name,
                                              title=vntext.nfc(title), role=role, start=start, end=end)
        _sync_role(actor=actor, member=member)
        audit.record(actor=actor, action="org.council.member_added", target=council,
                     data={"member": member.pk, "full_name": full_name, "role": role, "user": user.username if user else None,
                           "start": _iso(start), "end": _iso(end)})
    return member


def council_member_update(*, actor, member: CouncilMember, **changes) -> CouncilMember:
    """Correct a member's name or title (not their role or period: end the membership and add another)."""
    require(actor, "org.manage_councils", member.council, message=f"Bạn không có quyền sửa thành viên {member.council.name}.")
    unknown = set(changes) - set(MEMBER_FIELDS)
    if unknown:
        raise DomainError(f"Không thể sửa trường: {', '.join(sorted(unknown))}.")
    changes = {k: vntext.nfc(v) for k, v in changes.items()}
    if "full_name" in changes and not changes["full_name"]:
        raise DomainError("Hãy nhập họ và tên thành viên hội đồng.")
    with transaction.atomic():
        old = {k: getattr(member, k) for k in changes}
        for key, value in changes.items():
            setattr(member, key, value)
        member.save(update_fields=list(changes))
        audit.record(actor=actor, action="org.council.member_updated", target=member.council,
                     data={"member": member.pk, "old": old, "new": changes})
    return member


def council_member_end(*, actor, member: CouncilMember, on: dt.date) -> CouncilMember:
    """End a membership on day `on` (inclusive); the council role ends with it unless another membership of a
    council of the same unit still gives it."""
    council = member.council
    require(actor, "org.manage_councils", council, message=f"Bạn không có quyền sửa thành viên {council.name}.")
    if on is None:
        raise DomainError("Hãy nhập ngày kết thúc.")
    with transaction.atomic():
        member = CouncilMember.objects.select_for_update(of=("self",)).select_related("council", "council__unit", "user").get(pk=member.pk)
        if member.end is not None and member.end <= on:
            raise DomainError(f"Tư cách thành viên của {member.full_name} đã kết thúc ngày {member.end:%d/%m/%Y}.")
        if on < member.start:
            raise DomainError("Ngày kết thúc không được trước ngày bắt đầu.")
        member.end = on
        member.save(update_fields=["end"])
        role = _derived_role(member)
        if role is not None and member.assignment_id is not None:
            others = CouncilMember.objects.filter(
                user=member.user, council__unit=council.unit, council__kind=CouncilKind.TDKT, assignment=member.assignment_id,
            ).exclude(pk=member.pk).exclude(end__lte=on)
            if not others.exists():
                account_services.council_role_end(actor=actor, assignment=RoleAssignment.objects.get(pk=member.assignment_id), on=on)
        audit.record(actor=actor, action="org.council.member_ended", target=council,
                     data={"member": member.pk, "full_name": member.full_name, "on": _iso(on)})
    return member
