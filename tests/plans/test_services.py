"""Services of the plans app: create and its refusals, numbering from the order, sections moved and removed, the two
copies, the key tasks' late status, the lead unit's progress (only its own), the issue and what it fixes; the audit."""

from __future__ import annotations

import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent
from tdkt.plans import numbering, selectors, services
from tdkt.plans.models import LATE, KeyTask, Plan, TaskStatus
from tests import upload_samples


def labels(plan):
    return [n.label for n in selectors.outline_of(plan)]


def test_it_creates_a_draft_for_the_calendar_year_and_audits_it(tree, appraiser):
    plan = services.plan_create(actor=appraiser, issuer=tree.ward_a, year=2026)
    assert (plan.title, plan.period_start, plan.period_end) == ("Công tác thi đua, khen thưởng năm 2026", dt.date(2026, 1, 1),
                                                                dt.date(2026, 12, 31))
    assert AuditEvent.objects.filter(action="plans.plan.created", target_id=str(plan.pk)).exists()


@pytest.mark.parametrize("persona", ["officer_a", "chair", "council_member", "no_role"])
def test_only_the_standing_office_creates_a_plan(tree, personas, persona):
    with pytest.raises(Forbidden):
        services.plan_create(actor=personas[persona], issuer=tree.ward_a, year=2026)
    assert not Plan.objects.exists()


def test_another_wards_office_may_not_create_its_plan(tree, appraiser):
    with pytest.raises(Forbidden, match="Phường Láng"):
        services.plan_create(actor=appraiser, issuer=tree.ward_b, year=2026)


@pytest.mark.parametrize("kwargs,message", [
    ({"year": 1999}, "Năm kế hoạch"), ({"year": 2026, "period_start": dt.date(2026, 5, 1), "period_end": dt.date(2026, 1, 1)}, "ngày kết thúc"),
])
def test_bad_input_is_refused_in_vietnamese_and_changes_nothing(tree, appraiser, kwargs, message):
    with pytest.raises(DomainError, match=message):
        services.plan_create(actor=appraiser, issuer=tree.ward_a, **kwargs)
    assert not Plan.objects.exists()


def test_one_plan_per_level_and_year_and_only_of_a_government_level(tree, admin_user):
    services.plan_create(actor=admin_user, issuer=tree.ward_a, year=2026)
    with pytest.raises(DomainError, match="đã có kế hoạch"):
        services.plan_create(actor=admin_user, issuer=tree.ward_a, year=2026)
    with pytest.raises(DomainError, match="không phải một cấp chính quyền"):
        services.plan_create(actor=admin_user, issuer=tree.school_a, year=2026)


def test_numbers_come_from_the_order_and_follow_a_move_and_a_removal(tree, appraiser):
    plan = services.plan_create(actor=appraiser, issuer=tree.ward_a, year=2026)
    services.section_add(actor=appraiser, plan=plan, title="Mục đích, yêu cầu")
    two = services.section_add(actor=appraiser, plan=plan, title="Nhiệm vụ")
    sub = services.section_add(actor=appraiser, plan=plan, parent=two, title="Khen thưởng")
    item = services.section_add(actor=appraiser, plan=plan, parent=sub, body="Khen thưởng kịp thời.")
    point = services.section_add(actor=appraiser, plan=plan, parent=item, body="Điểm thứ nhất.")
    assert labels(plan) == ["I.", "II.", "1.", "1.1.", "a)"]
    with pytest.raises(DomainError, match="bốn cấp"):
        services.section_add(actor=appraiser, plan=plan, parent=point, body="Quá sâu")
    services.section_move(actor=appraiser, section=two, direction="up")
    assert [n.section.title for n in selectors.outline_of(plan)][:1] == ["Nhiệm vụ"]
    with pytest.raises(DomainError, match="đầu tiên"):
        services.section_move(actor=appraiser, section=two, direction="up")
    services.section_remove(actor=appraiser, section=two)
    assert labels(plan) == ["I."] and plan.sections.count() == 1
    assert AuditEvent.objects.filter(action="plans.section.removed").get().data["removed"][1]["title"] == "Khen thưởng"
    with pytest.raises(DomainError, match="tiêu đề hoặc nội dung"):
        services.section_add(actor=appraiser, plan=plan, title=" ", body="")


def test_roman_numerals_and_points():
    assert [numbering.roman(n) for n in (1, 4, 9, 14)] == ["I", "IV", "IX", "XIV"]
    assert numbering.roman_value("III") == 3 and numbering.roman_value("IIII") is None
    assert numbering.label((3, 1, 2, 5)) == "đ)"


