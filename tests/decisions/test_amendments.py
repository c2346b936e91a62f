"""Amendment decisions (quyết định sửa đổi, bổ sung) through the real services: the office drafts an amendment of an
issued award decision, replaces a line still in force (the corrected award, the money the old line paid to recover) or
supplements a nominee left out; the chair signs — the number, the replaced award revoked and the new one written in the
ledger, in one transaction — and every refusal is a Vietnamese message that changes nothing."""

from __future__ import annotations

import datetime as dt

import pytest

from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent
from tdkt.decisions import amendments, services
from tdkt.decisions.models import Decision, DecisionKind, DecisionStatus
from tdkt.records.eligibility import check_subject, eligibility_request
from tdkt.records.models import AwardRecord, AwardSource
from tests.decisions.test_decisions import DECIDED_ON, closed_session, numbering, signed  # noqa: F401  (numbering: a fixture)

AMENDED_ON = dt.date(2025, 12, 29)


@pytest.fixture
def issued(council, dossiers, personas, numbering):  # noqa: F811
    """01/QĐ-UBND of 22/12/2025: Nguyễn Văn An CSTĐCS 2025 (2.340.000), Trần Thị Bình LĐTT 2025 (700.000)."""
    return signed(services.decision_draft(actor=personas["appraiser"], session=closed_session(council, dossiers), decided_on=DECIDED_ON),
                  personas)


@pytest.fixture
def left_out(council, dossiers, personas, numbering):  # noqa: F811
    """01/QĐ-UBND without Trần Thị Bình (taken off the draft), who passed the council: a nominee left out."""
    draft = services.decision_draft(actor=personas["appraiser"], session=closed_session(council, dossiers), decided_on=DECIDED_ON)
    services.line_remove(actor=personas["appraiser"], line=draft.lines.get(name="Trần Thị Bình"), reason="Nhầm lẫn khi lập danh sách")
    return signed(draft, personas)


def _draft(issued, personas, reason="Ghi nhầm danh hiệu của bà Trần Thị Bình"):
    return amendments.amendment_draft(actor=personas["appraiser"], decision=issued, reason=reason, decided_on=AMENDED_ON)


def test_the_office_drafts_an_amendment_of_an_issued_decision(issued, personas, tree):
    draft = _draft(issued, personas)
    assert (draft.kind, draft.status, draft.amends, draft.issuer) == (DecisionKind.AMENDMENT, DecisionStatus.DRAFT, issued, tree.ward_a)
    assert draft.title == "Về việc sửa đổi, bổ sung Quyết định số 01/QĐ-UBND"
    assert "Căn cứ Quyết định số 01/QĐ-UBND ngày 22 tháng 12 năm 2025 về việc khen thưởng năm 2025;" in draft.grounds
    assert draft.reason == "Ghi nhầm danh hiệu của bà Trần Thị Bình" and not draft.lines.exists()
    event = AuditEvent.objects.get(action="decisions.decision.drafted", target_id=str(draft.pk))
    assert event.data["amends"] == issued.pk and event.data["kind"] == "amendment"
    assert [d.pk for d in issued.corrections.all()] == [draft.pk]


def test_an_amendment_is_refused_of_an_amendment_after_a_cancellation_without_reason_or_right(personas, issued):
    amendment = _draft(issued, personas)
    with pytest.raises(DomainError, match="Chỉ sửa đổi, bổ sung được một quyết định khen thưởng đã ban hành"):
        amendments.amendment_draft(actor=personas["appraiser"], decision=amendment, reason="Lần nữa", decided_on=AMENDED_ON)
    with pytest.raises(DomainError, match="Phải ghi lý do sửa đổi, bổ sung"):
        _draft(issued, personas, reason="  ")
    with pytest.raises(DomainError, match="không được trước ngày của Quyết định số 01/QĐ-UBND"):
        amendments.amendment_draft(actor=personas["appraiser"], decision=issued, reason="Sai", decided_on=dt.date(2025, 12, 21))
    for who in ("chair", "officer_a", "officer_b"):
        with pytest.raises(Forbidden):
            amendments.amendment_draft(actor=personas[who], decision=issued, reason="Sai", decided_on=AMENDED_ON)
    services.cancellation_draft(actor=personas["appraiser"], decision=issued, reason="Nhầm đối tượng", decided_on=AMENDED_ON)
    with pytest.raises(DomainError, match="đã bị hủy bỏ \\(dự thảo hủy bỏ đang chờ ký\\): không sửa đổi, bổ sung được"):
        _draft(issued, personas)
    assert Decision.objects.filter(kind=DecisionKind.AMENDMENT).count() == 1


