"""Decision services (issue 14, points 4 and 6): draft a decision from a closed council session, change the draft,
submit it, return it, sign and issue it; draft a revocation (Điều 93) or a cancellation of an issued decision.

Keyword-only, one transaction each, audited through the workflow kernel; DomainError with a Vietnamese message.
Signing is the one place where a decision takes effect: the number (core.numbering, in the same transaction: no gap,
no duplicate), the awards written into the recipients' ledgers (records.issuing) or revoked there, the frozen lines.
Two signers pressing "Ký ban hành" at once: the second waits for the first's row lock, then finds the decision issued
and is refused — the awards are written once.
"""

from __future__ import annotations

import datetime as dt

from django.db import transaction
from django.utils import timezone

from tdkt.core import audit, vntext
from tdkt.core import workflow as kernel
from tdkt.core.errors import DomainError
from tdkt.core.numbering import number_next
from tdkt.core.permissions import require
from tdkt.core.vntext import format_date
from tdkt.council.models import CouncilSession, SessionStatus
from tdkt.council.results import results
from tdkt.law.catalogue import load_catalogue
from tdkt.law.money import reward_compute
from tdkt.nominations.models import Nominee
from tdkt.org.subjects import subject_of
from tdkt.records.catalogue import subject_kind_of
from tdkt.records.issuing import DecisionAward, awards_from_decision, awards_revoked_by_decision
from tdkt.records.models import AwardRecord
from tdkt.records.services import issuer_display_name

from . import authority
from .forwarding import on_higher_outcome
from .models import Decision, DecisionKind, DecisionLine, DecisionStatus
from .workflow import DECISION


def law_grounds(day: dt.date) -> list[str]:
    """The general legal grounds at the head of a decision of `day` (catalogue `decision.grounds`, dated: the laws and
    decree in force that day), one line each."""
    return [vntext.nfc(str(line)) for line in load_catalogue().param_on("decision.grounds", day).value]


def revocation_basis(day: dt.date) -> str:
    """The article a revocation rests on (catalogue `decision.revocation.basis`: Điều 93 of the 2022 law)."""
    return str(load_catalogue().param_on("decision.revocation.basis", day).value)


def _issuer_kind(issuer) -> str:
    """The coefficient rows that differ by who decides (the commune chair's Giấy khen) name the issuer this way."""
    return "commune_chair" if issuer.kind == "commune" else ""


def default_grounds(session: CouncilSession | None, issuer, day: dt.date) -> list[str]:
    lines = law_grounds(day)
    if session is not None:
        lines.append(f"Căn cứ kết quả họp {session.council.name} {format_date(session.held_on)};")
    lines.append(f"Theo đề nghị của cơ quan thường trực Hội đồng Thi đua - Khen thưởng {issuer.name}.")
    return lines


# --- Money --------------------------------------------------------------------------------------------


def _price(line: DecisionLine, decided_on: dt.date, issuer) -> None:
    """The line's money on the decision date (coefficient × multiplier × base salary, rounded: law.money)."""
    if line.subject is None:  # a nominee from another installation: named, paid by the level that knows them
        line.coefficient, line.multiplier, line.base_salary, line.amount = 0, 1, 0, 0
        line.money_note = "Không có trong danh bạ: tiền thưởng do đơn vị quản lý chi trả"
        return
    result = reward_compute(award_code=line.award_code, subject_kind=subject_kind_of(**subject_of(line.subject)), decided_on=decided_on,
                            issuer=_issuer_kind(issuer))
    line.coefficient, line.multiplier, line.base_salary, line.amount, line.money_note = (
        result.coefficient, result.multiplier, result.base_salary, result.amount, result.message)


def _only_highest_title(lines: list[DecisionLine]) -> None:
    """Several titles (danh hiệu) for the same period to one subject: only the highest is paid (NĐ 152/2025 Điều 49-54;
    DOMAIN.md §2). Forms (Bằng khen, Giấy khen) are paid beside a title."""
    awards = load_catalogue().awards
    by_subject: dict[tuple, list[DecisionLine]] = {}
    for line in lines:
        award = awards.get(line.award_code)
        if award is None or award.kind != "title" or line.subject is None:
            continue
        by_subject.setdefault((line.person_id, line.unit_id, line.household_id, line.year), []).append(line)
    for group in by_subject.values():
        if len(group) < 2:
            continue
        best = max(group, key=lambda line: (awards[line.award_code].rank, line.amount))
        for line in group:
            if line is not best:
                line.amount = 0
                line.money_note = (f"Không chi: cùng thời kỳ đã thưởng danh hiệu cao hơn ({awards[best.award_code].label}); "
                                   "chỉ thưởng danh hiệu cao nhất")


