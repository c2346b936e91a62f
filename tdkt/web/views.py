"""Thin views: check the permission, fetch through the scoped selectors, call one service, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, OuterRef, Subquery
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET, require_http_methods
from django.views.decorators.vary import vary_on_headers

from tdkt.accounts import scoping
from tdkt.core.errors import DomainError
from tdkt.org.models import Person, Unit, UnitSuccession
from tdkt.org.selectors import in_tree_order, sibling_key
from tdkt.records.models import AwardRecord, Rating, YearRating

from . import catalogue, roles_info
from .forms import EligibilityForm, ImportForm, PeopleFilterForm, last_year
from .search import name_q

PAGE_SIZE = 25


def _require(request, perm: str, obj=None) -> None:
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied("Bạn không có quyền truy cập trang này.")


@login_required
@require_GET
def home(request):
    user = request.user
    year = last_year()
    context = {
        "assignments": scoping.active_assignments(user),
        "year": year,
        "role_cards": roles_info.cards_for(user),
    }
    if scoping.can_view_people(user):
        people = scoping.people_visible_to(user)
        context["units_count"] = scoping.units_visible_to(user).filter(valid_to__isnull=True).count()
        context["people_count"] = people.count()
        ratings = dict(
            YearRating.objects.filter(person__in=people, year=year).values_list("rating").annotate(n=Count("id")).values_list("rating", "n")
        )
        context["ratings"] = [(code, label, ratings.get(code, 0)) for code, label in Rating.choices]
        names = catalogue.award_names()
        awards = (
            AwardRecord.objects.filter(person__in=people, year=year, revoked_on__isnull=True)
            .values("award_code")
            .annotate(n=Count("id"))
            .order_by("-n", "award_code")
        )
        context["awards"] = [(a["award_code"], names.get(a["award_code"], a["award_code"]), a["n"]) for a in awards]
    elif scoping.can_view_units(user):
        context["units_count"] = scoping.units_visible_to(user).filter(valid_to__isnull=True).count()
    return render(request, "web/home.html", context)


# --- Units -----------------------------------------------------------------------------------------


def _tree(units: list[Unit]) -> list[dict]:
    """Nest units listed in tree order (a parent before its children) into nodes {unit, children}."""
    nodes = {u.pk: {"unit": u, "children": []} for u in units}
    roots = []
    for u in units:
        parent = nodes.get(u.parent_id)
        (parent["children"] if parent else roots).append(nodes[u.pk])
    return roots


def _successions(units) -> tuple[dict, dict]:
    """successors[unit_id] and predecessors[unit_id] for the given units (two queries)."""
    ids = [u.pk for u in units]
    successors: dict[int, list] = {}
    predecessors: dict[int, list] = {}
    for s in UnitSuccession.objects.filter(predecessor_id__in=ids).select_related("successor").order_by("successor__name_sort_key"):
        successors.setdefault(s.predecessor_id, []).append(s)
    for s in UnitSuccession.objects.filter(successor_id__in=ids).select_related("predecessor").order_by("predecessor__name_sort_key"):
        predecessors.setdefault(s.successor_id, []).append(s)
    for u in units:
        u.successors_list = successors.get(u.pk, [])
        u.predecessors_list = predecessors.get(u.pk, [])
    return successors, predecessors


@login_required
@require_GET
def unit_tree(request):
    _require(request, "web.view_units")
    units = in_tree_order(scoping.units_visible_to(request.user).annotate(people_count=Count("people")))
    _successions(units)
    return render(request, "web/unit_tree.html", {"roots": _tree(units), "units_count": len(units)})


@login_required
@require_GET
def unit_detail(request, pk: int):
    _require(request, "web.view_units")
    unit = get_object_or_404(scoping.units_visible_to(request.user).select_related("parent"), pk=pk)
    children = sorted(unit.children.annotate(people_count=Count("people")), key=sibling_key)
    _successions([unit, *children])
    context = {
        "unit": unit,
        "children": children,
        "people_direct": Person.objects.filter(unit=unit).count(),
        "people_subtree": Person.objects.filter(unit__path__startswith=unit.path).count(),
        "parent_visible": unit.parent is not None and scoping.can_view_unit(request.user, unit.parent),
        "can_view_people": scoping.can_view_people(request.user),
    }
    return render(request, "web/unit_detail.html", context)


# --- People ----------------------------------------------------------------------------------------


def people_search(user, form: PeopleFilterForm):
    """The scoped, filtered, sorted people queryset of the list page, annotated with the year's rating."""
    people = scoping.people_visible_to(user)
    year = form.selected_year
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    if data.get("q"):
        people = people.filter(name_q(data["q"]))
    if data.get("unit"):
        people = people.filter(unit__path__startswith=data["unit"].path)
    if data.get("gender"):
        people = people.filter(gender=data["gender"])
    if data.get("leader"):
        people = people.filter(is_leader=data["leader"] == "1")
    if data.get("direct"):
        people = people.filter(is_direct_worker=data["direct"] == "1")
    rating_sq = YearRating.objects.filter(person=OuterRef("pk"), year=year).values("rating")[:1]
    people = people.annotate(year_rating=Subquery(rating_sq))
    if data.get("rating") == "none":
        people = people.filter(year_rating__isnull=True)
    elif data.get("rating"):
        people = people.filter(year_rating=data["rating"])
    return people.select_related("unit").order_by("name_sort_key", "id"), year


