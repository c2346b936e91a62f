"""Org selectors: querysets over the unit tree, lineage through dissolutions, people by subtree."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.db.models import Count, Q, QuerySet

from tdkt.accounts import roles, scoping

from .models import Council, CouncilMember, CouncilRole, Membership, Person, Unit, UnitKind, UnitSuccession


def unit_subtree(unit: Unit, *, active_on: dt.date | None = None) -> QuerySet[Unit]:
    """The unit and everything under it (optionally only units in force on a day), in tree order."""
    qs = Unit.objects.filter(path__startswith=unit.path)
    if active_on is not None:
        qs = qs.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=active_on)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=active_on)
        )
    return qs.order_by("path")


def unit_children(unit: Unit) -> QuerySet[Unit]:
    return Unit.objects.filter(parent=unit).order_by("name_sort_key")


def paths_at_and_above(path: str) -> list[str]:
    """The materialised paths of a unit and of every unit above it, root first ("/1/5/9/" → "/1/", "/1/5/", "/1/5/9/")."""
    parts = [p for p in path.split("/") if p]
    return ["/" + "/".join(parts[:i]) + "/" for i in range(1, len(parts) + 1)]


def unit_ancestors(unit: Unit) -> QuerySet[Unit]:
    """The units above `unit`, root first (from its materialised path)."""
    ids = [int(part) for part in unit.path.strip("/").split("/") if part][:-1]
    return Unit.objects.filter(pk__in=ids).order_by("depth")


def _walk(start: Unit, forward: bool) -> list[Unit]:
    seen: dict[int, Unit] = {}
    frontier = [start.pk]
    while frontier:
        if forward:
            rows = UnitSuccession.objects.filter(predecessor_id__in=frontier).select_related("successor")
            found = [r.successor for r in rows]
        else:
            rows = UnitSuccession.objects.filter(successor_id__in=frontier).select_related("predecessor")
            found = [r.predecessor for r in rows]
        frontier = []
        for unit in found:
            if unit.pk != start.pk and unit.pk not in seen:
                seen[unit.pk] = unit
                frontier.append(unit.pk)
    return sorted(seen.values(), key=lambda u: (u.valid_to or dt.date.max, u.name_sort_key), reverse=True)


def unit_predecessors(unit: Unit) -> list[Unit]:
    """Every unit this one took over from, transitively (e.g. a new ward → old wards and the dissolved district)."""
    return _walk(unit, forward=False)


def unit_successors(unit: Unit) -> list[Unit]:
    """Every unit that took over from this one, transitively."""
    return _walk(unit, forward=True)


def unit_lineage(unit: Unit) -> list[Unit]:
    """The unit itself and its predecessors: the issuers whose awards belong to this unit's history."""
    return [unit, *unit_predecessors(unit)]


def people_in_subtree(unit: Unit) -> QuerySet[Person]:
    """People whose current unit is `unit` or under it, in Vietnamese list order."""
    return Person.objects.filter(unit__path__startswith=unit.path).order_by("name_sort_key", "id")


def people_counts(units) -> dict[int, int]:
    """The current members of each unit's subtree (the unit and everything under it), by unit id: what the unit tree
    and the unit's page both show. One query (people counted per unit, then added up along the tree paths)."""
    units = list(units)
    if not units:
        return {}
    wanted = {u.pk for u in units}
    roots = [u for u in units if not any(part and int(part) in wanted for part in u.path.strip("/").split("/")[:-1])]
    q = Q()
    for root in roots:
        q |= Q(unit__path__startswith=root.path)
    totals = dict.fromkeys(wanted, 0)
    for path, n in Person.objects.filter(q).values_list("unit__path").annotate(n=Count("id")).order_by():
        for part in path.strip("/").split("/"):
            if part and int(part) in totals:
                totals[int(part)] += n
    return totals


