"""Decisions through the real services: the standing office drafts the decision of a closed session (what passed and
what the ward decides itself, with the money of each), submits it, the chair signs — the number, the awards in the
ledger, all in one transaction — and a signed decision is immutable; an award is revoked (Điều 93) or a whole decision
cancelled by a later decision."""

from __future__ import annotations

import datetime as dt

import pytest

from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent
from tdkt.core.numbering import numbering_profile_set
from tdkt.council import services as council_services
from tdkt.decisions import services
from tdkt.decisions.models import Decision, DecisionKind, DecisionStatus
from tdkt.records.eligibility import eligibility_request
from tdkt.records.models import AwardRecord, AwardSource
from tests.council.conftest import ready_dossier
from tests.council.test_sessions import prepare

DECIDED_ON = dt.date(2025, 12, 22)  # base salary 2.340.000 đồng (from 1/7/2024)


def closed_session(council, dossiers, *, choices=None):
    """Ward A's session of 20/12/2025: four present members and a written vote agree on every item."""
    session = prepare(council, dossiers)
    council_services.ballot_open(actor=council.secretary, session=session)
    choices = choices or {item.pk: "agree" for item in session.items.all()}
    for key in ("hoidong", "uyvien1", "uyvien2", "uyvien3"):
        council_services.vote_cast(actor=council.users[key], session=session, choices=choices)
    council_services.written_vote_record(actor=council.secretary, session=session, member=council.members["Đỗ Văn Hiệu"],
                                         choices=choices)
    council_services.ballot_close(actor=council.secretary, session=session)
    return session


@pytest.fixture
def numbering(tree, personas):
    numbering_profile_set(actor=personas["admin"], issuer=tree.ward_a, abbreviation="UBND")


def signed(decision, personas):
    services.decision_submit(actor=personas["office_head"], decision=decision)
    return services.decision_sign(actor=personas["chair"], decision=decision)


def test_the_office_drafts_the_decision_of_a_closed_session_with_the_money_of_each(council, dossiers, personas, tree):
    session = closed_session(council, dossiers)
    decision = services.decision_draft(actor=personas["appraiser"], session=session, decided_on=DECIDED_ON)
    assert (decision.status, decision.kind, decision.issuer) == (DecisionStatus.DRAFT, DecisionKind.AWARD, tree.ward_a)
    lines = [(line.position, line.name, line.award_code, line.amount) for line in decision.lines.order_by("position")]
    # CSTĐCS 1,0 × 2.340.000; LĐTT 0,3 × 2.340.000 = 702.000, rounded to tens of thousands (NĐ 152/2025 Điều 50),
    # the highest award first
    assert lines == [(1, "Nguyễn Văn An", "CSTDCS", 2_340_000), (2, "Trần Thị Bình", "LDTT", 700_000)]
    assert decision.total_amount == 3_040_000
    assert decision.title == "Về việc khen thưởng năm 2025"
    assert any("kết quả họp Hội đồng Thi đua - Khen thưởng phường Đống Đa ngày 20 tháng 12 năm 2025" in g for g in decision.grounds)
    assert AuditEvent.objects.filter(action="decisions.decision.drafted", target_id=str(decision.pk)).exists()
    with pytest.raises(DomainError, match="chưa có trong một dự thảo"):
        services.decision_draft(actor=personas["appraiser"], session=session, decided_on=DECIDED_ON)


def test_a_session_still_voting_has_no_decision(council, dossiers, personas):
    session = prepare(council, dossiers)
    with pytest.raises(DomainError, match="đã kết thúc bỏ phiếu"):
        services.decision_draft(actor=personas["appraiser"], session=session, decided_on=DECIDED_ON)
    assert not Decision.objects.exists()


def test_a_decision_date_before_the_session_is_refused(council, dossiers, personas):
    session = closed_session(council, dossiers)
    with pytest.raises(DomainError, match="không được trước ngày họp Hội đồng"):
        services.decision_draft(actor=personas["appraiser"], session=session, decided_on=dt.date(2025, 12, 19))
    assert not Decision.objects.exists()
    decision = services.decision_draft(actor=personas["appraiser"], session=session, decided_on=DECIDED_ON)
    with pytest.raises(DomainError, match="không được trước ngày họp Hội đồng"):
        services.decision_update(actor=personas["appraiser"], decision=decision, decided_on=dt.date(2025, 12, 1))
    decision.refresh_from_db()
    assert decision.decided_on == DECIDED_ON


