"""The plan's document read back: the seed's plan as the demo enters it, the sections in order with their generated numbers,
both appendices, the right dates, Times New Roman, the national motto; the PDF's text (pdftotext); the command's exit
codes and messages; a refusal writes nothing."""

from __future__ import annotations

import datetime as dt
import io
import shutil

import pytest
from django.core.management import call_command

from tdkt.core.errors import DomainError
from tdkt.plans import documents, services
from tests.documents.docxcheck import FONT, fonts, lines, open_docx, paragraph, style_of, text
from tests.documents.test_pdf import needs_soffice, pdf_text


def test_the_seed_plan_comes_back_with_its_parts_in_order(issued_seed_plan):
    data, findings = documents.plan_docx(issued_seed_plan)
    assert findings == []
    doc = open_docx(data)
    body = text(doc)
    assert "{{" not in body and "{%" not in body
    all_lines = lines(doc)
    for expected in ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "ỦY BAN NHÂN DÂN", "QUẬN ĐỐNG ĐA",
                     "Số: 412/KH-UBND", "Hà Nội, ngày 20 tháng 12 năm 2024", "KẾ HOẠCH", "Công tác thi đua, khen thưởng năm 2025",
                     "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Lê Tuấn Định", "Phụ lục I", "Phụ lục II"):
        assert expected in all_lines, expected
    headings = [line for line in all_lines if line[:3] in ("I. ", "II.", "III", "IV.")]
    assert headings == ["I. MỤC ĐÍCH, YÊU CẦU", "II. NỘI DUNG NHIỆM VỤ", "III. GIẢI PHÁP THỰC HIỆN", "IV. TỔ CHỨC THỰC HIỆN"]
    assert body.index("1.1. Phát động và triển khai") < body.index("1.2. Tăng cường giải pháp") < body.index("2.1. Tập trung")
    assert "Đông Đa" not in body and "15/01/2024" not in body and "trước ngày 15/01/2026" in body
    assert "(Kèm theo Kế hoạch số 412/KH-UBND ngày 20 tháng 12 năm 2024 của Ủy ban nhân dân quận Đống Đa)" in all_lines
    assert "TIẾN ĐỘ THỰC HIỆN CÁC NHIỆM VỤ TRỌNG TÂM CÔNG TÁC THI ĐUA, KHEN THƯỞNG NĂM 2025" in all_lines
    assert "CHƯƠNG TRÌNH CÔNG TÁC NĂM 2025 CỦA HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG QUẬN ĐỐNG ĐA" in all_lines
    assert "Trước 15/01/2026" in all_lines and "Tháng 12" in all_lines and "Quý I (hạn 31/03/2025)" in all_lines
    assert style_of(paragraph(doc, "I. MỤC ĐÍCH"))["bold"] and style_of(paragraph(doc, "Hà Nội, ngày"))["italic"]
    assert fonts(doc) == {FONT}
    assert len(doc.sections) == 3  # the plan, Phụ lục I, Phụ lục II (each numbered on its own)


def test_a_draft_prints_blanks_for_its_number_and_date(seed_plan):
    doc = open_docx(documents.plan_docx(seed_plan)[0])
    assert any(line.startswith("Số:") and line.endswith("/KH-UBND") and "412" not in line for line in lines(doc))


def test_a_refusal_stops_the_document_and_lists_the_findings(seed_plan, admin_user):
    services.plan_update(actor=admin_user, plan=seed_plan, preamble=seed_plan.preamble.replace("quận Đống Đa", "quận Đông Đa"))
    with pytest.raises(DomainError, match="Đông Đa") as caught:
        documents.plan_docx(seed_plan)
    assert caught.value.code == "plan_check" and caught.value.details[0]["code"] == "issuer_spelling"


@needs_soffice
def test_the_pdf_keeps_the_text(issued_seed_plan, tmp_path):
    pdf, _ = documents.plan_pdf(issued_seed_plan)
    content = pdf_text(pdf, tmp_path)
    assert "KẾ HOẠCH" in content and "IV. TỔ CHỨC THỰC HIỆN" in content and "Phụ lục II" in content and "Lê Tuấn Định" in content


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("plans", *args, stdout=out, stderr=err)
        code = 0
    except SystemExit as exc:
        code = exc.code
    return code, out.getvalue(), err.getvalue()


def test_the_command_writes_the_docx(issued_seed_plan, tmp_path):
    target = tmp_path / "ke-hoach.docx"
    code, out, err = _run("document", "--unit", "quan_dong_da", "--year", "2025", "--out", str(target))
    assert (code, err) == (0, "") and "Đã tạo" in out
    assert "IV. TỔ CHỨC THỰC HIỆN" in lines(open_docx(target.read_bytes()))


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice chưa được cài")
def test_the_command_writes_the_pdf_by_its_extension(issued_seed_plan, tmp_path):
    target = tmp_path / "ke-hoach.pdf"
    code, out, err = _run("document", "--unit", "quan_dong_da", "--year", "2025", "--out", str(target))
    assert code == 0 and target.read_bytes().startswith(b"%PDF")


def test_the_command_prints_the_refusals_and_exits_2(seed_plan, admin_user, tmp_path):
    services.plan_update(actor=admin_user, plan=seed_plan, closing="Báo cáo trước ngày 15/01/2024.")
    target = tmp_path / "x.docx"
    code, out, err = _run("document", "--unit", "quan_dong_da", "--year", "2025", "--out", str(target))
    assert code == 2 and "[LỖI] deadline_before_period" in err and "Chưa tạo văn bản" in err and not target.exists()


@pytest.mark.parametrize("args,message", [
    (["--unit", "khong_co", "--year", "2025", "--out", "x.docx"], "Không có đơn vị mã “khong_co”"),
    (["--unit", "quan_dong_da", "--year", "2019", "--out", "x.docx"], "chưa có kế hoạch công tác thi đua, khen thưởng năm 2019"),
    (["--unit", "quan_dong_da", "--year", "hai", "--out", "x.docx"], "Năm “hai” không phải là số nguyên"),
    (["--unit", "quan_dong_da", "--year", "2025", "--out", "x.txt"], "phải có đuôi .docx hoặc .pdf"),
])
def test_bad_input_to_the_command_is_a_vietnamese_message_and_exit_2(seed_plan, args, message):
    code, out, err = _run("document", *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_a_higher_levels_plan_dated_later_is_named_in_the_check(tree, admin_user, city_plan):
    ward = services.plan_copy(actor=admin_user, source=city_plan, issuer=tree.ward_a, year=2026, cascade=True)
    services.plan_update(actor=admin_user, plan=ward, signer_name="Nguyễn Văn Thắng")
    with pytest.raises(DomainError, match="sau ngày"):
        services.plan_issue(actor=admin_user, plan=ward, number=1, issued_on=dt.date(2025, 12, 1))
