"""Files of an incoming dossier: copied from the lower level's dossier (forwarding) or taken from a package (exchange),
always through Django's storage API (S3-compatible storage is a setting away), under names nobody can guess."""

from __future__ import annotations

import hashlib
import secrets

from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.utils import timezone

from tdkt.core.errors import DomainError
from tdkt.nominations.models import Attachment

CHUNK = 1024 * 1024


def read_attachment(attachment: Attachment) -> bytes:
    """The bytes of a stored attachment, checked against its SHA-256 (a file changed in the storage is refused)."""
    try:
        with storages["default"].open(attachment.storage_name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise DomainError(f"Không tìm thấy tệp “{attachment.filename}” trong kho lưu trữ.", code="file_missing") from None
    if hashlib.sha256(data).hexdigest() != attachment.sha256:
        raise DomainError(f"Tệp “{attachment.filename}” trong kho lưu trữ không còn đúng với tệp đã nộp (mã kiểm tra SHA-256 "
                          "khác); không chuyển được.", code="file_changed")
    return data


def store_copy(data: bytes, *, dossier_pk: int, extension: str) -> str:
    """Write bytes under `nominations/<dossier>/<yyyy>/<mm>/<random><extension>` (as `core.uploads.store_upload` names
    an upload) and return the storage name."""
    now = timezone.localtime()
    name = f"nominations/{dossier_pk}/{now:%Y}/{now:%m}/{secrets.token_hex(16)}{extension}"
    return storages["default"].save(name, ContentFile(data))


def extension_of(storage_name: str) -> str:
    tail = storage_name.rpartition("/")[2]
    return "." + tail.rpartition(".")[2] if "." in tail else ""
