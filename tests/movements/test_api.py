"""The movements API: launch, register, remind, approve and return through the same services; the schema lists it."""

import datetime as dt
import json

import pytest
from django.urls import reverse

from tdkt.movements.models import Movement, Registration, RegistrationStatus

from .conftest import today

pytestmark = pytest.mark.django_db


def _send(client, url, body, method="post"):
    return getattr(client, method)(url, data=json.dumps(body), content_type="application/json")


def test_the_schema_lists_the_movement_endpoints(client, db):
    paths = json.loads(client.get(reverse("api-schema") + "?format=json").content)["paths"]
    for path in ("/api/v1/movements", "/api/v1/movements/{id}", "/api/v1/movements/{id}/registrations",
                 "/api/v1/movements/{id}/remind", "/api/v1/registrations/{id}", "/api/v1/registrations/{id}/actions"):
        assert path in paths, path


def test_launch_register_remind_return_and_approve_through_the_api(client, world):
    t = today()
    client.force_login(world.personas["officer_a"])
    body = {"unit": "phuong_dong_da", "kind": "thematic", "name": "Thi đua qua API", "starts_on": t.isoformat(),
            "ends_on": (t + dt.timedelta(days=30)).isoformat(), "registration_deadline": (t + dt.timedelta(days=5)).isoformat(),
            "targets": ["thcs_dong_da", "mn_dong_da"], "planned_awards": ["GIAY_KHEN"],
            "criteria": [{"text": "Hoàn thành nhiệm vụ", "points": "-1"}]}
    response = _send(client, reverse("movements_api:movements"), body)
    assert response.status_code == 400 and "không được là số âm" in response.json()["error"]
    body["criteria"][0]["points"] = "10"
    body["targets"].append("th_lang")
    response = _send(client, reverse("movements_api:movements"), body)
    assert response.status_code == 400 and "không thuộc phạm vi" in response.json()["error"]
    body["targets"].pop()
    response = _send(client, reverse("movements_api:movements"), body)
    assert response.status_code == 201, response.content
    movement = Movement.objects.get()
    detail = response.json()
    assert [c["text"] for c in detail["criteria"]] == ["Hoàn thành nhiệm vụ"] and len(detail["targets"]) == 2
    criterion = detail["criteria"][0]["id"]

    client.force_login(world.school_officer)
    url = reverse("movements_api:registrations", args=[movement.pk])
    response = _send(client, url, {"unit": "mn_dong_da", "submit": True})
    assert response.status_code == 400 and "không có quyền" in response.json()["error"]  # the service's Forbidden
    assert not Registration.objects.exists()
    response = _send(client, url, {"unit": "thcs_dong_da", "targets": [{"criterion": criterion, "target": "100%"}],
                                   "titles": [{"award": "GIAY_KHEN"}, {"award": "GIAY_KHEN", "person": world.tree.an.pk}], "submit": True})
    assert response.status_code == 201, response.content
    registration = response.json()
    assert registration["status"] == "submitted" and len(registration["titles"]) == 2
    assert [r["id"] for r in client.get(url).json()] == [registration["id"]]

    client.force_login(world.kindergarten_officer)
    assert client.get(reverse("movements_api:registration", args=[registration["id"]])).status_code == 404
    assert client.get(url).json() == []

    client.force_login(world.personas["officer_a"])
    response = _send(client, reverse("movements_api:remind", args=[movement.pk]), {})
    assert response.status_code == 200 and [u["code"] for u in response.json()["reminded"]] == ["mn_dong_da"]
    assert _send(client, reverse("movements_api:remind", args=[movement.pk]), {}).status_code == 400
    actions = reverse("movements_api:registration_actions", args=[registration["id"]])
    assert _send(client, actions, {"action": "return"}).status_code == 400
    assert _send(client, actions, {"action": "return", "reason": "Ghi rõ chỉ tiêu"}).json()["status"] == "returned"
    client.force_login(world.school_officer)
    assert _send(client, actions, {"action": "submit"}).json()["status"] == "resubmitted"
    client.force_login(world.personas["officer_a"])
    assert _send(client, actions, {"action": "approve"}).json()["status"] == "approved"
    assert Registration.objects.get().status == RegistrationStatus.APPROVED
    listing = client.get(reverse("movements_api:movements") + f"?unit=phuong_dong_da&year={t.year}").json()
    assert [m["name"] for m in listing] == ["Thi đua qua API"]
    assert client.get(reverse("movements_api:movements") + "?year=abc").status_code == 400
