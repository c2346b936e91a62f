"""Criteria of individual titles and of Bằng khen point (d)."""

from __future__ import annotations

import datetime as dt

from ..messages import Message
from ..schema import Check
from .common import restart_note, title_years, transition_note
from .context import Ctx, discipline_fact, used


def _add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def recruitment(ctx: Ctx) -> Check:
    """LĐTT excludes people recruited less than N months before the end of the year."""
    key = "ldtt.min_months_since_recruitment"
    row = ctx.param(key)
    months, year = row.value, ctx.year
    recruited = ctx.request.subject.recruited_on
    facts, parameters = {"recruited_on": recruited, "year": year}, (used(key, row),)
    if recruited is None:
        return Check.of("RECRUITMENT", "pass", Message("recruitment.unknown", {"months": months, "year": year}), row.legal_basis,
                        facts=facts, parameters=parameters)
    args = {"day": recruited, "months": months, "year": year}
    if _add_months(recruited, months) <= dt.date(year + 1, 1, 1):
        return Check.of("RECRUITMENT", "pass", Message("recruitment.pass", args), row.legal_basis, facts=facts, parameters=parameters)
    return Check.of("RECRUITMENT", "fail", Message("recruitment.fail", args), row.legal_basis, facts=facts, parameters=parameters)


def cstdcs_excellence(ctx: Ctx) -> Check:
    """CSTĐCS on top of LĐTT: HTXSNV or an initiative (2022 law), an initiative (2003 law), both (unconfirmed amendment)."""
    year = ctx.year
    combine = ctx.param("cstdcs.combine")
    excellent_row, scopes_row = ctx.param("cstdcs.excellence_rating"), ctx.param("cstdcs.initiative_scopes")
    excellent, scopes = excellent_row.value, scopes_row.value
    rating = ctx.ratings.get(year)
    found = [s for s in ctx.initiatives.get(year, ()) if s in scopes]
    has_rating = rating == excellent
    mode, basis = combine.value, combine.legal_basis
    facts = {"year": year, "rating": rating, "initiative": found[0] if found else None}
    parameters = (used("cstdcs.combine", combine), used("cstdcs.excellence_rating", excellent_row),
                  used("cstdcs.initiative_scopes", scopes_row))

    def done(result: str, message_id: str, **args) -> Check:
        return Check.of("CSTDCS_EXCELLENCE", result, Message(message_id, {"year": year, **args}), basis, facts=facts,
                        parameters=parameters)

    rated_text = Message("text.rated", {"rating": rating}) if rating else Message("text.unrated")
    initiative_text = Message("text.initiative", {"scope": found[0]}) if found else Message("text.no_initiative")
    if mode == "or":
        if has_rating:
            return done("pass", "cstdcs.pass_rating", rating=excellent)
        if found:
            return done("pass", "cstdcs.pass_initiative", scope=found[0])
        if rating is None:
            return done("cannot_judge", "cstdcs.or_missing", rating=excellent)
        return done("fail", "cstdcs.or_fail", rated=rating, rating=excellent)
    if mode == "and":
        if has_rating and found:
            return done("pass", "cstdcs.pass_both", rating=excellent, scope=found[0])
        if rating is None and found:
            return done("cannot_judge", "cstdcs.and_missing", rating=excellent)
        return done("fail", "cstdcs.and_fail", rated_text=rated_text, initiative_text=initiative_text, rating=excellent)
    # "initiative": the 2003 law's LĐTT + initiative
    if found:
        return done("pass", "cstdcs.pass_initiative", scope=found[0])
    return done("fail", "cstdcs.initiative_fail")


