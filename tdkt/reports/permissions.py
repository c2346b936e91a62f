"""Who may run and read batch eligibility runs: a ledger-reading role over the unit's subtree (or a superuser).

The verdicts are read from people's ledgers, so the same roles that read ledgers (accounts.roles.LEDGER_READERS)
may start a run over a unit of their scope and read the runs of the units in it. Only the system account
(a background worker) claims, finishes or fails a run.

- reports.run_batch (unit)           start a batch over a unit (the start page, without a unit: any unit)
- reports.start_batch_run (run)      the workflow's first edge, on the new run
- reports.view_batch_run (run)       read a run
- reports.execute_batch_run (run)    the worker's edges (claim, finish, fail)
"""

import rules
from django.db.models import Q, QuerySet

from tdkt.accounts import roles, scoping
from tdkt.core.actors import is_system
from tdkt.org.models import Unit
from tdkt.org.selectors import ledger_units_for


def batch_units_for(user) -> QuerySet[Unit]:
    """Units over which the user may start a batch run: those whose ledgers the user reads."""
    return ledger_units_for(user)


def batch_unit_q(user, prefix: str = "unit") -> Q:
    """Q over a model with a FK to Unit (`prefix`) limited to the units of the user's ledger scope."""
    if not scoping.may(user, roles.LEDGER_READERS):
        return Q(pk__in=[])
    return scoping.subtree_q(user, roles=roles.LEDGER_READERS, field=prefix)


def can_run_batch(user, unit: Unit | None = None) -> bool:
    if unit is None:
        return scoping.may(user, roles.LEDGER_READERS)
    return scoping.in_scope(user, unit, roles=roles.LEDGER_READERS)


@rules.predicate
def _can_run_batch(user, unit=None):
    return can_run_batch(user, unit)


@rules.predicate
def _can_start(user, run):
    return run is not None and can_run_batch(user, run.unit)


@rules.predicate
def _is_system(user, run=None):
    return is_system(user)


rules.add_perm("reports.run_batch", _can_run_batch)
rules.add_perm("reports.start_batch_run", _can_start)
rules.add_perm("reports.view_batch_run", _can_start)
rules.add_perm("reports.execute_batch_run", _is_system)
