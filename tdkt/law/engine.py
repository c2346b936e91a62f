"""The eligibility engine: parse a request strictly, evaluate it against a catalogue snapshot.

`evaluate` is pure given the snapshot (no database access) and cheap: the batch run calls it about a
million times. How a history is read (DOMAIN.md §3):
- the regime is the one in force on the day the complete dossier was received (`received_on`, DOMAIN.md §1),
  or without that day at the year-end round of the year under review (31 December); its parameters judge
  the request; it is named in the result, and a chain may reach back into older regimes (titles before 2024
  count);
- chains are unbroken runs ending in the year under review; a title of that year counts whether
  awarded or `proposed` in the same round, and the message says which;
- a discipline overlapping the year blocks it, and chains restart after the discipline's last year;
- verdict: not_eligible if any computable check fails; needs_review if none fails but something cannot
  be judged (missing data, or a title needing the council's judgement); otherwise eligible. Conduct and
  solidarity are attested by the unit: listed as the non-blocking ATTESTATION check.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from tdkt.core.errors import DomainError

from .catalogue import Catalogue, clear_cache, load_catalogue  # noqa: F401  (re-exported)
from .messages import Message
from .rules import collective as col
from .rules import common, individual
from .rules.context import Ctx
from .rules.quota import check_cstdcs_quota, cstdcs_quota_applies  # noqa: F401  (re-exported for the batch run)
from .schema import (
    AwardEntry,
    Check,
    CollectiveData,
    DisciplineEntry,
    EligibilityRequest,
    EligibilityResult,
    InitiativeEntry,
    RatingEntry,
    Subject,
    WorkYearEntry,
)
from .vocabulary import SubjectKind

SUBJECT_KINDS = tuple(SubjectKind.values)
FIRST_YEAR_FALLBACK = 1990


# --- parsing -----------------------------------------------------------------------------------------

def _fail(field: str, message: str):
    raise DomainError(f"Trường “{field}”: {message}", code="invalid", details={"field": field})


def _obj(value: Any, field: str, allowed: tuple[str, ...]) -> dict:
    if not isinstance(value, dict):
        _fail(field, "phải là một đối tượng JSON.")
    unknown = sorted(set(value) - set(allowed))
    if unknown:
        _fail(f"{field}.{unknown[0]}" if field else unknown[0], "không có trong cấu trúc dữ liệu được hỗ trợ.")
    return value


def _list(value: Any, field: str) -> list:
    if value is None:
        return []
    if not isinstance(value, list):
        _fail(field, "phải là một danh sách.")
    return value


def _year(value: Any, field: str, bounds: tuple[int, int]) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        _fail(field, f"năm phải là số nguyên (nhận được {value!r}).")
    low, high = bounds
    if not low <= value <= high:
        _fail(field, f"năm {value} nằm ngoài khoảng cho phép ({low}–{high}).")
    return value


def _date(value: Any, field: str, *, required: bool = True) -> dt.date | None:
    if value is None and not required:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    if not isinstance(value, str):
        _fail(field, "phải là ngày dạng YYYY-MM-DD.")
    try:
        return dt.date.fromisoformat(value) if len(value) == 10 else _fail(field, f"ngày “{value}” không đúng dạng YYYY-MM-DD.")
    except ValueError:
        _fail(field, f"ngày “{value}” không hợp lệ (dạng YYYY-MM-DD).")


def _code(value: Any, field: str, allowed, what: str) -> str:
    if not isinstance(value, str) or value not in allowed:
        shown = value if isinstance(value, str) else repr(value)
        _fail(field, f"mã {what} “{shown}” không hợp lệ (hợp lệ: {', '.join(sorted(allowed))}).")
    return value


def _count(value: Any, field: str, high: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        _fail(field, "phải là số nguyên không âm.")
    if high is not None and value > high:
        _fail(field, f"không được lớn hơn {high} (nhận được {value}).")
    return value


def _bool(value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        _fail(field, "phải là true hoặc false.")
    return value


MAX_DAYS_OFF = 366  # working days in a year cannot exceed the days of the year
MAX_COURSE_MONTHS = 120
MAX_UNIT_NAME = 255


def _work_year(item: Any, f: str, bounds: tuple[int, int], results: frozenset[str]) -> WorkYearEntry:
    """One working year's facts (`history.work_years[i]`): days off, maternity leave, a course, a transfer."""
    item = _obj(item, f, ("year", "days_off", "maternity_days", "training", "transfer"))
    year = _year(item.get("year"), f"{f}.year", bounds)
    days_off = None if item.get("days_off") is None else _count(item["days_off"], f"{f}.days_off", MAX_DAYS_OFF)
    maternity = 0 if item.get("maternity_days") is None else _count(item["maternity_days"], f"{f}.maternity_days", MAX_DAYS_OFF)
    if days_off is not None and maternity > days_off:
        _fail(f"{f}.maternity_days", f"số ngày nghỉ thai sản ({maternity}) lớn hơn tổng số ngày nghỉ ({days_off}).")
    months, result = 0, None
    if item.get("training") is not None:
        training = _obj(item["training"], f"{f}.training", ("months", "result"))
        if training.get("months") is None:
            _fail(f"{f}.training.months", "bắt buộc (số tháng của khóa đào tạo, bồi dưỡng).")
        months = _count(training["months"], f"{f}.training.months", MAX_COURSE_MONTHS)
        if months < 1:
            _fail(f"{f}.training.months", "khóa đào tạo, bồi dưỡng phải từ 1 tháng trở lên.")
        if training.get("result") is not None:
            result = _code(training["result"], f"{f}.training.result", results, "kết quả học tập")
    transfer_from, transfer_months, comment = "", None, False
    if item.get("transfer") is not None:
        transfer = _obj(item["transfer"], f"{f}.transfer", ("from_unit", "months", "comment"))
        name = transfer.get("from_unit", "")
        if not isinstance(name, str) or len(name.strip()) > MAX_UNIT_NAME:
            _fail(f"{f}.transfer.from_unit", f"phải là tên đơn vị (tối đa {MAX_UNIT_NAME} ký tự).")
        transfer_from = name.strip()
        if transfer.get("months") is not None:
            transfer_months = _count(transfer["months"], f"{f}.transfer.months", 12)
        comment = _bool(transfer.get("comment", False), f"{f}.transfer.comment")
        if not transfer_from and transfer_months is None:
            _fail(f"{f}.transfer", "cần tên đơn vị cũ hoặc số tháng công tác ở đơn vị cũ.")
    return WorkYearEntry(year, days_off, maternity, months, result, transfer_from, transfer_months, comment)


