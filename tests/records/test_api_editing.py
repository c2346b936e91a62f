"""The REST API for the new writes (same services, same forms, same scope) and its OpenAPI schema."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tdkt.core.models import AuditEvent
from tdkt.org.models import Person
from tdkt.records.models import AwardRecord, YearRating


def _post(client, url, body, method="post"):
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def test_the_schema_covers_the_existing_and_the_new_endpoints(client, db):
    response = client.get(reverse("api-schema") + "?format=json")
    assert response.status_code == 200
    text = response.content.decode()
    schema = json.loads(text)
    paths = schema["paths"]
    for path in ("/api/v1/eligibility/check", "/api/v1/reward/compute", "/api/v1/people", "/api/v1/people/{id}",
                 "/api/v1/people/{id}/move", "/api/v1/people/{id}/ratings", "/api/v1/people/{id}/awards",
                 "/api/v1/people/{id}/awards/{award_id}", "/api/v1/people/{id}/disciplines",
                 "/api/v1/people/{id}/initiatives", "/api/v1/people/{id}/{kind}/{entry_id}/withdraw"):
        assert path in paths, path
    assert "patch" in paths["/api/v1/people/{id}"]
    body = schema["components"]["schemas"]["PersonCreateIn"]
    assert {"full_name", "gender", "unit"} <= set(body["required"])


def test_an_officer_adds_a_person_and_records_their_ledger_through_the_api(client, officer_a, tree):
    client.force_login(officer_a)
    response = _post(client, reverse("org_api:people"), {"full_name": "Vũ Minh Khoa", "gender": "M", "unit": tree.ward_a.pk,
                                                        "joined_on": "2023-02-01", "is_leader": False})
    assert response.status_code == 201, response.content
    pk = response.json()["id"]
    assert Person.objects.get(pk=pk).unit == tree.ward_a
    response = _post(client, reverse("org_api:person", args=[pk]), {"position": "Chuyên viên"}, method="patch")
    assert response.status_code == 200 and response.json()["position"] == "Chuyên viên"
    event = AuditEvent.objects.get(action="org.person.updated", target_id=str(pk))
    assert event.data == {"old": {"position": ""}, "new": {"position": "Chuyên viên"}}
    y = tree.year
    assert _post(client, reverse("records_api:ratings", args=[pk]), {"year": y, "rating": "HTTNV"}).status_code == 201
    assert YearRating.objects.get(person_id=pk, year=y).rating == "HTTNV"
    response = _post(client, reverse("records_api:awards", args=[pk]),
                     {"award_code": "LDTT", "year": y - 1, "decision_number": "3/QĐ-UBND", "decision_date": f"{y}-01-05",
                      "issuer_name": "UBND phường Đống Đa"})
    assert response.status_code == 201, response.content
    award_id = response.json()["id"]
    response = _post(client, reverse("records_api:award", args=[pk, award_id]), {"decision_number": "4/QĐ-UBND", "reason": "Ghi nhầm số"},
                     method="patch")
    assert response.status_code == 200 and response.json()["decision_number"] == "4/QĐ-UBND"
    response = _post(client, reverse("records_api:withdraw", args=[pk, "award", award_id]), {"reason": "Ghi nhầm người"})
    assert response.status_code == 200 and not AwardRecord.objects.filter(pk=award_id).exists()


def test_bad_input_is_a_400_with_vietnamese_messages_by_field(client, officer_a, tree):
    client.force_login(officer_a)
    response = _post(client, reverse("org_api:people"), {"full_name": "", "gender": "X", "unit": tree.school_b.pk})
    assert response.status_code == 400
    details = response.json()["details"]
    assert details["full_name"] == ["Vui lòng nhập họ và tên."]
    assert details["unit"] == ["Đơn vị không thuộc phạm vi của bạn."]
    response = _post(client, reverse("records_api:ratings", args=[tree.an.pk]), {"year": tree.year, "rating": "XYZ"})
    assert response.status_code == 400 and response.json()["details"]["rating"] == ["Mức xếp loại không hợp lệ."]


@pytest.mark.parametrize("name,args", [("org_api:person", ()), ("org_api:person-move", ()), ("records_api:ratings", ()),
                                       ("records_api:awards", ()), ("records_api:disciplines", ()), ("records_api:initiatives", ())])
def test_another_wards_person_is_404_and_a_reader_403(client, officer_b, appraiser, tree, name, args):
    url = reverse(name, args=[tree.an.pk, *args])
    client.force_login(officer_b)
    method = "patch" if name == "org_api:person" else "post"
    assert _post(client, url, {}, method=method).status_code == 404
    client.force_login(appraiser)
    assert _post(client, url, {}, method=method).status_code == 403
