"""The session's documents: the minutes (Mẫu 1.9) of a closed session with its results table, and the ballot paper,
opened with python-docx (and the minutes' PDF with pdftotext) as a reader would check them."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.core.errors import DomainError
from tdkt.council import services
from tdkt.council.documents import ballot_document, minutes_document
from tests.documents import docxcheck
from tests.documents.test_pdf import needs_soffice, pdf_text, save_page_one

from .test_sessions import PRESENT, opened, paper, prepare

pytestmark = pytest.mark.django_db


def closed(council, dossiers):
    session = opened(council, dossiers)
    for key in PRESENT:
        services.vote_cast(actor=council.users[key], session=session, choices=paper(session, CSTDCS="agree", LDTT="agree"))
    services.written_vote_record(actor=council.secretary, session=session, member=council.members["Đỗ Văn Hiệu"],
                                 choices=paper(session, CSTDCS="disagree", LDTT="agree"))
    services.ballot_close(actor=council.secretary, session=session)
    return session


def test_the_minutes_carry_the_council_the_attendance_and_every_result(council, dossiers):
    doc = docxcheck.open_docx(minutes_document(closed(council, dossiers)))
    text = docxcheck.text(doc)
    assert "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in text and "BIÊN BẢN" in text
    assert "4/5 thành viên Hội đồng có mặt; 01 thành viên vắng mặt có phiếu bằng văn bản" in text
    assert "bỏ phiếu kín" in text and "ngày 20 tháng 12 năm 2025" in text
    rows = [line for line in docxcheck.lines(doc) if "Nguyễn Văn An" in line or "Trần Thị Bình" in line]
    assert rows, "the results table names the nominees"
    # CSTĐCS: 4 of 5 = 80,00% against ≥ 80%; LĐTT: 5 of 5
    assert "80,00%" in text and "100,00%" in text and "từ 80% trở lên" in text and "Ngưỡng (trên tổng số thành viên)" in text
    assert "Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP" in text
    assert "CHỦ TỌA" in text and "THƯ KÝ" in text
    assert docxcheck.fonts(doc) <= {"Times New Roman"}


def test_no_minutes_before_the_ballot_closes_and_no_ballot_paper_without_an_agenda(council, dossiers):
    session = prepare(council, dossiers)
    with pytest.raises(DomainError, match="kết thúc bỏ phiếu"):
        minutes_document(session)
    text = docxcheck.text(docxcheck.open_docx(ballot_document(session)))
    assert "Nguyễn Văn An" in text and "Chiến sĩ thi đua cơ sở" in text and "Trần Thị Bình" in text
    empty = services.session_create(actor=council.secretary, council=council.council, held_on=session.held_on, title="Phiên trống")
    with pytest.raises(DomainError, match="chưa có nội dung"):
        ballot_document(empty)


def test_the_secretary_downloads_them_and_a_refusal_is_a_vietnamese_message(client, council, dossiers, personas):
    session = prepare(council, dossiers)
    client.force_login(personas["secretary"])
    response = client.get(reverse("council:document", args=[session.pk, "bien-ban", "docx"]), follow=True)
    assert "Biên bản có kết quả biểu quyết chỉ lập được khi đã kết thúc bỏ phiếu." in response.content.decode()
    response = client.get(reverse("council:document", args=[session.pk, "phieu-bau", "docx"]))
    assert response.status_code == 200 and response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert client.get(reverse("council:document", args=[session.pk, "khac", "docx"])).status_code == 404
    client.force_login(personas["officer_b"])
    assert client.get(reverse("council:document", args=[session.pk, "phieu-bau", "docx"])).status_code in (403, 404)


@needs_soffice
def test_the_minutes_pdf_reads_back_with_the_results(council, dossiers, tmp_path):
    from tdkt.documents.rendering import to_pdf

    pdf = to_pdf(minutes_document(closed(council, dossiers)))
    text = pdf_text(pdf, tmp_path)
    assert "BIÊN BẢN" in text and "Nguyễn Văn An" in text and "80,00%" in text
    save_page_one(pdf, "council-minutes-page1", tmp_path)
