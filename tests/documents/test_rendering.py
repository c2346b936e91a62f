"""The shipped templates rendered with each kind's context, opened with python-docx and checked as DOCUMENTS.md §10 says:
the national motto, number and symbol, place and date in words with leading zeros, type name and trích yếu, căn cứ,
Nơi nhận, the signer, names with diacritics in NFC, money and money in words, Times New Roman, A4 and the margins of
§1, page numbers top centre hidden on page 1."""

from __future__ import annotations

import datetime as dt
import unicodedata

import pytest

from tdkt.core.errors import DomainError
from tdkt.documents import formats, kinds, rendering, samples, shipped

from .docxcheck import (
    FONT,
    default_font,
    first_page_header_empty,
    fonts,
    header_has_page_field,
    lines,
    mm,
    open_docx,
    paragraph,
    style_of,
    text,
)

pytestmark = pytest.mark.django_db  # the active uploaded template, if any, is read from the database

MOTTO = ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc")
ALL_KINDS = [k.code for k in kinds.all_kinds()]


def render(code: str, **changes):
    context = {**kinds.get(code).sample(), **changes}
    return open_docx(rendering.render_docx(code, context))


def test_the_committed_templates_are_what_the_script_writes():
    assert shipped.main(["--check"]) == 0


@pytest.mark.parametrize("code", ALL_KINDS)
def test_every_kind_renders_its_sample_with_no_tag_left(code):
    doc = render(code)
    body = text(doc)
    assert "{{" not in body and "{%" not in body
    assert MOTTO[0] in body and MOTTO[1] in body
    motto = paragraph(doc, MOTTO[0])
    assert style_of(motto) == {"size": 12, "bold": True, "italic": False}
    assert style_of(paragraph(doc, MOTTO[1]))["bold"]


@pytest.mark.parametrize("code", ALL_KINDS)
def test_every_kind_is_a4_portrait_in_times_new_roman_with_the_margins_of_nd30(code):
    doc = render(code)
    assert fonts(doc) == {FONT}  # every script of every style and run, no theme font
    assert default_font(doc) == FONT
    for section in doc.sections:
        assert (mm(section.page_width), mm(section.page_height)) == (210, 297)
        assert 20 <= mm(section.top_margin) <= 25 and 20 <= mm(section.bottom_margin) <= 25
        assert 30 <= mm(section.left_margin) <= 35 and 15 <= mm(section.right_margin) <= 20


@pytest.mark.parametrize("code", [c for c in ALL_KINDS if c != "ballot"])
def test_page_numbers_are_top_centre_and_hidden_on_page_one(code):
    doc = render(code)
    for section in doc.sections:
        assert section.different_first_page_header_footer  # titlePg
        assert header_has_page_field(section)
        assert first_page_header_empty(section)
        assert section.header.paragraphs[0].alignment == 1  # centre


def test_the_decision_has_number_date_type_summary_grounds_articles_receivers_and_signer():
    doc = render("decision")
    all_lines = lines(doc)
    assert "ỦY BAN NHÂN DÂN" in all_lines and "PHƯỜNG ĐỐNG ĐA" in all_lines
    assert style_of(paragraph(doc, "PHƯỜNG ĐỐNG ĐA")) == {"size": 13, "bold": True, "italic": False}
    assert "Số: 05/QĐ-UBND" in all_lines
    assert style_of(paragraph(doc, "Số: 05/QĐ-UBND")) == {"size": 13, "bold": False, "italic": False}
    assert "Hà Nội, ngày 05 tháng 01 năm 2026" in all_lines
    assert style_of(paragraph(doc, "Hà Nội, ngày")) == {"size": 13, "bold": False, "italic": True}
    assert style_of(paragraph(doc, "QUYẾT ĐỊNH")) == {"size": 14, "bold": True, "italic": False}
    summary = paragraph(doc, "Về việc khen thưởng danh hiệu thi đua")
    assert style_of(summary)["bold"]
    assert style_of(paragraph(doc, "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG ĐỐNG ĐA"))["bold"]
    grounds = [p for p in all_lines if p.startswith(("Căn cứ", "Theo đề nghị"))]
    assert len(grounds) == 4 and all(g.endswith(";") for g in grounds[:-1]) and grounds[-1].endswith(".")
    assert style_of(paragraph(doc, "Căn cứ Luật Thi đua")) == {"size": 14, "bold": False, "italic": True}
    assert "QUYẾT ĐỊNH:" in all_lines
    article = paragraph(doc, "Điều 1.")
    assert article.runs[0].font.bold and not article.runs[1].font.bold
    assert article.paragraph_format.first_line_indent.cm == pytest.approx(1.27, abs=0.01)
    assert paragraph(doc, "Điều 3.").text.endswith("./.")
    receivers = paragraph(doc, "Nơi nhận:")
    assert style_of(receivers) == {"size": 12, "bold": True, "italic": True}
    assert style_of(paragraph(doc, "- Như Điều 3;"))["size"] == 11
    assert paragraph(doc, "- Lưu: VT").text == "- Lưu: VT, VHXH."
    assert style_of(paragraph(doc, "CHỦ TỊCH")) == {"size": 14, "bold": True, "italic": False}
    assert "Nguyễn Thị Hồng Nhung" in all_lines


