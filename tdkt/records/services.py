"""Ledger services: ratings, awards received (and their revocation), disciplines, initiatives (and the award each
grounded) and the facts of a working year.

Keyword-only, one transaction each, audited inside it, DomainError with a Vietnamese message. Each checks the
records app's rule itself (`records.change_ledger` on the subject). Codes are checked against the law
catalogue (`catalogue.rating_code` ...). The subject of a rating or an award is exactly one of person / unit
(collective) / household (`tdkt.org.subjects`). Each change the engine reads is announced after the commit
(`changes.ledger_changed`: the layers above judge the subject's open nominees again).
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from tdkt.core import audit, vntext
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.law import vocabulary as vocab
from tdkt.org.models import Household, Person, Unit
from tdkt.org.subjects import subject_code, subject_fields

from . import catalogue, changes
from .models import AwardRecord, AwardRevocation, AwardSource, Discipline, Initiative, WorkYear, YearRating

MIN_YEAR = 1945


def _today() -> dt.date:
    return timezone.localdate()


def _require_editor(actor, subject) -> None:
    name = getattr(subject, "full_name", None) or getattr(subject, "name", None) or str(subject)
    require(actor, "records.change_ledger", subject, message=f"Bạn không có quyền sửa hồ sơ thành tích của {name}.")


def _check_year(year: int) -> int:
    try:
        year = int(year)
    except (TypeError, ValueError) as exc:
        raise DomainError("Năm không hợp lệ.") from exc
    if not MIN_YEAR <= year <= _today().year:
        raise DomainError(f"Năm phải từ {MIN_YEAR} đến {_today().year}.")
    return year


def issuer_display_name(unit: Unit) -> str:
    """How a decision's issuer is written: 'UBND quận Đống Đa', 'UBND thành phố Hà Nội'; other units by name."""
    if unit.kind in ("province", "district", "commune") and unit.name:
        return "UBND " + unit.name[0].lower() + unit.name[1:]
    return unit.name


# --- Ratings -----------------------------------------------------------------------------------------


def rating_set(*, actor, year: int, rating: str, person: Person | None = None, unit: Unit | None = None,
               household: Household | None = None, note: str = "") -> YearRating:
    """Set (or change) the yearly task-completion rating of a person or a collective."""
    subject = subject_fields(person=person, unit=unit, household=household)
    if household is not None:
        raise DomainError("Hộ gia đình không được xếp loại mức độ hoàn thành nhiệm vụ.")
    _require_editor(actor, next(iter(subject.values())))
    year = _check_year(year)
    rating = catalogue.rating_code(rating)
    with transaction.atomic():
        row = YearRating.objects.select_for_update().filter(**subject, year=year).first()
        old = row.rating if row else None
        if row is None:
            row = YearRating.objects.create(**subject, year=year, rating=rating, note=vntext.nfc(note))
        else:
            row.rating, row.note = rating, vntext.nfc(note)
            row.save()
        audit.record(actor=actor, action="records.rating.set", target=row,
                     data={"subject": subject_code(subject), "year": year, "old": old, "new": rating})
        changes.changed(*subject.values())
    return row


# --- Awards ------------------------------------------------------------------------------------------


