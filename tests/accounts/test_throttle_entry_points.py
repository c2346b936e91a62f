"""One throttle for every way in: the admin's login, API token creation and the password change count failures
like the app's login form (tests/accounts/test_login.py), and a lock made at one is a lock at all."""

import json

from django.urls import reverse
from rest_framework.authtoken.models import Token

from tdkt.accounts.models import LoginAttempt
from tdkt.core.models import AuditEvent
from tests.personas import PASSWORD

LOCK_MESSAGE = "Tài khoản tạm khóa do đăng nhập sai nhiều lần. Thử lại sau 15 phút."


def _admin_login(client, password):
    return client.post(reverse("admin:login"), {"username": "quantri", "password": password, "next": "/admin/"})


def _token(client, username, password):
    return client.post(reverse("api-token"), json.dumps({"username": username, "password": password}), content_type="application/json")


def test_the_admin_refuses_the_right_password_after_five_wrong_ones(client, admin):
    for _ in range(4):
        assert _admin_login(client, "sai").status_code == 200
    locking = _admin_login(client, "sai")
    assert locking.status_code == 429
    assert LOCK_MESSAGE in locking.content.decode()
    response = _admin_login(client, PASSWORD)
    assert response.status_code == 429
    assert LOCK_MESSAGE in response.content.decode()
    assert "_auth_user_id" not in client.session
    event = AuditEvent.objects.get(action="accounts.login.locked")
    assert event.data["username"] == "quantri" and event.data["path"] == reverse("admin:login")
    assert event.target_id == str(admin.pk)


def test_the_admin_lets_quantri_in_with_the_right_password(client, admin):
    response = _admin_login(client, PASSWORD)
    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(admin.pk)


def test_a_lock_made_at_the_app_form_holds_at_the_admin(client, admin):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "quantri", "password": "sai"})
    assert _admin_login(client, PASSWORD).status_code == 429


def test_the_api_gives_a_token_for_the_right_password(client, officer_a):
    response = _token(client, "canbo.dongda", PASSWORD)
    assert response.status_code == 200
    key = response.json()["token"]
    assert Token.objects.get(user=officer_a).key == key
    assert _token(client, "canbo.dongda", PASSWORD).json()["token"] == key  # the same token, once created
    assert AuditEvent.objects.filter(action="accounts.token.issued", actor=officer_a).count() == 1
    assert key not in json.dumps(list(AuditEvent.objects.values_list("data", flat=True)))
    checked = client.post(reverse("api:reward-compute"), json.dumps({"award": "CSTDCS", "subject": "individual", "decided_on": "2026-01-15"}),
                          content_type="application/json", HTTP_AUTHORIZATION=f"Token {key}")
    assert checked.status_code == 200


def test_the_api_schema_documents_the_token_endpoint(client, db):
    schema = json.loads(client.get(reverse("api-schema") + "?format=json").content)
    operation = schema["paths"]["/api/v1/token"]["post"]
    assert set(operation["responses"]) == {"200", "400", "429"}
    assert set(schema["components"]["schemas"]["TokenIn"]["required"]) == {"username", "password"}


def test_the_api_token_says_in_vietnamese_what_is_wrong(client, officer_a):
    wrong = _token(client, "canbo.dongda", "sai")
    assert wrong.status_code == 400
    assert wrong.json()["error"] == "Tên đăng nhập hoặc mật khẩu không đúng."
    missing = client.post(reverse("api-token"), json.dumps({"username": "canbo.dongda"}), content_type="application/json")
    assert missing.status_code == 400
    assert missing.json() == {"error": "Vui lòng nhập tên đăng nhập và mật khẩu.", "details": {"fields": ["password"]}}
    broken = client.post(reverse("api-token"), "{not json", content_type="application/json")
    assert broken.status_code == 400
    assert broken.json() == {"error": "Dữ liệu JSON sai cú pháp.", "details": None}


def test_the_api_token_is_throttled_with_the_same_lock(client, officer_a):
    for _ in range(4):
        assert _token(client, "canbo.dongda", "sai").status_code == 400
    locking = _token(client, "canbo.dongda", "sai")
    assert locking.status_code == 429
    assert locking.json() == {"error": LOCK_MESSAGE}
    response = _token(client, "canbo.dongda", PASSWORD)
    assert response.status_code == 429
    assert response.json() == {"error": LOCK_MESSAGE}
    assert not Token.objects.filter(user=officer_a).exists()
    assert AuditEvent.objects.filter(action="accounts.login.locked", data__path=reverse("api-token")).count() == 1
    # and the app's form is locked too
    assert client.post(reverse("accounts:login"), {"username": "canbo.dongda", "password": PASSWORD}).status_code == 429


def test_a_wrong_current_password_at_the_password_change_counts_as_a_failed_login(client, officer_a):
    client.force_login(officer_a)
    url = reverse("accounts:password_change")
    new = {"new_password1": "Khen-Thuong#2026", "new_password2": "Khen-Thuong#2026"}
    for _ in range(4):
        response = client.post(url, {"old_password": "sai", **new})
        assert response.status_code == 200
        assert "Mật khẩu hiện tại không đúng." in response.content.decode()
    locking = client.post(url, {"old_password": "sai", **new})
    assert locking.status_code == 429
    assert LOCK_MESSAGE in locking.content.decode()
    response = client.post(url, {"old_password": PASSWORD, **new})  # the right one, while locked
    assert response.status_code == 429
    officer_a.refresh_from_db()
    assert officer_a.check_password(PASSWORD)
    assert sum(LoginAttempt.objects.filter(username="canbo.dongda").values_list("failures_since_start", flat=True)) == 5
    assert AuditEvent.objects.filter(action="accounts.login.locked", data__path=url).count() == 1
    stored = " ".join(LoginAttempt.objects.values_list("post_data", flat=True))
    assert "Khen-Thuong" not in stored and "sai" not in stored  # no password kept with the failed attempt


def test_the_admin_password_change_is_the_throttled_one(client, admin):
    client.force_login(admin)
    response = client.get("/admin/password_change/")
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_change")
