"""Criteria shared by every title: subject, discipline, rating, attestation, council judgement; chain notes."""

from __future__ import annotations

from tdkt.core.errors import DomainError

from ..messages import Message
from ..schema import Check
from .context import Ctx, discipline_fact, used


def subject_allowed(ctx: Ctx) -> Check:
    kind = ctx.request.subject.kind
    award = ctx.award
    facts = {"subject": kind, "allowed": list(award.subjects)}
    if kind in award.subjects:
        return Check.of("SUBJECT", "pass", Message("subject.allowed", {"award": award.name, "kind": kind}), award.legal_basis,
                        facts=facts)
    return Check.of("SUBJECT", "fail", Message("subject.refused", {"award": award.name, "kind": kind, "allowed": list(award.subjects)}),
                    award.legal_basis, facts=facts)


def discipline_in_year(ctx: Ctx) -> Check:
    """A discipline (at or above the catalogue's threshold) overlapping the year blocks that year's award."""
    row = ctx.discipline_row
    year = ctx.year
    parameters = (used("discipline.blocks_from", row),)
    if ctx.blocking:
        d = ctx.blocking[0]
        return Check.of("DISCIPLINE", "fail",
                        Message("discipline.blocking", {"year": year, "form": d.form, "start": d.start, "end": d.end}),
                        row.legal_basis, facts={"year": year, "discipline": discipline_fact(d)}, parameters=parameters)
    return Check.of("DISCIPLINE", "pass", Message("discipline.clear", {"year": year, "form": row.value}), row.legal_basis,
                    facts={"year": year, "discipline": None}, parameters=parameters)


def rating_at_least(ctx: Ctx, key: str, code: str = "RATING") -> Check:
    """The year's rating is at least the catalogue's minimum (ratings are ordered best first)."""
    row = ctx.param(key)
    year, minimum = ctx.year, row.value
    rating = ctx.ratings.get(year)
    facts = {"year": year, "rating": rating}
    parameters = (used(key, row),)
    if rating is None:
        return Check.of(code, "cannot_judge", Message("rating.missing", {"year": year, "minimum": minimum}), row.legal_basis,
                        facts=facts, parameters=parameters)
    order = ctx.catalogue.order("rating.order", year)
    args = {"year": year, "rating": rating, "minimum": minimum}
    if order[rating] <= order[minimum]:
        return Check.of(code, "pass", Message("rating.pass", args), row.legal_basis, facts=facts, parameters=parameters)
    return Check.of(code, "fail", Message("rating.fail", args), row.legal_basis, facts=facts, parameters=parameters)


def attestation(ctx: Ctx, legal_basis: str) -> Check:
    """Conduct and solidarity are attested by the unit: listed, not computed, never blocking."""
    return Check.of("ATTESTATION", "pass", Message("attestation"), legal_basis)


def council_judgement(ctx: Ctx, reason: Message | None = None) -> Check:
    award = ctx.award
    if reason is None:
        reason = Message("council.proposal" if award.proposal_only else "council.judgement", {"award": award.name, "year": ctx.year})
    return Check.of("COUNCIL_JUDGEMENT", "cannot_judge", reason, award.legal_basis, facts={"year": ctx.year})


def transition_note(ctx: Ctx, years) -> Message | str:
    """'(2022, 2023 theo Luật ... 2003 — vẫn được tính: Điều 95 ...)' when a chain reaches back into an older regime."""
    current = ctx.regime.code
    older: dict[str, list[int]] = {}
    for y in years:
        regime = ctx.catalogue.regime_for_year(y)
        if regime.code != current:
            older.setdefault(regime.legal_basis or regime.name, []).append(y)
    if not older:
        return ""
    parts = [Message("note.regime_years", {"years": ys, "regime": name}) for name, ys in older.items()]
    try:
        basis = ctx.param("transition.old_titles_count").legal_basis
    except DomainError:  # a year before the current law: nothing transitional to cite
        return Message("note.older_regimes", {"parts": parts})
    return Message("note.older_regimes_counted", {"parts": parts, "basis": basis})


def title_years(ctx: Ctx, code: str, years: list[int]) -> Message:
    """'2023, 2024, 2025 (2025 đang đề nghị)' or '(2025 đã công nhận)' when the chain reaches the year under review."""
    if years and years[-1] == ctx.year:
        proposed = ctx.titles[code][ctx.year]
        return Message("note.years_proposed" if proposed else "note.years_awarded", {"years": years, "year": ctx.year})
    return Message("note.years", {"years": years})


def restart_note(ctx: Ctx) -> Message | str:
    d = ctx.restart_by
    if d is None:
        return ""
    return Message("note.restart", {"form": d.form, "end": d.end, "first": d.end.year + 1})
