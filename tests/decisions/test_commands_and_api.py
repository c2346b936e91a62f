"""`tdkt exchange export|rounds|import` (as the system account or `--user`) and the API of forwarding and exchange: the same services, exit 2 / HTTP 400 with a
Vietnamese message on bad input, the OpenAPI schema names the endpoints."""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from tdkt.core.models import AuditEvent
from tdkt.nominations.models import Dossier


def call(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command(*args, stdout=out, stderr=err)
    except SystemExit as exc:
        return exc.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


def test_the_commands_export_and_import_a_package(received, province_round, tmp_path):
    target = tmp_path / "goi.zip"
    code, out, err = call("exchange", "export", str(received.pk), str(target))
    assert (code, err) == (0, "") and "Đã xuất gói hồ sơ" in out and target.stat().st_size > 0
    code, out, err = call("exchange", "import", str(target), "--round", str(province_round.pk))
    assert (code, err) == (0, "") and "Đã nhập gói hồ sơ của Phường Đống Đa" in out and "2 người, tập thể (0 ngoài hệ thống)" in out
    incoming = Dossier.objects.get(round=province_round)
    assert incoming.origin == "imported" and incoming.nominees.count() == 2
    code, _, err = call("exchange", "import", str(target), "--round", str(province_round.pk))
    assert code == 2 and "đã được nhập vào đợt xét" in err


@pytest.mark.parametrize(("args", "message"), [
    (("export",), "Cách dùng: tdkt exchange export"),
    (("export", "abc", "x.zip"), "Mã số hồ sơ “abc” không phải là số nguyên"),
    (("export", "999999", "x.zip"), "Không có hồ sơ mã số 999999"),
    (("import", "x.zip"), "Cách dùng: tdkt exchange import"),
    (("import", "/khong/co/goi.zip", "--round", "ROUND"), "Không tìm thấy tệp"),
    (("import", "NOTZIP", "--round", "ROUND"), "không phải là gói hồ sơ dạng .zip"),
    (("import", "NOTZIP", "--round", "999999"), "Không có đợt xét mã số 999999"),
])
def test_the_commands_refuse_bad_input_with_exit_2(received, province_round, tmp_path, args, message):
    notzip = tmp_path / "not.zip"
    notzip.write_bytes(b"this is no zip")
    args = [str(notzip) if a == "NOTZIP" else str(province_round.pk) if a == "ROUND" else a for a in args]
    if args[0] == "export" and len(args) == 3 and args[1] == "999999":
        args[2] = str(tmp_path / "x.zip")
    events = AuditEvent.objects.count()
    code, out, err = call("exchange", *args)
    assert code == 2 and message in err and out == ""
    assert AuditEvent.objects.count() == events


def test_the_commands_act_as_the_officer_named_by_user(received, province_round, ward_round, province_office, personas, tmp_path):
    target = tmp_path / "goi.zip"
    code, _, err = call("exchange", "export", str(received.pk), str(target), "--user", personas["appraiser"].username)
    assert (code, err) == (0, "")
    assert AuditEvent.objects.get(action="decisions.package.exported").actor == personas["appraiser"]
    code, out, err = call("exchange", "import", str(target), "--round", str(province_round.pk), "--user", province_office.username)
    assert (code, err) == (0, "") and "Đã nhập gói hồ sơ" in out
    incoming = Dossier.objects.get(round=province_round)
    assert incoming.created_by == province_office and {a.uploaded_by for a in incoming.attachments.all()} == {province_office}
    assert AuditEvent.objects.get(action="decisions.package.imported").actor == province_office


def test_the_rounds_are_listed_for_the_officer(ward_round, province_round, personas):
    code, out, err = call("exchange", "rounds")
    assert (code, err) == (0, "") and f"{province_round.pk}: {province_round.title} — Thành phố Hà Nội" in out
    assert f"{ward_round.pk}: {ward_round.title} — Phường Đống Đa" in out
    code, out, _ = call("exchange", "rounds", "--user", personas["appraiser"].username)  # the ward's office: its own round only
    assert code == 0 and f"\n{ward_round.pk}: " in out and f"\n{province_round.pk}: " not in out
    code, out, _ = call("exchange", "rounds", "--user", personas["officer_a"].username)  # a unit officer imports nothing
    assert code == 0 and out.strip() == "Không có đợt xét nào đang mở nhập được gói hồ sơ."


@pytest.mark.parametrize(("user", "message"), [
    ("khong.co", "Không có tài khoản “khong.co”."),
    ("LOCKED", "đã bị khóa"),
    ("appraiser", "Chỉ cơ quan thường trực của cấp tổ chức xét"),  # the ward's office, not the province's
])
def test_the_import_refuses_an_account_that_cannot(received, province_round, personas, tmp_path, user, message):
    target = tmp_path / "goi.zip"
    assert call("exchange", "export", str(received.pk), str(target))[0] == 0
    if user == "LOCKED":
        personas["no_role"].is_active = False
        personas["no_role"].save(update_fields=["is_active"])
    username = {"LOCKED": personas["no_role"].username, "appraiser": personas["appraiser"].username}.get(user, user)
    dossiers, events = Dossier.objects.count(), AuditEvent.objects.count()
    code, out, err = call("exchange", "import", str(target), "--round", str(province_round.pk), "--user", username)
    assert code == 2 and message in err and out == "" and "Traceback" not in err
    assert (Dossier.objects.count(), AuditEvent.objects.count()) == (dossiers, events)


def test_the_api_forwards_exports_and_imports(client, received, province_round, province_office, personas):
    client.force_login(personas["appraiser"])
    an = received.nominees.get(person__full_name="Nguyễn Văn An")
    url = reverse("decisions_api:forward", args=[received.pk])
    wrong = client.post(url, data=json.dumps({"target_round": province_round.pk, "nominees": []}), content_type="application/json")
    assert wrong.status_code == 400 and "Dữ liệu không hợp lệ" in wrong.json()["error"]
    done = client.post(url, data=json.dumps({"target_round": province_round.pk, "nominees": [an.pk]}), content_type="application/json")
    assert done.status_code == 201 and done.json()["origin"] == "forwarded" and done.json()["nominees"][0]["forwarded_from"] == an.pk
    package = client.get(reverse("decisions_api:package", args=[received.pk]))
    assert package.status_code == 200 and package["Content-Type"] == "application/zip" and package.content[:2] == b"PK"
    client.force_login(province_office)
    bad = client.post(reverse("decisions_api:packages", args=[province_round.pk]), data={})
    assert bad.status_code == 400 and "Hãy gửi tệp gói hồ sơ" in bad.json()["error"]


def test_the_api_import_takes_a_multipart_package(client, received, province_round, province_office, personas):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from tdkt.decisions import exchange

    data = exchange.package_build(actor=personas["appraiser"], dossier=received)
    client.force_login(province_office)
    url = reverse("decisions_api:packages", args=[province_round.pk])
    response = client.post(url, data={"package": SimpleUploadedFile("goi.zip", data, content_type="application/zip")})
    assert response.status_code == 201, response.content
    assert response.json()["origin"] == "imported" and len(response.json()["nominees"]) == 2
    tampered = client.post(url, data={"package": SimpleUploadedFile("goi.zip", data[:-40], content_type="application/zip")})
    assert tampered.status_code == 400 and tampered.json()["error"].startswith("Gói hồ sơ bị từ chối")


def test_the_schema_describes_the_endpoints(client, db):
    schema = client.get(reverse("api-schema"), HTTP_ACCEPT="application/json").content.decode()
    for path in ("/api/v1/dossiers/{id}/forward", "/api/v1/dossiers/{id}/package", "/api/v1/rounds/{id}/packages"):
        assert path in schema
