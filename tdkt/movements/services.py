"""Writes of the movements app: movements, their criteria and documents, registrations and reminders. Every function
takes the acting user (`actor=`), checks its rule, runs in one transaction and audits in it; DomainError carries a
Vietnamese message and nothing is changed. A registration's state only changes through `core.workflow` (the table in
`workflow.py`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from tdkt.core import audit, vntext
from tdkt.core import workflow as kernel
from tdkt.core.errors import DomainError
from tdkt.core.notifications import notify
from tdkt.core.permissions import require
from tdkt.core.uploads import check_upload, store_upload
from tdkt.law.catalogue import load_catalogue
from tdkt.org.models import Person, Unit

from . import selectors
from .models import (
    Anniversary,
    Criterion,
    Movement,
    MovementDocument,
    MovementKind,
    Registration,
    RegistrationStatus,
    RegistrationTarget,
    RegistrationTitle,
    Reminder,
)
from .notify import unit_officers
from .workflow import REGISTRATION, deadline_refusal

DOCUMENT_KINDS = ("pdf", "docx", "jpeg", "png")
DOCUMENT_PREFIX = "movements/documents"
MOVEMENT_FIELDS = ("name", "slogan", "purpose", "kind", "starts_on", "ends_on", "registration_deadline", "targets",
                   "planned_awards", "parent", "anniversary")


def _text(value, what: str, *, required: bool = True, limit: int = 255) -> str:
    text = vntext.nfc(str(value or "")).strip()
    if required and not text:
        raise DomainError(f"Vui lòng nhập {what}.")
    if limit and len(text) > limit:
        raise DomainError(f"{what[0].upper()}{what[1:]} quá dài (tối đa {limit} ký tự).")
    return text


def _date(value, what: str) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise DomainError(f"Hãy nhập {what} (dạng dd/mm/yyyy).")
    return value


def award_choices(codes: Iterable[str] | None = None) -> list[tuple[str, str]]:
    """(code, name) of the catalogue's awards (or of `codes`), for the forms."""
    awards = load_catalogue().awards
    wanted = list(awards) if codes is None else [c for c in codes if c in awards]
    return [(code, awards[code].name) for code in wanted]


def _awards(codes) -> list[str]:
    awards = load_catalogue().awards
    out = []
    for code in codes or ():
        code = str(code).strip().upper()
        if code not in awards:
            raise DomainError(f"Hình thức khen thưởng không có trong danh mục: {code}.")
        if code not in out:
            out.append(code)
    return out


def _check_period(starts_on, ends_on, deadline) -> None:
    starts_on, ends_on = _date(starts_on, "ngày bắt đầu"), _date(ends_on, "ngày kết thúc")
    deadline = _date(deadline, "hạn đăng ký thi đua")
    if ends_on < starts_on:
        raise DomainError(f"Ngày kết thúc ({ends_on:%d/%m/%Y}) trước ngày bắt đầu ({starts_on:%d/%m/%Y}).")
    if deadline < starts_on:
        raise DomainError(f"Hạn đăng ký thi đua ({deadline:%d/%m/%Y}) trước ngày bắt đầu phong trào ({starts_on:%d/%m/%Y}).")
    if deadline > ends_on:
        raise DomainError(f"Hạn đăng ký thi đua ({deadline:%d/%m/%Y}) sau ngày kết thúc phong trào ({ends_on:%d/%m/%Y}).")


def _check_targets(unit: Unit, targets) -> list[Unit]:
    targets = list(dict.fromkeys(targets or ()))
    if not targets:
        raise DomainError("Hãy chọn ít nhất một đơn vị tham gia phong trào.")
    outside = [t.name for t in targets if not t.path.startswith(unit.path)]
    if outside:
        raise DomainError(f"Đơn vị không thuộc phạm vi của {unit.name}: " + ", ".join(outside[:5]) + ".")
    return targets


