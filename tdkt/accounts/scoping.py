"""Who sees what, written once: scopes from role assignments, by subtree and by relation.

A role assignment gives its holder a unit. Rules and selectors ask for the objects reachable from the units
where the user holds one of some roles (a role set of `accounts.roles`), through a relation:

- SUBTREE: the object's unit is one of those units or lies under one ("my unit and everything under it");
- ONLY: the object's unit is exactly one of those units ("this unit only");

and through any field that points to a unit: the object's own unit (`unit`), the unit that currently
handles it (`current_handler`: a dossier forwarded to the province's standing office, a department and not
the province root), the agency it is addressed to (`addressee`: an opinion request to the police), the unit
that issued it (`issuer`). `handled_by_q` and `addressed_to_q` name the two relations the workflows use.

Units are known here only by their materialised `path` ("/1/7/42/", a prefix of their subtree's paths):
this app sits below `org` and imports none of it. A superuser (the system account included) reaches
everything. Assignments are memoised on the user object for the request, so a page asks the database once, and
in the shared cache (Redis) across requests: a change to an assignment or a unit drops them (`assignments_changed`).
"""

from __future__ import annotations

import datetime as dt
import enum
import functools
import hashlib
from collections.abc import Iterable

from django.db.models import Q
from django.utils import timezone
from django.utils.functional import LazyObject, empty

from tdkt.core import shared_cache

from .models import RoleAssignment

_CACHE_ATTR = "_tdkt_assignments"
# The family of tdkt.core.shared_cache for what follows from the role assignments and the unit tree: the
# assignments themselves, the units a scope lists.
SCOPE = "scope"


class Relation(enum.Enum):
    SUBTREE = "subtree"
    ONLY = "only"


def _today() -> dt.date:
    return timezone.localdate()


def active_assignments(user, on: dt.date | None = None) -> list[RoleAssignment]:
    """The user's role assignments in force on a day (default today), with their units."""
    if user is None or not getattr(user, "is_authenticated", False) or not user.is_active:
        return []
    on = on or _today()
    cache = _unwrapped(user).__dict__.setdefault(_CACHE_ATTR, {})
    if on not in cache:
        key = f"assignments:{_schema()}:{user.pk}:{on.isoformat()}"
        cache[on] = shared_cache.get_or_build(SCOPE, key, lambda: _read_assignments(user, on))
    return cache[on]


@functools.cache
def _schema() -> str:
    """The columns of the memoised instances (assignment and unit): an upgrade that changes them changes the keys,
    so no instance pickled by an older version is read back."""
    fields = [f.column for model in (RoleAssignment, RoleAssignment._meta.get_field("unit").related_model)
              for f in model._meta.concrete_fields]
    return hashlib.sha256(" ".join(fields).encode()).hexdigest()[:12]


def _read_assignments(user, on: dt.date) -> list[RoleAssignment]:
    return list(
        RoleAssignment.objects.filter(user=user)
        .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
        .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
        .select_related("unit")
        .order_by("unit__path", "role")
    )


def assignments_changed(**kwargs) -> None:
    """Signal receiver: a role assignment or a unit (whose path and dates the assignments carry) changed."""
    shared_cache.bump(SCOPE)


def _unwrapped(user):
    """The user object itself behind `request.user` (a lazy proxy whose own __dict__ is not the user's), so that the
    view, the rules (which get the user itself) and the selectors share one memo."""
    if isinstance(user, LazyObject):
        if user._wrapped is empty:
            user._setup()
        return user._wrapped
    return user


def forget(user) -> None:
    """Drop the memoised assignments (after a role is granted or revoked on the same user object)."""
    _unwrapped(user).__dict__.pop(_CACHE_ATTR, None)


def is_superuser(user) -> bool:
    return bool(user is not None and getattr(user, "is_authenticated", False) and user.is_active and user.is_superuser)


def has_role(user, roles: str | Iterable[str], on: dt.date | None = None) -> bool:
    wanted = {roles} if isinstance(roles, str) else set(roles)
    return any(a.role in wanted for a in active_assignments(user, on))


def may(user, roles: Iterable[str]) -> bool:
    """Whether the user holds one of the roles anywhere (or is a superuser)."""
    return is_superuser(user) or has_role(user, roles)


