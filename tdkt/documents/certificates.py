"""Giấy khen / Bằng khen (DOCUMENTS.md §8): A4 landscape, one page per recipient, only the variable fields printed at
the positions of a unit's pre-printed blank; a blank-paper mode that prints the whole certificate with its border; a
calibration page. The same layout data gives the .docx (each field a paragraph in a frame anchored to the page,
`w:framePr`, so Word and LibreOffice put it where the layout says) and the PDF (drawn directly with fpdf2, no office
suite: 2,000 pages in a few seconds, where one LibreOffice conversion of a one-page document already takes one or two).

    certificates(recipients, layout, issue=..., blank=False) -> .docx bytes
    certificates_pdf(recipients, layout, issue=..., blank=False) -> PDF bytes
    calibration(layout) / calibration_pdf(layout) -> the calibration page

`issue` (the same for every page): {"authority": "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG ĐỐNG ĐA", "title": "GIẤY KHEN",
"place": "Hà Nội", "date": date, "decision_number": "05/QĐ-UBND", "decision_date": date, "signer_title": "CHỦ TỊCH",
"signer_name": "Nguyễn Thị Hồng Nhung", "tang": "TẶNG" (default; "TẶNG DANH HIỆU" for a title)}. Each recipient:
{"recipient": "Ông Nguyễn Văn An", "position": "Giáo viên, Trường THCS Đống Đa", "achievement": "Đã có thành tích …",
"order": 12 (the number in the decision = Số sổ vàng)}.
`layout`: a CertificateLayout (its offsets applied) or None (the default positions).
"""

from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, replace
from decimal import Decimal
from pathlib import Path
from xml.sax.saxutils import escape

from tdkt.core.errors import DomainError

from . import contexts, formats

PAGE_W, PAGE_H = 297.0, 210.0
TWIPS_PER_MM = 1440 / 25.4
RED, BLACK, BLUE = "C00000", "000000", "1F4E9A"
MAX_OFFSET_MM = 60


@dataclass(frozen=True)
class Field:
    code: str
    label: str  # the field's name for the administrator and the calibration page
    x: float  # the centre of its box, mm from the page's left edge
    y: float  # the top of its box, mm from the page's top edge
    width: float  # mm
    size: float  # pt
    bold: bool = False
    italic: bool = False
    color: str = BLACK
    fixed: str = ""  # a fixed text, printed only on blank paper (what the pre-printed blank carries)


