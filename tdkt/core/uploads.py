"""Attachments: checked by their content, stored under names nobody can guess, served only after a permission check.

- `check_upload(file)` says what a file is from its bytes (`tdkt.core.upload_content`), never from its name:
  PDF, Word (.docx), Excel (.xlsx), JPEG and PNG only; the name's extension must agree with the content; an
  empty file, a file over `TDKT_UPLOAD_MAX_MB` (checked from its size before anything is read) and a ZIP bomb
  are refused. Each refusal is a `DomainError` with a Vietnamese message naming the file; nothing is stored.
- `store_upload(file, checked, prefix=...)` writes it through Django's storage API (`storages["default"]`, so
  S3-compatible storage is a setting away) as `<prefix>/<yyyy>/<mm>/<32 random hex digits><extension of the
  content>`, and returns that name for the owning row to keep, with `Upload.filename` and `.content_type`.
- `serve_upload(request, ...)` returns the download. It checks NO permission: its caller checks first.
- `AttachmentField` (forms) and `checked_request_file` (the API) put the same messages on a field.

MEDIA_URL is never routed (tdkt/urls.py has no media URL and no `static()` helper for it) and must not be
served by the reverse proxy: the only way to a stored attachment is a view that checked the owner's permission.
See docs/decisions/0016-uploads-checked-by-content.md.
"""

from __future__ import annotations

import hashlib
import math
import re
import secrets
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import quote

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import UploadedFile
from django.http import FileResponse, Http404
from django.utils import timezone
from django.utils.functional import lazy

from .errors import DomainError
from .upload_content import ZIP_MAX_ENTRIES, ZIP_MAX_UNCOMPRESSED, ZipBomb, identify

MB = 1024 * 1024
MAX_FILENAME = 150  # characters of a display name, its extension kept


@dataclass(frozen=True)
class Kind:
    code: str
    label: str  # the kind in a sentence: "tệp Word (.docx)"
    short: str  # the kind in a list: "Word (.docx)"
    extension: str  # the extension of the stored name, from the content
    extensions: tuple[str, ...]  # the extensions a user's file name may have
    content_type: str


