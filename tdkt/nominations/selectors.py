"""Reads of the nominations app, limited to what the user may see (another scope's round or dossier is a 404)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from tdkt.accounts import roles, scoping
from tdkt.core import workflow as kernel

from .models import Dossier, DossierStatus, Nominee, Round

# The states in which the standing office has to act.
OFFICE_TODO = (DossierStatus.SUBMITTED, DossierStatus.RESUBMITTED, DossierStatus.RECEIVED, DossierStatus.UNDER_APPRAISAL,
               DossierStatus.AWAITING_OPINIONS, DossierStatus.IN_CONSULTATION)
# The states in which the proposing unit has to act.
UNIT_TODO = (DossierStatus.DRAFT, DossierStatus.RETURNED)


def rounds_visible_to(user) -> QuerySet[Round]:
    """The rounds of the levels the user works at: the office's own, and those over the units a ledger reader reads."""
    if scoping.is_superuser(user):
        return Round.objects.all().select_related("office_unit")
    q = scoping.subtree_q(user, roles=roles.OFFICE | roles.LEDGER_READERS, field="office_unit")
    for root in scoping.scope_roots(user, roles.LEDGER_READERS):
        ancestors = [root.path[:i] for i in range(1, len(root.path) + 1)]
        q |= Q(office_unit__path__in=ancestors)
    return Round.objects.filter(q).select_related("office_unit")


def dossiers_visible_to(user) -> QuerySet[Dossier]:
    """Dossiers of the units the user reads, and those the user's office receives."""
    q = (scoping.subtree_q(user, roles=roles.LEDGER_READERS, field="unit")
         | scoping.subtree_q(user, roles=roles.OFFICE, field="round__office_unit"))
    return (Dossier.objects.filter(q).select_related("round", "round__office_unit", "unit")
            .annotate(nominee_count=Count("nominees", filter=Q(nominees__withdrawn=False))))


def office_inbox(user) -> QuerySet[Dossier]:
    """Dossiers waiting for the user's standing office, oldest submission first."""
    q = scoping.subtree_q(user, roles=roles.OFFICE, field="round__office_unit")
    if not scoping.may(user, roles.OFFICE):
        return Dossier.objects.none()
    return (Dossier.objects.filter(q, status__in=OFFICE_TODO).select_related("round", "unit")
            .annotate(nominee_count=Count("nominees", filter=Q(nominees__withdrawn=False)))
            .order_by("submitted_on", "id"))


def unit_todo(user) -> QuerySet[Dossier]:
    """Dossiers the user's unit has to act on (drafts and returned ones)."""
    if not scoping.may(user, roles.LEDGER_EDITORS):
        return Dossier.objects.none()
    return (Dossier.objects.filter(scoping.subtree_q(user, roles=roles.LEDGER_EDITORS, field="unit"), status__in=UNIT_TODO)
            .select_related("round", "unit").annotate(nominee_count=Count("nominees", filter=Q(nominees__withdrawn=False))))


def nominees_of(dossier: Dossier) -> list[Nominee]:
    return list(dossier.nominees.select_related("person", "person__unit", "unit").order_by("withdrawn", "id"))


def dossier_history(dossier: Dossier):
    return kernel.history(dossier)
