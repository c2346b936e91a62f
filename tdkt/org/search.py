"""Accent-insensitive search of people and units by name, over their indexed word tables (see core.search).

Every typed word must start some word of the name, in any order, ignoring tones and letter marks ("nguyen van
an" finds "Nguyễn Văn An"); a typed letter mark narrows ("ă", "đ" match only that letter). The word tables are
kept by org.services on create and rename; `index_people` and `index_units` rebuild them after a bulk load.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db import connection
from django.db.models import BooleanField, Expression, F, Q

from tdkt.core import vntext

from .models import Person, PersonWord, Unit, UnitWord


def person_q(query: str, prefix: str = "") -> Q:
    """Q matching people (or, through `prefix` such as "person__", rows of people) whose name matches the query.

    On PostgreSQL the typed words are asked, as whole terms (`vntext.query_terms`), of the GIN-indexed tsvector of
    `search_text`, which holds every beginning of every word, folded and marked ("nguyen & (đang | đăng | đâng)"):
    the index intersects the typed words' lists itself. SQLite asks the word table alone (as does a word of too many
    spellings). Both give the same people (tests/org/test_search.py runs on both)."""
    terms = vntext.query_terms(query) if connection.vendor == "postgresql" else None
    if not terms or not all(TSQUERY_WORD.fullmatch(t) for options in terms for t in options):
        return PersonWord.matching(query, prefix)
    tsquery = " & ".join(options[0] if len(options) == 1 else "(" + " | ".join(options) + ")" for options in terms)
    return Q(WordsMatch(tsquery, F(f"{prefix}search_text")))


TSQUERY_WORD = re.compile(r"[a-z0-9ăâđêôơư]+")  # letters and digits: nothing of tsquery's syntax


class WordsMatch(Expression):
    """`<the person's search_tsv> @@ to_tsquery('simple', terms)`: the generated tsvector of `search_text`,
    reached through the same column reference (joins and subquery aliases follow it)."""

    conditional = True
    output_field = BooleanField()

    def __init__(self, terms: str, source):
        super().__init__()
        self.terms, self.source = terms, source

    def get_source_expressions(self):
        return [self.source]

    def set_source_expressions(self, exprs):
        [self.source] = exprs

    def resolve_expression(self, query=None, allow_joins=True, reuse=None, summarize=False, for_save=False):
        clone = self.copy()
        clone.source = self.source.resolve_expression(query, allow_joins, reuse, summarize, for_save)
        return clone

    def as_sql(self, compiler, connection):
        sql, params = compiler.compile(self.source)
        column = '"search_text"'
        if not sql.endswith(column):
            raise ValueError(f"WordsMatch needs the search_text column, not {sql}")
        return sql[: -len(column)] + '"search_tsv" @@ to_tsquery(\'simple\', %s)', [*params, self.terms]


def unit_q(query: str, prefix: str = "") -> Q:
    """Q matching units (or rows whose unit is at `prefix`, e.g. "unit__") whose name or short name matches."""
    return UnitWord.matching(query, prefix)


def name_q(query: str) -> Q:
    """The people search (kept for its callers): `person_q`."""
    return person_q(query)


def index_person(person: Person) -> None:
    PersonWord.replace(person.pk, person.full_name)
    person.search_text = vntext.search_text(person.full_name)
    Person.objects.filter(pk=person.pk).update(search_text=person.search_text)


def index_unit(unit: Unit) -> None:
    UnitWord.replace(unit.pk, unit.name, unit.short_name)


def index_people(people: Iterable[Person]) -> int:
    """Rewrite the words of people written in bulk (demo, bench); returns the number of words."""
    people = list(people)
    PersonWord.objects.filter(person_id__in=[p.pk for p in people]).delete()
    rows = [row for p in people for row in PersonWord.rows(p.pk, p.full_name)]
    PersonWord.objects.bulk_create(rows, batch_size=2000)
    for person in people:
        person.search_text = vntext.search_text(person.full_name)
    Person.objects.bulk_update(people, ["search_text"], batch_size=1000)
    return len(rows)


def index_units(units: Iterable[Unit]) -> int:
    """Rewrite the words of units written in bulk; returns the number of words."""
    units = list(units)
    UnitWord.objects.filter(unit_id__in=[u.pk for u in units]).delete()
    rows = [row for u in units for row in UnitWord.rows(u.pk, u.name, u.short_name)]
    UnitWord.objects.bulk_create(rows, batch_size=2000)
    return len(rows)
