"""Password reset by e-mail ("Quên mật khẩu?"): Django's own views in Vietnamese, throttled, and no way around a
lock-out."""

import re

from django.core import mail
from django.test import override_settings
from django.urls import reverse

from tdkt.core.models import AuditEvent
from tests.personas import PASSWORD

NEW = "Khen-Thuong#2027"
DONE = "Hãy kiểm tra hộp thư"


def _ask(client, email, **extra):
    return client.post(reverse("accounts:password_reset"), {"email": email}, **extra)


def _link(message) -> str:
    return re.search(r"https?://testserver(/tai-khoan/dat-lai-mat-khau/\S+/)", message.body).group(1)


def _with_email(user, email="canbo.dongda@example.vn"):
    user.email = email
    user.save(update_fields=["email"])
    return user


def test_the_login_page_links_to_the_reset(client, db):
    page = client.get(reverse("accounts:login")).content.decode()
    assert f'href="{reverse("accounts:password_reset")}"' in page and "Quên mật khẩu?" in page
    form = client.get(reverse("accounts:password_reset")).content.decode()
    assert "Địa chỉ e-mail của tài khoản" in form and "Gửi liên kết đặt lại mật khẩu" in form


def test_it_mails_a_vietnamese_link_that_sets_a_new_password(client, officer_a):
    _with_email(officer_a)
    response = _ask(client, "CanBo.DongDa@example.vn")
    assert response.status_code == 302
    assert DONE in client.get(response["Location"]).content.decode()
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["canbo.dongda@example.vn"]
    assert message.subject == "Đặt lại mật khẩu tài khoản TĐKT"
    assert "Tên đăng nhập của bạn: canbo.dongda" in message.body and "hết hạn sau 24 giờ" in message.body
    link = _link(message)
    form = client.get(link, follow=True)
    assert "Đặt mật khẩu mới" in form.content.decode()
    set_url = form.redirect_chain[-1][0]
    short = client.post(set_url, {"new_password1": "12345", "new_password2": "12345"})
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in short.content.decode()
    done = client.post(set_url, {"new_password1": NEW, "new_password2": NEW})
    assert done.status_code == 302 and done["Location"] == reverse("accounts:password_reset_complete")
    assert "_auth_user_id" not in client.session  # the reset does not log in
    officer_a.refresh_from_db()
    assert officer_a.check_password(NEW)
    assert AuditEvent.objects.filter(action="accounts.password.reset", actor=officer_a).count() == 1
    assert client.post(reverse("accounts:login"), {"username": "canbo.dongda", "password": NEW}).status_code == 302
    client.logout()
    used = client.get(link, follow=True).content.decode()
    assert "Liên kết không còn dùng được" in used


def test_an_unknown_address_gets_the_same_answer_and_no_mail(client, officer_a):
    _with_email(officer_a)
    known = _ask(client, "canbo.dongda@example.vn")
    unknown = _ask(client, "ai.do@example.vn")
    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert len(mail.outbox) == 1


@override_settings(PASSWORD_RESET_MAX_PER_EMAIL=3)
def test_it_throttles_by_email_without_telling_whether_the_address_exists(client, officer_a):
    _with_email(officer_a)
    for email in ("canbo.dongda@example.vn", "ai.do@example.vn"):
        for number in range(3):
            assert _ask(client, email, REMOTE_ADDR=f"10.0.{len(email)}.{number}").status_code == 302
        known_or_not = _ask(client, email, REMOTE_ADDR="10.9.9.9")
        assert known_or_not.status_code == 429
        assert "Đã có quá nhiều yêu cầu đặt lại mật khẩu. Vui lòng thử lại sau 60 phút." in known_or_not.content.decode()
    assert len(mail.outbox) == 3  # three for the real address, none past the limit, none for the unknown one


@override_settings(PASSWORD_RESET_MAX_PER_ADDRESS=4)
def test_it_throttles_by_client_address(client, officer_a):
    for number in range(4):
        assert _ask(client, f"nguoi{number}@example.vn").status_code == 302
    assert _ask(client, "nguoi9@example.vn").status_code == 429
    assert _ask(client, "nguoi9@example.vn", REMOTE_ADDR="10.1.1.1").status_code == 302


def test_a_locked_out_user_cannot_get_round_the_lock_by_a_reset(client, officer_a):
    _with_email(officer_a)
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "canbo.dongda", "password": "sai"})
    assert client.post(reverse("accounts:login"), {"username": "canbo.dongda", "password": PASSWORD}).status_code == 429
    _ask(client, "canbo.dongda@example.vn")
    form = client.get(_link(mail.outbox[0]), follow=True)
    client.post(form.redirect_chain[-1][0], {"new_password1": NEW, "new_password2": NEW})
    officer_a.refresh_from_db()
    assert officer_a.check_password(NEW)
    assert "_auth_user_id" not in client.session
    locked = client.post(reverse("accounts:login"), {"username": "canbo.dongda", "password": NEW})
    assert locked.status_code == 429  # the lock holds whatever the password, until it expires or quantri lifts it
    assert "_auth_user_id" not in client.session
    # and asking again and again is throttled, whatever the address
    for _ in range(2):
        _ask(client, "canbo.dongda@example.vn")
    assert _ask(client, "canbo.dongda@example.vn").status_code == 429
    assert len(mail.outbox) == 3
