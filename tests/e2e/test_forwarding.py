"""Issue 14 point 5 in a real browser: the ward's standing office forwards the nominee beyond its authority from the
dossier page ("Chuyển cấp trên"), and the province's standing office finds the incoming dossier in its inbox with its
origin shown. Screenshots of each step under test-results/."""

import pytest
from playwright.sync_api import expect

from tests.decisions.conftest import province_office, province_round, received, ward_round  # noqa: F401  (fixtures)
from tests.personas import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_ward_forwards_a_nominee_and_the_province_finds_it_in_its_inbox(browser, live_server, received, province_round,  # noqa: F811
                                                                           province_office, login, shot):  # noqa: F811
    ward = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 800})
    page = ward.new_page()
    login(page, "thamdinh", PASSWORD)
    page.goto(f"{live_server.url}/ho-so-khen-thuong/{received.pk}/")
    panel = page.get_by_test_id("forwarding-panel")
    expect(panel).to_contain_text("Vượt thẩm quyền của cấp này")
    expect(panel).to_contain_text("Nguyễn Văn An")
    shot(page, "forward-01-dossier")
    panel.get_by_test_id("forward-button").click()
    expect(page.get_by_label("Nguyễn Văn An — CSTĐ cấp tỉnh")).to_be_checked()
    shot(page, "forward-02-form")
    page.get_by_role("button", name="Chuyển cấp trên").click()
    expect(page.get_by_text("Đã chuyển 1 người, tập thể lên Thành phố Hà Nội")).to_be_visible()
    expect(page.get_by_test_id("dossier-forwarded-to")).to_contain_text("Thành phố Hà Nội")
    shot(page, "forward-03-forwarded")
    ward.close()

    province = browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 800})
    page = province.new_page()
    login(page, "thamdinh.tinh", PASSWORD)
    page.goto(f"{live_server.url}/ho-so-khen-thuong/")
    inbox = page.get_by_test_id("office-inbox")
    expect(inbox.get_by_test_id("dossier-row-origin")).to_contain_text("Cấp dưới chuyển lên Phường Đống Đa")
    shot(page, "forward-04-province-inbox")
    inbox.get_by_role("link", name="Phường Đống Đa đề nghị khen thưởng — Nguyễn Văn An").click()
    expect(page.get_by_test_id("dossier-origin")).to_contain_text("Hồ sơ do Phường Đống Đa chuyển lên")
    expect(page.get_by_test_id("nominees")).to_contain_text("Nguyễn Văn An")
    shot(page, "forward-05-incoming")
    province.close()