PRICED = (DecisionKind.AWARD, DecisionKind.AMENDMENT)  # the kinds whose lines are new awards, priced on the decision date


def _reprice(decision: Decision, lines: list[DecisionLine]) -> None:
    """Price every line on the decision date; the total is the new money less what is recovered from the awards an
    amendment replaces (nothing on an award decision): the net."""
    for line in lines:
        _price(line, decision.decided_on, decision.issuer)
    _only_highest_title(lines)
    decision.total_amount = sum(line.amount for line in lines) - sum(line.recover_amount for line in lines)


# --- Drafting -----------------------------------------------------------------------------------------


def _nominee_line(item_result: dict, nominee: Nominee, year: int) -> DecisionLine:
    person = nominee.person
    if person is not None:
        description = ", ".join(p for p in (person.position, person.unit.name if person.unit else "") if p)
    elif nominee.unit is not None:
        description = nominee.unit.parent.name if nominee.unit.parent else ""
    else:
        description = ""
    return DecisionLine(nominee=nominee, agenda_item_id=item_result["item"], name=nominee.name, description=description,
                        person=nominee.person, unit=nominee.unit, household=nominee.household, award_code=nominee.award_code,
                        year=year, achievement=nominee.summary)


def _check_date(decided_on, session: CouncilSession | None, amends: Decision | None = None) -> dt.date:
    """A decision's date: a real date, not before its council's session nor before the decision it amends or cancels."""
    if not isinstance(decided_on, dt.date):
        raise DomainError("Ngày quyết định không hợp lệ.")
    if session is not None and decided_on < session.held_on:
        raise DomainError(f"Ngày quyết định ({decided_on:%d/%m/%Y}) không được trước ngày họp Hội đồng ({session.held_on:%d/%m/%Y}).")
    if amends is not None and decided_on < amends.decided_on:
        raise DomainError(f"Ngày quyết định ({decided_on:%d/%m/%Y}) không được trước ngày của Quyết định số "
                          f"{amends.number_text} ({amends.decided_on:%d/%m/%Y}) mà nó sửa đổi hoặc hủy bỏ.")
    if decided_on > timezone.localdate() + dt.timedelta(days=366):
        raise DomainError("Ngày quyết định quá xa trong tương lai.")
    return decided_on


def decided_items(session: CouncilSession) -> tuple[list[dict], list[dict]]:
    """The passed items of a closed session: (decided at the council's level, beyond its authority)."""
    here, beyond = [], []
    for row in results(session):
        if row["passed"]:
            (here if authority.decides_here(row["award"], session.council.unit, session.held_on) else beyond).append(row)
    return here, beyond


def decision_draft(*, actor, session: CouncilSession, decided_on: dt.date | None = None, title: str = "",
                   signer_name: str = "", signer_title: str = "CHỦ TỊCH") -> Decision:
    """The draft decision of a closed session: every nominee whose item passed and whose award the council's level
    decides itself, not yet in another decision, with the money of each (the rest goes upward: forwarding)."""
    issuer = session.council.unit
    require(actor, "decisions.draft", issuer)
    if session.status != SessionStatus.CLOSED:
        raise DomainError("Chỉ dự thảo quyết định khi phiên họp đã kết thúc bỏ phiếu.")
    decided_on = _check_date(decided_on or max(session.held_on, timezone.localdate()), session)
    here, _beyond = decided_items(session)
    taken = set(DecisionLine.objects.filter(agenda_item_id__in=[r["item"] for r in here], decision__kind__in=PRICED)
                .values_list("agenda_item_id", flat=True))
    rows = [r for r in here if r["item"] not in taken]
    if not rows:
        raise DomainError("Không còn ai được Hội đồng đề nghị mà chưa có trong một dự thảo quyết định của cấp này.")
    nominees = {n.pk: n for n in Nominee.objects.filter(pk__in=[r["nominee"] for r in rows])
                .select_related("person__unit", "unit__parent", "household", "dossier__round")}
    with transaction.atomic():
        decision = Decision(issuer=issuer, kind=DecisionKind.AWARD, session=session, decided_on=decided_on, drafted_by=actor,
                            title=vntext.nfc(title) or f"Về việc khen thưởng năm {nominees[rows[0]['nominee']].dossier.round.year}",
                            grounds=default_grounds(session, issuer, decided_on), signer_title=vntext.nfc(signer_title) or "CHỦ TỊCH",
                            signer_name=vntext.nfc(signer_name))
        lines = [_nominee_line(r, nominees[r["nominee"]], nominees[r["nominee"]].dossier.round.year) for r in rows]
        awards = load_catalogue().awards  # the highest rank first, people before collectives (the list's usual order)
        lines.sort(key=lambda line: (-(awards[line.award_code].rank if line.award_code in awards else 0), line.person_id is None, line.name))
        _reprice(decision, lines)
        kernel.create(actor=actor, obj=decision, action="draft", workflow=DECISION,
                      data={"session": session.pk, "lines": len(lines), "total_amount": decision.total_amount})
        for position, line in enumerate(lines, start=1):
            line.decision, line.position = decision, position
        DecisionLine.objects.bulk_create(lines)
    return decision


