"""Who may run and read batch eligibility runs: a ledger-reading role over the unit's subtree (or superuser).

The verdicts are read from people's ledgers, so the same roles that read ledgers (accounts.scoping.LEDGER_ROLES)
may start a run over a unit of their scope and read the runs of the units in it.
"""

import rules
from django.db.models import Q, QuerySet

from tdkt.accounts import scoping
from tdkt.org.models import Unit


def batch_units_for(user) -> QuerySet[Unit]:
    """Units over which the user may start a batch run: those whose ledgers the user reads."""
    return scoping.ledger_units_for(user)


def batch_unit_q(user, prefix: str = "unit__") -> Q:
    """Q over a model with a FK to Unit (prefix) limited to the units of the user's ledger scope."""
    if scoping.is_superuser(user):
        return Q()
    if not scoping.can_view_people(user):
        return Q(pk__in=[])
    return scoping.visible_unit_q(user, prefix=prefix, roles=scoping.LEDGER_ROLES)


def can_run_batch(user, unit: Unit | None = None) -> bool:
    if not scoping.can_view_people(user):
        return False
    return unit is None or scoping.in_scope(user, unit, scoping.LEDGER_ROLES)


@rules.predicate
def _can_run_batch(user, unit=None):
    return can_run_batch(user, unit)


rules.add_perm("reports.run_batch", _can_run_batch)
