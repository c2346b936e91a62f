"""Reads of the movements app, limited to what the user may see (another level's movement is a 404)."""

from __future__ import annotations

from django.db.models import Q, QuerySet
from django.utils import timezone

from tdkt.accounts import scoping
from tdkt.org.models import Unit

from .models import REGISTERED, Movement, Registration, RegistrationStatus, Reminder
from .permissions import LAUNCHERS, READERS, REGISTRARS


def _anonymous(user) -> bool:
    return user is None or not getattr(user, "is_authenticated", False)


def movements_visible_to(user) -> QuerySet[Movement]:
    """Movements launched in the user's subtree, those that target a unit of it, and those adopted by a unit of it."""
    qs = Movement.objects.select_related("unit", "parent", "anniversary")
    if scoping.is_superuser(user):
        return qs
    if _anonymous(user):
        return qs.none()
    own = scoping.subtree_q(user, roles=READERS, field="unit")
    ids = Movement.objects.filter(
        own | scoping.subtree_q(user, roles=READERS, field="targets") | scoping.subtree_q(user, roles=READERS, field="adoptions__unit")
    ).values("pk")
    return qs.filter(pk__in=ids)


def in_year(qs: QuerySet[Movement], year: int) -> QuerySet[Movement]:
    """The movements running some day of the year."""
    return qs.filter(starts_on__year__lte=year, ends_on__year__gte=year)


def movements_of_level(unit: Unit, year: int, qs: QuerySet[Movement] | None = None) -> QuerySet[Movement]:
    """The year's list of a level: its own movements, its ancestors' that target it, and those it adopted."""
    qs = Movement.objects.select_related("unit", "parent", "anniversary") if qs is None else qs
    ancestors = [unit.path[: i + 1] for i, char in enumerate(unit.path) if char == "/" and 0 < i < len(unit.path) - 1]
    ids = Movement.objects.filter(Q(unit=unit) | Q(unit__path__in=ancestors, targets=unit) | Q(adoptions__unit=unit)).values("pk")
    return in_year(qs.filter(pk__in=ids), year)


def launching_units(user) -> QuerySet[Unit]:
    """The units the user may launch a movement for (the current ones)."""
    qs = Unit.objects.filter(valid_to__isnull=True)
    if scoping.is_superuser(user):
        return qs
    if _anonymous(user):
        return qs.none()
    return qs.filter(scoping.subtree_q(user, roles=LAUNCHERS))


def registrations_visible_to(user) -> QuerySet[Registration]:
    """Registrations of the units of the user's subtree, and every registration to a movement the user's level launched."""
    qs = Registration.objects.select_related("movement", "movement__unit", "unit", "created_by")
    if scoping.is_superuser(user):
        return qs
    if _anonymous(user):
        return qs.none()
    return qs.filter(scoping.subtree_q(user, roles=READERS, field="unit") | scoping.subtree_q(user, roles=LAUNCHERS, field="movement__unit"))


def targets_of(movement: Movement, user) -> list[dict]:
    """The movement's target units, each with its registration (when the user may see it) and today's reminder."""
    from .permissions import can_manage

    manage = can_manage(user, movement)
    visible = registrations_visible_to(user).filter(movement=movement)
    registrations = {r.unit_id: r for r in visible}
    today = timezone.localdate()
    reminded = set(Reminder.objects.filter(movement=movement, sent_on=today).values_list("unit_id", flat=True))
    units = list(movement.targets.order_by("path"))
    rows = []
    for unit in units:
        registration = registrations.get(unit.pk)
        if not manage and registration is None and not scoping.in_scope(user, unit, roles=READERS):
            continue
        rows.append({"unit": unit, "registration": registration, "reminded_today": unit.pk in reminded,
                     "registered": registration is not None and registration.status in REGISTERED,
                     "may_register": scoping.in_scope(user, unit, roles=REGISTRARS)})
    return rows


def not_registered(movement: Movement) -> list[Unit]:
    """Target units without a registration sent (none, or a draft only)."""
    done = Registration.objects.filter(movement=movement, status__in=REGISTERED).values("unit")
    return list(movement.targets.exclude(pk__in=done).order_by("path"))


def registrations_to_make(user) -> list[dict]:
    """For the home page: the (movement, unit) pairs whose registration is still to send by a unit the user holds the
    officer's role on, registrations open. One query, and one more when there are some."""
    if _anonymous(user) or scoping.is_superuser(user):
        return []
    ids = [u.pk for u in scoping.units_held(user, REGISTRARS)]
    if not ids:
        return []
    today = timezone.localdate()
    pairs = list(Movement.targets.through.objects.filter(unit_id__in=ids, movement__registration_deadline__gte=today)
                 .select_related("movement", "movement__unit", "unit").order_by("movement__registration_deadline", "movement_id")[:40])
    if not pairs:
        return []
    registrations = {(r.movement_id, r.unit_id): r for r in Registration.objects.filter(
        movement_id__in={p.movement_id for p in pairs}, unit_id__in=ids)}
    out = []
    for pair in pairs:
        reg = registrations.get((pair.movement_id, pair.unit_id))
        if reg is None or reg.status in (RegistrationStatus.DRAFT, RegistrationStatus.RETURNED):
            out.append({"movement": pair.movement, "unit": pair.unit, "registration": reg})
    return out[:8]


def awaiting_decision(user) -> QuerySet[Registration]:
    """For the home page: registrations sent to a movement the user's level launched, waiting for approval."""
    if _anonymous(user):
        return Registration.objects.none()
    qs = Registration.objects.filter(status__in=(RegistrationStatus.SUBMITTED, RegistrationStatus.RESUBMITTED)).select_related(
        "movement", "unit")
    ids = [u.pk for u in scoping.units_held(user, LAUNCHERS)]
    if scoping.is_superuser(user) or not ids:
        return qs.none()
    return qs.filter(movement__unit_id__in=ids)