def test_the_attached_list_has_each_amount_the_total_and_the_total_in_words():
    doc = render("decision")
    list_section = doc.sections[1]
    assert list_section._sectPr.find("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}pgNumType") is not None
    body = text(doc)
    assert "DANH SÁCH" in body
    assert "(Kèm theo Quyết định số 05/QĐ-UBND ngày 05 tháng 01 năm 2026 của Chủ tịch Ủy ban nhân dân phường Đống Đa)" in body
    table = doc.tables[-1]
    rows = [[c.text for c in row.cells] for row in table.rows]
    assert rows[0] == ["STT", "Họ và tên", "Chức vụ, đơn vị công tác", "Danh hiệu, hình thức", "Số tiền (đồng)"]
    assert rows[1] == ["1", "Nguyễn Văn An", "Giáo viên, Trường THCS Đống Đa", "Lao động tiên tiến", "702.000"]
    assert rows[3][1:] == ["Lê Minh Cường", "Hiệu trưởng, Trường THCS Đống Đa", "Chiến sĩ thi đua cơ sở", "2.340.000"]
    assert len(rows) == 1 + 5 + 1
    assert rows[-1][1] == "Tổng cộng: 5" and rows[-1][-1] == "5.496.000"
    assert "Tổng số tiền: 5.496.000 đồng (Năm triệu bốn trăm chín mươi sáu nghìn đồng)." in body
    list_header = [p for p in lines(doc)[lines(doc).index("DANH SÁCH") - 4:lines(doc).index("DANH SÁCH")]]
    assert not any(line.startswith("Số:") or ", ngày" in line for line in list_header)  # Mẫu 1.3: no Số, no date


def test_amount_in_words_can_be_switched_off(settings):
    settings.TDKT_MONEY_IN_WORDS = False
    assert "Tổng số tiền: 5.496.000 đồng." in text(render("decision"))


@pytest.mark.parametrize(("day", "expected"), [
    (dt.date(2026, 1, 5), "Hà Nội, ngày 05 tháng 01 năm 2026"),
    (dt.date(2025, 2, 24), "Hà Nội, ngày 24 tháng 02 năm 2025"),
    (dt.date(2025, 6, 3), "Hà Nội, ngày 03 tháng 6 năm 2025"),
    (dt.date(2025, 12, 31), "Hà Nội, ngày 31 tháng 12 năm 2025"),
    (None, "Hà Nội, ngày\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0tháng\u00a0\u00a0\u00a0\u00a0\u00a0\u00a0năm 2026"),
])
def test_the_date_line_has_leading_zeros_only_for_days_under_10_and_months_1_and_2(day, expected):
    assert expected in lines(render("submission", date=day, year=2026))


@pytest.mark.parametrize(("number", "expected"), [(5, "Số: 05/TTr-UBND"), (10, "Số: 10/TTr-UBND"), (123, "Số: 123/TTr-UBND")])
def test_the_number_has_a_leading_zero_under_10(number, expected):
    assert expected in lines(render("submission", number=number))


