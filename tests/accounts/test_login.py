import datetime as dt

from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tdkt.accounts.models import LoginAttempt
from tdkt.core.models import AuditEvent
from tests.personas import PASSWORD

LOCK_MESSAGE = "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau 15 phút."


def _login(client, username, password, **extra):
    return client.post(reverse("accounts:login"), {"username": username, "password": password}, **extra)


def _failures(username):
    return sum(LoginAttempt.objects.filter(username=username).values_list("failures_since_start", flat=True))


def test_it_logs_in_with_the_right_password_and_lands_on_home(client, officer_a):
    response = _login(client, "canbo.dongda", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:home")


def test_it_says_in_vietnamese_that_the_password_is_wrong(client, officer_a):
    response = _login(client, "canbo.dongda", "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    assert _failures("canbo.dongda") == 1


def test_it_locks_the_account_after_five_failures_even_for_the_right_password(client, officer_a):
    for _ in range(4):
        assert LOCK_MESSAGE not in _login(client, "canbo.dongda", "sai").content.decode()
    locking = _login(client, "canbo.dongda", "sai")
    assert locking.status_code == 429
    assert LOCK_MESSAGE in locking.content.decode()
    response = _login(client, "canbo.dongda", PASSWORD)
    assert response.status_code == 429
    assert LOCK_MESSAGE in response.content.decode()
    assert "Tạm khóa đăng nhập" in response.content.decode()
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action="accounts.login.locked")
    assert event.data["username"] == "canbo.dongda"
    assert event.data["locked_by"] == "username"
    assert event.data["address"] == "127.0.0.1"
    assert event.data["path"] == reverse("accounts:login")
    assert event.target_id == str(officer_a.pk)
    # attempts while locked are refused without being counted, and the lock is audited once
    assert _failures("canbo.dongda") == 5


def test_it_lets_the_user_in_again_after_the_lock_expires(client, officer_a):
    for _ in range(5):
        _login(client, "canbo.dongda", "sai")
    LoginAttempt.objects.filter(username="canbo.dongda").update(attempt_time=timezone.now() - dt.timedelta(minutes=15, seconds=1))
    assert _login(client, "canbo.dongda", PASSWORD).status_code == 302
    assert not LoginAttempt.objects.filter(username="canbo.dongda").exists()


def test_a_successful_login_clears_the_failures_of_its_username(client, officer_a):
    for _ in range(3):
        _login(client, "canbo.dongda", "sai")
    assert _login(client, "canbo.dongda", PASSWORD).status_code == 302
    assert _failures("canbo.dongda") == 0


def test_it_forgets_old_failures_outside_the_window(client, officer_a):
    for _ in range(4):
        _login(client, "canbo.dongda", "sai")
    LoginAttempt.objects.filter(username="canbo.dongda").update(attempt_time=timezone.now() - dt.timedelta(minutes=16))
    assert _login(client, "canbo.dongda", "sai").status_code == 200
    assert _failures("canbo.dongda") == 1


@override_settings(LOGIN_MAX_FAILURES=2, LOGIN_LOCKOUT_MINUTES=30)
def test_it_reads_the_limits_from_settings(client, officer_a):
    assert _login(client, "canbo.dongda", "sai").status_code == 200
    response = _login(client, "canbo.dongda", "sai")
    assert response.status_code == 429
    assert "Thử lại sau 30 phút." in response.content.decode()
    assert AuditEvent.objects.filter(action="accounts.login.locked", data__username="canbo.dongda").count() == 1


def test_a_username_that_does_not_exist_is_locked_the_same_way(client, db):
    for _ in range(4):
        assert _login(client, "khong.ton.tai", "sai").status_code == 200
    response = _login(client, "khong.ton.tai", "sai")
    assert response.status_code == 429
    assert LOCK_MESSAGE in response.content.decode()


@override_settings(LOGIN_MAX_FAILURES_PER_ADDRESS=8)
def test_one_address_guessing_many_usernames_is_locked_at_its_own_limit(client, officer_a):
    for number in range(7):
        assert _login(client, f"doan.{number}", "sai").status_code == 200
    response = _login(client, "doan.7", "sai")
    assert response.status_code == 429
    assert "Có quá nhiều lần đăng nhập sai từ máy này. Thử lại sau 15 phút." in response.content.decode()
    # even the right password of an untouched account, from that address
    assert _login(client, "canbo.dongda", PASSWORD).status_code == 429
    # another address is not locked
    assert _login(client, "canbo.dongda", PASSWORD, REMOTE_ADDR="10.0.0.9").status_code == 302
    event = AuditEvent.objects.get(action="accounts.login.locked")
    assert event.data["locked_by"] == "address" and event.data["failures_by_address"] == 8


@override_settings(BEHIND_PROXY=True)
def test_behind_the_proxy_the_address_is_the_one_the_proxy_appended(client, db):
    forged = {"HTTP_X_FORWARDED_FOR": "1.2.3.4, 203.0.113.7", "REMOTE_ADDR": "127.0.0.1"}
    _login(client, "ai.do", "sai", **forged)
    assert LoginAttempt.objects.get(username="ai.do").ip_address == "203.0.113.7"


def test_it_logs_out_only_by_post(client, officer_a):
    client.force_login(officer_a)
    page = client.get(reverse("accounts:logout"))  # a GET shows the logout button (issue 11), and logs nobody out
    assert page.status_code == 200 and 'method="post"' in page.content.decode()
    assert "_auth_user_id" in client.session
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert "_auth_user_id" not in client.session


def test_it_changes_the_password_with_vietnamese_labels_and_errors(client, officer_a):
    client.force_login(officer_a)
    page = client.get(reverse("accounts:password_change")).content.decode()
    for label in ("Mật khẩu hiện tại", "Mật khẩu mới", "Nhập lại mật khẩu mới"):
        assert label in page
    response = client.post(reverse("accounts:password_change"), {"old_password": "sai", "new_password1": "123", "new_password2": "1234"})
    body = response.content.decode()
    assert "Mật khẩu hiện tại không đúng." in body
    response = client.post(reverse("accounts:password_change"), {"old_password": PASSWORD, "new_password1": "12345", "new_password2": "12345"})
    body = response.content.decode()
    assert "Mật khẩu quá ngắn: cần ít nhất 8 ký tự." in body
    assert "Mật khẩu không được chỉ gồm chữ số." in body
    assert "This password" not in body
    response = client.post(reverse("accounts:password_change"), {"old_password": PASSWORD, "new_password1": "Khen-Thuong#2026", "new_password2": "Khen-Thuong#2026"})
    assert response.status_code == 302
    officer_a.refresh_from_db()
    assert officer_a.check_password("Khen-Thuong#2026")
    assert AuditEvent.objects.filter(action="accounts.password.changed", actor=officer_a).count() == 1
    assert "_auth_user_id" in client.session  # this session stays valid after the change