def test_an_amendment_or_a_cancellation_is_not_dated_before_the_decision_it_corrects(personas, issued):
    draft = _draft(issued, personas)
    with pytest.raises(DomainError, match="không được trước ngày của Quyết định số 01/QĐ-UBND"):
        services.decision_update(actor=personas["appraiser"], decision=draft, decided_on=dt.date(2025, 12, 1))
    draft.refresh_from_db()
    assert draft.decided_on == AMENDED_ON  # nothing changed
    with pytest.raises(DomainError, match="không được trước ngày của Quyết định số 01/QĐ-UBND"):
        services.cancellation_draft(actor=personas["appraiser"], decision=issued, reason="Nhầm", decided_on=dt.date(2025, 12, 1))
    assert not Decision.objects.filter(kind=DecisionKind.CANCELLATION).exists()


def test_a_draft_award_decision_is_not_amended(council, dossiers, personas, numbering):  # noqa: F811
    draft = services.decision_draft(actor=personas["appraiser"], session=closed_session(council, dossiers), decided_on=DECIDED_ON)
    with pytest.raises(DomainError, match="đã ban hành"):
        _draft(draft, personas)


def test_a_replaced_line_revokes_the_old_award_and_writes_the_corrected_one_at_signing(issued, personas, tree):
    draft = _draft(issued, personas)
    binh = issued.lines.get(name="Trần Thị Bình")
    old_award = binh.award_record
    assert binh in amendments.lines_in_force(issued)
    line = amendments.amendment_line_add(actor=personas["appraiser"], decision=draft, replaces=binh, award_code="CSTDCS", year=2025)
    # the corrected award priced on the amendment's date, the replaced line's money to recover, the net total
    assert (line.person, line.name, line.award_code, line.amount, line.revoked_award, line.recover_amount) == (
        tree.binh, "Trần Thị Bình", "CSTDCS", 2_340_000, old_award, 700_000)
    assert Decision.objects.get(pk=draft.pk).total_amount == 2_340_000 - 700_000
    added = AuditEvent.objects.get(action="decisions.line.added", target_id=str(draft.pk))
    assert added.data["kind"] == "replace" and added.data["replaces"] == binh.pk and added.data["total_amount"] == 1_640_000
    # the line is no longer in force: neither this draft nor another amendment replaces it twice
    assert binh not in amendments.lines_in_force(issued)
    with pytest.raises(DomainError, match="đã được sửa đổi hoặc hủy bỏ bởi dự thảo"):
        amendments.amendment_line_add(actor=personas["appraiser"], decision=_draft(issued, personas, "Lần hai"), replaces=binh,
                                      award_code="GIAY_KHEN", year=2025)

    signed(draft, personas)
    draft.refresh_from_db()
    assert (draft.status, draft.number_text) == (DecisionStatus.ISSUED, "02/QĐ-UBND")
    old_award.refresh_from_db()
    assert old_award.revocation.decision_number == "02/QĐ-UBND"
    assert old_award.revocation.reason == "Sửa đổi theo Quyết định số 02/QĐ-UBND: Ghi nhầm danh hiệu của bà Trần Thị Bình"
    new_award = AwardRecord.objects.get(person=tree.binh, decision_number="02/QĐ-UBND")
    assert (new_award.award_code, new_award.year, new_award.source, new_award.revocation) == ("CSTDCS", 2025, AwardSource.DECISION, None)
    assert draft.lines.get().award_record == new_award
    # the engine reads the ledger: it sees the CSTĐCS 2025, no longer the LĐTT 2025
    held = {(a.award, a.year) for a in eligibility_request(tree.binh, "CSTDCS", 2026).awards}
    assert ("CSTDCS", 2025) in held and ("LDTT", 2025) not in held
    result = check_subject(tree.binh, "CSTDCS", 2026)
    assert result is not None
    # the untouched line stays as it was
    assert AwardRecord.objects.get(person=tree.an, decision_number="01/QĐ-UBND").revocation is None