def test_kinh_gui_one_addressee_on_the_same_line_several_as_lines():
    assert "Kính gửi: Ủy ban nhân dân thành phố Hà Nội." in lines(render("submission", addressees=["Ủy ban nhân dân thành phố Hà Nội"]))
    several = lines(render("submission"))
    at = several.index("Kính gửi:")
    assert several[at + 1:at + 3] == ["- Ủy ban nhân dân thành phố Hà Nội;", "- Sở Nội vụ thành phố Hà Nội."]
    assert "- Như trên;" in several


def test_names_typed_decomposed_come_out_composed():
    name = unicodedata.normalize("NFD", "Đặng Thị Ánh Tuyết Ưng Ơn")
    context = samples.decision()
    context["recipients"][0]["name"] = name
    doc = open_docx(rendering.render_docx("decision", context))
    names = [row.cells[1].text for row in doc.tables[-1].rows]
    assert "Đặng Thị Ánh Tuyết Ưng Ơn" in names
    assert all(unicodedata.is_normalized("NFC", line) for line in lines(doc))


def test_text_with_xml_characters_is_escaped():
    doc = render("submission", summary="Về việc khen thưởng Công ty A & B <mới>")
    assert "Về việc khen thưởng Công ty A & B <mới>" in lines(doc)


def test_the_minutes_have_no_date_line_the_sections_the_results_and_two_signers():
    doc = render("minutes")
    all_lines = lines(doc)
    assert "Số: 02/BB-HĐTĐKT" in all_lines
    assert not any(", ngày" in line and line.startswith(("Hà Nội", "Đống Đa")) for line in all_lines)
    assert "UBND PHƯỜNG ĐỐNG ĐA" in all_lines and "HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG" in all_lines
    assert style_of(paragraph(doc, "UBND PHƯỜNG ĐỐNG ĐA"))["bold"] is False
    for label in ("Thời gian bắt đầu: 14 giờ 00", "Địa điểm: Hội trường", "Thành phần: 12/15", "Chủ trì: Bà Nguyễn Thị Hồng Nhung",
                  "Thư ký: Ông Trịnh Quốc Khánh", "Nội dung:"):
        assert any(line.startswith(label) for line in all_lines), label
    results = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert results[1] == ["1", "Lê Minh Cường", "Chiến sĩ thi đua cơ sở", "13", "0", "86,7%", "≥ 80%", "Đạt"]
    assert results[2][-1] == "Không đạt"
    assert "Cuộc họp kết thúc vào 16 giờ 30, ngày 20 tháng 12 năm 2025./." in all_lines
    left, right = doc.tables[-1].rows[0].cells
    assert "THƯ KÝ" in left.text and "Nơi nhận:" in left.text and "- Lưu: VT, Hồ sơ." in left.text
    assert "CHỦ TỌA" in right.text and "Nguyễn Thị Hồng Nhung" in right.text


def test_the_ballot_has_one_row_per_nominee_with_two_boxes():
    doc = render("ballot")
    rows = [[c.text for c in row.cells] for row in doc.tables[-1].rows]
    assert rows[0][-2:] == ["Đồng ý", "Không đồng ý"]
    assert [r[1] for r in rows[1:]] == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường"]
    assert all(r[-2:] == ["☐", "☐"] for r in rows[1:])
    assert "PHIẾU BẦU" in lines(doc)
    assert not any(line.startswith("Số:") for line in lines(doc))


def test_the_appraisal_report_lists_each_result():
    doc = render("appraisal_report")
    assert "Số: 03/BC-VHXH" in lines(doc) and "BÁO CÁO" in lines(doc)
    rows = [[c.text for c in row.cells] for row in doc.tables[1].rows]
    assert rows[3][1:4] == ["Lê Minh Cường", "Chiến sĩ thi đua cơ sở", "Chưa đủ điều kiện"]


# --- bad input: a Vietnamese message, nothing rendered ----------------------------------------------------------------

