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
from tdkt.core.uploads import check_upload, store_upload
from tdkt.org.models import Unit

from . import numbering
from .models import (
    CouncilItem,
    CouncilItemKind,
    KeyTask,
    KeyTaskUpdate,
    Plan,
    PlanSection,
    PlanStatus,
    TaskStatus,
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


# --- Key tasks (Phụ lục 1) ---------------------------------------------------------------------------------


def _task_values(plan: Plan, changes: dict, current: KeyTask | None = None) -> dict:
    clean = {}
    for key, value in changes.items():
        if key == "title":
            clean[key] = _text(value, "tên nhiệm vụ", limit=1000)
        elif key == "lead_unit":
            if value is not None and not isinstance(value, Unit):
                raise DomainError("Đơn vị chủ trì không hợp lệ.")
            clean[key] = value
        elif key == "lead_name":
            clean[key] = _text(value, "tên đơn vị chủ trì", required=False, limit=255)
        elif key == "coordinating":
            clean[key] = _text(value, "đơn vị phối hợp", required=False, limit=1000)
        elif key in ("starts_on", "due_on"):
            clean[key] = _date(value, "ngày bắt đầu" if key == "starts_on" else "thời hạn hoàn thành", required=False)
        elif key == "period":
            clean[key] = _text(value, "thời gian thực hiện", required=False, limit=120)
    lead_unit = clean.get("lead_unit", current.lead_unit if current else None)
    lead_name = clean.get("lead_name", current.lead_name if current else "")
    if lead_unit is None and not lead_name:
        raise DomainError("Vui lòng chọn đơn vị chủ trì hoặc nhập tên đơn vị chủ trì.")
    starts = clean.get("starts_on", current.starts_on if current else None)
    due = clean.get("due_on", current.due_on if current else None)
    if starts and due and due < starts:
        raise DomainError(f"Thời hạn hoàn thành ({due:%d/%m/%Y}) trước ngày bắt đầu ({starts:%d/%m/%Y}).")
    return clean


def key_task_add(*, actor, plan: Plan, title: str, lead_unit: Unit | None = None, lead_name: str = "", coordinating: str = "",
                 starts_on: dt.date | None = None, due_on: dt.date | None = None, period: str = "") -> KeyTask:
    _edit(actor, plan, "sửa kế hoạch")
    clean = _task_values(plan, {"title": title, "lead_unit": lead_unit, "lead_name": lead_name, "coordinating": coordinating,
                                "starts_on": starts_on, "due_on": due_on, "period": period})
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "sửa")
        task = KeyTask.objects.create(plan=locked, position=_next_position(locked.key_tasks.all()), **clean)
        audit.record(actor=actor, action="plans.key_task.added", target=locked,
                     data={"task": task.pk, **{k: _iso(v) for k, v in clean.items()}})
    return task


def key_task_update(*, actor, task: KeyTask, **changes) -> KeyTask:
    plan = task.plan
    _edit(actor, plan, "sửa kế hoạch")
    unknown = set(changes) - set(TASK_FIELDS)
    if unknown:
        raise DomainError(f"Không thể sửa trường: {', '.join(sorted(unknown))}.")
    clean = _task_values(plan, changes, task)
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "sửa")
        old = {k: _iso(getattr(task, k)) for k in clean}
        for key, value in clean.items():
            setattr(task, key, value)
        task.save(update_fields=list(clean) or None)
        audit.record(actor=actor, action="plans.key_task.updated", target=locked,
                     data={"task": task.pk, "old": old, "new": {k: _iso(v) for k, v in clean.items()}})
    return task


def key_task_remove(*, actor, task: KeyTask) -> None:
    plan = task.plan
    _edit(actor, plan, "sửa kế hoạch")
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "sửa")
        if task.updates.exists():
            raise DomainError("Nhiệm vụ đã có cập nhật tiến độ của đơn vị chủ trì, không thể xóa.")
        data = {"task": task.pk, "title": task.title}
        task.delete()
        audit.record(actor=actor, action="plans.key_task.removed", target=locked, data=data)


