"""Certificates (DOCUMENTS.md §8): A4 landscape, one page per recipient, the variable fields at the positions of the
unit's blank (moved by the administrator's offsets), the whole certificate with its border on blank paper, a
calibration page; .docx and PDF from the same layout."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal

import pytest
from django.urls import reverse
from docx.oxml.ns import qn

from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent
from tdkt.documents import certificates as c
from tdkt.documents import services

from .docxcheck import FONT, fonts, mm, open_docx
from .test_pdf import save_page_one

TWIPS = 1440 / 25.4


def frames(doc):
    """(text, x mm of the frame's left edge, y mm of its top) of every framed paragraph, page by page."""
    pages, page = [], []
    for p in doc.element.body.iter(qn("w:p")):
        frame = p.find(f"{qn('w:pPr')}/{qn('w:framePr')}")
        if frame is not None:
            text = "".join(t.text for t in p.iter(qn("w:t")))
            page.append((text, round(int(frame.get(qn("w:x"))) / TWIPS, 1), round(int(frame.get(qn("w:y"))) / TWIPS, 1)))
        elif page:
            pages.append(page)
            page = []
    return pages


def texts(page) -> list[str]:
    return [t for t, _, _ in page]


def test_one_landscape_page_per_recipient_with_only_the_variable_fields():
    doc = open_docx(c.certificates(c.sample_recipients(3), issue=c.sample_issue()))
    section = doc.sections[0]
    assert (mm(section.page_width), mm(section.page_height)) == (297, 210)
    assert fonts(doc) == {FONT}
    pages = frames(doc)
    assert len(pages) == 3
    assert texts(pages[0]) == ["CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG ĐỐNG ĐA", "TẶNG", "GIẤY KHEN", "Ông Nguyễn Văn An",
                               "Giáo viên, Trường THCS Đống Đa, phường Đống Đa",
                               "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025, góp phần vào sự nghiệp xây dựng và phát triển của phường",
                               "Số quyết định: 05/QĐ-UBND, ngày 05/01/2026", "Số sổ vàng: 1", "Hà Nội, ngày 05 tháng 01 năm 2026",
                               "CHỦ TỊCH", "Nguyễn Thị Hồng Nhung"]
    assert texts(pages[2])[3] == "Ông Lê Minh Cường" and "Số sổ vàng: 3" in texts(pages[2])
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" not in texts(pages[0])  # pre-printed on the blank
    assert section._sectPr.find(qn("w:pgBorders")) is None


def test_a_title_certificate_says_tang_danh_hieu():
    issue = {**c.sample_issue(), "tang": "Tặng danh hiệu", "title": "Chiến sĩ thi đua cơ sở"}
    page = texts(frames(open_docx(c.certificates(c.sample_recipients(1), issue=issue)))[0])
    assert page[1:3] == ["TẶNG DANH HIỆU", "CHIẾN SĨ THI ĐUA CƠ SỞ"]


def test_blank_paper_prints_the_motto_and_a_border():
    doc = open_docx(c.certificates(c.sample_recipients(1), issue=c.sample_issue(), blank=True))
    page = texts(frames(doc)[0])
    assert page[:2] == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert doc.sections[0]._sectPr.find(qn("w:pgBorders")) is not None
    # the rule under the Tiêu ngữ: a frame with only a bottom border, centred under it, about as long as the motto
    rules = [p for p in doc.element.body.iter(qn("w:p")) if p.find(f"{qn('w:pPr')}/{qn('w:pBdr')}/{qn('w:bottom')}") is not None]
    assert len(rules) == 1
    frame = rules[0].find(f"{qn('w:pPr')}/{qn('w:framePr')}")
    width, left = int(frame.get(qn("w:w"))) / TWIPS, int(frame.get(qn("w:x"))) / TWIPS
    assert 60 < width < 70 and left + width / 2 == pytest.approx(148.5, abs=0.2)


def test_the_layout_offsets_move_the_fields(tree, personas):
    layout = services.layout_set(actor=personas["admin"], unit=tree.ward_a, form="giay_khen", subject="individual",
                                 page_dx="1.5", page_dy=-2, offsets={"recipient": [10, "4.5"], "signer_name": [0, -3]})
    default = {t: (x, y) for t, x, y in frames(open_docx(c.certificates(c.sample_recipients(1), issue=c.sample_issue())))[0]}
    moved = {t: (x, y) for t, x, y in frames(open_docx(c.certificates(c.sample_recipients(1), layout, issue=c.sample_issue())))[0]}
    assert moved["Ông Nguyễn Văn An"] == pytest.approx((default["Ông Nguyễn Văn An"][0] + 11.5, default["Ông Nguyễn Văn An"][1] + 2.5), abs=0.1)
    assert moved["Nguyễn Thị Hồng Nhung"] == pytest.approx((default["Nguyễn Thị Hồng Nhung"][0] + 1.5, default["Nguyễn Thị Hồng Nhung"][1] - 5), abs=0.1)
    assert moved["TẶNG"] == pytest.approx((default["TẶNG"][0] + 1.5, default["TẶNG"][1] - 2), abs=0.1)
    assert layout.page_dx == Decimal("1.5")
    event = AuditEvent.objects.get(action="documents.layout.set")
    assert event.data["after"]["offsets"] == {"recipient": [10.0, 4.5], "signer_name": [0.0, -3.0]}


def test_a_school_prints_on_its_wards_blank_unless_it_has_its_own(tree, personas):
    ward = services.layout_set(actor=personas["admin"], unit=tree.ward_a, form="giay_khen", subject="individual", page_dx=3)
    assert services.layout_for(tree.school_a, form="giay_khen", subject="individual") == ward
    assert services.layout_for(tree.school_a, form="bang_khen", subject="individual") is None
    own = services.layout_set(actor=personas["admin"], unit=tree.school_a, form="giay_khen", subject="individual", page_dx=-1)
    assert services.layout_for(tree.school_a, form="giay_khen", subject="individual") == own
    assert services.layout_for(tree.school_b, form="giay_khen", subject="individual") is None


@pytest.mark.parametrize(("changes", "message"), [
    ({"offsets": {"recipient": [70, 0]}}, "Độ lệch của trường “Người (tập thể) được khen” vượt quá 60 mm"),
    ({"offsets": {"logo": [1, 1]}}, "Không có trường “logo” trên giấy khen"),
    ({"offsets": {"recipient": ["trái", 0]}}, "phải là hai số (mm)"),
    ({"page_dx": "abc"}, "Độ lệch ngang của cả trang phải là một số (mm)."),
    ({"form": "huan_chuong"}, "Loại phôi “huan_chuong” không có"),
    ({"subject": "thon"}, "Đối tượng “thon” không có"),
])
def test_a_bad_layout_is_refused_in_vietnamese_and_nothing_is_saved(tree, personas, changes, message):
    args = {"form": "giay_khen", "subject": "individual", **changes}
    with pytest.raises(DomainError) as caught:
        services.layout_set(actor=personas["admin"], unit=tree.ward_a, **args)
    assert message in caught.value.message
    assert not AuditEvent.objects.filter(action="documents.layout.set").exists()


def test_the_office_adjusts_its_own_wards_blanks_only(tree, personas):
    services.layout_set(actor=personas["appraiser"], unit=tree.ward_a, form="bang_khen", subject="collective", page_dy=1)
    with pytest.raises(Forbidden, match="Bạn không có quyền căn chỉnh phôi giấy khen của Phường Láng"):
        services.layout_set(actor=personas["appraiser"], unit=tree.ward_b, form="bang_khen", subject="collective")
    with pytest.raises(Forbidden):
        services.layout_set(actor=personas["officer_a"], unit=tree.ward_a, form="bang_khen", subject="collective")


def test_the_calibration_page_names_every_field_at_its_position(tree, personas):
    layout = services.layout_set(actor=personas["admin"], unit=tree.ward_a, form="giay_khen", subject="individual",
                                 offsets={"recipient": [0, 5]})
    page = texts(frames(open_docx(c.calibration(layout)))[0])
    for field in c.VARIABLE:
        assert any(t.startswith(f"▼ {field.label} (") for t in page), field.label
    assert "▼ Người (tập thể) được khen (148; 97 mm)" in page


def test_a_certificate_without_an_authority_or_recipients_is_refused():
    with pytest.raises(DomainError, match="Thiếu thẩm quyền khen thưởng"):
        c.certificates(c.sample_recipients(1), issue={"title": "Giấy khen"})
    with pytest.raises(DomainError, match="Chưa có người"):
        c.certificates([], issue=c.sample_issue())
    with pytest.raises(DomainError, match="Dòng 2: thiếu tên"):
        c.certificates_pdf([{"recipient": "Ông A"}, {"position": "x"}], issue=c.sample_issue())


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils chưa được cài: sh scripts/test-system-deps.sh")
def test_the_pdf_has_one_page_per_recipient_and_its_text(tmp_path):
    pdf = c.certificates_pdf(c.sample_recipients(3), issue=c.sample_issue(), blank=True)
    source = tmp_path / "giay-khen.pdf"
    source.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(source)], capture_output=True, text=True, check=True).stdout
    assert "Pages:           3" in info and "841.89 x 595.28 pts (A4)" in info  # landscape A4
    body = " ".join(subprocess.run(["pdftotext", "-f", "2", "-l", "2", str(source), "-"], capture_output=True, text=True,
                                   check=True).stdout.split())
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "GIẤY KHEN", "Bà Trần Thị Bình", "Số sổ vàng: 2",
                     "Hà Nội, ngày 05 tháng 01 năm 2026", "Nguyễn Thị Hồng Nhung"):
        assert expected in body, expected
    assert save_page_one(pdf, "documents-certificate-blank-paper", tmp_path).exists()