def parse_request(payload: Any, *, catalogue: Catalogue | None = None) -> EligibilityRequest:
    """A JSON-shaped dict → EligibilityRequest, or DomainError with a Vietnamese message naming the field."""
    catalogue = load_catalogue() if catalogue is None else catalogue
    if not isinstance(payload, dict):
        raise DomainError("Dữ liệu gửi lên phải là một đối tượng JSON.")
    _obj(payload, "", ("award", "year", "received_on", "period", "subject", "history", "collective"))
    if "award" not in payload:
        _fail("award", "bắt buộc.")
    award = payload["award"]
    if not isinstance(award, str) or award not in catalogue.awards:
        _fail("award", f"mã danh hiệu/hình thức “{award}” không có trong danh mục.")
    first = min((r.valid_from.year for r in catalogue.regimes), default=FIRST_YEAR_FALLBACK)
    bounds = (first, dt.date.today().year + 1)
    if "year" not in payload:
        _fail("year", "bắt buộc.")
    year = _year(payload["year"], "year", bounds)
    received_on = _date(payload.get("received_on"), "received_on", required=False)
    if received_on is not None and received_on.year < year:
        _fail("received_on", f"ngày nhận hồ sơ ({received_on:%d/%m/%Y}) trước năm được xét ({year}).")
    period_from = period_to = None
    if payload.get("period") is not None:
        period = _obj(payload["period"], "period", ("from", "to"))
        for name in ("from", "to"):
            if name not in period:
                _fail(f"period.{name}", "bắt buộc.")
        period_from, period_to = _year(period["from"], "period.from", bounds), _year(period["to"], "period.to", bounds)
        if period_to > year:
            _fail("period.to", f"năm cuối của thành tích ({period_to}) sau năm được xét ({year}).")
        if period_from > period_to:
            _fail("period.from", f"năm đầu ({period_from}) sau năm cuối ({period_to}) của thành tích.")

    subject = Subject()
    if payload.get("subject") is not None:
        raw = _obj(payload["subject"], "subject", ("kind", "recruited_on", "service_start"))
        kind = _code(raw.get("kind", "individual"), "subject.kind", SUBJECT_KINDS, "đối tượng")
        subject = Subject(kind=kind, recruited_on=_date(raw.get("recruited_on"), "subject.recruited_on", required=False),
                          service_start=_date(raw.get("service_start"), "subject.service_start", required=False))

    ratings: list[RatingEntry] = []
    awards: list[AwardEntry] = []
    disciplines: list[DisciplineEntry] = []
    initiatives: list[InitiativeEntry] = []
    work_years: list[WorkYearEntry] = []
    if payload.get("history") is not None:
        history = _obj(payload["history"], "history", ("ratings", "awards", "disciplines", "initiatives", "work_years"))
        rating_codes = catalogue.codes("rating.order")
        seen: set[int] = set()
        for i, item in enumerate(_list(history.get("ratings"), "history.ratings")):
            f = f"history.ratings[{i}]"
            item = _obj(item, f, ("year", "rating"))
            y = _year(item.get("year"), f"{f}.year", bounds)
            if y in seen:
                _fail(f"{f}.year", f"năm {y} có nhiều hơn một xếp loại.")
            seen.add(y)
            ratings.append(RatingEntry(y, _code(item.get("rating"), f"{f}.rating", rating_codes, "xếp loại")))
        for i, item in enumerate(_list(history.get("awards"), "history.awards")):
            f = f"history.awards[{i}]"
            item = _obj(item, f, ("year", "award", "proposed"))
            proposed = item.get("proposed", False)
            if not isinstance(proposed, bool):
                _fail(f"{f}.proposed", "phải là true hoặc false.")
            awards.append(AwardEntry(_year(item.get("year"), f"{f}.year", bounds),
                                     _code(item.get("award"), f"{f}.award", catalogue.awards, "danh hiệu/hình thức"), proposed))
        discipline_codes = catalogue.codes("discipline.order")
        for i, item in enumerate(_list(history.get("disciplines"), "history.disciplines")):
            f = f"history.disciplines[{i}]"
            item = _obj(item, f, ("form", "start", "end"))
            form = _code(item.get("form"), f"{f}.form", discipline_codes, "hình thức kỷ luật")
            start, end = _date(item.get("start"), f"{f}.start"), _date(item.get("end"), f"{f}.end")
            if end < start:
                _fail(f"{f}.end", "ngày kết thúc trước ngày bắt đầu.")
            disciplines.append(DisciplineEntry(form, start, end))
        scope_codes = catalogue.codes("initiative.scopes")
        for i, item in enumerate(_list(history.get("initiatives"), "history.initiatives")):
            f = f"history.initiatives[{i}]"
            item = _obj(item, f, ("year", "scope", "used_for"))
            used_for = used_year = None
            if item.get("used_for") is not None:
                used = _obj(item["used_for"], f"{f}.used_for", ("award", "year"))
                used_for = _code(used.get("award"), f"{f}.used_for.award", catalogue.awards, "danh hiệu/hình thức")
                used_year = _year(used.get("year"), f"{f}.used_for.year", bounds)
            initiatives.append(InitiativeEntry(_year(item.get("year"), f"{f}.year", bounds),
                                               _code(item.get("scope"), f"{f}.scope", scope_codes, "phạm vi sáng kiến"),
                                               used_for, used_year))
        results = catalogue.codes("training.result_order")
        seen_work: set[int] = set()
        for i, item in enumerate(_list(history.get("work_years"), "history.work_years")):
            entry = _work_year(item, f"history.work_years[{i}]", bounds, results)
            if entry.year in seen_work:
                _fail(f"history.work_years[{i}].year", f"năm {entry.year} được khai nhiều lần.")
            seen_work.add(entry.year)
            work_years.append(entry)

    collective = None
    if payload.get("collective") is not None:
        fields = ("members", "completed_tasks", "ldtt", "cstdcs", "disciplined_canh_cao_or_above")
        raw = _obj(payload["collective"], "collective", fields)
        values = {}
        for name in fields:
            if name not in raw:
                _fail(f"collective.{name}", "bắt buộc.")
            values[name] = _count(raw[name], f"collective.{name}")
        if values["members"] < 1:
            _fail("collective.members", "tập thể phải có ít nhất một thành viên.")
        for name in fields[1:]:
            if values[name] > values["members"]:
                _fail(f"collective.{name}", f"lớn hơn số thành viên ({values['members']}).")
        collective = CollectiveData(**values)

    return EligibilityRequest(award=award, year=year, subject=subject, ratings=tuple(ratings), awards=tuple(awards),
                              disciplines=tuple(disciplines), initiatives=tuple(initiatives), collective=collective,
                              received_on=received_on, work_years=tuple(sorted(work_years, key=lambda w: w.year)),
                              period_from=period_from, period_to=period_to)


