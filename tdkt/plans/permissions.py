"""Who may do what with the year's TĐKT plans (rules predicates, used by the services, the screens and the API).

- plans.edit (issuer unit or plan)     the standing office over the issuer (appraiser, office head, administrator):
                                       creates, copies, edits the sections, key tasks and council programme, issues
- plans.update_task (key task)         the unit officer of the task's lead unit itself (only its own tasks), or an editor
                                       of the plan
- plans.view (plan)                    an editor; anyone holding a role over the issuer, or over a unit under it (a ward
                                       reads the city's plan it implements); the officer of a lead unit
- plans.view_plans ()                  anyone who may read some plan (the menu entry and the list): every role but the
                                       agencies' and the portal editor's
"""

from __future__ import annotations

import rules

from tdkt.accounts import roles, scoping

READERS = roles.LEDGER_READERS | roles.OFFICE | roles.COUNCIL_ROLES | frozenset({roles.Role.CLUSTER_HEAD})
TASK_OFFICERS = frozenset({roles.Role.UNIT_OFFICER})


def _authenticated(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def _issuer(obj):
    return getattr(obj, "issuer", obj)


def can_edit(user, obj=None) -> bool:
    return obj is not None and _authenticated(user) and scoping.in_scope(user, _issuer(obj), roles=roles.OFFICE)


def leads(user, task) -> bool:
    """Whether the user is an officer of the task's lead unit itself."""
    return (task is not None and task.lead_unit_id is not None and _authenticated(user)
            and scoping.in_scope(user, task.lead_unit, roles=TASK_OFFICERS, relation=scoping.Relation.ONLY))


def can_update_task(user, task=None) -> bool:
    return task is not None and (leads(user, task) or can_edit(user, task.plan))


def under_or_over(user, issuer) -> bool:
    """The issuer is in one of the user's scopes, or one of the user's units lies under the issuer."""
    if scoping.in_scope(user, issuer, roles=READERS):
        return True
    return any(unit.path.startswith(issuer.path) for unit in scoping.units_held(user, READERS))


def can_view(user, plan=None) -> bool:
    if plan is None or not _authenticated(user):
        return False
    if can_edit(user, plan) or under_or_over(user, plan.issuer):
        return True
    held = [u.pk for u in scoping.units_held(user, TASK_OFFICERS)]
    return bool(held) and plan.key_tasks.filter(lead_unit__in=held).exists()


def may_see_plans(user) -> bool:
    return _authenticated(user) and scoping.may(user, READERS)


rules.add_perm("plans.edit", rules.predicate(can_edit))
rules.add_perm("plans.update_task", rules.predicate(can_update_task))
rules.add_perm("plans.view", rules.predicate(can_view))
rules.add_perm("plans.view_plans", rules.predicate(lambda user, obj=None: may_see_plans(user)))


def may_create_plans(user) -> bool:
    return _authenticated(user) and scoping.may(user, roles.OFFICE)


rules.add_perm("plans.create_plan", rules.predicate(lambda user, obj=None: may_create_plans(user)))
