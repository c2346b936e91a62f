"""The dossier's files (upload, download after the permission check, take back) and the appraiser's conclusion on a
nominee. Thin: the dossier through the scoped selector (another scope's is a 404), one service per change."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from tdkt.core import uploads
from tdkt.core.errors import DomainError
from tdkt.org.views import require

from . import work
from .access import dossier_for
from .forms import AppraisalForm, AttachmentForm, NomineeImportForm, WithdrawNomineeForm
from .models import SUBJECT_RELATED, Nominee
from .models_work import Attachment
from .returns import components_of


def attachment_form(dossier, data=None, files=None):
    components = [(c, work.component_label(c)) for c in components_of(dossier)]
    return AttachmentForm(data, files, components=components, nominees=dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED),
                          auto_id="file_%s")


@login_required
@require_POST
def attachment_add(request, pk: int):
    dossier = dossier_for(request, pk)
    require(request, "nominations.edit_dossier", dossier)
    form = attachment_form(dossier, request.POST, request.FILES)
    if form.is_valid():
        d = form.cleaned_data
        try:
            row = work.attachment_add(actor=request.user, dossier=dossier, file=d["file"], component=d["component"], nominee=d["nominee"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã đính kèm “%(name)s” (%(what)s).") % {"name": row.filename, "what": work.component_label(row.component)})
            return redirect("nominations:dossier_detail", dossier.pk)
    return render(request, "nominations/form.html", {"form": form, "title": _("Đính kèm tệp"), "subtitle": dossier.title, "back": dossier,
                                                     "multipart": True})


@login_required
@require_GET
def attachment_download(request, pk: int, attachment_id: int):
    """The file, only after the dossier's own permission check (whoever may read the dossier)."""
    dossier = dossier_for(request, pk)
    row = get_object_or_404(Attachment, pk=attachment_id, dossier=dossier)
    return uploads.serve_upload(request, name=row.storage_name, filename=row.filename, content_type=row.content_type)


@login_required
@require_http_methods(["GET", "POST"])
def attachment_withdraw(request, pk: int, attachment_id: int):
    dossier = dossier_for(request, pk)
    require(request, "nominations.edit_dossier", dossier)
    row = get_object_or_404(Attachment, pk=attachment_id, dossier=dossier, withdrawn_at__isnull=True)
    form = WithdrawNomineeForm(request.POST or None)
    form.fields["reason"].label = _("Lý do rút tệp")
    if request.method == "POST" and form.is_valid():
        try:
            work.attachment_withdraw(actor=request.user, attachment=row, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã rút tệp “%(name)s”; tệp vẫn được lưu trong nhật ký của hồ sơ.") % {"name": row.filename})
            return redirect("nominations:dossier_detail", dossier.pk)
    return render(request, "nominations/form.html", {"form": form, "title": _("Rút tệp đính kèm"), "subtitle": row.filename, "back": dossier})


@login_required
@require_POST
def appraisal_save(request, pk: int, nominee_id: int):
    dossier = dossier_for(request, pk)
    require(request, "nominations.appraise_dossier", dossier)
    nominee = get_object_or_404(Nominee, pk=nominee_id, dossier=dossier)
    form = AppraisalForm(request.POST)
    if form.is_valid():
        d = form.cleaned_data
        try:
            work.appraisal_save(actor=request.user, nominee=nominee, conclusion=d["conclusion"], note=d["note"], version=d["version"])
        except DomainError as exc:
            messages.error(request, exc.message)
        else:
            messages.success(request, _("Đã lưu kết luận thẩm định của %(name)s.") % {"name": nominee.name})
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(reverse("nominations:dossier_detail", args=[dossier.pk]) + f"#nominee-{nominee.pk}")


@login_required
@require_http_methods(["GET", "POST"])
def nominee_import(request, pk: int):
    """Nominees from an Excel or JSON list: every row checked, all or nothing, the errors row by row."""
    from . import importing

    dossier = dossier_for(request, pk)
    require(request, "nominations.edit_dossier", dossier)
    form = NomineeImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        fmt = upload.name.rsplit(".", 1)[-1] if "." in upload.name else ""
        try:
            report = importing.nominee_import(actor=request.user, dossier=dossier, file=upload, format=fmt)
        except DomainError as exc:
            form.add_error("file", exc.message)
        else:
            if report.ok:
                messages.success(request, _("Đã thêm %(n)s người từ danh sách vào hồ sơ.") % {"n": report.created}
                                 + ("" if report.evaluated_now else " " + _("Hệ thống đang xét điều kiện của từng người.")))
                return redirect("nominations:dossier_detail", dossier.pk)
    return render(request, "nominations/import.html", {"form": form, "dossier": dossier, "report": report, "back": dossier})


@login_required
@require_GET
def nominee_import_template(request, pk: int):
    from django.http import HttpResponse

    from . import importing

    dossier = dossier_for(request, pk)
    require(request, "nominations.edit_dossier", dossier)
    response = HttpResponse(importing.template_xlsx(dossier),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = f'attachment; filename="danh-sach-de-nghi-{dossier.pk}.xlsx"'
    return response
