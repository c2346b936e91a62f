"""The decision screens: the office drafts from a closed session's results page, edits the header, takes a line off
with a reason, submits; the chair finds it in the home inbox, returns it or signs after the confirmation step; the
issued decision shows its number and the awards in the ledger, offers the cancellation and the revocation of one award
(Điều 93); every refusal is a Vietnamese message and changes nothing."""

from __future__ import annotations

import io
import re
from urllib.parse import unquote

import pytest
from django.urls import reverse

from tdkt.core.numbering import numbering_profile_set
from tdkt.decisions.models import Decision, DecisionKind, DecisionStatus
from tdkt.records.models import AwardRecord
from tests.decisions.test_decisions import closed_session
from tests.documents.test_pdf import needs_soffice, pdf_text, save_page_one


@pytest.fixture
def numbering(tree, personas):
    numbering_profile_set(actor=personas["admin"], issuer=tree.ward_a, abbreviation="UBND")


@pytest.fixture
def session(council, dossiers):
    return closed_session(council, dossiers)


def _draft(client, session, day="22/12/2025"):
    return client.post(reverse("decisions:decision_draft", args=[session.pk]), data={"decided_on": day})


def test_the_office_drafts_from_the_results_page_and_edits_the_draft(client, session, personas, numbering):
    client.force_login(personas["appraiser"])
    results = client.get(reverse("council:results", args=[session.pk])).content.decode()
    assert 'data-testid="draft-decision"' in results
    early = _draft(client, session, "19/12/2025")
    assert "không được trước ngày họp Hội đồng" in early.content.decode() and not Decision.objects.exists()
    done = _draft(client, session)
    decision = Decision.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse("decisions:decision_detail", args=[decision.pk])
    page = client.get(done["Location"]).content.decode()
    assert "Nguyễn Văn An" in page and "2.340.000" in page and "3.040.000" in page
    assert "Ba triệu không trăm bốn mươi nghìn đồng" in page and 'data-testid="header-form"' in page

    bad = client.post(reverse("decisions:decision_edit", args=[decision.pk]),
                      data={"title": "", "decided_on": "22/12/2025", "grounds": "   "})
    assert bad.status_code == 400 and "Trích yếu không được để trống." in bad.content.decode()
    assert "Quyết định phải có ít nhất một căn cứ." in bad.content.decode()
    client.post(reverse("decisions:decision_edit", args=[decision.pk]),
                data={"title": "Về việc khen thưởng tổng kết năm 2025", "decided_on": "23/12/2025",
                      "grounds": "Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;\nTheo đề nghị của Phòng Văn hóa - Xã hội.",
                      "signer_title": "CHỦ TỊCH", "signer_name": ""})
    decision.refresh_from_db()
    assert decision.title == "Về việc khen thưởng tổng kết năm 2025" and len(decision.grounds) == 2

    binh = decision.lines.get(name="Trần Thị Bình")
    no_reason = client.post(reverse("decisions:decision_line_remove", args=[decision.pk, binh.pk]), data={"reason": ""}, follow=True)
    assert "Hãy ghi lý do đưa ra khỏi danh sách." in no_reason.content.decode() and decision.lines.count() == 2
    client.post(reverse("decisions:decision_line_remove", args=[decision.pk, binh.pk]), data={"reason": "Chưa đủ minh chứng"})
    decision.refresh_from_db()
    assert decision.lines.count() == 1 and decision.total_amount == 2_340_000