def test_a_nominee_left_out_is_supplemented_with_the_councils_item(left_out, personas, tree):
    candidates = amendments.supplement_candidates(left_out)
    assert [(c["nominee"].person, c["nominee"].award_code, c["year"]) for c in candidates] == [(tree.binh, "LDTT", 2025)]
    draft = _draft(left_out, personas, "Bổ sung người được Hội đồng đề nghị bị bỏ sót")
    line = amendments.amendment_line_add(actor=personas["appraiser"], decision=draft, subject=tree.binh, award_code="LDTT", year=2025,
                                         achievement="Hoàn thành tốt nhiệm vụ")
    assert (line.name, line.description, line.amount, line.recover_amount, line.revoked_award) == (
        "Trần Thị Bình", "Công chức văn phòng, Phường Đống Đa", 700_000, 0, None)
    assert line.nominee == candidates[0]["nominee"] and line.agenda_item_id == candidates[0]["item"]
    assert amendments.supplement_candidates(left_out) == []
    # the session's item is taken: a new award decision of the session does not list it again
    with pytest.raises(DomainError, match="chưa có trong một dự thảo"):
        services.decision_draft(actor=personas["appraiser"], session=left_out.session, decided_on=AMENDED_ON)
    assert Decision.objects.get(pk=draft.pk).total_amount == 700_000
    signed(draft, personas)
    award = AwardRecord.objects.get(person=tree.binh, year=2025, revocation__isnull=True)
    assert (award.award_code, award.decision_number) == ("LDTT", "02/QĐ-UBND")
    assert ("LDTT", 2025) in {(a.award, a.year) for a in eligibility_request(tree.binh, "CSTDCS", 2026).awards}


def test_the_lines_refused(issued, personas, tree):
    draft = _draft(issued, personas)
    an = issued.lines.get(name="Nguyễn Văn An")
    add = amendments.amendment_line_add

    def refused(match, **kwargs):
        with pytest.raises(DomainError, match=match):
            add(actor=personas["appraiser"], decision=draft, **{"award_code": "LDTT", "year": 2025, **kwargs})

    refused("đã có trong Quyết định số 01/QĐ-UBND với Chiến sĩ thi đua cơ sở năm 2025", subject=tree.an, award_code="CSTDCS")
    refused("không thuộc thẩm quyền quyết định của Phường Đống Đa", subject=tree.cuong, award_code="CSTD_TINH")
    refused("không có trong danh mục", subject=tree.cuong, award_code="KHONG_CO")
    refused("Năm thành tích phải từ 1945 đến 2025", subject=tree.cuong, year=1900)
    refused("Năm thành tích phải từ 1945 đến 2025", subject=tree.cuong, year=2026)
    refused("Năm thành tích phải là một số", subject=tree.cuong, year="năm ngoái")
    refused("không thuộc phạm vi quản lý của Phường Đống Đa", subject=tree.dung)
    refused("Dòng sửa đổi phải khác dòng cũ", replaces=an, award_code="CSTDCS")
    refused("đã có Lao động tiên tiến năm 2024 trong hồ sơ thành tích", replaces=an, year=2024)
    refused("Hãy chọn dòng cần sửa đổi hoặc người, tập thể được bổ sung")
    refused("không được tặng cho", subject=tree.school_a, award_code="CSTDCS")
    with pytest.raises(Forbidden):
        add(actor=personas["chair"], decision=draft, subject=tree.cuong, award_code="LDTT", year=2025)
    assert not draft.lines.exists() and not AuditEvent.objects.filter(action="decisions.line.added").exists()
    # only into an amendment draft
    with pytest.raises(DomainError, match="đã trình ký hoặc đã ban hành"):
        add(actor=personas["appraiser"], decision=issued, subject=tree.cuong, award_code="LDTT", year=2025)


