"""Issue 12, point 5: the regime of a dossier. A request may carry `received_on`, the day a complete dossier was
received; the rules in force that day judge it (DOMAIN.md §1: "a dossier is judged under the rules in force when
it was received as complete"). Without it, the year-end round of the year under review, as before."""

from __future__ import annotations

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tdkt.core.errors import DomainError
from tdkt.law import engine
from tests.law.helpers import FILE_CATALOGUE, payload, run

# Điều 23: under Luật 2003 a CSTĐCS needed an initiative; under Luật 06/2022 (from 1/1/2024) HTXSNV suffices.
HTXSNV_2023 = payload("CSTDCS", 2023, ratings={2023: "HTXSNV"}, recruited_on="2010-01-01")


def test_without_a_receipt_day_the_year_end_round_judges():
    result = run(HTXSNV_2023)
    assert result.regime == "ND91_2017" and result.verdict == "not_eligible"


def test_a_dossier_received_in_january_is_judged_by_the_rules_then_in_force():
    result = run({**HTXSNV_2023, "received_on": "2024-01-15"})
    checks = {c.code: c for c in result.checks}
    assert result.regime == "ND98_2023" and result.verdict == "eligible"
    assert checks["CSTDCS_EXCELLENCE"].result == "pass"
    assert "06/2022" in checks["CSTDCS_EXCELLENCE"].legal_basis


def test_a_dossier_received_within_the_year_keeps_the_year_s_rules():
    result = run({**HTXSNV_2023, "received_on": "2023-12-20"})
    assert result.regime == "ND91_2017" and result.verdict == "not_eligible"


def test_a_dossier_received_after_the_two_tier_reform_is_judged_by_nd_152():
    result = run({**payload("LDTT", 2025, ratings={2025: "HTTNV"}), "received_on": "2025-07-10"})
    assert result.regime == "ND152_2025"
    assert run(payload("LDTT", 2025, ratings={2025: "HTTNV"})).regime == "ND152_2025"
    assert run({**payload("LDTT", 2025, ratings={2025: "HTTNV"}), "received_on": "2025-06-30"}).regime == "ND98_2023"


@pytest.mark.parametrize(("received_on", "text"), [
    ("2022-12-31", "trước năm được xét (2023)"),
    ("15/01/2024", "YYYY-MM-DD"),
    ("2024-02-30", "không hợp lệ"),
    (20240115, "YYYY-MM-DD"),
])
def test_a_bad_receipt_day_is_named_in_vietnamese(received_on, text):
    with pytest.raises(DomainError) as info:
        engine.parse_request({**HTXSNV_2023, "received_on": received_on}, catalogue=FILE_CATALOGUE)
    assert "received_on" in info.value.message and text in info.value.message


@pytest.mark.django_db
def test_the_api_takes_the_receipt_day(django_user_model):
    user = django_user_model.objects.create_user(username="can_bo", password="x")
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    response = client.post(reverse("api:eligibility-check"), {**HTXSNV_2023, "received_on": "2024-01-15"}, format="json")
    assert response.status_code == 200 and response.json()["regime"] == "ND98_2023"
    assert response.json()["verdict"] == "eligible"
    bad = client.post(reverse("api:eligibility-check"), {**HTXSNV_2023, "received_on": "2022-01-01"}, format="json")
    assert bad.status_code == 400 and "received_on" in bad.json()["error"]