def title_chain(ctx: Ctx, *, code: str, title: str, key: str, check_code: str, step: int = 1) -> Check:
    """An unbroken chain of `title` ending in the year under review, of the length the catalogue asks."""
    row = ctx.param(key)
    need, year = row.value, ctx.year
    label = ctx.catalogue.awards[title].label if title in ctx.catalogue.awards else title
    chain = ctx.chain(title, step)
    facts = {"title": title, "chain": chain, "restart_by": discipline_fact(ctx.restart_by)}
    parameters = (used(key, row),)
    if len(chain) >= need:
        chosen = chain[-need:]
        return Check.of(check_code, "pass", Message("chain.pass", {"title": label, "years": title_years(ctx, title, chosen),
                                                                   "note": transition_note(ctx, chosen)}),
                        row.legal_basis, facts=facts, parameters=parameters)
    if not chain:
        return Check.of(check_code, "fail", Message("chain.none", {"title": label, "year": year, "need": need, "step": step,
                                                                   "restart": restart_note(ctx)}),
                        row.legal_basis, facts=facts, parameters=parameters)
    return Check.of(check_code, "fail", Message("chain.short", {"title": label, "year": year, "years": title_years(ctx, title, chain),
                                                                "length": len(chain), "need": need, "step": step,
                                                                "restart": restart_note(ctx)}),
                    row.legal_basis, facts=facts, parameters=parameters)


def initiative_in_period(ctx: Ctx, *, key: str, first: int, check_code: str) -> Check:
    row = ctx.param(key)
    scopes, year = row.value, ctx.year
    found = ctx.initiatives_in(first, year, scopes)
    facts = {"first": first, "last": year, "initiative": list(found[-1]) if found else None,
             "restart_by": discipline_fact(ctx.restart_by)}
    parameters = (used(key, row),)
    if found:
        y, scope = found[-1]
        return Check.of(check_code, "pass", Message("initiative.pass", {"scope": scope, "found_year": y}), row.legal_basis,
                        facts=facts, parameters=parameters)
    args = {"scopes": list(scopes), "first": first, "last": year, "restart": restart_note(ctx)}
    return Check.of(check_code, "fail", Message("initiative.fail_period" if first != year else "initiative.fail_year", args),
                    row.legal_basis, facts=facts, parameters=parameters)


def bk_tinh_point_d(ctx: Ctx) -> Check:
    """Art 74(1)(d): N consecutive CSTĐCS, or N consecutive years HTXSNV with M initiatives at cơ sở level."""
    year = ctx.year
    keys = ("bk_tinh.cstdcs_chain_years", "bk_tinh.htxsnv_years", "bk_tinh.initiatives", "bk_tinh.initiative_scopes", "rating.order")
    rows = {k: ctx.param(k) for k in keys}
    chain_row, years_row, count_row = rows["bk_tinh.cstdcs_chain_years"], rows["bk_tinh.htxsnv_years"], rows["bk_tinh.initiatives"]
    scopes = rows["bk_tinh.initiative_scopes"].value
    excellent = rows["rating.order"].value[0]
    label = ctx.catalogue.awards["CSTDCS"].label
    basis = chain_row.legal_basis
    parameters = tuple(used(k, r) for k, r in rows.items())
    chain = ctx.chain("CSTDCS")
    rated = ctx.rating_chain(excellent)
    found = ctx.initiatives_in(rated[0], year, scopes) if rated else []
    facts = {"cstdcs_chain": chain, "rating_chain": rated, "initiatives": [list(f) for f in found], "rated": year in ctx.ratings,
             "restart_by": discipline_fact(ctx.restart_by)}

    def done(result: str, message: Message) -> Check:
        return Check.of("BK_TINH_POINT_D", result, message, basis, facts=facts, parameters=parameters)

    if len(chain) >= chain_row.value:
        chosen = chain[-chain_row.value:]
        return done("pass", Message("bk_tinh.pass_chain", {"title": label, "years": title_years(ctx, "CSTDCS", chosen),
                                                           "note": transition_note(ctx, chosen)}))
    if len(rated) >= years_row.value and len(found) >= count_row.value:
        return done("pass", Message("bk_tinh.pass_rating", {"rating": excellent, "years": rated, "count": len(found),
                                                            "found": [y for y, _ in found]}))
    detail = Message("bk_tinh.fail", {
        "year": year, "title": label, "chain": title_years(ctx, "CSTDCS", chain) if chain else Message("text.none"),
        "chain_need": chain_row.value, "rating": excellent,
        "rated": Message("note.years", {"years": rated}) if rated else Message("text.none"), "rated_need": years_row.value,
        "count": len(found), "count_need": count_row.value, "restart": restart_note(ctx)})
    if year not in ctx.ratings:
        return done("cannot_judge", Message("bk_tinh.unrated", {"year": year, "detail": detail}))
    return done("fail", detail)


