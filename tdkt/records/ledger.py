"""A subject's ledger in memory, as the engine reads it: the entries of `tdkt.law.schema`, read from the database.

`Ledger` is the shape every reader gives (`load_ledger` for one subject here; the batch run reads a whole
subtree at once and gives the same attributes): `ratings`, `awards`, `disciplines`, `initiatives`,
`joined_on`, `service_start`, `work_years`, and for a collective `kind` and `collective`. Revoked awards (Art 93)
are not in it: they do not exist for the engine (an initiative that grounded a revoked award is free again).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Q, QuerySet

from tdkt.law.schema import AwardEntry, CollectiveData, DisciplineEntry, InitiativeEntry, RatingEntry, WorkYearEntry
from tdkt.org.models import Household, Membership, Person, Unit
from tdkt.org.subjects import subject_of

from . import catalogue
from .models import AwardRecord, Discipline, Initiative, WorkYear, YearRating


@dataclass(slots=True)
class Ledger:
    ratings: list[RatingEntry] = field(default_factory=list)
    awards: list[AwardEntry] = field(default_factory=list)
    disciplines: list[DisciplineEntry] = field(default_factory=list)
    initiatives: list[InitiativeEntry] = field(default_factory=list)
    joined_on: dt.date | None = None
    kind: str = catalogue.SubjectKind.INDIVIDUAL
    collective: CollectiveData | None = None
    service_start: dt.date | None = None
    work_years: list[WorkYearEntry] = field(default_factory=list)


WORK_YEAR_COLUMNS = ("year", "days_off", "maternity_days", "training_months", "training_result", "transfer_from", "transfer_months",
                     "transfer_comment")


def work_year_entry(year, days_off, maternity_days, training_months, training_result, transfer_from, transfer_months,
                    transfer_comment) -> WorkYearEntry:
    """A WorkYear row's values (WORK_YEAR_COLUMNS) as the engine's entry."""
    return WorkYearEntry(int(year), days_off, maternity_days or 0, training_months or 0, training_result or None, transfer_from or "",
                         transfer_months, bool(transfer_comment))


def load_ledger(subject: Person | Unit | Household, *, year: int) -> Ledger:
    """The subject's ledger up to the end of `year` (a collective's with its members' figures for the year)."""
    if isinstance(subject, Person):
        return _person_ledger(subject, year)
    fields = subject_of(subject)
    kind = catalogue.subject_kind_of(**fields)
    ledger = Ledger(kind=kind, joined_on=getattr(subject, "joined_on", None))
    ledger.ratings = [RatingEntry(y, r) for y, r in
                      YearRating.objects.filter(**fields, year__lte=year).order_by("year").values_list("year", "rating")]
    ledger.awards = [AwardEntry(y, code) for y, code in
                     AwardRecord.objects.filter(**fields, year__lte=year, revocation__isnull=True)
                     .order_by("year", "award_code", "id").values_list("year", "award_code")]
    if isinstance(subject, Unit):
        ledger.collective = collective_figures(unit=subject, year=year)
    return ledger


def _person_ledger_sql() -> str:
    q = connection.ops.quote_name
    r, a, d, i, w = (m._meta.db_table for m in (YearRating, AwardRecord, Discipline, Initiative, WorkYear))
    # typed, so that PostgreSQL matches the branches
    no_day, no_int, no_code, no_text = "CAST(NULL AS DATE)", "CAST(NULL AS INTEGER)", "CAST(NULL AS VARCHAR(32))", "CAST(NULL AS VARCHAR(255))"
    none = f"{no_text}, {no_int}, {no_int}, {no_int}, {no_int}, {no_int}"  # the working-year columns of the other rows
    # Columns: kind, year, code, two days, id, then an initiative's award (code, year) or a working year's facts (the
    # old unit's name, days off, maternity days, course months, months at the old unit, the comment as 0/1).
    return (f"SELECT 0, {q('year')}, {q('rating')}, {no_day}, {no_day}, {q('id')}, {no_code}, {none} FROM {q(r)} "
            f"WHERE {q('person_id')} = %s AND {q('year')} <= %s "
            f"UNION ALL SELECT 1, {q('year')}, {q('award_code')}, {no_day}, {no_day}, {q('id')}, {no_code}, {none} FROM {q(a)} "
            f"WHERE {q('person_id')} = %s AND {q('year')} <= %s AND {q('revocation_id')} IS NULL "
            f"UNION ALL SELECT 2, {no_int}, {q('form')}, {q('start')}, {q('end')}, {q('id')}, {no_code}, {none} FROM {q(d)} "
            f"WHERE {q('person_id')} = %s AND {q('start')} <= %s "
            f"UNION ALL SELECT 3, n.{q('year')}, n.{q('scope')}, {no_day}, {no_day}, n.{q('id')}, u.{q('award_code')}, {no_text}, "
            f"u.{q('year')}, {no_int}, {no_int}, {no_int}, {no_int} "
            f"FROM {q(i)} n LEFT JOIN {q(a)} u ON u.{q('id')} = n.{q('used_for_id')} AND u.{q('revocation_id')} IS NULL "
            f"WHERE n.{q('person_id')} = %s AND n.{q('year')} <= %s "
            f"UNION ALL SELECT 4, {q('year')}, {q('training_result')}, {no_day}, {no_day}, {q('id')}, {no_code}, {q('transfer_from')}, "
            f"{q('days_off')}, {q('maternity_days')}, {q('training_months')}, {q('transfer_months')}, "
            f"CASE WHEN {q('transfer_comment')} THEN 1 ELSE 0 END FROM {q(w)} "
            f"WHERE {q('person_id')} = %s AND {q('year')} <= %s")