def test_the_chair_returns_then_signs_after_the_confirmation(client, session, personas, tree, numbering):
    client.force_login(personas["appraiser"])
    _draft(client, session)
    decision = Decision.objects.get()
    client.post(reverse("decisions:decision_act", args=[decision.pk]), data={"action": "submit"})
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.SUBMITTED
    # the office cannot sign
    assert client.get(reverse("decisions:decision_sign", args=[decision.pk])).status_code == 403

    client.force_login(personas["chair"])
    home = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="home-signing"' in home and decision.title in home
    no_reason = client.post(reverse("decisions:decision_act", args=[decision.pk]), data={"action": "return", "reason": ""}, follow=True)
    assert "Hãy ghi lý do trả lại dự thảo." in no_reason.content.decode()
    client.post(reverse("decisions:decision_act", args=[decision.pk]), data={"action": "return", "reason": "Sửa căn cứ"})
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.DRAFT

    client.force_login(personas["office_head"])
    client.post(reverse("decisions:decision_act", args=[decision.pk]), data={"action": "submit"})
    client.force_login(personas["chair"])
    confirm = client.get(reverse("decisions:decision_sign", args=[decision.pk])).content.decode()
    assert "sẽ được lấy số tiếp theo trong sổ QĐ-UBND năm 2025" in confirm and "ghi vào hồ sơ thành tích" in confirm
    unconfirmed = client.post(reverse("decisions:decision_sign", args=[decision.pk]), data={})
    assert "Hãy đánh dấu xác nhận trước khi ký ban hành." in unconfirmed.content.decode()
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.SUBMITTED and not AwardRecord.objects.filter(decision_line__decision=decision).exists()
    signed = client.post(reverse("decisions:decision_sign", args=[decision.pk]), data={"confirm": "on"}, follow=True)
    decision.refresh_from_db()
    assert decision.status == DecisionStatus.ISSUED and decision.number_text == "01/QĐ-UBND"
    text = signed.content.decode()
    assert "Quyết định số 01/QĐ-UBND" in text and 'data-testid="in-ledger"' in text
    award = AwardRecord.objects.get(person=tree.an, decision_number="01/QĐ-UBND")
    assert award.award_code == "CSTDCS"
    again = client.post(reverse("decisions:decision_sign", args=[decision.pk]), data={"confirm": "on"})
    assert "đã được ký ban hành" in again.content.decode()
    assert AwardRecord.objects.filter(decision_number="01/QĐ-UBND").count() == 2

    client.force_login(personas["appraiser"])
    page = client.get(reverse("decisions:decision_detail", args=[decision.pk])).content.decode()
    assert 'data-testid="cancel-decision"' in page and 'data-testid="revoke-1"' in page
    printing = client.get(reverse("documents:certificate_print") + "?"
                          + re.search(r'href="[^"?]+\?([^"]+)" data-testid="print-certificates"', page).group(1).replace("&amp;", "&"))
    assert 'value="01/QĐ-UBND"' in printing.content.decode() and "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG ĐỐNG ĐA" in printing.content.decode()
    line = decision.lines.get(position=1)
    refused = client.post(reverse("decisions:decision_revoke", args=[decision.pk, line.pk]), data={"reason": "", "decided_on": "10/01/2026"})
    assert "Phải ghi lý do hủy bỏ." in refused.content.decode()
    done = client.post(reverse("decisions:decision_revoke", args=[decision.pk, line.pk]),
                       data={"reason": "Khai man thành tích", "decided_on": "10/01/2026"})
    revocation = Decision.objects.get(kind=DecisionKind.REVOCATION)
    assert done["Location"] == reverse("decisions:decision_detail", args=[revocation.pk])
    assert revocation.lines.get().recover_amount == 2_340_000
    client.post(reverse("decisions:decision_cancel", args=[decision.pk]), data={"reason": "Sai thẩm quyền", "decided_on": "10/01/2026"})
    assert Decision.objects.filter(kind=DecisionKind.CANCELLATION, amends=decision).exists()


def test_the_list_filters_and_another_ward_sees_nothing(client, session, personas):
    client.force_login(personas["appraiser"])
    _draft(client, session)
    decision = Decision.objects.get()
    listing = client.get(reverse("decisions:decision_index")).content.decode()
    assert decision.title in listing
    assert decision.title not in client.get(reverse("decisions:decision_index") + "?status=issued").content.decode()
    client.force_login(personas["officer_b"])
    assert decision.title not in client.get(reverse("decisions:decision_index")).content.decode()
    assert client.get(reverse("decisions:decision_detail", args=[decision.pk])).status_code == 404
    client.force_login(personas["officer_a"])  # a ledger reader of the ward: reads, does not act
    page = client.get(reverse("decisions:decision_detail", args=[decision.pk])).content.decode()
    assert 'data-testid="header-form"' not in page and 'data-testid="submit-decision"' not in page
    assert client.post(reverse("decisions:decision_act", args=[decision.pk]), data={"action": "submit"}).status_code == 403