def _check_parent(unit: Unit, parent: Movement | None, actor) -> Movement | None:
    if parent is None:
        return None
    if not (unit.path.startswith(parent.unit.path) and parent.unit_id != unit.pk):
        raise DomainError(f"Chỉ hưởng ứng phong trào của cấp trên ({parent.unit.name} không phải cấp trên của {unit.name}).")
    if not actor.has_perm("movements.view_movement", parent):
        raise DomainError("Phong trào của cấp trên không hợp lệ hoặc không thuộc phạm vi của bạn.")
    return parent


def _criterion_fields(data: Mapping, position: int) -> dict:
    points = data.get("points")
    if points in ("", None):
        points = None
    else:
        try:
            points = Decimal(str(points).replace(",", "."))
        except (InvalidOperation, ValueError):
            raise DomainError(f"Điểm của tiêu chí thứ {position} phải là một số.") from None
        if not points.is_finite() or points < 0:
            raise DomainError(f"Điểm của tiêu chí thứ {position} không được là số âm.")
        if points >= 10000:
            raise DomainError(f"Điểm của tiêu chí thứ {position} quá lớn (tối đa 9999).")
    return {"text": _text(data.get("text"), f"nội dung tiêu chí thứ {position}", limit=2000),
            "mandatory": bool(data.get("mandatory", True)), "points": points,
            "evidence": _text(data.get("evidence"), "minh chứng yêu cầu", required=False, limit=500)}


# --- Movements -------------------------------------------------------------------------------------------------------


def movement_create(*, actor, unit: Unit, name: str, starts_on: dt.date, ends_on: dt.date, registration_deadline: dt.date,
                    targets: Iterable[Unit], kind: str = MovementKind.THEMATIC, slogan: str = "", purpose: str = "",
                    planned_awards: Iterable[str] = (), parent: Movement | None = None, anniversary: Anniversary | None = None,
                    criteria: Iterable[Mapping] = ()) -> Movement:
    """Launch a movement of `unit` for `targets` (units of its subtree), with its criteria."""
    require(actor, "movements.launch", unit, message=f"Bạn không có quyền phát động phong trào của {unit.name}.")
    if kind not in MovementKind.values:
        raise DomainError("Loại phong trào không hợp lệ (thường xuyên hoặc chuyên đề).")
    _check_period(starts_on, ends_on, registration_deadline)
    targets = _check_targets(unit, targets)
    rows = [_criterion_fields(c, i) for i, c in enumerate(criteria, start=1)]
    movement = Movement(unit=unit, kind=kind, name=_text(name, "tên phong trào"), slogan=_text(slogan, "khẩu hiệu", required=False),
                        purpose=_text(purpose, "mục đích, yêu cầu", required=False, limit=5000), starts_on=starts_on, ends_on=ends_on,
                        registration_deadline=registration_deadline, planned_awards=_awards(planned_awards),
                        parent=_check_parent(unit, parent, actor), anniversary=anniversary, created_by=actor)
    with transaction.atomic():
        movement.save()
        movement.targets.set(targets)
        Criterion.objects.bulk_create([Criterion(movement=movement, position=i, **row) for i, row in enumerate(rows, start=1)])
        audit.record(actor=actor, action="movements.movement.launched", target=movement,
                     data={"unit": unit.pk, "kind": kind, "targets": [t.pk for t in targets], "criteria": len(rows),
                           "parent": parent.pk if parent else None})
    return movement


def _locked(movement: Movement) -> Movement:
    return Movement.objects.select_for_update(of=("self",)).select_related("unit").get(pk=movement.pk)


def _manage(actor, movement: Movement, what: str) -> None:
    require(actor, "movements.manage_movement", movement,
            message=f"Bạn không có quyền {what}: chỉ cấp phát động phong trào ({movement.unit.name}).")


