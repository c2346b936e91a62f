"""The council session's workflow, one table on the kernel of `core.workflow`.

    [*] --create--> draft --open_ballot--> open --close_ballot--> closed

Both edges need `council.manage_session` (the council's secretary or the standing office of its level). Opening needs an
agenda and every member's attendance; a closed ballot is immutable (every service refuses to change it).
"""

from tdkt.core.workflow import CREATED, Edge, Workflow

from .models import SessionStatus as S

MANAGE = "council.manage_session"


def _ready_to_open(session, actor, reason) -> str | None:
    if not session.items.exists():
        return "Chương trình phiên họp chưa có nội dung nào để biểu quyết."
    from .selectors import members_of

    members = members_of(session)
    if not members:
        return "Hội đồng không có thành viên nào vào ngày họp."
    recorded = set(session.attendance.values_list("member_id", flat=True))
    missing = [m.full_name for m in members if m.pk not in recorded]
    if missing:
        return "Chưa điểm danh: " + ", ".join(missing[:5]) + ("…" if len(missing) > 5 else "") + "."
    return None


SESSION = Workflow(
    name="council.session",
    model="council.CouncilSession",
    states=S,
    edges=[
        Edge(CREATED, "create", S.DRAFT, permission=MANAGE, event="created", label="Lập phiên họp"),
        Edge(S.DRAFT, "open_ballot", S.OPEN, permission=MANAGE, event="ballot_opened", label="Mở bỏ phiếu", guard=_ready_to_open),
        Edge(S.OPEN, "close_ballot", S.CLOSED, permission=MANAGE, event="ballot_closed", label="Kết thúc bỏ phiếu"),
    ],
)