def test_the_decision_docx_of_a_draft_and_of_the_issued_decision(client, session, personas, numbering):
    from docx import Document

    client.force_login(personas["appraiser"])
    _draft(client, session)
    decision = Decision.objects.get()
    draft = client.get(reverse("decisions:decision_download", args=[decision.pk, "docx"]))
    assert draft.status_code == 200 and "du-thao" in draft["Content-Disposition"]
    text = _text(Document(io.BytesIO(draft.content)))
    assert "DỰ THẢO" in text and "Nguyễn Văn An" in text and "Số:" in text and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in text
    client.post(reverse("decisions:decision_act", args=[decision.pk]), data={"action": "submit"})
    client.force_login(personas["chair"])
    client.post(reverse("decisions:decision_sign", args=[decision.pk]), data={"confirm": "on"})
    issued = client.get(reverse("decisions:decision_download", args=[decision.pk, "docx"]))
    text = _text(Document(io.BytesIO(issued.content)))
    assert "Số: 01/QĐ-UBND" in text and "ngày 22 tháng 12 năm 2025" in text and "DỰ THẢO" not in text
    assert "3.040.000" in text and "Ba triệu không trăm bốn mươi nghìn đồng".lower() in text.lower()


def _text(document) -> str:
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    for section in document.sections:
        parts.extend(p.text for p in section.header.paragraphs)
    return "\n".join(parts)


@needs_soffice
def test_the_issued_decision_as_pdf_from_its_page(client, session, personas, numbering, tmp_path):
    client.force_login(personas["appraiser"])
    _draft(client, session)
    decision = Decision.objects.get()
    client.post(reverse("decisions:decision_act", args=[decision.pk]), data={"action": "submit"})
    client.force_login(personas["chair"])
    client.post(reverse("decisions:decision_sign", args=[decision.pk]), data={"confirm": "on"})
    page = client.get(reverse("decisions:decision_detail", args=[decision.pk])).content.decode()
    assert 'data-testid="download-pdf"' in page
    response = client.get(reverse("decisions:decision_download", args=[decision.pk, "pdf"]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "quyet-dinh-01-QĐ-UBND.pdf" in unquote(response["Content-Disposition"])
    body = " ".join(pdf_text(response.content, tmp_path).split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: 01/QĐ-UBND", "Hà Nội, ngày 22 tháng 12 năm 2025", "Nguyễn Văn An",
                     "Trần Thị Bình", "3.040.000"):
        assert expected in body
    assert save_page_one(response.content, "decision-issued-page-1", tmp_path).exists()


def test_without_libreoffice_the_page_says_so_and_the_pdf_is_refused_with_a_message(client, session, personas, settings):
    settings.TDKT_SOFFICE = "khong-co-libreoffice"
    client.force_login(personas["appraiser"])
    _draft(client, session)
    decision = Decision.objects.get()
    page = client.get(reverse("decisions:decision_detail", args=[decision.pk])).content.decode()
    assert "chưa cài LibreOffice" in page and 'data-testid="download-pdf"' not in page
    refused = client.get(reverse("decisions:decision_download", args=[decision.pk, "pdf"]), follow=True)
    assert refused.status_code == 200 and ".docx" in refused.content.decode()


def test_the_list_and_the_page_take_the_same_queries_for_more_rows(client, session, personas, tree):
    """No N+1: the list of 1 or 6 decisions, the page of a decision with 2 or 7 lines."""
    import datetime as dt

    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from tdkt.decisions.models import DecisionLine

    client.force_login(personas["appraiser"])
    _draft(client, session)
    decision = Decision.objects.get()

    def count(url):
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        return len(ctx.captured_queries)

    index, page = reverse("decisions:decision_index"), reverse("decisions:decision_detail", args=[decision.pk])
    few_index, few_page = count(index), count(page)
    for n in range(5):
        Decision.objects.create(issuer=tree.ward_a, title=f"Quyết định thử {n}", decided_on=dt.date(2025, 12, 23), drafted_by=personas["appraiser"])
        DecisionLine.objects.create(decision=decision, position=10 + n, name=f"Người thứ {n}", person=tree.cuong, award_code="LDTT",
                                    year=2025, amount=700_000)
    assert count(index) == few_index
    assert count(page) == few_page
