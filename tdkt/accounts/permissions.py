"""Object rules as `rules` predicates: templates use them to show links, services to enforce.

Permission names (checked with user.has_perm / {% has_perm %}):
- web.view_units            the unit tree of one's scope
- web.view_people           people lists and ledgers of one's scope
- web.view_person (obj)     one person's profile and ledger
- web.import_history        import past history into one's scope
- accounts.assign_roles     grant and revoke role assignments
"""

import rules

from . import scoping


@rules.predicate
def can_view_units(user):
    return scoping.can_view_units(user)


@rules.predicate
def can_view_people(user):
    return scoping.can_view_people(user)


@rules.predicate
def can_view_person(user, person):
    if person is None:
        return scoping.can_view_people(user)
    return scoping.can_view_person(user, person)


@rules.predicate
def can_import_history(user):
    return scoping.can_import_history(user)


@rules.predicate
def can_assign_roles(user):
    return scoping.is_superuser(user) or scoping.has_role(user, scoping.ADMIN_ROLES)


rules.add_perm("web.view_units", can_view_units)
rules.add_perm("web.view_people", can_view_people)
rules.add_perm("web.view_person", can_view_person)
rules.add_perm("web.import_history", can_import_history)
rules.add_perm("accounts.assign_roles", can_assign_roles)
