"""Accent-insensitive search of people and units by name, over their indexed word tables (see core.search).

Every typed word must start some word of the name, in any order, ignoring tones and letter marks ("nguyen van
an" finds "Nguyễn Văn An"); a typed letter mark narrows ("ă", "đ" match only that letter). The word tables are
kept by org.services on create and rename; `index_people` and `index_units` rebuild them after a bulk load.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.db.models import Q

from .models import Person, PersonWord, Unit, UnitWord


def person_q(query: str, prefix: str = "") -> Q:
    """Q matching people (or, through `prefix` such as "person__", rows of people) whose name matches the query."""
    return PersonWord.matching(query, prefix)


def unit_q(query: str, prefix: str = "") -> Q:
    """Q matching units (or rows whose unit is at `prefix`, e.g. "unit__") whose name or short name matches."""
    return UnitWord.matching(query, prefix)


def name_q(query: str) -> Q:
    """The people search (kept for its callers): `person_q`."""
    return person_q(query)


def index_person(person: Person) -> None:
    PersonWord.replace(person.pk, person.full_name)


def index_unit(unit: Unit) -> None:
    UnitWord.replace(unit.pk, unit.name, unit.short_name)


def index_people(people: Iterable[Person]) -> int:
    """Rewrite the words of people written in bulk (demo, bench); returns the number of words."""
    people = list(people)
    PersonWord.objects.filter(person_id__in=[p.pk for p in people]).delete()
    rows = [row for p in people for row in PersonWord.rows(p.pk, p.full_name)]
    PersonWord.objects.bulk_create(rows, batch_size=2000)
    return len(rows)


def index_units(units: Iterable[Unit]) -> int:
    """Rewrite the words of units written in bulk; returns the number of words."""
    units = list(units)
    UnitWord.objects.filter(unit_id__in=[u.pk for u in units]).delete()
    rows = [row for u in units for row in UnitWord.rows(u.pk, u.name, u.short_name)]
    UnitWord.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
