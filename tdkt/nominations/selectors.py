"""Reads of the nominations app, limited to what the user may see (another scope's round or dossier is a 404)."""

from __future__ import annotations

from django.db.models import Count, Q, QuerySet

from tdkt.accounts import roles, scoping
from tdkt.core import workflow as kernel

from .models import SUBJECT_RELATED, Dossier, DossierStatus, Nominee, Round

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
    return Dossier.objects.filter(q).select_related("round", "round__office_unit", "unit")


def office_inbox(user) -> QuerySet[Dossier]:
    """Dossiers waiting for the user's standing office, oldest submission first."""
    q = scoping.subtree_q(user, roles=roles.OFFICE, field="round__office_unit")
    if not scoping.may(user, roles.OFFICE):
        return Dossier.objects.none()
    return Dossier.objects.filter(q, status__in=OFFICE_TODO).select_related("round", "unit").order_by("submitted_on", "id")


def unit_todo(user) -> QuerySet[Dossier]:
    """Dossiers the user's unit has to act on (drafts and returned ones)."""
    if not scoping.may(user, roles.LEDGER_EDITORS):
        return Dossier.objects.none()
    return (Dossier.objects.filter(scoping.subtree_q(user, roles=roles.LEDGER_EDITORS, field="unit"), status__in=UNIT_TODO)
            .select_related("round", "unit").order_by("-updated_at", "-id"))


def with_counts(dossiers) -> list[Dossier]:
    """The dossiers (a page of them) with `.nominee_count`, counted in one query for these rows only (an annotation
    would count the nominees of every dossier in scope before the page is cut)."""
    dossiers = list(dossiers)
    counts = dict(Nominee.objects.filter(dossier__in=[d.pk for d in dossiers], withdrawn=False).values("dossier")
                  .annotate(n=Count("id")).values_list("dossier", "n")) if dossiers else {}
    for d in dossiers:
        d.nominee_count = counts.get(d.pk, 0)
    return dossiers


def nominees_of(dossier: Dossier) -> list[Nominee]:
    return list(dossier.nominees.select_related(*SUBJECT_RELATED).order_by("withdrawn", "id"))


def last_ledger_reevaluation(dossier: Dossier):
    """The last time the engine judged the dossier's nominees again because a ledger changed (an audit event of
    `reevaluation.nominees_reevaluate`), or None."""
    from tdkt.core.models import AuditEvent

    return (AuditEvent.objects.filter(action="nominations.dossier.reevaluated", target_type=Dossier._meta.label_lower,
                                      target_id=str(dossier.pk), data__cause="ledger").order_by("-at", "-id").first())


def dossier_history(dossier: Dossier):
    return kernel.history(dossier)


def with_clocks(dossiers, *, today=None) -> list[Dossier]:
    """The dossiers with `.clock` (`dossier_clock`, as of `today`) and `.step` (`clocks.step_clock`: the current
    step's limit), reading the calendar's overrides, the catalogue, the transitions, the pending opinion requests and
    the consultations once for the whole list (a constant number of queries, whatever its length)."""
    from collections import defaultdict

    from tdkt.core import calendar
    from tdkt.core.models import Transition
    from tdkt.law.catalogue import load_catalogue

    from . import clocks

    dossiers = list(dossiers)
    steps = defaultdict(list)
    running = [str(d.pk) for d in dossiers if d.status in CLOCK_STATES or d.status in clocks.STEP_STATES]
    if running:
        for t in (Transition.objects.filter(workflow="nominations.dossier", target_id__in=running).order_by("at", "id")
                  .only("target_id", "action", "at")):
            steps[t.target_id].append(t)
    cal = calendar.Calendar(calendar.overrides()) if running else None
    catalogue = load_catalogue() if running else None
    due = clocks.opinions_due(dossiers)
    consulted = clocks.consultations(dossiers)
    for d in dossiers:
        history = steps.get(str(d.pk), [])
        d.clock = (dossier_clock(d, history, today=today, cal=cal, catalogue=catalogue) if d.status in CLOCK_STATES else None)
        d.step = (clocks.step_clock(d, history, cal=cal, catalogue=catalogue, today=today, opinions_due=due.get(d.pk),
                                    consultation=consulted.get(d.pk)) if d.status in clocks.STEP_STATES else None)
    return dossiers


def step_clock(dossier: Dossier, history) -> dict | None:
    """The current step's limit of one dossier (its page): `clocks.step_clock` over the current calendar."""
    from tdkt.core import calendar
    from tdkt.law.catalogue import load_catalogue

    from . import clocks

    return clocks.step_clock(dossier, history, cal=calendar.current(), catalogue=load_catalogue(),
                             opinions_due=clocks.opinions_due([dossier]).get(dossier.pk),
                             consultation=clocks.consultations([dossier]).get(dossier.pk))


# The states in which the office's time limit runs (from the complete dossier's receipt to the council's door).
CLOCK_STATES = (DossierStatus.RECEIVED, DossierStatus.UNDER_APPRAISAL, DossierStatus.AWAITING_OPINIONS,
                DossierStatus.IN_CONSULTATION, DossierStatus.RETURNED, DossierStatus.RESUBMITTED)
NEAR_LIMIT = 3  # working days left from which a dossier is highlighted


def dossier_clock(dossier: Dossier, history=None, *, today=None, cal=None, catalogue=None) -> dict | None:
    """The office's time limit (catalogue `dossier.limit.appraisal_days`, working days after the complete dossier was
    first received; the days it spent returned for supplement do not count): {limit, due, left, near, overdue, basis,
    paused}, or None when no clock runs (not yet received, or past the council's door, withdrawn, rejected)."""
    from django.utils import timezone

    from tdkt.core import calendar
    from tdkt.law.catalogue import load_catalogue

    if dossier.status not in CLOCK_STATES:
        return None
    steps = list(history if history is not None else dossier_history(dossier))
    received = next((timezone.localdate(t.at) for t in steps if t.action == "receive"), None)
    if received is None:
        return None
    pauses, out_since = [], None
    for t in steps:
        if t.action == "return_for_supplement":
            out_since = timezone.localdate(t.at)
        elif t.action == "resubmit" and out_since is not None:
            pauses.append((out_since, timezone.localdate(t.at)))
            out_since = None
    if out_since is not None:
        pauses.append((out_since, None))
    try:
        param = (catalogue or load_catalogue()).param("dossier.limit.appraisal_days", received.year)
    except (KeyError, LookupError, ValueError):
        return None
    today = today or timezone.localdate()
    cal = cal or calendar.current()
    left = cal.working_days_left(received, int(param.value), today, pauses)
    return {"limit": int(param.value), "left": left, "near": 0 <= left <= NEAR_LIMIT, "overdue": left < 0,
            "basis": param.legal_basis, "paused": out_since is not None, "received": received,
            "due": None if out_since is not None else cal.deadline(received, int(param.value), pauses)}
