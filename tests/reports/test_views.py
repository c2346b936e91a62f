"""The pages under /bao-cao/: start form, run page with progress, results and download; scoping by unit."""

from __future__ import annotations

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.core.actors import system_actor
from tdkt.reports import services
from tdkt.reports.models import BatchRun, BatchRunStatus
from tests.spreadsheets import table_rows

from .conftest import make_people


@pytest.fixture
def done_run(tree, officer_a, media):
    make_people(tree.school_a, 60, year=tree.year, seed=31)
    run = BatchRun.objects.create(unit=tree.ward_a, year=tree.year, requested_by=officer_a)
    return services.batch_run_execute(actor=system_actor(), run_id=run.pk)


def test_it_shows_the_start_form_with_the_units_of_the_user(client, officer_a, tree):
    client.force_login(officer_a)
    response = client.get(reverse("reports:batch_start"))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Xét điều kiện hàng loạt" in html
    assert "Phường Đống Đa" in html and "Trường THCS Đống Đa" in html
    assert "Phường Láng" not in html


def test_it_starts_a_run_and_redirects_to_its_page(client, officer_a, tree, immediate_tasks, media, django_capture_on_commit_callbacks):
    client.force_login(officer_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("reports:batch_start"), {"unit": tree.ward_a.pk, "year": tree.year})
    run = BatchRun.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reports:batch_detail", args=[run.pk])
    run.refresh_from_db()
    assert run.status == BatchRunStatus.DONE and run.requested_by == officer_a


def test_it_refuses_to_start_a_run_for_another_ward(client, officer_b, tree):
    client.force_login(officer_b)
    response = client.post(reverse("reports:batch_start"), {"unit": tree.ward_a.pk, "year": tree.year})
    assert response.status_code == 200
    assert "Đơn vị không thuộc phạm vi được giao." in response.content.decode()
    assert not BatchRun.objects.exists()


def test_it_forbids_the_start_page_without_a_ledger_role(client, personas):
    client.force_login(personas["editor"])
    assert client.get(reverse("reports:batch_start")).status_code == 403


def test_it_shows_a_polling_progress_bar_while_the_run_is_queued(client, officer_a, tree):
    run = BatchRun.objects.create(unit=tree.ward_a, year=tree.year, requested_by=officer_a, total=40, processed=10)
    client.force_login(officer_a)
    page = client.get(reverse("reports:batch_detail", args=[run.pk])).content.decode()
    assert 'hx-trigger="every 1s"' in page and "progress-bar" in page
    response = client.get(reverse("reports:batch_progress", args=[run.pk]), headers={"HX-Request": "true"})
    fragment = response.content.decode()
    assert response.status_code == 200
    assert fragment.lstrip().startswith('<div id="batch-progress"')
    assert "<html" not in fragment
    assert "Đã xét <strong>10</strong>/40 cá nhân" in fragment and 'aria-valuenow="25"' in fragment
    assert 'hx-trigger="every 1s"' in fragment
    assert "HX-Refresh" not in response


def test_it_stops_polling_and_reloads_when_the_run_is_done(client, officer_a, done_run):
    client.force_login(officer_a)
    response = client.get(reverse("reports:batch_progress", args=[done_run.pk]), headers={"HX-Request": "true"})
    assert response["HX-Refresh"] == "true"
    assert "every 1s" not in response.content.decode()


def test_it_shows_the_summary_and_filters_people_by_title_and_verdict(client, officer_a, done_run):
    client.force_login(officer_a)
    url = reverse("reports:batch_detail", args=[done_run.pk])
    html = client.get(url).content.decode()
    assert "Tổng hợp" in html and "Lao động tiên tiến" in html and "Tải danh sách (.xlsx)" in html
    eligible = done_run.summary["CSTDCS"]["eligible"]
    assert eligible > 0
    filtered = client.get(url, {"code": "CSTDCS", "verdict": "eligible"}).content.decode()
    assert f"{eligible} cá nhân" in filtered
    assert "Trang 1/2" in client.get(url).content.decode()  # 63 people, 50 a page


def test_it_downloads_the_xlsx(client, officer_a, done_run):
    client.force_login(officer_a)
    response = client.get(reverse("reports:batch_download", args=[done_run.pk]))
    assert response.status_code == 200
    assert 'filename="xet-dieu-kien-phuong_dong_da' in response["Content-Disposition"]
    import io

    ws = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    rows = table_rows(ws)
    assert rows[0][1] == "Họ và tên" and len(rows) == 64


@pytest.mark.parametrize("name", ["batch_detail", "batch_progress", "batch_download"])
def test_it_hides_the_runs_of_another_ward(client, officer_b, done_run, name):
    client.force_login(officer_b)
    assert client.get(reverse(f"reports:{name}", args=[done_run.pk])).status_code == 404


def test_it_lets_the_province_admin_see_the_run(client, admin_user, done_run):
    client.force_login(admin_user)
    assert client.get(reverse("reports:batch_detail", args=[done_run.pk])).status_code == 200


def test_it_shows_a_run_whose_requester_account_is_gone(client, tree, officer_a, admin, media):
    run = BatchRun.objects.create(unit=tree.ward_a, year=tree.year, requested_by=None)
    client.force_login(admin)
    assert "Yêu cầu bởi hệ thống" in client.get(reverse("reports:batch_detail", args=[run.pk])).content.decode()
    assert client.get(reverse("reports:batch_start")).status_code == 200
