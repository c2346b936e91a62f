"""Reads of agency opinions and holds, limited to what the user may see: an agency account reads the requests addressed
to its own unit ("this unit only", `scoping.addressed_to_q`), the standing office those of the dossiers it appraises;
anything else is a 404. Each pending request carries its clock in working days (`clock`)."""

from __future__ import annotations

import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from tdkt.accounts import roles, scoping
from tdkt.core import calendar

from . import opinions
from .models import SUBJECT_RELATED, Dossier, subject_key
from .models_opinions import Hold, OpinionRequest

NEAR = 2  # working days left from which a pending request is highlighted
_RELATED = ("nominee__person__unit", "nominee__unit", "addressee", "dossier__unit", "dossier__round", "answered_by", "resolved_by")


def inbox(user) -> QuerySet[OpinionRequest]:
    """The requests addressed to the user's agency: pending ones first, the earliest due first."""
    if not scoping.may(user, roles.AGENCIES):
        return OpinionRequest.objects.none()
    return (OpinionRequest.objects.filter(scoping.addressed_to_q(user, roles=roles.AGENCIES)).select_related(*_RELATED)
            .order_by("-status", "due_on", "id"))


def visible_to(user) -> QuerySet[OpinionRequest]:
    """The requests the user may open: addressed to the user's agency, or of a dossier the user's office appraises."""
    q = scoping.subtree_q(user, roles=roles.OFFICE, field="dossier__round__office_unit")
    if scoping.may(user, roles.AGENCIES):
        q |= scoping.addressed_to_q(user, roles=roles.AGENCIES)
    return OpinionRequest.objects.filter(q).select_related(*_RELATED)


def clock(request: OpinionRequest, *, today: dt.date | None = None, cal=None) -> dict | None:
    """{due, left, near, overdue} of a pending request (working days, `core.calendar`); None once answered."""
    if not request.pending:
        return None
    cal = cal or calendar.current()
    left = cal.working_days_left(request.requested_on, request.reply_days, today or timezone.localdate())
    return {"due": request.due_on, "left": left, "late": -left, "near": 0 <= left <= NEAR, "overdue": left < 0}


def with_clocks(requests, *, today: dt.date | None = None) -> list[OpinionRequest]:
    cal = calendar.current()
    requests = list(requests)
    for r in requests:
        r.clock = clock(r, today=today, cal=cal)
    return requests


def dossier_block(dossier: Dossier, *, today: dt.date | None = None) -> dict:
    """What the dossier page shows the office: per nominee its requests (with clocks), the opinions the catalogue asks
    for, its holds and whether it is blocked; and the refusal the council's door would give."""
    nominees = list(dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED))
    requests = with_clocks(OpinionRequest.objects.filter(dossier=dossier).select_related(*_RELATED).order_by("id"), today=today)
    holds = list(opinions.holds_of(nominees, active=False).select_related("recorded_by", "lifted_by"))
    day = today or timezone.localdate()
    blocked = opinions.blocks(nominees, today=day)
    missing = opinions.missing_mandatory(nominees, today=day)
    rows = []
    for n in nominees:
        subject = subject_key(n)
        mine = [h for h in holds if subject_key(h) == subject]
        for h in mine:
            h.active = h.active_on(day)
        asked = {r.agency_kind for r in requests if r.nominee_id == n.pk}
        rows.append({"nominee": n, "award": opinions.award_name(n.award_code), "requests": [r for r in requests if r.nominee_id == n.pk], "holds": mine,
                     "requirements": [(r, opinions.agency_label(r.agency), r.agency in asked) for r in opinions.requirements(n, day=day)],
                     "blocked": blocked.get(n.pk, []), "missing": missing.get(n.pk, [])})
    return {"rows": rows, "requests": requests, "refusal": opinions.council_refusal(dossier, today=day),
            "overdue": sum(1 for r in requests if r.clock and r.clock["overdue"]),
            "pending": sum(1 for r in requests if r.pending)}


def holds_visible_to(user) -> QuerySet[Hold]:
    """Holds on the people, collectives and households of the user's office scope, and those recorded on its dossiers."""
    q = (scoping.subtree_q(user, roles=roles.OFFICE, field="person__unit") | scoping.subtree_q(user, roles=roles.OFFICE, field="unit")
         | scoping.subtree_q(user, roles=roles.OFFICE, field="household__village")
         | scoping.subtree_q(user, roles=roles.OFFICE, field="nominee__dossier__round__office_unit"))
    return Hold.objects.filter(q).select_related(*SUBJECT_RELATED, "nominee__dossier")
