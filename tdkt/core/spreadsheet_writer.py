"""The one writer of every spreadsheet the system produces (openpyxl): safe cells and printable sheets.

Safe cells: every string goes into the file as text (data type "s"), never as a formula, whoever typed it. A
string that starts with `=`, `+`, `-`, `@`, a tab or a carriage return is neutralised as OWASP advises (CSV /
formula injection): a single quote is put in front of it and it stays text, so that neither Excel nor
LibreOffice nor a later copy-paste turns `=HYPERLINK("http://evil.example/","Bấm vào đây")` into a live link.

Two ways to write:
- `TableSheet`, streamed (openpyxl's write-only mode, memory flat whatever the number of rows): a title block
  (the title and lines such as the unit, the year, the date), a header row repeated on every printed page,
  data rows with wrapped text where asked, column widths, A4 landscape, fit to the page's width. The batch
  run's list, the suggestion list and the people export use it.
- `put(ws, row, column, value)` / `append(ws, values)` on an ordinary worksheet (the import template, which needs
  drop-downs and cell formats over a blank data sheet).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from copy import copy
from dataclasses import dataclass

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.styles.cell_style import StyleArray
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.cell_range import CellRange
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
DATE_FORMAT = "DD/MM/YYYY"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

_BOLD = Font(bold=True)
_TITLE = Font(bold=True, size=14)
_HEADER_FILL = PatternFill("solid", fgColor="FDE9D9")
_THIN = Side(style="thin", color="999999")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)


def neutralise(text: str) -> str:
    """The text as it may be written: one that a spreadsheet would read as a formula gets a leading quote."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def safe(value):
    """A cell value as it may be written: strings neutralised, everything else unchanged."""
    return neutralise(value) if isinstance(value, str) else value


def _as_text(cell):
    """Keep a string cell a string: openpyxl would otherwise guess a formula ("=...") or an error ("#N/A")."""
    if isinstance(cell.value, str):
        cell.data_type = "s"
    return cell


def put(ws, row: int, column: int, value, **style):
    """Write one value into an ordinary worksheet, as safe text when it is a string; `style`: font, fill, alignment,
    number_format... set on the cell."""
    cell = ws.cell(row=row, column=column)
    cell.value = safe(value)
    _as_text(cell)
    if isinstance(value, (dt.date, dt.datetime)) and "number_format" not in style:
        cell.number_format = DATE_FORMAT
    for name, attr in style.items():
        setattr(cell, name, attr)
    return cell


def append(ws, values: Iterable, **style) -> int:
    """Append a row to an ordinary worksheet (every value through `put`); returns its number."""
    row = ws.max_row + 1 if ws.max_row > 1 or any(c.value is not None for c in ws[1]) else 1
    for column, value in enumerate(values, start=1):
        if value is not None:
            put(ws, row, column, value, **style)
    return row


def fit_width(longest: int | None, *, minimum: float = 8, maximum: float = 60) -> float:
    """A column width (in characters) for a column whose longest text has `longest` characters."""
    return float(max(minimum, min(maximum, (longest or 0) + 2)))


@dataclass(frozen=True)
class SheetColumn:
    header: str
    width: float
    wrap: bool = False  # wrap the column's data cells (reasons, long names)
    center: bool = False


class TableSheet:
    """One streamed sheet of a write-only workbook: a title block, a header row, then `row(values)` per line.

    Everything that openpyxl writes at the top of a streamed sheet (column widths, frozen panes, page setup
    properties) is set here, before the first row; the print setup (A4 landscape, fit to width, the header
    row repeated on each page) is written with the sheet.
    """

    def __init__(self, book: Workbook, name: str, columns: Sequence[SheetColumn], *, title: str = "",
                 lines: Iterable[str] = (), freeze_columns: int = 0, landscape: bool = True):
        self.ws = ws = book.create_sheet(name[:31])
        self.columns = list(columns)
        self.rows = 0
        last = get_column_letter(len(self.columns))
        for index, column in enumerate(self.columns, start=1):
            ws.column_dimensions[get_column_letter(index)].width = column.width
        ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        ws.page_setup.paperSize = Worksheet.PAPERSIZE_A4
        ws.page_setup.orientation = Worksheet.ORIENTATION_LANDSCAPE if landscape else Worksheet.ORIENTATION_PORTRAIT
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as needed
        ws.page_margins.left = ws.page_margins.right = 0.4
        ws.page_margins.top = ws.page_margins.bottom = 0.5
        ws.print_options.horizontalCentered = True
        ws.oddFooter.center.text = "Trang &P / &N"

        block = [line for line in ([title] if title else []) + list(lines) if line]
        self.header_row = len(block) + (2 if block else 1)  # a blank row between the title block and the header
        ws.freeze_panes = f"{get_column_letter(freeze_columns + 1)}{self.header_row + 1}"
        ws.print_title_rows = f"{self.header_row}:{self.header_row}"
        for number, line in enumerate(block, start=1):
            cell = self._cell(line, font=_TITLE if number == 1 and title else _BOLD if number == 1 else None,
                              alignment=Alignment(horizontal="center" if number == 1 and title else "left", vertical="center"))
            if number == 1 and title:
                ws.row_dimensions[number].height = 22
            ws.merged_cells.add(CellRange(f"A{number}:{last}{number}"))
            ws.append([cell])
        if block:
            ws.append([])
        ws.append([self._cell(c.header, font=_BOLD, fill=_HEADER_FILL, border=_BOX,
                              alignment=Alignment(wrap_text=True, vertical="center", horizontal="center"))
                   for c in self.columns])
        self._alignments = [Alignment(wrap_text=c.wrap, vertical="top", horizontal="center" if c.center else None)
                            for c in self.columns]
        self._prototypes: dict[tuple[int, bool], StyleArray] = {}  # (column, is a date) → the cell style, built once

    def _cell(self, value, **style) -> WriteOnlyCell:
        cell = WriteOnlyCell(self.ws, value=safe(value))
        _as_text(cell)
        if isinstance(value, (dt.date, dt.datetime)):
            cell.number_format = DATE_FORMAT
        for name, attr in style.items():
            setattr(cell, name, attr)
        return cell

    def _style(self, column: int, is_date: bool) -> StyleArray:
        key = (column, is_date)
        if key not in self._prototypes:
            style = {"alignment": self._alignments[column], "border": _BOX}
            self._prototypes[key] = self._cell(dt.date(2000, 1, 1) if is_date else "", **style)._style
        return self._prototypes[key]

    def row(self, values: Sequence) -> None:
        """Append one data row: strings as safe text, dates as dd/mm/yyyy, each cell boxed and aligned. The
        style of each column is built once and copied (setting styles cell by cell costs more than the rest)."""
        cells = []
        for column, value in enumerate(values[:len(self.columns)]):
            cell = WriteOnlyCell(self.ws, value=safe(value))
            _as_text(cell)
            cell._style = copy(self._style(column, isinstance(value, (dt.date, dt.datetime))))
            cells.append(cell)
        self.ws.append(cells)
        self.rows += 1


def streamed_workbook() -> Workbook:
    """A write-only workbook (add sheets with `TableSheet`, then `book.save(fh)`)."""
    return Workbook(write_only=True)
