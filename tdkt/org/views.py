"""The unit screens: the tree of one's scope and a unit's page. Thin: check the rule, read through the scoped
selectors (another unit is a 404), render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from tdkt.core import registry, vntext

from .models import Person, Unit, UnitSuccession
from .search import unit_q
from .selectors import in_tree_order, people_counts, sibling_key, units_visible_to


def require(request, perm: str, obj=None) -> None:
    """A view's first line of defence (the services check again): 403 unless the user holds the rule."""
    if not request.user.has_perm(perm, obj):
        raise PermissionDenied("Bạn không có quyền truy cập trang này.")


def _tree(units: list[Unit]) -> list[dict]:
    """Nest units listed in tree order (a parent before its children) into nodes {unit, children}."""
    nodes = {u.pk: {"unit": u, "children": []} for u in units}
    roots = []
    for u in units:
        parent = nodes.get(u.parent_id)
        (parent["children"] if parent else roots).append(nodes[u.pk])
    return roots


def _successions(units) -> None:
    """Attach successors_list and predecessors_list to the given units (two queries)."""
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


def _with_counts(units: list[Unit]) -> list[Unit]:
    counts = people_counts(units)
    for u in units:
        u.people_count = counts.get(u.pk, 0)
    return units


@login_required
@require_GET
def unit_tree(request):
    """The tree of one's scope, each unit with the current members of its subtree. `q` keeps the units whose name
    matches (the app's unit search) and the units above them; the page's script filters as one types."""
    require(request, "org.view_units")
    visible = units_visible_to(request.user)
    units = in_tree_order(visible)
    query = vntext.nfc(request.GET.get("q", ""))[:100]
    matched = None
    if query:
        found = set(visible.filter(unit_q(query)).values_list("pk", flat=True))
        keep = {int(part) for u in units if u.pk in found for part in u.path.strip("/").split("/") if part}
        units = [u for u in units if u.pk in keep]
        matched = len(found)
    _with_counts(units)
    _successions(units)
    for u in units:
        u.tree_words = " ".join(f"{folded}:{marked}" for folded, marked in vntext.search_words(f"{u.name} {u.short_name}"))
    context = {"roots": _tree(units), "units_count": visible.count(), "query": query, "matched": matched}
    return render(request, "org/unit_tree.html", context)


@login_required
@require_GET
def unit_detail(request, pk: int):
    require(request, "org.view_units")
    unit = get_object_or_404(units_visible_to(request.user).select_related("parent"), pk=pk)
    children = sorted(unit.children.all(), key=sibling_key)
    _with_counts([unit, *children])
    _successions([unit, *children])
    context = {
        "unit": unit,
        "children": children,
        "people_direct": Person.objects.filter(unit=unit).count(),
        "people_subtree": unit.people_count,
        "parent_visible": unit.parent is not None and request.user.has_perm("org.view_unit", unit.parent),
        "can_view_people": request.user.has_perm("org.view_people"),
        "can_add_people": request.user.has_perm("org.manage_people", unit) and unit.valid_to is None,
        "panels": registry.panels_for("unit", request, unit),
    }
    return render(request, "org/unit_detail.html", context)
