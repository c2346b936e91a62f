"""The batch evaluation equals the engine run person by person, and its query count is flat."""

from __future__ import annotations

import pytest
from django.db import connection

from tdkt.law import engine
from tdkt.law.schema import AwardEntry, DisciplineEntry, EligibilityRequest, InitiativeEntry, RatingEntry, Subject
from tdkt.org.models import Person
from tdkt.records.eligibility import eligibility_request
from tdkt.records.models import AwardRecord, Discipline, Initiative, YearRating
from tdkt.reports import batch

from .conftest import TITLES, make_people


def reference(person: Person, year: int, catalogue) -> dict:
    """The obvious way: query one person's ledger, evaluate the titles in ascending order, feeding each
    eligible title of the year to the next ones as proposed (DOMAIN.md §3)."""
    ratings = tuple(RatingEntry(r.year, r.rating) for r in YearRating.objects.filter(person=person).order_by("year"))
    awards = tuple(
        AwardEntry(a.year, a.award_code)
        for a in AwardRecord.objects.filter(person=person, revocation__isnull=True).order_by("year", "award_code", "id")
    )
    disciplines = tuple(DisciplineEntry(d.form, d.start, d.end) for d in Discipline.objects.filter(person=person).order_by("start", "id"))
    initiatives = tuple(InitiativeEntry(i.year, i.scope) for i in Initiative.objects.filter(person=person).order_by("year", "scope", "id"))
    results, proposed = {}, []
    for code in TITLES:
        held = {a.award for a in awards if a.year == year}
        request = EligibilityRequest(
            award=code, year=year, subject=Subject(kind="individual", recruited_on=person.joined_on), ratings=ratings,
            awards=awards + tuple(AwardEntry(year, c, proposed=True) for c in proposed if c not in held),
            disciplines=disciplines, initiatives=initiatives,
        )
        results[code] = engine.evaluate(request, catalogue=catalogue)
        if results[code].verdict == "eligible":
            proposed.append(code)
    return results


def test_it_gives_the_same_results_as_the_engine_person_by_person(tree):
    year = tree.year
    make_people(tree.school_a, 25, year=year, seed=1)
    make_people(tree.ward_a, 20, year=year, seed=2)
    make_people(tree.ward_b, 10, year=year, seed=3)  # outside the subtree: must not appear
    catalogue = engine.load_catalogue()

    outcomes = list(batch.batch_evaluate(unit=tree.ward_a, year=year, catalogue=catalogue, apply_local_quota=False))

    people = Person.objects.filter(unit__path__startswith=tree.ward_a.path)
    assert sorted(o.person_id for o in outcomes) == sorted(people.values_list("id", flat=True))
    verdicts_seen = set()
    for outcome in outcomes:
        expected = reference(people.get(pk=outcome.person_id), year, catalogue)
        for code in TITLES:
            assert outcome.results[code] == expected[code], (outcome.full_name, code)
            assert outcome.verdicts[code] == expected[code].verdict
            verdicts_seen.add((code, expected[code].verdict))
    # The data is varied enough to exercise the three verdicts of the lower titles.
    assert {("LDTT", "eligible"), ("LDTT", "not_eligible"), ("CSTDCS", "eligible"), ("CSTDCS", "not_eligible")} <= verdicts_seen


def test_it_counts_the_lower_title_of_the_year_under_review_as_proposed(tree):
    """Nguyễn Văn An holds CSTĐCS for the three years before `year`; with HTXSNV in `year` he is proposed for
    CSTĐCS `year`, which completes the two-year chain of the Bằng khen (Art 74(d))."""
    outcome = next(o for o in batch.batch_evaluate(unit=tree.school_a, year=tree.year) if o.person_id == tree.an.pk)
    assert outcome.verdicts["CSTDCS"] == "eligible"
    request = eligibility_request(batch_ledger(tree.school_a, tree.an.pk), "BK_TINH", tree.year, ["LDTT", "CSTDCS"])
    assert AwardEntry(tree.year, "CSTDCS", proposed=True) in request.awards
    assert outcome.results["BK_TINH"] == engine.evaluate(request, catalogue=engine.load_catalogue())


def batch_ledger(unit, person_id):
    return next(led for led in batch.iter_ledgers(unit) if led.person_id == person_id)


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-query reader is PostgreSQL's")
def test_it_reads_the_same_ledgers_in_one_query_on_postgresql(tree):
    make_people(tree.school_a, 30, year=tree.year, seed=7)
    make_people(tree.ward_a, 10, year=tree.year, seed=8)
    compact = list(batch.iter_ledgers(tree.ward_a, compact=True))
    merged = list(batch.iter_ledgers(tree.ward_a, compact=False))
    assert len(compact) == 43
    assert compact == merged


def test_it_skips_revoked_awards(tree):
    ledger = batch_ledger(tree.ward_a, tree.binh.pk)
    assert ledger.awards == []


def test_it_reads_the_ledger_in_a_constant_number_of_queries(tree, django_assert_max_num_queries):
    year = tree.year
    catalogue = engine.load_catalogue()
    make_people(tree.school_a, 5, year=year, seed=4)
    with django_assert_max_num_queries(8):
        small = list(batch.batch_evaluate(unit=tree.ward_a, year=year, catalogue=catalogue))
    make_people(tree.school_a, 60, year=year, seed=5)
    make_people(tree.ward_a, 30, year=year, seed=6)
    with django_assert_max_num_queries(8):
        large = list(batch.batch_evaluate(unit=tree.ward_a, year=year, catalogue=catalogue))
    assert len(large) == len(small) + 90


def test_the_catalogue_flags_the_titles_of_the_batch_in_order():
    from tdkt.law.catalogue import build, read_file

    assert build(read_file(), source="file").batch_titles() == TITLES
