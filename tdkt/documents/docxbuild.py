"""Building blocks of the shipped .docx templates in the State format (DOCUMENTS.md §1, §2, §9), with python-docx.

Used by `tdkt.documents.shipped` (the committed script that writes templates_docx/*.docx) and by the certificates.
The default profile of §9: A4 portrait, margins 20/20/30/15 mm, Times New Roman everywhere (the styles, the document
defaults, every run; theme fonts removed), body 14 pt justified with a 1.27 cm first-line indent and 6 pt before,
page numbers 13 pt top centre hidden on page 1 (titlePg and an empty first-page header), rules drawn as paragraph
borders (never underscores), the header table of two borderless columns (6.9 cm + 10.2 cm, indented −0.3 cm) and
the signature table (Nơi nhận 6.35 cm + signature 10.3 cm).
"""

from __future__ import annotations

from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt

FONT = "Times New Roman"
CENTER, LEFT, RIGHT, JUSTIFY = WD_ALIGN_PARAGRAPH.CENTER, WD_ALIGN_PARAGRAPH.LEFT, WD_ALIGN_PARAGRAPH.RIGHT, WD_ALIGN_PARAGRAPH.JUSTIFY
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
HEADER_COLUMNS_CM = (6.9, 10.2)
SIGNATURE_COLUMNS_CM = (6.35, 10.3)
TEXT_WIDTH_MM = 210 - MARGINS_MM["left"] - MARGINS_MM["right"]


def new_document(*, landscape: bool = False, page_numbers: bool = True):
    doc = Document()
    section = doc.sections[0]
    page_setup(section, landscape=landscape)
    _fonts(doc)
    if page_numbers:
        numbered(section)
    return doc


def page_setup(section, *, landscape: bool = False, margins: dict | None = None) -> None:
    margins = margins or MARGINS_MM
    section.orientation = WD_ORIENT.LANDSCAPE if landscape else WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = (Mm(297), Mm(210)) if landscape else (Mm(210), Mm(297))
    section.top_margin, section.bottom_margin = Mm(margins["top"]), Mm(margins["bottom"])
    section.left_margin, section.right_margin = Mm(margins["left"]), Mm(margins["right"])
    section.header_distance, section.footer_distance = Cm(1), Cm(1)


def numbered(section, *, restart: bool = False) -> None:
    """Page numbers top centre (13 pt), none on the section's first page; `restart`: this section counts from 1."""
    section.different_first_page_header_footer = True
    section.header.is_linked_to_previous = False
    section.first_page_header.is_linked_to_previous = False
    p = section.header.paragraphs[0]
    p.alignment = CENTER
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), "PAGE")
    run = p.add_run("1")
    _run_font(run, 13)
    field.append(run._r)
    p._p.append(field)
    if restart:
        numbering = OxmlElement("w:pgNumType")
        numbering.set(qn("w:start"), "1")
        sect = section._sectPr
        follower = next((sect.find(qn(f"w:{tag}")) for tag in ("cols", "formProt", "vAlign", "noEndnote", "titlePg", "textDirection",
                                                                 "bidi", "rtlGutter", "docGrid") if sect.find(qn(f"w:{tag}")) is not None), None)
        if follower is not None:
            follower.addprevious(numbering)
        else:
            sect.append(numbering)


def new_section(doc, *, landscape: bool = False, restart_numbers: bool = True):
    section = doc.add_section(WD_SECTION.NEW_PAGE)
    page_setup(section, landscape=landscape)
    numbered(section, restart=restart_numbers)
    return section


def _fonts(doc) -> None:
    for style in doc.styles:
        if hasattr(style, "font") and style.font is not None:
            style.font.name = FONT
    normal = doc.styles["Normal"]
    normal.font.size = Pt(14)
    fmt = normal.paragraph_format
    fmt.space_before, fmt.space_after = Pt(0), Pt(0)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE


def fix_fonts(doc) -> None:
    """Times New Roman on every w:rFonts of the styles and the body (all four scripts), theme fonts removed, and in the
    document defaults, so that no run falls back to Calibri or a theme font."""
    styles = doc.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr_default = defaults.find(qn("w:rPrDefault"))
    if rpr_default is None:
        rpr_default = OxmlElement("w:rPrDefault")
        defaults.insert(0, rpr_default)
    rpr = rpr_default.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        rpr_default.append(rpr)
    if rpr.find(qn("w:rFonts")) is None:
        rpr.insert(0, OxmlElement("w:rFonts"))
    parts = [styles, doc.element.body]
    for section in doc.sections:
        for header in (section.header, section.first_page_header):
            if not header.is_linked_to_previous:
                parts.append(header._element)
    for part in parts:
        for fonts in part.iter(qn("w:rFonts")):
            for attr in list(fonts.attrib):
                if "theme" in attr.lower():
                    del fonts.attrib[attr]
            for script in ("ascii", "hAnsi", "cs", "eastAsia"):
                fonts.set(qn(f"w:{script}"), FONT)


