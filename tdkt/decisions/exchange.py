"""The exchange package (gói hồ sơ): a dossier sent to a higher level that uses another TĐKT installation.

A zip holding `manifest.json` (schema `tdkt.exchange.dossier`, version 1: `schemas/exchange-package-v1.json`,
documented in docs/exchange-package.md) and the files under `files/NNNN.ext`. The manifest carries each file's
size and SHA-256, and `digest`: the SHA-256 of the manifest itself without `digest` (canonical JSON: keys sorted,
no spaces, UTF-8), so a changed file, a changed manifest, a missing or extra member is refused. The digest shows
that nothing changed on the way; it is not a signature (who sent it is the sender's digital signature's job, later).

`package_build(*, actor, dossier)` writes the package (audited `decisions.package.exported`); `package_read(data)`
opens and checks one without touching the database (exchange_import.py imports it).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
import json
import zipfile
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tdkt.core import audit
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.core.uploads import KINDS
from tdkt.nominations.models import SUBJECT_RELATED, Dossier

from . import files

SCHEMA = "tdkt.exchange.dossier"
VERSION = 1
MANIFEST = "manifest.json"
MAX_MEMBERS = 2001  # the manifest and at most 2,000 files (the schema's limit)
MAX_MANIFEST = 16 * 1024 * 1024
MAX_RATIO = 200  # a member inflating more than 200 times is a zip bomb, not a PDF
_EXTENSIONS = {kind.content_type: kind.extension for kind in KINDS.values()}


def max_package_bytes() -> int:
    """Uncompressed size of a whole package: 20 files of the largest upload (TDKT_UPLOAD_MAX_MB), at least 100 MB."""
    return max(20 * settings.TDKT_UPLOAD_MAX_MB, 100) * 1024 * 1024


@cache
def schema() -> dict:
    return json.loads((Path(__file__).parent / "schemas" / "exchange-package-v1.json").read_text(encoding="utf-8"))


def canonical(manifest: dict) -> bytes:
    body = {k: v for k, v in manifest.items() if k != "digest"}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


def digest_of(manifest: dict) -> str:
    return hashlib.sha256(canonical(manifest)).hexdigest()


# --- export ----------------------------------------------------------------------------------------------------


def _unit(unit) -> dict | None:
    if unit is None:
        return None
    return {"code": unit.code, "name": unit.name, "kind": unit.kind, "admin_code": unit.admin_code}


def _subject(nominee) -> dict:
    if nominee.person_id:
        p = nominee.person
        return {"kind": "individual", "full_name": p.full_name, "gender": p.gender or "",
                "date_of_birth": p.date_of_birth.isoformat() if p.date_of_birth else None, "citizen_id": p.citizen_id or None,
                "position": p.position or "", "unit": _unit(p.unit)}
    if nominee.unit_id:
        return {"kind": "collective", "unit": _unit(nominee.unit)}
    if nominee.household_id:
        h = nominee.household
        return {"kind": "household", "head_name": h.head_name, "address": h.address or "", "village": _unit(h.village)}
    data = nominee.external_data or {}
    return data.get("subject") or {"kind": "individual", "full_name": nominee.external_name, "gender": "", "date_of_birth": None,
                                   "citizen_id": None, "position": "", "unit": None}


def manifest_of(dossier: Dossier, *, exported_at: dt.datetime | None = None) -> tuple[dict, list[tuple[str, bytes]]]:
    """The manifest (digest included) and the files ((path in the zip, bytes)) of a dossier's package."""
    nominees = list(dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED, "appraisal").order_by("id"))
    keys = {n.pk: f"n{i}" for i, n in enumerate(nominees, start=1)}
    entries, members = [], []
    for row in dossier.attachments.filter(withdrawn_at__isnull=True).order_by("uploaded_at", "id"):
        if row.nominee_id is not None and row.nominee_id not in keys:
            continue
        data = files.read_attachment(row)
        path = f"files/{len(entries) + 1:04d}{_EXTENSIONS.get(row.content_type, files.extension_of(row.storage_name))}"
        entries.append({"path": path, "filename": row.filename, "component": row.component,
                        "nominee": keys.get(row.nominee_id), "content_type": row.content_type, "size": len(data),
                        "sha256": hashlib.sha256(data).hexdigest()})
        members.append((path, data))
    level = dossier.round.office_unit
    manifest = {
        "schema": SCHEMA, "version": VERSION,
        "exported_at": (exported_at or timezone.now()).astimezone(dt.UTC).isoformat(timespec="seconds"),
        "installation": {"name": "Hệ thống quản lý thi đua, khen thưởng", "url": getattr(settings, "TDKT_SITE_URL", "") or ""},
        "dossier": {"reference": dossier.tracking_code, "title": dossier.title, "status": dossier.status,
                    "unit": _unit(dossier.unit), "level": _unit(level),
                    "round": {"title": dossier.round.title, "year": dossier.round.year, "kind": dossier.round.kind},
                    "submitted_on": dossier.submitted_on.isoformat() if dossier.submitted_on else None,
                    "received_on": dossier.received_on.isoformat() if dossier.received_on else None},
        "nominees": [{"key": keys[n.pk], "award_code": n.award_code, "summary": n.summary, "justification": n.justification,
                      "appraisal": getattr(getattr(n, "appraisal", None), "conclusion", None), "subject": _subject(n)}
                     for n in nominees],
        "files": entries,
    }
    manifest["digest"] = {"algorithm": "sha256", "value": digest_of(manifest)}
    return manifest, members


