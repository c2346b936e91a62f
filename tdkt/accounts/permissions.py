"""The accounts app's own rules (the other apps register theirs in their `permissions.py`).

- accounts.assign_roles   grant and revoke role assignments (an administrator, within their scope)
"""

import rules

from . import roles, scoping


@rules.predicate
def can_assign_roles(user):
    return scoping.may(user, roles.ADMINS)


rules.add_perm("accounts.assign_roles", can_assign_roles)
