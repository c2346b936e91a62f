"""The screens of agency opinions (hiệp y) and holds. The office works from the dossier page (the block
`nominations/_opinions.html`): request opinions, record a paper reply with its scan, resolve a negative answer, record
and lift a hold. The agency's account has its inbox (the requests addressed to its own unit only, another agency's is a
404) and answers there; it sees nothing else of the system. A scan is served only after the permission check."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from tdkt.accounts import roles
from tdkt.accounts.models import RoleAssignment
from tdkt.core.errors import DomainError
from tdkt.core.uploads import serve_upload
from tdkt.org.models import Unit, UnitKind
from tdkt.org.views import require

from . import opinions
from . import selectors_opinions as reads
from .access import dossier_for
from .forms_opinions import HoldForm, OpinionAnswerForm, OpinionRequestForm, PaperReplyForm, ReasonRequiredForm
from .models import SUBJECT_RELATED, subject_related
from .models_opinions import OpinionRequest

AGENCY_KINDS = (UnitKind.AGENCY, UnitKind.DEPARTMENT, UnitKind.MASS_ORG)


def _office_dossier(request, pk: int):
    dossier = dossier_for(request, pk)
    require(request, "nominations.appraise_dossier", dossier)
    return dossier


def _back(dossier):
    return redirect(reverse("nominations:dossier_detail", args=[dossier.pk]) + "#opinions")


def _form_page(request, form, *, title, dossier=None, item=None, submit_label=None, multipart=False, back=None):
    return render(request, "nominations/opinion_form.html", {
        "form": form, "title": title, "dossier": dossier, "item": item, "submit_label": submit_label or _("Lưu"),
        "multipart": multipart, "back": back, "award": opinions.award_name(item.nominee.award_code) if item else "",
    })


def _agencies(dossier):
    """The units an opinion may be asked of: agencies, departments and organisations of the level's province (and the
    ids of those with an agency account, marked in the list)."""
    root = "/".join(dossier.round.office_unit.path.split("/")[:2]) + "/"
    with_account = set(RoleAssignment.objects.filter(role__in=roles.AGENCIES).values_list("unit_id", flat=True))
    units = Unit.objects.filter(path__startswith=root, kind__in=AGENCY_KINDS, valid_to__isnull=True).order_by("name_sort_key", "id")
    return units, with_account


@login_required
@require_http_methods(["GET", "POST"])
def opinion_request(request, pk: int):
    dossier = _office_dossier(request, pk)
    agencies, with_account = _agencies(dossier)
    nominees = dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED).order_by("id")
    form = OpinionRequestForm(request.POST or None, nominees=nominees, agencies=agencies)
    form.fields["addressee"].label_from_instance = (
        lambda u: f"{u.name} ({_('có tài khoản hiệp y')})" if u.pk in with_account else u.name)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            created = opinions.opinion_request(actor=request.user, dossier=dossier, nominees=d["nominees"], addressee=d["addressee"],
                                               agency_kind=d["agency_kind"], question=d["question"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã gửi đề nghị lấy ý kiến %(agency)s về %(n)s người, tập thể; hạn trả lời %(due)s.")
                             % {"agency": d["addressee"].name, "n": len(created), "due": created[0].due_on.strftime("%d/%m/%Y")})
            return _back(dossier)
    return _form_page(request, form, title=_("Lấy ý kiến hiệp y"), dossier=dossier, submit_label=_("Gửi đề nghị"), back=dossier)


def _dossier_request(request, pk: int, request_id: int):
    dossier = _office_dossier(request, pk)
    item = get_object_or_404(OpinionRequest.objects.select_related("addressee", *subject_related("nominee__")),
                             pk=request_id, dossier=dossier)
    return dossier, item


@login_required
@require_http_methods(["GET", "POST"])
def opinion_paper(request, pk: int, request_id: int):
    """The agency's paper reply, recorded by the appraiser with its scan."""
    dossier, item = _dossier_request(request, pk, request_id)
    form = PaperReplyForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            opinions.opinion_record_paper(actor=request.user, request=item, answer=d["answer"], text=d["text"], scan=d["scan"],
                                          reference=d["reference"], answered_on=d["answered_on"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã ghi nhận văn bản trả lời của %(agency)s.") % {"agency": item.addressee.name})
            return _back(dossier)
    return _form_page(request, form, title=_("Ghi nhận văn bản trả lời"), dossier=dossier, item=item, multipart=True, back=dossier)


@login_required
@require_http_methods(["GET", "POST"])
def opinion_resolve(request, pk: int, request_id: int):
    """The appraiser's resolution of a negative answer, with its reason."""
    dossier, item = _dossier_request(request, pk, request_id)
    form = ReasonRequiredForm(request.POST or None)
    form.fields["reason"].label = _("Lý do xử lý ý kiến không đồng ý")
    if request.method == "POST" and form.is_valid():
        try:
            opinions.opinion_resolve(actor=request.user, request=item, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã xử lý ý kiến không đồng ý của %(agency)s.") % {"agency": item.addressee.name})
            return _back(dossier)
    return _form_page(request, form, title=_("Xử lý ý kiến không đồng ý"), dossier=dossier, item=item, back=dossier)


@login_required
@require_http_methods(["GET", "POST"])
def hold_add(request, pk: int):
    dossier = _office_dossier(request, pk)
    nominees = dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED).order_by("id")
    form = HoldForm(request.POST or None, nominees=nominees, initial={"nominee": request.GET.get("nguoi")})
    if request.method == "POST" and form.is_valid():
        d = form.cleaned_data
        try:
            opinions.hold_add(actor=request.user, nominee=d["nominee"], kind=d["kind"], reason=d["reason"], source=d["source"],
                              start=d["start"], end=d["end"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã ghi nhận vụ việc đang xem xét của %(name)s: chưa trình Hội đồng khi vụ việc chưa chấm dứt.")
                             % {"name": d["nominee"].name})
            return _back(dossier)
    return _form_page(request, form, title=_("Ghi nhận vụ việc đang xem xét"), dossier=dossier, back=dossier)


@login_required
@require_http_methods(["GET", "POST"])
def hold_lift(request, pk: int, hold_id: int):
    dossier = _office_dossier(request, pk)
    hold = get_object_or_404(reads.holds_visible_to(request.user), pk=hold_id)
    require(request, "nominations.lift_hold", hold)
    form = ReasonRequiredForm(request.POST or None)
    form.fields["reason"].label = _("Lý do chấm dứt")
    if request.method == "POST" and form.is_valid():
        try:
            opinions.hold_lift(actor=request.user, hold=hold, reason=form.cleaned_data["reason"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã chấm dứt vụ việc."))
            return _back(dossier)
    return _form_page(request, form, title=_("Chấm dứt vụ việc đang xem xét"), dossier=dossier, back=dossier)


# --- the agency -------------------------------------------------------------------------------------------------


@login_required
@require_GET
def opinion_inbox(request):
    """The requests addressed to the agency of the account (this unit only)."""
    require(request, "nominations.view_opinion_inbox")
    items = reads.with_clocks(reads.inbox(request.user)[:200])
    for item in items:
        item.award = opinions.award_name(item.nominee.award_code)
    return render(request, "nominations/opinion_inbox.html", {"items": items})


@login_required
@require_http_methods(["GET", "POST"])
def opinion_detail(request, request_id: int):
    """One request addressed to the agency, with the answer form while it is pending."""
    require(request, "nominations.view_opinion_inbox")
    item = get_object_or_404(reads.inbox(request.user), pk=request_id)
    require(request, "nominations.answer_opinion", item)
    form = OpinionAnswerForm(request.POST or None) if item.pending else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            opinions.opinion_answer(actor=request.user, request=item, answer=form.cleaned_data["answer"], text=form.cleaned_data["text"])
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("Đã gửi ý kiến của %(agency)s về %(name)s.") % {"agency": item.addressee.name,
                                                                                        "name": item.nominee.name})
            return redirect("nominations:opinion_inbox")
    return render(request, "nominations/opinion_detail.html", {
        "item": item, "form": form, "award": opinions.award_name(item.nominee.award_code), "clock": reads.clock(item)})


@login_required
@require_GET
def opinion_scan(request, request_id: int):
    """The scan of a paper reply, for the office of the dossier and the agency it is addressed to."""
    item = get_object_or_404(reads.visible_to(request.user), pk=request_id)
    require(request, "nominations.view_opinion", item)
    if not item.has_scan:
        raise Http404(_("Ý kiến này không có bản quét."))
    return serve_upload(request, name=item.scan_name, filename=item.scan_filename, content_type=item.scan_content_type)
