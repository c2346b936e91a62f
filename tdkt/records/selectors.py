"""Ledger selectors: a person's timeline by year, awards of a subject. (The engine's request: `eligibility`.)"""

from __future__ import annotations

from django.db.models import QuerySet

from tdkt.org.models import Person, Unit

from .models import AwardRecord, Discipline, Initiative, YearRating


def awards_of(*, person: Person | None = None, unit: Unit | None = None, include_revoked: bool = False) -> QuerySet[AwardRecord]:
    qs = AwardRecord.objects.filter(person=person) if person is not None else AwardRecord.objects.filter(unit=unit)
    if not include_revoked:
        qs = qs.filter(revocation__isnull=True)
    return qs.select_related("issuer", "revocation").order_by("-year", "award_code")


def ledger_timeline(person: Person) -> list[dict]:
    """The person's ledger grouped by year, most recent first: {year, ratings, awards, disciplines, initiatives}.

    Awards include revoked ones (with their revocation) and keep their issuer even when it is dissolved;
    a discipline is listed under the year it starts.
    """
    years: dict[int, dict] = {}

    def entry(year: int) -> dict:
        return years.setdefault(year, {"year": year, "ratings": [], "awards": [], "disciplines": [], "initiatives": []})

    for row in YearRating.objects.filter(person=person).order_by("year"):
        entry(row.year)["ratings"].append(row)
    for row in (AwardRecord.objects.filter(person=person).select_related("issuer", "revocation")
                .order_by("year", "decision_date", "award_code")):
        entry(row.year)["awards"].append(row)
    for row in Discipline.objects.filter(person=person).order_by("start"):
        entry(row.start.year)["disciplines"].append(row)
    for row in Initiative.objects.filter(person=person).order_by("year", "id"):
        entry(row.year)["initiatives"].append(row)
    return [years[y] for y in sorted(years, reverse=True)]
