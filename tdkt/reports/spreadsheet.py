"""The batch run's spreadsheet and the reasons shown beside each person, read from the run's stored results."""

from __future__ import annotations

from collections.abc import Iterable

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

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


def write_xlsx(fh, rows: Iterable[tuple], *, year: int, titles: tuple[str, ...], catalogue=None) -> int:
    """Write rows (full name, unit name, birth date, one verdict per title, reasons) in the order given."""
    headers = ["STT", "Họ và tên", "Đơn vị", "Ngày sinh", *names(titles, catalogue).values(), "Lý do"]
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(f"Xét điều kiện {year}")
    ws.freeze_panes = "C2"
    widths = (6, 28, 30, 12, *(16 for _ in titles), 80)
    for index, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=text)
        cell.font = bold
        cell.alignment = Alignment(wrap_text=True, vertical="center")
        header.append(cell)
    ws.append(header)
    n = 0
    for n, (full_name, unit_name, dob, *rest) in enumerate(rows, start=1):
        *verdicts, reasons = rest
        birth = WriteOnlyCell(ws, value=dob)
        if dob is not None:
            birth.number_format = "DD/MM/YYYY"
        ws.append([n, full_name, unit_name, birth, *(vocab.label(vocab.Verdict, v) for v in verdicts), reasons])
    wb.save(fh)
    return n


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

    return write_xlsx(fh, lines(), year=run.year, titles=titles)
