"""Reading the spreadsheets the system writes, in tests."""

from __future__ import annotations


def table_rows(sheet) -> list[tuple]:
    """The rows of a list sheet from its header row ("STT" in column A) on: the title block above it left out."""
    rows = [tuple(r) for r in sheet.iter_rows(values_only=True)]
    start = next(i for i, r in enumerate(rows) if r and r[0] == "STT")
    return rows[start:]
