"""Who may do what with commendation rounds and nomination dossiers (rules predicates, used by the services, the
workflow table and the screens).

- nominations.open_round (unit | None)   the standing office over the unit (None: over some unit)
- nominations.view_round (round)         the office over its level, or a ledger reader of a unit under it
- nominations.create_dossier (dossier)   a ledger editor over the proposing unit, in an open round that invites it
- nominations.submit_dossier (dossier)   a ledger editor over the proposing unit (the unit's edges)
- nominations.edit_dossier (dossier)     the same, while the unit holds the dossier (draft or returned)
- nominations.appraise_dossier (dossier) the standing office over the round's level (the office's edges)
- nominations.view_dossier (dossier)     either of those, or a ledger reader over the proposing unit
"""

import rules

from tdkt.accounts import roles, scoping


def _under(unit, ancestor) -> bool:
    return unit is not None and ancestor is not None and unit.path.startswith(ancestor.path)


def can_open_round(user, unit=None) -> bool:
    if unit is None:
        return scoping.may(user, roles.OFFICE)
    return scoping.in_scope(user, unit, roles=roles.OFFICE)


def can_view_round(user, round_) -> bool:
    if round_ is None:
        return False
    if scoping.in_scope(user, round_.office_unit, roles=roles.OFFICE | roles.LEDGER_READERS):
        return True
    return any(_under(root, round_.office_unit) for root in scoping.scope_roots(user, roles.LEDGER_READERS))


def invites(round_, unit) -> bool:
    """Whether the round takes dossiers from `unit`: a unit of its level's subtree, invited (or under an invited
    unit) when the round names the units it invites."""
    if not _under(unit, round_.office_unit):
        return False
    invited = list(round_.invited.all())
    return not invited or any(_under(unit, u) for u in invited)


def can_submit(user, dossier) -> bool:
    return dossier is not None and scoping.in_scope(user, dossier.unit, roles=roles.LEDGER_EDITORS)


def can_create(user, dossier) -> bool:
    return (dossier is not None and can_submit(user, dossier) and dossier.round.status == "open"
            and invites(dossier.round, dossier.unit))


def can_appraise(user, dossier) -> bool:
    return dossier is not None and scoping.in_scope(user, dossier.round.office_unit, roles=roles.OFFICE)


def can_view(user, dossier) -> bool:
    return dossier is not None and (can_appraise(user, dossier)
                                    or scoping.in_scope(user, dossier.unit, roles=roles.LEDGER_READERS))


rules.add_perm("nominations.open_round", rules.predicate(lambda user, unit=None: can_open_round(user, unit)))
rules.add_perm("nominations.view_round", rules.predicate(lambda user, round_=None: can_view_round(user, round_)))
rules.add_perm("nominations.create_dossier", rules.predicate(lambda user, dossier=None: can_create(user, dossier)))
rules.add_perm("nominations.submit_dossier", rules.predicate(lambda user, dossier=None: can_submit(user, dossier)))
rules.add_perm("nominations.edit_dossier",
               rules.predicate(lambda user, dossier=None: can_submit(user, dossier) and dossier.editable))
rules.add_perm("nominations.appraise_dossier", rules.predicate(lambda user, dossier=None: can_appraise(user, dossier)))
# - nominations.forward_into (dossier)     a new incoming dossier forwarded from a lower level's dossier: the office of
#                                          that lower dossier's level, into a round of a level above that invites its unit
def can_forward_into(user, dossier) -> bool:
    source = getattr(dossier, "forwarded_from", None) if dossier is not None else None
    return (source is not None and can_appraise(user, source) and dossier.round.office_unit_id != source.round.office_unit_id
            and _under(source.round.office_unit, dossier.round.office_unit) and invites(dossier.round, dossier.unit))


rules.add_perm("nominations.forward_into", rules.predicate(lambda user, dossier=None: can_forward_into(user, dossier)))
rules.add_perm("nominations.view_dossier", rules.predicate(lambda user, dossier=None: can_view(user, dossier)))
rules.add_perm("nominations.view_dossiers",
               rules.predicate(lambda user, obj=None: scoping.may(user, roles.LEDGER_READERS | roles.OFFICE)))


# Public consultation (consultation.py): the comments of the public are moderated by the standing office over the round's
# level or by a portal editor over it.
# - nominations.moderate_comments ()      the office or a portal editor somewhere (the moderation queue)
# - nominations.moderate_comment (obj)    over the round of the comment, consultation or dossier
MODERATORS = roles.OFFICE | {roles.Role.PORTAL_EDITOR}


def _consulted_dossier(obj):
    from .models import Comment, Consultation, Dossier

    if isinstance(obj, Comment):
        return obj.consultation.dossier
    if isinstance(obj, Consultation):
        return obj.dossier
    return obj if isinstance(obj, Dossier) else None


def can_moderate(user, obj) -> bool:
    dossier = _consulted_dossier(obj)
    return dossier is not None and (can_appraise(user, dossier) or scoping.in_scope(user, dossier.round.office_unit,
                                                                                      roles={roles.Role.PORTAL_EDITOR}))


rules.add_perm("nominations.moderate_comments", rules.predicate(lambda user, obj=None: scoping.may(user, MODERATORS)))
rules.add_perm("nominations.moderate_comment", rules.predicate(lambda user, obj=None: can_moderate(user, obj)))
# - nominations.view_consultations ()     a reader of dossiers or a moderator somewhere (the consultations API)
rules.add_perm("nominations.view_consultations",
               rules.predicate(lambda user, obj=None: scoping.may(user, roles.LEDGER_READERS | roles.OFFICE | MODERATORS)))
