"""Bulk generation in the background: a batch of certificates (and a decision with its list) queued by a user, made by
the worker with its progress, downloaded from the job's page; bad input refused at once; a failure shown in Vietnamese."""

from __future__ import annotations

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError, Forbidden
from tdkt.documents import certificates as c
from tdkt.documents import jobs, kinds
from tdkt.documents.models import DocumentJob, JobStatus

from .docxcheck import lines, open_docx


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


def test_a_batch_of_certificates_is_made_in_the_background_with_its_progress(tree, personas, client, django_capture_on_commit_callbacks):
    officer = personas["officer_a"]
    seen = []
    with django_capture_on_commit_callbacks(execute=True):
        job = jobs.job_start_certificates(actor=officer, unit=tree.ward_a, title="Giấy khen năm 2025", recipients=c.sample_recipients(250),
                                          issue=c.sample_issue())
        seen.append(DocumentJob.objects.get(pk=job.pk).status)
    job.refresh_from_db()
    assert seen == [JobStatus.QUEUED]
    assert job.status == JobStatus.DONE and job.processed == job.total == 500 and job.percent == 100
    assert job.payload["issue"]["date"] == {"$date": "2026-01-05"}
    client.force_login(officer)
    page = client.get(reverse("documents:job_detail", args=[job.pk])).content.decode()
    assert "Tải bản Word (.docx)" in page and "Tải bản PDF" in page and "100%" in page
    docx = b"".join(client.get(reverse("documents:job_download", args=[job.pk, "docx"])).streaming_content)
    assert docx.startswith(b"PK")
    pdf = client.get(reverse("documents:job_download", args=[job.pk, "pdf"]))
    assert pdf["Content-Type"] == "application/pdf" and "Gi%E1%BA%A5y%20khen" in pdf["Content-Disposition"]


def test_progress_is_reported_while_the_pages_are_made(tree, personas, monkeypatch):
    reported = []
    original = jobs._progress

    def watching(job_id, offset=0):
        report = original(job_id, offset)

        def wrapped(done):
            report(done)
            reported.append(DocumentJob.objects.get(pk=job_id).processed)

        return wrapped

    monkeypatch.setattr(jobs, "_progress", watching)
    job = jobs.job_start_certificates(actor=personas["officer_a"], unit=tree.ward_a, title="Giấy khen", recipients=c.sample_recipients(300),
                                      issue=c.sample_issue())
    jobs.job_execute(actor=system_actor(), job_id=job.pk)
    assert reported == [100, 200, 300, 400, 500, 600]


def test_a_decision_with_its_list_is_made_in_the_background(tree, personas, settings):
    settings.TDKT_SOFFICE = "/khong/co/soffice"
    job = jobs.job_start_document(actor=personas["appraiser"], unit=tree.ward_a, kind="decision", context=kinds.get("decision").sample())
    job = jobs.job_execute(actor=system_actor(), job_id=job.pk)
    assert job.status == JobStatus.DONE and not job.pdf_file
    assert "chưa cài LibreOffice" in job.pdf_note
    with job.docx_file.open("rb") as handle:
        assert "Số: 05/QĐ-UBND" in lines(open_docx(handle.read()))


def test_bad_input_is_refused_before_anything_is_queued(tree, personas):
    with pytest.raises(DomainError, match="Dòng 2: thiếu tên người"):
        jobs.job_start_certificates(actor=personas["officer_a"], unit=tree.ward_a, title="x", recipients=[{"recipient": "Ông A"}, {}],
                                    issue=c.sample_issue())
    with pytest.raises(DomainError, match="Thiếu thông tin để lập quyết định khen thưởng"):
        jobs.job_start_document(actor=personas["officer_a"], unit=tree.ward_a, kind="decision", context={**kinds.get("decision").sample(), "grounds": []})
    with pytest.raises(Forbidden, match="Bạn không có quyền tạo văn bản hàng loạt cho đơn vị “Phường Láng”"):
        jobs.job_start_certificates(actor=personas["officer_a"], unit=tree.ward_b, title="x", recipients=c.sample_recipients(1), issue=c.sample_issue())
    assert not DocumentJob.objects.exists()


def test_a_job_that_fails_says_why_and_a_second_worker_does_not_run_it_again(tree, personas, monkeypatch):
    job = jobs.job_start_document(actor=personas["officer_a"], unit=tree.ward_a, kind="ballot", context=kinds.get("ballot").sample())

    def broken(*args, **kwargs):
        raise DomainError("Mẫu “Phiếu bầu” có lỗi ở thẻ trộn dữ liệu: thiếu thẻ đóng.")

    monkeypatch.setattr(jobs.rendering, "render_docx", broken)
    job = jobs.job_execute(actor=system_actor(), job_id=job.pk)
    assert job.status == JobStatus.FAILED and "thiếu thẻ đóng" in job.error
    assert jobs.job_execute(actor=system_actor(), job_id=job.pk) is None


def test_dates_survive_the_json_round_trip():
    value = {"date": dt.date(2026, 2, 9), "rows": [{"d": dt.date(2025, 1, 1)}], "n": 5}
    assert jobs.decode(jobs.encode(value)) == value
