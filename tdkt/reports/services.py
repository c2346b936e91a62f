"""Batch eligibility runs (start, execute) and the suggestion spreadsheet.

The evaluation itself is `batch.batch_evaluate` (reads only); here is the bookkeeping: permission, the run
row, progress, result rows, the .xlsx file and the audit events.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font

from tdkt.core import audit
from tdkt.core.errors import DomainError
from tdkt.org.models import Unit

from . import batch
from .models import TITLE_CODES, TITLE_FIELDS, TITLE_LABELS, BatchRun, BatchRunRow, BatchRunStatus, Verdict
from .permissions import can_run_batch

log = logging.getLogger(__name__)

PROGRESS_EVERY = 1000  # people between two progress updates (and row inserts)
FIRST_YEAR = 2000
VERDICT_LABELS = dict(Verdict.choices)
HEADERS = ["STT", "Họ và tên", "Đơn vị", "Ngày sinh", *(TITLE_LABELS[c] for c in TITLE_CODES), "Lý do"]


def _check_year(year: int) -> None:
    latest = timezone.localdate().year + 1
    if not isinstance(year, int) or not FIRST_YEAR <= year <= latest:
        raise DomainError(f"Năm xét phải từ {FIRST_YEAR} đến {latest}.", code="invalid_year")


def batch_run_start(*, actor, unit: Unit, year: int) -> BatchRun:
    """Queue a batch eligibility run over the unit's subtree for the year; the task starts after commit."""
    if not can_run_batch(actor, unit):
        raise DomainError(f"Bạn không có quyền xét điều kiện khen thưởng cho đơn vị “{unit.name}”.", code="forbidden")
    _check_year(year)
    from .tasks import batch_run_task

    with transaction.atomic():
        run = BatchRun.objects.create(
            unit=unit, year=year, requested_by=actor if getattr(actor, "is_authenticated", False) else None,
            total=batch.count_people(unit),
        )
        audit.record(actor=actor, action="reports.batch_run.started", target=run, data={"unit": unit.code, "year": year, "total": run.total})
        transaction.on_commit(lambda: batch_run_task.enqueue(run_id=run.pk))
    return run


def _row(run: BatchRun, outcome: batch.PersonOutcome, unit_names: dict[int, str]) -> BatchRunRow:
    return BatchRunRow(
        run=run, person_id=outcome.person_id, full_name=outcome.full_name, name_sort_key=outcome.name_sort_key,
        unit_name=unit_names.get(outcome.unit_id, ""), date_of_birth=outcome.date_of_birth,
        reasons=outcome.reasons(), **{TITLE_FIELDS[c]: outcome.verdicts[c] for c in TITLE_CODES},
    )


def _unit_names(unit: Unit) -> dict[int, str]:
    return dict(Unit.objects.filter(path__startswith=unit.path).values_list("id", "name"))