def package_build(*, actor, dossier: Dossier) -> bytes:
    """The package of a dossier (its nominees still in it, its files and theirs), as zip bytes. Audited."""
    require(actor, "decisions.export_dossier", dossier, message="Chỉ cơ quan thường trực của cấp xét hồ sơ mới xuất được gói hồ sơ.")
    if not dossier.nominees.filter(withdrawn=False).exists():
        raise DomainError("Hồ sơ chưa có người hoặc tập thể nào được đề nghị: không có gì để xuất.", code="empty")
    with transaction.atomic():
        manifest, members = manifest_of(dossier)
        buffer = io.BytesIO()
        with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
            for path, data in members:
                archive.writestr(path, data)
        audit.record(actor=actor, action="decisions.package.exported", target=dossier, data={
            "digest": manifest["digest"]["value"], "nominees": len(manifest["nominees"]), "files": len(members)})
    return buffer.getvalue()


def package_filename(dossier: Dossier) -> str:
    return f"goi-ho-so-{dossier.tracking_code}.zip"


# --- reading and checking ------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Package:
    manifest: dict
    files: dict[str, bytes]  # path in the zip → bytes (checked against the manifest)

    @property
    def digest(self) -> str:
        return self.manifest["digest"]["value"]


def _refuse(message: str, code: str = "package") -> DomainError:
    return DomainError(f"Gói hồ sơ bị từ chối: {message}", code=code)


def _safe_member(name: str) -> bool:
    return name == MANIFEST or (name.startswith("files/") and "/" not in name[6:] and ".." not in name and "\\" not in name
                                and ":" not in name and name[6:] not in ("", ".", ".."))


