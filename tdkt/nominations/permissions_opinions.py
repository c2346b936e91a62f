"""Who may do what with agency opinions (hiệp y) and holds (rules predicates; registered on app load through
`navigation`). The standing office's side reuses `nominations.appraise_dossier` (request an opinion, record a paper
reply, resolve a negative answer, record a hold) on the request's or the nominee's dossier.

- nominations.view_opinion_inbox (None)   an agency account (the role held anywhere)
- nominations.answer_opinion (request)    the agency account of the addressee, "this unit only" (not a unit above
                                          or below it)
- nominations.view_opinion (request)      that agency, or the office that appraises the request's dossier
- nominations.lift_hold (hold)            the office over the subject's unit, or the one appraising the dossier where
                                          the hold was recorded
"""

import rules

from tdkt.accounts import roles, scoping
from tdkt.org.subjects import subject_unit

from .permissions import can_appraise


def can_answer(user, request) -> bool:
    return request is not None and scoping.in_scope(user, request.addressee, roles=roles.AGENCIES, relation=scoping.Relation.ONLY)


def can_view_opinion(user, request) -> bool:
    return request is not None and (can_answer(user, request) or can_appraise(user, request.dossier))


def can_lift(user, hold) -> bool:
    if hold is None:
        return False
    home = subject_unit(hold.subject)
    if home is not None and scoping.in_scope(user, home, roles=roles.OFFICE):
        return True
    return hold.nominee_id is not None and can_appraise(user, hold.nominee.dossier)


rules.add_perm("nominations.view_opinion_inbox", rules.predicate(lambda user, obj=None: scoping.may(user, roles.AGENCIES)))
rules.add_perm("nominations.answer_opinion", rules.predicate(lambda user, request=None: can_answer(user, request)))
rules.add_perm("nominations.view_opinion", rules.predicate(lambda user, request=None: can_view_opinion(user, request)))
rules.add_perm("nominations.lift_hold", rules.predicate(lambda user, hold=None: can_lift(user, hold)))