def test_a_line_of_a_revoked_award_is_not_in_force(issued, personas, tree):
    an = issued.lines.get(name="Nguyễn Văn An")
    signed(services.revocation_draft(actor=personas["appraiser"], issuer=tree.ward_a, awards=[an.award_record],
                                     reason="Kê khai không đúng", decided_on=AMENDED_ON), personas)
    assert [line.name for line in amendments.lines_in_force(issued)] == ["Trần Thị Bình"]
    with pytest.raises(DomainError, match="đã bị hủy bỏ: không sửa đổi được"):
        amendments.amendment_line_add(actor=personas["appraiser"], decision=_draft(issued, personas), replaces=an, award_code="LDTT",
                                      year=2025)


def test_a_line_is_taken_off_the_amendment_and_the_net_follows(issued, personas, tree):
    draft = _draft(issued, personas)
    binh = issued.lines.get(name="Trần Thị Bình")
    amendments.amendment_line_add(actor=personas["appraiser"], decision=draft, replaces=binh, award_code="CSTDCS", year=2025)
    cuong = amendments.amendment_line_add(actor=personas["appraiser"], decision=draft, subject=tree.cuong, award_code="LDTT", year=2025)
    assert cuong.position == 2 and Decision.objects.get(pk=draft.pk).total_amount == 2_340_000 - 700_000 + 700_000
    services.line_remove(actor=personas["appraiser"], line=draft.lines.get(position=1), reason="Không sửa dòng này nữa")
    assert [(line.position, line.name) for line in draft.lines.all()] == [(1, "Lê Minh Cường")]
    assert Decision.objects.get(pk=draft.pk).total_amount == 700_000
    assert binh in amendments.lines_in_force(issued)
    # the date reprices the new lines: 2.530.000 from 1/7/2026, 0,3 × = 759.000 → 760.000
    services.decision_update(actor=personas["appraiser"], decision=draft, decided_on=dt.date(2026, 7, 1))
    assert Decision.objects.get(pk=draft.pk).total_amount == 760_000


def test_signing_is_all_or_nothing(issued, personas, tree):
    draft = _draft(issued, personas)
    binh = issued.lines.get(name="Trần Thị Bình")
    amendments.amendment_line_add(actor=personas["appraiser"], decision=draft, replaces=binh, award_code="CSTDCS", year=2025)
    amendments.amendment_line_add(actor=personas["appraiser"], decision=draft, subject=tree.cuong, award_code="LDTT", year=2025)
    services.decision_submit(actor=personas["office_head"], decision=draft)
    # meanwhile Cường's LĐTT 2025 is recorded by hand: the new award cannot be written, so nothing is
    AwardRecord.objects.create(person=tree.cuong, award_code="LDTT", year=2025, decision_number="9/QĐ-UBND", issuer=tree.ward_a,
                               issuer_name="UBND phường Đống Đa")
    with pytest.raises(DomainError, match="đã có Lao động tiên tiến năm 2025"):
        services.decision_sign(actor=personas["chair"], decision=draft)
    draft.refresh_from_db()
    binh.award_record.refresh_from_db()
    assert (draft.status, draft.number_text, binh.award_record.revocation_id) == (DecisionStatus.SUBMITTED, "", None)
    assert not AwardRecord.objects.filter(decision_number="02/QĐ-UBND").exists()
    # the number was not taken either: signed without that line, the amendment is 02
    services.decision_return(actor=personas["chair"], decision=draft, reason="Bỏ dòng của ông Cường")
    services.line_remove(actor=personas["appraiser"], line=draft.lines.get(name="Lê Minh Cường"), reason="Đã có khen thưởng")
    signed(draft, personas)
    assert Decision.objects.get(pk=draft.pk).number_text == "02/QĐ-UBND"
