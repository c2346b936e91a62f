"""Reading a generated .docx the way DOCUMENTS.md §10 checks it (python-docx)."""

from __future__ import annotations

import io

from docx import Document
from docx.oxml.ns import qn
from docx.shared import Mm

FONT = "Times New Roman"


def open_docx(data: bytes):
    return Document(io.BytesIO(data))


def _cell_paragraphs(table):
    for row in table.rows:
        seen = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            yield from cell.paragraphs
            for inner in cell.tables:
                yield from _cell_paragraphs(inner)


def paragraphs(doc):
    """Every paragraph of the body in reading order, those inside tables included."""
    body = doc.element.body
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, doc)
        elif child.tag == qn("w:tbl"):
            yield from _cell_paragraphs(Table(child, doc))


def lines(doc) -> list[str]:
    return [p.text for p in paragraphs(doc) if p.text.strip()]


def text(doc) -> str:
    return "\n".join(lines(doc))


def paragraph(doc, starts: str):
    for p in paragraphs(doc):
        if p.text.startswith(starts):
            return p
    raise AssertionError(f"no paragraph starts with {starts!r}:\n" + text(doc))


def style_of(p) -> dict:
    """The size (pt), bold and italic of a paragraph's text (its first run that has text)."""
    run = next(r for r in p.runs if r.text.strip())
    return {"size": run.font.size.pt if run.font.size else None, "bold": bool(run.font.bold), "italic": bool(run.font.italic)}


def fonts(doc) -> set[str]:
    """Every font named anywhere (styles, document defaults, body, headers), each script's."""
    names = set()
    parts = [doc.styles.element, doc.element.body] + [s.header._element for s in doc.sections]
    for part in parts:
        for el in part.iter(qn("w:rFonts")):
            for key, value in el.attrib.items():
                names.add(value if "theme" not in key.lower() else f"theme:{value}")
    return names


def default_font(doc) -> str | None:
    el = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:rFonts"))
    return el.get(qn("w:ascii")) if el is not None else None


def mm(length) -> float:
    return round(length / Mm(1), 1)


def header_has_page_field(section) -> bool:
    xml = section.header._element.xml
    return "PAGE" in xml and ("fldSimple" in xml or "instrText" in xml)


def first_page_header_empty(section) -> bool:
    return not "".join(p.text for p in section.first_page_header.paragraphs).strip() and "PAGE" not in section.first_page_header._element.xml
