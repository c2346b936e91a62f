"""The count as a command (`tdkt council tally FILE.json`, "-" = stdin) and an endpoint (`POST /api/v1/council/tally`):
the same answer, a Vietnamese message with exit 2 / HTTP 400 on bad input, in the OpenAPI schema."""

from __future__ import annotations

import io
import json
import sys

import pytest
from django.core.management import call_command
from django.urls import reverse

EXAMPLE = {"award": "CSTD_TINH", "decided_on": "2025-12-20", "members": 15, "present": 12, "agree": 13, "disagree": 1}


def call(*args, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        call_command(*args, stdout=out, stderr=err)
    except SystemExit as exc:
        return exc.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_the_command_counts_a_file(tmp_path):
    path = tmp_path / "phieu.json"
    path.write_text(json.dumps({**EXAMPLE, "agree": 14, "disagree": 0}), encoding="utf-8")
    code, out, err = call("council", "tally", str(path))
    data = json.loads(out)
    assert code == 0 and err == ""
    assert data["passed"] is True and data["share"] == 93.33 and data["threshold"] == 90.0
    assert data["quorum"] == {"required": 10, "present": 12, "met": True, "numerator": 2, "denominator": 3}
    assert data["legal_basis"].startswith("Khoản 7 Điều 30 Nghị định 98/2023/NĐ-CP")


@pytest.mark.django_db
def test_the_command_reads_stdin_and_speaks_vietnamese(monkeypatch):
    code, out, _ = call("council", "tally", "-", "--text", stdin=json.dumps(EXAMPLE), monkeypatch=monkeypatch)
    assert code == 0
    assert "Chiến sĩ thi đua bộ, ban, ngành, tỉnh — ngày 20/12/2025" in out
    assert "Túc số: có mặt 12/15, cần 10 (đủ)." in out
    assert "Không đạt: 13/15 phiếu đồng ý (86,67%)" in out
    assert "Căn cứ: Khoản 7 Điều 30" in out and "(cần xác minh)" in out


@pytest.mark.django_db
@pytest.mark.parametrize(("stdin", "message"), [
    ("{\"award\": ", "Dữ liệu JSON sai cú pháp (dòng 1"),
    (json.dumps({**EXAMPLE, "present": 20}), "Số thành viên có mặt (20) lớn hơn tổng số thành viên Hội đồng (15)."),
    (json.dumps({**EXAMPLE, "agree": -2}), "Trường “agree”: không được là số âm (-2)."),
    (json.dumps({**EXAMPLE, "award": "XYZ"}), "“XYZ” không có trong danh mục"),
    (json.dumps({**EXAMPLE, "decided_on": "hôm nay"}), "Trường “decided_on”: ngày “hôm nay” không hợp lệ"),
])
def test_the_command_exits_2_with_a_vietnamese_message(monkeypatch, stdin, message):
    code, out, err = call("council", "tally", "-", stdin=stdin, monkeypatch=monkeypatch)
    assert code == 2 and out == "" and message in err and "Traceback" not in err


@pytest.mark.django_db
def test_the_command_names_a_missing_file():
    code, _, err = call("council", "tally", "/khong/co/tep.json")
    assert code == 2 and "Không tìm thấy tệp “/khong/co/tep.json”." in err


def test_the_endpoint_gives_the_same_answer_as_the_command(client, personas, tmp_path):
    client.force_login(personas["council_member"])
    response = client.post(reverse("council_api:tally"), data=json.dumps(EXAMPLE), content_type="application/json")
    path = tmp_path / "phieu.json"
    path.write_text(json.dumps(EXAMPLE), encoding="utf-8")
    _, out, _ = call("council", "tally", str(path))
    assert response.status_code == 200
    assert response.json() == json.loads(out)
    assert response.json()["passed"] is False and response.json()["share"] == 86.67


@pytest.mark.parametrize(("body", "message"), [
    ({**EXAMPLE, "agree": 15, "disagree": 1}, "Tổng số phiếu đồng ý và không đồng ý (16) lớn hơn tổng số thành viên"),
    ({**EXAMPLE, "members": -1}, "Trường “members”: không được là số âm (-1)."),
    ([1, 2], "phải là một đối tượng JSON"),
])
def test_the_endpoint_answers_400_in_vietnamese(client, personas, body, message):
    client.force_login(personas["officer_a"])
    response = client.post(reverse("council_api:tally"), data=json.dumps(body), content_type="application/json")
    assert response.status_code == 400 and message in response.json()["error"]


def test_the_endpoint_refuses_malformed_json_in_vietnamese(client, personas):
    client.force_login(personas["officer_a"])
    response = client.post(reverse("council_api:tally"), data="{\"award\"", content_type="application/json")
    assert response.status_code == 400 and response.json()["error"] == "Dữ liệu JSON sai cú pháp."


def test_the_endpoint_is_in_the_openapi_schema(client, personas):
    client.force_login(personas["admin"])
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").content.decode()
    assert "/api/v1/council/tally" in schema and "Tính kết quả biểu quyết của Hội đồng TĐKT" in schema