def key_task_progress(*, actor, task: KeyTask, status: str, note: str, evidence=None, on: dt.date | None = None) -> KeyTaskUpdate:
    """The lead unit's progress note on its key task (with an evidence file): the task's status follows it."""
    require(actor, "plans.update_task", task,
            message=f"Bạn không có quyền cập nhật nhiệm vụ này: chỉ cán bộ của đơn vị chủ trì ({task.lead_label}).")
    if status not in TaskStatus.values:
        raise DomainError("Trạng thái không hợp lệ (chưa thực hiện, đang thực hiện, đã hoàn thành).")
    note = _text(note, "kết quả, tiến độ thực hiện", limit=4000, multiline=True)
    checked = check_upload(evidence, allowed=EVIDENCE_KINDS) if evidence is not None else None
    with transaction.atomic():
        locked = KeyTask.objects.select_for_update(of=("self",)).get(pk=task.pk)
        update = KeyTaskUpdate(task=locked, status=status, note=note, written_by=actor)
        if checked is not None:
            update.evidence_name = store_upload(evidence, checked, prefix=EVIDENCE_PREFIX)
            update.evidence_filename, update.evidence_content_type = checked.filename, checked.content_type
        update.save()
        old = locked.status
        locked.status = status
        locked.done_on = (on or dt.date.today()) if status == TaskStatus.DONE else None
        locked.save(update_fields=["status", "done_on"])
        audit.record(actor=actor, action="plans.key_task.progress", target=locked.plan,
                     data={"task": locked.pk, "old": old, "new": status, "evidence": update.evidence_filename})
    task.status, task.done_on = locked.status, locked.done_on
    return update


# --- The council's programme (Phụ lục 2) --------------------------------------------------------------------


def _item_values(changes: dict) -> dict:
    clean = {}
    for key, value in changes.items():
        if key == "month":
            if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 12:
                raise DomainError(f"Tháng “{value}” không hợp lệ (từ 1 đến 12).")
            clean[key] = value
        elif key == "kind":
            if value not in CouncilItemKind.values:
                raise DomainError("Loại công việc không hợp lệ.")
            clean[key] = value
        elif key == "title":
            clean[key] = _text(value, "nội dung công việc", limit=1000)
        elif key == "in_charge":
            clean[key] = _text(value, "thành viên, cơ quan phụ trách")
    return clean


def council_item_add(*, actor, plan: Plan, month: int, title: str, in_charge: str,
                     kind: str = CouncilItemKind.MEETING) -> CouncilItem:
    _edit(actor, plan, "sửa chương trình công tác của Hội đồng")
    clean = _item_values({"month": month, "kind": kind, "title": title, "in_charge": in_charge})
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "sửa")
        item = CouncilItem.objects.create(plan=locked, position=_next_position(locked.council_items.filter(month=clean["month"])),
                                          **clean)
        audit.record(actor=actor, action="plans.council_item.added", target=locked, data={"item": item.pk, **clean})
    return item


def council_item_remove(*, actor, item: CouncilItem) -> None:
    plan = item.plan
    _edit(actor, plan, "sửa chương trình công tác của Hội đồng")
    with transaction.atomic():
        locked = _locked(plan)
        _draft(locked, "sửa")
        data = {"item": item.pk, "month": item.month, "title": item.title}
        item.delete()
        audit.record(actor=actor, action="plans.council_item.removed", target=locked, data=data)


