"""Who may do what with documents (rules predicates, used by the services and the admin).

- documents.manage_templates   administrators (replace the shipped templates, adjust the certificate layouts)
- documents.adjust_layout (unit | None)  an administrator, or the standing office over the unit (its own blanks)
"""

import rules

from tdkt.accounts import roles, scoping
from tdkt.core.actors import is_system


def can_manage_templates(user) -> bool:
    return scoping.may(user, roles.ADMINS)


def can_adjust_layout(user, unit=None) -> bool:
    if scoping.may(user, roles.ADMINS):
        return True
    if unit is None:
        return scoping.may(user, roles.OFFICE)
    return scoping.in_scope(user, unit, roles=roles.OFFICE)


rules.add_perm("documents.manage_templates", rules.predicate(lambda user, obj=None: can_manage_templates(user)))
rules.add_perm("documents.adjust_layout", rules.predicate(lambda user, unit=None: can_adjust_layout(user, unit)))


# Bulk generation jobs: whoever reads the ledgers of the unit (the decision's issuer) starts and reads them; only the
# system account (the background worker) runs them.
def can_start_job(user, unit=None) -> bool:
    if unit is None:
        return scoping.may(user, roles.LEDGER_READERS)
    return scoping.in_scope(user, unit, roles=roles.LEDGER_READERS)


rules.add_perm("documents.print_certificates", rules.predicate(lambda user, obj=None: can_start_job(user)))
rules.add_perm("documents.start_job", rules.predicate(lambda user, job=None: job is not None and can_start_job(user, job.unit)))
rules.add_perm("documents.view_job", rules.predicate(lambda user, job=None: job is not None and can_start_job(user, job.unit)))
rules.add_perm("documents.execute_job", rules.predicate(lambda user, job=None: is_system(user)))