def award_add(
    *,
    actor,
    award_code: str,
    year: int,
    person: Person | None = None,
    unit: Unit | None = None,
    household: Household | None = None,
    decision_number: str = "",
    decision_date: dt.date | None = None,
    issuer: Unit | None = None,
    issuer_name: str = "",
    note: str = "",
    source: str = AwardSource.MANUAL,
) -> AwardRecord:
    """Record a title or form received (from a decision), validated against the catalogue.

    `source` says where it comes from: recorded by hand (default), imported history, or a decision of this
    system (the decisions app, which links its decision line to the award one-to-one)."""
    subject = subject_fields(person=person, unit=unit, household=household)
    _require_editor(actor, next(iter(subject.values())))
    if source not in AwardSource.values:
        raise DomainError(f"Nguồn khen thưởng không hợp lệ: {source}.")
    year = _check_year(year)
    code = (award_code or "").strip().upper()
    known = catalogue.award_catalogue()
    if code not in known:
        raise DomainError(f"Mã danh hiệu/hình thức “{award_code}” không có trong danh mục.")
    name, allowed = known[code]
    kind = catalogue.subject_kind_of(**subject)
    if kind not in allowed:
        raise DomainError(f"{name} không được tặng cho {vocab.subject_in_sentence(kind)}.")
    issuer_name = vntext.nfc(issuer_name) or (issuer_display_name(issuer) if issuer is not None else "")
    if not issuer_name:
        raise DomainError("Phải ghi cơ quan ban hành quyết định.")
    if decision_date is not None:
        if decision_date > _today():
            raise DomainError("Ngày quyết định không được sau ngày hôm nay.")
        if decision_date.year < year:
            raise DomainError(f"Ngày quyết định ({decision_date:%d/%m/%Y}) không được trước năm thành tích {year}.")
    with transaction.atomic():
        duplicate = AwardRecord.objects.filter(**subject, award_code=code, year=year, revocation__isnull=True)
        if duplicate.exists():
            raise DomainError(f"Đã có {name} năm {year} cho đối tượng này.")
        award = AwardRecord.objects.create(
            **subject, award_code=code, year=year, decision_number=vntext.nfc(decision_number),
            decision_date=decision_date, issuer=issuer, issuer_name=issuer_name, note=vntext.nfc(note), source=source,
        )
        audit.record(
            actor=actor, action="records.award.added", target=award,
            data={"subject": subject_code(subject), "award": code, "year": year, "decision_number": award.decision_number,
                  "decision_date": decision_date.isoformat() if decision_date else None, "issuer": issuer_name,
                  "source": source},
        )
        changes.changed(*subject.values())
    return award


def award_revoke(*, actor, award: AwardRecord, on: dt.date, reason: str, decision_number: str = "",
                 decision_date: dt.date | None = None, issuer_name: str = "") -> AwardRecord:
    """Revoke an award (Art 93 Luật TĐKT) by a recorded act: it stays in the ledger, marked, and no longer counts."""
    _require_editor(actor, award.subject)
    reason = vntext.nfc(reason)
    if not reason:
        raise DomainError("Phải ghi lý do hủy bỏ khen thưởng.")
    if on is None:
        raise DomainError("Phải ghi ngày hủy bỏ khen thưởng.")
    if on > _today():
        raise DomainError("Ngày hủy bỏ không được sau ngày hôm nay.")
    if decision_date is not None and decision_date > _today():
        raise DomainError("Ngày quyết định hủy bỏ không được sau ngày hôm nay.")
    with transaction.atomic():
        award = AwardRecord.objects.select_for_update(of=("self",)).select_related("revocation").get(pk=award.pk)
        if award.revocation is not None:
            raise DomainError(f"Khen thưởng này đã bị hủy bỏ ngày {award.revocation.revoked_on:%d/%m/%Y}.")
        if award.decision_date and on < award.decision_date:
            raise DomainError("Ngày hủy bỏ không được trước ngày quyết định khen thưởng.")
        act = AwardRevocation.objects.create(revoked_on=on, reason=reason, decision_number=vntext.nfc(decision_number),
                                             decision_date=decision_date, issuer_name=vntext.nfc(issuer_name), recorded_by=actor)
        award.revocation = act
        award.save(update_fields=["revocation", "updated_at"])
        audit.record(actor=actor, action="records.award.revoked", target=award,
                     data={"on": on.isoformat(), "reason": reason, "decision_number": act.decision_number,
                           "decision_date": decision_date.isoformat() if decision_date else None})
        changes.changed(award.subject)
    return award


# --- Disciplines and initiatives ---------------------------------------------------------------------