def council_item_link(*, actor, item: CouncilItem, session=None, round_=None) -> CouncilItem:
    """Link a programme item to the council session or the commendation round where it happened (of the plan's level);
    None unlinks. Allowed on an issued plan."""
    from tdkt.council.models import CouncilSession
    from tdkt.nominations.models import Round

    plan = item.plan
    _edit(actor, plan, "cập nhật chương trình công tác của Hội đồng")
    if session is not None and (not isinstance(session, CouncilSession) or session.council.unit_id != plan.issuer_id):
        raise DomainError(f"Phiên họp không thuộc Hội đồng của {plan.issuer.name}.")
    if round_ is not None and (not isinstance(round_, Round) or round_.office_unit_id != plan.issuer_id):
        raise DomainError(f"Đợt xét khen thưởng không thuộc {plan.issuer.name}.")
    with transaction.atomic():
        old = {"session": item.session_id, "round": item.round_id}
        item.session, item.round = session, round_
        item.save(update_fields=["session", "round"])
        audit.record(actor=actor, action="plans.council_item.linked", target=plan,
                     data={"item": item.pk, "old": old, "new": {"session": item.session_id, "round": item.round_id}})
    return item


# --- Copies ----------------------------------------------------------------------------------------------


def _shift(day: dt.date | None, years: int) -> dt.date | None:
    if day is None:
        return None
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29/02 into a common year
        return day.replace(year=day.year + years, day=28)


def plan_copy(*, actor, source: Plan, issuer: Unit, year: int, cascade: bool = False) -> Plan:
    """A new draft plan of `issuer` for `year` from `source`: last year's plan of the same level, or (`cascade`) the
    higher level's plan of the year, which the new plan then implements. Sections and key tasks are copied, dates moved
    by the year difference, statuses reset; the council's programme is copied from last year's plan only (the higher
    level's is its own council's). Every text is kept as it was: the consistency check points at what to rewrite."""
    require(actor, "plans.view", source, message="Bạn không xem được kế hoạch nguồn.")
    year = _year(year)
    if cascade:
        if source.year != year:
            raise DomainError(f"Kế hoạch cấp trên là của năm {source.year}, không phải năm {year}.")
        if source.issuer_id == issuer.pk or not issuer.path.startswith(source.issuer.path):
            raise DomainError(f"{source.issuer.name} không phải cấp trên của {issuer.name}.")
    else:
        if source.issuer_id != issuer.pk:
            raise DomainError("Chỉ sao chép được kế hoạch năm trước của chính cấp mình.")
        if source.year >= year:
            raise DomainError(f"Kế hoạch nguồn (năm {source.year}) phải là của năm trước năm {year}.")
    years = year - source.year
    with transaction.atomic():
        plan = plan_create(
            actor=actor, issuer=issuer, year=year, title=default_title(year) if source.title == default_title(source.year) else source.title,
            symbol=source.symbol, place="" if cascade else source.place,
            period_start=_shift(source.period_start, years), period_end=_shift(source.period_end, years),
            implements=source if cascade else None,
            grounds=list(source.grounds), preamble=source.preamble, closing=source.closing,
            receivers=[] if cascade else list(source.receivers), signer_authority=source.signer_authority, signer_title=source.signer_title,
            signer_name="" if cascade else source.signer_name, copied_from=source)
        ids: dict[int, PlanSection] = {}
        for node in numbering.outline(list(source.sections.all())):
            s = node.section
            ids[s.pk] = PlanSection.objects.create(plan=plan, parent=ids.get(s.parent_id), position=node.path[-1], title=s.title, body=s.body)
        for task in source.key_tasks.order_by("position", "id"):
            KeyTask.objects.create(plan=plan, position=task.position, title=task.title,
                                   lead_unit=None if cascade else task.lead_unit, lead_name=task.lead_label if cascade else task.lead_name,
                                   coordinating=task.coordinating, starts_on=_shift(task.starts_on, years), due_on=_shift(task.due_on, years),
                                   period=task.period, status=TaskStatus.NOT_STARTED)
        if not cascade:
            for item in source.council_items.order_by("month", "position", "id"):
                CouncilItem.objects.create(plan=plan, month=item.month, position=item.position, kind=item.kind, title=item.title,
                                           in_charge=item.in_charge)
        audit.record(actor=actor, action="plans.plan.copied", target=plan,
                     data={"source": source.pk, "cascade": cascade, "sections": len(ids), "years": years})
    return plan