def _run_font(run, size: float, *, bold: bool = False, italic: bool = False, color: str | None = None) -> None:
    run.font.name = FONT
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    if color:
        from docx.shared import RGBColor

        run.font.color.rgb = RGBColor.from_string(color)


def para(container, text: str = "", *, size: float = 14, bold: bool = False, italic: bool = False, align=CENTER,
         before: float = 0, after: float = 0, indent_cm: float | None = None, keep_with_next: bool = False, color: str | None = None):
    """A paragraph of one run (a docxtpl tag must stay in one run). In a fresh table cell the cell's own empty first
    paragraph is used."""
    if hasattr(container, "_tc") and len(container.paragraphs) == 1 and not container.paragraphs[0].text and not container.paragraphs[0].runs \
            and not getattr(container, "_used", False):
        p = container.paragraphs[0]
        container._used = True
    else:
        p = container.add_paragraph()
    p.alignment = align
    fmt = p.paragraph_format
    fmt.space_before, fmt.space_after = Pt(before), Pt(after)
    fmt.line_spacing_rule = WD_LINE_SPACING.SINGLE
    if indent_cm is not None:
        fmt.first_line_indent = Cm(indent_cm)
    if keep_with_next:
        fmt.keep_with_next = True
    if text:
        _run_font(p.add_run(text), size, bold=bold, italic=italic, color=color)
    else:
        p.paragraph_format.space_before = Pt(before)
        mark = p._p.get_or_add_pPr()
        rpr = OxmlElement("w:rPr")
        size_el = OxmlElement("w:sz")
        size_el.set(qn("w:val"), str(int(size * 2)))
        rpr.append(size_el)
        mark.append(rpr)
    return p


def tag(container, text: str):
    """A paragraph holding only a docxtpl block tag ({%p ... %}); docxtpl removes the paragraph when rendering."""
    return para(container, text, size=2, align=LEFT)


def body(container, text: str, *, bold: bool = False, italic: bool = False, indent: bool = True, align=JUSTIFY, size: float = 14):
    """A body paragraph: 14 pt, justified, first line 1.27 cm, 6 pt before (DOCUMENTS.md §1, §9)."""
    return para(container, text, size=size, bold=bold, italic=italic, align=align, before=6, indent_cm=1.27 if indent else None)


def rule(container, width_mm: float, column_mm: float, *, before: float = 0):
    """A centred solid line `width_mm` long in a column `column_mm` wide: the bottom border of an empty 1-pt paragraph."""
    p = para(container, "", size=1, before=before)
    side = max((column_mm - width_mm) / 2, 0)
    p.paragraph_format.left_indent = Mm(side)
    p.paragraph_format.right_indent = Mm(side)
    p.paragraph_format.line_spacing = Pt(1)
    ppr = p._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        bottom.set(qn(f"w:{key}"), value)
    borders.append(bottom)
    ppr.insert(0, borders) if ppr.find(qn("w:keepNext")) is None else ppr.find(qn("w:keepNext")).addnext(borders)
    return p


