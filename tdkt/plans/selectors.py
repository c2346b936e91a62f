"""Reads of the plans app, limited to what the user may see (another level's plan is a 404)."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from tdkt.accounts import roles, scoping
from tdkt.org.models import Unit

from . import numbering
from .models import CouncilItem, KeyTask, Plan, PlanSection
from .permissions import READERS, TASK_OFFICERS


def plans_visible_to(user) -> QuerySet[Plan]:
    """Plans of the levels in the user's scopes, of the levels above the user's units, and those whose key tasks the
    user's unit leads."""
    qs = Plan.objects.select_related("issuer", "implements", "implements__issuer")
    if scoping.is_superuser(user):
        return qs
    if user is None or not getattr(user, "is_authenticated", False):
        return qs.none()
    held = scoping.units_held(user, READERS | roles.OFFICE)
    if not held:
        return qs.none()
    q = scoping.subtree_q(user, roles=READERS | roles.OFFICE, field="issuer")
    ancestors = {int(part) for unit in held for part in unit.path.strip("/").split("/") if part}
    q |= Q(issuer__in=ancestors)
    officer_units = [u.pk for u in scoping.units_held(user, TASK_OFFICERS)]
    if officer_units:
        q |= Q(pk__in=KeyTask.objects.filter(lead_unit__in=officer_units).values("plan"))
    return qs.filter(q)


def issuers_for(user) -> QuerySet[Unit]:
    """The units whose plans the user may create (under the user's standing office; current units)."""
    qs = Unit.objects.all().order_by("path")
    if scoping.is_superuser(user):
        return qs.filter(kind__in=("province", "district", "commune"))
    return qs.filter(scoping.subtree_q(user, roles=roles.OFFICE), kind__in=("province", "district", "commune"))


def sections_of(plan: Plan) -> list[PlanSection]:
    return list(plan.sections.all())


def outline_of(plan: Plan) -> list[numbering.Node]:
    return numbering.outline(sections_of(plan))


def tasks_of(plan: Plan) -> list[KeyTask]:
    return list(plan.key_tasks.select_related("lead_unit").prefetch_related("updates").order_by("position", "id"))


def council_items_of(plan: Plan) -> list[CouncilItem]:
    return list(plan.council_items.select_related("session", "round").order_by("month", "position", "id"))


def programme_by_month(plan: Plan) -> list[tuple[int, list[CouncilItem]]]:
    months: dict[int, list[CouncilItem]] = {}
    for item in council_items_of(plan):
        months.setdefault(item.month, []).append(item)
    return sorted(months.items())


def plan_of(issuer: Unit, year: int) -> Plan | None:
    return Plan.objects.select_related("issuer").filter(issuer=issuer, year=year).first()


def higher_plan(issuer: Unit, year: int) -> Plan | None:
    """The nearest ancestor level's plan of the year (the plan a ward's plan implements: the city's)."""
    unit = issuer.parent
    while unit is not None:
        found = plan_of(unit, year)
        if found is not None:
            return found
        unit = unit.parent
    return None
