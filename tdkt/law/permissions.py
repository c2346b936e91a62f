"""The law app's rules.

- law.change_catalogue   edit or reload the legal catalogue (an administrator; the system account)
"""

import rules

from tdkt.accounts import roles, scoping


@rules.predicate
def can_change_catalogue(user):
    return scoping.may(user, roles.ADMINS)


rules.add_perm("law.change_catalogue", can_change_catalogue)
