"""The unit screens: the tree of one's scope and a unit's page. Thin: check the rule, read through the scoped
selectors (another unit is a 404), render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_GET

from tdkt.core import registry

from .models import Person, Unit, UnitSuccession
from .selectors import in_tree_order, sibling_key, units_visible_to


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


@login_required
@require_GET
def unit_tree(request):
    require(request, "org.view_units")
    units = in_tree_order(units_visible_to(request.user).annotate(people_count=Count("people")))
    _successions(units)
    return render(request, "org/unit_tree.html", {"roots": _tree(units), "units_count": len(units)})


@login_required
@require_GET
def unit_detail(request, pk: int):
    require(request, "org.view_units")
    unit = get_object_or_404(units_visible_to(request.user).select_related("parent"), pk=pk)
    children = sorted(unit.children.annotate(people_count=Count("people")), key=sibling_key)
    _successions([unit, *children])
    context = {
        "unit": unit,
        "children": children,
        "people_direct": Person.objects.filter(unit=unit).count(),
        "people_subtree": Person.objects.filter(unit__path__startswith=unit.path).count(),
        "parent_visible": unit.parent is not None and request.user.has_perm("org.view_unit", unit.parent),
        "can_view_people": request.user.has_perm("org.view_people"),
        "can_add_people": request.user.has_perm("org.manage_people", unit) and unit.valid_to is None,
        "panels": registry.panels_for("unit", request, unit),
    }
    return render(request, "org/unit_detail.html", context)