@pytest.mark.parametrize(("code", "changes", "message"), [
    ("decision", {"signer": {"title": "CHỦ TỊCH"}}, "Thiếu chức danh hoặc họ tên người ký"),
    ("decision", {"symbol": "QĐ UBND"}, "Ký hiệu văn bản “QĐ UBND” không đúng mẫu"),
    ("decision", {"number": 0}, "Số văn bản phải là số nguyên dương"),
    ("decision", {"grounds": []}, "Thiếu thông tin để lập quyết định khen thưởng: căn cứ."),
    ("decision", {"recipients": [{"name": "Nguyễn Văn An", "award": "LĐTT", "amount": -5}]}, "Số tiền phải là số nguyên không âm"),
    ("decision", {"recipients": [{"name": "Nguyễn Văn An", "award": "LĐTT"}]}, "Dòng 1 của danh sách trong quyết định khen thưởng thiếu: số tiền."),
    ("submission", {"date": "05/01/2026"}, "Ngày của tờ trình không hợp lệ"),
    ("minutes", {"results": []}, "kết quả biểu quyết"),
    ("submission", {"issuer": {}}, "Thiếu tên cơ quan ban hành"),
    ("decision", {"issuer_title": ""}, "người ban hành ghi trong danh sách kèm theo"),
])
def test_a_bad_context_is_refused_with_a_vietnamese_message(code, changes, message):
    with pytest.raises(DomainError) as caught:
        render(code, **changes)
    assert message in caught.value.message


def test_an_unknown_kind_is_refused():
    with pytest.raises(DomainError, match="Không có loại văn bản “giay_phep”"):
        rendering.render_docx("giay_phep", {})


def test_money_formats():
    assert formats.money(1_170_000) == {"digits": "1.170.000", "text": "1.170.000 đồng",
                                        "words": "Một triệu một trăm bảy mươi nghìn đồng",
                                        "full": "1.170.000 đồng (Một triệu một trăm bảy mươi nghìn đồng)"}
    assert formats.money(7_020_000)["words"] == "Bảy triệu không trăm hai mươi nghìn đồng"


def _word_widths():
    """mm width of a word in Times New Roman's metric clone (fpdf2 reads the font), or None without the fonts."""
    from fpdf import FPDF

    from tdkt.documents.certificates import _font_files

    try:
        files = _font_files()
    except DomainError:
        return None
    pdf = FPDF(unit="mm")
    for style, path in files.items():
        pdf.add_font("TNR", style, str(path))

    def width(word: str, size: float, bold: bool) -> float:
        pdf.set_font("TNR", "B" if bold else "", size)
        return pdf.get_string_width(word)

    return width


@pytest.mark.parametrize("code", ALL_KINDS)
def test_no_word_of_a_table_cell_is_wider_than_its_column(code):
    """A name is never split inside a word at a line end in a table (DOCUMENTS.md §10): every word of every cell fits its
    column, the cell margins taken off."""
    width = _word_widths()
    if width is None:
        pytest.skip("Thiếu phông Liberation Serif / Tinos (fonts-liberation2, fonts-croscore)")
    doc = render(code)
    too_wide = []
    for table in doc.tables[1:]:  # the header table's columns are wide; the lists are what matters
        if all(r.text == "" for r in table.rows[0].cells):
            continue
        margins = 2 * 85 / 1440 * 25.4
        for row in table.rows:
            for cell in row.cells:
                room = cell.width / 36000 - margins
                for p in cell.paragraphs:
                    for run in p.runs:
                        for word in run.text.split():
                            w = width(word, run.font.size.pt if run.font.size else 14, bool(run.font.bold))
                            if w > room:
                                too_wide.append((word, round(w, 1), round(room, 1)))
    assert not too_wide, too_wide


@pytest.mark.parametrize("code", ALL_KINDS)
def test_the_header_is_a_borderless_two_column_table_of_the_sample_widths(code):
    """DOCUMENTS.md §2 (measured on the decree's samples): left 6.75–6.94 cm, right 10.0–10.3 cm, no borders; the
    Quốc hiệu in the right column, the issuing body in the left."""
    from docx.oxml.ns import qn

    header = render(code).tables[0]
    left, right = header.rows[0].cells
    assert 6.75 <= left.width.cm <= 6.94 and 10.0 <= right.width.cm <= 10.3
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {el.get(qn("w:val")) for el in borders} == {"nil"}
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in right.text and "CỘNG HÒA" not in left.text