def table(doc, widths_cm: tuple[float, ...], *, rows: int = 1, borders: bool = False, indent_cm: float = 0.0):
    """A fixed-layout table of the given column widths, borderless unless `borders` (a list's grid)."""
    t = doc.add_table(rows=rows, cols=len(widths_cm))
    t.autofit = False
    t.alignment = WD_TABLE_ALIGNMENT.LEFT if indent_cm else WD_TABLE_ALIGNMENT.CENTER
    tbl_pr = t._tbl.tblPr
    layout = OxmlElement("w:tblLayout")
    layout.set(qn("w:type"), "fixed")
    tbl_pr.append(layout)
    if indent_cm:
        ind = OxmlElement("w:tblInd")
        ind.set(qn("w:w"), str(int(indent_cm * 567)))
        ind.set(qn("w:type"), "dxa")
        tbl_pr.append(ind)
    edges = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "single" if borders else "nil")
        if borders:
            el.set(qn("w:sz"), "4")
            el.set(qn("w:color"), "000000")
        edges.append(el)
    tbl_pr.append(edges)
    margins = OxmlElement("w:tblCellMar")
    for edge in ("left", "right"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:w"), "85" if borders else "57")  # 1.5 mm in a grid, 1 mm in the header (the Quốc hiệu fits)
        el.set(qn("w:type"), "dxa")
        margins.append(el)
    tbl_pr.append(margins)
    for column, width in zip(t.columns, widths_cm):
        column.width = Cm(width)
    for row in t.rows:
        for cell, width in zip(row.cells, widths_cm):
            cell.width = Cm(width)
    return t


def header_row(t, texts: list[str], *, size: float = 13):
    """The bold header row of a list's table (repeated on every page)."""
    row = t.rows[0]
    tr_pr = row._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    tr_pr.append(repeat)
    for cell, text in zip(row.cells, texts):
        para(cell, text, size=size, bold=True, before=3, after=3)
    return row


def add_row(t, texts: list[str], *, size: float = 13, aligns=None):
    row = t.add_row()
    for i, (cell, text) in enumerate(zip(row.cells, texts)):
        align = (aligns[i] if aligns else LEFT)
        para(cell, text, size=size, align=align, before=3, after=3)
    return row


def loop_rows(t, loop: str, cells: list[str], *, size: float = 13, aligns=None) -> None:
    """The three rows of a docxtpl table loop: `{%tr for ... %}`, the row of `cells`, `{%tr endfor %}`."""
    add_row(t, [f"{{%tr {loop} %}}"] + [""] * (len(cells) - 1), size=2)
    add_row(t, cells, size=size, aligns=aligns)
    add_row(t, ["{%tr endfor %}"] + [""] * (len(cells) - 1), size=2)


def header_table(doc, *, numbered_line: bool = True, dated: bool = True, ballot: bool = False):
    """The heading of page 1 (DOCUMENTS.md §2): left — parent body (13, plain, if any), issuing body (13B), a rule,
    "Số: …" (13); right — Quốc hiệu (12B), Tiêu ngữ (13B), a rule as long as it, the place and date (13I).
    Context: issuer.parent, issuer.lines, number_line, place_date."""
    left_w, right_w = HEADER_COLUMNS_CM
    t = table(doc, HEADER_COLUMNS_CM, indent_cm=-0.3)
    left, right = t.rows[0].cells
    tag(left, "{%p if issuer.parent %}")
    para(left, "{{ issuer.parent }}", size=13)
    tag(left, "{%p endif %}")
    tag(left, "{%p for line in issuer.lines %}")
    para(left, "{{ line }}", size=13, bold=True)
    tag(left, "{%p endfor %}")
    rule(left, 20, left_w * 10 - 2)  # 1/3–1/2 of "ỦY BAN NHÂN DÂN" (13B ≈ 45 mm)
    if numbered_line:
        para(left, "{{ number_line }}", size=13, before=6)
    para(right, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", size=12, bold=True)
    para(right, "Độc lập - Tự do - Hạnh phúc", size=13, bold=True)
    rule(right, 56, right_w * 10 - 2)
    if dated:
        para(right, "{{ place_date }}", size=13, italic=True, before=6)
    return t


def type_and_summary(doc, type_name: str, summary: str = "{{ summary }}", *, before: float = 18):
    """The type name (14B, UPPER) and the trích yếu under it (14B), then a 50 mm rule (1/3–1/2 of a trích yếu of one
    long line or two)."""
    para(doc, type_name, size=14, bold=True, before=before, keep_with_next=True)
    if summary:
        para(doc, summary, size=14, bold=True, keep_with_next=True)
    rule(doc, 50, TEXT_WIDTH_MM, before=2)


def signature_table(doc, *, receivers: bool = True, left_title: str | None = None, left_name: str = "{{ secretary }}"):
    """Nơi nhận (12BI, list 11) on the left, the signer (authority and title 14B, four blank lines, name 14B) on the
    right. Context: receivers (list), signer.authority, signer.title, signer.name. `left_title`: a second signer on
    the left (the minutes' THƯ KÝ) instead of the receivers, which then go under it."""
    t = table(doc, SIGNATURE_COLUMNS_CM)
    left, right = t.rows[0].cells
    para(left, "", size=12)  # the same space above both columns: Nơi nhận level with the authority line
    para(right, "", size=12)
    if left_title:
        para(left, left_title, size=14, bold=True)
        for _ in range(4):
            para(left, "", size=14)
        para(left, left_name, size=14, bold=True)
    if receivers:
        para(left, "Nơi nhận:", size=12, bold=True, italic=True, align=LEFT, before=12 if left_title else 0)
        tag(left, "{%p for r in receivers %}")
        para(left, "{{ r }}", size=11, align=LEFT)
        tag(left, "{%p endfor %}")
    tag(right, "{%p if signer.authority %}")
    para(right, "{{ signer.authority }}", size=14, bold=True)
    tag(right, "{%p endif %}")
    para(right, "{{ signer.title }}", size=14, bold=True)
    for _ in range(4):
        para(right, "", size=14)
    para(right, "{{ signer.name }}", size=14, bold=True)
    return t