def bk_ttg_point_b(ctx: Ctx) -> Check:
    """Bằng khen of the Prime Minister for an individual, Art 73(1)(b) (NĐ 91/2017 and NĐ 65/2014 before 2024):
    already holding a Bằng khen cấp tỉnh, then N consecutive years up to the year under review each rated at least
    R, with C CSTĐCS titles (from 2024) or I initiatives recognised at cơ sở level or higher (before) in those
    years ("05 năm tiếp theo": the years counted are those after the Bằng khen, which must come before the year
    under review; DOMAIN.md §2 sets no other gap rule). Points (a) and (c) are the council's judgement."""
    year = ctx.year
    keys = ("bk_ttg.prior_award", "bk_ttg.rating_years", "bk_ttg.min_rating", "bk_ttg.cstdcs", "bk_ttg.initiatives",
            "bk_ttg.initiative_scopes", "rating.order")
    rows = {k: ctx.param(k) for k in keys}
    prior, need = rows["bk_ttg.prior_award"].value, rows["bk_ttg.rating_years"].value
    floor_rating, order = rows["bk_ttg.min_rating"].value, rows["rating.order"].value
    accepted = set(order[: order.index(floor_rating) + 1])
    cstdcs_need, initiatives_need = rows["bk_ttg.cstdcs"].value, rows["bk_ttg.initiatives"].value
    basis = rows["bk_ttg.rating_years"].legal_basis
    parameters = tuple(used(k, r) for k, r in rows.items())
    run: list[int] = []  # consecutive years up to the year under review rated at least the floor, after any discipline
    y, restart = year, ctx.restart_after
    while ctx.ratings.get(y) in accepted and (restart is None or y > restart):
        run.append(y)
        y -= 1
    run.reverse()
    held = sorted(y for y in ctx.titles.get(prior, {}) if y < year)
    base = held[0] if held else None  # the earliest leaves the most years after it (a later one, a part of them)
    window = [r for r in run if base is not None and r > base]
    cstdcs = [r for r in window if r in ctx.titles.get("CSTDCS", {})]
    found = ctx.initiatives_in(window[0], year, rows["bk_ttg.initiative_scopes"].value) if window else []
    label, prior_label = ctx.catalogue.awards["CSTDCS"].label, ctx.catalogue.awards[prior].label
    facts = {"prior": base, "run": run, "window": window, "cstdcs": cstdcs, "initiatives": [list(f) for f in found],
             "rated": year in ctx.ratings, "restart_by": discipline_fact(ctx.restart_by)}

    def done(result: str, message: Message) -> Check:
        return Check.of("BK_TTG_POINT_B", result, message, basis, facts=facts, parameters=parameters)

    def counted(kind: str, years: list[int], count_need: int) -> Message:
        listed = Message("bk_ttg.found", {"years": years}) if years else Message("text.empty")
        return Message(kind, {"count": len(years), "count_need": count_need, "title": label, "found": listed})

    # From 2024 the years hold CSTĐCS titles; before, initiatives (counted one by one, listed by their years).
    what = (counted("bk_ttg.cstdcs", cstdcs, cstdcs_need) if cstdcs_need else
            counted("bk_ttg.initiatives", [y for y, _ in found], initiatives_need))
    if base is not None and len(window) >= need and len(cstdcs) >= cstdcs_need and len(found) >= initiatives_need:
        return done("pass", Message("bk_ttg.pass", {"prior": prior_label, "prior_year": base, "rating": floor_rating,
                                                    "years": window, "what": what}))
    detail = Message("bk_ttg.fail", {
        "year": year, "prior": prior_label, "prior_year": Message("note.years", {"years": [base]}) if base else Message("text.none"),
        "rating": floor_rating, "need": need, "years": Message("note.years", {"years": window}) if window else Message("text.none"),
        "what": what, "restart": restart_note(ctx)})
    if year not in ctx.ratings:
        return done("cannot_judge", Message("bk_tinh.unrated", {"year": year, "detail": detail}))
    return done("fail", detail)
