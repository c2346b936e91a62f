"""The people screens: the list, a profile with its ledger and the eligibility panel, the history import.

Thin: check the rule (the services check again), read through the scoped selectors (another unit's person is
a 404), call one service or the one request builder, render.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from tdkt.core import registry
from tdkt.core.errors import DomainError
from tdkt.core.pagination import CappedPaginator
from tdkt.core.spreadsheet_writer import XLSX_CONTENT_TYPE
from tdkt.law import engine
from tdkt.law import vocabulary as vocab
from tdkt.law.catalogue import load_catalogue
from tdkt.org.models import Person
from tdkt.org.selectors import editable_units_for, people_visible_to, units_visible_to
from tdkt.org.views import require

from .eligibility import eligibility_request, working_year_facts
from .forms import EligibilityForm, ImportForm, PeopleFilterForm
from .selectors import PEOPLE_ROW_FIELDS, change_log, people_search, timeline_and_ledger


def _page_links(page) -> list:
    """1 2 … 9 10 11 … 40; when the count is capped the last page is not known, so the list ends with "…"."""
    links = list(page.paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=0 if page.paginator.capped else 1))
    if page.paginator.capped and links and links[-1] != page.paginator.ELLIPSIS:
        links.append(page.paginator.ELLIPSIS)
    return links



@login_required
@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def people_list(request):
    require(request, "org.view_people")
    form = PeopleFilterForm(request.GET or None, units=units_visible_to(request.user))
    people, year = people_search(request.user, form)
    page = CappedPaginator(people, form.page_size, page_among_keys=True, values=PEOPLE_ROW_FIELDS).get_page(request.GET.get("page"))
    query = request.GET.copy()
    for name in ["page", *form.errors]:  # the page links carry the valid filters only
        query.pop(name, None)
    context = {"form": form, "page": page, "year": year, "query": query.urlencode(), "problems": form.problems,
               "page_links": _page_links(page)}
    partial = request.htmx and request.htmx.target == "people-results"
    return render(request, "records/_people_results.html" if partial else "records/people_list.html", context)


def _scoped_person(request, pk: int) -> Person:
    require(request, "org.view_people")
    person = get_object_or_404(people_visible_to(request.user).select_related("unit"), pk=pk)
    require(request, "records.view_ledger", person)
    return person


def _eligibility_form(request, data):
    catalogue = load_catalogue()
    names = {code: award.name for code, award in catalogue.awards.items()}
    return EligibilityForm(data, award_names=names, awards=catalogue.individual_titles()), names


# Where a missing fact is filled in: the person's details, the working year, the year's rating.
_MISSING_FORMS = {"subject.recruited_on": "person", "history.work_years": "work_year", "history.ratings": "rating"}


def _eligibility(subject, form: EligibilityForm) -> dict:
    """The engine's result on the person's ledger, or on a ledger already read (through the one request builder):
    {'result': ...} or {'error': ...}."""
    award, year = form.cleaned_data["award"], form.cleaned_data["year"]
    try:
        request = eligibility_request(subject, award, year)
        result = engine.evaluate(request)
    except DomainError as exc:
        return {"error": exc.message}
    regime = next((r.name for r in load_catalogue().regimes if r.code == result.regime), result.regime)
    missing = [{"field": f, "label": vocab.missing_fact_label(f), "form": _MISSING_FORMS.get(f.split(".")[0] + "." + f.split(".")[1])}
               for f in vocab.missing_facts(result.checks)]
    return {"result": result, "regime_name": regime, "missing": missing, "facts": working_year_facts(request)}


@login_required
@require_GET
def person_detail(request, pk: int):
    person = _scoped_person(request, pk)
    form, names = _eligibility_form(request, request.GET if "award" in request.GET else None)
    timeline, ledger = timeline_and_ledger(person)  # the timeline and the panel from one read of the ledger
    context = {
        "person": person,
        "memberships": person.memberships.select_related("unit").order_by("-start"),
        "timeline": timeline,
        "award_names": names,
        "form": form,
        "can_edit": request.user.has_perm("records.change_ledger", person),
        "can_edit_person": request.user.has_perm("org.manage_people", person),
        "change_log": change_log(person, timeline),
        "panels": registry.panels_for("person", request, person),  # blocks of upper apps (documents: the achievement report)
    }
    if form.is_bound and form.is_valid():
        context["eligibility"] = _eligibility(ledger, form)
    return render(request, "records/person_detail.html", context)


@login_required
@require_GET
def person_eligibility(request, pk: int):
    person = _scoped_person(request, pk)
    form, names = _eligibility_form(request, request.GET)
    context = {"person": person, "form": form, "award_names": names,
               "can_edit": request.user.has_perm("records.change_ledger", person),
               "can_edit_person": request.user.has_perm("org.manage_people", person)}
    if form.is_valid():
        context["eligibility"] = _eligibility(person, form)
    return render(request, "records/_eligibility_result.html", context)


@login_required
@require_GET
def people_export(request):
    """The people list, with the filters of the page, as an .xlsx file (records.exports)."""
    require(request, "org.view_people")
    form = PeopleFilterForm(request.GET or None, units=units_visible_to(request.user))
    if form.is_bound and not form.is_valid():
        problems = "; ".join(f"{form.fields[k].label}: {' '.join(v)}" if k in form.fields else " ".join(v) for k, v in form.errors.items())
        messages.error(request, _("Chưa xuất tệp vì bộ lọc không hợp lệ (%(problems)s).") % {"problems": problems})
        return redirect(f"{reverse('records:people_list')}?{request.GET.urlencode()}")
    from .exports import people_export as export

    result = export(actor=request.user, form=form)
    return FileResponse(result.file, as_attachment=True, filename=result.filename, content_type=XLSX_CONTENT_TYPE)


@login_required
@require_http_methods(["GET", "POST"])
def history_import(request):
    require(request, "records.import_history")
    units = editable_units_for(request.user).filter(valid_to__isnull=True)
    form = ImportForm(request.POST or None, request.FILES or None, units=units)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        from .importing import history_import as run_import

        try:
            context["report"] = run_import(
                actor=request.user, scope_unit=form.cleaned_data["scope_unit"], file=form.cleaned_data["file"], format=form.file_format
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
    return render(request, "records/history_import.html", context)


@login_required
@require_GET
def history_import_template(request):
    require(request, "records.import_history")
    from .import_template import import_template

    units = editable_units_for(request.user).filter(valid_to__isnull=True).order_by("depth", "name_sort_key", "id")
    response = HttpResponse(import_template(units), content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-lich-su-thanh-tich.xlsx"'
    return response
