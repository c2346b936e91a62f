"""The records app's rules (rules predicates over accounts.scoping), checked by its views and by its services.

- records.view_ledger (subject)     read a person's (a collective's, a household's) achievement ledger
- records.change_ledger (subject)   record ratings, awards, disciplines, initiatives; revoke an award
- records.import_history (unit)     import past history into a unit's subtree
"""

from __future__ import annotations

import rules

from tdkt.accounts import roles, scoping
from tdkt.org.subjects import subject_unit


def _within(user, obj, role_set) -> bool:
    if obj is None:
        return scoping.may(user, role_set)
    return scoping.in_scope(user, subject_unit(obj), roles=role_set)


@rules.predicate
def can_view_ledger(user, subject=None):
    return _within(user, subject, roles.LEDGER_READERS)


@rules.predicate
def can_change_ledger(user, subject=None):
    return _within(user, subject, roles.LEDGER_EDITORS)


rules.add_perm("records.view_ledger", can_view_ledger)
rules.add_perm("records.change_ledger", can_change_ledger)
rules.add_perm("records.import_history", can_change_ledger)
