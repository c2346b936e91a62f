"""Amendment decisions (quyết định sửa đổi, bổ sung): a signed decision is immutable, so a mistake in it is corrected
by a new decision of the same issuer that amends it. Its lines are of two sorts:

- sửa đổi (replace): a line of the amended decision still in force is replaced by a corrected one (another award, another
  year, or another subject); on signing the replaced award is revoked in the ledger and the corrected one written, and
  the money the replaced line paid is shown as recovered (`recover_amount`, the line's `revoked_award`);
- bổ sung (supplement): a subject left out of the amended decision (a nominee who passed the council of its session,
  or another subject within the issuer's scope) gets the award; it is written on signing.

Every new line is priced as an award decision prices its lines (on the amendment's date); the decision's total is the
net: the new money less the money recovered. Signing is `services.decision_sign` (one transaction: the number, the
revocations, the new awards). Keyword-only services, one transaction each, an audit event each.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.db.models import Max

from tdkt.core import audit, vntext
from tdkt.core import workflow as kernel
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.core.vntext import format_date
from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue
from tdkt.nominations.models import Nominee
from tdkt.org.subjects import subject_of, subject_unit
from tdkt.records.catalogue import subject_kind_of
from tdkt.records.models import AwardRecord
from tdkt.records.services import MIN_YEAR

from . import authority
from .models import Decision, DecisionKind, DecisionLine, DecisionStatus
from .services import PRICED, _check_date, _editable, _nominee_line, _reprice, decided_items, law_grounds
from .workflow import DECISION

# --- Reads: what an amendment may touch ------------------------------------------------------------------


def lines_in_force(amended: Decision) -> list[DecisionLine]:
    """The lines of an issued decision that an amendment may replace: their award is in the ledger, not revoked, and
    no other decision (issued or still a draft) replaces or revokes it."""
    lines = list(amended.lines.select_related("person", "unit", "household", "award_record").order_by("position"))
    awards = [line.award_record_id for line in lines if line.award_record_id is not None]
    touched = set(DecisionLine.objects.filter(revoked_award_id__in=awards).values_list("revoked_award_id", flat=True))
    return [line for line in lines if line.award_record is not None and line.award_record.revocation_id is None
            and line.award_record_id not in touched]


def _key(subject, award_code: str, year: int) -> tuple:
    (field, value), = subject_of(subject).items()
    return field, value.pk, award_code, int(year)


def _line_key(line) -> tuple | None:
    return _key(line.subject, line.award_code, line.year) if line.subject is not None else None


def supplement_candidates(amended: Decision) -> list[dict]:
    """The nominees of the amended decision's session who passed, whose award the issuer decides, who are in no award or
    amendment decision (issued or draft) and not in the amended decision for that award and year: those left out.
    Each as {"nominee", "item" (the agenda item), "year"}."""
    session = amended.session
    if session is None:
        return []
    here, _beyond = decided_items(session)
    taken = set(DecisionLine.objects.filter(agenda_item_id__in=[r["item"] for r in here], decision__kind__in=PRICED)
                .values_list("agenda_item_id", flat=True))
    rows = [r for r in here if r["item"] not in taken]
    nominees = {n.pk: n for n in Nominee.objects.filter(pk__in=[r["nominee"] for r in rows])
                .select_related("person__unit", "unit__parent", "household", "dossier__round")}
    present = {_line_key(line) for line in amended.lines.select_related("person", "unit", "household")}
    out = []
    for row in rows:
        nominee = nominees.get(row["nominee"])
        if nominee is None or nominee.subject is None:
            continue
        year = nominee.dossier.round.year
        if _key(nominee.subject, nominee.award_code, year) in present:
            continue
        out.append({"nominee": nominee, "item": row["item"], "year": year})
    return out


# --- Drafting -----------------------------------------------------------------------------------------


def amendment_draft(*, actor, decision: Decision, reason: str, decided_on: dt.date) -> Decision:
    """The draft of a decision amending an issued award decision (no lines yet: `amendment_line_add`)."""
    if decision.status != DecisionStatus.ISSUED or decision.kind != DecisionKind.AWARD:
        raise DomainError("Chỉ sửa đổi, bổ sung được một quyết định khen thưởng đã ban hành.")
    require(actor, "decisions.draft", decision)
    cancellation = decision.corrections.filter(kind=DecisionKind.CANCELLATION).first()
    if cancellation is not None:
        raise DomainError(f"Quyết định số {decision.number_text} đã bị hủy bỏ"
                          + (f" bởi Quyết định số {cancellation.number_text}" if cancellation.number_text
                             else " (dự thảo hủy bỏ đang chờ ký)") + ": không sửa đổi, bổ sung được.")
    reason = vntext.nfc(reason)
    if not reason:
        raise DomainError("Phải ghi lý do sửa đổi, bổ sung quyết định.")
    decided_on = _check_date(decided_on, None, decision)
    issuer = decision.issuer
    about = decision.title[0].lower() + decision.title[1:] if decision.title else ""
    grounds = [*law_grounds(decided_on),
               f"Căn cứ Quyết định số {decision.number_text} {format_date(decision.decided_on)} {about}".rstrip() + ";",
               f"Theo đề nghị của cơ quan thường trực Hội đồng Thi đua - Khen thưởng {issuer.name}."]
    with transaction.atomic():
        draft = Decision(issuer=issuer, kind=DecisionKind.AMENDMENT, amends=decision, decided_on=decided_on, drafted_by=actor,
                         title=f"Về việc sửa đổi, bổ sung Quyết định số {decision.number_text}", reason=reason, grounds=grounds,
                         signer_title=decision.signer_title or "CHỦ TỊCH")
        kernel.create(actor=actor, obj=draft, action="draft", workflow=DECISION,
                      data={"kind": DecisionKind.AMENDMENT, "amends": decision.pk, "reason": reason})
    return draft


def _describe(subject) -> str:
    """The list's "Chức vụ, đơn vị" of a subject."""
    if hasattr(subject, "position"):  # a person
        unit = subject.unit
        return ", ".join(p for p in (subject.position, unit.name if unit else "") if p)
    parent = getattr(subject, "parent", None)
    return parent.name if parent is not None else ""


