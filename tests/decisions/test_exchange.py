"""The exchange package (decisions.exchange; docs/exchange-package.md): a dossier exported by one installation and
imported by another gives the same dossier, nominees and files; people unknown to the importer stay as external
nominees; a package that was changed on the way, of another version, not a zip, a zip bomb or with a path outside
files/ is refused with a Vietnamese message and changes nothing."""

from __future__ import annotations

import hashlib
import io
import json
import zipfile

import pytest
from django.core.files.storage import storages

from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent
from tdkt.decisions import exchange
from tdkt.decisions.exchange_import import package_import
from tdkt.nominations.models import Appraisal, Attachment, Dossier, DossierStatus, Nominee
from tdkt.nominations.selectors import office_inbox


def _zip(manifest: dict, members: dict[str, bytes], *, digest: bool = True) -> bytes:
    """A package as another installation would write it (the digest recomputed unless `digest` is False)."""
    if digest:
        manifest = {**manifest, "digest": {"algorithm": "sha256", "value": exchange.digest_of(manifest)}}
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _open(data: bytes) -> tuple[dict, dict[str, bytes]]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    return json.loads(members.pop("manifest.json")), members


def _picture(dossier):
    return (dossier.title, sorted((n.name, n.award_code, n.summary, n.justification) for n in dossier.nominees.all()),
            sorted((a.filename, a.component, a.sha256, a.size, a.nominee.name if a.nominee else "") for a in dossier.attachments.all()))


def _delete(dossier):
    """The original gone, as if it had only ever lived in the other installation (its stored files too)."""
    for a in Attachment.objects.filter(dossier=dossier):
        storages["default"].delete(a.storage_name)
    Attachment.objects.filter(dossier=dossier).delete()
    Appraisal.objects.filter(nominee__dossier=dossier).delete()
    Nominee.objects.filter(dossier=dossier).delete()
    Dossier.objects.filter(pk=dossier.pk).delete()


def test_an_exported_package_imported_elsewhere_gives_the_same_dossier_nominees_and_files(received, province_round, province_office,
                                                                                         personas):
    data = exchange.package_build(actor=personas["appraiser"], dossier=received)
    manifest, members = _open(data)
    assert manifest["schema"] == "tdkt.exchange.dossier" and manifest["version"] == 1
    assert manifest["digest"]["value"] == exchange.digest_of(manifest)
    assert all(hashlib.sha256(members[f["path"]]).hexdigest() == f["sha256"] for f in manifest["files"])
    assert AuditEvent.objects.filter(action="decisions.package.exported", target_id=str(received.pk)).exists()
    before, files = _picture(received), {a.sha256: storages["default"].open(a.storage_name).read() for a in received.attachments.all()}
    _delete(received)

    incoming = package_import(actor=province_office, data=data, target_round=province_round)
    incoming.refresh_from_db()
    assert _picture(incoming) == before
    assert {a.sha256: storages["default"].open(a.storage_name).read() for a in incoming.attachments.all()} == files
    assert incoming.status == DossierStatus.SUBMITTED and incoming in office_inbox(province_office)
    assert incoming.origin == "imported" and incoming.origin_name == "Phường Đống Đa" and incoming.origin_digest == manifest["digest"]["value"]
    assert {n.person.full_name for n in incoming.nominees.all()} == {"Nguyễn Văn An", "Trần Thị Bình"}  # matched to people here
    event = AuditEvent.objects.get(action="decisions.package.imported")
    assert event.data["nominees"] == 2 and event.data["external"] == 0
    with pytest.raises(DomainError, match="Gói hồ sơ này đã được nhập vào đợt xét"):
        package_import(actor=province_office, data=data, target_round=province_round)


def test_people_unknown_here_stay_as_external_nominees(received, province_round, province_office, personas):
    manifest, members = _open(exchange.package_build(actor=personas["appraiser"], dossier=received))
    stranger = next(n for n in manifest["nominees"] if n["subject"]["full_name"] == "Nguyễn Văn An")
    stranger["subject"].update(full_name="Đặng Thị Xuân", citizen_id="001190000123", date_of_birth="1990-02-01")
    del manifest["digest"]
    incoming = package_import(actor=province_office, data=_zip(manifest, members), target_round=province_round)
    external = incoming.nominees.get(external_name="Đặng Thị Xuân")
    assert external.is_external and external.person is None and external.award_code == "CSTD_TINH"
    assert external.external_data["subject"]["citizen_id"] == "001190000123"
    assert external.verdict == "needs_review" and "không có hồ sơ thành tích trong hệ thống này" in external.checks[0]["message"]
    assert incoming.nominees.get(person__full_name="Trần Thị Bình")


@pytest.fixture
def package(received, personas):
    return _open(exchange.package_build(actor=personas["appraiser"], dossier=received))


def _bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.json", "{}")
        archive.writestr("files/0001.pdf", b"\0" * (20 * 1024 * 1024))
    return buffer.getvalue()