KINDS: dict[str, Kind] = {k.code: k for k in (
    Kind("pdf", "tệp PDF", "PDF", ".pdf", (".pdf",), "application/pdf"),
    Kind("docx", "tệp Word (.docx)", "Word (.docx)", ".docx", (".docx",),
         "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    Kind("xlsx", "tệp Excel (.xlsx)", "Excel (.xlsx)", ".xlsx", (".xlsx",),
         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    Kind("jpeg", "ảnh JPEG", "ảnh JPEG", ".jpg", (".jpg", ".jpeg"), "image/jpeg"),
    Kind("png", "ảnh PNG", "ảnh PNG", ".png", (".png",), "image/png"),
)}
DEFAULT_KINDS: tuple[str, ...] = tuple(KINDS)
_BY_EXTENSION = {ext: kind for kind in KINDS.values() for ext in kind.extensions}
_CONTENT_TYPES = {kind.content_type for kind in KINDS.values()}
_PREFIX = re.compile(r"[a-z0-9][a-z0-9_-]*(/[a-z0-9][a-z0-9_-]*)*")
_FORBIDDEN_IN_NAMES = re.compile(r'[<>:"/\\|?*]')  # not allowed in a Windows file name


@dataclass(frozen=True)
class Upload:
    """A file that passed `check_upload`.

    kind: "pdf" | "docx" | "xlsx" | "jpeg" | "png", from the content; content_type: its MIME type (what to serve
    it as); size: bytes; sha256: hex digest of the bytes; filename: the user's name made safe to show and to
    offer as a download name (NFC, no folders, no control or format characters, at most 150 characters);
    extension: the extension of the content with its dot (".jpg" for every JPEG), for the stored name.
    """

    kind: str
    content_type: str
    size: int
    sha256: str
    filename: str
    extension: str


def check_upload(file, *, allowed: Iterable[str] = DEFAULT_KINDS, max_bytes: int | None = None) -> Upload:
    """Check an uploaded file by its content, or raise DomainError (Vietnamese, naming the file).

    `file`: a Django `UploadedFile` / `File`, or any seekable binary file object with a `name`. `allowed`: the
    kinds accepted here (codes of `KINDS`, default all five). `max_bytes`: the limit, default
    `TDKT_UPLOAD_MAX_MB` MB. The name's extension must be one of an allowed kind's and agree with the content
    (a name without an extension gets the content's: "scan" → "scan.pdf").
    The file is read once (head, tail, ZIP directory, then the digest) and left rewound; it is not stored.
    Error codes: upload_empty, upload_too_large, upload_type, upload_mismatch, upload_damaged, upload_zip_bomb.
    """
    kinds = _kinds(allowed)
    name = safe_filename(getattr(file, "name", "") or "")
    limit = max_bytes if max_bytes is not None else settings.TDKT_UPLOAD_MAX_MB * MB
    size = _size(file)
    if size == 0:
        raise DomainError(f"Tệp “{name}” rỗng (không có nội dung).", code="upload_empty")
    _check_size(name, size, limit)
    try:
        content = identify(file, size)
    except ZipBomb:
        entries = f"{ZIP_MAX_ENTRIES:,}".replace(",", ".")
        raise DomainError(f"Tệp “{name}” bị từ chối: khi giải nén, nội dung vượt quá {ZIP_MAX_UNCOMPRESSED // MB} MB "
                          f"hoặc {entries} thành phần (có thể là tệp độc hại).", code="upload_zip_bomb") from None
    accepted = _accepted_list(kinds)
    ext = _extension(name)
    if not ext and content.kind in kinds:
        name = f"{name}{KINDS[content.kind].extension}"  # no extension to disagree with: the content's is added
    declared = _BY_EXTENSION.get(_extension(name))
    if declared is None or declared.code not in kinds:
        raise DomainError(f"Tệp “{name}” không được nhận: nội dung là {content.what}. Chỉ nhận {accepted}.",
                          code="upload_type")
    if content.kind != declared.code and declared.code not in content.maybe:
        advice = ("Hãy chọn đúng tệp, hoặc đặt lại tên tệp cho đúng loại." if content.kind in kinds
                  else f"Chỉ nhận {accepted}.")
        raise DomainError(f"Tệp “{name}” không phải là {declared.label}: nội dung là {content.what}. {advice}",
                          code="upload_mismatch")
    if content.damage:
        raise DomainError(f"Tệp “{name}” bị hỏng hoặc không đầy đủ: {content.damage}. "
                          "Hãy mở tệp trên máy, lưu lại rồi tải lên lại.", code="upload_damaged")
    digest, read = _digest(file)
    _check_size(name, read, limit)  # a file object whose size said less than it holds
    return Upload(kind=declared.code, content_type=declared.content_type, size=read, sha256=digest, filename=name,
                  extension=declared.extension)


def safe_filename(name: str) -> str:
    """A user's file name safe to show and to offer as a download name.

    The last path part only ("../../etc/passwd.pdf" → "passwd.pdf", either slash), NFC, spaces of every kind
    made one space, control and format characters (bidirectional overrides included) removed, characters that
    Windows refuses in a name replaced by "_", leading and trailing dots and spaces stripped, at most 150
    characters (the extension kept); "tệp đính kèm" when nothing is left.
    """
    text = str(name).replace("\\", "/").rpartition("/")[2]
    text = unicodedata.normalize("NFC", text)
    text = "".join(" " if ch.isspace() else ch for ch in text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "C")
    text = _FORBIDDEN_IN_NAMES.sub("_", text)
    text = re.sub(" +", " ", text).strip(" .")
    if len(text) > MAX_FILENAME:
        stem, dot, ext = text.rpartition(".")
        ext = f".{ext}" if dot and stem and len(ext) <= 10 else ""
        text = text[: MAX_FILENAME - len(ext)].rstrip(" .") + ext
    return text or "tệp đính kèm"


def store_upload(upload_file, checked: Upload, *, prefix: str) -> str:
    """Write a checked file through the default storage; return its storage name for the owning row to keep.

    The name is `<prefix>/<yyyy>/<mm>/<32 random hex digits><checked.extension>` (the month in TIME_ZONE):
    nothing in it comes from the user, so it can be neither guessed nor steered. `prefix` is a fixed code of the
    owner ("nominations/attachments"): lower-case letters, digits, "-", "_", parts joined by "/". The file must
    be the one `checked` describes (same size). Storage is not transactional: a row that is rolled back leaves
    its file behind, unreachable (nothing names it), for a later clean-up.
    """
    if not _PREFIX.fullmatch(prefix):
        raise ValueError(f"invalid storage prefix {prefix!r}")
    if _size(upload_file) != checked.size:
        raise ValueError("the file is not the one that was checked")
    now = timezone.localtime()
    name = f"{prefix}/{now:%Y}/{now:%m}/{secrets.token_hex(16)}{checked.extension}"
    upload_file.seek(0)
    return storages["default"].save(name, upload_file)


def serve_upload(request, *, name: str, filename: str, content_type: str) -> FileResponse:
    """The download of a stored attachment. IT CHECKS NO PERMISSION.

    Call it only from a view that has first fetched the owning object through its selector (scoped to the
    user) and checked the owner's permission to see its attachments (a 404 or 403 otherwise), and that takes
    `name`, `filename` and `content_type` from that object's row, never from the request: whoever reaches this
    call gets the file. Always a download (`Content-Disposition: attachment`, the name in RFC 6266 / 5987 form,
    an ASCII fallback beside the UTF-8 one), never rendered by the browser (`X-Content-Type-Options: nosniff`),
    never kept by a cache (`Cache-Control: private, no-store`). A missing file is a 404. `request` is the
    request being answered (unused today: it is there so that the call is a view's, and for later needs such as
    an audit of downloads or byte ranges).
    """
    if content_type not in _CONTENT_TYPES:
        raise ValueError(f"not an attachment content type: {content_type!r}")
    try:
        handle = storages["default"].open(name, "rb")
    except FileNotFoundError:
        raise Http404("Không tìm thấy tệp đính kèm.") from None
    response = FileResponse(handle, content_type=content_type)
    response["Content-Disposition"] = content_disposition(safe_filename(filename))
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


def content_disposition(filename: str) -> str:
    """`attachment; filename="Bang khen.pdf"; filename*=UTF-8''B%E1%BA%B1ng%20khen.pdf` (RFC 6266, RFC 5987)."""
    fallback = unicodedata.normalize("NFKD", filename.replace("đ", "d").replace("Đ", "D"))
    fallback = "".join(ch if 32 <= ord(ch) < 127 else "_" for ch in fallback if not unicodedata.combining(ch))
    fallback = fallback.replace("\\", "_").replace('"', "_")
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(filename, safe='')}"


