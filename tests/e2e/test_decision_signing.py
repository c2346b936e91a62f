"""A decision in real browsers (issue 14): the standing office drafts the decision of a closed session from its
results page and submits it; the chair, in their own browser context, finds it on the home page, reads the
confirmation step and signs; the award appears on the person's profile page. Screenshots of every step under
test-results/."""

import re

import pytest
from django.urls import reverse
from playwright.sync_api import expect

from tdkt.core.numbering import numbering_profile_set
from tests.council.conftest import council, dossiers  # noqa: F401  (fixtures)
from tests.decisions.test_decisions import closed_session
from tests.personas import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_office_drafts_the_chair_signs_and_the_award_is_on_the_profile(browser, live_server, council, dossiers, tree,  # noqa: F811
                                                                          personas, login, shot):
    numbering_profile_set(actor=personas["admin"], issuer=tree.ward_a, abbreviation="UBND")
    session = closed_session(council, dossiers)

    office = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 800}).new_page()
    login(office, "thamdinh", PASSWORD)
    office.goto(live_server.url + reverse("council:results", args=[session.pk]))
    expect(office.get_by_test_id("decision-panel")).to_be_visible()
    shot(office, "decision-1-session-results")
    office.get_by_test_id("draft-decision").click()
    office.get_by_label("Ngày quyết định").fill("22/12/2025")
    shot(office, "decision-2-draft-form")
    office.get_by_test_id("submit").click()
    expect(office.get_by_test_id("lines")).to_contain_text("Nguyễn Văn An")
    expect(office.get_by_test_id("total")).to_have_text("3.040.000")
    expect(office.get_by_test_id("total-words")).to_contain_text("Ba triệu không trăm bốn mươi nghìn đồng")
    shot(office, "decision-3-draft")
    office.get_by_test_id("submit-decision").click()
    expect(office.get_by_test_id("decision-status")).to_have_text("Đã trình ký")
    shot(office, "decision-4-submitted")

    chair = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 800}).new_page()
    login(chair, "chutich", PASSWORD)
    expect(chair.get_by_test_id("home-signing")).to_be_visible()
    shot(chair, "decision-5-chair-inbox")
    chair.get_by_test_id("home-signing").get_by_role("link").first.click()
    chair.get_by_test_id("go-sign").click()
    expect(chair).to_have_url(re.compile(r"/ky-ban-hanh/$"))
    expect(chair.get_by_test_id("sign-warning")).to_contain_text("ghi vào hồ sơ thành tích")
    chair.get_by_test_id("confirm-sign").click()  # not confirmed yet: refused, nothing signed
    expect(chair.get_by_text("Hãy đánh dấu xác nhận trước khi ký ban hành.")).to_be_visible()
    chair.get_by_label("Tôi xác nhận ký ban hành quyết định này").check()
    shot(chair, "decision-6-confirmation")
    chair.get_by_test_id("confirm-sign").click()
    expect(chair.get_by_test_id("decision-title")).to_have_text("Quyết định số 01/QĐ-UBND")
    expect(chair.get_by_test_id("in-ledger").first).to_be_visible()
    shot(chair, "decision-7-issued", doc=True)

    office.goto(live_server.url + reverse("records:person_detail", args=[tree.an.pk]))
    expect(office.locator("body")).to_contain_text("01/QĐ-UBND")
    shot(office, "decision-8-profile")