def test_a_copy_from_last_year_moves_the_dates_and_resets_the_statuses(tree, admin_user, issued_seed_plan):
    task = issued_seed_plan.key_tasks.order_by("position").first()
    services.key_task_progress(actor=admin_user, task=task, status=TaskStatus.DONE, note="Đã ban hành.")
    copy = services.plan_copy(actor=admin_user, source=issued_seed_plan, issuer=tree.district, year=2026)
    assert copy.status == "draft" and copy.copied_from == issued_seed_plan and copy.title == "Công tác thi đua, khen thưởng năm 2026"
    assert labels(copy) == labels(issued_seed_plan)
    first = copy.key_tasks.order_by("position").first()
    assert (first.due_on, first.status) == (dt.date(2026, 3, 31), TaskStatus.NOT_STARTED)
    assert copy.council_items.count() == issued_seed_plan.council_items.count()
    assert copy.period_start == dt.date(2026, 1, 1)
    with pytest.raises(DomainError, match="năm trước"):
        services.plan_copy(actor=admin_user, source=copy, issuer=tree.district, year=2026)


def test_a_ward_plan_copied_from_the_citys_implements_it(tree, appraiser, city_plan):
    ward = services.plan_copy(actor=appraiser, source=city_plan, issuer=tree.ward_a, year=2026, cascade=True)
    assert ward.implements == city_plan and labels(ward) == ["I.", "1."]
    task = ward.key_tasks.get()
    assert (task.lead_unit, task.lead_name, task.due_on) == (None, "Phường Đống Đa", dt.date(2026, 6, 30))
    assert ward.council_items.count() == 0  # the city's council's programme is its own
    assert selectors.higher_plan(tree.ward_a, 2026) == city_plan
    with pytest.raises(DomainError, match="không phải cấp trên"):
        services.plan_copy(actor=appraiser, source=ward, issuer=tree.ward_a, year=2026, cascade=True)


def test_a_task_past_its_deadline_and_not_done_is_late(tree, city_plan):
    task = city_plan.key_tasks.get()
    assert task.display_status(dt.date(2026, 6, 30)) == TaskStatus.NOT_STARTED
    assert task.display_status(dt.date(2026, 7, 1)) == LATE and task.display_status_label(dt.date(2026, 7, 1)) == "Chậm tiến độ"
    task.status = TaskStatus.DONE
    assert task.display_status(dt.date(2026, 7, 1)) == TaskStatus.DONE


def test_the_lead_units_officer_updates_its_own_task_with_evidence(tree, officer_a, officer_b, city_plan):
    task = city_plan.key_tasks.get()  # led by ward A
    evidence = SimpleUploadedFile("Báo cáo.pdf", upload_samples.pdf_bytes("Bao cao"), content_type="application/pdf")
    update = services.key_task_progress(actor=officer_a, task=task, status=TaskStatus.IN_PROGRESS, note="Đã xây dựng kế hoạch hội nghị.",
                                        evidence=evidence)
    assert update.evidence_filename == "Báo cáo.pdf" and KeyTask.objects.get(pk=task.pk).status == TaskStatus.IN_PROGRESS
    assert AuditEvent.objects.filter(action="plans.key_task.progress").exists()
    with pytest.raises(Forbidden, match="đơn vị chủ trì"):
        services.key_task_progress(actor=officer_b, task=task, status=TaskStatus.DONE, note="Xong.")
    with pytest.raises(DomainError, match="Trạng thái"):
        services.key_task_progress(actor=officer_a, task=task, status="late", note="Xong.")
    assert task.updates.count() == 1


def test_an_issued_plan_is_fixed_but_its_tasks_progress(tree, admin_user, city_plan):
    with pytest.raises(DomainError, match="đã ban hành"):
        services.section_add(actor=admin_user, plan=city_plan, title="Thêm")
    with pytest.raises(DomainError, match="đã ban hành"):
        services.plan_update(actor=admin_user, plan=city_plan, title="Khác")
    services.key_task_progress(actor=admin_user, task=city_plan.key_tasks.get(), status=TaskStatus.DONE, note="Đã tổ chức.")


def test_the_issue_is_refused_while_the_check_refuses(tree, admin_user, seed_plan):
    services.plan_update(actor=admin_user, plan=seed_plan, closing="Báo cáo trước ngày 15/01/2024.")
    with pytest.raises(DomainError, match="15/01/2024") as caught:
        services.plan_issue(actor=admin_user, plan=seed_plan, number=5, issued_on=dt.date(2024, 12, 20))
    assert caught.value.code == "plan_check"
    assert Plan.objects.get(pk=seed_plan.pk).status == "draft"


def test_a_programme_item_links_to_a_session_of_the_plans_level_only(tree, admin_user, city_plan):
    from tdkt.core.actors import system_actor
    from tdkt.council.models import CouncilSession
    from tdkt.org.models import Council

    council = Council.objects.create(unit=tree.ward_a, kind="tdkt", name="Hội đồng TĐKT phường Đống Đa")
    session = CouncilSession.objects.create(council=council, title="Phiên họp", held_on=dt.date(2026, 12, 20), created_by=system_actor())
    item = city_plan.council_items.get()
    with pytest.raises(DomainError, match="Thành phố Hà Nội"):
        services.council_item_link(actor=admin_user, item=item, session=session)
