"""Writes of the plans app. Every function takes the acting user (`actor=`), checks its rule, runs in one transaction and
audits in it; a DomainError carries a Vietnamese message and changes nothing.

An issued plan's text (header, sections, key tasks' definitions, the council programme's items) is fixed; its key tasks'
progress is still updated by their lead units, and the programme's items are still linked to the sessions and rounds
where they happened."""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max

from tdkt.core import audit, vntext
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.org.models import Unit

from . import numbering
from .models import (
    Plan,
    PlanSection,
    PlanStatus,
)

EVIDENCE_KINDS = ("pdf", "docx", "xlsx", "jpeg", "png")
EVIDENCE_PREFIX = "plans/evidence"
PLAN_FIELDS = ("title", "symbol", "place", "period_start", "period_end", "implements", "grounds", "preamble", "closing",
               "receivers", "signer_authority", "signer_title", "signer_name")
TASK_FIELDS = ("title", "lead_unit", "lead_name", "coordinating", "starts_on", "due_on", "period")
ITEM_FIELDS = ("month", "kind", "title", "in_charge")
ISSUER_KINDS = ("province", "district", "commune")


def default_title(year: int) -> str:
    return f"Công tác thi đua, khen thưởng năm {year}"


def _multiline(value) -> str:
    """NFC, each line trimmed and its inner whitespace collapsed, blank lines dropped (a body keeps its paragraphs)."""
    lines = (vntext.nfc(line) for line in str(value or "").splitlines())
    return "\n".join(line for line in lines if line)


def _text(value, what: str, *, required: bool = True, limit: int = 500, multiline: bool = False) -> str:
    text = _multiline(value) if multiline else vntext.nfc(str(value or "")).strip()
    if required and not text:
        raise DomainError(f"Vui lòng nhập {what}.")
    if len(text) > limit:
        raise DomainError(f"{what[0].upper()}{what[1:]} quá dài (tối đa {limit} ký tự).")
    return text


def _lines(value, what: str) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        value = value.splitlines()
    if not isinstance(value, (list, tuple)):
        raise DomainError(f"{what[0].upper()}{what[1:]} phải là các dòng chữ.")
    out = [_text(v, what, required=False, limit=2000) for v in value]
    return [line for line in out if line]


def _date(value, what: str, *, required: bool = True) -> dt.date | None:
    if value in (None, ""):
        if required:
            raise DomainError(f"Vui lòng nhập {what} (dạng dd/mm/yyyy).")
        return None
    if not isinstance(value, dt.date):
        raise DomainError(f"{what[0].upper()}{what[1:]} không hợp lệ (dạng dd/mm/yyyy).")
    return value


def _year(year) -> int:
    if isinstance(year, bool) or not isinstance(year, int) or not 2000 <= year <= 2100:
        raise DomainError(f"Năm kế hoạch “{year}” không hợp lệ (từ 2000 đến 2100).")
    return year


def _edit(actor, plan_or_unit, what: str) -> None:
    issuer = getattr(plan_or_unit, "issuer", plan_or_unit)
    require(actor, "plans.edit", issuer, message=f"Bạn không có quyền {what}: chỉ cơ quan thường trực của {issuer.name}.")


def _draft(plan: Plan, what: str) -> None:
    if plan.status != PlanStatus.DRAFT:
        raise DomainError(f"Kế hoạch {plan.number_text or ''} đã ban hành, không thể {what}.".replace("  ", " "))


def _locked(plan: Plan) -> Plan:
    return Plan.objects.select_for_update(of=("self",)).select_related("issuer").get(pk=plan.pk)


def _iso(value):
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, (Plan, Unit)):
        return value.pk
    return value


def _check_implements(issuer: Unit, year: int, implements: Plan | None) -> None:
    if implements is None:
        return
    if not isinstance(implements, Plan):
        raise DomainError("Kế hoạch cấp trên không hợp lệ.")
    if implements.issuer_id == issuer.pk or not issuer.path.startswith(implements.issuer.path):
        raise DomainError(f"{implements} không phải kế hoạch của cấp trên {issuer.name}.")


# --- Plans ------------------------------------------------------------------------------------------------


