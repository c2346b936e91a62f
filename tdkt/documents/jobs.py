"""Bulk generation in the background (DESIGN.md §3: long work never hangs a page): a batch of certificates, or one
document with a long list (a decision with 2,000 recipients), made by a worker with a progress bar.

    job_start_certificates(actor=, unit=, title=, recipients=, issue=, form=, subject=, blank=False, pdf=True)
    job_start_document(actor=, unit=, kind=, context=, title=, pdf=True)
    job_execute(actor=system, job_id=)  — the task's body: claim, make the files, finish (or fail with the reason)

The input is checked when the job is started (a bad list is refused at once, in Vietnamese, and nothing is queued);
the task is enqueued after commit. Without LibreOffice a document job still gives its .docx, with a note saying why
there is no PDF (certificates' PDFs are drawn directly and need only the fonts).
"""

from __future__ import annotations

import datetime as dt
import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from tdkt.core import workflow
from tdkt.core.errors import DomainError, Forbidden

from . import certificates, kinds, rendering, services
from .models import CertificateForm, CertificateSubject, DocumentJob
from .permissions import can_start_job
from .workflow import DOCUMENT_JOB

log = logging.getLogger(__name__)
MAX_RECIPIENTS = 20_000


def encode(value):
    """JSON form of a context: dates as {"$date": "YYYY-MM-DD"}."""
    if isinstance(value, dt.date):
        return {"$date": value.isoformat()}
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [encode(v) for v in value]
    return value


def decode(value):
    if isinstance(value, dict):
        if set(value) == {"$date"}:
            return dt.date.fromisoformat(value["$date"])
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def _start(*, actor, unit, kind: str, title: str, payload: dict, total: int) -> DocumentJob:
    if not can_start_job(actor, unit):
        raise Forbidden(f"Bạn không có quyền tạo văn bản hàng loạt cho đơn vị “{unit.name}”.")
    from .tasks import document_job_task

    job = DocumentJob(unit=unit, kind=kind, title=title[:255], payload=encode(payload), total=total, requested_by=actor)
    workflow.create(actor=actor, obj=job, action="start", workflow=DOCUMENT_JOB, data={"kind": kind, "unit": unit.code, "total": total},
                    on_commit=[lambda: document_job_task.enqueue(job_id=job.pk)])
    return job


def job_start_certificates(*, actor, unit, title: str, recipients: list[dict], issue: dict, form: str = CertificateForm.GIAY_KHEN,
                           subject: str = CertificateSubject.INDIVIDUAL, blank: bool = False, pdf: bool = True) -> DocumentJob:
    recipients = list(recipients)
    if len(recipients) > MAX_RECIPIENTS:
        raise DomainError(f"Mỗi lượt in tối đa {MAX_RECIPIENTS:,} giấy khen.".replace(",", "."))
    certificates.pages(recipients, issue=issue)  # a bad list is refused now, not in the worker
    payload = {"recipients": recipients, "issue": issue, "form": form, "subject": subject, "blank": bool(blank), "pdf": bool(pdf)}
    return _start(actor=actor, unit=unit, kind="certificates", title=title, payload=payload,
                  total=len(recipients) * (2 if pdf else 1))


def job_start_document(*, actor, unit, kind: str, context: dict, title: str = "", pdf: bool = True) -> DocumentJob:
    document_kind = kinds.get(kind)
    document_kind.prepare(context)  # a bad context is refused now
    return _start(actor=actor, unit=unit, kind=kind, title=title or document_kind.name, payload={"context": context, "pdf": bool(pdf)},
                  total=2 if pdf else 1)


def _progress(job_id: int, offset: int = 0):
    def report(done: int) -> None:
        DocumentJob.objects.filter(pk=job_id).update(processed=offset + done)

    return report


def _make(job: DocumentJob) -> dict:
    """The job's files: {"docx_file": ContentFile, "pdf_file": ContentFile | None, "pdf_note": str}."""
    payload = decode(job.payload)
    stem = f"{job.kind}-{job.pk}"
    if job.kind == "certificates":
        layout = services.layout_for(job.unit, form=payload["form"], subject=payload["subject"])
        n = len(payload["recipients"])
        args = {"issue": payload["issue"], "blank": payload["blank"]}
        docx = certificates.certificates(payload["recipients"], layout, progress=_progress(job.pk), **args)
        DocumentJob.objects.filter(pk=job.pk).update(processed=n)
        pdf = certificates.certificates_pdf(payload["recipients"], layout, progress=_progress(job.pk, n), **args) if payload["pdf"] else None
        return {"docx": ContentFile(docx, name=f"giay-khen-{job.pk}.docx"), "pdf": pdf and ContentFile(pdf, name=f"giay-khen-{job.pk}.pdf"),
                "note": ""}
    docx = rendering.render_docx(job.kind, payload["context"])
    DocumentJob.objects.filter(pk=job.pk).update(processed=1)
    pdf, note = None, ""
    if payload["pdf"]:
        try:
            pdf = rendering.to_pdf(docx)
        except DomainError as exc:
            note = exc.message
    return {"docx": ContentFile(docx, name=f"{stem}.docx"), "pdf": pdf and ContentFile(pdf, name=f"{stem}.pdf"), "note": note}


def job_execute(*, actor, job_id: int) -> DocumentJob | None:
    job = DocumentJob.objects.select_related("unit").filter(pk=job_id).first()
    if job is None:
        return None
    try:
        workflow.transition(actor=actor, obj=job, action="claim", workflow=DOCUMENT_JOB)
    except workflow.TransitionError:
        return None  # another worker has it, or it is no longer queued
    try:
        made = _make(job)
        job.docx_file.save(made["docx"].name, made["docx"], save=False)
        if made["pdf"] is not None:
            job.pdf_file.save(made["pdf"].name, made["pdf"], save=False)
        workflow.transition(actor=actor, obj=job, action="finish", workflow=DOCUMENT_JOB, data={"total": job.total},
                            changes={"processed": job.total, "finished_at": timezone.now(), "docx_file": job.docx_file.name,
                                     "pdf_file": job.pdf_file.name if made["pdf"] is not None else "", "pdf_note": made["note"][:500]})
    except Exception as exc:  # the job is failed with the reason; the worker itself does not crash
        log.exception("document job %s failed", job_id)
        message = exc.message if isinstance(exc, DomainError) else f"Lỗi khi tạo văn bản: {exc}"
        with transaction.atomic():
            workflow.transition(actor=actor, obj=job, action="fail", workflow=DOCUMENT_JOB, reason=message[:2000],
                                changes={"finished_at": timezone.now(), "error": message[:2000]})
    job.refresh_from_db()
    return job
