"""Writes of the documents app: administrators' templates and certificate layouts. Each takes the acting user
(`actor=`), checks its rule, runs in one transaction and audits in it; a refusal is a DomainError in Vietnamese and
changes nothing."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from django.db import IntegrityError, transaction

from tdkt.core import audit, vntext
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.core.uploads import check_upload, store_upload

from . import certificates, kinds, rendering
from .models import CertificateForm, CertificateLayout, CertificateSubject, DocumentTemplate

TEMPLATE_MAX_BYTES = 10 * 1024 * 1024


def template_upload(*, actor, kind: str, file, note: str = "") -> DocumentTemplate:
    """Replace the template of `kind` by an uploaded .docx, once it is shown to be a .docx by its content and to render
    the kind's sample context (every field it names must exist). The previous active template stays, inactive."""
    require(actor, "documents.manage_templates", message="Chỉ quản trị viên được thay mẫu văn bản.")
    document_kind = kinds.get(kind)
    if file is None:
        raise DomainError("Hãy chọn tệp mẫu (.docx) để tải lên.")
    checked = check_upload(file, allowed=("docx",), max_bytes=TEMPLATE_MAX_BYTES)
    file.seek(0)
    data = file.read()
    file.seek(0)
    try:
        rendering.render_template(data, document_kind, document_kind.sample(), strict=True)
    except DomainError as exc:
        raise DomainError(f"Mẫu “{checked.filename}” chưa dùng được nên chưa được nhận: {exc.message}", code=exc.code) from exc
    try:
        with transaction.atomic():
            previous = list(DocumentTemplate.objects.select_for_update().filter(kind=kind, active=True))
            DocumentTemplate.objects.filter(pk__in=[t.pk for t in previous]).update(active=False)
            template = DocumentTemplate(kind=kind, filename=checked.filename, sha256=checked.sha256, note=vntext.nfc(note)[:255],
                                        active=True, uploaded_by=actor)
            template.file.name = store_upload(file, checked, prefix="documents/templates")
            template.save()
            audit.record(actor=actor, action="documents.template.uploaded", target=template,
                         data={"kind": kind, "filename": checked.filename, "sha256": checked.sha256, "replaced": [t.pk for t in previous]})
    except IntegrityError:  # another upload of the same kind committed in between (the one-active constraint)
        raise DomainError("Một quản trị viên khác vừa thay mẫu này; hãy tải lại trang và thử lại.", code="conflict") from None
    return template


def template_set_active(*, actor, template: DocumentTemplate, active: bool) -> DocumentTemplate:
    """Use an uploaded template again (the kind's other one is set aside), or stop using it (back to the shipped one)."""
    require(actor, "documents.manage_templates", message="Chỉ quản trị viên được thay mẫu văn bản.")
    with transaction.atomic():
        template = DocumentTemplate.objects.select_for_update().get(pk=template.pk)
        if template.active == active:
            return template
        if active:
            DocumentTemplate.objects.filter(kind=template.kind, active=True).update(active=False)
        template.active = active
        template.save(update_fields=["active"])
        audit.record(actor=actor, action="documents.template.activated" if active else "documents.template.deactivated",
                     target=template, data={"kind": template.kind})
    return template


def _mm(value, what: str) -> Decimal:
    try:
        number = Decimal(str(value if value not in (None, "") else 0)).quantize(Decimal("0.1"))
    except (InvalidOperation, ValueError):
        raise DomainError(f"{what} phải là một số (mm).") from None
    if abs(number) > certificates.MAX_OFFSET_MM:
        raise DomainError(f"{what} vượt quá {certificates.MAX_OFFSET_MM} mm; hãy kiểm tra lại số đo trên trang căn chỉnh.")
    return number


def layout_set(*, actor, unit, form: str, subject: str, page_dx=0, page_dy=0, offsets: dict | None = None) -> CertificateLayout:
    """Create or change the layout of a unit's blank (Giấy khen / Bằng khen × individual / collective / household)."""
    require(actor, "documents.adjust_layout", unit, message=f"Bạn không có quyền căn chỉnh phôi giấy khen của {unit.name}.")
    if form not in CertificateForm.values:
        raise DomainError(f"Loại phôi “{form}” không có (chỉ có Giấy khen, Bằng khen).")
    if subject not in CertificateSubject.values:
        raise DomainError(f"Đối tượng “{subject}” không có (chỉ có cá nhân, tập thể, hộ gia đình).")
    dx, dy = _mm(page_dx, "Độ lệch ngang của cả trang"), _mm(page_dy, "Độ lệch dọc của cả trang")
    cleaned = certificates.clean_offsets(offsets or {})
    try:
        with transaction.atomic():
            layout = CertificateLayout.objects.select_for_update().filter(unit=unit, form=form, subject=subject).first()
            before = None if layout is None else {"page": [float(layout.page_dx), float(layout.page_dy)], "offsets": layout.offsets}
            if layout is None:
                layout = CertificateLayout(unit=unit, form=form, subject=subject)
            layout.page_dx, layout.page_dy, layout.offsets, layout.updated_by = dx, dy, cleaned, actor
            layout.save()
            audit.record(actor=actor, action="documents.layout.set", target=layout,
                         data={"before": before, "after": {"page": [float(dx), float(dy)], "offsets": cleaned}})
    except IntegrityError:  # the same blank's layout was created by someone else in between
        raise DomainError("Phôi này vừa được người khác căn chỉnh; hãy tải lại trang và thử lại.", code="conflict") from None
    return layout


def layout_for(unit, *, form: str, subject: str) -> CertificateLayout | None:
    """The layout of the unit's blank, else the nearest one above it (a ward's schools print on the ward's blanks), else
    None (the default positions)."""
    from tdkt.org.selectors import paths_at_and_above

    layouts = {row.unit.path: row for row in CertificateLayout.objects.select_related("unit").filter(
        form=form, subject=subject, unit__path__in=paths_at_and_above(unit.path))}
    return next((layouts[p] for p in sorted(layouts, key=len, reverse=True)), None)
