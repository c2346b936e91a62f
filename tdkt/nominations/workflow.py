"""The dossier's workflow (hồ sơ đề nghị khen thưởng), one table on the kernel of `core.workflow`.

    [*] --receive_forwarded | import_package--> submitted   (an incoming dossier of a higher level: decisions app)
    [*] --create--> draft --submit--> submitted --receive--> received --start_appraisal--> under_appraisal
    submitted | received | under_appraisal --return_for_supplement--> returned --resubmit--> resubmitted --receive--> received
    under_appraisal --request_opinions--> awaiting_opinions --open_consultation--> in_consultation --mark_ready--> ready_for_council
    under_appraisal --open_consultation | mark_ready-->;  awaiting_opinions --mark_ready-->
    draft | submitted | received | returned | resubmitted --withdraw--> withdrawn   (the unit, before appraisal)
    submitted | received | resubmitted | under_appraisal | awaiting_opinions | in_consultation --reject--> rejected

The `mark_ready` edges refuse while a nominee is blocked by a negative agency opinion not yet resolved or by an active
hold, or lacks a mandatory opinion (`opinions.council_refusal`, naming each nominee and why).

The unit's edges need `nominations.submit_dossier` (a ledger editor over the proposing unit), the office's
`nominations.appraise_dossier` (an appraiser or the office's head over the round's level).
"""

import dataclasses

from tdkt.core.workflow import CREATED, Edge, Workflow

from .models import SUBJECT_RELATED
from .models import DossierStatus as S
from .notify import dossier_moved

UNIT = "nominations.submit_dossier"
OFFICE = "nominations.appraise_dossier"


def _has_nominees(dossier, actor, reason) -> str | None:
    nominees = list(dossier.nominees.filter(withdrawn=False))
    if not nominees:
        return "Hồ sơ chưa có người hoặc tập thể nào được đề nghị."
    pending = [n for n in nominees if not n.verdict]
    if pending:
        return f"Hệ thống đang xét điều kiện của {len(pending)} người, tập thể vừa nhập; hãy gửi hồ sơ sau ít phút."
    unjustified = [n.name for n in nominees if n.verdict == "not_eligible" and not n.justification.strip()]
    if unjustified:
        return ("Chưa ghi lý do đề nghị cho người, tập thể chưa đủ điều kiện: " + ", ".join(unjustified[:5])
                + ("…" if len(unjustified) > 5 else "") + ".")
    return None


def _round_open(dossier, actor, reason) -> str | None:
    if dossier.round.status != "open":
        return f"Đợt xét “{dossier.round.title}” đã đóng, không nhận hồ sơ."
    return _has_nominees(dossier, actor, reason)


def _complete(dossier, actor, reason) -> str | None:
    """Received means received complete (its day chooses the regime): every component of the round carries a file."""
    from .work import checklist

    missing = [c["label"] for c in checklist(dossier) if c["required"] and not c["files"]]
    if missing:
        return "Hồ sơ còn thiếu: " + "; ".join(missing) + ". Hãy trả lại để đơn vị bổ sung."
    return None


def _appraised(dossier, actor, reason) -> str | None:
    """Before the council: every nominee still in the dossier has the appraiser's conclusion."""
    from .models_work import Appraisal

    nominees = list(dossier.nominees.filter(withdrawn=False).select_related(*SUBJECT_RELATED))
    done = set(Appraisal.objects.filter(nominee__in=nominees).values_list("nominee_id", flat=True))
    left = [n.name for n in nominees if n.pk not in done]
    if left:
        return "Chưa có kết luận thẩm định của: " + ", ".join(left[:5]) + ("…" if len(left) > 5 else "") + "."
    return _consulted(dossier) or _none_blocked(dossier, actor, reason)


def _consulted(dossier) -> str | None:
    """Before the council: a consultation that is open runs to its end, and an award that requires one has had it
    (Điều 84 khoản 5 Luật TĐKT; catalogue `consultation.required_awards`)."""
    from django.utils import timezone

    from .consultation import latest_consultation, nominees_requiring

    consultation = latest_consultation(dossier)
    today = timezone.localdate()
    if consultation is not None and today <= consultation.closes_on:
        return (f"Đang lấy ý kiến công khai đến hết ngày {consultation.closes_on:%d/%m/%Y}; chỉ trình Hội đồng sau khi hết thời hạn "
                "và đã xem xét các ý kiến.")
    requiring = nominees_requiring(dossier)
    if requiring and consultation is None:
        return ("Phải lấy ý kiến công khai trước khi trình Hội đồng (đề nghị " + ", ".join(n.name for n in requiring[:5]) + ").")
    return None


def _notifying(edges: list[Edge]) -> list[Edge]:
    """Every edge that moves an existing dossier tells those it concerns (nominations.notify), after the commit."""
    return [e if e.source == CREATED else dataclasses.replace(e, effects=(*e.effects, dossier_moved)) for e in edges]


