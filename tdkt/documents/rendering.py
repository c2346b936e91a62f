"""Rendering: a kind's context into its .docx (docxtpl), and a .docx into PDF (LibreOffice headless).

    render_docx("decision", context) -> bytes     the administrator's active template of the kind, else the shipped one
    render_template(data, kind, context, strict=) the same with given template bytes (what an upload is validated by)
    to_pdf(docx_bytes) -> bytes                    `soffice --headless --convert-to pdf` in a temporary directory with its
                                                   own user profile (parallel conversions never share one), a time limit
    pdf_available() -> bool                        whether the LibreOffice program (settings.TDKT_SOFFICE) is installed

Templates run in Jinja's sandbox (an uploaded template cannot reach Python objects), values are XML-escaped; every
failure is a DomainError in Vietnamese. Without LibreOffice, `to_pdf` says so (code "pdf_unavailable") and the .docx
still works.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from jinja2 import StrictUndefined, TemplateError, Undefined
from jinja2.sandbox import SandboxedEnvironment

from tdkt.core.errors import DomainError

from . import kinds

PDF_MISSING = ("Máy chủ chưa cài LibreOffice nên chưa tạo được bản PDF; hãy tải bản Word (.docx) "
               "(quản trị viên cài gói libreoffice-writer-nogui để có bản PDF).")


def _environment(strict: bool) -> SandboxedEnvironment:
    return SandboxedEnvironment(undefined=StrictUndefined if strict else Undefined, autoescape=True)


def render_template(data: bytes, kind: kinds.DocumentKind, context: dict, *, strict: bool = False, prepared: bool = False) -> bytes:
    """Render template bytes with a kind's context (checked and completed unless `prepared`). `strict`: a variable the
    context does not have is an error (how an uploaded template is validated against the sample context)."""
    from docxtpl import DocxTemplate

    ctx = context if prepared else kind.prepare(context)
    try:
        template = DocxTemplate(io.BytesIO(data))
        template.render(ctx, _environment(strict), autoescape=True)
        out = io.BytesIO()
        template.save(out)
    except TemplateError as exc:
        line = f" (dòng {exc.lineno} của nội dung mẫu)" if getattr(exc, "lineno", None) else ""
        raise DomainError(f"Mẫu “{kind.name}” có lỗi ở thẻ trộn dữ liệu{line}: {_jinja_message(exc)}.", code="template_error") from exc
    except (zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise DomainError(f"Mẫu “{kind.name}” không phải là tệp Word (.docx) dùng được.", code="template_error") from exc
    except Exception as exc:  # noqa: BLE001 — docxtpl / lxml on a template it cannot process: never a traceback
        raise DomainError(f"Mẫu “{kind.name}” không trộn được dữ liệu ({exc.__class__.__name__}); hãy kiểm tra các thẻ trộn.",
                          code="template_error") from exc
    if strict:
        _check_opens(out.getvalue(), kind)
    return out.getvalue()


def _check_opens(data: bytes, kind: kinds.DocumentKind) -> None:
    """The rendered file opens as a Word document (a template whose tags cut its XML apart gives one that does not)."""
    from docx import Document

    try:
        Document(io.BytesIO(data))
    except Exception as exc:  # noqa: BLE001 — python-docx / lxml: any failure means Word would refuse it too
        raise DomainError(f"Mẫu “{kind.name}” sau khi trộn dữ liệu không còn là tệp Word hợp lệ (thẻ trộn cắt ngang cấu trúc "
                          "của văn bản); hãy đặt mỗi thẻ {%p … %} trong một đoạn riêng.", code="template_error") from exc


def _jinja_message(exc: TemplateError) -> str:
    text = str(exc.message or exc)
    if "is undefined" in text:
        name = text.split("'")[1] if text.count("'") >= 2 else text
        return f"trường dữ liệu “{name}” không có trong dữ liệu của loại văn bản này"
    if "unexpected end of template" in text or "Unexpected end of template" in text:
        return "thiếu thẻ đóng (ví dụ {%p endfor %} hoặc {%p endif %})"
    if "expected token" in text or "unexpected" in text:
        return f"thẻ viết sai cú pháp ({text})"
    return text


def shipped_bytes(kind: kinds.DocumentKind) -> bytes:
    return kind.template_path.read_bytes()


def template_bytes(kind: kinds.DocumentKind) -> bytes:
    """The administrator's active uploaded template of the kind, else the shipped one."""
    from .models import DocumentTemplate

    active = DocumentTemplate.objects.filter(kind=kind.code, active=True).order_by("-uploaded_at", "-id").first()
    if active is not None:
        with active.file.open("rb") as handle:
            return handle.read()
    return shipped_bytes(kind)


def render_docx(kind: str, context: dict) -> bytes:
    document_kind = kinds.get(kind)
    return render_template(template_bytes(document_kind), document_kind, context)


def pdf_available() -> bool:
    return shutil.which(settings.TDKT_SOFFICE) is not None


def to_pdf(docx: bytes, *, timeout: int | None = None) -> bytes:
    """The PDF of a .docx by LibreOffice, or DomainError: not installed ("pdf_unavailable"), too slow, failed."""
    program = shutil.which(settings.TDKT_SOFFICE)
    if program is None:
        raise DomainError(PDF_MISSING, code="pdf_unavailable")
    limit = timeout or settings.TDKT_PDF_TIMEOUT
    with tempfile.TemporaryDirectory(prefix="tdkt-pdf-") as work:
        source = Path(work) / "van-ban.docx"
        source.write_bytes(docx)
        profile = Path(work) / "profile"
        command = [program, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--invisible", "--nologo", "--norestore",
                   "--nodefault", "--nolockcheck", "--convert-to", "pdf:writer_pdf_Export", "--outdir", work, str(source)]
        env = {**os.environ, "HOME": work}
        try:
            done = subprocess.run(command, cwd=work, env=env, capture_output=True, timeout=limit, check=False)
        except subprocess.TimeoutExpired:
            raise DomainError(f"Chuyển văn bản sang PDF quá {limit} giây nên đã dừng; hãy tải bản Word (.docx) "
                              "hoặc thử lại sau.", code="pdf_timeout") from None
        except OSError as exc:
            raise DomainError(f"Không chạy được LibreOffice để tạo bản PDF ({exc.strerror}); hãy tải bản Word (.docx).",
                              code="pdf_failed") from None
        result = Path(work) / "van-ban.pdf"
        if done.returncode != 0 or not result.exists():
            raise DomainError("LibreOffice không chuyển được văn bản sang PDF; hãy tải bản Word (.docx) và báo quản trị viên.",
                              code="pdf_failed")
        return result.read_bytes()