def _editable(actor, decision: Decision) -> Decision:
    locked = Decision.objects.select_for_update(of=("self",)).select_related("issuer", "session").get(pk=decision.pk)
    if locked.status != DecisionStatus.DRAFT:
        raise DomainError("Quyết định đã trình ký hoặc đã ban hành: không sửa được. Sai sót được sửa bằng một quyết định khác.")
    require(actor, "decisions.draft", locked)
    return locked


def _header(decision: Decision) -> dict:
    """What a draft's change can touch, as the audit event shows it (old and new values)."""
    return {"title": decision.title, "decided_on": decision.decided_on.isoformat(), "grounds": list(decision.grounds),
            "signer_name": decision.signer_name, "signer_title": decision.signer_title, "total_amount": decision.total_amount}


def decision_update(*, actor, decision: Decision, title: str | None = None, decided_on: dt.date | None = None,
                    grounds: list[str] | None = None, signer_name: str | None = None, signer_title: str | None = None,
                    reason: str | None = None) -> Decision:
    """Change a draft (the money follows the date: the base salary in force that day)."""
    with transaction.atomic():
        locked = _editable(actor, decision)
        old = _header(locked)
        if title is not None:
            locked.title = vntext.nfc(title)
            if not locked.title:
                raise DomainError("Trích yếu không được để trống.")
        if grounds is not None:
            cleaned = [vntext.nfc(g) for g in grounds if vntext.nfc(g)]
            if not cleaned:
                raise DomainError("Quyết định phải có ít nhất một căn cứ.")
            locked.grounds = cleaned
        if signer_name is not None:
            locked.signer_name = vntext.nfc(signer_name)
        if signer_title is not None:
            locked.signer_title = vntext.nfc(signer_title) or "CHỦ TỊCH"
        if reason is not None:
            locked.reason = vntext.nfc(reason)
        if decided_on is not None and decided_on != locked.decided_on:
            locked.decided_on = _check_date(decided_on, locked.session, locked.amends)
            if locked.kind in PRICED:
                lines = list(locked.lines.select_related("person", "unit", "household"))
                _reprice(locked, lines)
                DecisionLine.objects.bulk_update(lines, ["coefficient", "multiplier", "base_salary", "amount", "money_note"])
        locked.save()
        new = _header(locked)
        audit.record(actor=actor, action="decisions.decision.changed", target=locked,
                     data={"old": {k: v for k, v in old.items() if new[k] != v}, "new": {k: v for k, v in new.items() if old[k] != v}})
    decision.__dict__.update({k: getattr(locked, k) for k in ("title", "decided_on", "grounds", "signer_name", "signer_title",
                                                             "total_amount", "reason")})
    return decision


