"""Criteria of collective titles (TTLĐTT, TTLĐXS): shares of members from the collective's figures."""

from __future__ import annotations

from ..schema import Check
from .context import Ctx


def _percent(part: int, whole: int) -> str:
    value = round(part * 100 / whole, 1)
    return f"{value:g}".replace(".", ",") + "%"


def collective_data(ctx: Ctx) -> Check:
    if ctx.request.collective is None:
        return Check("COLLECTIVE_DATA", "cannot_judge",
                     f"Thiếu số liệu tập thể năm {ctx.year} (số thành viên, số LĐTT, số CSTĐCS, số bị kỷ luật)",
                     ctx.award.legal_basis)
    c = ctx.request.collective
    return Check("COLLECTIVE_DATA", "pass", f"Năm {ctx.year}: tập thể có {c.members} thành viên", ctx.award.legal_basis)


def share(ctx: Ctx, *, key: str, part: int, what: str, check_code: str) -> Check:
    """part / members against {"percent": p, "strict": bool} (strict: more than p%; else at least p%)."""
    row = ctx.catalogue.param(key, ctx.year)
    members = ctx.request.collective.members
    percent, strict = row.value["percent"], row.value.get("strict", False)
    ok = part * 100 > percent * members if strict else part * 100 >= percent * members
    need = f"{'trên' if strict else 'từ'} {percent}%{'' if strict else ' trở lên'}"
    text = f"Năm {ctx.year}: {part}/{members} thành viên {what} ({_percent(part, members)}), yêu cầu {need}"
    return Check(check_code, "pass" if ok else "fail", text, row.legal_basis)


def cstdcs_count(ctx: Ctx, *, key: str) -> Check:
    row = ctx.catalogue.param(key, ctx.year)
    count = ctx.request.collective.cstdcs
    ok = count >= row.value
    return Check("CSTDCS_COUNT", "pass" if ok else "fail",
                 f"Năm {ctx.year}: {count} cá nhân đạt CSTĐCS (yêu cầu ít nhất {row.value})", row.legal_basis)


def members_disciplined(ctx: Ctx, *, key: str) -> Check:
    row = ctx.catalogue.param(key, ctx.year)
    count = ctx.request.collective.disciplined_canh_cao_or_above
    ok = count <= row.value
    if ok and row.value == 0:
        text = f"Năm {ctx.year}: không có thành viên bị kỷ luật từ cảnh cáo trở lên"
    else:
        text = f"Năm {ctx.year}: {count} thành viên bị kỷ luật từ cảnh cáo trở lên (tối đa {row.value})"
    return Check("MEMBER_DISCIPLINE", "pass" if ok else "fail", text, row.legal_basis)