# --- evaluation --------------------------------------------------------------------------------------

def _ldtt(ctx: Ctx) -> list[Check]:
    """LĐTT's checks: the year's rating (or a long course's result), discipline, recruitment, and where they apply the
    days off (NĐ 65/2014) and a transfer's comment. The first check's legal basis is the attestation's."""
    course = individual.long_course(ctx)
    rating = individual.training_result(ctx, course) if course is not None else common.rating_at_least(ctx, "ldtt.min_rating")
    checks = [rating, common.discipline_in_year(ctx), individual.recruitment(ctx)]
    for extra in (individual.days_off(ctx), individual.transfer(ctx)):
        if extra is not None:
            checks.append(extra)
    return checks


def _eval_ldtt(ctx: Ctx) -> list[Check]:
    checks = _ldtt(ctx)
    checks.append(common.attestation(ctx, checks[0].legal_basis))
    return checks


def _eval_cstdcs(ctx: Ctx) -> list[Check]:
    checks = _ldtt(ctx)
    checks.append(individual.cstdcs_excellence(ctx))
    checks.append(common.attestation(ctx, checks[-1].legal_basis))
    return checks


def _eval_cstd_tinh(ctx: Ctx) -> list[Check]:
    need = ctx.param("cstd_tinh.cstdcs_chain_years").value
    chain = individual.title_chain(ctx, code="CSTD_TINH", title="CSTDCS", key="cstd_tinh.cstdcs_chain_years",
                                   check_code="CSTDCS_CHAIN")
    return [
        chain,
        individual.initiative_in_period(ctx, key="cstd_tinh.initiative_scopes", first=ctx.year - need + 1,
                                        check_code="INITIATIVE_TINH"),
        common.discipline_in_year(ctx),
        common.attestation(ctx, chain.legal_basis),
    ]


