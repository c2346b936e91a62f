"""PostgreSQL: the subtree's whole ledger in ONE query, one row per person in person order, parsed lazily.

Each ledger table is folded per person into a string of tokens by string_agg ("2024:HTXSNV,2023:HTTNV");
a `CompactLedger` is the query's row itself (a tuple), parsed into entries only when asked, tokens parsed at
most once per run and their entries shared (docs/decisions/0005-batch-eligibility.md).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from operator import itemgetter

from django.db import connection

from tdkt.law.schema import AwardEntry, DisciplineEntry, InitiativeEntry, RatingEntry
from tdkt.org.models import Unit
from tdkt.records.ledger import WORK_YEAR_COLUMNS, work_year_entry

from .ledger import CHUNK, PersonLedger
from .readahead import read_ahead, read_here

# Each ledger table is aggregated per person over the subtree (joined to its person and unit, not to a CTE: a CTE
# is materialised and sorted once per table), then merge-joined to the people in person order.
IN_SUBTREE = "JOIN org_person sp ON sp.id = {t}.person_id JOIN org_unit su ON su.id = sp.unit_id AND su.path LIKE %(path)s"

COMPACT_SQL = f"""
SELECT p.unit_id, p.id, p.full_name, p.name_sort_key, p.date_of_birth, p.joined_on, y.v, w.v, k.v, n.v, p.service_start, f.v
FROM org_person p JOIN org_unit u ON u.id = p.unit_id
LEFT JOIN (
    SELECT y.person_id, string_agg(y.year || ':' || y.rating, ',') AS v
    FROM records_yearrating y {IN_SUBTREE.format(t="y")}
    GROUP BY y.person_id
) y ON y.person_id = p.id
LEFT JOIN (
    SELECT w.person_id, string_agg(w.year || ':' || w.award_code, ',') AS v
    FROM records_awardrecord w {IN_SUBTREE.format(t="w")}
    WHERE w.revocation_id IS NULL
    GROUP BY w.person_id
) w ON w.person_id = p.id
LEFT JOIN (
    SELECT k.person_id, string_agg(k.form || ':' || k.start || ':' || k."end", ',' ORDER BY k.start, k.id) AS v
    FROM records_discipline k {IN_SUBTREE.format(t="k")}
    GROUP BY k.person_id
) k ON k.person_id = p.id
LEFT JOIN (
    SELECT n.person_id, string_agg(n.year || ':' || n.scope || COALESCE(':' || g.award_code || ':' || g.year, ''), ',') AS v
    FROM records_initiative n {IN_SUBTREE.format(t="n")}
    LEFT JOIN records_awardrecord g ON g.id = n.used_for_id AND g.revocation_id IS NULL
    GROUP BY n.person_id
) n ON n.person_id = p.id
LEFT JOIN (
    SELECT f.person_id, json_agg(json_build_array({", ".join("f." + c for c in WORK_YEAR_COLUMNS)}) ORDER BY f.year) AS v
    FROM records_workyear f {IN_SUBTREE.format(t="f")}
    GROUP BY f.person_id
) f ON f.person_id = p.id
WHERE u.path LIKE %(path)s
ORDER BY p.id
"""
# Ordered by person, the plan is merge joins of the aggregates over the ledger's person indexes: rows leave the
# server as they are built (the first after ≈ 0.1 s at 200,000 people) instead of after a sort of all of them.



class _Tokens(dict):
    """token "2024:HTXSNV" → its (shared, immutable) entry, parsed once per run."""

    def __init__(self, make):
        super().__init__()
        self.make = make

    def __missing__(self, token):
        entry = self[token] = self.make(token)
        return entry

    def parse(self, text: str | None) -> list:
        return list(map(self.__getitem__, text.split(","))) if text else []

    def parse_sorted(self, text: str | None) -> list:
        """Tokens "YYYY:CODE" sorted as strings, i.e. by (year, code) in code-point order (the database's C
        collation): the order of the other reader, without a sort per person in the database."""
        if not text:
            return []
        tokens = text.split(",")
        tokens.sort()
        return list(map(self.__getitem__, tokens))


def _rating(token: str) -> RatingEntry:
    year, rating = token.split(":")
    return RatingEntry(int(year), rating)


def _award(token: str) -> AwardEntry:
    year, code = token.split(":")
    return AwardEntry(int(year), code)


def _initiative(token: str) -> InitiativeEntry:
    """'2024:CO_SO', or with the award it grounded '2024:CO_SO:CSTDCS:2024'."""
    parts = token.split(":")
    if len(parts) == 4:
        return InitiativeEntry(int(parts[0]), parts[1], parts[2], int(parts[3]))
    year, scope = parts
    return InitiativeEntry(int(year), scope)


def _discipline(token: str) -> DisciplineEntry:
    form, start, end = token.split(":")
    return DisciplineEntry(form, dt.date.fromisoformat(start), dt.date.fromisoformat(end))


class Parsers:
    """The token parsers of one run (entries shared between people), and the people parsed so far."""

    __slots__ = ("ratings", "awards", "disciplines", "initiatives", "parsed")

    def __init__(self):
        self.ratings, self.awards = _Tokens(_rating), _Tokens(_award)
        self.disciplines, self.initiatives = _Tokens(_discipline), _Tokens(_initiative)
        self.parsed: dict[int, PersonLedger] = {}


PARSERS = 12  # the position of the run's parsers in a CompactLedger (after the query's columns)


class CompactLedger(tuple):
    """A person's ledger as read by the one-query reader: the query's row (unit id, person id, full name, sort
    key, birth date, recruitment date, the four token strings, the start of continuous service, the working
    years as JSON) and the run's parsers. It is parsed into entries
    only when asked (`ratings`, ... give the same lists as `PersonLedger`): the memo reads most people's facts
    from the token strings themselves (`Memo.facts_of`), so most people are never parsed. A tuple, so that
    200,000 of them cost no Python-level constructor."""

    __slots__ = ()
    kind = "individual"  # the batch judges individuals (records.ledger.Ledger's attributes)
    collective = None
    unit_id = property(itemgetter(0))
    person_id = property(itemgetter(1))
    full_name = property(itemgetter(2))
    name_sort_key = property(itemgetter(3))
    date_of_birth = property(itemgetter(4))
    joined_on = property(itemgetter(5))
    r = property(itemgetter(6))
    a = property(itemgetter(7))
    d = property(itemgetter(8))
    i = property(itemgetter(9))
    service_start = property(itemgetter(10))
    _parsers = property(itemgetter(PARSERS))

    def ledger(self) -> PersonLedger:
        parsers = self[PARSERS]
        parsed = parsers.parsed.get(self[1])
        if parsed is None:
            unit_id, person_id, full_name, sort_key, dob, joined, r, a, d, i, service, work, p = self
            parsed = parsers.parsed[person_id] = PersonLedger(
                person_id, unit_id, full_name, sort_key, dob, joined, p.ratings.parse_sorted(r), p.awards.parse_sorted(a),
                p.disciplines.parse(d), p.initiatives.parse_sorted(i), service,
                [work_year_entry(*values) for values in work] if work else [])
        return parsed

    ratings = property(lambda self: self.ledger().ratings)
    awards = property(lambda self: self.ledger().awards)
    disciplines = property(lambda self: self.ledger().disciplines)
    initiatives = property(lambda self: self.ledger().initiatives)
    work_years = property(lambda self: self.ledger().work_years)


def iter_compact(unit: Unit, *, chunk_size: int = CHUNK) -> Iterator[CompactLedger]:
    """PostgreSQL: the subtree's ledger in ONE query, one row per person in person order, each ledger table
    folded into a string of tokens by string_agg (unordered: the tokens "YYYY:CODE" are sorted when parsed,
    disciplines in the query); tokens are parsed at most once per run and their entries shared.

    Outside a transaction the rows are read ahead by a thread on its own connection (`_read_ahead`), so the
    server builds the next rows while this thread evaluates; inside one (a caller's atomic block, the tests)
    the caller's connection reads them, because another connection would not see its uncommitted rows."""
    parsers = Parsers()
    params = {"path": unit.path + "%"}
    chunks = read_here(COMPACT_SQL, params, chunk_size) if connection.in_atomic_block else read_ahead(COMPACT_SQL, params, chunk_size)
    tail = (parsers,)
    parsed = parsers.parsed
    for rows in chunks:
        for row in rows:
            yield CompactLedger(row + tail)
        parsed.clear()  # the chunk is evaluated: its parsed ledgers are no longer needed (re-parsed if asked)


def iter_ledgers_compact(unit: Unit, *, chunk_size: int = CHUNK) -> Iterator[PersonLedger]:
    """`iter_compact`, each person parsed into a PersonLedger."""
    for compact in iter_compact(unit, chunk_size=chunk_size):
        ledger = compact.ledger()
        compact[PARSERS].parsed.clear()  # streamed: nothing to keep
        yield ledger