def batch_run_execute(*, actor=None, run_id: int, progress_every: int = PROGRESS_EVERY) -> BatchRun | None:
    """Run a queued batch: evaluate everyone, store one row per person, write the .xlsx, mark it done.

    Claims the run with a compare-and-set (queued → running), so two workers never run it twice. Each chunk of
    rows is written with its progress in one transaction; on error the rows are removed and the run is failed.
    """
    now = timezone.now()
    if not BatchRun.objects.filter(pk=run_id, status=BatchRunStatus.QUEUED).update(status=BatchRunStatus.RUNNING, started_at=now):
        return None
    run = BatchRun.objects.select_related("unit").get(pk=run_id)
    try:
        total = batch.count_people(run.unit)
        BatchRun.objects.filter(pk=run.pk).update(total=total)
        unit_names = _unit_names(run.unit)
        counts = batch.empty_summary()
        quota_log: list = []
        buffer: list[BatchRunRow] = []
        processed = 0

        def flush():
            with transaction.atomic():
                BatchRunRow.objects.bulk_create(buffer, batch_size=1000)
                BatchRun.objects.filter(pk=run.pk).update(processed=processed)
            buffer.clear()

        for outcome in batch.batch_evaluate(unit=run.unit, year=run.year, quota_log=quota_log):
            batch.summarise(counts, outcome)
            buffer.append(_row(run, outcome, unit_names))
            processed += 1
            if len(buffer) >= progress_every:
                flush()
        flush()

        run.refresh_from_db()
        run.summary = counts
        run.quota_note = _quota_note(quota_log)
        rows = BatchRunRow.objects.filter(run=run).order_by("name_sort_key", "person_id").values_list(
            "full_name", "unit_name", "date_of_birth", *TITLE_FIELDS.values(), "reasons"
        )
        with tempfile.TemporaryFile() as fh:
            write_xlsx(fh, rows.iterator(chunk_size=5000), year=run.year)
            fh.seek(0)
            run.result_file.save(f"xet-dieu-kien-{run.unit.code}-{run.year}-{run.pk}.xlsx", File(fh), save=False)
        with transaction.atomic():
            run.status = BatchRunStatus.DONE
            run.processed = processed
            run.total = max(total, processed)
            run.finished_at = timezone.now()
            run.save(update_fields=["status", "processed", "total", "finished_at", "summary", "quota_note", "result_file"])
            audit.record(actor=actor, action="reports.batch_run.done", target=run, data={"processed": processed, "summary": counts})
    except Exception as exc:  # the run is failed with the reason; the task itself does not crash the worker
        log.exception("batch run %s failed", run_id)
        with transaction.atomic():
            BatchRunRow.objects.filter(run_id=run_id).delete()
            BatchRun.objects.filter(pk=run_id).update(
                status=BatchRunStatus.FAILED, finished_at=timezone.now(), error=f"Lỗi khi xét điều kiện: {exc}"[:2000]
            )
            audit.record(actor=actor, action="reports.batch_run.failed", target=run, data={"error": str(exc)[:500]})
        run.refresh_from_db()
    return run


def _quota_note(quota_log: list) -> str:
    if not quota_log:
        return ""
    over = sum(n for _, _, n in quota_log)
    if not over:
        return quota_log[0][1].message
    units = sum(1 for _, _, n in quota_log if n)
    return f"Áp dụng tỷ lệ CSTĐCS: {over} cá nhân ở {units} đơn vị vượt tỷ lệ, chuyển sang “Cần xem xét”."


# --- Spreadsheets -----------------------------------------------------------------------------------------


def write_xlsx(fh, rows: Iterable[tuple], *, year: int) -> int:
    """Write rows (full name, unit name, birth date, one verdict per title, reasons) in the order given."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(f"Xét điều kiện {year}")
    ws.freeze_panes = "C2"
    for col, width in zip("ABCDEFGHIJ", (6, 28, 30, 12, 16, 16, 16, 16, 16, 80), strict=True):
        ws.column_dimensions[col].width = width
    bold = Font(bold=True)
    header = []
    for text in HEADERS:
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
        ws.append([n, full_name, unit_name, birth, *(VERDICT_LABELS.get(v, v) for v in verdicts), reasons])
    wb.save(fh)
    return n


def suggest_to_xlsx(*, unit_code: str, year: int, out: Path) -> int:
    """Evaluate everyone under the unit for the year and write the suggestion list (Vietnamese name order).

    Used by `tdkt eligibility suggest`; returns the number of people written.
    """
    _check_year(year)
    unit = Unit.objects.filter(code=unit_code).first()
    if unit is None:
        raise DomainError(f"Không tìm thấy đơn vị có mã “{unit_code}”.", code="not_found")
    unit_names = _unit_names(unit)
    outcomes = sorted(batch.batch_evaluate(unit=unit, year=year), key=lambda o: (o.name_sort_key, o.person_id))
    rows = (
        (o.full_name, unit_names.get(o.unit_id, ""), o.date_of_birth, *(o.verdicts[c] for c in TITLE_CODES), o.reasons())
        for o in outcomes
    )
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        return write_xlsx(fh, rows, year=year)
