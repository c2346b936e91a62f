"""Services of the plan's appendices — the key tasks (Phụ lục I) and the council's programme (Phụ lục II) — and the copies
of a plan (from last year's, from the higher level's). The same rules as `services` (actor, rule, one transaction, audit)."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from tdkt.core import audit
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.core.uploads import check_upload, store_upload
from tdkt.org.models import Unit

from . import numbering
from .models import CouncilItem, CouncilItemKind, KeyTask, KeyTaskUpdate, Plan, PlanSection, TaskStatus
from .services import (
    EVIDENCE_KINDS,
    EVIDENCE_PREFIX,
    TASK_FIELDS,
    _date,
    _draft,
    _edit,
    _iso,
    _locked,
    _next_position,
    _text,
    _year,
    default_title,
    plan_create,
)

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
