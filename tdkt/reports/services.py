"""Batch eligibility runs (start, execute) and the suggestion spreadsheet.

The evaluation itself is `batch.batch_evaluate` (reads only); here is the bookkeeping: the run's states on the
workflow kernel (`workflow.BATCH_RUN`: permission, transition row and audit event in one transaction), the
progress, the result rows, the run's distinct results kept whole (`BatchResult`), the .xlsx file.
"""

from __future__ import annotations

import logging
import tempfile
from collections.abc import Iterable
from pathlib import Path

from django.core.files import File
from django.db import transaction
from django.utils import timezone

from tdkt.core import workflow
from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.spreadsheet_writer import fit_width
from tdkt.law.catalogue import load_catalogue
from tdkt.law.stored import StoredResult
from tdkt.org.models import Unit

from . import batch, spreadsheet
from .models import BatchResult, BatchRun, BatchRunRow
from .permissions import can_run_batch
from .workflow import BATCH_RUN

log = logging.getLogger(__name__)

PROGRESS_EVERY = 1000  # people between two progress updates (and row inserts)
FIRST_YEAR = 2000


def _check_year(year: int) -> None:
    latest = timezone.localdate().year + 1
    if not isinstance(year, int) or not FIRST_YEAR <= year <= latest:
        raise DomainError(f"Năm xét phải từ {FIRST_YEAR} đến {latest}.", code="invalid_year")


def batch_run_start(*, actor, unit: Unit, year: int) -> BatchRun:
    """Queue a batch eligibility run over the unit's subtree for the year; the task starts after commit."""
    if not can_run_batch(actor, unit):
        raise Forbidden(f"Bạn không có quyền xét điều kiện khen thưởng cho đơn vị “{unit.name}”.")
    _check_year(year)
    from .tasks import batch_run_task

    catalogue = load_catalogue()
    run = BatchRun(unit=unit, year=year, requested_by=actor, total=batch.count_people(unit),
                   titles=list(catalogue.batch_titles()), catalogue_version=catalogue.version)
    workflow.create(actor=actor, obj=run, action="start", workflow=BATCH_RUN,
                    data={"unit": unit.code, "year": year, "total": run.total, "titles": run.titles},
                    on_commit=[lambda: batch_run_task.enqueue(run_id=run.pk)])
    return run


def _row(run: BatchRun, outcome: batch.PersonOutcome, unit_names: dict[int, str], keys: dict[int, int]) -> BatchRunRow:
    return BatchRunRow(
        run=run, person_id=outcome.person_id, full_name=outcome.full_name, name_sort_key=outcome.name_sort_key,
        unit_name=unit_names.get(outcome.unit_id, ""), date_of_birth=outcome.date_of_birth, verdicts=outcome.verdicts,
        results={code: keys[id(result)] for code, result in outcome.results.items()}, notes=outcome.notes,
    )


def _unit_names(unit: Unit) -> dict[int, str]:
    return dict(Unit.objects.filter(path__startswith=unit.path).values_list("id", "name"))


class _Results:
    """The run's distinct results: one BatchResult per result object (the memo shares them between people)."""

    def __init__(self, run: BatchRun):
        self.run = run
        self.keys: dict[int, int] = {}  # id(result) → key
        self.kept: list = []  # the result objects themselves, so that their ids stay theirs
        self.pending: list[BatchResult] = []

    def add(self, outcome: batch.PersonOutcome) -> None:
        for result in outcome.results.values():
            if id(result) not in self.keys:
                key = self.keys[id(result)] = len(self.kept) + 1
                self.kept.append(result)
                self.pending.append(BatchResult(run=self.run, key=key, **StoredResult.fields_of(result)))

    def flush(self) -> None:
        BatchResult.objects.bulk_create(self.pending, batch_size=1000)
        self.pending.clear()


