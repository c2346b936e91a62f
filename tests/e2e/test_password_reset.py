"""In Chromium: the password reset by e-mail, the lock-out page, and an expired session inside the live search."""

import re

import pytest
from django.core import mail
from playwright.sync_api import expect

from tests.personas import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

NEW = "Khen-Thuong#2027"


def test_an_officer_who_forgot_the_password_sets_a_new_one_from_the_mail(page, live_server, officer_a, shot, login):
    officer_a.email = "canbo.dongda@example.vn"
    officer_a.save(update_fields=["email"])
    page.goto(f"{live_server.url}/tai-khoan/dang-nhap/")
    page.get_by_role("link", name="Quên mật khẩu?").click()
    page.get_by_label("Địa chỉ e-mail của tài khoản").fill("canbo.dongda@example.vn")
    page.get_by_role("button", name="Gửi liên kết đặt lại mật khẩu").click()
    expect(page.get_by_role("heading", name="Hãy kiểm tra hộp thư")).to_be_visible()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/tai-khoan/dat-lai-mat-khau/\S+/", mail.outbox[0].body).group(0)

    page.goto(link)
    expect(page.get_by_role("heading", name="Đặt mật khẩu mới")).to_be_visible()
    page.get_by_label("Mật khẩu mới", exact=True).fill("12345")
    page.get_by_label("Nhập lại mật khẩu mới").fill("12345")
    page.get_by_role("button", name="Lưu mật khẩu mới").click()
    expect(page.get_by_text("Mật khẩu quá ngắn: cần ít nhất 8 ký tự.")).to_be_visible()
    page.get_by_label("Mật khẩu mới", exact=True).fill(NEW)
    page.get_by_label("Nhập lại mật khẩu mới").fill(NEW)
    page.get_by_role("button", name="Lưu mật khẩu mới").click()
    expect(page.get_by_role("heading", name="Đã đặt mật khẩu mới")).to_be_visible()
    shot(page, "password-reset-complete")

    login(page, "canbo.dongda", PASSWORD)
    expect(page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng.")).to_be_visible()
    login(page, "canbo.dongda", NEW)
    expect(page).to_have_url(f"{live_server.url}/")


def test_five_wrong_passwords_show_the_vietnamese_lock_out_page(page, live_server, officer_a, shot, login):
    for _ in range(4):
        login(page, "canbo.dongda", "sai")
        expect(page.get_by_text("Tên đăng nhập hoặc mật khẩu không đúng.")).to_be_visible()
    login(page, "canbo.dongda", "sai")
    expect(page.get_by_role("heading", name="Tạm khóa đăng nhập")).to_be_visible()
    expect(page.get_by_text("Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau 15 phút.")).to_be_visible()
    shot(page, "login-locked-out")
    login(page, "canbo.dongda", PASSWORD)
    expect(page.get_by_role("heading", name="Tạm khóa đăng nhập")).to_be_visible()
    page.get_by_role("link", name="Về trang đăng nhập").click()
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()


def test_an_expired_session_in_the_live_search_goes_to_the_login_page_and_back(page, live_server, officer_a, login):
    login(page, "canbo.dongda", PASSWORD)
    page.goto(f"{live_server.url}/ca-nhan/")
    page.context.clear_cookies()  # the session is gone (logged out in another tab, or expired)
    page.get_by_label("Tìm theo tên").fill("nguyen")
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/tai-khoan/dang-nhap/\?next=%2Fca-nhan%2F"))
    assert page.locator("#people-results").count() == 0  # a whole page, not the login form inside the results
    page.get_by_label("Tên đăng nhập").fill("canbo.dongda")
    page.get_by_label("Mật khẩu").fill(PASSWORD)
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page).to_have_url(re.compile(r"/ca-nhan/"))
    expect(page.get_by_label("Tìm theo tên")).to_be_visible()