def movement_update(*, actor, movement: Movement, **changes) -> Movement:
    """Correct a movement; a target unit that has a registration stays."""
    _manage(actor, movement, "sửa phong trào")
    unknown = set(changes) - set(MOVEMENT_FIELDS)
    if unknown:
        raise DomainError(f"Không thể sửa trường: {', '.join(sorted(unknown))}.")
    with transaction.atomic():
        locked = _locked(movement)
        values = {f: getattr(locked, f) for f in ("starts_on", "ends_on", "registration_deadline")}
        values.update({k: v for k, v in changes.items() if k in values})
        _check_period(values["starts_on"], values["ends_on"], values["registration_deadline"])
        if "kind" in changes and changes["kind"] not in MovementKind.values:
            raise DomainError("Loại phong trào không hợp lệ (thường xuyên hoặc chuyên đề).")
        for field, what, limit in (("name", "tên phong trào", 255), ("slogan", "khẩu hiệu", 255), ("purpose", "mục đích, yêu cầu", 5000)):
            if field in changes:
                changes[field] = _text(changes[field], what, required=field == "name", limit=limit)
        if "planned_awards" in changes:
            changes["planned_awards"] = _awards(changes["planned_awards"])
        if "parent" in changes:
            changes["parent"] = _check_parent(locked.unit, changes["parent"], actor)
        targets = changes.pop("targets", None)
        if targets is not None:
            targets = _check_targets(locked.unit, targets)
            kept = set(Registration.objects.filter(movement=locked).values_list("unit_id", flat=True))
            dropped = [t.name for t in locked.targets.filter(pk__in=kept - {t.pk for t in targets})]
            if dropped:
                raise DomainError("Không thể bỏ đơn vị đã đăng ký thi đua: " + ", ".join(dropped[:5]) + ".")
        for key, value in changes.items():
            setattr(locked, key, value)
        if changes:
            locked.save(update_fields=[*changes, "updated_at"])
        if targets is not None:
            locked.targets.set(targets)

        def plain(v):
            return v.isoformat() if isinstance(v, dt.date) else getattr(v, "pk", v)

        audit.record(actor=actor, action="movements.movement.updated", target=locked,
                     data={"new": {k: plain(v) for k, v in changes.items()},
                           **({"targets": [t.pk for t in targets]} if targets is not None else {})})
    movement.refresh_from_db()
    return movement


def criterion_add(*, actor, movement: Movement, text: str, mandatory: bool = True, points=None, evidence: str = "") -> Criterion:
    _manage(actor, movement, "sửa tiêu chí")
    with transaction.atomic():
        locked = _locked(movement)
        position = (locked.criteria.order_by("-position").values_list("position", flat=True).first() or 0) + 1
        row = _criterion_fields({"text": text, "mandatory": mandatory, "points": points, "evidence": evidence}, position)
        criterion = Criterion.objects.create(movement=locked, position=position, **row)
        audit.record(actor=actor, action="movements.criterion.added", target=locked, data={"criterion": criterion.pk})
    return criterion


def criterion_remove(*, actor, criterion: Criterion) -> None:
    movement = criterion.movement
    _manage(actor, movement, "sửa tiêu chí")
    with transaction.atomic():
        _locked(movement)
        if RegistrationTarget.objects.filter(criterion=criterion).exists():
            raise DomainError("Không thể bỏ tiêu chí đã có đơn vị đăng ký chỉ tiêu.")
        audit.record(actor=actor, action="movements.criterion.removed", target=movement,
                     data={"criterion": criterion.pk, "text": criterion.text[:200]})
        criterion.delete()


def movement_document_add(*, actor, movement: Movement, title: str, file) -> MovementDocument:
    _manage(actor, movement, "đính kèm văn bản")
    title = _text(title, "tên văn bản")
    checked = check_upload(file, allowed=DOCUMENT_KINDS)
    with transaction.atomic():
        name = store_upload(file, checked, prefix=DOCUMENT_PREFIX)
        doc = MovementDocument.objects.create(movement=movement, title=title, name=name, filename=checked.filename,
                                              content_type=checked.content_type, uploaded_by=actor)
        audit.record(actor=actor, action="movements.document.added", target=movement,
                     data={"document": doc.pk, "filename": checked.filename, "sha256": checked.sha256})
    return doc