def units_held(user, roles: Iterable[str] | None = None) -> list:
    """The units over which the user holds (one of) the roles, by path."""
    wanted = set(roles) if roles is not None else None
    held = {a.unit.pk: a.unit for a in active_assignments(user) if wanted is None or a.role in wanted}
    return sorted(held.values(), key=lambda u: u.path)


def scope_roots(user, roles: Iterable[str] | None = None) -> list:
    """The topmost units the user holds (one of) the roles over; nested scopes are folded into their parent."""
    roots: list = []
    for unit in units_held(user, roles):
        if not any(unit.path.startswith(root.path) for root in roots):
            roots.append(unit)
    return roots


def _lookup(field: str, name: str) -> str:
    return f"{field}__{name}" if field else name


def scope_q(user, *, roles: Iterable[str], field: str = "", relation: Relation = Relation.SUBTREE) -> Q:
    """Q over a model whose `field` is a foreign key to a unit ("" = the Unit model itself), matching the objects
    reachable from the units where the user holds one of `roles`, through `relation`."""
    if is_superuser(user):
        return Q()
    if relation is Relation.ONLY:
        units = units_held(user, roles)
        if not units:
            return Q(pk__in=[])
        return Q(**{f"{field}_id__in" if field else "pk__in": [u.pk for u in units]})
    roots = scope_roots(user, roles)
    if not roots:
        return Q(pk__in=[])
    q = Q()
    for root in roots:
        q |= Q(**{_lookup(field, "path__startswith"): root.path})
    return q


def subtree_q(user, *, roles: Iterable[str], field: str = "") -> Q:
    return scope_q(user, roles=roles, field=field, relation=Relation.SUBTREE)


def only_q(user, *, roles: Iterable[str], field: str = "") -> Q:
    return scope_q(user, roles=roles, field=field, relation=Relation.ONLY)


def handled_by_q(user, *, roles: Iterable[str], field: str = "current_handler") -> Q:
    """Objects whose current handler is one of the user's units (exactly: the standing office, not its province)."""
    return scope_q(user, roles=roles, field=field, relation=Relation.ONLY)


def addressed_to_q(user, *, roles: Iterable[str], field: str = "addressee") -> Q:
    """Objects addressed to one of the user's agencies (an opinion request to the police)."""
    return scope_q(user, roles=roles, field=field, relation=Relation.ONLY)


def in_scope(user, unit, *, roles: Iterable[str] | None = None, relation: Relation = Relation.SUBTREE) -> bool:
    """Whether `unit` is reachable from the units where the user holds one of the roles (any role when None)."""
    if is_superuser(user):
        return True
    if unit is None:
        return False
    if relation is Relation.ONLY:
        return any(u.pk == unit.pk for u in units_held(user, roles))
    return any(unit.path.startswith(root.path) for root in scope_roots(user, roles))


def holders_over(unit, roles: Iterable[str], *, nearest: bool = False, on: dt.date | None = None) -> list:
    """The active users who hold one of `roles` over `unit` (an assignment in force on the day, on the unit or on one of
    its ancestors: the subtree relation read the other way), by username. With `nearest`, each role's holders of the
    nearest level only: a ward's own appraisers, not also every appraiser of the province above it. Who is told that a
    dossier waits for them (nominations.notify) is asked here."""
    if unit is None or not unit.path:
        return []
    on = on or _today()
    ancestors = [unit.path[: i + 1] for i, char in enumerate(unit.path) if char == "/" and i > 0]
    found = list(RoleAssignment.objects.filter(role__in=list(roles), unit__path__in=ancestors, user__is_active=True)
                 .filter(Q(valid_from__isnull=True) | Q(valid_from__lte=on))
                 .filter(Q(valid_to__isnull=True) | Q(valid_to__gte=on))
                 .select_related("user", "unit"))
    if nearest:
        deepest = {}
        for a in found:
            deepest[a.role] = max(deepest.get(a.role, 0), len(a.unit.path))
        found = [a for a in found if len(a.unit.path) == deepest[a.role]]
    users = {a.user.pk: a.user for a in found}
    return sorted(users.values(), key=lambda u: u.get_username())
