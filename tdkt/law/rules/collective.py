"""Criteria of collective titles (TTLĐTT, TTLĐXS): shares of members from the collective's figures."""

from __future__ import annotations

from ..messages import Message
from ..schema import Check
from .context import Ctx, used


def _figures(ctx: Ctx) -> dict:
    c = ctx.request.collective
    return {"members": c.members, "completed_tasks": c.completed_tasks, "ldtt": c.ldtt, "cstdcs": c.cstdcs,
            "disciplined_canh_cao_or_above": c.disciplined_canh_cao_or_above}


def collective_data(ctx: Ctx) -> Check:
    if ctx.request.collective is None:
        return Check.of("COLLECTIVE_DATA", "cannot_judge", Message("collective.missing", {"year": ctx.year}), ctx.award.legal_basis,
                        facts={"collective": None})
    c = ctx.request.collective
    if not c.members:
        return Check.of("COLLECTIVE_DATA", "cannot_judge", Message("collective.no_members", {"year": ctx.year}), ctx.award.legal_basis,
                        facts={"collective": _figures(ctx)})
    return Check.of("COLLECTIVE_DATA", "pass", Message("collective.members", {"year": ctx.year, "members": c.members}),
                    ctx.award.legal_basis, facts={"collective": _figures(ctx)})


def share(ctx: Ctx, *, key: str, part: int, what: str, check_code: str) -> Check:
    """part / members against {"percent": p, "strict": bool} (strict: more than p%; else at least p%).
    what: "completed" or "ldtt" (the members counted)."""
    row = ctx.param(key)
    members = ctx.request.collective.members
    if not members:  # no share of nobody: the collective's data check says why
        return Check.of(check_code, "cannot_judge", Message("collective.no_members", {"year": ctx.year}), row.legal_basis,
                        facts={"part": part, "members": 0}, parameters=(used(key, row),))
    percent, strict = row.value["percent"], row.value.get("strict", False)
    ok = part * 100 > percent * members if strict else part * 100 >= percent * members
    need = Message("collective.need_more_than" if strict else "collective.need_at_least", {"percent": percent})
    message = Message("collective.share", {"year": ctx.year, "part": part, "members": members, "what": Message(f"collective.what_{what}"),
                                           "share": round(part * 100 / members, 1), "need": need})
    return Check.of(check_code, "pass" if ok else "fail", message, row.legal_basis,
                    facts={"part": part, "members": members}, parameters=(used(key, row),))


def cstdcs_count(ctx: Ctx, *, key: str) -> Check:
    row = ctx.param(key)
    count = ctx.request.collective.cstdcs
    ok = count >= row.value
    return Check.of("CSTDCS_COUNT", "pass" if ok else "fail",
                    Message("collective.cstdcs", {"year": ctx.year, "count": count, "minimum": row.value}), row.legal_basis,
                    facts={"cstdcs": count}, parameters=(used(key, row),))


def members_disciplined(ctx: Ctx, *, key: str) -> Check:
    row = ctx.param(key)
    count = ctx.request.collective.disciplined_canh_cao_or_above
    ok = count <= row.value
    if ok and row.value == 0:
        message = Message("collective.none_disciplined", {"year": ctx.year})
    else:
        message = Message("collective.disciplined", {"year": ctx.year, "count": count, "maximum": row.value})
    return Check.of("MEMBER_DISCIPLINE", "pass" if ok else "fail", message, row.legal_basis,
                    facts={"disciplined_canh_cao_or_above": count}, parameters=(used(key, row),))