def plan_create(*, actor, issuer: Unit, year: int, title: str = "", symbol: str = "KH-UBND", place: str = "",
                period_start: dt.date | None = None, period_end: dt.date | None = None, implements: Plan | None = None,
                grounds=None, preamble: str = "", closing: str = "", receivers=None, signer_authority: str = "TM. ỦY BAN NHÂN DÂN",
                signer_title: str = "CHỦ TỊCH", signer_name: str = "", copied_from: Plan | None = None) -> Plan:
    """A draft plan of `issuer` for `year` (one per level and year); its period is the calendar year unless given."""
    if not isinstance(issuer, Unit):
        raise DomainError("Hãy chọn cấp ban hành kế hoạch.")
    _edit(actor, issuer, f"lập kế hoạch của {issuer.name}")
    if issuer.kind not in ISSUER_KINDS:
        raise DomainError(f"{issuer.name} không phải một cấp chính quyền (tỉnh, quận/huyện, xã/phường) để ban hành kế hoạch TĐKT.")
    year = _year(year)
    start = _date(period_start, "ngày bắt đầu thực hiện", required=False) or dt.date(year, 1, 1)
    end = _date(period_end, "ngày kết thúc thực hiện", required=False) or dt.date(year, 12, 31)
    if end < start:
        raise DomainError(f"Thời gian thực hiện không hợp lệ: ngày kết thúc ({end:%d/%m/%Y}) trước ngày bắt đầu ({start:%d/%m/%Y}).")
    _check_implements(issuer, year, implements)
    plan = Plan(issuer=issuer, year=year, title=_text(title, "trích yếu", required=False) or default_title(year),
                symbol=_text(symbol, "ký hiệu", limit=40), place=_text(place, "địa danh", required=False, limit=120),
                period_start=start, period_end=end, implements=implements, grounds=_lines(grounds, "căn cứ"),
                preamble=_text(preamble, "phần mở đầu", required=False, limit=20000, multiline=True),
                closing=_text(closing, "phần kết", required=False, limit=20000, multiline=True), receivers=_lines(receivers, "nơi nhận"),
                signer_authority=_text(signer_authority, "thẩm quyền ký", required=False, limit=120),
                signer_title=_text(signer_title, "chức danh người ký", limit=120),
                signer_name=_text(signer_name, "họ tên người ký", required=False, limit=120), copied_from=copied_from, created_by=actor)
    with transaction.atomic():
        if Plan.objects.filter(issuer=issuer, year=year).exists():
            raise DomainError(f"{issuer.name} đã có kế hoạch công tác thi đua, khen thưởng năm {year}.")
        plan.save()
        audit.record(actor=actor, action="plans.plan.created", target=plan,
                     data={"issuer": issuer.pk, "year": year, "implements": implements.pk if implements else None,
                           "copied_from": copied_from.pk if copied_from else None})
    return plan


def plan_update(*, actor, plan: Plan, **changes) -> Plan:
    """Correct the header of a draft plan (trích yếu, ký hiệu, period, căn cứ, opening and closing, Nơi nhận, signer)."""
    _edit(actor, plan, "sửa kế hoạch")
    unknown = set(changes) - set(PLAN_FIELDS)
    if unknown:
        raise DomainError(f"Không thể sửa trường: {', '.join(sorted(unknown))}.")
    clean = {}
    for key, value in changes.items():
        if key == "title":
            clean[key] = _text(value, "trích yếu")
        elif key == "symbol":
            clean[key] = _text(value, "ký hiệu", limit=40)
        elif key in ("place", "signer_authority", "signer_name"):
            clean[key] = _text(value, {"place": "địa danh", "signer_authority": "thẩm quyền ký", "signer_name": "họ tên người ký"}[key],
                               required=False, limit=120)
        elif key == "signer_title":
            clean[key] = _text(value, "chức danh người ký", limit=120)
        elif key in ("period_start", "period_end"):
            clean[key] = _date(value, "ngày bắt đầu thực hiện" if key == "period_start" else "ngày kết thúc thực hiện")
        elif key in ("grounds", "receivers"):
            clean[key] = _lines(value, "căn cứ" if key == "grounds" else "nơi nhận")
        elif key in ("preamble", "closing"):
            clean[key] = _text(value, "phần mở đầu" if key == "preamble" else "phần kết", required=False, limit=20000, multiline=True)
        elif key == "implements":
            _check_implements(plan.issuer, plan.year, value)
            clean[key] = value
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "sửa")
        start = clean.get("period_start", locked.period_start)
        end = clean.get("period_end", locked.period_end)
        if end < start:
            raise DomainError(f"Thời gian thực hiện không hợp lệ: ngày kết thúc ({end:%d/%m/%Y}) trước ngày bắt đầu ({start:%d/%m/%Y}).")
        old = {k: _iso(getattr(locked, k)) for k in clean}
        for key, value in clean.items():
            setattr(locked, key, value)
        locked.save()
        audit.record(actor=actor, action="plans.plan.updated", target=locked,
                     data={"old": old, "new": {k: _iso(v) for k, v in clean.items()}})
    for key in clean:
        setattr(plan, key, getattr(locked, key))
    return plan


def plan_issue(*, actor, plan: Plan, number: int, issued_on: dt.date) -> Plan:
    """Issue a draft: its number and date; refused while the consistency check refuses (the findings are in the
    message)."""
    from .check import check_plan, refusals

    _edit(actor, plan, "ban hành kế hoạch")
    if isinstance(number, bool) or not isinstance(number, int) or number < 1:
        raise DomainError("Số kế hoạch phải là số nguyên dương.")
    issued_on = _date(issued_on, "ngày ban hành")
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "ban hành lại")
        if Plan.objects.filter(issuer=locked.issuer, symbol=locked.symbol, number=number, issued_on__year=issued_on.year).exclude(
                pk=locked.pk).exists():
            raise DomainError(f"Số {number:02d}/{locked.symbol} năm {issued_on.year} đã dùng cho kế hoạch khác.")
        locked.number, locked.issued_on = number, issued_on
        blocking = refusals(check_plan(locked))
        if blocking:
            raise DomainError("Chưa ban hành được kế hoạch: " + " ".join(f.message for f in blocking), code="plan_check",
                              details=[f.as_dict() for f in blocking])
        locked.status = PlanStatus.ISSUED
        locked.save(update_fields=["number", "issued_on", "status", "updated_at"])
        audit.record(actor=actor, action="plans.plan.issued", target=locked, data={"number": number, "issued_on": issued_on.isoformat()})
    plan.number, plan.issued_on, plan.status = locked.number, locked.issued_on, locked.status
    return plan