FIELDS: tuple[Field, ...] = (
    Field("motto", "Quốc hiệu", 148.5, 20, 200, 14, bold=True, fixed="CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
    Field("motto2", "Tiêu ngữ", 148.5, 27, 200, 15, bold=True, fixed="Độc lập - Tự do - Hạnh phúc"),
    Field("authority", "Thẩm quyền khen thưởng", 148.5, 50, 240, 16, bold=True, color=RED),
    Field("tang", "Chữ “TẶNG”", 148.5, 62, 100, 16, bold=True),
    Field("title", "Tên hình thức (GIẤY KHEN)", 148.5, 72, 240, 30, bold=True, color=RED),
    Field("recipient", "Người (tập thể) được khen", 148.5, 92, 240, 22, bold=True),
    Field("position", "Chức vụ, đơn vị hoặc địa chỉ", 148.5, 106, 240, 15),
    Field("achievement", "Thành tích", 148.5, 117, 230, 15, italic=True),
    Field("decision", "Số quyết định, ngày", 70, 160, 110, 13, bold=True, italic=True),
    Field("gold_book", "Số sổ vàng", 70, 168, 110, 13, bold=True, italic=True),
    Field("place_date", "Địa danh, ngày tháng", 218, 145, 130, 14, italic=True),
    Field("signer_title", "Chức danh người ký", 218, 153, 130, 14, bold=True),
    Field("signer_name", "Họ tên người ký", 218, 185, 130, 15, bold=True),
)
VARIABLE = tuple(f for f in FIELDS if not f.fixed)
FIELD_CODES = tuple(f.code for f in VARIABLE)


def resolve(layout=None) -> tuple[Field, ...]:
    """The fields at their positions on this blank: the defaults moved by the layout's page offset and its per-field
    offsets (mm, positive = right / down)."""
    if layout is None:
        return FIELDS
    page_dx, page_dy = float(layout.page_dx or 0), float(layout.page_dy or 0)
    offsets = layout.offsets or {}
    out = []
    for field in FIELDS:
        dx, dy = (offsets.get(field.code) or (0, 0))
        out.append(replace(field, x=field.x + page_dx + float(dx), y=field.y + page_dy + float(dy)))
    return tuple(out)


def clean_offsets(raw: dict) -> dict[str, list[float]]:
    """The per-field offsets an administrator typed, checked: known fields, numbers, at most ±60 mm."""
    if not isinstance(raw, dict):
        raise DomainError("Độ lệch các trường phải là bảng {mã trường: [lệch ngang, lệch dọc]}.")
    labels = {f.code: f.label for f in VARIABLE}
    out = {}
    for code, pair in raw.items():
        if code not in labels:
            raise DomainError(f"Không có trường “{code}” trên giấy khen (các trường: {', '.join(FIELD_CODES)}).")
        try:
            dx, dy = (Decimal(str(v)) for v in pair)
        except (TypeError, ValueError, ArithmeticError):
            raise DomainError(f"Độ lệch của trường “{labels[code]}” phải là hai số (mm).") from None
        if abs(dx) > MAX_OFFSET_MM or abs(dy) > MAX_OFFSET_MM:
            raise DomainError(f"Độ lệch của trường “{labels[code]}” vượt quá {MAX_OFFSET_MM} mm; hãy kiểm tra lại số đo trên trang căn chỉnh.")
        if dx or dy:
            out[code] = [float(dx), float(dy)]
    return out


def _texts(issue: dict, recipient: dict) -> dict[str, str]:
    decision_date = issue.get("decision_date")
    number = issue.get("decision_number") or ""
    decision = f"Số quyết định: {number}" + (f", ngày {decision_date:%d/%m/%Y}" if isinstance(decision_date, dt.date) else "")
    order = recipient.get("order")
    return {
        "authority": formats.upper(issue.get("authority") or ""), "tang": formats.upper(issue.get("tang") or "TẶNG"),
        "title": formats.upper(issue.get("title") or "GIẤY KHEN"),
        "recipient": recipient.get("recipient") or "", "position": recipient.get("position") or "",
        "achievement": recipient.get("achievement") or "", "decision": decision if number else "",
        "gold_book": f"Số sổ vàng: {order}" if order not in (None, "") else "",
        "place_date": formats.place_date(issue.get("place") or "", issue.get("date"), year=issue.get("year")) if issue.get("place") else "",
        "signer_title": formats.upper(issue.get("signer_title") or ""), "signer_name": issue.get("signer_name") or "",
    }


def _check(recipients, issue) -> tuple[list[dict], dict]:
    if not isinstance(issue, dict) or not issue.get("authority") or not issue.get("signer_title"):
        raise DomainError("Thiếu thẩm quyền khen thưởng hoặc chức danh người ký để in giấy khen.", code="document_context")
    recipients = list(recipients)
    if not recipients:
        raise DomainError("Chưa có người (tập thể) nào để in giấy khen.", code="document_context")
    for n, r in enumerate(recipients, 1):
        if not isinstance(r, dict) or not r.get("recipient"):
            raise DomainError(f"Dòng {n}: thiếu tên người (tập thể) được khen.", code="document_context")
    return contexts.normalised(recipients), contexts.normalised(issue)


def pages(recipients, layout=None, *, issue: dict, blank: bool = False) -> list[list[tuple[Field, str]]]:
    """What each page prints: (field at its position, text), the fixed texts only on blank paper."""
    recipients, issue = _check(recipients, issue)
    fields = resolve(layout)
    out = []
    for recipient in recipients:
        texts = _texts(issue, recipient)
        out.append([(f, f.fixed if f.fixed else texts[f.code]) for f in fields if (f.fixed and blank) or (not f.fixed and texts[f.code])])
    return out


def calibration_page(layout=None) -> list[tuple[Field, str]]:
    """Each variable field's name and position at its place, in blue, and marks 20 mm in from each corner."""
    items = [(replace(f, color=BLUE, italic=False, bold=False, size=11), f"▼ {f.label} ({f.x:.0f}; {f.y:.0f} mm)") for f in resolve(layout)
             if not f.fixed]
    for x, y in ((20, 20), (PAGE_W - 20, 20), (20, PAGE_H - 25), (PAGE_W - 20, PAGE_H - 25)):
        items.append((Field("mark", "", x, y, 40, 10, color=BLUE), f"┼ {x:.0f}; {y:.0f} mm"))
    items.append((Field("note", "", 148.5, 195, 250, 10, color=BLUE),
                  "Trang căn chỉnh: in lên phôi, đo khoảng lệch của từng trường rồi nhập vào “Căn chỉnh phôi giấy khen, bằng khen”."))
    return items


# --- .docx ------------------------------------------------------------------------------------------------------

def _frame(field: Field, text: str) -> str:
    w = round(field.width * TWIPS_PER_MM)
    x = round((field.x - field.width / 2) * TWIPS_PER_MM)
    y = round(field.y * TWIPS_PER_MM)
    h = round(field.size * 20 * 1.2)
    style = ("<w:b/><w:bCs/>" if field.bold else "") + ("<w:i/><w:iCs/>" if field.italic else "")
    fonts = '<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman"/>'
    size = round(field.size * 2)
    return (f'<w:p><w:pPr><w:framePr w:w="{w}" w:h="{h}" w:hRule="atLeast" w:wrap="around" w:vAnchor="page" w:hAnchor="page" '
            f'w:x="{x}" w:y="{y}"/><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/><w:jc w:val="center"/></w:pPr>'
            f'<w:r><w:rPr>{fonts}{style}<w:color w:val="{field.color}"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/></w:rPr>'
            f'<w:t xml:space="preserve">{escape(text)}</w:t></w:r></w:p>')


RULE_MM_PER_PT = 56 / 13  # the rule under the Tiêu ngữ: as the documents' heading draws it (56 mm under 13 pt), scaled


def _rule_frame(field: Field) -> str:
    """The rule under the Tiêu ngữ on blank paper (DOCUMENTS.md §2): a frame as wide as the motto, just below it, with
    only a bottom border."""
    width = field.size * RULE_MM_PER_PT
    w, x = round(width * TWIPS_PER_MM), round((field.x - width / 2) * TWIPS_PER_MM)
    y = round((field.y + field.size * PT_MM * 1.2) * TWIPS_PER_MM)
    return (f'<w:p><w:pPr><w:framePr w:w="{w}" w:h="40" w:hRule="exact" w:wrap="around" w:vAnchor="page" w:hAnchor="page" '
            f'w:x="{x}" w:y="{y}"/><w:pBdr><w:bottom w:val="single" w:sz="6" w:space="0" w:color="000000"/></w:pBdr>'
            '<w:spacing w:before="0" w:after="0" w:line="40" w:lineRule="exact"/></w:pPr></w:p>')


PROGRESS_EVERY = 100  # pages between two progress reports of a long batch


def _docx(all_pages: list[list[tuple[Field, str]]], *, blank: bool, progress=None) -> bytes:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    from . import docxbuild

    doc = docxbuild.new_document(landscape=True, page_numbers=False)
    docxbuild.page_setup(doc.sections[0], landscape=True, margins={"top": 10, "bottom": 10, "left": 10, "right": 10})
    docxbuild.fix_fonts(doc)
    chunks = []
    for n, page in enumerate(all_pages):
        for field, text in page:
            chunks.append(_frame(field, text))
            if blank and field.code == "motto2":
                chunks.append(_rule_frame(field))
        last = n == len(all_pages) - 1
        chunks.append("<w:p/>" if last else '<w:p><w:r><w:br w:type="page"/></w:r></w:p>')  # the anchor of the page's frames
        if progress is not None and (n + 1) % PROGRESS_EVERY == 0:
            progress(n + 1)
    body = doc.element.body
    section = body.find(qn("w:sectPr"))
    for old in body.findall(qn("w:p")):
        body.remove(old)
    fragment = parse_xml(f"<w:body {nsdecls('w')}>{''.join(chunks)}</w:body>")
    for child in list(fragment):
        section.addprevious(child)
    if blank:
        _border(section)
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _border(sect) -> None:
    from docx.oxml import parse_xml
    from docx.oxml.ns import nsdecls, qn

    borders = parse_xml(f'<w:pgBorders {nsdecls("w")} w:offsetFrom="page">'
                        + "".join(f'<w:{edge} w:val="thinThickSmallGap" w:sz="24" w:space="24" w:color="{RED}"/>'
                                  for edge in ("top", "left", "bottom", "right")) + "</w:pgBorders>")
    sect.find(qn("w:pgMar")).addnext(borders)


def certificates(recipients, layout=None, *, issue: dict, blank: bool = False, progress=None) -> bytes:
    """`progress(pages_done)` is called every PROGRESS_EVERY pages (a background job's progress bar)."""
    return _docx(pages(recipients, layout, issue=issue, blank=blank), blank=blank, progress=progress)


def calibration(layout=None) -> bytes:
    return _docx([calibration_page(layout)], blank=False)


# --- PDF (fpdf2, the same positions) ------------------------------------------------------------------------------

FONT_DIRS = ("/usr/share/fonts/truetype/liberation2", "/usr/share/fonts/truetype/liberation", "/usr/share/fonts/truetype/croscore")
FONT_FILES = {"": ("LiberationSerif-Regular.ttf", "Tinos-Regular.ttf"), "B": ("LiberationSerif-Bold.ttf", "Tinos-Bold.ttf"),
              "I": ("LiberationSerif-Italic.ttf", "Tinos-Italic.ttf"), "BI": ("LiberationSerif-BoldItalic.ttf", "Tinos-BoldItalic.ttf")}


def _font_files() -> dict[str, Path]:
    found = {}
    for style, names in FONT_FILES.items():
        for folder in FONT_DIRS:
            path = next((Path(folder) / n for n in names if (Path(folder) / n).exists()), None)
            if path is not None:
                found[style] = path
                break
        else:
            raise DomainError("Máy chủ thiếu phông chữ Times New Roman (gói fonts-liberation2 hoặc fonts-croscore) nên chưa tạo "
                              "được bản PDF của giấy khen; hãy tải bản Word (.docx).", code="pdf_unavailable")
    return found


PT_MM = 25.4 / 72


def _wrapped(pdf, text: str, width: float, widths: dict) -> list[tuple[str, float]]:
    """The lines of a centred field at the current font (greedy, at spaces; a word is never split) with their widths.
    `widths` caches the width of each (font, size, text): a batch repeats the same words on every page."""
    font = (pdf.font_family, pdf.font_style, pdf.font_size_pt)

    def measure(piece: str) -> float:
        key = (font, piece)
        if key not in widths:
            widths[key] = pdf.get_string_width(piece)
        return widths[key]

    whole = measure(text)
    if whole <= width:
        return [(text, whole)]
    space = measure(" ")
    lines, current, current_w = [], [], 0.0
    for word in text.split(" "):
        w = measure(word)
        if current and current_w + space + w > width:
            lines.append((" ".join(current), current_w))
            current, current_w = [word], w
        else:
            current_w = current_w + space + w if current else w
            current.append(word)
    if current:
        lines.append((" ".join(current), current_w))
    return lines


def _pdf(all_pages: list[list[tuple[Field, str]]], *, blank: bool, progress=None) -> bytes:
    from fpdf import FPDF

    pdf = FPDF(orientation="L", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(0, 0, 0)
    for style, path in _font_files().items():
        pdf.add_font("TNR", style, str(path))
    pdf.set_creator("TĐKT")
    widths: dict = {}
    for n, page in enumerate(all_pages, 1):
        if progress is not None and n % PROGRESS_EVERY == 0:
            progress(n)
        pdf.add_page()
        if blank:
            pdf.set_draw_color(0xC0, 0, 0)
            pdf.set_line_width(1.2)
            pdf.rect(8.5, 8.5, PAGE_W - 17, PAGE_H - 17)
            pdf.set_line_width(0.3)
            pdf.rect(11, 11, PAGE_W - 22, PAGE_H - 22)
        for field, text in page:
            pdf.set_font("TNR", ("B" if field.bold else "") + ("I" if field.italic else ""), field.size)
            pdf.set_text_color(*(int(field.color[i:i + 2], 16) for i in (0, 2, 4)))
            line = field.size * PT_MM * 1.2
            for n, (piece, width) in enumerate(_wrapped(pdf, text, field.width, widths)):
                # pdf.text() writes at a baseline: the box's top plus the font's ascent (≈ 0.8 of the size)
                pdf.text(field.x - width / 2, field.y + n * line + field.size * PT_MM * 0.95, piece)
            if blank and field.code == "motto2":
                half = pdf.get_string_width(text) / 2
                pdf.set_draw_color(0, 0, 0)
                pdf.set_line_width(0.3)
                pdf.line(field.x - half, field.y + line + 0.5, field.x + half, field.y + line + 0.5)
    return bytes(pdf.output())


def certificates_pdf(recipients, layout=None, *, issue: dict, blank: bool = False, progress=None) -> bytes:
    return _pdf(pages(recipients, layout, issue=issue, blank=blank), blank=blank, progress=progress)


def calibration_pdf(layout=None) -> bytes:
    return _pdf([calibration_page(layout)], blank=False)


def sample_issue() -> dict:
    return {"authority": "Chủ tịch Ủy ban nhân dân phường Đống Đa", "title": "Giấy khen", "place": "Hà Nội",
            "date": dt.date(2026, 1, 5), "decision_number": "05/QĐ-UBND", "decision_date": dt.date(2026, 1, 5),
            "signer_title": "Chủ tịch", "signer_name": "Nguyễn Thị Hồng Nhung"}


def sample_recipients(n: int = 3) -> list[dict]:
    names = ["Ông Nguyễn Văn An", "Bà Trần Thị Bình", "Ông Lê Minh Cường", "Bà Đặng Thị Ánh Tuyết", "Ông Phạm Ngọc Ước"]
    return [{"recipient": f"{names[i % len(names)]}" + (f" ({i + 1})" if i >= len(names) else ""),
             "position": "Giáo viên, Trường THCS Đống Đa, phường Đống Đa",
             "achievement": "Đã có thành tích xuất sắc trong thực hiện nhiệm vụ năm 2025, góp phần vào sự nghiệp xây dựng "
                            "và phát triển của phường", "order": i + 1} for i in range(n)]