def discipline_add(*, actor, person: Person, form: str, start: dt.date, end: dt.date, decision_number: str = "",
                   reason: str = "") -> Discipline:
    _require_editor(actor, person)
    form = catalogue.discipline_code(form)
    if start is None or end is None:
        raise DomainError("Phải ghi thời gian thi hành kỷ luật (từ ngày, đến ngày).")
    if end < start:
        raise DomainError("Ngày kết thúc kỷ luật phải sau ngày bắt đầu.")
    if start > _today():
        raise DomainError("Ngày bắt đầu kỷ luật không được sau ngày hôm nay.")
    with transaction.atomic():
        if Discipline.objects.filter(person=person, form=form, start=start).exists():
            raise DomainError("Kỷ luật này đã có trong hồ sơ.")
        row = Discipline.objects.create(person=person, form=form, start=start, end=end,
                                        decision_number=vntext.nfc(decision_number), reason=vntext.nfc(reason))
        audit.record(actor=actor, action="records.discipline.added", target=row,
                     data={"person": person.pk, "form": form, "start": start.isoformat(), "end": end.isoformat()})
        changes.changed(person)
    return row


def initiative_add(*, actor, person: Person, year: int, title: str, scope: str, recognised_on: dt.date | None = None,
                   decision_number: str = "") -> Initiative:
    _require_editor(actor, person)
    year = _check_year(year)
    title = vntext.nfc(title)
    if not title:
        raise DomainError("Tên sáng kiến không được để trống.")
    scope = catalogue.scope_code(scope)
    with transaction.atomic():
        if Initiative.objects.filter(person=person, year=year, title=title).exists():
            raise DomainError(f"Sáng kiến “{title}” năm {year} đã có trong hồ sơ.")
        row = Initiative.objects.create(person=person, year=year, title=title, scope=scope, recognised_on=recognised_on,
                                        decision_number=vntext.nfc(decision_number))
        audit.record(actor=actor, action="records.initiative.added", target=row,
                     data={"person": person.pk, "year": year, "title": title, "scope": scope})
        changes.changed(person)
    return row


def initiative_use(*, actor, initiative: Initiative, award: AwardRecord | None) -> Initiative:
    """Record the award an initiative grounded (None: it grounded none). One initiative grounds one award
    (CV 5007/BNV-TĐKT): an initiative already used for another award is refused, naming that award."""
    _require_editor(actor, initiative.person)
    with transaction.atomic():
        initiative = Initiative.objects.select_for_update(of=("self",)).select_related("used_for").get(pk=initiative.pk)
        old = initiative.used_for
        if award is not None:
            if award.person_id != initiative.person_id:
                raise DomainError("Khen thưởng được chọn không thuộc hồ sơ của tác giả sáng kiến.")
            if award.revocation_id is not None:
                raise DomainError("Khen thưởng đã bị hủy bỏ, không làm căn cứ được.")
            if award.year < initiative.year:
                raise DomainError(f"Khen thưởng năm {award.year} trước năm công nhận sáng kiến ({initiative.year}).")
            if old is not None and old.pk != award.pk and old.revocation_id is None:
                raise DomainError(f"Sáng kiến “{initiative.title}” đã làm căn cứ cho {catalogue.award_label(old.award_code)} năm "
                                  f"{old.year}; mỗi sáng kiến chỉ làm căn cứ cho một danh hiệu, hình thức khen thưởng.")
        initiative.used_for = award
        initiative.save()
        audit.record(actor=actor, action="records.initiative.used", target=initiative,
                     data={"person": initiative.person_id, "initiative": initiative.title,
                           "old": {"award": old.award_code, "year": old.year} if old else None,
                           "new": {"award": award.award_code, "year": award.year} if award else None})
        changes.changed(initiative.person)
    return initiative


# --- The facts of a working year ---------------------------------------------------------------------

MAX_DAYS_OFF = 366
MAX_COURSE_MONTHS = 120
WORK_YEAR_FIELDS = ("days_off", "maternity_days", "training_months", "training_result", "transfer_from", "transfer_months",
                    "transfer_comment", "note")