def _none_blocked(dossier, actor, reason) -> str | None:
    """Before the council: no nominee blocked by a negative agency opinion or a hold, no mandatory opinion missing."""
    from .opinions import council_refusal

    return council_refusal(dossier)


DOSSIER = Workflow(
    name="nominations.dossier",
    model="nominations.Dossier",
    states=S,
    edges=_notifying([
        Edge(CREATED, "create", S.DRAFT, permission="nominations.create_dossier", event="created", label="Lập hồ sơ"),
        # An incoming dossier of a higher level arrives as a submitted one, in its office's inbox (decisions app):
        # forwarded by the lower level's office in this installation, or imported from another installation's package.
        Edge(CREATED, "receive_forwarded", S.SUBMITTED, permission="nominations.forward_into", event="forwarded_in",
             label="Nhận hồ sơ cấp dưới chuyển lên", effects=(dossier_moved,)),
        Edge(CREATED, "import_package", S.SUBMITTED, permission=OFFICE, event="imported", label="Nhập gói hồ sơ của hệ thống khác",
             effects=(dossier_moved,)),
        Edge(S.DRAFT, "submit", S.SUBMITTED, permission=UNIT, event="submitted", label="Gửi hồ sơ", guard=_round_open),
        Edge(S.SUBMITTED, "receive", S.RECEIVED, permission=OFFICE, event="received", label="Tiếp nhận hồ sơ", guard=_complete),
        Edge(S.RESUBMITTED, "receive", S.RECEIVED, permission=OFFICE, event="received", label="Tiếp nhận hồ sơ", guard=_complete),
        Edge(S.RECEIVED, "start_appraisal", S.UNDER_APPRAISAL, permission=OFFICE, event="appraisal_started", label="Bắt đầu thẩm định"),
        Edge(S.SUBMITTED, "return_for_supplement", S.RETURNED, permission=OFFICE, event="returned", label="Trả lại để bổ sung",
             requires_reason=True),
        Edge(S.RECEIVED, "return_for_supplement", S.RETURNED, permission=OFFICE, event="returned", label="Trả lại để bổ sung",
             requires_reason=True),
        Edge(S.UNDER_APPRAISAL, "return_for_supplement", S.RETURNED, permission=OFFICE, event="returned",
             label="Trả lại để bổ sung", requires_reason=True),
        Edge(S.RETURNED, "resubmit", S.RESUBMITTED, permission=UNIT, event="resubmitted", label="Gửi lại sau bổ sung",
             guard=_has_nominees),
        Edge(S.UNDER_APPRAISAL, "request_opinions", S.AWAITING_OPINIONS, permission=OFFICE, event="opinions_requested",
             label="Lấy ý kiến hiệp y"),
        Edge(S.UNDER_APPRAISAL, "open_consultation", S.IN_CONSULTATION, permission=OFFICE, event="consultation_opened",
             label="Lấy ý kiến công khai"),
        Edge(S.AWAITING_OPINIONS, "open_consultation", S.IN_CONSULTATION, permission=OFFICE, event="consultation_opened",
             label="Lấy ý kiến công khai"),
        Edge(S.UNDER_APPRAISAL, "mark_ready", S.READY_FOR_COUNCIL, permission=OFFICE, event="ready", label="Trình Hội đồng", guard=_appraised),
        Edge(S.AWAITING_OPINIONS, "mark_ready", S.READY_FOR_COUNCIL, permission=OFFICE, event="ready", label="Trình Hội đồng", guard=_appraised),
        Edge(S.IN_CONSULTATION, "mark_ready", S.READY_FOR_COUNCIL, permission=OFFICE, event="ready", label="Trình Hội đồng", guard=_appraised),
        *(Edge(state, "withdraw", S.WITHDRAWN, permission=UNIT, event="withdrawn", label="Rút hồ sơ", requires_reason=True)
          for state in (S.DRAFT, S.SUBMITTED, S.RECEIVED, S.RETURNED, S.RESUBMITTED)),
        *(Edge(state, "reject", S.REJECTED, permission=OFFICE, event="rejected", label="Không chấp nhận hồ sơ", requires_reason=True)
          for state in (S.SUBMITTED, S.RECEIVED, S.RESUBMITTED, S.UNDER_APPRAISAL, S.AWAITING_OPINIONS, S.IN_CONSULTATION)),
    ]),
)


def dossier_actions(actor, dossier) -> tuple[list[Edge], list[tuple[Edge, str]]]:
    """For the dossier page: the edges the actor may take now, and those the actor's role would allow but a guard
    refuses today, each with the guard's Vietnamese reason (a missing button is never left unexplained)."""
    ready, held = [], []
    if actor is None:
        return ready, held
    for edge in DOSSIER.edges_from(dossier.status):
        if not actor.has_perm(edge.permission, dossier):
            continue
        refusal = edge.guard(dossier, actor, "") if edge.guard else None
        if refusal:
            held.append((edge, refusal))
        else:
            ready.append(edge)
    return ready, held
