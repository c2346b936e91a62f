"""The amendment through the API: the draft of an issued decision's amendment, a corrected line and a supplemented
subject added, the net total; a Vietnamese 400 and nothing changed on bad input, 403 for a reader, 404 for another
ward; the schema lists the endpoints."""

from __future__ import annotations

import json

from django.urls import reverse

from tdkt.decisions.models import Decision, DecisionKind
from tests.decisions.test_amendments import issued  # noqa: F401  (a fixture)
from tests.decisions.test_decisions import numbering  # noqa: F401  (a fixture)


def _post(client, name, args, body=None):
    return client.post(reverse(f"decisions_api:{name}", args=args), data=json.dumps(body or {}), content_type="application/json")


def test_the_amendment_through_the_api(client, issued, personas, tree):  # noqa: F811
    client.force_login(personas["appraiser"])
    empty = _post(client, "decision-amendment", [issued.pk], {"decided_on": "2025-12-29"})
    assert empty.status_code == 400 and "reason: thiếu" in empty.json()["error"]
    created = _post(client, "decision-amendment", [issued.pk], {"reason": "Ghi nhầm danh hiệu", "decided_on": "2025-12-29"})
    assert created.status_code == 201
    body = created.json()
    assert (body["kind"], body["amends"], body["title"], body["lines"]) == (
        "amendment", issued.pk, "Về việc sửa đổi, bổ sung Quyết định số 01/QĐ-UBND", [])
    pk = body["id"]
    binh = issued.lines.get(name="Trần Thị Bình")
    bad_year = _post(client, "decision-lines", [pk], {"replaces": binh.pk, "award_code": "CSTDCS", "year": 1900})
    assert bad_year.status_code == 400 and bad_year.json()["error"] == "Năm thành tích phải từ 1945 đến 2025."
    beyond = _post(client, "decision-lines", [pk], {"person": tree.cuong.pk, "award_code": "CSTD_TINH", "year": 2025})
    assert beyond.status_code == 400 and "không thuộc thẩm quyền quyết định của Phường Đống Đa" in beyond.json()["error"]
    other_ward = _post(client, "decision-lines", [pk], {"person": tree.dung.pk, "award_code": "LDTT", "year": 2025})
    assert other_ward.status_code == 400 and other_ward.json()["error"] == (
        f"Không có cá nhân mã số {tree.dung.pk} trong phạm vi của Phường Đống Đa.")
    foreign_line = _post(client, "decision-lines", [pk], {"replaces": 999_999, "award_code": "CSTDCS", "year": 2025})
    assert foreign_line.status_code == 400 and "không có dòng mã số 999999" in foreign_line.json()["error"]
    unknown = _post(client, "decision-lines", [pk], {"award_code": "LDTT", "year": 2025, "nguoi": 1})
    assert unknown.status_code == 400 and unknown.json()["error"] == "Trường không được hỗ trợ: nguoi."
    assert not Decision.objects.get(pk=pk).lines.exists()

    replaced = _post(client, "decision-lines", [pk], {"replaces": binh.pk, "award_code": "CSTDCS", "year": 2025})
    assert replaced.status_code == 201
    line = replaced.json()["lines"][0]
    assert (line["award_code"], line["amount"], line["revoked_award"], line["recover_amount"]) == (
        "CSTDCS", 2_340_000, binh.award_record_id, 700_000)
    added = _post(client, "decision-lines", [pk], {"person": tree.cuong.pk, "award_code": "LDTT", "year": 2025,
                                                   "achievement": "Hoàn thành tốt nhiệm vụ"})
    assert added.status_code == 201 and added.json()["total_amount"] == 2_340_000 + 700_000 - 700_000
    assert [x["name"] for x in added.json()["lines"]] == ["Trần Thị Bình", "Lê Minh Cường"]
    assert _post(client, "decision-submit", [pk]).status_code == 200
    client.force_login(personas["chair"])
    signed = _post(client, "decision-sign", [pk], {"confirm": True})
    assert signed.status_code == 200 and signed.json()["number_text"] == "02/QĐ-UBND"
    assert all(x["award_record"] for x in signed.json()["lines"])


def test_readers_and_other_wards(client, issued, personas):  # noqa: F811
    client.force_login(personas["officer_a"])
    assert _post(client, "decision-amendment", [issued.pk], {"reason": "Sai", "decided_on": "2025-12-29"}).status_code == 403
    client.force_login(personas["officer_b"])
    assert _post(client, "decision-amendment", [issued.pk], {"reason": "Sai", "decided_on": "2025-12-29"}).status_code == 404
    client.force_login(personas["appraiser"])
    not_amendment = _post(client, "decision-lines", [issued.pk], {"award_code": "LDTT", "year": 2025})
    assert not_amendment.status_code == 400 and "Chỉ thêm dòng vào dự thảo quyết định sửa đổi, bổ sung." in not_amendment.json()["error"]
    assert not Decision.objects.filter(kind=DecisionKind.AMENDMENT).exists()


def test_the_schema_lists_the_amendment_endpoints(client, db):
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").content.decode()
    for path in ("/api/v1/decisions/{id}/amendment", "/api/v1/decisions/{id}/lines"):
        assert f'"{path}"' in schema