def line_remove(*, actor, line: DecisionLine, reason: str) -> None:
    """Take a recipient off a draft (the item goes back to the session's undecided ones); the others keep their order."""
    reason = vntext.nfc(reason)
    if not reason:
        raise DomainError("Hãy ghi lý do đưa ra khỏi danh sách.")
    with transaction.atomic():
        locked = _editable(actor, line.decision)
        audit.record(actor=actor, action="decisions.line.removed", target=locked,
                     data={"line": line.position, "name": line.name, "award": line.award_code, "reason": reason})
        DecisionLine.objects.filter(pk=line.pk).delete()  # a draft's line: the audit event keeps what it said
        lines = list(locked.lines.select_related("person", "unit", "household").order_by("position"))
        for position, other in enumerate(lines, start=1):
            other.position = position + 10_000  # two steps: the (decision, position) constraint holds at every row
        DecisionLine.objects.bulk_update(lines, ["position"])
        for position, other in enumerate(lines, start=1):
            other.position = position
        if locked.kind in PRICED:
            _reprice(locked, lines)
        else:
            locked.total_amount = sum(line.recover_amount for line in lines)
        DecisionLine.objects.bulk_update(lines, ["position", "coefficient", "multiplier", "base_salary", "amount", "money_note"])
        locked.save(update_fields=["total_amount", "updated_at"])


# --- Submitting, returning, signing --------------------------------------------------------------------


def decision_submit(*, actor, decision: Decision) -> Decision:
    kernel.transition(actor=actor, obj=decision, action="submit", workflow=DECISION)
    return decision


def decision_return(*, actor, decision: Decision, reason: str) -> Decision:
    kernel.transition(actor=actor, obj=decision, action="return", reason=vntext.nfc(reason), workflow=DECISION)
    return decision


def decision_sign(*, actor, decision: Decision) -> Decision:
    """Sign and issue: the number, then the awards into the ledger (or the revocations), then the state — all or nothing."""
    with transaction.atomic():
        locked = Decision.objects.select_for_update(of=("self",)).select_related("issuer", "amends").get(pk=decision.pk)
        if locked.status != DecisionStatus.SUBMITTED:
            raise DomainError("Quyết định này đã được ký ban hành." if locked.status == DecisionStatus.ISSUED
                              else "Quyết định chưa được trình ký.")
        require(actor, "decisions.sign", locked)
        if not locked.signer_name:
            locked.signer_name = vntext.nfc(actor.get_full_name()) or actor.get_username()
        number = number_next(actor=actor, issuer=locked.issuer, doc_type="QĐ", year=locked.decided_on.year, target=locked)
        locked.number, locked.number_text = number.number, number.text  # saved by the transition below
        lines = list(locked.lines.select_related("person", "unit", "household", "revoked_award", "nominee").order_by("position"))
        issuer_name = issuer_display_name(locked.issuer)
        revoked = [line.revoked_award for line in lines if line.revoked_award is not None]
        if revoked:  # a revocation's, a cancellation's awards, or those an amendment replaces: first, then the new ones
            awards_revoked_by_decision(actor=actor, awards=revoked, on=locked.decided_on, reason=_revocation_reason(locked, number.text),
                                       decision_number=number.text, decision_date=locked.decided_on, issuer_name=issuer_name,
                                       target=locked)
        if locked.kind in PRICED:
            subjects = [line for line in lines if line.subject is not None]
            created = awards_from_decision(
                actor=actor, lines=[DecisionAward(line.award_code, line.year, person=line.person, unit=line.unit,
                                                  household=line.household) for line in subjects],
                decision_number=number.text, decision_date=locked.decided_on, issuer=locked.issuer, issuer_name=issuer_name,
                target=locked)
            for line, award in zip(subjects, created, strict=True):
                line.award_record = award
            DecisionLine.objects.bulk_update(subjects, ["award_record"], batch_size=1000)
            for line in lines:
                if line.nominee_id is not None and line.nominee.forwarded_from_id is not None:
                    on_higher_outcome(actor=actor, nominee=line.nominee, decision=locked)
        kernel.transition(actor=actor, obj=locked, action="sign", workflow=DECISION,
                          changes={"number": number.number, "number_text": number.text, "signed_by": actor,
                                   "signed_at": timezone.now(), "signer_name": locked.signer_name},
                          data={"number": number.text, "lines": len(lines), "total_amount": locked.total_amount})
    decision.__dict__.update({k: getattr(locked, k) for k in ("status", "number", "number_text", "signed_by_id", "signed_at",
                                                             "signer_name")})
    return decision


def _revocation_reason(decision: Decision, number_text: str) -> str:
    """What the ledger keeps as the reason of a revocation (the whole reason): an amendment names itself."""
    if decision.kind == DecisionKind.AMENDMENT:
        return f"Sửa đổi theo Quyết định số {number_text}: {decision.reason}"
    return decision.reason


