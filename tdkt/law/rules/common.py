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
                        facts={**facts, "missing": ["history.ratings"]}, parameters=parameters)
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


def with_used(ctx: Ctx, check: Check, first: int, last: int, scopes) -> Check:
    """A check that found too few initiatives says which ones it left out because another award used them (one
    initiative grounds one award, CV 5007/BNV-TĐKT)."""
    if check.result == "pass" or not ctx.used_elsewhere:
        return check
    left_out = ctx.used_in(first, last, scopes)
    if not left_out:
        return check
    awards = ctx.catalogue.awards
    parts = [Message("note.used_one", {"year": y, "award": awards[code].label if code in awards else code, "used_year": used_year})
             for y, _scope, code, used_year in left_out]
    row = ctx.param("initiative.one_award")
    message = Message("note.with_used", {"main": Message(check.message_id, check.args), "parts": parts})
    facts = {**check.facts, "used_elsewhere": [{"year": y, "scope": s, "award": c, "award_year": u} for y, s, c, u in left_out]}
    return check._replace(message_id=message.id, args=message.args, facts=facts, parameters=check.parameters + (used("initiative.one_award", row),))


def late_proposal(ctx: Ctx) -> Check | None:
    """An achievement period ending before the year of the proposal: the council judges it (not a broken chain)."""
    if ctx.year == ctx.round_year:
        return None
    row = ctx.param("proposal.late_needs_review")
    if not row.value:
        return None
    first = ctx.request.period_from if ctx.request.period_from is not None else ctx.year
    return Check.of("LATE_PROPOSAL", "cannot_judge", Message("period.late", {"first": first, "last": ctx.year, "year": ctx.round_year}),
                    row.legal_basis, facts={"period_from": first, "period_to": ctx.year, "year": ctx.round_year},
                    parameters=(used("proposal.late_needs_review", row),))
