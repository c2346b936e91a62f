"""Thin views of the batch eligibility run: start form, run page, progress fragment, download."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.core import workflow
from tdkt.core.errors import DomainError
from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue
from tdkt.law.vocabulary import Verdict

from . import selectors, services, spreadsheet
from .forms import BatchStartForm, RowFilterForm
from .models import BatchRunStatus
from .permissions import batch_units_for, can_run_batch

PAGE_SIZE = 50


def _require_batch(request) -> None:
    if not can_run_batch(request.user):
        raise PermissionDenied("Bạn không có quyền xét điều kiện hàng loạt.")


def _run(request, pk: int):
    return get_object_or_404(selectors.batch_runs_visible_to(request.user), pk=pk)


@login_required
@require_http_methods(["GET", "POST"])
def batch_start(request):
    _require_batch(request)
    form = BatchStartForm(request.POST or None, units=batch_units_for(request.user))
    if request.method == "POST" and form.is_valid():
        try:
            run = services.batch_run_start(actor=request.user, unit=form.cleaned_data["unit"], year=form.cleaned_data["year"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("reports:batch_detail", pk=run.pk)
    runs = selectors.batch_runs_visible_to(request.user)[:10]
    catalogue = load_catalogue()
    title_names = list(spreadsheet.names(catalogue.batch_titles(), catalogue).values())
    return render(request, "reports/batch_start.html", {"form": form, "runs": runs, "title_names": title_names})


def _summary_rows(run, names: dict[str, str]) -> list[dict]:
    rows = []
    for code in run.titles:
        counts = run.summary.get(code, {})
        rows.append({
            "code": code, "label": names[code],
            "eligible": counts.get(Verdict.ELIGIBLE, 0),
            "needs_review": counts.get(Verdict.NEEDS_REVIEW, 0),
            "not_eligible": counts.get(Verdict.NOT_ELIGIBLE, 0),
        })
    return rows


def _missing_rows(run) -> list[dict]:
    """How many people lacked each fact a check needed, most first (the fields by their names)."""
    return [{"field": f, "label": vocab.missing_fact_label(f), "people": n}
            for f, n in sorted(run.missing_facts.items(), key=lambda item: (-item[1], item[0]))]


@login_required
@require_GET
def batch_detail(request, pk: int):
    run = _run(request, pk)
    labels = spreadsheet.short_labels(run.titles)
    context = {"run": run, "titles": list(labels.items()), "transitions": workflow.history(run)}
    if run.status == BatchRunStatus.DONE:
        names = spreadsheet.names(run.titles)
        filters = RowFilterForm(request.GET or None, titles=names)
        code, verdict = filters.values()
        page = Paginator(selectors.batch_run_rows(run, code=code, verdict=verdict), PAGE_SIZE).get_page(request.GET.get("page"))
        stored = spreadsheet.reasons_by_key(run, [k for row in page.object_list for k in row.results.values()])
        for row in page.object_list:
            row.verdict_cells = row.verdict_list(run.titles)
            row.reasons = spreadsheet.row_reasons(row.verdicts, row.results, row.notes, stored, labels, row.legacy_reasons)
        query = request.GET.copy()
        query.pop("page", None)
        context.update(filters=filters, page=page, query=query.urlencode(), summary=_summary_rows(run, names),
                       missing=_missing_rows(run))
    return render(request, "reports/batch_detail.html", context)


@login_required
@require_GET
def batch_progress(request, pk: int):
    run = _run(request, pk)
    response = render(request, "reports/_progress.html", {"run": run})
    if run.is_finished and request.htmx:
        response["HX-Refresh"] = "true"  # reload the run page to show the results
    return response


@login_required
@require_GET
def batch_download(request, pk: int):
    run = _run(request, pk)
    if run.status != BatchRunStatus.DONE or not run.result_file:
        raise Http404("Chưa có tệp kết quả.")
    name = f"xet-dieu-kien-{run.unit.code}-{run.year}.xlsx"
    return FileResponse(run.result_file.open("rb"), as_attachment=True, filename=name,
                        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")


@login_required
def index(request) -> HttpResponse:
    return redirect("reports:batch_start")