def package_read(data: bytes) -> Package:
    """Open and check a package (never writes anything): a zip, safe member names, sizes within bounds, the manifest
    of schema version 1, its digest, and every file as the manifest lists it. Raises DomainError (Vietnamese)."""
    if not isinstance(data, bytes | bytearray) or not data:
        raise _refuse("tệp rỗng.", "empty")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError):
        raise _refuse("tệp không phải là gói hồ sơ dạng .zip (hoặc bị hỏng).", "not_zip") from None
    with archive:
        infos = [i for i in archive.infolist() if not (i.filename == "files/" and i.is_dir())]  # `zip -r` writes the folder
        if len(infos) > MAX_MEMBERS:
            raise _refuse(f"có {len(infos)} thành phần, nhiều hơn giới hạn {MAX_MEMBERS}.", "zip_bomb")
        names = [i.filename for i in infos]
        bad = [n for n in names if not _safe_member(n)]
        if bad:
            raise _refuse(f"có thành phần với tên không hợp lệ hoặc nằm ngoài thư mục files/: “{bad[0]}”.", "member_name")
        if len(set(names)) != len(names):
            raise _refuse("có hai thành phần trùng tên.", "member_name")
        total = sum(i.file_size for i in infos)
        if total > max_package_bytes() or any(i.file_size > MAX_RATIO * max(i.compress_size, 1) + 4096 for i in infos):
            raise _refuse("khi giải nén, nội dung quá lớn so với tệp nén (có thể là tệp độc hại).", "zip_bomb")
        if MANIFEST not in names:
            raise _refuse("không có tệp manifest.json.", "manifest")
        try:
            contents = {i.filename: _read_member(archive, i) for i in infos}
        except (zipfile.BadZipFile, OSError, EOFError, ValueError, NotImplementedError):
            raise _refuse("một thành phần của tệp nén bị hỏng.", "damaged") from None
    manifest = _manifest(contents.pop(MANIFEST))
    listed = {f["path"]: f for f in manifest["files"]}
    extra = sorted(set(contents) - set(listed))
    if extra:
        raise _refuse(f"có tệp “{extra[0]}” không được liệt kê trong manifest.json.", "extra_file")
    for path, entry in listed.items():
        body = contents.get(path)
        if body is None:
            raise _refuse(f"thiếu tệp “{entry['filename']}” ({path}) được liệt kê trong manifest.json.", "missing_file")
        if len(body) != entry["size"] or hashlib.sha256(body).hexdigest() != entry["sha256"]:
            raise _refuse(f"tệp “{entry['filename']}” ({path}) đã bị thay đổi: kích thước hoặc mã kiểm tra SHA-256 không "
                          "khớp với manifest.json.", "file_changed")
    return Package(manifest=manifest, files=contents)


def _read_member(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    limit = MAX_MANIFEST if info.filename == MANIFEST else info.file_size
    with archive.open(info) as handle:
        body = handle.read(limit + 1)
    if len(body) > limit:
        raise ValueError("member larger than declared")
    return body


def _manifest(raw: bytes) -> dict:
    import jsonschema

    try:
        manifest = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _refuse("manifest.json không phải là JSON hợp lệ (UTF-8).", "manifest") from None
    if not isinstance(manifest, dict) or manifest.get("schema") != SCHEMA:
        raise _refuse(f"manifest.json không phải của gói hồ sơ TĐKT (thiếu “schema”: “{SCHEMA}”).", "manifest")
    if manifest.get("version") != VERSION:
        raise _refuse(f"phiên bản {manifest.get('version')!r} của gói hồ sơ không được hỗ trợ; hệ thống này đọc phiên bản "
                      f"{VERSION}.", "version")
    errors = sorted(jsonschema.Draft202012Validator(schema(), format_checker=jsonschema.FormatChecker()).iter_errors(manifest),
                    key=lambda e: list(e.absolute_path))
    if errors:
        where = "/".join(str(p) for p in errors[0].absolute_path) or "(gốc)"
        raise _refuse(f"manifest.json không đúng lược đồ phiên bản {VERSION} tại “{where}”.", "manifest")
    value = manifest["digest"]["value"]
    if digest_of(manifest) != value:
        raise _refuse("manifest.json đã bị thay đổi sau khi xuất (mã kiểm tra SHA-256 của gói không khớp).", "digest")
    keys = [n["key"] for n in manifest["nominees"]]
    if len(set(keys)) != len(keys) or any(f["nominee"] not in (None, *keys) for f in manifest["files"]):
        raise _refuse("manifest.json nhắc tới người, tập thể không có trong danh sách.", "manifest")
    return manifest
