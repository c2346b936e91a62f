"""Eligibility of a collective (a unit) on the web: the same panel as a person's, fed from the ledger of its
members (`ledger.collective_figures` through the one request builder). The unit page is org's; this panel is
added to it through `core.registry.panel` (org does not import records), and answers htmx at
/don-vi/<id>/dieu-kien/. What the system does not compute (an attestation of the unit) is shown as the engine
judges it: "đơn vị xác nhận", never as a passed check."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from tdkt.core.errors import DomainError
from tdkt.law.catalogue import load_catalogue
from tdkt.org.models import Unit
from tdkt.org.selectors import units_visible_to
from tdkt.org.views import require

from . import catalogue
from .eligibility import check_subject
from .forms import EligibilityForm


def collective_titles(unit: Unit) -> tuple[str, ...]:
    """The titles and forms the engine evaluates for this kind of unit (a collective, a commune, a village), in
    the catalogue's order of rank."""
    kind = catalogue.subject_kind_of(unit=unit)
    awards = [a for a in load_catalogue().awards.values() if a.evaluated and kind in a.subjects]
    return tuple(a.code for a in sorted(awards, key=lambda a: (a.kind != "title", a.rank, a.code)))


def panel_context(request, unit: Unit, data=None) -> dict | None:
    """The panel's context (None: not shown, for whoever may not read the unit's ledger)."""
    if not request.user.has_perm("records.view_ledger", unit):
        return None
    names = {code: award.name for code, award in load_catalogue().awards.items()}
    titles = collective_titles(unit)
    query = request.GET if data is None else data
    form = EligibilityForm(query if "award" in query else None, award_names=names, awards=titles)
    context = {"unit": unit, "form": form, "award_names": names, "titles": titles,
               "can_edit": request.user.has_perm("records.change_ledger", unit) and unit.valid_to is None}
    if form.is_bound and form.is_valid():
        try:
            result = check_subject(unit, form.cleaned_data["award"], form.cleaned_data["year"])
        except DomainError as exc:
            context["eligibility"] = {"error": exc.message}
        else:
            regime = next((r.name for r in load_catalogue().regimes if r.code == result.regime), result.regime)
            context["eligibility"] = {"result": result, "regime_name": regime}
    return context


@login_required
@require_GET
def unit_eligibility(request, pk: int):
    """The panel's result (htmx), or the panel alone without JavaScript."""
    require(request, "org.view_units")
    unit = get_object_or_404(units_visible_to(request.user), pk=pk)
    require(request, "records.view_ledger", unit)
    context = panel_context(request, unit)
    return render(request, "records/_eligibility_result.html", context)
