"""Properties of the engine over generated histories (hypothesis, fixed budget)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt.law import engine
from tdkt.law.schema import (
    AwardEntry,
    DisciplineEntry,
    EligibilityRequest,
    InitiativeEntry,
    RatingEntry,
    Subject,
    WorkYearEntry,
)

from .helpers import FILE_CATALOGUE

YEAR = 2025
YEARS = list(range(2018, YEAR + 1))
RATINGS = ["HTXSNV", "HTTNV", "HTNV", "KHTNV"]
FORMS = ["KHIEN_TRACH", "CANH_CAO", "HA_BAC_LUONG", "GIANG_CHUC", "CACH_CHUC", "BUOC_THOI_VIEC"]
SCOPES = ["CO_SO", "TINH", "TOAN_QUOC"]
CODES = ["LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "BK_TINH", "BK_TTG", "GIAY_KHEN"]
RANK = {"not_eligible": 0, "needs_review": 1, "eligible": 2}
PROFILE = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ratings_st = st.dictionaries(st.sampled_from(YEARS), st.sampled_from(RATINGS), max_size=len(YEARS)).map(
    lambda d: tuple(RatingEntry(y, r) for y, r in sorted(d.items())))
awards_st = st.lists(st.tuples(st.sampled_from(YEARS), st.sampled_from(["LDTT", "CSTDCS", "CSTD_TINH", "BK_TINH"]), st.booleans()), max_size=10).map(
    lambda items: tuple(AwardEntry(y, a, p) for y, a, p in items))
USED_FOR = [None, None, ("CSTDCS", 2024), ("BK_TINH", 2025), ("CSTD_TINH", 2025)]
initiatives_st = st.lists(st.tuples(st.sampled_from(YEARS), st.sampled_from(SCOPES), st.sampled_from(USED_FOR)), max_size=5).map(
    lambda items: tuple(InitiativeEntry(y, s, *(u or (None, None))) for y, s, u in items))
RESULTS = ["XUAT_SAC", "GIOI", "KHA", "TRUNG_BINH_KHA", "TRUNG_BINH", "YEU", None]


@st.composite
def work_year_st(draw, year: int):
    days_off = draw(st.one_of(st.none(), st.integers(0, 120)))
    maternity = draw(st.integers(0, days_off)) if days_off else 0
    months = draw(st.sampled_from([0, 0, 3, 12, 18]))
    transfer = draw(st.sampled_from([None, ("Phường Láng", 7, False), ("Phường Láng", 7, True), ("", 3, False), ("Xã A", None, False)]))
    from_unit, transfer_months, comment = transfer or ("", None, False)
    return WorkYearEntry(year, days_off, maternity, months, draw(st.sampled_from(RESULTS)) if months else None, from_unit,
                         transfer_months, comment)


@st.composite
def discipline_st(draw):
    start = dt.date(2018, 1, 1) + dt.timedelta(days=draw(st.integers(0, 8 * 365)))
    return DisciplineEntry(draw(st.sampled_from(FORMS)), start, start + dt.timedelta(days=draw(st.integers(0, 730))))


recruited_st = st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), dt.date(YEAR, 12, 31)))
# The year under review: today's law and the older regimes (NĐ 65/2014 until 30/9/2017, NĐ 91/2017 after).
REVIEW_YEARS = [YEAR, YEAR, 2024, 2019, 2016]


@st.composite
def request_st(draw, codes=CODES, years=(YEAR,)):
    year = draw(st.sampled_from(years))
    work = draw(st.one_of(st.none(), work_year_st(year)))
    return EligibilityRequest(
        award=draw(st.sampled_from(codes)), year=year,
        subject=Subject("individual", draw(recruited_st), draw(st.one_of(st.none(), st.dates(dt.date(2014, 1, 1), dt.date(YEAR, 12, 31))))),
        ratings=draw(ratings_st), awards=draw(awards_st),
        disciplines=tuple(draw(st.lists(discipline_st(), max_size=2))), initiatives=draw(initiatives_st),
        work_years=(work,) if work is not None else (),
    )


def verdict(request):
    return engine.evaluate(request, catalogue=FILE_CATALOGUE).verdict


@PROFILE
@given(request_st(years=REVIEW_YEARS), discipline_st())
def test_it_never_lets_a_discipline_help(request, discipline):
    before = verdict(request)
    after = verdict(dataclasses.replace(request, disciplines=request.disciplines + (discipline,)))
    assert RANK[after] <= RANK[before]
    if before == "not_eligible":
        assert after != "eligible"


@PROFILE
@given(request_st(codes=["CSTD_TINH", "CSTD_TQ", "BK_TINH", "BK_TTG"]), st.data())
def test_it_never_lets_removing_a_title_help_a_chain(request, data):
    if not request.awards:
        return
    drop = data.draw(st.integers(0, len(request.awards) - 1))
    fewer = dataclasses.replace(request, awards=request.awards[:drop] + request.awards[drop + 1:])
    if verdict(request) == "not_eligible":
        assert verdict(fewer) != "eligible"
    assert RANK[verdict(fewer)] <= RANK[verdict(request)]


@PROFILE
@given(request_st(codes=["LDTT"]), st.sampled_from(RATINGS))
def test_it_never_lets_a_better_rating_hurt_ldtt(request, better):
    current = next((r.rating for r in request.ratings if r.year == YEAR), None)
    if current is None or RATINGS.index(better) > RATINGS.index(current):
        return  # a missing rating is not a worse one: only compare a rating with a better one
    others = tuple(r for r in request.ratings if r.year != YEAR)
    improved = dataclasses.replace(request, ratings=others + (RatingEntry(YEAR, better),))
    assert RANK[verdict(improved)] >= RANK[verdict(request)]


@PROFILE
@given(request_st(years=REVIEW_YEARS))
def test_it_always_explains_each_check_with_a_legal_basis(request):
    result = engine.evaluate(request, catalogue=FILE_CATALOGUE)
    assert result.checks
    assert all(c.message and c.legal_basis for c in result.checks)
    assert result.verdict == engine.verdict_of(result.checks)


@PROFILE
@given(request_st(codes=["LDTT", "CSTDCS"], years=REVIEW_YEARS), st.integers(0, 120), st.integers(1, 60))
def test_it_never_lets_more_days_off_help(request, days, more):
    """Adding days off never helps (NĐ 65/2014: 40 working days off, no LĐTT; later regimes: no such rule)."""
    old = request.work_years[0] if request.work_years else WorkYearEntry(request.year)
    fewer = dataclasses.replace(request, work_years=(dataclasses.replace(old, days_off=max(days, old.maternity_days)),))
    longer = dataclasses.replace(fewer, work_years=(dataclasses.replace(fewer.work_years[0], days_off=fewer.work_years[0].days_off + more),))
    assert RANK[verdict(longer)] <= RANK[verdict(fewer)]
    if verdict(fewer) == "not_eligible":
        assert verdict(longer) != "eligible"


@PROFILE
@given(request_st(years=REVIEW_YEARS), st.data())
def test_it_never_lets_using_an_initiative_elsewhere_help(request, data):
    """One initiative grounds one award (CV 5007/BNV-TĐKT): marking one as used by another award never helps."""
    if not request.initiatives:
        return
    pick = data.draw(st.integers(0, len(request.initiatives) - 1))
    other = data.draw(st.sampled_from([c for c in ("CSTDCS", "BK_TINH", "CSTD_TINH", "GIAY_KHEN") if c != request.award]))
    chosen = request.initiatives[pick]
    used = dataclasses.replace(chosen, used_for=other, used_year=chosen.year)
    elsewhere = dataclasses.replace(request, initiatives=request.initiatives[:pick] + (used,) + request.initiatives[pick + 1:])
    assert RANK[verdict(elsewhere)] <= RANK[verdict(request)]
    if verdict(request) == "not_eligible":
        assert verdict(elsewhere) != "eligible"
