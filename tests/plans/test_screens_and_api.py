"""The plan screens with the Django client (list, create blank and by copy, the page with its sections, badges, findings
and forms, the lead unit's update, the document page and downloads) and the API (list, create, detail, sections, key
tasks, progress, council items, check); the OpenAPI schema lists the endpoints."""

from __future__ import annotations

import datetime as dt
import json

from django.urls import reverse

from tdkt.plans import services
from tdkt.plans.models import Plan, TaskStatus


def test_the_office_creates_a_plan_from_the_screen_and_bad_input_changes_nothing(client, tree, appraiser):
    client.force_login(appraiser)
    page = client.get(reverse("plans:create"))
    assert page.status_code == 200 and "Sao chép từ kế hoạch năm trước" in page.content.decode()
    bad = client.post(reverse("plans:create"), {"issuer": tree.ward_a.pk, "year": "abc", "source": "blank"})
    assert "Năm phải là một số." in bad.content.decode() and not Plan.objects.exists()
    missing = client.post(reverse("plans:create"), {"issuer": tree.ward_a.pk, "year": 2026, "source": "last_year"})
    assert "chưa có kế hoạch năm 2025" in missing.content.decode() and not Plan.objects.exists()
    done = client.post(reverse("plans:create"), {"issuer": tree.ward_a.pk, "year": 2026, "source": "blank"})
    plan = Plan.objects.get()
    assert done.status_code == 302 and done["Location"] == reverse("plans:detail", args=[plan.pk])


def test_a_ward_plan_copied_from_the_citys_on_the_screen(client, tree, appraiser, city_plan):
    client.force_login(appraiser)
    client.post(reverse("plans:create"), {"issuer": tree.ward_a.pk, "year": 2026, "source": "higher"})
    assert Plan.objects.get(issuer=tree.ward_a).implements == city_plan


def test_the_plan_page_shows_the_numbered_sections_the_badges_and_the_findings(client, tree, admin_user, seed_plan):
    services.plan_update(actor=admin_user, plan=seed_plan, closing="Báo cáo trước ngày 15/01/2024.")
    client.force_login(admin_user)
    html = client.get(reverse("plans:detail", args=[seed_plan.pk])).content.decode()
    assert 'data-label="IV."' in html and 'data-label="1.1."' in html
    assert 'data-code="deadline_before_period"' in html and 'data-status="late"' in html  # 2025's deadlines are past
    assert "Phụ lục II" in html and 'data-testid="month-12"' in html
    document = client.get(reverse("plans:document", args=[seed_plan.pk])).content.decode()
    assert "15/01/2024" in document and 'data-testid="docx"' not in document
    refused = client.get(reverse("plans:download", args=[seed_plan.pk, "docx"]))
    assert refused.status_code == 302


def test_sections_are_added_moved_and_saved_from_the_page(client, tree, appraiser):
    plan = services.plan_create(actor=appraiser, issuer=tree.ward_a, year=2026)
    client.force_login(appraiser)
    client.post(reverse("plans:section_add", args=[plan.pk]), {"title": "Mục đích", "body": ""})
    client.post(reverse("plans:section_add", args=[plan.pk]), {"title": "Nhiệm vụ", "body": ""})
    second = plan.sections.get(title="Nhiệm vụ")
    client.post(reverse("plans:section_act", args=[plan.pk, second.pk]), {"action": "up"})
    assert list(plan.sections.order_by("position").values_list("title", flat=True)) == ["Nhiệm vụ", "Mục đích"]
    client.post(reverse("plans:section_act", args=[plan.pk, second.pk]), {"action": "save", "title": "Nhiệm vụ, giải pháp", "body": "Nội dung"})
    second.refresh_from_db()
    assert (second.title, second.body) == ("Nhiệm vụ, giải pháp", "Nội dung")
    empty = client.post(reverse("plans:section_add", args=[plan.pk]), {"title": "", "body": ""}, follow=True)
    assert "Vui lòng nhập tiêu đề hoặc nội dung" in empty.content.decode() and plan.sections.count() == 2


