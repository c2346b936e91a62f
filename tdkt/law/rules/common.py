"""Criteria shared by every title: subject, discipline, rating, attestation, council judgement."""

from __future__ import annotations

from tdkt.core.errors import DomainError

from ..schema import Check
from .context import DISCIPLINE_LABELS, SUBJECT_LABELS, Ctx, date_text, years_text


def subject_allowed(ctx: Ctx) -> Check:
    kind = ctx.request.subject.kind
    award = ctx.award
    allowed = ", ".join(SUBJECT_LABELS.get(k, k) for k in award.subjects)
    if kind in award.subjects:
        return Check("SUBJECT", "pass", f"{award.name} xét cho {SUBJECT_LABELS.get(kind, kind)}", award.legal_basis)
    return Check("SUBJECT", "fail",
                 f"{award.name} không xét cho {SUBJECT_LABELS.get(kind, kind)} (chỉ xét cho: {allowed})", award.legal_basis)


def discipline_in_year(ctx: Ctx) -> Check:
    """A discipline (at or above the catalogue's threshold) overlapping the year blocks that year's award."""
    row = ctx.discipline_row
    year = ctx.year
    if ctx.blocking:
        d = ctx.blocking[0]
        return Check("DISCIPLINE", "fail",
                     f"Năm {year} đang trong thời hạn kỷ luật {DISCIPLINE_LABELS.get(d.form, d.form)} "
                     f"(từ {date_text(d.start)} đến {date_text(d.end)})", row.legal_basis)
    return Check("DISCIPLINE", "pass",
                 f"Năm {year} không bị kỷ luật từ hình thức {DISCIPLINE_LABELS.get(row.value, row.value)} trở lên",
                 row.legal_basis)


def rating_at_least(ctx: Ctx, key: str, code: str = "RATING") -> Check:
    """The year's rating is at least the catalogue's minimum (ratings are ordered best first)."""
    row = ctx.catalogue.param(key, ctx.year)
    year, minimum = ctx.year, row.value
    rating = ctx.ratings.get(year)
    if rating is None:
        return Check(code, "cannot_judge", f"Chưa có xếp loại năm {year} (yêu cầu từ {minimum} trở lên)", row.legal_basis)
    order = ctx.catalogue.order("rating.order", year)
    if order[rating] <= order[minimum]:
        return Check(code, "pass", f"Năm {year} xếp loại {rating} (yêu cầu từ {minimum} trở lên)", row.legal_basis)
    return Check(code, "fail", f"Năm {year} xếp loại {rating}, chưa đạt mức {minimum} trở lên", row.legal_basis)


def attestation(ctx: Ctx, legal_basis: str) -> Check:
    """Conduct and solidarity are attested by the unit: listed, not computed, never blocking."""
    return Check("ATTESTATION", "pass",
                 "Phẩm chất chính trị, đạo đức, lối sống và tinh thần đoàn kết do đơn vị xác nhận trong báo cáo thành tích "
                 "(không tính toán)", legal_basis)


def council_judgement(ctx: Ctx, reason: str = "") -> Check:
    award = ctx.award
    where = "đề nghị cấp trên xét tặng" if award.proposal_only else "Hội đồng Thi đua – Khen thưởng xem xét"
    text = reason or f"Tiêu chuẩn {award.name} cần {where}; hệ thống không tự đánh giá"
    return Check("COUNCIL_JUDGEMENT", "cannot_judge", f"{text} (năm {ctx.year})", award.legal_basis)


def transition_note(ctx: Ctx, years) -> str:
    """'(2022, 2023 theo Luật ... 2003 — vẫn được tính: Điều 95 ...)' when a chain reaches back into an older regime."""
    current = ctx.regime.code
    older: dict[str, list[int]] = {}
    for y in years:
        regime = ctx.catalogue.regime_for_year(y)
        if regime.code != current:
            older.setdefault(regime.legal_basis or regime.name, []).append(y)
    if not older:
        return ""
    parts = [f"{years_text(ys)} theo {name}" for name, ys in older.items()]
    try:
        basis = ctx.catalogue.param("transition.old_titles_count", ctx.year).legal_basis
    except DomainError:  # a year before the current law: nothing transitional to cite
        return f" ({'; '.join(parts)})"
    return f" ({'; '.join(parts)} — vẫn được tính theo {basis})"


def title_years_text(ctx: Ctx, code: str, years: list[int]) -> str:
    """'2023, 2024, 2025 (2025 đang đề nghị)' or '(2025 đã công nhận)'."""
    text = years_text(years)
    if years and years[-1] == ctx.year:
        proposed = ctx.titles[code][ctx.year]
        text += f" ({ctx.year} {'đang đề nghị' if proposed else 'đã công nhận'})"
    return text


def restart_text(ctx: Ctx) -> str:
    d = ctx.restart_by
    if d is None:
        return ""
    return (f"; kỷ luật {DISCIPLINE_LABELS.get(d.form, d.form)} đến {date_text(d.end)}: "
            f"chỉ tính thành tích từ năm {d.end.year + 1}")
