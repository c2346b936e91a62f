"""The consistency check: the seed's plan as the demo enters it has no slip; each of the seed's own slips, reintroduced in
a copy of the data, is refused with its code (the district's name spelt Đông Đa, the plan year written 2024 for 2025,
the report deadline 15/01/2024 before the plan year, two parts numbered III.), and the other findings."""

from __future__ import annotations

import copy
import datetime as dt

import pytest

from tdkt.demo import plans as seed
from tdkt.plans import check, services
from tdkt.plans.check import core_name


def codes(plan):
    return {f.code: f for f in check.check_plan(plan)}


def test_the_seed_plan_as_entered_has_no_finding(issued_seed_plan):
    assert check.check_plan(issued_seed_plan) == []


def test_the_district_name_misspelt_is_refused_and_says_where(tree, admin_user):
    sections = copy.deepcopy(seed.SECTIONS)
    title, body, children = sections[0][2][0]
    sections[0][2][0] = (title, body.replace("Đảng bộ quận Đống Đa", "Đảng bộ quận Đông Đa", 1), children)
    plan = seed.enter(actor=admin_user, issuer=tree.district, sections=sections)
    found = codes(plan)["issuer_spelling"]
    assert found.refuses and "“Đông Đa”" in found.message and "“Đống Đa”" in found.message and "mục I. 1." in found.message


def test_a_single_word_name_is_only_matched_after_its_kind():
    assert core_name("Phường Láng") == "Láng" and core_name("Quận Đống Đa") == "Đống Đa"


def test_the_plan_year_written_2024_in_a_2025_plan_is_refused(tree, admin_user):
    preamble = seed.PREAMBLE.replace("khen thưởng năm 2025, cụ thể", "khen thưởng năm 2024, cụ thể")
    plan = seed.enter(actor=admin_user, issuer=tree.district, preamble=preamble)
    found = codes(plan)
    assert found["body_year"].refuses and "năm 2024" in found["body_year"].message
    # "Phát huy kết quả đạt được trong công tác thi đua, khen thưởng năm 2024" (last year's results) is not a slip
    assert len([f for f in check.check_plan(plan) if f.code == "body_year"]) == 1


def test_a_year_in_the_title_other_than_the_plans_is_refused(seed_plan, admin_user):
    services.plan_update(actor=admin_user, plan=seed_plan, title="Công tác thi đua, khen thưởng năm 2024")
    assert codes(seed_plan)["title_year"].refuses


def test_the_report_deadline_before_the_plan_year_is_refused(tree, admin_user):
    plan = seed.enter(actor=admin_user, issuer=tree.district, closing=seed.CLOSING.replace("15/01/2026", "15/01/2024"))
    found = codes(plan)["deadline_before_period"]
    assert found.refuses and "15/01/2024" in found.message and "phần kết" in found.message


def test_a_key_task_deadline_before_the_period_or_the_issue_date_is_refused(seed_plan, admin_user):
    task = seed_plan.key_tasks.order_by("position").first()
    services.key_task_update(actor=admin_user, task=task, due_on=dt.date(2024, 12, 1))
    assert codes(seed_plan)["deadline_before_period"].refuses
    services.plan_update(actor=admin_user, plan=seed_plan, period_start=dt.date(2024, 11, 1))
    seed_plan.issued_on = dt.date(2024, 12, 20)  # as the issue would set it
    assert codes(seed_plan)["deadline_before_issue"].refuses


def test_two_parts_numbered_iii_are_refused(tree, admin_user):
    sections = copy.deepcopy(seed.SECTIONS)
    sections[2] = ("III. " + sections[2][0], sections[2][1], sections[2][2])
    sections[3] = ("III. " + sections[3][0], sections[3][1], sections[3][2])
    plan = seed.enter(actor=admin_user, issuer=tree.district, sections=sections)
    found = codes(plan)
    assert found["number_repeated"].refuses and "III." in found["number_repeated"].message
    assert not found["number_typed"].refuses


def test_a_whole_plan_typed_in_one_body_is_checked_line_by_line(seed_plan, admin_user):
    services.section_add(actor=admin_user, plan=seed_plan, title="", body="I. MỤC ĐÍCH\n1. Mục đích\n3. Yêu cầu\nIII. TỔ CHỨC")
    found = [f.code for f in check.check_plan(seed_plan)]
    assert found.count("number_skipped") == 2  # 2. and II.


def test_an_impossible_date_and_a_reference_after_the_plan_are_refused(issued_seed_plan):
    issued_seed_plan.grounds = ["Căn cứ Kế hoạch số 12/KH-UBND ngày 31/02/2024 của UBND Thành phố;",
                                "Căn cứ Kế hoạch số 15/KH-UBND ngày 05/01/2025 của UBND Thành phố."]
    found = codes(issued_seed_plan)
    assert found["reference_impossible"].refuses and found["reference_later"].refuses


def test_a_higher_plan_issued_after_this_one_is_refused(tree, admin_user, city_plan):
    ward = services.plan_copy(actor=admin_user, source=city_plan, issuer=tree.ward_a, year=2026, cascade=True)
    ward.issued_on, ward.number = dt.date(2025, 12, 1), 1
    assert codes(ward)["reference_later"].refuses


@pytest.mark.parametrize("findings,blocked", [([check.Finding("x", check.WARN, "m")], False), ([check.Finding("x", check.REFUSE, "m")], True)])
def test_only_refusals_block(findings, blocked):
    assert bool(check.refusals(findings)) is blocked
