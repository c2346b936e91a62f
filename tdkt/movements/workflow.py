"""The registration's workflow (đăng ký thi đua), one table on the kernel of `core.workflow`.

    [*] --create--> draft --submit--> submitted --approve--> approved
    submitted | resubmitted --return--> returned --resubmit--> resubmitted --approve--> approved

The unit's edges need `movements.register` (the TĐKT officer over the registering unit), the launching level's
`movements.decide_registration`. Creating and submitting refuse after the movement's registration deadline; a returned
registration may be sent again after it (it was registered in time). Every move but the first tells the other side
(`notify.registration_moved`, after the commit).
"""

import dataclasses

from django.utils import timezone

from tdkt.core.workflow import CREATED, Edge, Workflow

from .models import RegistrationStatus as S
from .notify import registration_moved

REGISTER = "movements.register"
DECIDE = "movements.decide_registration"


def deadline_refusal(movement, today=None) -> str | None:
    today = today or timezone.localdate()
    if today > movement.registration_deadline:
        return (f"Đã hết hạn đăng ký thi đua của phong trào “{movement.name}” "
                f"(hạn đăng ký: ngày {movement.registration_deadline:%d/%m/%Y}).")
    return None


def _may_open(registration, actor, reason) -> str | None:
    movement = registration.movement
    if not movement.targets.filter(pk=registration.unit_id).exists():
        return f"{registration.unit.name} không thuộc các đơn vị tham gia phong trào “{movement.name}”."
    return deadline_refusal(movement)


def _complete(registration, actor, reason) -> str | None:
    done = set(registration.targets.exclude(target="").values_list("criterion_id", flat=True))
    missing = [c for c in registration.movement.criteria.filter(mandatory=True) if c.pk not in done]
    if missing:
        return ("Chưa đăng ký chỉ tiêu cho tiêu chí bắt buộc: " + "; ".join(c.text[:60] for c in missing[:3])
                + ("…" if len(missing) > 3 else "") + ".")
    return None


def _in_time(registration, actor, reason) -> str | None:
    return deadline_refusal(registration.movement) or _complete(registration, actor, reason)


def _notifying(edges: list[Edge]) -> list[Edge]:
    return [e if e.source == CREATED else dataclasses.replace(e, effects=(*e.effects, registration_moved)) for e in edges]


REGISTRATION = Workflow(
    name="movements.registration",
    model="movements.Registration",
    states=S,
    edges=_notifying([
        Edge(CREATED, "create", S.DRAFT, permission=REGISTER, event="created", label="Lập đăng ký thi đua", guard=_may_open),
        Edge(S.DRAFT, "submit", S.SUBMITTED, permission=REGISTER, event="submitted", label="Gửi đăng ký", guard=_in_time),
        Edge(S.RETURNED, "resubmit", S.RESUBMITTED, permission=REGISTER, event="resubmitted", label="Gửi lại đăng ký",
             guard=_complete),
        Edge(S.SUBMITTED, "approve", S.APPROVED, permission=DECIDE, event="approved", label="Duyệt đăng ký"),
        Edge(S.RESUBMITTED, "approve", S.APPROVED, permission=DECIDE, event="approved", label="Duyệt đăng ký"),
        Edge(S.SUBMITTED, "return", S.RETURNED, permission=DECIDE, event="returned", label="Trả lại", requires_reason=True),
        Edge(S.RESUBMITTED, "return", S.RETURNED, permission=DECIDE, event="returned", label="Trả lại", requires_reason=True),
    ]),
)