# --- Registrations -------------------------------------------------------------------------------------------------


def registration_start(*, actor, movement: Movement, unit: Unit) -> Registration:
    """A draft registration of a target unit (one per unit and movement), by the registration deadline."""
    registration = Registration(movement=movement, unit=unit, created_by=actor)
    require(actor, "movements.register", registration, message=f"Bạn không có quyền đăng ký thi đua cho {unit.name}.")
    if Registration.objects.filter(movement=movement, unit=unit).exists():
        raise DomainError(f"{unit.name} đã có đăng ký thi đua cho phong trào này.")
    try:
        kernel.create(actor=actor, obj=registration, action="create", workflow=REGISTRATION,
                      data={"movement": movement.pk, "unit": unit.pk})
    except IntegrityError:
        raise DomainError(f"{unit.name} đã có đăng ký thi đua cho phong trào này.") from None
    return registration


def _locked_registration(registration: Registration) -> Registration:
    return Registration.objects.select_for_update(of=("self",)).select_related("movement", "unit").get(pk=registration.pk)


def registration_save(*, actor, registration: Registration, targets: Mapping[int, str] | None = None,
                      titles: Iterable[tuple[str, Person | None]] | None = None, note: str | None = None) -> Registration:
    """The unit's targets per criterion (criterion id → text) and the titles it aims for ((award code, person or None
    for the unit itself)); only while the registration is a draft or returned. `None` leaves a part as it is."""
    require(actor, "movements.register", registration,
            message=f"Bạn không có quyền sửa đăng ký thi đua của {registration.unit.name}.")
    movement = registration.movement
    criteria = {c.pk: c for c in movement.criteria.all()}
    rows = None
    if targets is not None:
        rows = {}
        for key, text in targets.items():
            try:
                criterion = criteria[int(key)]
            except (KeyError, TypeError, ValueError):
                raise DomainError(f"Tiêu chí không thuộc phong trào này: {key}.") from None
            text = _text(text, "chỉ tiêu đăng ký", required=False, limit=2000)
            if text:
                rows[criterion.pk] = text
    wanted = None
    if titles is not None:
        planned = set(movement.planned_awards)
        wanted = []
        for code, person in titles:
            code = str(code or "").strip().upper()
            if code not in planned:
                shown = ", ".join(movement.planned_awards) or "chưa có"
                raise DomainError(f"Danh hiệu {code or '(trống)'} không thuộc các hình thức khen thưởng dự kiến của phong trào ({shown}).")
            if person is not None and not (person.unit_id and person.unit.path.startswith(registration.unit.path)):
                raise DomainError(f"{person.full_name} không thuộc {registration.unit.name}.")
            key = (code, person.pk if person else None)
            if key not in {(c, p.pk if p else None) for c, p in wanted}:
                wanted.append((code, person))
    with transaction.atomic():
        locked = _locked_registration(registration)
        if not locked.editable:
            raise DomainError(f"Chỉ sửa đăng ký khi đang soạn hoặc bị trả lại (đăng ký đang ở trạng thái “{locked.get_status_display()}”).")
        if locked.status == RegistrationStatus.DRAFT and (refusal := deadline_refusal(movement)):
            raise DomainError(refusal)
        if rows is not None:
            RegistrationTarget.objects.filter(registration=locked).delete()
            RegistrationTarget.objects.bulk_create([RegistrationTarget(registration=locked, criterion_id=c, target=t) for c, t in rows.items()])
        if wanted is not None:
            RegistrationTitle.objects.filter(registration=locked).delete()
            RegistrationTitle.objects.bulk_create([RegistrationTitle(registration=locked, award_code=c, person=p) for c, p in wanted])
        if note is not None:
            locked.note = _text(note, "nội dung đăng ký chung", required=False, limit=5000)
        locked.save(update_fields=["note", "updated_at"])
        audit.record(actor=actor, action="movements.registration.saved", target=locked,
                     data={"targets": len(rows) if rows is not None else None,
                           "titles": [[c, p.pk if p else None] for c, p in wanted] if wanted is not None else None})
    registration.refresh_from_db()
    return registration


