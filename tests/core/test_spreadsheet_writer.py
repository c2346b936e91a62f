"""The one spreadsheet writer: OWASP's neutralising, text cells, streamed list sheets."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from openpyxl import Workbook, load_workbook

from tdkt.core.spreadsheet_writer import SheetColumn, TableSheet, neutralise, put, streamed_workbook


@pytest.mark.parametrize("text", ["=1+1", "+84 912", "-2+3", "@SUM(A1)", "\t=1", "\r=1"])
def test_a_text_that_a_spreadsheet_would_run_gets_a_leading_quote(text):
    assert neutralise(text) == "'" + text


@pytest.mark.parametrize("text", ["Nguyễn Văn An", "123/QĐ-UBND", "", "a=b", "'quoted"])
def test_other_texts_are_left_alone(text):
    assert neutralise(text) == text


def _reread(book) -> list:
    buffer = io.BytesIO()
    book.save(buffer)
    return [c for ws in load_workbook(io.BytesIO(buffer.getvalue())).worksheets for row in ws.iter_rows() for c in row]


def test_strings_are_written_as_text_in_ordinary_and_streamed_sheets():
    book = Workbook()
    put(book.active, 1, 1, "=HYPERLINK(\"http://evil.example/\")")
    put(book.active, 1, 2, "#N/A")
    put(book.active, 1, 3, dt.date(2025, 1, 31))
    a, b, c = _reread(book)
    assert (a.value, a.data_type) == ("'=HYPERLINK(\"http://evil.example/\")", "s")
    assert (b.value, b.data_type) == ("#N/A", "s")  # not an error cell
    assert c.number_format == "DD/MM/YYYY"

    streamed = streamed_workbook()
    sheet = TableSheet(streamed, "Thử", [SheetColumn("STT", 6), SheetColumn("Tên", 20)], title="=TIÊU ĐỀ")
    sheet.row([1, "@evil"])
    values = [(c.value, c.data_type) for c in _reread(streamed) if c.value is not None]
    assert values == [("'=TIÊU ĐỀ", "s"), ("STT", "s"), ("Tên", "s"), (1, "n"), ("'@evil", "s")]
