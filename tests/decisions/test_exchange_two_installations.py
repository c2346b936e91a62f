"""The exchange package between two installations, as the issue's acceptance asks: the test database (this pass's,
SQLite or PostgreSQL) exports a ward's dossier; a second installation — its own SQLite database migrated from
scratch, its own media folder, run as a subprocess of the `tdkt` command — holds only the province, the ward, one of
the two people and the province's open round and office, and imports the package with `tdkt exchange import`. It
then holds the same dossier, nominees and files (the same bytes in its own media folder); a package changed on the
way is refused there (a Vietnamese message, exit code 2, no traceback) and writes nothing.

The second installation is migrated once for the module (about 15 s on an idle machine); each command run there costs
about a second."""

from __future__ import annotations

import hashlib
import json
import os
import re
import sqlite3
import subprocess
import sys
from contextlib import closing
from pathlib import Path

import pytest
from django.core.files.storage import storages
from django.core.management import call_command

from tests.decisions.test_exchange import _open, _tampered, _zip

ROOT = Path(__file__).resolve().parents[2]
TDKT = [sys.executable, "-c", "from tdkt.cli import main; main()"]  # the `tdkt` console command's entry point

# The minimum a province's installation needs to receive the ward's package: the province and the ward (the sender,
# matched by its code), the school and one teacher (Nguyễn Văn An, matched by name and date of birth; Trần Thị Bình is
# not known there), the province's open year-end round and its standing office's officer. Run by `tdkt shell -c`.
SEED = """
import datetime as dt, json
from django.contrib.auth import get_user_model
from django.utils import timezone
from tdkt.accounts.models import Role
from tdkt.accounts.services import role_assign
from tdkt.core.actors import system_actor
from tdkt.nominations import services
from tdkt.org import services as org
from tdkt.org.models import Gender, UnitKind

system, year, since = system_actor(), timezone.localdate().year - 1, dt.date(2025, 7, 1)
province = org.unit_create(actor=system, code="ha_noi", name="Thành phố Hà Nội", kind=UnitKind.PROVINCE)
ward = org.unit_create(actor=system, code="phuong_dong_da", name="Phường Đống Đa", kind=UnitKind.COMMUNE, parent=province,
                       valid_from=since)
school = org.unit_create(actor=system, code="thcs_dong_da", name="Trường THCS Đống Đa", kind=UnitKind.SCHOOL, parent=ward)
an = org.person_create(actor=system, full_name="Nguyễn Văn An", gender=Gender.MALE, unit=school, position="Giáo viên",
                       date_of_birth=dt.date(1985, 3, 12))
round_ = services.round_open(actor=system, office_unit=province, year=year, kind="ANNUAL",
                             title=f"Khen thưởng tổng kết năm {year} — thành phố Hà Nội", awards=["CSTD_TINH", "LDTT"],
                             intake_from=dt.date(year, 11, 1), intake_to=dt.date(year + 1, 12, 31))
officer = get_user_model().objects.create_user("thamdinh.tinh", first_name="Vũ Thị", last_name="Hoa")
role_assign(actor=system, user=officer, role=Role.APPRAISER, unit=province, valid_from=since)
print(json.dumps({"round": round_.pk, "an": an.pk}))
"""

# What the second installation holds, as JSON: its dossiers with their nominees and files.
READ = """
import json
from tdkt.core.models import AuditEvent
from tdkt.nominations.models import Dossier
from tdkt.nominations.selectors import office_inbox
from django.contrib.auth import get_user_model

officer = get_user_model().objects.get(username="thamdinh.tinh")
inbox = set(office_inbox(officer).values_list("pk", flat=True))
print(json.dumps({
    "dossiers": [{
        "pk": d.pk, "title": d.title, "status": d.status, "origin": d.origin, "origin_name": d.origin_name,
        "unit": d.unit.code, "round": d.round_id, "created_by": d.created_by.username, "in_inbox": d.pk in inbox,
        "imported_by": [e.actor.username for e in AuditEvent.objects.filter(action="decisions.package.imported", target_id=str(d.pk))],
        "nominees": [{"name": n.name, "award_code": n.award_code, "summary": n.summary, "justification": n.justification,
                      "person": n.person_id, "external": n.is_external} for n in d.nominees.order_by("id")],
        "files": [{"filename": a.filename, "component": a.component, "sha256": a.sha256, "size": a.size,
                   "nominee": a.nominee.name if a.nominee else "", "storage_name": a.storage_name,
                   "uploaded_by": a.uploaded_by.username} for a in d.attachments.order_by("id")],
    } for d in Dossier.objects.order_by("id")],
}, ensure_ascii=False))
"""


