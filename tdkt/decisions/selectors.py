"""Reads of decisions, limited to what the user may see: the decisions of the issuers in the user's ledger scope (the
standing office, the signer and the ledger readers of the issuer's subtree); another level's decision is a 404."""

from __future__ import annotations

from django.db.models import QuerySet

from tdkt.accounts import roles, scoping

from .models import Decision, DecisionLine, DecisionStatus


def decisions_visible_to(user) -> QuerySet[Decision]:
    qs = Decision.objects.select_related("issuer", "session", "session__council", "signed_by", "drafted_by", "amends")
    if scoping.is_superuser(user):
        return qs
    if user is None or not getattr(user, "is_authenticated", False):
        return qs.none()
    return qs.filter(scoping.subtree_q(user, roles=roles.LEDGER_READERS | roles.OFFICE, field="issuer"))


def awaiting_signature(user) -> QuerySet[Decision]:
    """The signer's inbox: the decisions submitted to the units the user signs for ("this unit only")."""
    if user is None or not getattr(user, "is_authenticated", False):
        return Decision.objects.none()
    units = [u.pk for u in scoping.units_held(user, {roles.Role.SIGNER})]
    return (Decision.objects.filter(issuer__in=units, status=DecisionStatus.SUBMITTED).select_related("issuer")
            .order_by("decided_on", "id"))


def lines_of(decision: Decision) -> list[DecisionLine]:
    return list(decision.lines.select_related("person", "unit", "household", "award_record", "revoked_award",
                                              "award_record__revocation").order_by("position"))
