import datetime as dt

import pytest
from django.test import override_settings
from django.urls import reverse
from django.utils import timezone

from tdkt.accounts import services
from tdkt.accounts.models import LoginThrottle
from tdkt.core.models import AuditEvent
from tests.personas import PASSWORD

LOCK_MESSAGE = "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau 15 phút."


def _login(client, username, password):
    return client.post(reverse("accounts:login"), {"username": username, "password": password})


def test_it_logs_in_with_the_right_password_and_lands_on_home(client, officer_a):
    response = _login(client, "canbo.dongda", PASSWORD)
    assert response.status_code == 302
    assert response["Location"] == reverse("web:home")


def test_it_says_in_vietnamese_that_the_password_is_wrong(client, officer_a):
    response = _login(client, "canbo.dongda", "sai-mat-khau")
    assert response.status_code == 200
    assert "Tên đăng nhập hoặc mật khẩu không đúng." in response.content.decode()
    assert LoginThrottle.objects.get(username="canbo.dongda").failures == 1


def test_it_locks_the_account_after_five_failures_even_for_the_right_password(client, officer_a):
    for _ in range(4):
        assert LOCK_MESSAGE not in _login(client, "canbo.dongda", "sai").content.decode()
    assert LOCK_MESSAGE in _login(client, "canbo.dongda", "sai").content.decode()
    response = _login(client, "canbo.dongda", PASSWORD)
    assert response.status_code == 200
    assert LOCK_MESSAGE in response.content.decode()
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action="accounts.login.locked")
    assert event.data["username"] == "canbo.dongda"
    assert event.target_id == str(officer_a.pk)


def test_it_lets_the_user_in_again_after_the_lock_expires(client, officer_a):
    for _ in range(5):
        _login(client, "canbo.dongda", "sai")
    LoginThrottle.objects.filter(username="canbo.dongda").update(locked_until=timezone.now() - dt.timedelta(seconds=1))
    assert _login(client, "canbo.dongda", PASSWORD).status_code == 302
    assert not LoginThrottle.objects.filter(username="canbo.dongda").exists()


@pytest.mark.django_db
def test_it_forgets_old_failures_outside_the_window():
    services.login_failure_record(username="x")
    LoginThrottle.objects.filter(username="x").update(failures=4, last_failure_at=timezone.now() - dt.timedelta(minutes=16))
    state = services.login_failure_record(username="x")
    assert state.failures == 1 and not state.locked


@pytest.mark.django_db
@override_settings(LOGIN_MAX_FAILURES=2, LOGIN_LOCKOUT_MINUTES=30)
def test_it_reads_the_limits_from_settings():
    services.login_failure_record(username="x")
    state = services.login_failure_record(username="x")
    assert state.locked
    assert services.lockout_message().endswith("Thử lại sau 30 phút.")
    assert AuditEvent.objects.filter(action="accounts.login.locked", data__username="x").count() == 1


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