def _count(value, what: str, high: int, *, optional: bool = False) -> int | None:
    """A whole number of days or months (an int, or a string of digits from a form or a sheet); empty is None
    (not known) where optional, else 0."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None if optional else 0
    if isinstance(value, str) and value.strip().isdigit():
        value = int(value.strip())
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= high:
        raise DomainError(f"{what} phải là số nguyên từ 0 đến {high}.")
    return value


def clean_work_year(fields: dict) -> dict:
    """The facts of a working year checked as the engine reads them; Vietnamese messages."""
    out = {name: fields.get(name) for name in WORK_YEAR_FIELDS}
    out["days_off"] = _count(out["days_off"], "Số ngày nghỉ làm việc", MAX_DAYS_OFF, optional=True)
    out["maternity_days"] = _count(out["maternity_days"], "Số ngày nghỉ thai sản", MAX_DAYS_OFF)
    if out["maternity_days"] and out["days_off"] is None:
        raise DomainError("Có ngày nghỉ thai sản thì phải ghi tổng số ngày nghỉ làm việc (kể cả thai sản).")
    if out["days_off"] is not None and out["maternity_days"] > out["days_off"]:
        raise DomainError(f"Số ngày nghỉ thai sản ({out['maternity_days']}) lớn hơn tổng số ngày nghỉ ({out['days_off']}).")
    out["training_months"] = _count(out["training_months"], "Số tháng đào tạo, bồi dưỡng", MAX_COURSE_MONTHS)
    result = out["training_result"] or ""
    out["training_result"] = catalogue.training_result_code(result) if result else ""
    if out["training_result"] and not out["training_months"]:
        raise DomainError("Có kết quả học tập thì phải ghi số tháng đào tạo, bồi dưỡng.")
    out["transfer_from"] = vntext.nfc(out["transfer_from"] or "")
    if len(out["transfer_from"]) > 255:
        raise DomainError("Tên đơn vị cũ quá dài (tối đa 255 ký tự).")
    out["transfer_months"] = _count(out["transfer_months"], "Số tháng công tác ở đơn vị cũ", 12, optional=True)
    out["transfer_comment"] = bool(out["transfer_comment"])
    if (out["transfer_months"] is not None or out["transfer_comment"]) and not out["transfer_from"]:
        raise DomainError("Chuyển công tác: phải ghi tên đơn vị cũ.")
    out["note"] = vntext.nfc(out["note"] or "")
    return out


def _work_year_data(row: WorkYear | None) -> dict | None:
    return None if row is None else {name: getattr(row, name) for name in WORK_YEAR_FIELDS}


def work_year_set(*, actor, person: Person, year: int, **fields) -> WorkYear:
    """Set (or change) the facts of a person's working year: days off, maternity leave, a course, a transfer."""
    _require_editor(actor, person)
    year = _check_year(year)
    unknown = set(fields) - set(WORK_YEAR_FIELDS)
    if unknown:
        raise DomainError(f"Không có trường: {', '.join(sorted(unknown))}.")
    values = clean_work_year(fields)
    with transaction.atomic():
        row = WorkYear.objects.select_for_update().filter(person=person, year=year).first()
        old = _work_year_data(row)
        if row is None:
            row = WorkYear.objects.create(person=person, year=year, **values)
        else:
            for name, value in values.items():
                setattr(row, name, value)
            row.save()
        audit.record(actor=actor, action="records.work_year.set", target=row,
                     data={"person": person.pk, "year": year, "old": old, "new": _work_year_data(row)})
        changes.changed(person)
    return row


# --- Corrections and withdrawals ---------------------------------------------------------------------
# A mistake is corrected, never silently removed: a correction changes the row in place (django-simple-history
# keeps every version, the audit event the old and the new values); an entry recorded by mistake is withdrawn
# (the row leaves the ledger, its last version stays in the history tables and in the audit event, which names
# the person, so the profile's change log shows it struck through with its reason). Revoking a real award by a
# legal act is `award_revoke`, not a withdrawal. See docs/decisions/0010.

AWARD_CORRECTABLE = ("decision_number", "decision_date", "issuer_name", "note")
ENTRY_KINDS = {"rating": YearRating, "award": AwardRecord, "discipline": Discipline, "initiative": Initiative,
               "work_year": WorkYear}


def _person_of(entry):
    return entry.person if entry.person_id else (getattr(entry, "unit", None) or getattr(entry, "household", None))


