"""The awards of an issued decision written into the ledger at once (issue 14, point 4).

`awards_from_decision` is called by the decisions app inside the transaction that issues a decision, after it has
checked that the actor may issue it (the decisions service is the gate for the signer's authority; the signer needs no
right to edit the recipients' ledgers). Here only the ledger's own rules are checked, for every line at once: the
code is in the catalogue, the subject may receive it, the year is sound, and no subject already holds the same award
for the same year (unless revoked). Then every award is written in one statement, with its "created" history row, one
audit event, and one `ledger_changed` after the commit (the engine sees the awards at once: it reads the ledger).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from simple_history.utils import bulk_create_with_history

from tdkt.core import audit, vntext
from tdkt.core.errors import DomainError
from tdkt.law import vocabulary as vocab
from tdkt.org.subjects import subject_fields

from . import catalogue, changes
from .models import AwardRecord, AwardSource
from .services import MIN_YEAR


@dataclass(frozen=True, slots=True)
class DecisionAward:
    """One line of a decision: the subject (exactly one of person / unit / household), the award and its year."""

    award_code: str
    year: int
    person: object = None
    unit: object = None
    household: object = None
    note: str = ""

    @property
    def subject(self) -> dict:
        return subject_fields(person=self.person, unit=self.unit, household=self.household)


def awards_from_decision(*, actor, lines: list[DecisionAward], decision_number: str, decision_date: dt.date, issuer,
                         issuer_name: str, target=None) -> list[AwardRecord]:
    """Write one AwardRecord per line (source "decision"); the caller's transaction holds them. Returns them in the
    lines' order. A DomainError names every line that cannot be written; then nothing is."""
    if not lines:
        return []
    known = catalogue.award_catalogue()
    problems: list[str] = []
    subjects = []
    for number, line in enumerate(lines, start=1):
        subject = line.subject
        subjects.append(subject)
        name = str(next(iter(subject.values())))
        code = line.award_code
        if code not in known:
            problems.append(f"Dòng {number} ({name}): mã “{code}” không có trong danh mục.")
            continue
        award_name, allowed = known[code]
        kind = catalogue.subject_kind_of(**subject)
        if kind not in allowed:
            problems.append(f"Dòng {number} ({name}): {award_name} không được tặng cho {vocab.subject_in_sentence(kind)}.")
        if not MIN_YEAR <= int(line.year) <= decision_date.year:
            problems.append(f"Dòng {number} ({name}): năm thành tích {line.year} không hợp lệ.")
    ids = {field: {getattr(line, field).pk for line in lines if getattr(line, field) is not None} for field in ("person", "unit", "household")}
    among = Q()
    for field, values in ids.items():
        if values:
            among |= Q(**{f"{field}_id__in": values})
    existing = set(AwardRecord.objects.filter(among, award_code__in={line.award_code for line in lines},
                                              year__in={line.year for line in lines}, revocation__isnull=True)
                   .values_list("person_id", "unit_id", "household_id", "award_code", "year"))
    for number, (line, subject) in enumerate(zip(lines, subjects, strict=True), start=1):
        key = (getattr(line.person, "pk", None), getattr(line.unit, "pk", None), getattr(line.household, "pk", None),
               line.award_code, line.year)
        if key in existing:
            award_name = known.get(line.award_code, (line.award_code,))[0]
            problems.append(f"Dòng {number} ({next(iter(subject.values()))}): đã có {award_name} năm {line.year} trong hồ sơ thành tích.")
    if problems:
        raise DomainError("Không ghi được khen thưởng vào hồ sơ thành tích: " + " ".join(problems))
    number_text = vntext.nfc(decision_number)
    records = [AwardRecord(person=line.person, unit=line.unit, household=line.household, award_code=line.award_code,
                           year=line.year, decision_number=number_text, decision_date=decision_date, issuer=issuer,
                           issuer_name=issuer_name, note=vntext.nfc(line.note), source=AwardSource.DECISION)
               for line in lines]
    created = bulk_create_with_history(records, AwardRecord, batch_size=1000, default_user=actor if getattr(actor, "pk", None) else None)
    audit.record(actor=actor, action="records.award.issued", target=target if target is not None else issuer,
                 data={"decision_number": number_text, "decision_date": decision_date.isoformat(), "issuer": issuer_name,
                       "awards": len(created)})
    with changes.batch():
        changes.changed(*(next(iter(s.values())) for s in subjects))
    return created


def awards_revoked_by_decision(*, actor, awards: list[AwardRecord], on: dt.date, reason: str, decision_number: str,
                               decision_date: dt.date, issuer_name: str, target=None) -> list[AwardRecord]:
    """Revoke the awards (Luật TĐKT Điều 93) by an issued revocation decision, in the caller's transaction: each stays
    in the ledger, marked, and no longer counts for the engine. The decisions service checked the decision-maker's
    authority; here: none already revoked, none revoked before its own decision."""
    from .models import AwardRevocation

    locked = list(AwardRecord.objects.select_for_update(of=("self",)).filter(pk__in=[a.pk for a in awards]).order_by("pk"))
    problems = [f"{a} đã bị hủy bỏ trước đó." for a in locked if a.revocation_id is not None]
    problems += [f"{a}: ngày hủy bỏ trước ngày quyết định khen thưởng." for a in locked if a.decision_date and on < a.decision_date]
    if problems:
        raise DomainError("Không hủy bỏ được: " + " ".join(problems))
    reason = vntext.nfc(reason)
    for award in locked:
        act = AwardRevocation.objects.create(revoked_on=on, reason=reason, decision_number=vntext.nfc(decision_number),
                                             decision_date=decision_date, issuer_name=vntext.nfc(issuer_name), recorded_by=actor)
        award.revocation = act
        award.save(update_fields=["revocation", "updated_at"])
    audit.record(actor=actor, action="records.award.revoked_by_decision", target=target if target is not None else locked[0],
                 data={"awards": [a.pk for a in locked], "on": on.isoformat(), "reason": reason, "decision_number": decision_number})
    with changes.batch():
        changes.changed(*(a.subject for a in locked))
    return locked