# --- Revocation (Điều 93) and cancellation ------------------------------------------------------------------


def _recover_amount(award: AwardRecord) -> int:
    line = getattr(award, "decision_line", None)
    if line is not None:
        return line.amount
    return 0


def revocation_draft(*, actor, issuer, awards: list[AwardRecord], reason: str, decided_on: dt.date,
                     amends: Decision | None = None) -> Decision:
    """A draft revocation decision of `issuer` (the level that granted the awards): each award with the money to
    recover (what its decision paid). `amends` set: the cancellation of that whole decision."""
    require(actor, "decisions.draft", issuer)
    reason = vntext.nfc(reason)
    if not reason:
        raise DomainError("Phải ghi lý do hủy bỏ (Điều 93 Luật Thi đua, khen thưởng: khai man thành tích, giả mạo hồ sơ, "
                          "đề nghị hoặc thẩm định sai, vi phạm tiêu chuẩn).")
    if not awards:
        raise DomainError("Chưa chọn khen thưởng nào để hủy bỏ.")
    decided_on = _check_date(decided_on, None, amends)
    foreign = [a for a in awards if a.issuer_id != issuer.pk]
    if foreign:
        raise DomainError(f"Chỉ cấp đã quyết định mới hủy bỏ được: {foreign[0]} do {foreign[0].issuer_name} quyết định.")
    revoked = [a for a in awards if a.revocation_id is not None]
    if revoked:
        raise DomainError(f"{revoked[0]} đã bị hủy bỏ trước đó.")
    kind = DecisionKind.CANCELLATION if amends is not None else DecisionKind.REVOCATION
    title = (f"Về việc hủy bỏ Quyết định số {amends.number_text}" if amends is not None
             else "Về việc hủy bỏ quyết định khen thưởng")
    with transaction.atomic():
        decision = Decision(issuer=issuer, kind=kind, amends=amends, decided_on=decided_on, drafted_by=actor, title=title,
                            reason=reason, grounds=[*law_grounds(decided_on), f"Căn cứ {revocation_basis(decided_on)};",
                                                    f"Theo đề nghị của cơ quan thường trực Hội đồng Thi đua - Khen thưởng {issuer.name}."])
        lines = []
        for position, award in enumerate(awards, start=1):
            subject = award.subject
            lines.append(DecisionLine(position=position, name=str(subject),
                                      person=award.person, unit=award.unit, household=award.household, award_code=award.award_code,
                                      year=award.year, revoked_award=award, recover_amount=_recover_amount(award),
                                      achievement=f"Quyết định số {award.decision_number or '…'}"
                                                  + (f" ngày {award.decision_date:%d/%m/%Y}" if award.decision_date else "")))
        decision.total_amount = sum(line.recover_amount for line in lines)
        kernel.create(actor=actor, obj=decision, action="draft", workflow=DECISION,
                      data={"kind": kind, "awards": [a.pk for a in awards], "reason": reason})
        for line in lines:
            line.decision = decision
        DecisionLine.objects.bulk_create(lines)
    return decision


def cancellation_draft(*, actor, decision: Decision, reason: str, decided_on: dt.date) -> Decision:
    """A draft decision cancelling an issued award decision (a mistake found after signing): every award it wrote is
    revoked once the cancellation is signed."""
    if decision.status != DecisionStatus.ISSUED or decision.kind != DecisionKind.AWARD:
        raise DomainError("Chỉ hủy bỏ được một quyết định khen thưởng đã ban hành.")
    require(actor, "decisions.draft", decision)
    earlier = decision.corrections.filter(kind=DecisionKind.CANCELLATION).first()
    if earlier is not None:
        raise DomainError(f"Quyết định số {decision.number_text} đã bị hủy bỏ"
                          + (f" bởi Quyết định số {earlier.number_text}." if earlier.number_text else " (dự thảo hủy bỏ đang chờ ký)."))
    awards = [line.award_record for line in decision.lines.select_related("award_record").order_by("position")
              if line.award_record is not None and line.award_record.revocation_id is None]
    return revocation_draft(actor=actor, issuer=decision.issuer, awards=awards, reason=reason, decided_on=decided_on, amends=decision)
