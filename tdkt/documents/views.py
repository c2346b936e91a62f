"""Thin views of a bulk generation job: its page (progress bar refreshed by htmx, then the downloads) and its files."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from tdkt.core import workflow
from tdkt.core.uploads import serve_upload

from . import rendering, selectors
from .models import JobStatus
from .permissions import can_start_job

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _job(request, pk: int):
    if not can_start_job(request.user):
        raise PermissionDenied("Bạn không có quyền xem văn bản tạo hàng loạt.")
    return get_object_or_404(selectors.jobs_visible_to(request.user), pk=pk)


@login_required
@require_GET
def job_detail(request, pk: int):
    job = _job(request, pk)
    return render(request, "documents/job_detail.html", {"job": job, "transitions": workflow.history(job),
                                                         "pdf_available": rendering.pdf_available()})


@login_required
@require_GET
def job_progress(request, pk: int):
    job = _job(request, pk)
    response = render(request, "documents/_job_progress.html", {"job": job})
    if job.is_finished and request.htmx:
        response["HX-Refresh"] = "true"  # reload the page to show the downloads
    return response


@login_required
@require_GET
def job_download(request, pk: int, fmt: str):
    job = _job(request, pk)
    stored = job.docx_file if fmt == "docx" else job.pdf_file if fmt == "pdf" else None
    if job.status != JobStatus.DONE or not stored:
        raise Http404("Chưa có tệp này.")
    return serve_upload(request, name=stored.name, filename=f"{job.title}.{fmt}",
                        content_type=DOCX if fmt == "docx" else "application/pdf")
