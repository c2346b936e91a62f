"""Issue 12 through the API: the new request fields (received_on, period, service_start, work_years, an initiative's
used_for) in the OpenAPI schema, and the documented example judged as the engine judges it."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tdkt.law.api import EXAMPLE

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(django_user_model):
    user = django_user_model.objects.create_user(username="can_bo", password="x")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


def test_the_schema_documents_the_new_fields(api):
    schema = api.get(reverse("api-schema"), {"format": "json"}).json()
    body = schema["paths"]["/api/v1/eligibility/check"]["post"]["requestBody"]["content"]["application/json"]
    props = body["schema"]["properties"]
    assert {"received_on", "period", "subject", "history"} <= set(props)
    assert "service_start" in props["subject"]["properties"]
    work = props["history"]["properties"]["work_years"]["items"]["properties"]
    assert {"days_off", "maternity_days", "training", "transfer"} <= set(work)
    assert "used_for" in props["history"]["properties"]["initiatives"]["items"]["properties"]


def test_the_documented_example_is_judged(api):
    response = api.post(reverse("api:eligibility-check"), EXAMPLE, format="json")
    assert response.status_code == 200, response.content
    checks = {c["code"]: c for c in response.json()["checks"]}
    assert checks["RECRUITMENT"]["result"] == "pass" and "01/02/2025" in checks["RECRUITMENT"]["message"]
    assert checks["TRANSFER_COMMENT"]["result"] == "pass"
    assert response.json()["verdict"] == "eligible"


@pytest.mark.parametrize(("change", "field", "text"), [
    ({"work_years": [{"year": 2025, "days_off": 3, "maternity_days": 5}]}, "history.work_years[0].maternity_days", "lớn hơn"),
    ({"work_years": [{"year": 2025, "training": {"months": 14, "result": "GIOI_LAM"}}]}, "history.work_years[0].training.result",
     "không hợp lệ"),
    ({"work_years": [{"year": 2025, "transfer": {}}]}, "history.work_years[0].transfer", "tên đơn vị cũ"),
    ({"work_years": [{"year": 2025}, {"year": 2025}]}, "history.work_years[1].year", "nhiều lần"),
    ({"initiatives": [{"year": 2025, "scope": "CO_SO", "used_for": {"award": "NOPE", "year": 2025}}]},
     "history.initiatives[0].used_for.award", "không hợp lệ"),
])
def test_a_bad_working_year_is_named_in_vietnamese(api, change, field, text):
    body = {"award": "LDTT", "year": 2025, "history": {"ratings": [{"year": 2025, "rating": "HTTNV"}], **change}}
    response = api.post(reverse("api:eligibility-check"), body, format="json")
    assert response.status_code == 400
    error = response.json()["error"]
    assert f"“{field}”" in error and text in error


def test_a_late_period_is_refused_after_the_year(api):
    body = {"award": "BK_TINH", "year": 2024, "period": {"from": 2023, "to": 2025}}
    response = api.post(reverse("api:eligibility-check"), body, format="json")
    assert response.status_code == 400 and "“period.to”" in response.json()["error"]
