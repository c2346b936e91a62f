"""Reads of batch runs, limited to what the actor may see (another unit's run is not found)."""

from django.db.models import Q, QuerySet

from tdkt.law.vocabulary import Verdict

from .models import BatchRun, BatchRunRow
from .permissions import batch_unit_q


def batch_runs_visible_to(user) -> QuerySet[BatchRun]:
    return BatchRun.objects.filter(batch_unit_q(user)).select_related("unit", "requested_by")


def batch_run_rows(run: BatchRun, *, code: str = "", verdict: str = "") -> QuerySet[BatchRunRow]:
    """The run's rows in Vietnamese name order; with a title and a verdict, those with that verdict for the
    title; with a verdict only, those with that verdict for any title."""
    rows = BatchRunRow.objects.filter(run=run).order_by("name_sort_key", "person_id")
    if verdict not in Verdict.values:
        return rows
    if code in run.titles:
        return rows.filter(**{f"verdicts__{code}": verdict})
    q = Q(pk__in=[])
    for title in run.titles:
        q |= Q(**{f"verdicts__{title}": verdict})
    return rows.filter(q)
