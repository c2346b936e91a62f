"""The certificate printing page: the recipients of one decision from the ledger (in their order, revoked awards left
out), printed by a background job; nothing to print is said in Vietnamese."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.urls import reverse

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.documents import printing
from tdkt.documents.models import DocumentJob, JobStatus
from tdkt.records import services as record_services
from tdkt.records.models import AwardRecord

from .docxcheck import open_docx
from .test_certificates import frames, texts


@pytest.fixture(autouse=True)
def _immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}


@pytest.fixture
def decision(tree):
    """Decision 05/QĐ-UBND of ward A: LĐTT for Bình, An and Cường (Cường's revoked), and one collective award."""
    day = dt.date(tree.year + 1, 1, 5)
    made = [AwardRecord.objects.create(person=p, award_code="LDTT", year=tree.year, decision_number="05/QĐ-UBND", decision_date=day,
                                       issuer=tree.ward_a, issuer_name="UBND phường Đống Đa") for p in (tree.binh, tree.an, tree.cuong)]
    record_services.award_revoke(actor=system_actor(), award=made[2], on=day, reason="Kê khai không đúng")
    AwardRecord.objects.create(unit=tree.school_a, award_code="TTLDTT", year=tree.year, decision_number="05/QĐ-UBND", decision_date=day,
                               issuer=tree.ward_a)
    return day


def test_the_recipients_come_from_the_ledger_in_the_decisions_order(tree, decision):
    people, day = printing.recipients_of(unit=tree.ward_a, decision_number="05/QĐ-UBND", subject="individual")
    assert day == decision
    assert [(p["recipient"], p["order"]) for p in people] == [("Bà Trần Thị Bình", 1), ("Ông Nguyễn Văn An", 2)]
    assert people[1]["position"] == "Giáo viên, Trường THCS Đống Đa"
    assert people[1]["achievement"] == f"Đã có thành tích xuất sắc, được tặng danh hiệu “Lao động tiên tiến” năm {tree.year}"
    units, _ = printing.recipients_of(unit=tree.ward_a, decision_number="05/QĐ-UBND", subject="collective")
    assert [u["recipient"] for u in units] == ["Trường THCS Đống Đa"] and units[0]["position"] == "Phường Đống Đa"


@pytest.mark.parametrize(("number", "subject", "message"), [
    ("99/QĐ-UBND", "individual", "Không có khen thưởng nào (còn hiệu lực) của Phường Đống Đa theo quyết định số 99/QĐ-UBND"),
    ("", "individual", "Hãy nhập số quyết định"),
    ("05/QĐ-UBND", "thon", "Đối tượng “thon” không có"),
])
def test_nothing_to_print_is_said_in_vietnamese(tree, decision, number, subject, message):
    with pytest.raises(DomainError, match=re.escape(message)):
        printing.recipients_of(unit=tree.ward_a, decision_number=number, subject=subject)


def test_the_page_prints_a_decisions_certificates_in_the_background(client, tree, personas, decision, django_capture_on_commit_callbacks):
    client.force_login(personas["officer_a"])
    url = reverse("documents:certificate_print")
    page = client.get(url)
    assert page.status_code == 200 and "In giấy khen, bằng khen" in page.content.decode()
    form = {"unit": tree.ward_a.pk, "decision_number": "05/QĐ-UBND", "form": "giay_khen", "subject": "individual",
            "authority": "Chủ tịch Ủy ban nhân dân phường Đống Đa", "signer_title": "Chủ tịch", "signer_name": "Nguyễn Thị Hồng Nhung",
            "place": "Hà Nội", "pdf": "on"}
    nothing = client.post(url, {**form, "decision_number": "99/QĐ-UBND"})
    assert "Không có khen thưởng nào" in nothing.content.decode() and not DocumentJob.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url, form)
    job = DocumentJob.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("documents:job_detail", args=[job.pk])
    assert job.status == JobStatus.DONE and job.title == "Giấy khen theo quyết định số 05/QĐ-UBND (2 trang)"
    with job.docx_file.open("rb") as handle:
        pages = frames(open_docx(handle.read()))
    assert [texts(p)[3] for p in pages] == ["Bà Trần Thị Bình", "Ông Nguyễn Văn An"]
    assert f"Số quyết định: 05/QĐ-UBND, ngày {decision:%d/%m/%Y}" in texts(pages[0]) and "Số sổ vàng: 2" in texts(pages[1])
