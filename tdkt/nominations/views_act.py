"""The page of a dossier's transition (one per edge of `workflow.DOSSIER`): the reason, and for two edges more.

- Return for supplement: besides the general reason ("Lý do"), the items to supplement, one per row (a component of
  the round's checklist or a nominee, and what is missing); "Thêm dòng" fetches one more row with htmx (the page
  itself without JavaScript shows three empty rows).
- Open a public consultation: the number of working days (default from the catalogue, bounds checked) and the
  closing date it gives, recomputed with htmx as the number changes.
Thin: the dossier through the scoped selector, one service (`services.dossier_act`), its DomainError on the form."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from tdkt.core.errors import DomainError
from tdkt.org.views import require

from . import services
from .access import dossier_for
from .forms import ConsultationDaysForm, ReasonForm, ReturnItemFormSet
from .models import SUBJECT_RELATED
from .workflow import DOSSIER

RETURN = "return_for_supplement"
CONSULT = "open_consultation"
PREFIX = "muc"


def item_choices(dossier) -> list:
    """The grouped choices of a return item: the round's components, then the nominees still in the dossier."""
    from .returns import components_of
    from .work import component_label

    nominees = dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED).order_by("id")
    return [(_("Thành phần hồ sơ"), [(f"c:{c}", component_label(c)) for c in components_of(dossier)]),
            (_("Người, tập thể được đề nghị"), [(f"n:{n.pk}", n.name) for n in nominees])]


def _item_row(request, dossier):
    """One more empty row of the items (htmx), with the new count of forms swapped in out of band."""
    try:
        index = int(request.GET.get("dong", ""))
    except ValueError:
        raise Http404 from None
    if not 0 <= index < 30:
        raise Http404
    formset = ReturnItemFormSet(prefix=PREFIX, form_kwargs={"choices": item_choices(dossier)})
    form = formset._construct_form(index, **formset.get_form_kwargs(index))
    form.empty_permitted = True
    html = render_to_string("nominations/_return_item_row.html", {"item": form, "number": index + 1, "total": index + 1,
                                                                   "oob": True, "prefix": PREFIX}, request=request)
    return HttpResponse(html)


def _days_form(request, bounds, data=None, **kwargs):
    form = ConsultationDaysForm(data, maximum=bounds["maximum"], minimum=bounds["minimum"], **kwargs)
    form.fields["working_days"].widget.attrs.update({
        "hx-get": request.path, "hx-trigger": "input changed delay:300ms", "hx-target": "#consultation-closing",
        "hx-swap": "outerHTML"})
    return form


def _closing(request, dossier, bounds):
    from . import consultation

    form = _days_form(request, bounds, request.GET)
    closes_on = consultation.closing_date(_today(), form.cleaned_data["working_days"]) if form.is_valid() else None
    return render(request, "nominations/_consultation_closing.html", {"days_form": form, "closes_on": closes_on})


def _today():
    from django.utils import timezone

    return timezone.localdate()


@login_required
@require_http_methods(["GET", "POST"])
def dossier_act(request, pk: int, action: str):
    dossier = dossier_for(request, pk)
    edge = DOSSIER.edge(dossier.status, action)
    if edge is None or action == "create":
        raise Http404
    require(request, edge.permission, dossier)
    post = request.POST if request.method == "POST" else None
    if action == RETURN and request.htmx and "dong" in request.GET:
        return _item_row(request, dossier)
    form = ReasonForm(post)
    if edge.requires_reason:
        form.fields["reason"].required = True
        form.fields["reason"].error_messages["required"] = _("Hãy ghi lý do.")
    items = None
    if action == RETURN:  # a post without the rows (an older client, a script) returns with the reason alone
        rows = post if post is not None and f"{PREFIX}-TOTAL_FORMS" in post else None
        items = ReturnItemFormSet(rows, prefix=PREFIX, form_kwargs={"choices": item_choices(dossier)})
    days_form, bounds, closes_on = None, None, None
    if action == CONSULT:
        from . import consultation

        bounds = consultation.days_bounds(dossier)
        if request.htmx and "working_days" in request.GET:
            return _closing(request, dossier, bounds)
        days_form = _days_form(request, bounds, post, initial={"working_days": bounds["default"]})
        closes_on = consultation.closing_date(_today(), bounds["default"])
    valid = [f.is_valid() for f in (form, items, days_form) if f is not None and f.is_bound]
    if request.method == "POST" and all(valid):
        extra = {}
        if items is not None and items.is_bound:
            extra["items"] = [i for i in (f.item() for f in items.forms) if i]
        if days_form is not None:
            extra["working_days"] = days_form.cleaned_data["working_days"]
        try:
            services.dossier_act(actor=request.user, dossier=dossier, action=action, reason=form.cleaned_data["reason"], **extra)
        except DomainError as exc:
            form.add_error(None, exc.message)
        else:
            messages.success(request, _("%(label)s: hồ sơ chuyển sang “%(state)s”.")
                             % {"label": edge.label, "state": dossier.get_status_display()})
            return redirect("nominations:dossier_detail", dossier.pk)
    if days_form is not None and days_form.is_bound and days_form.is_valid():
        from . import consultation

        closes_on = consultation.closing_date(_today(), days_form.cleaned_data["working_days"])
    return render(request, "nominations/act.html", {
        "form": form, "title": edge.label, "subtitle": dossier.title, "back": dossier, "submit_label": edge.label,
        "dossier": dossier, "action": action, "items": items, "prefix": PREFIX, "days_form": days_form, "bounds": bounds,
        "closes_on": closes_on,
    })
