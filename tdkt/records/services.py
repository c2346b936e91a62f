"""Ledger services: ratings, awards received (and their revocation), disciplines and initiatives.

Keyword-only, one transaction each, audited inside it, DomainError with a Vietnamese message.
The subject of a rating or an award is exactly one of person / unit (collective) / household.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from tdkt.core import audit, vntext
from tdkt.core.errors import DomainError
from tdkt.org.models import Household, Person, Unit

from . import catalogue
from .models import AwardRecord, Discipline, DisciplineForm, Initiative, InitiativeScope, Rating, YearRating

MIN_YEAR = 1945


def _today() -> dt.date:
    return timezone.localdate()


def _subject(person, unit, household) -> dict:
    given = {k: v for k, v in (("person", person), ("unit", unit), ("household", household)) if v is not None}
    if len(given) != 1:
        raise DomainError("Phải chọn đúng một đối tượng: cá nhân, tập thể hoặc hộ gia đình.")
    return given


def _subject_code(subject: dict) -> str:
    (key, value), = subject.items()
    return f"{key}:{getattr(value, 'code', value.pk)}"


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
    subject = _subject(person, unit, household)
    if household is not None:
        raise DomainError("Hộ gia đình không được xếp loại mức độ hoàn thành nhiệm vụ.")
    year = _check_year(year)
    if rating not in Rating.values:
        raise DomainError(f"Mức xếp loại không hợp lệ: {rating} (chỉ nhận HTXSNV, HTTNV, HTNV, KHTNV).")
    with transaction.atomic():
        row = YearRating.objects.select_for_update().filter(**subject, year=year).first()
        old = row.rating if row else None
        if row is None:
            row = YearRating.objects.create(**subject, year=year, rating=rating, note=vntext.nfc(note))
        else:
            row.rating, row.note = rating, vntext.nfc(note)
            row.save()
        audit.record(actor=actor, action="records.rating.set", target=row,
                     data={"subject": _subject_code(subject), "year": year, "old": old, "new": rating})
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
) -> AwardRecord:
    """Record a title or form received (from a decision), validated against the catalogue."""
    subject = _subject(person, unit, household)
    year = _check_year(year)
    code = (award_code or "").strip().upper()
    known = catalogue.award_catalogue()
    if code not in known:
        raise DomainError(f"Mã danh hiệu/hình thức “{award_code}” không có trong danh mục.")
    name, allowed = known[code]
    kind = catalogue.subject_kind_of(**subject)
    if not catalogue.is_allowed(kind, allowed):
        raise DomainError(f"{name} không được tặng cho {catalogue.SUBJECT_NAMES[kind]}.")
    issuer_name = vntext.nfc(issuer_name) or (issuer_display_name(issuer) if issuer is not None else "")
    if not issuer_name:
        raise DomainError("Phải ghi cơ quan ban hành quyết định.")
    if decision_date is not None:
        if decision_date > _today():
            raise DomainError("Ngày quyết định không được sau ngày hôm nay.")
        if decision_date.year < year:
            raise DomainError(f"Ngày quyết định ({decision_date:%d/%m/%Y}) không được trước năm thành tích {year}.")
    with transaction.atomic():
        duplicate = AwardRecord.objects.filter(**subject, award_code=code, year=year, revoked_on__isnull=True)
        if duplicate.exists():
            raise DomainError(f"Đã có {name} năm {year} cho đối tượng này.")
        award = AwardRecord.objects.create(
            **subject, award_code=code, year=year, decision_number=vntext.nfc(decision_number),
            decision_date=decision_date, issuer=issuer, issuer_name=issuer_name, note=vntext.nfc(note),
        )
        audit.record(
            actor=actor, action="records.award.added", target=award,
            data={"subject": _subject_code(subject), "award": code, "year": year, "decision_number": award.decision_number,
                  "decision_date": decision_date.isoformat() if decision_date else None, "issuer": issuer_name},
        )
    return award


def award_revoke(*, actor, award: AwardRecord, on: dt.date, reason: str) -> AwardRecord:
    """Revoke an award (Art 93 Luật TĐKT): it stays in the ledger, marked, and no longer counts."""
    reason = vntext.nfc(reason)
    if not reason:
        raise DomainError("Phải ghi lý do hủy bỏ khen thưởng.")
    if on > _today():
        raise DomainError("Ngày hủy bỏ không được sau ngày hôm nay.")
    with transaction.atomic():
        award = AwardRecord.objects.select_for_update().get(pk=award.pk)
        if award.revoked_on is not None:
            raise DomainError(f"Khen thưởng này đã bị hủy bỏ ngày {award.revoked_on:%d/%m/%Y}.")
        if award.decision_date and on < award.decision_date:
            raise DomainError("Ngày hủy bỏ không được trước ngày quyết định khen thưởng.")
        award.revoked_on, award.revocation_reason = on, reason
        award.save(update_fields=["revoked_on", "revocation_reason", "updated_at"])
        audit.record(actor=actor, action="records.award.revoked", target=award, data={"on": on.isoformat(), "reason": reason})
    return award


# --- Disciplines and initiatives ---------------------------------------------------------------------


def discipline_add(*, actor, person: Person, form: str, start: dt.date, end: dt.date, decision_number: str = "",
                   reason: str = "") -> Discipline:
    if form not in DisciplineForm.values:
        raise DomainError(f"Hình thức kỷ luật không hợp lệ: {form}.")
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
    return row


def initiative_add(*, actor, person: Person, year: int, title: str, scope: str, recognised_on: dt.date | None = None,
                   decision_number: str = "") -> Initiative:
    year = _check_year(year)
    title = vntext.nfc(title)
    if not title:
        raise DomainError("Tên sáng kiến không được để trống.")
    if scope not in InitiativeScope.values:
        raise DomainError(f"Phạm vi sáng kiến không hợp lệ: {scope} (CO_SO, TINH, TOAN_QUOC).")
    with transaction.atomic():
        if Initiative.objects.filter(person=person, year=year, title=title).exists():
            raise DomainError(f"Sáng kiến “{title}” năm {year} đã có trong hồ sơ.")
        row = Initiative.objects.create(person=person, year=year, title=title, scope=scope, recognised_on=recognised_on,
                                        decision_number=vntext.nfc(decision_number))
        audit.record(actor=actor, action="records.initiative.added", target=row,
                     data={"person": person.pk, "year": year, "title": title, "scope": scope})
    return row