def test_the_lead_units_officer_updates_its_task_on_the_screen(client, tree, officer_a, officer_b, city_plan):
    task = city_plan.key_tasks.get()
    client.force_login(officer_a)
    page = client.get(reverse("plans:task_detail", args=[city_plan.pk, task.pk]))
    assert page.status_code == 200 and "Cập nhật tiến độ" in page.content.decode()
    client.post(reverse("plans:task_detail", args=[city_plan.pk, task.pk]), {"status": "done", "note": "Đã tổ chức hội nghị."})
    task.refresh_from_db()
    assert task.status == TaskStatus.DONE
    client.force_login(officer_b)
    assert client.get(reverse("plans:detail", args=[city_plan.pk])).status_code == 200  # a ward reads the city's plan
    assert client.post(reverse("plans:task_detail", args=[city_plan.pk, task.pk]), {"status": "in_progress", "note": "x"}).status_code == 403


def test_the_docx_download(client, admin_user, issued_seed_plan):
    client.force_login(admin_user)
    response = client.get(reverse("plans:download", args=[issued_seed_plan.pk, "docx"]))
    assert response.status_code == 200 and response.content.startswith(b"PK")
    assert "ke-hoach-tdkt-2025-quan_dong_da.docx" in response["Content-Disposition"]


def _api(client, method, url, body=None):
    return getattr(client, method)(url, data=json.dumps(body or {}), content_type="application/json")


def test_the_api_creates_and_fills_a_plan(client, tree, appraiser, officer_a):
    client.force_login(appraiser)
    created = _api(client, "post", reverse("plans_api:plans"), {"issuer": "phuong_dong_da", "year": 2026})
    assert created.status_code == 201
    pk = created.json()["id"]
    assert _api(client, "post", reverse("plans_api:sections", args=[pk]), {"title": "Mục đích, yêu cầu"}).json()[0]["label"] == "I."
    task = _api(client, "post", reverse("plans_api:key-tasks", args=[pk]), {"title": "Hội nghị", "lead_unit": "phuong_dong_da",
                                                                           "due_on": "2099-06-30"})
    assert task.status_code == 201 and task.json()["status"] == "not_started"
    assert _api(client, "post", reverse("plans_api:council-items", args=[pk]), {"month": 13, "title": "x", "in_charge": "y"}).status_code == 400
    assert _api(client, "post", reverse("plans_api:council-items", args=[pk]), {"month": 12, "title": "Họp", "in_charge": "Chủ tịch"}).status_code == 201
    bad = _api(client, "patch", reverse("plans_api:plan", args=[pk]), {"title": ""})
    assert bad.status_code == 400 and "trích yếu" in bad.json()["error"]
    detail = client.get(reverse("plans_api:plan", args=[pk])).json()
    assert [s["label"] for s in detail["sections"]] == ["I."] and len(detail["key_tasks"]) == 1 and len(detail["council_items"]) == 1
    client.force_login(officer_a)
    progress = _api(client, "post", reverse("plans_api:progress", args=[pk, task.json()["id"]]), {"status": "in_progress", "note": "Đang chuẩn bị."})
    assert progress.status_code == 200 and progress.json()["status"] == "in_progress"


def test_the_api_check_reports_the_findings(client, admin_user, seed_plan):
    services.plan_update(actor=admin_user, plan=seed_plan, title="Công tác thi đua, khen thưởng năm 2024")
    client.force_login(admin_user)
    findings = client.get(reverse("plans_api:check", args=[seed_plan.pk])).json()
    assert {"code": "title_year", "severity": "refuse"}.items() <= findings[0].items()


def test_the_schema_lists_the_plan_endpoints(client, db):
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").content.decode()
    for path in ("/api/v1/plans", "/api/v1/plans/{id}", "/api/v1/plans/{id}/key-tasks", "/api/v1/plans/{id}/key-tasks/{task}/progress",
                 "/api/v1/plans/{id}/council-items", "/api/v1/plans/{id}/sections", "/api/v1/plans/{id}/check"):
        assert f'"{path}"' in schema


def test_a_late_task_is_late_in_the_api(client, admin_user, city_plan):
    client.force_login(admin_user)
    task = city_plan.key_tasks.get()
    task.due_on = dt.date(2020, 1, 1)
    task.save()
    assert client.get(reverse("plans_api:key-tasks", args=[city_plan.pk])).json()[0]["status"] == "late"
