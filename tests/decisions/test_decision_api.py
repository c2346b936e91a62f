"""The decisions API: the office drafts a decision from a closed session, changes and submits it, the chair signs it
(with "confirm": true); the revocation and cancellation drafts; 400 with a Vietnamese message and nothing changed on bad
input, 403 for a reader who may not act, 404 for another ward; the OpenAPI schema lists every endpoint."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse

from tdkt.core.numbering import numbering_profile_set
from tdkt.decisions.models import Decision, DecisionKind, DecisionStatus
from tdkt.records.models import AwardRecord
from tests.decisions.test_decisions import closed_session


@pytest.fixture
def session(council, dossiers, tree, personas):
    numbering_profile_set(actor=personas["admin"], issuer=tree.ward_a, abbreviation="UBND")
    return closed_session(council, dossiers)


def _post(client, name, args, body=None):
    return client.post(reverse(f"decisions_api:{name}", args=args), data=json.dumps(body or {}), content_type="application/json")


def test_the_whole_decision_through_the_api(client, session, personas, tree):
    client.force_login(personas["appraiser"])
    early = _post(client, "session-decision", [session.pk], {"decided_on": "2025-12-19"})
    assert early.status_code == 400 and "không được trước ngày họp Hội đồng" in early.json()["error"]
    malformed = _post(client, "session-decision", [session.pk], {"decided_on": "22/12"})
    assert malformed.status_code == 400 and malformed.json()["error"] == "Dữ liệu không hợp lệ: decided_on: không hợp lệ."
    assert not Decision.objects.exists()
    made = _post(client, "session-decision", [session.pk], {"decided_on": "2025-12-22"})
    assert made.status_code == 201
    body = made.json()
    assert body["status"] == "draft" and body["total_amount"] == 3_040_000 and [x["name"] for x in body["lines"]] == [
        "Nguyễn Văn An", "Trần Thị Bình"]
    pk = body["id"]

    patched = client.patch(reverse("decisions_api:decision", args=[pk]), data=json.dumps({"title": "Về việc khen thưởng năm 2025 (sửa)"}),
                           content_type="application/json")
    assert patched.status_code == 200 and patched.json()["title"] == "Về việc khen thưởng năm 2025 (sửa)"
    empty = client.patch(reverse("decisions_api:decision", args=[pk]), data=json.dumps({"grounds": [""]}), content_type="application/json")
    assert empty.status_code == 400 and empty.json()["error"] == "Quyết định phải có ít nhất một căn cứ."
    unknown = client.patch(reverse("decisions_api:decision", args=[pk]), data=json.dumps({"number": 9}), content_type="application/json")
    assert unknown.status_code == 400 and unknown.json()["error"] == "Trường không được hỗ trợ: number."

    assert _post(client, "decision-sign", [pk], {"confirm": True}).status_code == 403  # the office does not sign
    assert _post(client, "decision-submit", [pk]).status_code == 200

    client.force_login(personas["chair"])
    refused = _post(client, "decision-sign", [pk], {"confirm": False})
    assert refused.status_code == 400 and "xác nhận ký ban hành" in refused.json()["error"]
    assert Decision.objects.get(pk=pk).status == DecisionStatus.SUBMITTED
    signed = _post(client, "decision-sign", [pk], {"confirm": True})
    assert signed.status_code == 200 and signed.json()["number_text"] == "01/QĐ-UBND"
    assert all(line["award_record"] for line in signed.json()["lines"])
    again = _post(client, "decision-sign", [pk], {"confirm": True})
    assert again.status_code == 400 and again.json()["error"] == "Quyết định này đã được ký ban hành."
    assert AwardRecord.objects.filter(decision_number="01/QĐ-UBND").count() == 2

    client.force_login(personas["office_head"])
    an_line = signed.json()["lines"][0]["id"]
    no_reason = _post(client, "decision-revocation", [pk], {"lines": [an_line], "reason": "", "decided_on": "2026-01-10"})
    assert no_reason.status_code == 400 and "reason" in no_reason.json()["error"]
    revocation = _post(client, "decision-revocation", [pk], {"lines": [an_line], "reason": "Khai man thành tích", "decided_on": "2026-01-10"})
    assert revocation.status_code == 201 and revocation.json()["kind"] == DecisionKind.REVOCATION
    assert revocation.json()["lines"][0]["recover_amount"] == 2_340_000
    cancellation = _post(client, "decision-cancellation", [pk], {"reason": "Sai thẩm quyền", "decided_on": "2026-01-10"})
    assert cancellation.status_code == 201 and cancellation.json()["amends"] == pk

    listing = client.get(reverse("decisions_api:decisions") + "?status=issued").json()
    assert [d["id"] for d in listing] == [pk]
    assert client.get(reverse("decisions_api:decisions") + "?status=nope").status_code == 400


def test_scope_and_readers(client, session, personas):
    client.force_login(personas["appraiser"])
    pk = _post(client, "session-decision", [session.pk], {"decided_on": "2025-12-22"}).json()["id"]
    client.force_login(personas["officer_a"])
    assert client.get(reverse("decisions_api:decision", args=[pk])).status_code == 200
    assert _post(client, "decision-submit", [pk]).status_code == 403
    client.force_login(personas["officer_b"])
    assert client.get(reverse("decisions_api:decision", args=[pk])).status_code == 404
    assert client.get(reverse("decisions_api:decisions")).json() == []


def test_the_schema_lists_the_decision_endpoints(client, db):
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").content.decode()
    for path in ("/api/v1/decisions", "/api/v1/decisions/{id}", "/api/v1/council/sessions/{id}/decision", "/api/v1/decisions/{id}/sign",
                 "/api/v1/decisions/{id}/revocation", "/api/v1/decisions/{id}/cancellation", "/api/v1/decisions/{id}/return"):
        assert f'"{path}"' in schema