class Installation:
    """Another TĐKT installation: its own database and media folder, driven through the `tdkt` command."""

    def __init__(self, folder: Path):
        self.database, self.media = folder / "tdkt.sqlite3", folder / "media"
        env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "SQLITE_PATH", "REDIS_URL", "MEDIA_ROOT")}
        self.env = {**env, "DATABASE_URL": f"sqlite:///{self.database}", "MEDIA_ROOT": str(self.media),
                    "TDKT_VAR_DIR": str(folder / "var"), "DJANGO_SETTINGS_MODULE": "tdkt.settings"}

    def run(self, *args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*TDKT, *args], cwd=ROOT, env=self.env, capture_output=True, text=True, timeout=300)

    def shell(self, code: str) -> dict:
        done = self.run("shell", "--no-imports", "-c", code)
        assert done.returncode == 0, done.stderr
        return json.loads(done.stdout.strip().splitlines()[-1])

    def dossiers(self) -> dict[int, dict]:
        return {d["pk"]: d for d in self.shell(READ)["dossiers"]}

    def written(self) -> tuple[dict[str, int], dict[str, bytes]]:
        """Every table's row count (read with sqlite3, without starting Django) and every stored file: what a refused
        import must leave as it was."""
        with closing(sqlite3.connect(f"file:{self.database}?mode=ro", uri=True)) as db:
            tables = [t for (t,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
            rows = {t: db.execute(f'SELECT COUNT(*) FROM "{t}"').fetchone()[0] for t in tables}
        files = {str(p.relative_to(self.media)): p.read_bytes() for p in self.media.rglob("*") if p.is_file()} if self.media.exists() else {}
        return rows, files


@pytest.fixture(scope="module")
def elsewhere(tmp_path_factory) -> tuple[Installation, dict]:
    """The province's installation, migrated from scratch and seeded (once for the module)."""
    there = Installation(tmp_path_factory.mktemp("elsewhere"))
    migrated = there.run("migrate", "--no-input", "-v", "0")
    assert migrated.returncode == 0, migrated.stderr
    return there, there.shell(SEED)


def _export(dossier, tmp_path, username: str) -> Path:
    """The ward's package, written by this installation's command."""
    target = tmp_path / "goi-ho-so.zip"
    call_command("exchange", "export", str(dossier.pk), str(target), "--user", username)
    return target


def test_a_package_from_this_database_imported_by_another_installation_gives_the_same_dossier(elsewhere, received, personas,
                                                                                              tmp_path):
    there, seeded = elsewhere
    nominees = sorted((n.name, n.award_code, n.summary, n.justification) for n in received.nominees.all())
    files = sorted((a.filename, a.component, a.sha256, a.size, a.nominee.name if a.nominee else "") for a in received.attachments.all())
    contents = {a.sha256: storages["default"].open(a.storage_name).read() for a in received.attachments.all()}
    package = _export(received, tmp_path, personas["appraiser"].username)

    done = there.run("exchange", "import", str(package), "--round", str(seeded["round"]), "--user", "thamdinh.tinh")
    assert (done.returncode, done.stderr) == (0, ""), done.stderr
    assert "Đã nhập gói hồ sơ của Phường Đống Đa" in done.stdout and "2 người, tập thể (1 ngoài hệ thống)" in done.stdout

    incoming = there.dossiers()[int(re.search(r"hồ sơ mã số (\d+)", done.stdout).group(1))]
    assert incoming["title"] == received.title
    assert (incoming["status"], incoming["origin"], incoming["origin_name"], incoming["unit"], incoming["round"]) == (
        "submitted", "imported", "Phường Đống Đa", "phuong_dong_da", seeded["round"])
    assert incoming["created_by"] == "thamdinh.tinh" and incoming["imported_by"] == ["thamdinh.tinh"] and incoming["in_inbox"]
    assert sorted((n["name"], n["award_code"], n["summary"], n["justification"]) for n in incoming["nominees"]) == nominees
    people = {n["name"]: (n["person"], n["external"]) for n in incoming["nominees"]}
    assert people == {"Nguyễn Văn An": (seeded["an"], False), "Trần Thị Bình": (None, True)}  # known there by name and birth date; not known
    assert sorted((f["filename"], f["component"], f["sha256"], f["size"], f["nominee"]) for f in incoming["files"]) == files
    assert {f["uploaded_by"] for f in incoming["files"]} == {"thamdinh.tinh"}
    for f in incoming["files"]:  # the bytes themselves, in the other installation's own media folder
        data = (there.media / f["storage_name"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == f["sha256"] and data == contents[f["sha256"]]

    written = there.written()
    again = there.run("exchange", "import", str(package), "--round", str(seeded["round"]), "--user", "thamdinh.tinh")
    assert again.returncode == 2 and again.stdout == "" and "Gói hồ sơ này đã được nhập vào đợt xét" in again.stderr
    assert there.written() == written


def _changed(package: tuple[dict, dict[str, bytes]], how: str) -> bytes:
    if how != "one byte":
        return _tampered(package, how)
    manifest, members = package  # one byte of the first file flipped: the same size, another SHA-256
    first = manifest["files"][0]["path"]
    data = bytearray(members[first])
    data[len(data) // 2] ^= 0x01
    return _zip(manifest, {**members, first: bytes(data)}, digest=False)


@pytest.mark.parametrize(("how", "message"), [
    ("one byte", "đã bị thay đổi: kích thước hoặc mã kiểm tra SHA-256 không khớp"),
    ("file", "đã bị thay đổi: kích thước hoặc mã kiểm tra SHA-256 không khớp"),
    ("manifest", "manifest.json đã bị thay đổi sau khi xuất"),
])
def test_a_package_changed_on_the_way_is_refused_by_the_other_installation(elsewhere, received, personas, tmp_path, how, message):
    there, seeded = elsewhere
    changed = tmp_path / "goi-ho-so-da-sua.zip"
    changed.write_bytes(_changed(_open(_export(received, tmp_path, personas["appraiser"].username).read_bytes()), how))
    written = there.written()

    done = there.run("exchange", "import", str(changed), "--round", str(seeded["round"]), "--user", "thamdinh.tinh")
    assert done.returncode == 2 and done.stdout == ""
    assert done.stderr.startswith("Gói hồ sơ bị từ chối:") and message in done.stderr and "Traceback" not in done.stderr
    assert there.written() == written
