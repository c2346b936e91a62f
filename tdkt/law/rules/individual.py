"""Criteria of individual titles and of Bằng khen point (d)."""

from __future__ import annotations

import datetime as dt

from ..messages import Message
from ..schema import Check
from .common import restart_note, title_years, transition_note, with_used
from .context import Ctx, discipline_fact, used


def add_months(day: dt.date, months: int) -> dt.date:
    month0 = day.month - 1 + months
    year, month = day.year + month0 // 12, month0 % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return dt.date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def recruitment(ctx: Ctx) -> Check:
    """LĐTT excludes people recruited less than N months before the end of the year. Continuous service at the unit
    (labour-contract time that counts included) is counted from its start; without either day, a rating of an
    earlier year shows service before the year; otherwise the check cannot judge (the day is never assumed)."""
    key = "ldtt.min_months_since_recruitment"
    row = ctx.param(key)
    months, year = row.value, ctx.year
    subject = ctx.request.subject
    recruited, service = subject.recruited_on, subject.service_start
    contract = ctx.param("ldtt.contract_time_counts") if service is not None else None
    facts = {"recruited_on": recruited, "service_start": service, "year": year}
    parameters = (used(key, row),) + ((used("ldtt.contract_time_counts", contract),) if contract is not None else ())

    def done(result: str, message_id: str, **args) -> Check:
        return Check.of("RECRUITMENT", result, Message(message_id, {"months": months, "year": year, **args}), row.legal_basis,
                        facts=facts, parameters=parameters)

    if service is not None and contract.value and (recruited is None or service < recruited):
        ok = add_months(service, months) <= dt.date(year + 1, 1, 1)
        return done("pass" if ok else "fail", "recruitment.service_pass" if ok else "recruitment.service_fail", day=service)
    if recruited is None:
        earlier = [y for y in ctx.ratings if y < year]
        if earlier:
            return done("pass", "recruitment.rated_before", rated_year=max(earlier))
        facts["missing"] = ["subject.recruited_on"]
        return done("cannot_judge", "recruitment.missing")
    ok = add_months(recruited, months) <= dt.date(year + 1, 1, 1)
    return done("pass" if ok else "fail", "recruitment.pass" if ok else "recruitment.fail", day=recruited)


def days_off(ctx: Ctx) -> Check | None:
    """Until 30/9/2017 (NĐ 65/2014): off work 40 working days or more in the year, no LĐTT; maternity leave does
    not count against the person. None where the regime has no such rule."""
    key = "ldtt.max_days_off"
    row = ctx.param(key)
    limit = row.value
    if limit is False or limit is None:
        return None
    maternity_row = ctx.param("ldtt.maternity_counts_as_work")
    year = ctx.year
    work = ctx.work.get(year)
    parameters = (used(key, row), used("ldtt.maternity_counts_as_work", maternity_row))
    if work is None or work.days_off is None:
        return Check.of("DAYS_OFF", "cannot_judge", Message("days_off.missing", {"year": year, "limit": limit}), row.legal_basis,
                        facts={"year": year, "days_off": None, "missing": ["history.work_years.days_off"]}, parameters=parameters)
    excluded = work.maternity_days if maternity_row.value else 0
    counted = work.days_off - excluded
    note = Message("days_off.maternity", {"days": excluded}) if excluded else ""
    facts = {"year": year, "days_off": work.days_off, "maternity_days": work.maternity_days, "counted": counted}
    args = {"year": year, "counted": counted, "maternity": note, "limit": limit}
    result = "fail" if counted >= limit else "pass"
    return Check.of("DAYS_OFF", result, Message(f"days_off.{result}", args), row.legal_basis, facts=facts, parameters=parameters)


def long_course(ctx: Ctx):
    """The year's training or secondment course when it is long enough to replace the task rating (else None)."""
    work = ctx.work.get(ctx.year)
    if work is None or not work.training_months:
        return None
    row = ctx.param("ldtt.training_long_months")
    return work if work.training_months >= row.value else None


def training_result(ctx: Ctx, work) -> Check:
    """A course of a year or more: its result (at least the catalogue's minimum) replaces the task rating
    (TT 15/2025 Art 2; earlier texts alike)."""
    key = "ldtt.training_min_result"
    row, long_row = ctx.param(key), ctx.param("ldtt.training_long_months")
    minimum, year = row.value, ctx.year
    parameters = (used("ldtt.training_long_months", long_row), used(key, row))
    facts = {"year": year, "training_months": work.training_months, "training_result": work.training_result}
    args = {"year": year, "months": work.training_months, "minimum": minimum}
    if work.training_result is None:
        facts["missing"] = ["history.work_years.training.result"]
        return Check.of("TRAINING_RESULT", "cannot_judge", Message("training.missing", args), row.legal_basis, facts=facts,
                        parameters=parameters)
    order = ctx.catalogue.order("training.result_order", ctx.round_year)
    ok = order.get(work.training_result, len(order)) <= order.get(minimum, -1)
    return Check.of("TRAINING_RESULT", "pass" if ok else "fail",
                    Message("training.pass" if ok else "training.fail", {**args, "result": work.training_result}), row.legal_basis,
                    facts=facts, parameters=parameters)


def transfer(ctx: Ctx) -> Check | None:
    """A transfer in the year: after N months or more at the old unit, its comment is a required attestation
    (listed, not computed; cannot judge while it is missing). None without a transfer."""
    work = ctx.work.get(ctx.year)
    if work is None or not work.transferred:
        return None
    key = "ldtt.transfer_comment_months"
    row = ctx.param(key)
    need, year = row.value, ctx.year
    unit = work.transfer_from or Message("text.old_unit")
    facts = {"year": year, "from_unit": work.transfer_from, "months": work.transfer_months, "comment": work.transfer_comment}
    parameters = (used(key, row),)
    args = {"year": year, "unit": unit, "months": work.transfer_months, "need": need}
    if work.transfer_months is None:
        facts["missing"] = ["history.work_years.transfer.months"]
        return Check.of("TRANSFER_COMMENT", "cannot_judge", Message("transfer.months_missing", args), row.legal_basis,
                        facts=facts, parameters=parameters)
    if work.transfer_months < need:
        return Check.of("TRANSFER_COMMENT", "pass", Message("transfer.short", args), row.legal_basis, facts=facts,
                        parameters=parameters)
    if work.transfer_comment:
        return Check.of("TRANSFER_COMMENT", "pass", Message("transfer.comment", args), row.legal_basis, facts=facts,
                        parameters=parameters)
    facts["missing"] = ["history.work_years.transfer.comment"]
    return Check.of("TRANSFER_COMMENT", "cannot_judge", Message("transfer.comment_missing", args), row.legal_basis, facts=facts,
                    parameters=parameters)


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
        return with_used(ctx, Check.of("CSTDCS_EXCELLENCE", result, Message(message_id, {"year": year, **args}), basis, facts=facts,
                                       parameters=parameters), year, year, scopes)

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
    return with_used(ctx, Check.of(check_code, "fail", Message("initiative.fail_period" if first != year else "initiative.fail_year", args),
                                   row.legal_basis, facts=facts, parameters=parameters), first, year, scopes)


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
        return with_used(ctx, Check.of("BK_TINH_POINT_D", result, message, basis, facts=facts, parameters=parameters),
                         rated[0] if rated else year, year, scopes)

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
        return with_used(ctx, Check.of("BK_TTG_POINT_B", result, message, basis, facts=facts, parameters=parameters),
                         window[0] if window else year, year, rows["bk_ttg.initiative_scopes"].value)

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
