"""The administrator's screens of the documents app: replace a kind's template by an uploaded .docx (validated by
rendering the kind's sample context; refused with a Vietnamese message, nothing changed), use it again or stop using
it; adjust each field of a unit's certificate blank in mm. Every save goes through tdkt.documents.services (audited)."""

from django import forms
from django.contrib import admin
from django.http import HttpResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from tdkt.core.admin import ServiceAdmin
from tdkt.core.errors import DomainError
from tdkt.core.uploads import content_disposition

from . import certificates, kinds, rendering, services
from .models import CertificateLayout, DocumentTemplate

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@admin.register(DocumentTemplate)
class DocumentTemplateAdmin(ServiceAdmin):
    list_display = ["kind_name", "filename", "active", "uploaded_by", "uploaded_at", "note"]
    list_filter = ["active", "kind"]
    list_select_related = ["uploaded_by"]
    readonly_fields = ["kind_name", "filename", "sha256", "uploaded_by", "uploaded_at", "shipped"]

    def get_fields(self, request, obj=None):
        if obj is None:
            return ["kind", "file", "note", "shipped"]
        return ["kind_name", "filename", "sha256", "active", "note", "uploaded_by", "uploaded_at", "shipped"]

    def get_readonly_fields(self, request, obj=None):
        return self.readonly_fields + (["note"] if obj is not None else [])

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        if db_field.name == "kind":
            return forms.ChoiceField(label=_("Loại văn bản"), choices=kinds.choices())
        return super().formfield_for_dbfield(db_field, request, **kwargs)

    @admin.display(description=_("Loại văn bản"))
    def kind_name(self, obj) -> str:
        try:
            return kinds.get(obj.kind).name
        except DomainError:
            return obj.kind

    @admin.display(description=_("Mẫu gốc của hệ thống"))
    def shipped(self, obj=None):
        links = [format_html('<a href="{}">{}</a>', reverse("admin:documents_shipped", args=[k.code]), k.name) for k in kinds.all_kinds()]
        return format_html("{}<br>" * len(links), *links)

    def get_urls(self):
        return [path("mau-goc/<str:kind>/", self.admin_site.admin_view(self.shipped_download), name="documents_shipped"),
                *super().get_urls()]

    def shipped_download(self, request, kind):
        """The shipped template of a kind (to start an own template from), for who may manage templates."""
        if not request.user.has_perm("documents.manage_templates"):
            return HttpResponse(status=403)
        try:
            document_kind = kinds.get(kind)
        except DomainError:
            return HttpResponse(status=404)
        response = HttpResponse(rendering.shipped_bytes(document_kind), content_type=DOCX)
        response["Content-Disposition"] = content_disposition(f"{document_kind.filename}.docx")
        return response

    def has_add_permission(self, request):
        return request.user.has_perm("documents.manage_templates")

    def has_change_permission(self, request, obj=None):
        return request.user.has_perm("documents.manage_templates")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("documents.manage_templates")

    def has_module_permission(self, request):
        return request.user.has_perm("documents.manage_templates")

    def run_service(self, request, obj, cleaned, changed):
        if obj is None:
            return services.template_upload(actor=request.user, kind=cleaned["kind"], file=cleaned.get("file"),
                                            note=cleaned.get("note", ""))
        return services.template_set_active(actor=request.user, template=obj, active=cleaned["active"])


class LayoutForm(forms.ModelForm):
    """One pair of number fields (mm) per variable field of the certificate, instead of the raw JSON."""

    class Meta:
        model = CertificateLayout
        fields = ["unit", "form", "subject", "page_dx", "page_dy"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        offsets = self.instance.offsets or {}
        for field in certificates.VARIABLE:
            dx, dy = offsets.get(field.code) or (0, 0)
            for axis, value, word in (("dx", dx, "ngang"), ("dy", dy, "dọc")):
                self.fields[f"{field.code}_{axis}"] = forms.DecimalField(
                    label=f"{field.label}: lệch {word} (mm)", initial=value, required=False, max_digits=5, decimal_places=1,
                    help_text=f"Vị trí mặc định: {field.x:.0f} mm từ mép trái, {field.y:.0f} mm từ mép trên." if axis == "dx" else "")



def _offsets(cleaned: dict) -> dict:
    return {f.code: [cleaned.get(f"{f.code}_dx") or 0, cleaned.get(f"{f.code}_dy") or 0] for f in certificates.VARIABLE}


@admin.register(CertificateLayout)
class CertificateLayoutAdmin(ServiceAdmin):
    form = LayoutForm
    list_display = ["unit", "form", "subject", "page_dx", "page_dy", "updated_by", "updated_at", "calibration_links"]
    list_filter = ["form", "subject"]
    list_select_related = ["unit", "updated_by"]
    autocomplete_fields = ["unit"]

    def get_fields(self, request, obj=None):
        return ["unit", "form", "subject", "page_dx", "page_dy",
                *[f"{f.code}_{axis}" for f in certificates.VARIABLE for axis in ("dx", "dy")]]

    def get_readonly_fields(self, request, obj=None):
        return ["unit", "form", "subject"] if obj is not None else []

    def get_form(self, request, obj=None, change=False, **kwargs):
        kwargs["fields"] = ["unit", "form", "subject", "page_dx", "page_dy"] if obj is None else ["page_dx", "page_dy"]
        base = super().get_form(request, obj, change=change, **kwargs)

        class Form(base):
            def validate_constraints(self):
                pass  # the service wrote the row in clean(): the one-layout-per-blank constraint would find it

        return Form

    @admin.display(description=_("Trang căn chỉnh"))
    def calibration_links(self, obj):
        return format_html('<a href="{}">Word</a> · <a href="{}">PDF</a>', reverse("admin:documents_calibration", args=[obj.pk, "docx"]),
                           reverse("admin:documents_calibration", args=[obj.pk, "pdf"]))

    def get_urls(self):
        return [path("<int:pk>/can-chinh.<str:fmt>", self.admin_site.admin_view(self.calibration), name="documents_calibration"),
                *super().get_urls()]

    def calibration(self, request, pk, fmt):
        layout = CertificateLayout.objects.select_related("unit").filter(pk=pk).first()
        if layout is None or fmt not in ("docx", "pdf"):
            return HttpResponse(status=404)
        if not request.user.has_perm("documents.adjust_layout", layout.unit):
            return HttpResponse(status=403)
        try:
            data = certificates.calibration(layout) if fmt == "docx" else certificates.calibration_pdf(layout)
        except DomainError as exc:
            return HttpResponse(exc.message, status=503, content_type="text/plain; charset=utf-8")
        response = HttpResponse(data, content_type=DOCX if fmt == "docx" else "application/pdf")
        response["Content-Disposition"] = content_disposition(f"trang-can-chinh.{fmt}")
        return response

    def has_module_permission(self, request):
        return request.user.has_perm("documents.adjust_layout")

    def has_view_permission(self, request, obj=None):
        return request.user.has_perm("documents.adjust_layout", obj.unit if obj is not None else None)

    def has_change_permission(self, request, obj=None):
        return self.has_view_permission(request, obj)

    def has_add_permission(self, request):
        return request.user.has_perm("documents.adjust_layout")

    def run_service(self, request, obj, cleaned, changed):
        return services.layout_set(actor=request.user, unit=obj.unit if obj else cleaned["unit"],
                                   form=obj.form if obj else cleaned["form"], subject=obj.subject if obj else cleaned["subject"],
                                   page_dx=cleaned.get("page_dx"), page_dy=cleaned.get("page_dy"), offsets=_offsets(cleaned))
