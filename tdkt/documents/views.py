"""Thin views: a person's achievement report (.docx / PDF), a bulk generation job's page (progress bar refreshed by htmx,
then the downloads) and its files."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_GET

from tdkt.core import workflow
from tdkt.core.errors import DomainError
from tdkt.core.uploads import content_disposition, serve_upload
from tdkt.law.catalogue import load_catalogue
from tdkt.org.selectors import ledger_units_for, people_visible_to

from . import achievement, printing, rendering, selectors
from .forms import CertificatePrintForm
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


@login_required
@require_GET
def achievement_report(request, pk: int):
    """A person's achievement report, pre-filled from the ledger, as .docx or PDF. Bad choices go back to the person's page
    with a Vietnamese message; without LibreOffice the PDF is refused the same way and the .docx still works."""
    if not request.user.has_perm("org.view_people"):
        raise PermissionDenied("Bạn không có quyền xem hồ sơ thành tích.")
    person = get_object_or_404(people_visible_to(request.user), pk=pk)
    back = redirect("records:person_detail", pk=person.pk)
    award, fmt = request.GET.get("award", ""), request.GET.get("format", "docx")
    catalogue = load_catalogue()
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = 0
    if award not in catalogue.individual_titles() or fmt not in ("docx", "pdf") or not 2000 <= year <= 2100:
        messages.error(request, "Hãy chọn danh hiệu, hình thức đề nghị và năm thành tích trong danh sách.")
        return back
    try:
        data = achievement.report_for(actor=request.user, person=person, award_code=award, year=year)
        if fmt == "pdf":
            data = rendering.to_pdf(data)
    except DomainError as exc:
        if exc.code == "forbidden":
            raise PermissionDenied(exc.message) from exc
        messages.error(request, exc.message)
        return back
    response = HttpResponse(data, content_type=DOCX if fmt == "docx" else "application/pdf")
    response["Content-Disposition"] = content_disposition(f"Báo cáo thành tích {person.full_name} {year}.{fmt}")
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
def certificate_print(request):
    """The certificate printing page: a decision's recipients from the ledger, printed in the background."""
    if not can_start_job(request.user):
        raise PermissionDenied("Bạn không có quyền in giấy khen.")
    prefill = {k: request.GET[k] for k in ("unit", "decision_number", "authority", "signer_title", "signer_name", "place", "subject")
               if request.GET.get(k)}  # "In giấy khen" from an issued decision's page
    form = CertificatePrintForm(request.POST or None, units=ledger_units_for(request.user).order_by("path"), initial=prefill)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            job = printing.certificates_start(actor=request.user, unit=data["unit"], decision_number=data["decision_number"],
                                              form=data["form"], subject=data["subject"], authority=data["authority"],
                                              signer_title=data["signer_title"], signer_name=data["signer_name"], place=data["place"],
                                              blank=data["blank"], pdf=data["pdf"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("documents:job_detail", pk=job.pk)
    jobs = selectors.jobs_visible_to(request.user)[:10]
    return render(request, "documents/certificate_print.html", {"form": form, "jobs": jobs, "pdf_available": rendering.pdf_available()})