def _eval_cstd_tq(ctx: Ctx) -> list[Check]:
    step = ctx.catalogue.awards["CSTD_TINH"].period_years
    need = ctx.param("cstd_tq.cstd_tinh_chain").value
    chain = individual.title_chain(ctx, code="CSTD_TQ", title="CSTD_TINH", key="cstd_tq.cstd_tinh_chain",
                                   check_code="CSTD_TINH_CHAIN", step=step)
    return [
        chain,
        individual.initiative_in_period(ctx, key="cstd_tq.initiative_scopes", first=ctx.year - step * need + 1,
                                        check_code="INITIATIVE_TOAN_QUOC"),
        common.discipline_in_year(ctx),
        common.attestation(ctx, chain.legal_basis),
    ]


def _collective(ctx: Ctx, prefix: str) -> list[Check]:
    data = col.collective_data(ctx)
    checks = [data, common.rating_at_least(ctx, f"{prefix}.min_rating")]
    if data.result == "pass":
        c = ctx.request.collective
        if prefix == "ttldxs":
            checks.append(col.share(ctx, key="ttldxs.completed_share", part=c.completed_tasks, what="completed",
                                    check_code="COMPLETED_SHARE"))
        checks.append(col.share(ctx, key=f"{prefix}.ldtt_share", part=c.ldtt, what="ldtt", check_code="LDTT_SHARE"))
        if prefix == "ttldxs":
            checks.append(col.cstdcs_count(ctx, key="ttldxs.min_cstdcs"))
        checks.append(col.members_disciplined(ctx, key=f"{prefix}.max_members_disciplined"))
    checks.append(common.discipline_in_year(ctx))
    checks.append(common.attestation(ctx, checks[1].legal_basis))
    return checks


