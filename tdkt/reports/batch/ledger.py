"""The batch run's view of the ledger: one `PersonLedger` per person of a subtree, read set-based.

A PersonLedger has the attributes of `tdkt.records.ledger.Ledger` (what the one request builder,
`records.eligibility.eligibility_request`, reads) plus the person's row (ids, name, sort key, birth date).
Here is the reader of every database (five streamed queries merged in Python, ordered by person); PostgreSQL
uses the one-query reader of `compact`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import F

from tdkt.law.schema import AwardEntry, DisciplineEntry, InitiativeEntry, RatingEntry, WorkYearEntry
from tdkt.org.models import Person, Unit
from tdkt.records.ledger import WORK_YEAR_COLUMNS, work_year_entry
from tdkt.records.models import AwardRecord, Discipline, Initiative, WorkYear, YearRating

CHUNK = 5000


@dataclass(slots=True)
class PersonLedger:
    person_id: int
    unit_id: int
    full_name: str
    name_sort_key: str
    date_of_birth: dt.date | None
    joined_on: dt.date | None
    ratings: list[RatingEntry] = field(default_factory=list)
    awards: list[AwardEntry] = field(default_factory=list)
    disciplines: list[DisciplineEntry] = field(default_factory=list)
    initiatives: list[InitiativeEntry] = field(default_factory=list)
    service_start: dt.date | None = None
    work_years: list[WorkYearEntry] = field(default_factory=list)
    kind = "individual"  # the batch judges individuals (records.ledger.Ledger's attributes)
    collective = None


def people_queryset(unit: Unit):
    return Person.objects.filter(unit__path__startswith=unit.path)


def count_people(unit: Unit) -> int:
    return people_queryset(unit).count()


def _stream(qs, chunk_size: int) -> Iterator[tuple]:
    return qs.iterator(chunk_size=chunk_size)


def iter_ledgers(unit: Unit, *, chunk_size: int = CHUNK, compact: bool | None = None) -> Iterator[PersonLedger]:
    """Every person under the unit with their whole ledger, ordered by person id.

    Entries are in a total order: ratings by year, awards by (year, code, id), disciplines by (start, id),
    initiatives by (year, scope, id). Revoked awards (Art 93) are left out: they do not exist for the engine.
    On PostgreSQL one query returns one row per person (`iter_ledgers_compact`); elsewhere five streamed
    queries are merged in Python.
    """
    if compact is None:
        compact = connection.vendor == "postgresql"
    if compact:
        from .compact import iter_ledgers_compact

        yield from iter_ledgers_compact(unit, chunk_size=chunk_size)
        return
    path = unit.path
    people = _stream(
        people_queryset(unit)
        .order_by("id")
        .values_list("id", "unit_id", "full_name", "name_sort_key", "date_of_birth", "joined_on", "service_start"),
        chunk_size,
    )
    scope = {"person__unit__path__startswith": path}
    ratings = _stream(
        YearRating.objects.filter(**scope).order_by("person_id", "year").values_list("person_id", "year", "rating"),
        chunk_size,
    )
    awards = _stream(
        AwardRecord.objects.filter(**scope, revocation__isnull=True)
        .order_by("person_id", "year", "award_code", "id")
        .values_list("person_id", "year", "award_code"),
        chunk_size,
    )
    disciplines = _stream(
        Discipline.objects.filter(**scope).order_by("person_id", "start", "id").values_list("person_id", "form", "start", "end"),
        chunk_size,
    )
    # An initiative comes with the award it grounded (none when that award was revoked: it is free again).
    initiatives = _stream(
        Initiative.objects.filter(**scope).order_by("person_id", "year", "scope", "id")
        .values_list("person_id", "year", "scope", F("used_for__award_code"), F("used_for__year"),
                     F("used_for__revocation_id")),
        chunk_size,
    )
    work_years = _stream(
        WorkYear.objects.filter(**scope).order_by("person_id", "year").values_list("person_id", *WORK_YEAR_COLUMNS), chunk_size)
    yield from merge_ledgers(people, ratings, awards, disciplines, initiatives, work_years)


# Each ledger table is aggregated per person over the subtree (joined to its person and unit, not to a CTE: a CTE
# is materialised and sorted once per table), then merge-joined to the people in person order.
def merge_ledgers(people, ratings, awards, disciplines, initiatives, work_years=()) -> Iterator[PersonLedger]:
    """Merge streams ordered by person id into one PersonLedger per person (rows of people that are not in
    `people`, e.g. moved between the queries, are skipped)."""
    def cursor(rows):
        it = iter(rows)
        return it, next(it, None)

    r_it, r = cursor(ratings)
    a_it, a = cursor(awards)
    d_it, d = cursor(disciplines)
    i_it, i = cursor(initiatives)
    w_it, w = cursor(work_years)
    for person_id, unit_id, full_name, sort_key, dob, joined, *more in people:
        ledger = PersonLedger(person_id, unit_id, full_name, sort_key, dob, joined)
        if more and more[0] is not None:
            ledger.service_start = more[0]
        while r is not None and r[0] <= person_id:
            if r[0] == person_id:
                ledger.ratings.append(RatingEntry(r[1], r[2]))
            r = next(r_it, None)
        while a is not None and a[0] <= person_id:
            if a[0] == person_id:
                ledger.awards.append(AwardEntry(a[1], a[2]))
            a = next(a_it, None)
        while d is not None and d[0] <= person_id:
            if d[0] == person_id:
                ledger.disciplines.append(DisciplineEntry(d[1], d[2], d[3]))
            d = next(d_it, None)
        while i is not None and i[0] <= person_id:
            if i[0] == person_id:
                used = len(i) > 3 and i[3] is not None and i[5] is None
                ledger.initiatives.append(InitiativeEntry(i[1], i[2], i[3], i[4]) if used else InitiativeEntry(i[1], i[2]))
            i = next(i_it, None)
        while w is not None and w[0] <= person_id:
            if w[0] == person_id:
                ledger.work_years.append(work_year_entry(*w[1:]))
            w = next(w_it, None)
        yield ledger

