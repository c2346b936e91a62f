"""Who may do what with movements and registrations (rules predicates, used by the services, the workflow table and the
screens).

- movements.view_movements ()                  a reader of some subtree (the menu entry and the year's list)
- movements.launch (unit | None)              the unit's TĐKT officer or its standing office (appraiser, head): over the unit
- movements.manage_movement (movement)        the same, over the launching unit: edit, criteria, documents, remind
- movements.view_movement (movement)          a reader over the launching unit, over a target unit, or over a unit that
                                              adopted it (its own movement's parent)
- movements.register (registration)           the TĐKT officer over the registering (target) unit: draft, submit, resubmit
- movements.view_registration (registration)  a reader over the registering unit, or a launcher over the movement's unit
- movements.decide_registration (registration) a launcher over the movement's unit: approve or return
"""

from __future__ import annotations

import rules

from tdkt.accounts import roles, scoping
from tdkt.accounts.roles import Role

READERS = roles.LEDGER_READERS
LAUNCHERS = frozenset({Role.ADMIN, Role.UNIT_OFFICER, Role.APPRAISER, Role.OFFICE_HEAD})
REGISTRARS = frozenset({Role.ADMIN, Role.UNIT_OFFICER})


def _authenticated(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def may_see_movements(user) -> bool:
    return _authenticated(user) and scoping.may(user, READERS)


def can_launch(user, unit=None) -> bool:
    if not _authenticated(user):
        return False
    if unit is None:
        return scoping.may(user, LAUNCHERS)
    return scoping.in_scope(user, unit, roles=LAUNCHERS)


def can_manage(user, movement) -> bool:
    return movement is not None and _authenticated(user) and scoping.in_scope(user, movement.unit, roles=LAUNCHERS)


def can_view(user, movement) -> bool:
    if movement is None or not _authenticated(user):
        return False
    if scoping.in_scope(user, movement.unit, roles=READERS):
        return True
    if movement.pk is None:
        return False
    from .selectors import movements_visible_to

    return movements_visible_to(user).filter(pk=movement.pk).exists()


def can_register(user, registration) -> bool:
    return registration is not None and _authenticated(user) and scoping.in_scope(user, registration.unit, roles=REGISTRARS)


def can_view_registration(user, registration) -> bool:
    return registration is not None and _authenticated(user) and (
        scoping.in_scope(user, registration.unit, roles=READERS) or can_manage(user, registration.movement))


def can_decide(user, registration) -> bool:
    return registration is not None and can_manage(user, registration.movement)


rules.add_perm("movements.view_movements", rules.predicate(lambda user, obj=None: may_see_movements(user)))
rules.add_perm("movements.launch", rules.predicate(lambda user, obj=None: can_launch(user, obj)))
rules.add_perm("movements.manage_movement", rules.predicate(lambda user, obj=None: can_manage(user, obj)))
rules.add_perm("movements.view_movement", rules.predicate(lambda user, obj=None: can_view(user, obj)))
rules.add_perm("movements.register", rules.predicate(lambda user, obj=None: can_register(user, obj)))
rules.add_perm("movements.view_registration", rules.predicate(lambda user, obj=None: can_view_registration(user, obj)))
rules.add_perm("movements.decide_registration", rules.predicate(lambda user, obj=None: can_decide(user, obj)))
