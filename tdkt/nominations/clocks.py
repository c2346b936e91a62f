"""The time limit of the dossier's current step, with the working days left (issue 13, point 5), beside the office's
overall clock (`selectors.dossier_clock`).

| state                           | step                          | limit                                           |
|---------------------------------|-------------------------------|-------------------------------------------------|
| submitted, resubmitted          | receipt and completeness check | `dossier.step.receipt_days` from the (re)sending |
| received, under_appraisal       | appraisal                     | `dossier.step.appraisal_days` from the receipt   |
| awaiting_opinions               | agencies' opinions            | the latest due day of the pending requests       |
| in_consultation                 | public consultation           | the consultation's closing day                   |
| returned                        | the unit's supplement         | `dossier.step.supplement_days` from the return   |

The step's limit is the catalogue's in force on the day the step began (dated, with its legal basis; a default the
law does not set is flagged `needs_verification` and says so). Counting is `core.calendar`'s (Art 147 BLDS: from the
day after the event; 0 left on the last day, negative once overdue). Every function takes the calendar and the
catalogue it reads, so that a list reads them once (`selectors.with_clocks`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.utils import timezone

from tdkt.core.errors import DomainError

from .models import DossierStatus as S

NEAR_LIMIT = 2  # working days left of a step from which a dossier is highlighted


@dataclass(frozen=True)
class Step:
    code: str
    label: str  # Vietnamese
    key: str = ""  # the catalogue setting of the limit ("" when the limit is a date of its own)
    starts: tuple[str, ...] = ()  # the actions whose latest transition starts the step


STEPS = {
    S.SUBMITTED: Step("receipt", "Tiếp nhận, kiểm tra hồ sơ", "dossier.step.receipt_days", ("submit", "resubmit")),
    S.RESUBMITTED: Step("receipt", "Tiếp nhận, kiểm tra hồ sơ", "dossier.step.receipt_days", ("submit", "resubmit")),
    S.RECEIVED: Step("appraisal", "Thẩm định hồ sơ", "dossier.step.appraisal_days", ("receive",)),
    S.UNDER_APPRAISAL: Step("appraisal", "Thẩm định hồ sơ", "dossier.step.appraisal_days", ("receive",)),
    S.AWAITING_OPINIONS: Step("opinions", "Chờ ý kiến hiệp y", "opinion.reply_working_days", ("request_opinions",)),
    S.IN_CONSULTATION: Step("consultation", "Lấy ý kiến công khai", "consultation.working_days", ("open_consultation",)),
    S.RETURNED: Step("supplement", "Đơn vị bổ sung hồ sơ", "dossier.step.supplement_days", ("return_for_supplement",)),
}
STEP_STATES = tuple(STEPS)


def _day(at) -> dt.date:
    return timezone.localdate(at)


def step_clock(dossier, history, *, cal, catalogue, today: dt.date | None = None, opinions_due: dt.date | None = None,
               consultation=None) -> dict | None:
    """{code, label, start, limit, due, left, near, overdue, basis, default} of the dossier's current step, or None
    when its state has no step limit. `history`: its transitions, oldest first; `opinions_due`: the latest due day
    of its pending opinion requests; `consultation`: its latest consultation (for those two states)."""
    step = STEPS.get(dossier.status)
    if step is None:
        return None
    today = today or timezone.localdate()
    started = next((t for t in reversed(list(history)) if t.action in step.starts), None)
    start = _day(started.at) if started is not None else None
    try:
        param = catalogue.param_on(step.key, start or today)
    except (DomainError, KeyError, LookupError, ValueError):
        param = None
    out = {"code": step.code, "label": step.label, "start": start, "basis": param.legal_basis if param else "",
           "default": bool(param and param.needs_verification), "limit": int(param.value) if param else None}
    if step.code == "consultation":
        if consultation is None:
            return None
        out.update(start=consultation.opened_on, limit=consultation.working_days, basis=consultation.legal_basis or out["basis"])
        due = consultation.closes_on
    elif step.code == "opinions":
        if opinions_due is None:
            return None
        due = opinions_due
    else:
        if start is None or param is None:
            return None
        due = cal.deadline(start, int(param.value))
    left = cal.working_days_between(today, due)
    out.update(due=due, left=left, near=0 <= left <= NEAR_LIMIT, overdue=left < 0)
    return out


def opinions_due(dossiers) -> dict[int, dt.date]:
    """dossier id → the latest due day of its pending opinion requests (one query for the dossiers awaiting them)."""
    from django.db.models import Max

    from .models_opinions import OpinionRequest

    ids = [d.pk for d in dossiers if d.status == S.AWAITING_OPINIONS]
    if not ids:
        return {}
    return dict(OpinionRequest.objects.filter(dossier_id__in=ids, status="pending").values("dossier")
                .annotate(due=Max("due_on")).values_list("dossier", "due"))


def consultations(dossiers) -> dict[int, object]:
    """dossier id → its latest consultation (one query for the dossiers in consultation)."""
    from .models_consultation import Consultation

    ids = [d.pk for d in dossiers if d.status == S.IN_CONSULTATION]
    out: dict[int, object] = {}
    if ids:
        for c in Consultation.objects.filter(dossier_id__in=ids).order_by("dossier_id", "opened_on", "id"):
            out[c.dossier_id] = c  # the latest wins
    return out