def test_the_money_follows_the_decision_date(council, dossiers, personas):
    decision = services.decision_draft(actor=personas["appraiser"], session=closed_session(council, dossiers), decided_on=DECIDED_ON)
    services.decision_update(actor=personas["appraiser"], decision=decision, decided_on=dt.date(2026, 7, 1))
    # 2.530.000 from 1/7/2026: 2.530.000 and 0,3 × 2.530.000 = 759.000 → 760.000
    assert [line.amount for line in decision.lines.order_by("position")] == [2_530_000, 760_000]
    assert Decision.objects.get(pk=decision.pk).total_amount == 3_290_000
    changed = AuditEvent.objects.get(action="decisions.decision.changed")
    assert changed.data["old"]["decided_on"] == "2025-12-22" and changed.data["new"]["total_amount"] == 3_290_000


def test_the_chair_signs_the_number_and_the_awards_land_in_the_ledger(council, dossiers, personas, tree, numbering):
    decision = services.decision_draft(actor=personas["appraiser"], session=closed_session(council, dossiers), decided_on=DECIDED_ON)
    with pytest.raises(DomainError, match="chưa được trình ký"):
        services.decision_sign(actor=personas["chair"], decision=decision)
    signed(decision, personas)
    decision.refresh_from_db()
    assert (decision.status, decision.number_text, decision.signed_by) == (DecisionStatus.ISSUED, "01/QĐ-UBND", personas["chair"])
    awards = AwardRecord.objects.filter(decision_number="01/QĐ-UBND").order_by("award_code")
    assert [(a.subject, a.award_code, a.year, a.source, a.decision_date, a.issuer_name) for a in awards] == [
        (tree.an, "CSTDCS", 2025, AwardSource.DECISION, DECIDED_ON, "UBND phường Đống Đa"),
        (tree.binh, "LDTT", 2025, AwardSource.DECISION, DECIDED_ON, "UBND phường Đống Đa")]
    assert all(line.award_record_id for line in decision.lines.all())
    # the engine reads the ledger: the next check of Trần Thị Bình counts the new LĐTT 2025
    assert ("LDTT", 2025) in {(a.award, a.year) for a in eligibility_request(tree.binh, "CSTDCS", 2026).awards}
    assert AuditEvent.objects.filter(action="decisions.decision.issued", target_id=str(decision.pk)).get().data["number"] == "01/QĐ-UBND"
    # immutable: no change, no second signature (the awards are written once)
    with pytest.raises(DomainError, match="không sửa được"):
        services.decision_update(actor=personas["appraiser"], decision=decision, title="Khác")
    with pytest.raises(DomainError, match="đã được ký ban hành"):
        services.decision_sign(actor=personas["chair"], decision=decision)
    assert AwardRecord.objects.filter(source=AwardSource.DECISION).count() == 2


def test_only_the_wards_own_signer_signs_and_a_return_needs_a_reason(council, dossiers, personas, numbering):
    decision = services.decision_draft(actor=personas["appraiser"], session=closed_session(council, dossiers), decided_on=DECIDED_ON)
    with pytest.raises(Forbidden):
        services.decision_draft(actor=personas["chair"], session=decision.session, decided_on=DECIDED_ON)
    services.decision_submit(actor=personas["office_head"], decision=decision)
    for who in ("office_head", "officer_a", "council_member"):
        with pytest.raises(Forbidden):
            services.decision_sign(actor=personas[who], decision=decision)
    with pytest.raises(DomainError, match="lý do"):
        services.decision_return(actor=personas["chair"], decision=decision, reason=" ")
    services.decision_return(actor=personas["chair"], decision=decision, reason="Bổ sung căn cứ")
    assert Decision.objects.get(pk=decision.pk).status == DecisionStatus.DRAFT
    assert not AwardRecord.objects.filter(source=AwardSource.DECISION).exists()


