"""The decision's workflow, one table on the kernel of `core.workflow`.

    [*] --draft--> draft --submit--> submitted --sign--> issued
                     ^                   |
                     +------return-------+

Drafting, changing and submitting need `decisions.draft` (the standing office of the issuer's level); returning and
signing need `decisions.sign` (the signer of the issuer itself: "this unit only"). Signing is the explicit confirmation
step: it takes the number, writes the awards into the ledger and freezes the decision (every service refuses to change
an issued one).
"""

from tdkt.core.workflow import CREATED, Edge, Workflow

from .models import DecisionStatus as S

DRAFT = "decisions.draft"
SIGN = "decisions.sign"


def _has_lines(decision, actor, reason) -> str | None:
    if not decision.lines.exists():
        return "Quyết định chưa có ai trong danh sách kèm theo."
    return None


DECISION = Workflow(
    name="decisions.decision",
    model="decisions.Decision",
    states=S,
    edges=[
        Edge(CREATED, "draft", S.DRAFT, permission=DRAFT, event="drafted", label="Dự thảo quyết định"),
        Edge(S.DRAFT, "submit", S.SUBMITTED, permission=DRAFT, event="submitted", label="Trình ký", guard=_has_lines),
        Edge(S.SUBMITTED, "return", S.DRAFT, permission=SIGN, event="returned", label="Trả lại dự thảo", requires_reason=True),
        Edge(S.SUBMITTED, "sign", S.ISSUED, permission=SIGN, event="issued", label="Ký ban hành", guard=_has_lines),
    ],
)