def _entry_data(entry) -> dict:
    """The fields of a ledger row as written to an audit event (JSON)."""
    fields = {
        YearRating: ("year", "rating", "note"),
        AwardRecord: ("award_code", "year", "decision_number", "decision_date", "issuer_name", "note"),
        Discipline: ("form", "start", "end", "decision_number", "reason"),
        Initiative: ("year", "title", "scope", "recognised_on", "decision_number"),
        WorkYear: ("year", *WORK_YEAR_FIELDS),
    }[type(entry)]
    out = {}
    for name in fields:
        value = getattr(entry, name)
        out[name] = value.isoformat() if isinstance(value, dt.date) else value
    return out


def award_correct(*, actor, award: AwardRecord, reason: str, **changes) -> AwardRecord:
    """Correct the decision details of an award received (number, date, issuer, note); the old values stay in
    the history and in the audit event. A wrong title or year is withdrawn and recorded again. The engine reads none
    of these details, so the ledger's change is not announced (`changes`)."""
    _require_editor(actor, award.subject)
    unknown = set(changes) - set(AWARD_CORRECTABLE)
    if unknown:
        raise DomainError(f"Không thể sửa trường: {', '.join(sorted(unknown))}.")
    reason = vntext.nfc(reason)
    if not reason:
        raise DomainError("Phải ghi lý do đính chính.")
    for key in ("decision_number", "issuer_name", "note"):
        if key in changes:
            changes[key] = vntext.nfc(changes[key] or "")
    if "issuer_name" in changes and not changes["issuer_name"]:
        raise DomainError("Phải ghi cơ quan ban hành quyết định.")
    decision_date = changes.get("decision_date")
    if decision_date is not None:
        if decision_date > _today():
            raise DomainError("Ngày quyết định không được sau ngày hôm nay.")
        if decision_date.year < award.year:
            raise DomainError(f"Ngày quyết định ({decision_date:%d/%m/%Y}) không được trước năm thành tích {award.year}.")
    with transaction.atomic():
        award = AwardRecord.objects.select_for_update(of=("self",)).get(pk=award.pk)
        if award.revocation_id is not None:
            raise DomainError("Khen thưởng đã bị hủy bỏ, không thể đính chính.")
        old = {k: v for k, v in _entry_data(award).items() if k in changes}
        for key, value in changes.items():
            setattr(award, key, value)
        award._change_reason = reason
        award.save()
        new = {k: v for k, v in _entry_data(award).items() if k in changes}
        audit.record(actor=actor, action="records.award.corrected", target=award,
                     data={"person": award.person_id, "award": award.award_code, "year": award.year, "reason": reason,
                           "old": old, "new": new})
    return award


def entry_withdraw(*, actor, entry, reason: str):
    """Withdraw a ledger entry recorded by mistake (a rating, an award, a discipline, an initiative).

    The row leaves the ledger (and so the engine); its last version stays in the history tables and in the
    audit event, which targets the subject so that its change log shows the entry struck through."""
    kind = next((k for k, model in ENTRY_KINDS.items() if isinstance(entry, model)), None)
    if kind is None:
        raise DomainError("Không thể gỡ bỏ mục này.")
    subject = _person_of(entry)
    _require_editor(actor, subject)
    reason = vntext.nfc(reason)
    if not reason:
        raise DomainError("Phải ghi lý do gỡ bỏ (ví dụ: ghi nhầm).")
    model = type(entry)
    with transaction.atomic():
        entry = model.objects.select_for_update().filter(pk=entry.pk).first()
        if entry is None:
            raise DomainError("Mục này không còn trong hồ sơ (có thể đã được gỡ bỏ).")
        if kind == "award" and entry.revocation_id is not None:
            raise DomainError("Khen thưởng đã bị hủy bỏ theo quyết định; không gỡ bỏ được.")
        if kind == "award" and entry.source == AwardSource.DECISION:
            raise DomainError("Khen thưởng do quyết định ban hành trên hệ thống; hãy hủy bỏ theo quyết định, không gỡ bỏ.")
        old = _entry_data(entry)
        entry_id = entry.pk
        entry._change_reason = reason
        entry.delete()
        audit.record(actor=actor, action=f"records.{kind}.withdrawn", target=subject,
                     data={"entry": kind, "entry_id": entry_id, "reason": reason, "old": old})
        changes.changed(subject)
    return old
