"""The org app's rules (rules predicates over accounts.scoping), checked by its views and by its services.

- org.view_units            the unit tree of one's scope (every role)
- org.view_unit (unit)      one unit's page
- org.view_people           people lists of one's scope (ledger readers)
- org.view_person (person)  one person's profile
- org.manage_people (unit | person)   add a person to a unit, change a person, move them (ledger editors)
- org.manage_units (unit)   create a unit under it, rename, dissolve, record a succession (administrators)
- org.manage_root_units     create a unit with no parent (a superuser)
- org.manage_councils (unit | council)   councils of a unit and their members (administrators)

Who may vote in a council is not a permission (a superuser holds every permission): it is the membership,
`selectors.is_council_voter(user, council, day)`.
"""

from __future__ import annotations

import rules

from tdkt.accounts import roles, scoping

from .subjects import subject_unit


def _within(user, obj, role_set) -> bool:
    """With no object: whether the user holds one of the roles anywhere; with one (a unit, a person, a household,
    a council, anything with a subject): whether its unit is in the subtree of one of those roles."""
    if obj is None:
        return scoping.may(user, role_set)
    return scoping.in_scope(user, subject_unit(obj), roles=role_set)


@rules.predicate
def can_view_unit(user, unit=None):
    return _within(user, unit, roles.UNIT_READERS)


@rules.predicate
def can_view_person(user, person=None):
    return _within(user, person, roles.LEDGER_READERS)


@rules.predicate
def can_manage_people(user, obj=None):
    return _within(user, obj, roles.LEDGER_EDITORS)


@rules.predicate
def can_manage_units(user, obj=None):
    return _within(user, obj, roles.ADMINS)


@rules.predicate
def is_superuser(user):
    return scoping.is_superuser(user)


rules.add_perm("org.view_units", can_view_unit)
rules.add_perm("org.view_unit", can_view_unit)
rules.add_perm("org.view_people", can_view_person)
rules.add_perm("org.view_person", can_view_person)
rules.add_perm("org.manage_people", can_manage_people)
rules.add_perm("org.manage_units", can_manage_units)
rules.add_perm("org.manage_root_units", is_superuser)
rules.add_perm("org.manage_councils", can_manage_units)