class AttachmentField(forms.FileField):
    """A file field whose clean() runs `check_upload`: its Vietnamese refusal becomes the field's error.

    The cleaned value is the uploaded file with the result on it: `form.cleaned_data["x"].checked` (an
    `Upload`), ready for `store_upload(file, file.checked, prefix=...)`. An unchanged or cleared value (a bound
    form's initial file, False) is returned as Django's FileField returns it, unchecked.
    """

    def __init__(self, *, allowed: Iterable[str] = DEFAULT_KINDS, max_bytes: int | None = None, **kwargs):
        self.allowed = _kinds(allowed)
        self.max_bytes = max_bytes
        kwargs.setdefault("help_text", _lazy_help(self.allowed, max_bytes))
        kwargs.setdefault("allow_empty_file", True)  # check_upload says it, in the same words as the rest
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.setdefault("accept", ",".join(ext for code in self.allowed for ext in KINDS[code].extensions))
        return attrs

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if value and value is data:
            try:
                value.checked = check_upload(value, allowed=self.allowed, max_bytes=self.max_bytes)
            except DomainError as exc:
                raise ValidationError(exc.message, code=exc.code) from exc
        return value


def checked_request_file(request, field: str = "file", *, allowed: Iterable[str] = DEFAULT_KINDS,
                         max_bytes: int | None = None) -> tuple[UploadedFile, Upload]:
    """For an API view (DRF's Request or Django's HttpRequest, multipart): the file sent as `field` and its
    `Upload`, or a DomainError (400 through `tdkt.core.api`) whose details are {field: [message]}, as
    `api_forms.validated` gives them. One file per field."""
    files = request.FILES.getlist(field)
    if len(files) != 1:
        message = "Chưa gửi tệp đính kèm." if not files else "Chỉ gửi một tệp đính kèm cho mỗi trường."
        raise DomainError(message, code="upload_missing" if not files else "upload_many", details={field: [message]})
    try:
        return files[0], check_upload(files[0], allowed=allowed, max_bytes=max_bytes)
    except DomainError as exc:
        raise DomainError(exc.message, code=exc.code, details={field: [exc.message]}) from exc