def test_the_admin_adjusts_a_layout_field_by_field_and_downloads_its_calibration_page(client, tree, personas):
    client.force_login(personas["admin"])
    response = client.post(reverse("admin:documents_certificatelayout_add"), {
        "unit": tree.ward_a.pk, "form": "giay_khen", "subject": "household", "page_dx": "0", "page_dy": "2",
        "recipient_dx": "-3.5", "recipient_dy": "1", "authority_dy": "80"})
    assert response.status_code == 200 and "vượt quá 60 mm" in response.content.decode()
    response = client.post(reverse("admin:documents_certificatelayout_add"), {
        "unit": tree.ward_a.pk, "form": "giay_khen", "subject": "household", "page_dx": "0", "page_dy": "2",
        "recipient_dx": "-3.5", "recipient_dy": "1"})
    assert response.status_code == 302, response.context_data["adminform"].form.errors
    from tdkt.documents.models import CertificateLayout

    layout = CertificateLayout.objects.get()
    assert layout.offsets == {"recipient": [-3.5, 1.0]} and layout.page_dy == 2
    page = client.get(reverse("admin:documents_certificatelayout_change", args=[layout.pk]))
    assert page.status_code == 200 and "Người (tập thể) được khen: lệch ngang (mm)" in page.content.decode()
    calibration = client.get(reverse("admin:documents_calibration", args=[layout.pk, "docx"]))
    assert calibration.status_code == 200 and calibration.content.startswith(b"PK")
