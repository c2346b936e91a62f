"""Ledger services: ratings, awards received (and their revocation), disciplines and initiatives.

Keyword-only, one transaction each, audited inside it, DomainError with a Vietnamese message. Each checks the
records app's rule itself (`records.change_ledger` on the subject). Codes are checked against the law
catalogue (`catalogue.rating_code` ...). The subject of a rating or an award is exactly one of person / unit
(collective) / household (`tdkt.org.subjects`).
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

from . import catalogue
from .models import AwardRecord, AwardRevocation, AwardSource, Discipline, Initiative, YearRating

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
    return row
