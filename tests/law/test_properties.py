"""Properties of the engine over generated histories (hypothesis, fixed budget)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tdkt.law import engine
from tdkt.law.schema import AwardEntry, DisciplineEntry, EligibilityRequest, InitiativeEntry, RatingEntry, Subject

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
initiatives_st = st.lists(st.tuples(st.sampled_from(YEARS), st.sampled_from(SCOPES)), max_size=5).map(
    lambda items: tuple(InitiativeEntry(y, s) for y, s in items))


@st.composite
def discipline_st(draw):
    start = dt.date(2018, 1, 1) + dt.timedelta(days=draw(st.integers(0, 8 * 365)))
    return DisciplineEntry(draw(st.sampled_from(FORMS)), start, start + dt.timedelta(days=draw(st.integers(0, 730))))


recruited_st = st.one_of(st.none(), st.dates(dt.date(2015, 1, 1), dt.date(YEAR, 12, 31)))


@st.composite
def request_st(draw, codes=CODES):
    return EligibilityRequest(
        award=draw(st.sampled_from(codes)), year=YEAR, subject=Subject("individual", draw(recruited_st)),
        ratings=draw(ratings_st), awards=draw(awards_st),
        disciplines=tuple(draw(st.lists(discipline_st(), max_size=2))), initiatives=draw(initiatives_st),
    )


def verdict(request):
    return engine.evaluate(request, catalogue=FILE_CATALOGUE).verdict


@PROFILE
@given(request_st(), discipline_st())
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
@given(request_st())
def test_it_always_explains_each_check_with_a_legal_basis(request):
    result = engine.evaluate(request, catalogue=FILE_CATALOGUE)
    assert result.checks
    assert all(c.message and c.legal_basis for c in result.checks)
    assert result.verdict == engine.verdict_of(result.checks)
