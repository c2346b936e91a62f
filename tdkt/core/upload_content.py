"""What an uploaded file really is, read from its bytes (never from its name): the engine of `tdkt.core.uploads`.

The five accepted kinds are decided by exact checks written here, each a few bytes plus the structure that
makes the file usable:
- PDF: starts with `%PDF-1.x` or `%PDF-2.x` and ends (in its last 8 KiB) with `startxref` … `%%EOF`; a header
  alone, or a file cut short during the upload, is damaged.
- PNG: the 8-byte signature, then the `IHDR` chunk, and `IEND` in the last 8 KiB.
- JPEG: `FF D8 FF` and a marker. No end-of-image check: phones append data after it ("motion photos").
- .docx / .xlsx: a ZIP whose central directory opens, holding `[Content_Types].xml` and the main part
  (`word/document.xml`, `xl/workbook.xml`) declared with the content type of a document (a workbook); a
  macro-enabled file (`vbaProject.bin`, a `macroEnabled` content type), a template, a presentation, an
  OpenDocument file or a plain ZIP is another kind. The archive is refused, as a possible ZIP bomb, past
  `ZIP_MAX_ENTRIES` members or `ZIP_MAX_UNCOMPRESSED` bytes declared uncompressed (Python's zipfile never
  inflates a member past its declared size, so the declaration bounds any later reader that uses it).
Anything else is only named, for the refusal: programs (MZ, ELF, Mach-O, `#!` scripts), web pages, SVG, old
Office files (OLE, also what Office makes of a password-protected .docx/.xlsx), and through `puremagic` (its
signature table, by MIME family) other images, video, sound and archives.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from xml.etree import ElementTree

HEAD_BYTES = 8 * 1024
TAIL_BYTES = 8 * 1024
ZIP_MAX_ENTRIES = 10_000
ZIP_MAX_UNCOMPRESSED = 512 * 1024 * 1024
CONTENT_TYPES_MAX = 1024 * 1024  # [Content_Types].xml is a few KB in any real file

PROGRAM = "tệp chương trình"
_PROGRAM_MAGIC = (
    b"MZ",  # Windows .exe, .dll, .scr
    b"\x7fELF",  # Linux, Android
    b"\xfe\xed\xfa\xce", b"\xfe\xed\xfa\xcf", b"\xce\xfa\xed\xfe", b"\xcf\xfa\xed\xfe",  # Mach-O
    b"\xca\xfe\xba\xbe",  # Mach-O universal binary, Java class
    b"#!",  # a script for a Unix shell or interpreter
    b"\x00asm",  # WebAssembly
)
_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_PNG = b"\x89PNG\r\n\x1a\n"
_PDF_HEADER = re.compile(rb"%PDF-[12]\.\d")
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")

_DOCX_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
_XLSX_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"
_OOXML = ("docx", "xlsx")
_ARCHIVE_MIME = ("zip", "rar", "7z", "tar", "gzip", "bzip", "xz", "lzma", "zstd", "compress", "archive", "cab", "iso9660")


@dataclass(frozen=True)
class Content:
    """kind: an accepted kind's code ("pdf", "docx", "xlsx", "jpeg", "png") or None; what: the content in words
    for a refusal ("tệp chương trình"); damage: why the file cannot be used, or "" when it can; maybe: the kinds
    a damaged file of no known kind may have been (a ZIP that does not open may be a .docx or an .xlsx)."""

    kind: str | None
    what: str
    damage: str = ""
    maybe: tuple[str, ...] = ()


class ZipBomb(Exception):
    """The archive declares more members or more uncompressed bytes than any real document has."""


def identify(file, size: int) -> Content:
    """What the file holds. `file` is seekable and binary; its position is left anywhere (the caller rewinds)."""
    file.seek(0)
    head = file.read(HEAD_BYTES)
    file.seek(max(0, size - TAIL_BYTES))
    tail = file.read(TAIL_BYTES)
    if head.startswith(_PROGRAM_MAGIC):
        return Content(None, PROGRAM)
    if head.startswith(b"%PDF-"):
        if not _PDF_HEADER.match(head) or b"%%EOF" not in tail or b"startxref" not in tail:
            return Content("pdf", "tệp PDF", "tệp PDF không có phần kết thúc")
        return Content("pdf", "tệp PDF")
    if head.startswith(_PNG):
        if head[12:16] != b"IHDR" or b"IEND" not in tail:
            return Content("png", "ảnh PNG", "ảnh PNG bị cắt cụt")
        return Content("png", "ảnh PNG")
    if head[:3] == b"\xff\xd8\xff" and len(head) > 3 and head[3] >= 0xC0 and head[3] != 0xFF:
        return Content("jpeg", "ảnh JPEG")
    if head.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        return _zip_content(file)
    if head.startswith(_OLE):
        return Content(None, "tài liệu Office đời cũ (.doc, .xls) hoặc tệp Office có đặt mật khẩu")
    return _markup(head) or _by_signature(head) or _text(head)


def _zip_content(file) -> Content:
    try:
        archive = zipfile.ZipFile(file)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        return Content(None, "tệp nén ZIP bị hỏng", "không đọc được cấu trúc tệp", maybe=_OOXML)
    with archive:
        members = archive.infolist()
        if len(members) > ZIP_MAX_ENTRIES or sum(m.file_size for m in members) > ZIP_MAX_UNCOMPRESSED:
            raise ZipBomb
        names = {m.filename.lower(): m for m in members}
        if any(name.endswith("vbaproject.bin") for name in names):
            return Content(None, "tệp Office có macro (.docm, .xlsm)")
        if "mimetype" in names and "content.xml" in names:
            return Content(None, "tài liệu OpenDocument (.odt, .ods)")
        types = names.get("[content_types].xml")
        if types is None:
            return Content(None, "tệp nén ZIP")
        try:
            overrides = _overrides(archive, types)
        except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError, RuntimeError, ElementTree.ParseError):
            return Content(None, "tài liệu Office", "không đọc được phần mô tả nội dung", maybe=_OOXML)
    return _office_kind(overrides, names)


def _overrides(archive: zipfile.ZipFile, types: zipfile.ZipInfo) -> dict[str, str]:
    """The content types of [Content_Types].xml by part name ("word/document.xml" → its type)."""
    if types.file_size > CONTENT_TYPES_MAX:
        raise ValueError("content types part too large")
    root = ElementTree.fromstring(archive.read(types))  # Python's expat refuses entity expansion bombs
    found = {}
    for element in root:
        if element.tag.rpartition("}")[2] == "Override":
            found[element.get("PartName", "").lstrip("/").lower()] = element.get("ContentType", "")
    return found


def _office_kind(overrides: dict[str, str], names: dict) -> Content:
    if any("macroenabled" in t.lower() for t in overrides.values()):
        return Content(None, "tệp Office có macro (.docm, .xlsm)")
    if "word/document.xml" in overrides:
        if overrides["word/document.xml"] != _DOCX_MAIN:
            return Content(None, "mẫu tài liệu Word (.dotx)")
        if "word/document.xml" not in names:
            return Content("docx", "tệp Word (.docx)", "thiếu phần nội dung chính của tài liệu")
        return Content("docx", "tệp Word (.docx)")
    if "xl/workbook.xml" in overrides:
        if overrides["xl/workbook.xml"] != _XLSX_MAIN:
            return Content(None, "mẫu bảng tính Excel (.xltx)")
        if "xl/workbook.xml" not in names:
            return Content("xlsx", "tệp Excel (.xlsx)", "thiếu phần nội dung chính của bảng tính")
        return Content("xlsx", "tệp Excel (.xlsx)")
    if "ppt/presentation.xml" in overrides:
        return Content(None, "tệp PowerPoint")
    return Content(None, "tài liệu Office không nhận ra được")


def _markup(head: bytes) -> Content | None:
    text = head
    for bom in _BOMS:
        text = text.removeprefix(bom)
    text = text.lstrip().lower()[:4096]
    if b"<svg" in text and text.startswith((b"<svg", b"<?xml", b"<!doctype svg", b"<!--")):
        return Content(None, "ảnh SVG (có thể chứa mã chạy trong trình duyệt)")
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script", b"<iframe")) or b"<html" in text[:512]:
        return Content(None, "trang web (HTML)")
    if text.startswith(b"<?xml"):
        return Content(None, "tệp XML")
    return None


def _by_signature(head: bytes) -> Content | None:
    """Images, video, sound, archives and the like, named by puremagic's signature table (by MIME family)."""
    import puremagic

    try:
        matches = [m for m in puremagic.magic_string(head) if m.confidence >= 0.5 and m.mime_type]
    except (puremagic.PureError, ValueError):
        return None
    if not matches:
        return None
    best = matches[0]
    label = best.extension.lstrip(".").upper()
    family, _, subtype = best.mime_type.partition("/")
    if family == "image":
        return Content(None, f"ảnh {label}")
    if family == "video":
        return Content(None, f"tệp video {label}")
    if family == "audio":
        return Content(None, f"tệp âm thanh {label}")
    if any(word in subtype for word in _ARCHIVE_MIME):
        return Content(None, f"tệp nén {label}")
    return Content(None, f"tệp {label}") if label else None


def _text(head: bytes) -> Content:
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 4:  # not just a character cut at the end of the sample
            return Content(None, "dữ liệu không nhận ra được")
    if b"\x00" in head:
        return Content(None, "dữ liệu không nhận ra được")
    return Content(None, "văn bản thuần")
