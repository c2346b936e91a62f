"""Who sees what: the scoping by unit subtree, written once and used by every view and selector.

A role assignment gives its holder a unit and everything under it (materialised `path` prefix).
Roles are grouped by what they may read:

- LEDGER_ROLES read units, people and their achievement ledgers in their subtrees;
- every active role reads the unit tree of its subtree (organisation, no personal data);
- IMPORT_ROLES may import past history into their subtrees;
- a superuser sees everything.

Results are memoised on the user object for the request, so a page asks the database once.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db.models import Q, QuerySet
from django.utils import timezone

from tdkt.org.models import Person, Unit

from .models import Role, RoleAssignment

LEDGER_ROLES = frozenset(
    {Role.ADMIN, Role.UNIT_OFFICER, Role.APPRAISER, Role.OFFICE_HEAD, Role.COUNCIL_SECRETARY, Role.SIGNER}
)
IMPORT_ROLES = frozenset({Role.ADMIN, Role.UNIT_OFFICER})
ADMIN_ROLES = frozenset({Role.ADMIN})

_CACHE_ATTR = "_tdkt_assignments"


def _today() -> dt.date:
    return timezone.localdate()


def active_assignments(user, on: dt.date | None = None) -> list[RoleAssignment]:
    """The user's role assignments in force on a day (default today), with their units."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    on = on or _today()
    cache = user.__dict__.setdefault(_CACHE_ATTR, {})
    if on not in cache:
        cache[on] = list(
            RoleAssignment.objects.filter(user=user)
            .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
            .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
            .select_related("unit")
            .order_by("unit__path", "role")
        )
    return cache[on]


def forget(user) -> None:
    """Drop the memoised assignments (after role_assign / role_revoke on the same user object)."""
    user.__dict__.pop(_CACHE_ATTR, None)


def has_role(user, role: str | Iterable[str], on: dt.date | None = None) -> bool:
    roles = {role} if isinstance(role, str) else set(role)
    return any(a.role in roles for a in active_assignments(user, on))


def is_superuser(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)


def scope_roots(user, roles: Iterable[str] | None = None) -> list[Unit]:
    """The topmost units the user holds (one of) the roles over; nested scopes are folded into their parent."""
    wanted = set(roles) if roles is not None else None
    units = sorted(
        {a.unit.pk: a.unit for a in active_assignments(user) if wanted is None or a.role in wanted}.values(),
        key=lambda u: u.path,
    )
    roots: list[Unit] = []
    for unit in units:
        if not any(unit.path.startswith(root.path) for root in roots):
            roots.append(unit)
    return roots


def _subtree_q(roots: list[Unit], prefix: str) -> Q:
    if not roots:
        return Q(pk__in=[])
    q = Q()
    for root in roots:
        q |= Q(**{f"{prefix}path__startswith": root.path})
    return q


def visible_unit_q(user, prefix: str = "", roles: Iterable[str] | None = None) -> Q:
    """Q over Unit (or over a relation to it, with prefix 'unit__') matching the units the user may see."""
    if is_superuser(user):
        return Q()
    return _subtree_q(scope_roots(user, roles), prefix)


def can_view_units(user) -> bool:
    return is_superuser(user) or bool(active_assignments(user))


def can_view_people(user) -> bool:
    return is_superuser(user) or has_role(user, LEDGER_ROLES)


def can_import_history(user) -> bool:
    return is_superuser(user) or has_role(user, IMPORT_ROLES)


def units_visible_to(user) -> QuerySet[Unit]:
    """Units in the subtrees of the user's active roles (all units for a superuser)."""
    if not can_view_units(user):
        return Unit.objects.none()
    return Unit.objects.filter(visible_unit_q(user))


def people_visible_to(user) -> QuerySet[Person]:
    """People whose current unit lies in a subtree where the user holds a ledger-reading role."""
    if not can_view_people(user):
        return Person.objects.none()
    if is_superuser(user):
        return Person.objects.all()
    return Person.objects.filter(visible_unit_q(user, prefix="unit__", roles=LEDGER_ROLES))


def ledger_units_for(user) -> QuerySet[Unit]:
    """Units whose people's ledgers the user may read (and over which a batch run may be started)."""
    if not can_view_people(user):
        return Unit.objects.none()
    return Unit.objects.filter(visible_unit_q(user, roles=LEDGER_ROLES))


def import_units_for(user) -> QuerySet[Unit]:
    """Units into which the user may import history."""
    if not can_import_history(user):
        return Unit.objects.none()
    return Unit.objects.filter(visible_unit_q(user, roles=IMPORT_ROLES))


def in_scope(user, unit: Unit, roles: Iterable[str] | None = None) -> bool:
    """Whether the unit lies in a subtree where the user holds one of the roles (any role when None)."""
    return is_superuser(user) or any(unit.path.startswith(root.path) for root in scope_roots(user, roles))


def can_view_person(user, person: Person) -> bool:
    if not can_view_people(user):
        return False
    if is_superuser(user):
        return True
    return person.unit_id is not None and in_scope(user, person.unit, LEDGER_ROLES)


def can_view_unit(user, unit: Unit) -> bool:
    return can_view_units(user) and in_scope(user, unit)
