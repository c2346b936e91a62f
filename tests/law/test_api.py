"""API: POST /api/v1/eligibility/check and /api/v1/reward/compute."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

pytestmark = pytest.mark.django_db

BODY = {"award": "CSTD_TINH", "year": 2025, "subject": {"kind": "individual"},
        "history": {"ratings": [{"year": 2025, "rating": "HTXSNV"}], "awards": [{"year": 2024, "award": "CSTDCS"}],
                    "disciplines": [{"form": "KHIEN_TRACH", "start": "2025-03-01", "end": "2026-03-01"}],
                    "initiatives": [{"year": 2025, "scope": "TINH"}]},
        "collective": {"members": 20, "completed_tasks": 20, "ldtt": 15, "cstdcs": 1, "disciplined_canh_cao_or_above": 0}}


@pytest.fixture
def user(django_user_model):
    return django_user_model.objects.create_user(username="can_bo", password="x")


@pytest.fixture
def api(user):
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_it_has_the_agreed_url_names():
    assert reverse("api:eligibility-check") == "/api/v1/eligibility/check"
    assert reverse("api:reward-compute") == "/api/v1/reward/compute"


def test_it_requires_authentication():
    response = APIClient().post(reverse("api:eligibility-check"), BODY, format="json")
    assert response.status_code in (401, 403)
    assert response.json()["error"] in ("Chưa đăng nhập hoặc mã truy cập không hợp lệ.", "Bạn không có quyền thực hiện thao tác này.")
    assert APIClient().post(reverse("api:reward-compute"), {}, format="json").status_code in (401, 403)


def test_it_checks_with_a_token(api):
    response = api.post(reverse("api:eligibility-check"), BODY, format="json")
    data = response.json()
    assert response.status_code == 200
    assert list(data) == ["award", "year", "regime", "catalogue_version", "verdict", "checks"]
    assert (data["award"], data["year"], data["regime"], data["verdict"]) == ("CSTD_TINH", 2025, "ND152_2025", "not_eligible")
    assert len(data["catalogue_version"]) == 12
    assert all(list(c) == ["code", "result", "message", "legal_basis", "message_id", "args", "facts", "parameters"]
               for c in data["checks"])
    discipline = next(c for c in data["checks"] if c["code"] == "DISCIPLINE")
    assert discipline["result"] == "fail" and "Năm 2025" in discipline["message"]
    assert discipline["message_id"] == "discipline.blocking" and discipline["args"]["form"] == "KHIEN_TRACH"
    assert discipline["parameters"][0]["key"] == "discipline.blocks_from"


def test_it_checks_with_a_session(client, user):
    client.force_login(user)
    response = client.post(reverse("api:eligibility-check"), json.dumps({"award": "LDTT", "year": 2025}), content_type="application/json")
    assert response.status_code == 200 and response.json()["verdict"] == "needs_review"


@pytest.mark.parametrize(("raw", "text"), [
    ('{"award": "LDTT", ', "Dữ liệu JSON sai cú pháp."),
    ('{"award": "KHONG_CO", "year": 2025}', "Trường “award”: mã danh hiệu/hình thức “KHONG_CO” không có trong danh mục."),
    ('{"award": "LDTT", "year": "hai nghìn"}', "Trường “year”: năm phải là số nguyên"),
    ('[1, 2]', "Dữ liệu gửi lên phải là một đối tượng JSON."),
])
def test_it_answers_400_in_vietnamese(api, raw, text):
    response = api.post(reverse("api:eligibility-check"), raw, content_type="application/json")
    assert response.status_code == 400
    assert text in response.json()["error"]


def test_it_computes_the_reward(api):
    response = api.post(reverse("api:reward-compute"), {"award": "LDTT", "subject": "individual", "decided_on": "2025-12-20"},
                        format="json")
    data = response.json()
    assert response.status_code == 200
    assert {"award", "subject", "decided_on", "amount", "amount_in_words", "coefficient", "base_salary", "legal_basis"} <= set(data)
    assert (data["amount"], data["amount_in_words"]) == (700_000, "Bảy trăm nghìn đồng")
    assert (data["coefficient"], data["base_salary"]) == (0.3, 2_340_000)


@pytest.mark.parametrize(("body", "text"), [
    ({"award": "LDTT", "subject": "individual"}, "Trường “decided_on”"),
    ({"award": "LDTT", "subject": "individual", "decided_on": "2025-13-01"}, "ngày “2025-13-01” không hợp lệ"),
    ({"award": "LDTT", "subject": "alien", "decided_on": "2025-12-01"}, "Trường “subject”"),
    ({"award": "NOPE", "subject": "individual", "decided_on": "2025-12-01"}, "Trường “award”"),
])
def test_it_refuses_a_bad_reward_request(api, body, text):
    response = api.post(reverse("api:reward-compute"), body, format="json")
    assert response.status_code == 400 and text in response.json()["error"]