@login_required
@require_GET
@vary_on_headers("HX-Request", "HX-Target")
def people_list(request):
    _require(request, "web.view_people")
    units = scoping.units_visible_to(request.user)
    form = PeopleFilterForm(request.GET or None, units=units)
    people, year = people_search(request.user, form)
    page = Paginator(people, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    context = {"form": form, "page": page, "year": year, "query": query.urlencode(), "rating_names": catalogue.RATING_NAMES}
    template = "web/_people_results.html" if request.htmx and request.htmx.target == "people-results" else "web/people_list.html"
    return render(request, template, context)


def _scoped_person(request, pk: int) -> Person:
    _require(request, "web.view_people")
    return get_object_or_404(scoping.people_visible_to(request.user).select_related("unit"), pk=pk)


def _eligibility(person: Person, form: EligibilityForm) -> dict:
    """Run the engine on the person's ledger: {'result': ...} or {'error': ...}."""
    from tdkt.law import engine
    from tdkt.records.selectors import history_payload

    award, year = form.cleaned_data["award"], form.cleaned_data["year"]
    try:
        payload = history_payload(person=person, award_code=award, year=year)
        result = engine.check(payload)
    except DomainError as exc:
        return {"error": exc.message}
    return {"result": result, "regime_name": catalogue.regime_name(result.get("regime", ""))}


@login_required
@require_GET
def person_detail(request, pk: int):
    person = _scoped_person(request, pk)
    from tdkt.records.selectors import ledger_timeline

    names = catalogue.award_names()
    form = EligibilityForm(request.GET if "award" in request.GET else None, award_names=names)
    context = {
        "person": person,
        "memberships": person.memberships.select_related("unit").order_by("-start"),
        "timeline": ledger_timeline(person),
        "award_names": names,
        "form": form,
    }
    if form.is_bound and form.is_valid():
        context["eligibility"] = _eligibility(person, form)
    return render(request, "web/person_detail.html", context)


@login_required
@require_GET
def person_eligibility(request, pk: int):
    person = _scoped_person(request, pk)
    names = catalogue.award_names()
    form = EligibilityForm(request.GET, award_names=names)
    context = {"person": person, "form": form, "award_names": names}
    if form.is_valid():
        context["eligibility"] = _eligibility(person, form)
    return render(request, "web/_eligibility_result.html", context)


# --- Import ----------------------------------------------------------------------------------------


@login_required
@require_http_methods(["GET", "POST"])
def history_import(request):
    _require(request, "web.import_history")
    units = scoping.import_units_for(request.user).filter(valid_to__isnull=True)
    form = ImportForm(request.POST or None, request.FILES or None, units=units)
    context = {"form": form}
    if request.method == "POST" and form.is_valid():
        from tdkt.records.importing import history_import as run_import

        try:
            context["report"] = run_import(
                actor=request.user, scope_unit=form.cleaned_data["scope_unit"], file=form.cleaned_data["file"], format=form.file_format
            )
        except DomainError as exc:
            form.add_error(None, exc.message)
    return render(request, "web/history_import.html", context)


@login_required
@require_GET
def history_import_template(request):
    _require(request, "web.import_history")
    from tdkt.records.importing import import_template

    response = HttpResponse(
        import_template(), content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    )
    response["Content-Disposition"] = 'attachment; filename="mau-nhap-lich-su-thanh-tich.xlsx"'
    return response