def _year(year) -> int:
    try:
        value = int(year)
    except (TypeError, ValueError):
        raise DomainError("Năm thành tích phải là một số.") from None
    return value


def amendment_line_add(*, actor, decision: Decision, award_code: str, year: int, replaces: DecisionLine | None = None,
                       subject=None, achievement: str = "") -> DecisionLine:
    """Add a line to an amendment draft: `replaces` a line of the amended decision still in force (sửa đổi: its subject
    unless `subject` is given, the corrected award and/or year), or a `subject` left out of it (bổ sung)."""
    with transaction.atomic():
        locked = _editable(actor, decision)
        if locked.kind != DecisionKind.AMENDMENT:
            raise DomainError("Chỉ thêm dòng vào dự thảo quyết định sửa đổi, bổ sung.")
        amended = Decision.objects.select_related("issuer", "session").get(pk=locked.amends_id)
        issuer = locked.issuer
        award_code = (award_code or "").strip()
        awards = load_catalogue().awards
        if award_code not in awards:
            raise DomainError(f"Danh hiệu, hình thức “{award_code}” không có trong danh mục." if award_code
                              else "Hãy chọn danh hiệu, hình thức khen thưởng.")
        award = awards[award_code]
        year = _year(year)
        if not MIN_YEAR <= year <= locked.decided_on.year:
            raise DomainError(f"Năm thành tích phải từ {MIN_YEAR} đến {locked.decided_on.year}.")
        if not authority.decides_here(award_code, issuer, locked.decided_on):
            who = authority.authority_text(award_code, locked.decided_on)
            raise DomainError(f"{award.name} không thuộc thẩm quyền quyết định của {issuer.name}"
                              + (f" (do {who} quyết định)." if who else "."))
        line = DecisionLine(decision=locked, award_code=award_code, year=year, achievement=vntext.nfc(achievement))
        if replaces is not None:
            old = _replaced(amended, replaces)
            subject = subject if subject is not None else old.subject
            if _key(subject, award_code, year) == _line_key(old):
                raise DomainError("Dòng sửa đổi phải khác dòng cũ: đổi danh hiệu, hình thức, năm thành tích hoặc người, tập thể.")
            same = _key(subject, award_code, year)[:2] == _line_key(old)[:2]
            if not same:
                _in_scope(subject, issuer)
            line.name = old.name if same else str(subject)
            line.description = old.description if same else _describe(subject)
            line.revoked_award, line.recover_amount = old.award_record, old.amount
            line.achievement = line.achievement or old.achievement
        else:
            if subject is None:
                raise DomainError("Hãy chọn dòng cần sửa đổi hoặc người, tập thể được bổ sung.")
            _in_scope(subject, issuer)
            if _key(subject, award_code, year) in {_line_key(x) for x in amended.lines.select_related("person", "unit", "household")}:
                raise DomainError(f"{subject} đã có trong Quyết định số {amended.number_text} với {award.name} năm {year}: "
                                  "hãy sửa đổi dòng đó thay vì bổ sung.")
            found = next((c for c in supplement_candidates(amended)
                          if _key(c["nominee"].subject, c["nominee"].award_code, c["year"]) == _key(subject, award_code, year)), None)
            if found is not None:  # a nominee of the session left out: the line keeps the council's item
                from_session = _nominee_line({"item": found["item"]}, found["nominee"], year)
                line.nominee, line.agenda_item_id = found["nominee"], found["item"]
                line.name, line.description = from_session.name, from_session.description
                line.achievement = line.achievement or from_session.achievement
            else:
                line.name, line.description = str(subject), _describe(subject)
        fields = subject_of(subject)
        line.person, line.unit, line.household = fields.get("person"), fields.get("unit"), fields.get("household")
        _check_new_award(locked, line, award)
        others = list(locked.lines.select_related("person", "unit", "household").order_by("position"))
        line.position = (locked.lines.aggregate(m=Max("position"))["m"] or 0) + 1
        _reprice(locked, [*others, line])
        line.save()
        DecisionLine.objects.bulk_update(others, ["coefficient", "multiplier", "base_salary", "amount", "money_note"])
        locked.save(update_fields=["total_amount", "updated_at"])
        audit.record(actor=actor, action="decisions.line.added", target=locked,
                     data={"line": line.position, "name": line.name, "award": award_code, "year": year,
                           "kind": "replace" if replaces is not None else "supplement",
                           "replaces": replaces.pk if replaces is not None else None, "amount": line.amount,
                           "recover_amount": line.recover_amount, "total_amount": locked.total_amount})
    decision.total_amount = locked.total_amount
    return line