# --- Sections -------------------------------------------------------------------------------------------


def _next_position(qs) -> int:
    return (qs.aggregate(m=Max("position"))["m"] or 0) + 1


def _depth(section: PlanSection | None) -> int:
    depth = 0
    while section is not None:
        depth += 1
        section = section.parent
    return depth


def section_add(*, actor, plan: Plan, title: str = "", body: str = "", parent: PlanSection | None = None) -> PlanSection:
    """A section at the end of its parent's children (the plan's top level when `parent` is None)."""
    _edit(actor, plan, "sửa kế hoạch")
    if parent is not None and parent.plan_id != plan.pk:
        raise DomainError("Mục cha không thuộc kế hoạch này.")
    if _depth(parent) >= numbering.MAX_DEPTH:
        raise DomainError("Kế hoạch chỉ có bốn cấp mục (I., 1., 1.1., a)); không thể thêm cấp sâu hơn.")
    title = _text(title, "tiêu đề", required=False)
    body = _text(body, "nội dung", required=False, limit=20000, multiline=True)
    if not title and not body:
        raise DomainError("Vui lòng nhập tiêu đề hoặc nội dung của mục.")
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "sửa")
        section = PlanSection.objects.create(plan=locked, parent=parent, title=title, body=body,
                                             position=_next_position(PlanSection.objects.filter(plan=locked, parent=parent)))
        audit.record(actor=actor, action="plans.section.added", target=locked,
                     data={"section": section.pk, "parent": parent.pk if parent else None, "title": title})
    return section


def section_update(*, actor, section: PlanSection, title: str, body: str) -> PlanSection:
    plan = section.plan
    _edit(actor, plan, "sửa kế hoạch")
    title = _text(title, "tiêu đề", required=False)
    body = _text(body, "nội dung", required=False, limit=20000, multiline=True)
    if not title and not body:
        raise DomainError("Vui lòng nhập tiêu đề hoặc nội dung của mục.")
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "sửa")
        old = {"title": section.title, "body": section.body}
        PlanSection.objects.filter(pk=section.pk).update(title=title, body=body)
        audit.record(actor=actor, action="plans.section.updated", target=locked,
                     data={"section": section.pk, "old": old, "new": {"title": title, "body": body}})
    section.title, section.body = title, body
    return section


def section_move(*, actor, section: PlanSection, direction: str) -> PlanSection:
    """Move a section one place up or down among its siblings (its number follows)."""
    plan = section.plan
    _edit(actor, plan, "sửa kế hoạch")
    if direction not in ("up", "down"):
        raise DomainError("Hướng di chuyển không hợp lệ (lên hoặc xuống).")
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "sửa")
        siblings = list(PlanSection.objects.filter(plan=locked, parent_id=section.parent_id).order_by("position", "id"))
        index = next(i for i, s in enumerate(siblings) if s.pk == section.pk)
        other = index - 1 if direction == "up" else index + 1
        if not 0 <= other < len(siblings):
            raise DomainError("Mục đã ở vị trí " + ("đầu tiên." if direction == "up" else "cuối cùng."))
        siblings[index], siblings[other] = siblings[other], siblings[index]
        for position, s in enumerate(siblings, 1):
            if s.position != position:
                PlanSection.objects.filter(pk=s.pk).update(position=position)
        audit.record(actor=actor, action="plans.section.moved", target=locked, data={"section": section.pk, "direction": direction})
    section.refresh_from_db()
    return section


def section_remove(*, actor, section: PlanSection) -> None:
    """Remove a section of a draft with its subsections (their texts are kept in the audit event)."""
    plan = section.plan
    _edit(actor, plan, "sửa kế hoạch")
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "sửa")
        removed = []

        def collect(s):
            removed.append({"id": s.pk, "title": s.title, "body": s.body})
            for child in s.children.all():
                collect(child)

        collect(section)
        section.delete()
        siblings = PlanSection.objects.filter(plan=locked, parent_id=section.parent_id).order_by("position", "id")
        for position, s in enumerate(siblings, 1):
            if s.position != position:
                PlanSection.objects.filter(pk=s.pk).update(position=position)
        audit.record(actor=actor, action="plans.section.removed", target=locked, data={"removed": removed})


# The appendices (key tasks, the council's programme) and the copies live in `appendices`; they are services too.
from .appendices import (  # noqa: E402,F401
    council_item_add,
    council_item_link,
    council_item_remove,
    key_task_add,
    key_task_progress,
    key_task_remove,
    key_task_update,
    plan_copy,
)