def test_of_two_titles_for_the_same_period_only_the_highest_is_paid(council, personas, tree):
    ready_dossier(tree, tree.school_a, tree.ward_a, [(tree.an, "CSTDCS"), (tree.an, "LDTT")])
    decision = services.decision_draft(actor=personas["appraiser"], session=closed_session(council, None), decided_on=DECIDED_ON)
    lines = {line.award_code: line for line in decision.lines.all()}
    assert lines["CSTDCS"].amount == 2_340_000 and lines["LDTT"].amount == 0
    assert "chỉ thưởng danh hiệu cao nhất" in lines["LDTT"].money_note
    assert decision.total_amount == 2_340_000


def test_an_award_is_revoked_by_a_later_decision_with_the_money_to_recover(council, dossiers, personas, tree, numbering):
    issued = signed(services.decision_draft(actor=personas["appraiser"], session=closed_session(council, dossiers), decided_on=DECIDED_ON),
                    personas)
    award = AwardRecord.objects.get(person=tree.an, decision_number=issued.number_text)
    with pytest.raises(DomainError, match="lý do hủy bỏ"):
        services.revocation_draft(actor=personas["appraiser"], issuer=tree.ward_a, awards=[award], reason="", decided_on=dt.date(2026, 3, 2))
    revocation = services.revocation_draft(actor=personas["appraiser"], issuer=tree.ward_a, awards=[award],
                                           reason="Kê khai thành tích không đúng sự thật", decided_on=dt.date(2026, 3, 2))
    assert [(line.name, line.recover_amount) for line in revocation.lines.all()] == [("Nguyễn Văn An", 2_340_000)]
    signed(revocation, personas)
    award.refresh_from_db()
    assert award.revocation is not None and award.revocation.decision_number == "01/QĐ-UBND"  # 2026's first number
    assert award.revocation.reason == "Kê khai thành tích không đúng sự thật"
    assert ("CSTDCS", 2025) not in {(a.award, a.year) for a in eligibility_request(tree.an, "CSTD_TINH", 2026).awards}
    assert AwardRecord.objects.get(person=tree.binh, decision_number=issued.number_text).revocation is None


def test_a_long_reason_is_kept_whole_in_the_ledger(council, dossiers, personas, tree, numbering):
    issued = signed(services.decision_draft(actor=personas["appraiser"], session=closed_session(council, dossiers), decided_on=DECIDED_ON),
                    personas)
    award = AwardRecord.objects.get(person=tree.an, decision_number=issued.number_text)
    reason = "Kết luận thanh tra số 12/KL-TTr: " + "kê khai sáng kiến không đúng thực tế, hồ sơ minh chứng không hợp lệ; " * 12
    signed(services.revocation_draft(actor=personas["appraiser"], issuer=tree.ward_a, awards=[award], reason=reason,
                                     decided_on=dt.date(2026, 3, 2)), personas)
    award.refresh_from_db()
    assert len(reason) > 800 and award.revocation.reason == reason.strip()  # nothing cut (PostgreSQL refused it as 255 characters)


def test_a_cancellation_revokes_every_award_of_the_cancelled_decision(council, dossiers, personas, numbering):
    issued = signed(services.decision_draft(actor=personas["appraiser"], session=closed_session(council, dossiers), decided_on=DECIDED_ON),
                    personas)
    cancellation = services.cancellation_draft(actor=personas["appraiser"], decision=issued, reason="Nhầm đối tượng khen thưởng",
                                               decided_on=dt.date(2025, 12, 29))
    assert cancellation.kind == DecisionKind.CANCELLATION and cancellation.amends == issued
    assert cancellation.title == "Về việc hủy bỏ Quyết định số 01/QĐ-UBND"
    signed(cancellation, personas)
    assert Decision.objects.get(pk=cancellation.pk).number_text == "02/QĐ-UBND"
    assert not AwardRecord.objects.filter(decision_number="01/QĐ-UBND", revocation__isnull=True).exists()
    with pytest.raises(DomainError, match="đã bị hủy bỏ"):
        services.cancellation_draft(actor=personas["appraiser"], decision=issued, reason="Lần nữa", decided_on=dt.date(2025, 12, 30))
