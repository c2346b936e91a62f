"""The batch run's spreadsheet and the reasons shown beside each person, read from the run's stored results."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Max
from django.db.models.functions import Length
from django.utils import timezone

from tdkt.core.spreadsheet_writer import SheetColumn, TableSheet, fit_width, streamed_workbook
from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue

from . import reasons
from .models import BatchResult, BatchRun, BatchRunRow


def short_labels(titles: Iterable[str], catalogue=None) -> dict[str, str]:
    """code → the short name of each title ("LĐTT", "CSTĐCS"...), from the catalogue."""
    catalogue = catalogue or load_catalogue()
    return {code: (catalogue.awards[code].label if code in catalogue.awards else code) for code in titles}


def names(titles: Iterable[str], catalogue=None) -> dict[str, str]:
    """code → the full name of each title, from the catalogue."""
    catalogue = catalogue or load_catalogue()
    return {code: (catalogue.awards[code].name if code in catalogue.awards else code) for code in titles}


def reasons_by_key(run: BatchRun, keys: Iterable[int] | None = None) -> dict[int, tuple[str, list[str]]]:
    """key → (verdict, messages of its failing then unjudgeable checks, each once) for the run's stored results."""
    rows = BatchResult.objects.filter(run=run)
    if keys is not None:
        rows = rows.filter(key__in=list(set(keys)))
    out = {}
    for key, verdict, checks in rows.values_list("key", "verdict", "checks"):
        out[key] = (verdict, reasons.check_messages(checks))
    return out


def row_reasons(row_verdicts: dict, row_results: dict, row_notes: dict, stored: dict, labels: dict[str, str],
                legacy: str = "") -> str:
    """The "Lý do" of one person: for each title not eligible, its failing checks and the batch's notes."""
    if not row_results and legacy:
        return legacy
    parts = []
    for code, key in row_results.items():
        if row_verdicts.get(code) == vocab.Verdict.ELIGIBLE:
            continue
        messages = list(stored.get(key, ("", []))[1]) + list(row_notes.get(code, []))
        if messages:
            parts.append(f"{labels.get(code, code)}: {'; '.join(dict.fromkeys(messages))}")
    return " | ".join(parts)


def title_lines(*, year: int, unit_name: str, run_at: dt.datetime | None) -> tuple[str, list[str]]:
    """The title block of the list: what it is, the unit, the year, when the run was made."""
    when = timezone.localtime(run_at) if run_at else timezone.localtime()
    return (f"DANH SÁCH XÉT ĐIỀU KIỆN KHEN THƯỞNG NĂM {year}",
            [f"Đơn vị: {unit_name}" if unit_name else "", f"Năm xét: {year}", f"Ngày xét: {when:%d/%m/%Y %H:%M}"])


def write_xlsx(fh, rows: Iterable[tuple], *, year: int, titles: tuple[str, ...], catalogue=None, unit_name: str = "",
               run_at: dt.datetime | None = None, name_width: float = 28, unit_width: float = 30) -> int:
    """Write rows (full name, unit name, birth date, one verdict per title, reasons) in the order given, under a
    title block (the unit, the year, the date of the run), ready to print (A4 landscape, fit to width, the
    header repeated on each page). Every text goes in as safe text (core.spreadsheet_writer)."""
    columns = [
        SheetColumn("STT", 6, center=True),
        SheetColumn("Họ và tên", name_width, wrap=True),
        SheetColumn("Đơn vị", unit_width, wrap=True),
        SheetColumn("Ngày sinh", 12, center=True),
        *(SheetColumn(name, 15, wrap=True, center=True) for name in names(titles, catalogue).values()),
        SheetColumn("Lý do", 70, wrap=True),
    ]
    book = streamed_workbook()
    title, lines = title_lines(year=year, unit_name=unit_name, run_at=run_at)
    sheet = TableSheet(book, f"Xét điều kiện {year}", columns, title=title, lines=lines, freeze_columns=2)
    for n, (full_name, unit, dob, *rest) in enumerate(rows, start=1):
        *verdicts, reasons = rest
        sheet.row([n, full_name, unit, dob, *(vocab.label(vocab.Verdict, v) for v in verdicts), reasons])
    book.save(fh)
    return sheet.rows


def write_run(fh, run: BatchRun) -> int:
    """The run's rows in Vietnamese name order, with the reasons read from its stored results."""
    titles = tuple(run.titles)
    labels = short_labels(titles)
    stored = reasons_by_key(run)
    rows = BatchRunRow.objects.filter(run=run).order_by("name_sort_key", "person_id").values_list(
        "full_name", "unit_name", "date_of_birth", "verdicts", "results", "notes", "legacy_reasons")

    def lines():
        for full_name, unit_name, dob, verdicts, results, notes, legacy in rows.iterator(chunk_size=5000):
            yield (full_name, unit_name, dob, *(verdicts.get(c, "") for c in titles),
                   row_reasons(verdicts, results, notes, stored, labels, legacy))

    longest = rows.aggregate(name=Max(Length("full_name")), unit=Max(Length("unit_name")))
    return write_xlsx(fh, lines(), year=run.year, titles=titles, unit_name=run.unit.name, run_at=run.started_at or run.created_at,
                      name_width=fit_width(longest["name"], minimum=18, maximum=34),
                      unit_width=fit_width(longest["unit"], minimum=16, maximum=40))