def _tampered(package, how: str) -> bytes:
    manifest, members = json.loads(json.dumps(package[0])), dict(package[1])
    first = manifest["files"][0]["path"]
    if how == "file":
        members[first] = members[first].replace(b"%%EOF", b"%%EOF\n% changed")
        return _zip(manifest, members, digest=False)
    if how == "manifest":
        manifest["nominees"][0]["summary"] = "Thành tích được sửa trên đường gửi"
        return _zip(manifest, members, digest=False)
    if how == "version":
        manifest["version"] = 2
        return _zip({k: v for k, v in manifest.items() if k != "digest"}, members)
    if how == "not a zip":
        return b"%PDF-1.7 this is not a package"
    if how == "zip bomb":
        return _bomb()
    if how == "path traversal":
        members["files/../../etc/cron.d/x"] = b"* * * * * root rm -rf /"
        return _zip({k: v for k, v in manifest.items() if k != "digest"}, members)
    if how == "extra file":
        members["files/9999.pdf"] = members[first]
        return _zip({k: v for k, v in manifest.items() if k != "digest"}, members)
    if how == "missing file":
        del members[first]
        return _zip({k: v for k, v in manifest.items() if k != "digest"}, members)
    raise AssertionError(how)


@pytest.mark.parametrize(("how", "message"), [
    ("file", "đã bị thay đổi: kích thước hoặc mã kiểm tra SHA-256 không khớp"),
    ("manifest", "manifest.json đã bị thay đổi sau khi xuất"),
    ("version", "phiên bản 2 của gói hồ sơ không được hỗ trợ; hệ thống này đọc phiên bản 1"),
    ("not a zip", "không phải là gói hồ sơ dạng .zip"),
    ("zip bomb", "có thể là tệp độc hại"),
    ("path traversal", "tên không hợp lệ hoặc nằm ngoài thư mục files/"),
    ("extra file", "không được liệt kê trong manifest.json"),
    ("missing file", "thiếu tệp"),
])
def test_a_modified_package_is_refused_and_changes_nothing(package, province_round, province_office, how, message):
    dossiers, files, events = Dossier.objects.count(), Attachment.objects.count(), AuditEvent.objects.count()
    with pytest.raises(DomainError, match=message) as refused:
        package_import(actor=province_office, data=_tampered(package, how), target_round=province_round)
    assert refused.value.message.startswith("Gói hồ sơ bị từ chối:")
    assert (Dossier.objects.count(), Attachment.objects.count(), AuditEvent.objects.count()) == (dossiers, files, events)


def test_only_the_rounds_office_imports_and_only_into_an_open_round(package, province_round, personas):
    data = _zip({k: v for k, v in package[0].items() if k != "digest"}, package[1])
    with pytest.raises(DomainError, match="Chỉ cơ quan thường trực của cấp tổ chức xét"):
        package_import(actor=personas["appraiser"], data=data, target_round=province_round)  # the ward's office, not the province's


def test_only_the_dossiers_office_exports(received, personas):
    with pytest.raises(DomainError, match="Chỉ cơ quan thường trực của cấp xét hồ sơ"):
        exchange.package_build(actor=personas["officer_a"], dossier=received)


def test_a_package_zipped_again_with_its_folder_entry_is_read(package, province_round, province_office):
    manifest, members = package
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:  # as `zip -r` writes it
        archive.writestr("manifest.json", json.dumps(manifest, ensure_ascii=False))
        archive.writestr(zipfile.ZipInfo("files/"), b"")
        for name, data in members.items():
            archive.writestr(name, data)
    assert package_import(actor=province_office, data=buffer.getvalue(), target_round=province_round).nominees.count() == 2


def test_an_imported_stranger_can_be_forwarded_further_up(package, ward_round, province_round, personas, tree):
    """A school using another installation sends its package to the ward; the ward forwards its stranger to the province."""
    from tdkt.decisions import forwarding
    from tdkt.nominations import services

    manifest, members = json.loads(json.dumps(package[0])), package[1]
    manifest["dossier"]["level"] = {"code": "thcs_dong_da", "name": "Trường THCS Đống Đa", "kind": "school", "admin_code": None}
    manifest["nominees"] = [n for n in manifest["nominees"] if n["award_code"] == "CSTD_TINH"]
    manifest["nominees"][0]["subject"].update(full_name="Đặng Thị Xuân", citizen_id=None, date_of_birth="1990-02-01")
    manifest["files"] = [f for f in manifest["files"] if f["nominee"] in (None, manifest["nominees"][0]["key"])]
    members = {f["path"]: members[f["path"]] for f in manifest["files"]}
    del manifest["digest"]
    appraiser = personas["appraiser"]
    incoming = package_import(actor=appraiser, data=_zip(manifest, members), target_round=ward_round)
    assert incoming.unit == tree.school_a
    services.dossier_act(actor=appraiser, dossier=incoming, action="receive")
    stranger = incoming.nominees.get()
    upward = forwarding.dossier_forward(actor=appraiser, dossier=incoming, nominees=[stranger], target_round=province_round)
    copy = upward.nominees.get()
    assert copy.is_external and copy.name == "Đặng Thị Xuân" and copy.forwarded_from == stranger
    assert copy.external_data["subject"]["date_of_birth"] == "1990-02-01"
