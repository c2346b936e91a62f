"""The amendment decision as a document (the shipped decision template, its context only): "Điều 1. Sửa đổi, bổ sung
Quyết định số …" with, for a replaced line, the old and the new award, for a supplement the new one; Điều 2 the new
money, the money recovered and the net in words; the list says which line replaces and which supplements."""

from __future__ import annotations

from tdkt.decisions import amendments, documents
from tdkt.decisions.models import Decision
from tests.decisions.test_amendments import AMENDED_ON, issued  # noqa: F401  (a fixture)
from tests.decisions.test_decisions import numbering, signed  # noqa: F401  (a fixture)
from tests.documents.docxcheck import lines, open_docx, paragraph, text


def test_the_amendment_document_names_the_old_and_the_new_award_and_the_net(issued, personas, tree):  # noqa: F811
    draft = amendments.amendment_draft(actor=personas["appraiser"], decision=issued, reason="Ghi nhầm danh hiệu", decided_on=AMENDED_ON)
    binh = issued.lines.get(name="Trần Thị Bình")
    amendments.amendment_line_add(actor=personas["appraiser"], decision=draft, replaces=binh, award_code="CSTDCS", year=2025)
    amendments.amendment_line_add(actor=personas["appraiser"], decision=draft, subject=tree.cuong, award_code="LDTT", year=2025)
    doc = open_docx(documents.decision_docx(draft))
    assert "DỰ THẢO — Về việc sửa đổi, bổ sung Quyết định số 01/QĐ-UBND" in text(doc)
    assert "Căn cứ Quyết định số 01/QĐ-UBND ngày 22 tháng 12 năm 2025 về việc khen thưởng năm 2025;" in lines(doc)
    first = paragraph(doc, "Điều 1.").text
    assert first.startswith("Điều 1. Sửa đổi, bổ sung Quyết định số 01/QĐ-UBND ngày 22/12/2025 của Chủ tịch Ủy ban nhân dân "
                            "phường Đống Đa như sau (có danh sách kèm theo): ")
    assert ("1. Sửa đổi khen thưởng của Trần Thị Bình: Lao động tiên tiến năm 2025 thành Chiến sĩ thi đua cơ sở năm 2025; "
            "2. Bổ sung khen thưởng cho Lê Minh Cường: Lao động tiên tiến năm 2025. Lý do: Ghi nhầm danh hiệu.") in first
    second = paragraph(doc, "Điều 2.").text
    assert "3.040.000 đồng (ba triệu không trăm bốn mươi nghìn đồng)" in second
    assert "thu hồi tiền thưởng đã chi theo các khen thưởng bị sửa đổi: 700.000 đồng (bảy trăm nghìn đồng)" in second
    assert "số tiền chi thêm từ Quỹ thi đua, khen thưởng: 2.340.000 đồng (hai triệu ba trăm bốn mươi nghìn đồng)." in second
    assert paragraph(doc, "Điều 3.").text == "Điều 3. Các nội dung khác của Quyết định số 01/QĐ-UBND giữ nguyên hiệu lực thi hành."
    assert paragraph(doc, "Điều 4.").text.endswith("chịu trách nhiệm thi hành Quyết định này./.")
    body = text(doc)
    assert "Cá nhân, tập thể được sửa đổi, bổ sung khen thưởng" in body
    assert ("Chiến sĩ thi đua cơ sở năm 2025 (sửa đổi: thay cho Lao động tiên tiến năm 2025; thu hồi 700.000 đồng đã chi)"
            in body)
    assert "Lao động tiên tiến năm 2025 (bổ sung)" in body

    # issued: the number and the date; a cheaper correction says what is to be paid back
    signed(draft, personas)
    doc = open_docx(documents.decision_docx(Decision.objects.get(pk=draft.pk)))
    assert "Số: 02/QĐ-UBND" in text(doc) and "DỰ THẢO" not in text(doc)


def test_a_cheaper_correction_is_money_to_pay_back(issued, personas):  # noqa: F811
    draft = amendments.amendment_draft(actor=personas["appraiser"], decision=issued, reason="Ghi nhầm danh hiệu", decided_on=AMENDED_ON)
    an = issued.lines.get(name="Nguyễn Văn An")
    amendments.amendment_line_add(actor=personas["appraiser"], decision=draft, replaces=an, award_code="LDTT", year=2025)
    assert Decision.objects.get(pk=draft.pk).total_amount == 700_000 - 2_340_000
    second = paragraph(open_docx(documents.decision_docx(draft)), "Điều 2.").text
    assert second.endswith("số tiền phải thu về Quỹ thi đua, khen thưởng: 1.640.000 đồng (một triệu sáu trăm bốn mươi nghìn đồng).")