def people_in_unit_during(unit: Unit, start: dt.date, end: dt.date, *, subtree: bool = True) -> QuerySet[Person]:
    """People with a membership in the unit (or its subtree) overlapping [start, end]."""
    unit_q = Q(unit__path__startswith=unit.path) if subtree else Q(unit=unit)
    person_ids = Membership.objects.filter(unit_q, start__lte=end).filter(Q(end__isnull=True) | Q(end__gte=start)).values("person_id")
    return Person.objects.filter(pk__in=person_ids).order_by("name_sort_key", "id")


def province_unit() -> Unit | None:
    """The unit of the configured province (TDKT_PROVINCE_CODE), or the first root unit."""
    return (
        Unit.objects.filter(kind="province", admin_code=settings.TDKT_PROVINCE_CODE).first()
        or Unit.objects.filter(parent__isnull=True).order_by("pk").first()
    )


def unit_by_code(code: str) -> Unit | None:
    return Unit.objects.filter(code=code).first()


KIND_ORDER = {kind: position for position, kind in enumerate(UnitKind.values)}


def sibling_key(unit: Unit) -> tuple:
    """How units under one parent are listed: active before dissolved, then by kind (the order of UnitKind: the
    government office's agencies before schools, health stations, villages), then by Vietnamese name."""
    return (unit.valid_to is not None, KIND_ORDER.get(unit.kind, len(KIND_ORDER)), unit.name_sort_key, unit.pk)


def in_tree_order(units) -> list[Unit]:
    """The units depth-first, each level in `sibling_key` order (a unit whose parent is not among them is a root)."""
    units = list(units)
    present = {u.pk for u in units}
    children: dict[int | None, list[Unit]] = {}
    for u in units:
        children.setdefault(u.parent_id if u.parent_id in present else None, []).append(u)
    ordered: list[Unit] = []
    stack = sorted(children.get(None, []), key=sibling_key, reverse=True)
    while stack:
        unit = stack.pop()
        ordered.append(unit)
        stack.extend(sorted(children.get(unit.pk, []), key=sibling_key, reverse=True))
    return ordered


# --- Scoped reads -------------------------------------------------------------------------------------------


def units_visible_to(user, role_set=roles.UNIT_READERS) -> QuerySet[Unit]:
    """Units in the subtrees where the user holds one of the roles (every unit for a superuser)."""
    if not scoping.may(user, role_set):
        return Unit.objects.none()
    return Unit.objects.filter(scoping.subtree_q(user, roles=role_set))


def people_visible_to(user) -> QuerySet[Person]:
    """People whose current unit lies in a subtree where the user holds a ledger-reading role."""
    if not scoping.may(user, roles.LEDGER_READERS):
        return Person.objects.none()
    return Person.objects.filter(scoping.subtree_q(user, roles=roles.LEDGER_READERS, field="unit"))


def ledger_units_for(user) -> QuerySet[Unit]:
    """Units whose people's ledgers the user reads (and over which a batch run may be started)."""
    return units_visible_to(user, roles.LEDGER_READERS)


def editable_units_for(user) -> QuerySet[Unit]:
    """Units whose people and ledgers the user may change (and into which they may import history)."""
    return units_visible_to(user, roles.LEDGER_EDITORS)


# --- Councils ---------------------------------------------------------------------------------------------------


def council_members_on(council: Council, day: dt.date) -> QuerySet[CouncilMember]:
    """The council's members in force on a day."""
    return (CouncilMember.objects.filter(council=council, start__lte=day).filter(Q(end__isnull=True) | Q(end__gte=day))
            .select_related("user", "person").order_by("role", "id"))


def council_voters(council: Council, day: dt.date) -> QuerySet[CouncilMember]:
    """Who may vote in the council on a day: its members of that day linked to an account, the secretary excepted
    (a secretary who is also a member holds a member's row)."""
    return council_members_on(council, day).filter(user__isnull=False).exclude(role=CouncilRole.SECRETARY)


def is_council_voter(user, council: Council, day: dt.date) -> bool:
    """Whether the account may vote in the council on that day (its own membership, whatever its roles elsewhere)."""
    if user is None or not getattr(user, "is_authenticated", False):
        return False
    return council_voters(council, day).filter(user=user).exists()