def _replaced(amended: Decision, replaces: DecisionLine) -> DecisionLine:
    if replaces.decision_id != amended.pk:
        raise DomainError(f"Dòng được sửa đổi không thuộc Quyết định số {amended.number_text}.")
    old = DecisionLine.objects.select_related("person", "unit", "household", "award_record").get(pk=replaces.pk)
    if old.award_record is None or old.subject is None:
        raise DomainError(f"Dòng {old.position} ({old.name}) không có khen thưởng trong hồ sơ thành tích để sửa đổi.")
    if old.award_record.revocation_id is not None:
        raise DomainError(f"Khen thưởng của {old.name} ở dòng {old.position} đã bị hủy bỏ: không sửa đổi được.")
    other = (DecisionLine.objects.filter(revoked_award=old.award_record).select_related("decision").order_by("id").first())
    if other is not None:
        by = other.decision
        raise DomainError(f"Dòng {old.position} ({old.name}) đã được sửa đổi hoặc hủy bỏ bởi "
                          + (f"Quyết định số {by.number_text}." if by.number_text else f"dự thảo “{by.title}” ({by.get_status_display().lower()})."))
    return old


def _in_scope(subject, issuer) -> None:
    home = subject_unit(subject)
    if home is None or not home.path.startswith(issuer.path):
        raise DomainError(f"{subject} không thuộc phạm vi quản lý của {issuer.name}.")


def _check_new_award(draft: Decision, line: DecisionLine, award) -> None:
    """The ledger's rules for the new award, said before signing (signing checks them again)."""
    kind = subject_kind_of(person=line.person, unit=line.unit, household=line.household)
    if kind not in award.subjects:
        raise DomainError(f"{award.name} không được tặng cho {vocab.subject_in_sentence(kind)}.")
    key = _line_key(line)
    if key in {_line_key(x) for x in draft.lines.select_related("person", "unit", "household")}:
        raise DomainError(f"{line.name} đã có {award.name} năm {line.year} trong dự thảo này.")
    held = AwardRecord.objects.filter(**subject_of(line.subject), award_code=line.award_code, year=line.year, revocation__isnull=True)
    if line.revoked_award_id is not None:
        held = held.exclude(pk=line.revoked_award_id)
    if held.exists():
        raise DomainError(f"{line.name} đã có {award.name} năm {line.year} trong hồ sơ thành tích.")