def batch_run_execute(*, actor, run_id: int, progress_every: int = PROGRESS_EVERY) -> BatchRun | None:
    """Run a queued batch: evaluate everyone, store one row per person and the distinct results, write the .xlsx,
    mark it done. The worker acts as the system account.

    The run is claimed through the workflow (queued → running, the row locked), so two workers never run it
    twice. Each chunk of rows is written with its progress in one transaction; on error the rows are removed
    and the run is failed with the reason.
    """
    run = BatchRun.objects.select_related("unit").filter(pk=run_id).first()
    if run is None:
        return None
    try:
        workflow.transition(actor=actor, obj=run, action="claim", workflow=BATCH_RUN, changes={"started_at": timezone.now()})
    except workflow.TransitionError:
        return None  # another worker has it, or it is no longer queued
    try:
        catalogue = load_catalogue()
        titles = tuple(run.titles) or catalogue.batch_titles()
        total = batch.count_people(run.unit)
        BatchRun.objects.filter(pk=run.pk).update(total=total)
        unit_names = _unit_names(run.unit)
        counts = batch.empty_summary(titles)
        missing: dict[str, int] = {}
        missing_memo: dict = {}
        quota_log: list = []
        results = _Results(run)
        buffer: list[BatchRunRow] = []
        processed = 0

        def flush():
            with transaction.atomic():
                results.flush()
                BatchRunRow.objects.bulk_create(buffer, batch_size=1000)
                BatchRun.objects.filter(pk=run.pk).update(processed=processed)
            buffer.clear()

        for outcome in batch.batch_evaluate(unit=run.unit, year=run.year, catalogue=catalogue, titles=titles, quota_log=quota_log):
            batch.summarise(counts, outcome)
            batch.count_missing(missing, outcome, missing_memo)
            results.add(outcome)
            buffer.append(_row(run, outcome, unit_names, results.keys))
            processed += 1
            if len(buffer) >= progress_every:
                flush()
        flush()

        with tempfile.TemporaryFile() as fh:
            spreadsheet.write_run(fh, run)
            fh.seek(0)
            run.result_file.save(f"xet-dieu-kien-{run.unit.code}-{run.year}-{run.pk}.xlsx", File(fh), save=False)
        workflow.transition(actor=actor, obj=run, action="finish", workflow=BATCH_RUN, data={"processed": processed, "summary": counts},
                            changes={"processed": processed, "total": max(total, processed), "finished_at": timezone.now(),
                                     "summary": counts, "missing_facts": missing, "quota_note": _quota_note(quota_log),
                                     "result_file": run.result_file.name,
                                     "titles": list(titles), "catalogue_version": catalogue.version})
    except Exception as exc:  # the run is failed with the reason; the task itself does not crash the worker
        log.exception("batch run %s failed", run_id)
        with transaction.atomic():
            BatchRunRow.objects.filter(run_id=run_id).delete()
            BatchResult.objects.filter(run_id=run_id).delete()
            workflow.transition(actor=actor, obj=run, action="fail", workflow=BATCH_RUN, reason=f"Lỗi khi xét điều kiện: {exc}"[:2000],
                                changes={"finished_at": timezone.now(), "error": f"Lỗi khi xét điều kiện: {exc}"[:2000]})
    run.refresh_from_db()
    return run


def _quota_note(quota_log: list) -> str:
    if not quota_log:
        return ""
    over = sum(n for _, _, n in quota_log)
    if not over:
        return quota_log[0][1].message
    units = sum(1 for _, _, n in quota_log if n)
    return f"Áp dụng tỷ lệ CSTĐCS: {over} cá nhân ở {units} đơn vị vượt tỷ lệ, chuyển sang “Cần xem xét thêm”."


def suggest_to_xlsx(*, actor, unit_code: str, year: int, out: Path) -> int:
    """Evaluate everyone under the unit for the year and write the suggestion list (Vietnamese name order).

    Used by `tdkt eligibility suggest`; returns the number of people written.
    """
    _check_year(year)
    unit = Unit.objects.filter(code=unit_code).first()
    if unit is None:
        raise DomainError(f"Không tìm thấy đơn vị có mã “{unit_code}”.", code="not_found")
    if not can_run_batch(actor, unit):
        raise Forbidden(f"Bạn không có quyền xét điều kiện khen thưởng cho đơn vị “{unit.name}”.")
    catalogue = load_catalogue()
    titles = catalogue.batch_titles()
    labels = spreadsheet.short_labels(titles, catalogue)
    unit_names = _unit_names(unit)
    outcomes = sorted(batch.batch_evaluate(unit=unit, year=year, catalogue=catalogue, titles=titles),
                      key=lambda o: (o.name_sort_key, o.person_id))
    rows: Iterable[tuple] = (
        (o.full_name, unit_names.get(o.unit_id, ""), o.date_of_birth, *(o.verdicts[c] for c in titles), o.reasons(labels))
        for o in outcomes
    )
    longest_name = max((len(o.full_name) for o in outcomes), default=0)
    longest_unit = max((len(name) for name in unit_names.values()), default=0)
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("wb") as fh:
        return spreadsheet.write_xlsx(fh, rows, year=year, titles=titles, catalogue=catalogue, unit_name=unit.name,
                                      name_width=fit_width(longest_name, minimum=18, maximum=34),
                                      unit_width=fit_width(longest_unit, minimum=16, maximum=40))
