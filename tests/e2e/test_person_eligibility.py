"""The unit officer's main path in a real browser: log in, find a person, read why they are (not) eligible."""

import re

import pytest
from playwright.sync_api import expect

from tests.personas import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_walks_an_officer_from_login_to_an_eligibility_explanation(page, live_server, personas, tree, login, shot):
    page.goto(f"{live_server.url}/")
    expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/"))
    shot(page, "login", doc=True)
    login(page, "canbo.dongda", PASSWORD)
    expect(page.get_by_role("heading", name="Xin chào, canbo.dongda")).to_be_visible()
    expect(page.get_by_test_id("count-people")).to_have_text("3")
    shot(page, "home", doc=True)

    page.get_by_role("link", name="Đơn vị", exact=True).click()
    expect(page.get_by_role("heading", name="Cây đơn vị")).to_be_visible()
    expect(page.get_by_text("Trường THCS Đống Đa")).to_be_visible()
    shot(page, "unit-tree-officer")

    page.get_by_role("link", name="Cá nhân", exact=True).click()
    expect(page.get_by_test_id("people-count")).to_have_text("Tìm thấy 3 cá nhân")
    page.get_by_label("Tìm theo tên").fill("nguyen van an")  # htmx live search, no diacritics
    expect(page.get_by_test_id("people-count")).to_have_text("Tìm thấy 1 cá nhân")
    expect(page).to_have_url(re.compile(r"q=nguyen"))
    shot(page, "people-list", doc=True)

    page.get_by_role("link", name="Nguyễn Văn An").click()
    expect(page.get_by_role("heading", name="Nguyễn Văn An", level=1)).to_be_visible()
    expect(page.get_by_text("Đủ điều kiện khen thưởng?")).to_be_visible()
    expect(page.get_by_text("đơn vị ban hành đã giải thể ngày 30/06/2025").first).to_be_visible()
    page.get_by_label("Danh hiệu, hình thức").select_option("CSTDCS")
    page.get_by_role("button", name="Kiểm tra").click()
    verdict = page.get_by_test_id("verdict")
    expect(verdict).to_have_text("Đủ điều kiện")
    expect(page.locator(".check-message").first).to_be_visible()
    expect(page.locator("#eligibility-result")).to_contain_text("Căn cứ:")
    shot(page, "person-eligibility", doc=True)

    page.set_viewport_size({"width": 390, "height": 844})
    shot(page, "person-eligibility-phone")

    # The province administrator sees the whole tree, the dissolved district and its successors.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.context.clear_cookies()
    login(page, "quantri", PASSWORD)
    page.goto(f"{live_server.url}/don-vi/")
    expect(page.get_by_text("đã giải thể ngày 30/06/2025").first).to_be_visible()
    shot(page, "unit-tree", doc=True)


def test_it_shows_another_wards_officer_a_404(page, live_server, personas, tree, login):
    login(page, "canbo.lang", PASSWORD)
    expect(page.get_by_role("heading", name="Xin chào, canbo.lang")).to_be_visible()
    response = page.goto(f"{live_server.url}/ca-nhan/{tree.an.pk}/")
    assert response.status == 404
    expect(page.get_by_role("heading", name="Không tìm thấy trang")).to_be_visible()


def test_it_locks_the_login_after_five_wrong_passwords(page, live_server, personas, login, shot):
    for _ in range(4):
        login(page, "canbo.dongda", "sai-mat-khau")
        expect(page.get_by_role("alert")).to_have_text("Tên đăng nhập hoặc mật khẩu không đúng.")
    login(page, "canbo.dongda", "sai-mat-khau")
    expect(page.get_by_role("alert")).to_have_text("Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau 15 phút.")
    login(page, "canbo.dongda", PASSWORD)
    expect(page.get_by_role("alert")).to_contain_text("Tài khoản tạm khóa")
    shot(page, "login-locked")