def _eval_bk_tinh(ctx: Ctx) -> list[Check]:
    if ctx.request.subject.kind != "individual":
        reason = Message("council.bk_tinh_collective", {"kind": ctx.request.subject.kind, "year": ctx.year})
        return [common.discipline_in_year(ctx), common.council_judgement(ctx, reason)]
    point_d = individual.bk_tinh_point_d(ctx)
    return [point_d, common.discipline_in_year(ctx), common.attestation(ctx, point_d.legal_basis)]


def _eval_bk_ttg(ctx: Ctx) -> list[Check]:
    if ctx.request.subject.kind != "individual":
        return [common.discipline_in_year(ctx), common.council_judgement(ctx)]
    point_b = individual.bk_ttg_point_b(ctx)
    return [point_b, common.discipline_in_year(ctx), common.attestation(ctx, point_b.legal_basis)]


def _eval_other(ctx: Ctx) -> list[Check]:
    return [common.discipline_in_year(ctx), common.council_judgement(ctx)]


# The rule of each title or form the engine evaluates (the others get the council's judgement). A title joins the
# batch run by its catalogue flag (`batch_order`) once it has a rule (here, or `register_rule`): no migration.
Evaluator = Callable[[Ctx], list[Check]]
EVALUATORS: dict[str, Evaluator] = {
    "LDTT": _eval_ldtt,
    "CSTDCS": _eval_cstdcs,
    "CSTD_TINH": _eval_cstd_tinh,
    "CSTD_TQ": _eval_cstd_tq,
    "TTLDTT": lambda ctx: _collective(ctx, "ttldtt"),
    "TTLDXS": lambda ctx: _collective(ctx, "ttldxs"),
    "BK_TINH": _eval_bk_tinh,
    "BK_TTG": _eval_bk_ttg,
}


def register_rule(code: str, evaluator: Evaluator | None) -> Evaluator | None:
    """Set (or, with None, remove) the rule of a catalogue code; returns the rule it replaces."""
    previous = EVALUATORS.get(code)
    if evaluator is None:
        EVALUATORS.pop(code, None)
    else:
        EVALUATORS[code] = evaluator
    return previous


def verdict_of(checks) -> str:
    results = {c.result for c in checks}
    if "fail" in results:
        return "not_eligible"
    if "cannot_judge" in results:
        return "needs_review"
    return "eligible"


def evaluate(request: EligibilityRequest, *, catalogue: Catalogue | None = None) -> EligibilityResult:
    """Judge one request. Pure given the catalogue snapshot."""
    catalogue = load_catalogue() if catalogue is None else catalogue
    award = catalogue.awards.get(request.award)
    if award is None:
        raise DomainError(f"Trường “award”: mã danh hiệu/hình thức “{request.award}” không có trong danh mục.")
    # A dossier is judged under the rules in force when it was received as complete (DOMAIN.md §1).
    regime = catalogue.regime_on(request.received_on) if request.received_on else catalogue.regime_for_year(request.year)
    ctx = Ctx(request, catalogue, award, regime)
    subject = common.subject_allowed(ctx)
    if subject.result == "fail":
        checks = [subject]
    else:
        checks = EVALUATORS.get(award.code, _eval_other)(ctx)
        late = common.late_proposal(ctx)
        if late is not None:
            checks.append(late)
    return EligibilityResult(award=award.code, year=request.year, regime=regime.code, verdict=verdict_of(checks),
                             checks=tuple(checks), catalogue_version=catalogue.version)


def check(payload: Any, *, catalogue: Catalogue | None = None) -> dict:
    """parse_request + evaluate → the JSON-shaped result."""
    catalogue = load_catalogue() if catalogue is None else catalogue
    return evaluate(parse_request(payload, catalogue=catalogue), catalogue=catalogue).to_dict()
