"""Ledger selectors: the engine's JSON body built from the ledger, and a person's timeline by year."""

from __future__ import annotations

import datetime as dt

from django.db.models import Q, QuerySet

from tdkt.org.models import Membership, Person, Unit

from . import catalogue
from .models import AwardRecord, Discipline, Initiative, Rating, YearRating

COMPLETED = (Rating.HTXSNV, Rating.HTTNV, Rating.HTNV)
CANH_CAO_OR_ABOVE = ("CANH_CAO", "HA_BAC_LUONG", "GIANG_CHUC", "CACH_CHUC", "BUOC_THOI_VIEC")


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


def awards_of(*, person: Person | None = None, unit: Unit | None = None, include_revoked: bool = False) -> QuerySet[AwardRecord]:
    qs = AwardRecord.objects.filter(person=person) if person is not None else AwardRecord.objects.filter(unit=unit)
    if not include_revoked:
        qs = qs.filter(revoked_on__isnull=True)
    return qs.select_related("issuer").order_by("-year", "award_code")


def _history(*, person: Person | None, unit: Unit | None, year: int) -> dict:
    subject = {"person": person} if person is not None else {"unit": unit}
    ratings = YearRating.objects.filter(**subject, year__lte=year).order_by("year")
    awards = AwardRecord.objects.filter(**subject, year__lte=year, revoked_on__isnull=True).order_by("year", "award_code")
    history = {
        "ratings": [{"year": r.year, "rating": r.rating} for r in ratings],
        "awards": [{"year": a.year, "award": a.award_code} for a in awards],
        "disciplines": [],
        "initiatives": [],
    }
    if person is not None:
        last_day = dt.date(year, 12, 31)
        history["disciplines"] = [
            {"form": d.form, "start": d.start.isoformat(), "end": d.end.isoformat()}
            for d in Discipline.objects.filter(person=person, start__lte=last_day).order_by("start")
        ]
        history["initiatives"] = [
            {"year": i.year, "scope": i.scope}
            for i in Initiative.objects.filter(person=person, year__lte=year).order_by("year", "id")
        ]
    return history


def history_payload(*, person: Person, award_code: str, year: int) -> dict:
    """The eligibility engine's JSON body for a person: their ledger up to `year` (revoked awards excluded)."""
    subject: dict = {"kind": catalogue.INDIVIDUAL}
    if person.joined_on:
        subject["recruited_on"] = person.joined_on.isoformat()
    return {"award": award_code, "year": int(year), "subject": subject,
            "history": _history(person=person, unit=None, year=int(year))}


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


def collective_data(*, unit: Unit, year: int) -> dict:
    people = collective_people(unit, year)
    ids = list(people.values_list("pk", flat=True))
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    holders = AwardRecord.objects.filter(person_id__in=ids, year=year, revoked_on__isnull=True)
    return {
        "members": len(ids),
        "completed_tasks": YearRating.objects.filter(person_id__in=ids, year=year, rating__in=COMPLETED).count(),
        "ldtt": holders.filter(award_code="LDTT").values("person_id").distinct().count(),
        "cstdcs": holders.filter(award_code="CSTDCS").values("person_id").distinct().count(),
        "disciplined_canh_cao_or_above": Discipline.objects.filter(
            person_id__in=ids, form__in=CANH_CAO_OR_ABOVE, start__lte=end, end__gte=start
        ).values("person_id").distinct().count(),
    }


def collective_payload(*, unit: Unit, award_code: str, year: int) -> dict:
    """The engine's JSON body for a collective: its own ratings and awards, and its members' figures for `year`."""
    return {
        "award": award_code,
        "year": int(year),
        "subject": {"kind": catalogue.subject_kind_of(unit=unit)},
        "history": _history(person=None, unit=unit, year=int(year)),
        "collective": collective_data(unit=unit, year=int(year)),
    }


def ledger_timeline(person: Person) -> list[dict]:
    """The person's ledger grouped by year, most recent first: {year, ratings, awards, disciplines, initiatives}.

    Awards include revoked ones (marked by revoked_on) and keep their issuer even when it is dissolved;
    a discipline is listed under the year it starts.
    """
    years: dict[int, dict] = {}

    def entry(year: int) -> dict:
        return years.setdefault(year, {"year": year, "ratings": [], "awards": [], "disciplines": [], "initiatives": []})

    for row in YearRating.objects.filter(person=person).order_by("year"):
        entry(row.year)["ratings"].append(row)
    for row in AwardRecord.objects.filter(person=person).select_related("issuer").order_by("year", "decision_date", "award_code"):
        entry(row.year)["awards"].append(row)
    for row in Discipline.objects.filter(person=person).order_by("start"):
        entry(row.start.year)["disciplines"].append(row)
    for row in Initiative.objects.filter(person=person).order_by("year", "id"):
        entry(row.year)["initiatives"].append(row)
    return [years[y] for y in sorted(years, reverse=True)]
