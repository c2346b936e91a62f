"""Who may do what with council sessions (rules predicates, used by the services, the workflow table and the screens).

- council.manage_session (session | council)  the council's secretary (org.CouncilMember, role secretary, on the day) or
                                               the standing office over the council's unit
- council.view_session (session)              a manager, a member of the council (any role) on the session's day, or the
                                               signing authority over the council's unit
- council.vote (session)                      a voting member of the council on the session's day (org.selectors.
                                               council_voters); that they are present is the service's check
- council.view_sessions ()                    anyone who may see some session (the menu entry and the list)
"""

from __future__ import annotations

import datetime as dt

import rules
from django.utils import timezone

from tdkt.accounts import roles, scoping
from tdkt.org.models import Council, CouncilRole
from tdkt.org.selectors import council_members_on, is_council_voter

VIEWERS = roles.OFFICE | roles.COUNCIL_ROLES | roles.SIGNERS


def _council_and_day(obj) -> tuple[Council | None, dt.date]:
    if isinstance(obj, Council):
        return obj, timezone.localdate()
    council = getattr(obj, "council", None)
    return council, getattr(obj, "held_on", None) or timezone.localdate()


def _authenticated(user) -> bool:
    return user is not None and getattr(user, "is_authenticated", False) and user.is_active


def is_secretary(user, council: Council, day: dt.date) -> bool:
    return _authenticated(user) and council_members_on(council, day).filter(user=user, role=CouncilRole.SECRETARY).exists()


def is_member(user, council: Council, day: dt.date) -> bool:
    return _authenticated(user) and council_members_on(council, day).filter(user=user).exists()


def can_manage(user, obj) -> bool:
    council, day = _council_and_day(obj)
    if council is None or not _authenticated(user):
        return False
    return scoping.in_scope(user, council.unit, roles=roles.OFFICE) or is_secretary(user, council, day) or (
        day != timezone.localdate() and is_secretary(user, council, timezone.localdate()))


def can_view(user, obj) -> bool:
    council, day = _council_and_day(obj)
    if council is None or not _authenticated(user):
        return False
    return (can_manage(user, obj) or is_member(user, council, day)
            or scoping.in_scope(user, council.unit, roles=roles.SIGNERS))


def can_vote(user, session) -> bool:
    council, day = _council_and_day(session)
    return council is not None and is_council_voter(user, council, day)


def may_see_sessions(user) -> bool:
    if not _authenticated(user):
        return False
    # a TĐKT council's member with an account holds the council's role (org.councils): no membership query here
    return scoping.may(user, VIEWERS)


rules.add_perm("council.manage_session", rules.predicate(lambda user, obj=None: can_manage(user, obj)))
rules.add_perm("council.view_session", rules.predicate(lambda user, obj=None: can_view(user, obj)))
rules.add_perm("council.vote", rules.predicate(lambda user, obj=None: obj is not None and can_vote(user, obj)))
rules.add_perm("council.view_sessions", rules.predicate(lambda user, obj=None: may_see_sessions(user)))


def may_create_sessions(user) -> bool:
    if not _authenticated(user):
        return False
    from .selectors import councils_managed_by

    return councils_managed_by(user).exists()


rules.add_perm("council.create_session", rules.predicate(lambda user, obj=None: may_create_sessions(user)))
