"""The forwarding and exchange screens: "Chuyển cấp trên" on a dossier (the office of its level), the package's
download (the same office) and its upload on a round (the office of the round's level). Thin: scoped reads (another
scope's dossier or round is a 404), one service each, its DomainError on the form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.core.errors import DomainError
from tdkt.core.uploads import content_disposition
from tdkt.nominations import selectors
from tdkt.nominations.access import dossier_for
from tdkt.nominations.models import SUBJECT_RELATED
from tdkt.org.models import Unit
from tdkt.org.views import require

from . import exchange, forwarding
from .exchange_import import package_import
from .forms import ForwardForm, ImportForm


@login_required
@require_http_methods(["GET", "POST"])
def forward(request, pk: int):
    dossier = dossier_for(request, pk)
    require(request, "decisions.forward_dossier", dossier)
    targets = forwarding.forward_targets(dossier)
    from tdkt.nominations.models import Round

    rounds = Round.objects.filter(pk__in=[r.pk for r in targets]).select_related("office_unit").order_by("-office_unit__depth", "id")
    nominees = dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED).order_by("id")
    initial = {"nominees": forwarding.beyond_authority(dossier, list(nominees)), "target_round": targets[0] if targets else None}
    form = ForwardForm(request.POST or None, rounds=rounds, nominees=nominees, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            incoming = forwarding.dossier_forward(actor=request.user, dossier=dossier, nominees=form.cleaned_data["nominees"],
                                                  target_round=form.cleaned_data["target_round"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã chuyển %(n)s người, tập thể lên %(unit)s (đợt xét “%(round)s”).") % {
                "n": incoming.nominees.count(), "unit": incoming.round.office_unit.name, "round": incoming.round.title})
            return redirect("nominations:dossier_detail", dossier.pk)
    return render(request, "nominations/form.html", {
        "form": form, "title": _("Chuyển cấp trên"), "back": dossier, "submit_label": _("Chuyển cấp trên"),
        "subtitle": _("Người, tập thể vượt thẩm quyền của cấp này được chọn sẵn; hồ sơ chuyển lên kèm các tệp của hồ sơ và của "
                      "những người, tập thể được chọn.")})


@login_required
@require_GET
def export(request, pk: int):
    dossier = dossier_for(request, pk)
    require(request, "decisions.export_dossier", dossier)
    try:
        data = exchange.package_build(actor=request.user, dossier=dossier)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect("nominations:dossier_detail", dossier.pk)
    response = HttpResponse(data, content_type="application/zip")
    response["Content-Disposition"] = content_disposition(exchange.package_filename(dossier))
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_http_methods(["GET", "POST"])
def import_package(request, pk: int):
    require(request, "nominations.view_dossiers")
    round_ = get_object_or_404(selectors.rounds_visible_to(request.user), pk=pk)
    require(request, "decisions.import_package", round_)
    units = Unit.objects.filter(path__startswith=round_.office_unit.path, valid_to__isnull=True).exclude(pk=round_.office_unit_id)
    form = ImportForm(request.POST or None, request.FILES or None, units=units.order_by("path"))
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["package"]
        if upload.size > exchange.max_package_bytes():
            form.add_error("package", _("Gói hồ sơ quá lớn."))
        else:
            try:
                incoming = package_import(actor=request.user, data=upload.read(), target_round=round_, unit=form.cleaned_data["unit"])
            except DomainError as exc:
                form.add_error(None, exc.message)
            else:
                messages.success(request, _("Đã nhập gói hồ sơ của %(unit)s: %(n)s người, tập thể; hồ sơ chờ tiếp nhận.") % {
                    "unit": incoming.origin_name, "n": incoming.nominees.count()})
                return redirect("nominations:dossier_detail", incoming.pk)
    return render(request, "nominations/form.html", {"form": form, "title": _("Nhập gói hồ sơ"), "subtitle": round_.title,
                                                     "multipart": True, "submit_label": _("Nhập gói hồ sơ")})