def registration_submit(*, actor, registration: Registration) -> Registration:
    action = "resubmit" if registration.status == RegistrationStatus.RETURNED else "submit"
    kernel.transition(actor=actor, obj=registration, action=action, workflow=REGISTRATION,
                      changes={"submitted_at": timezone.now()})
    return registration


def registration_approve(*, actor, registration: Registration) -> Registration:
    kernel.transition(actor=actor, obj=registration, action="approve", workflow=REGISTRATION,
                      changes={"decided_at": timezone.now(), "return_reason": ""})
    return registration


def registration_return(*, actor, registration: Registration, reason: str) -> Registration:
    reason = vntext.nfc(str(reason or "")).strip()
    if len(reason) > 2000:
        raise DomainError("Lý do quá dài (tối đa 2000 ký tự).")
    kernel.transition(actor=actor, obj=registration, action="return", reason=reason, workflow=REGISTRATION,
                      changes={"return_reason": reason})
    return registration


def registration_act(*, actor, registration: Registration, action: str, reason: str = "") -> Registration:
    """One entry point for the screens and the API: submit (or resubmit), approve, return."""
    if action in ("submit", "resubmit"):
        return registration_submit(actor=actor, registration=registration)
    if action == "approve":
        return registration_approve(actor=actor, registration=registration)
    if action == "return":
        return registration_return(actor=actor, registration=registration, reason=reason)
    raise DomainError("Thao tác không hợp lệ.")


# --- Reminders ---------------------------------------------------------------------------------------------------


def movement_remind(*, actor, movement: Movement) -> list[Reminder]:
    """Remind every target unit that has not registered (in-app notification to its TĐKT officers), at most once a day
    per unit; each reminder is recorded. Refused after the deadline and when every unit was reminded today."""
    _manage(actor, movement, "nhắc đăng ký thi đua")
    if refusal := deadline_refusal(movement):
        raise DomainError(refusal)
    today = timezone.localdate()
    with transaction.atomic():
        locked = _locked(movement)
        pending = selectors.not_registered(locked)
        if not pending:
            raise DomainError("Mọi đơn vị tham gia đã gửi đăng ký thi đua; không còn đơn vị nào để nhắc.")
        done = set(Reminder.objects.filter(movement=locked, sent_on=today).values_list("unit_id", flat=True))
        todo = [u for u in pending if u.pk not in done]
        if not todo:
            raise DomainError(f"Đã nhắc các đơn vị chưa đăng ký trong ngày {today:%d/%m/%Y}; mỗi ngày chỉ nhắc một lần.")
        url = reverse("movements:movement_detail", args=[locked.pk])
        sent = []
        for unit in todo:
            people = unit_officers(unit)
            written = notify(recipients=people, url=url, target=locked, key=f"movements.remind:{locked.pk}:{unit.pk}:{today.isoformat()}",
                             title=f"Nhắc đăng ký thi đua: {locked.name}",
                             body=f"{locked.unit.name} nhắc {unit.name} đăng ký thi đua trước ngày {locked.registration_deadline:%d/%m/%Y}.")
            sent.append(Reminder.objects.create(movement=locked, unit=unit, sent_on=today, sent_by=actor, recipients=len(written)))
        audit.record(actor=actor, action="movements.movement.reminded", target=locked,
                     data={"units": [u.pk for u in todo], "on": today.isoformat()})
    return sent