def _day(value) -> dt.date:
    return dt.date.fromisoformat(value) if isinstance(value, str) else value  # SQLite gives a UNION's dates as text


def _person_ledger(person: Person, year: int) -> Ledger:
    """A person's ledger up to the end of `year` in one query (one round trip, not five: the eligibility panel's
    cost under load), in the order of the five reads it replaces."""
    last_day = dt.date(year, 12, 31)
    with connection.cursor() as cursor:
        cursor.execute(_person_ledger_sql(), [person.pk, year, person.pk, year, person.pk, last_day, person.pk, year, person.pk, year])
        rows = cursor.fetchall()
    ledger = Ledger(kind=catalogue.subject_kind_of(person=person), joined_on=person.joined_on, service_start=person.service_start)
    ledger.ratings = [RatingEntry(r[1], r[2]) for r in sorted((r for r in rows if r[0] == 0), key=lambda r: r[1])]
    ledger.awards = [AwardEntry(r[1], r[2]) for r in sorted((r for r in rows if r[0] == 1), key=lambda r: (r[1], r[2], r[5]))]
    ledger.disciplines = [DisciplineEntry(c, s, e) for _, c, s, e in
                          sorted(((r[5], r[2], _day(r[3]), _day(r[4])) for r in rows if r[0] == 2), key=lambda r: (r[2], r[0]))]
    ledger.initiatives = [InitiativeEntry(r[1], r[2], r[6], r[8]) for r in
                          sorted((r for r in rows if r[0] == 3), key=lambda r: (r[1], r[2], r[5]))]
    ledger.work_years = [work_year_entry(r[1], r[8], r[9], r[10], r[2], r[7], r[11], r[12]) for r in
                         sorted((r for r in rows if r[0] == 4), key=lambda r: r[1])]
    return ledger


def ledger_of_rows(person: Person, *, ratings, awards, disciplines, initiatives, work_years=()) -> Ledger:
    """A person's ledger from its rows already read (the profile's timeline reads them whole): the entries
    `load_ledger` reads, in its order, for every year (the request builder leaves out the years after the one
    under review). Revoked awards are left out here too, and so is the use of an initiative for one of them."""
    held = {a.pk: a for a in awards if a.revocation_id is None}

    def initiative(i) -> InitiativeEntry:
        award = held.get(i.used_for_id)
        return InitiativeEntry(i.year, i.scope, award.award_code if award else None, award.year if award else None)

    return Ledger(
        ratings=[RatingEntry(r.year, r.rating) for r in sorted(ratings, key=lambda r: r.year)],
        awards=[AwardEntry(a.year, a.award_code) for a in sorted(held.values(), key=lambda a: (a.year, a.award_code, a.pk))],
        disciplines=[DisciplineEntry(d.form, d.start, d.end) for d in sorted(disciplines, key=lambda d: (d.start, d.pk))],
        initiatives=[initiative(i) for i in sorted(initiatives, key=lambda i: (i.year, i.scope, i.pk))],
        joined_on=person.joined_on,
        kind=catalogue.subject_kind_of(person=person),
        service_start=person.service_start,
        work_years=[work_year_entry(*(getattr(w, c) for c in WORK_YEAR_COLUMNS)) for w in sorted(work_years, key=lambda w: w.year)],
    )


def collective_members(unit: Unit) -> QuerySet[Unit]:
    """The units whose people count as the collective's members: the unit and its subtree, except parts that
    are units with legal status of their own (a ward's schools are not members of the ward's collective)."""
    below = list(Unit.objects.filter(path__startswith=unit.path).exclude(pk=unit.pk).values_list("pk", "path", "has_legal_status"))
    separate = [path for _, path, legal in below if legal]
    keep = [pk for pk, path, _ in below if not any(path.startswith(p) for p in separate)]
    return Unit.objects.filter(pk__in=[unit.pk, *keep])


def collective_people(unit: Unit, year: int) -> QuerySet[Person]:
    """People with a membership in the collective overlapping the year."""
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    ids = Membership.objects.filter(unit__in=collective_members(unit), start__lte=end).filter(
        Q(end__isnull=True) | Q(end__gte=start)
    ).values("person_id")
    return Person.objects.filter(pk__in=ids)


def collective_figures(*, unit: Unit, year: int) -> CollectiveData:
    """The collective's members in the year and how many completed their tasks, hold LĐTT, CSTĐCS, and were
    disciplined at the catalogue's threshold or above (cảnh cáo: Art 27, 28)."""
    ids = list(collective_people(unit, year).values_list("pk", flat=True))
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    holders = AwardRecord.objects.filter(person_id__in=ids, year=year, revocation__isnull=True)
    completed = catalogue.at_least("rating.order", "rating.completed_from", year)
    heavy = catalogue.at_or_above("discipline.order", "collective.member_discipline_from", year)
    return CollectiveData(
        members=len(ids),
        completed_tasks=YearRating.objects.filter(person_id__in=ids, year=year, rating__in=completed).count(),
        ldtt=holders.filter(award_code="LDTT").values("person_id").distinct().count(),
        cstdcs=holders.filter(award_code="CSTDCS").values("person_id").distinct().count(),
        disciplined_canh_cao_or_above=Discipline.objects.filter(person_id__in=ids, form__in=heavy, start__lte=end, end__gte=start)
        .values("person_id").distinct().count(),
    )
