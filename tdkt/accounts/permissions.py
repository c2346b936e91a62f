"""The accounts app's own rules (the other apps register theirs in their `permissions.py`).

- accounts.assign_roles   grant and revoke role assignments (an administrator, within their scope)
- core.change_calendar    set the working-day calendar's overrides (an administrator; the system account). The rule
                          of a core service lives here because core sits below the roles (core.permissions.require)
- core.change_numbering   set an issuer's document abbreviation and numbering scheme (core.numbering; administrators)
"""

import rules

from . import roles, scoping


@rules.predicate
def can_assign_roles(user):
    return scoping.may(user, roles.ADMINS)


rules.add_perm("accounts.assign_roles", can_assign_roles)


@rules.predicate
def can_change_calendar(user):
    return scoping.may(user, roles.ADMINS)


rules.add_perm("core.change_calendar", can_change_calendar)


rules.add_perm("core.change_numbering", can_change_calendar)  # the same holders: administrators and the system account
