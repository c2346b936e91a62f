"""Who may forward and exchange dossiers (rules predicates, used by the services and the screens).

- decisions.forward_dossier (dossier)   the standing office of the dossier's level (sends its nominees upward)
- decisions.export_dossier (dossier)    the same office (the package for a higher level using another installation)
- decisions.import_package (round)      the standing office of the round's level, while the round is open
- decisions.import_packages ()          an office somewhere (the API's import endpoint, before the round is read)
"""

import rules

from tdkt.accounts import roles, scoping
from tdkt.nominations.permissions import can_appraise, can_open_round


def can_import(user, round_) -> bool:
    return round_ is not None and round_.status == "open" and can_open_round(user, round_.office_unit)


rules.add_perm("decisions.forward_dossier", rules.predicate(lambda user, dossier=None: can_appraise(user, dossier)))
rules.add_perm("decisions.export_dossier", rules.predicate(lambda user, dossier=None: can_appraise(user, dossier)))
rules.add_perm("decisions.import_package", rules.predicate(lambda user, round_=None: can_import(user, round_)))
rules.add_perm("decisions.import_packages", rules.predicate(lambda user, obj=None: scoping.may(user, roles.OFFICE)))


# --- Decisions (issue 14, point 4) ---------------------------------------------------------------------
# - decisions.draft (issuer unit or decision)   the standing office of the issuer's level drafts, changes and submits
# - decisions.sign (issuer unit or decision)    the signer (Chủ tịch) of the issuer itself returns or signs
# - decisions.view (issuer unit or decision)    both, and the ledger readers of the issuer's subtree


def _issuer(obj):
    return getattr(obj, "issuer", obj)


def can_draft(user, obj=None) -> bool:
    return obj is not None and scoping.in_scope(user, _issuer(obj), roles=roles.OFFICE)


def can_sign(user, obj=None) -> bool:
    return obj is not None and scoping.in_scope(user, _issuer(obj), roles=roles.SIGNERS, relation=scoping.Relation.ONLY)


def can_view_decision(user, obj=None) -> bool:
    return obj is not None and (can_draft(user, obj) or can_sign(user, obj)
                                or scoping.in_scope(user, _issuer(obj), roles=roles.LEDGER_READERS))


rules.add_perm("decisions.draft", rules.predicate(can_draft))
rules.add_perm("decisions.sign", rules.predicate(can_sign))
rules.add_perm("decisions.view", rules.predicate(can_view_decision))


def can_view_decisions(user, obj=None) -> bool:
    """The decisions list and the API's list: anyone who reads a ledger somewhere (the list is scoped by the selector)."""
    return scoping.may(user, roles.LEDGER_READERS | roles.OFFICE)


rules.add_perm("decisions.view_decisions", rules.predicate(can_view_decisions))