def upload_help(allowed: Iterable[str] = DEFAULT_KINDS, max_bytes: int | None = None) -> str:
    """"Nhận tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc ảnh PNG; tối đa 20 MB mỗi tệp." """
    limit = max_bytes if max_bytes is not None else settings.TDKT_UPLOAD_MAX_MB * MB
    return f"Nhận {_accepted_list(_kinds(allowed))}; tối đa {_amount(limit, limit)} mỗi tệp."


_lazy_help = lazy(upload_help, str)


def _kinds(allowed: Iterable[str]) -> tuple[str, ...]:
    kinds = tuple(dict.fromkeys(allowed))
    unknown = [code for code in kinds if code not in KINDS]
    if unknown or not kinds:
        raise ValueError(f"unknown attachment kinds: {unknown or 'none given'}")
    return kinds


def _accepted_list(kinds: tuple[str, ...]) -> str:
    """"tệp PDF, Word (.docx), Excel (.xlsx), ảnh JPEG hoặc ảnh PNG"."""
    words = [KINDS[code].short for code in kinds]
    return "tệp " + (words[0] if len(words) == 1 else ", ".join(words[:-1]) + " hoặc " + words[-1])


def _extension(name: str) -> str:
    stem, dot, ext = name.rpartition(".")
    return f".{ext.lower()}" if dot and stem else ""


def _size(file) -> int:
    """The file's size without reading it: `UploadedFile.size`, else by seeking to its end."""
    size = getattr(file, "size", None)
    if isinstance(size, int):
        return size
    position = file.tell()
    end = file.seek(0, 2)
    file.seek(position)
    return end


def _check_size(name: str, size: int, limit: int) -> None:
    if size > limit:
        raise DomainError(f"Tệp “{name}” có dung lượng {_amount(size, limit, up=True)}, vượt quá giới hạn "
                          f"{_amount(limit, limit)} mỗi tệp.", code="upload_too_large")


def _amount(n: int, limit: int, *, up: bool = False) -> str:
    """n bytes with a decimal comma, in the unit of the limit: "20 MB", "20,1 MB" (or KB, or byte, for tiny limits)."""
    if limit < 1024:
        return f"{n} byte"
    unit, scale = ("MB", MB) if limit >= MB else ("KB", 1024)
    value = (math.ceil if up else math.floor)(n / scale * 10) / 10
    return f"{value:.1f}".removesuffix(".0").replace(".", ",") + f" {unit}"


def _digest(file) -> tuple[str, int]:
    """The SHA-256 of the bytes and their count; the file is left rewound."""
    digest, read = hashlib.sha256(), 0
    file.seek(0)
    chunks = file.chunks() if hasattr(file, "chunks") else iter(lambda: file.read(64 * 1024), b"")
    for chunk in chunks:
        digest.update(chunk)
        read += len(chunk)
    file.seek(0)
    return digest.hexdigest(), read
