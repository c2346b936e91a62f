"""Batch eligibility: every person of a unit's subtree against LDTT, CSTDCS, CSTD_TINH, CSTD_TQ and BK_TINH.

Reads only; the run's bookkeeping (rows, progress, file) is `services.batch_run_execute`.

How it stays fast (docs/decisions/0005-batch-eligibility.md):
- the ledger of the whole subtree is read set-based, ordered by person: on PostgreSQL in one query that
  streams (merge joins, no final sort), read ahead by a thread on its own connection so that the database
  and the evaluation work at the same time; elsewhere in five streamed queries merged in Python. No query
  per person: the number of queries does not grow with the number of people;
- one catalogue snapshot for the whole run, and results memoised by history signature (`Memo`);
- titles are evaluated in ascending order and a title found eligible is fed to the higher ones as
  `AwardEntry(year=Y, award=..., proposed=True)` (DOMAIN.md §3, "the year under review");
- the local CSTĐCS quota needs a unit's totals: when it is in force, the CSTĐCS candidates' outcomes are held
  until the whole subtree is read, then ranked unit by unit.
"""

from __future__ import annotations

import datetime as dt
import gc
import queue
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import itemgetter

from django.db import connection, transaction

from tdkt.law.schema import (
    AwardEntry,
    Check,
    DisciplineEntry,
    EligibilityRequest,
    EligibilityResult,
    InitiativeEntry,
    RatingEntry,
    Subject,
)
from tdkt.org.models import Person, Unit
from tdkt.records.models import AwardRecord, Discipline, Initiative, YearRating

from .models import TITLE_CODES, TITLE_SHORT, Verdict

CHUNK = 5000
ELIGIBLE = Verdict.ELIGIBLE.value  # a plain str: compared a million times
QUOTA_CHECK = "cstdcs_quota"


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


@dataclass(slots=True)
class PersonOutcome:
    person_id: int
    unit_id: int
    full_name: str
    name_sort_key: str
    date_of_birth: dt.date | None
    results: dict[str, EligibilityResult]
    verdicts: dict[str, str]
    notes: dict[str, list[str]] = field(default_factory=dict)  # extra reasons added by the batch (quota)

    def reasons(self) -> str:
        """The failing checks, title by title, in one line (the "Lý do" column)."""
        parts = []
        for code in TITLE_CODES:
            if self.verdicts[code] == Verdict.ELIGIBLE:
                continue
            messages = [c.message for c in self.results[code].checks if c.result == "fail"]
            messages += [c.message for c in self.results[code].checks if c.result == "cannot_judge"]
            messages += self.notes.get(code, [])
            if messages:
                parts.append(f"{TITLE_SHORT[code]}: {'; '.join(dict.fromkeys(messages))}")
        return " | ".join(parts)


# --- Reading the ledger ---------------------------------------------------------------------------------


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
        yield from iter_ledgers_compact(unit, chunk_size=chunk_size)
        return
    path = unit.path
    people = _stream(
        people_queryset(unit)
        .order_by("id")
        .values_list("id", "unit_id", "full_name", "name_sort_key", "date_of_birth", "joined_on"),
        chunk_size,
    )
    scope = {"person__unit__path__startswith": path}
    ratings = _stream(
        YearRating.objects.filter(**scope).order_by("person_id", "year").values_list("person_id", "year", "rating"),
        chunk_size,
    )
    awards = _stream(
        AwardRecord.objects.filter(**scope, revoked_on__isnull=True)
        .order_by("person_id", "year", "award_code", "id")
        .values_list("person_id", "year", "award_code"),
        chunk_size,
    )
    disciplines = _stream(
        Discipline.objects.filter(**scope).order_by("person_id", "start", "id").values_list("person_id", "form", "start", "end"),
        chunk_size,
    )
    initiatives = _stream(
        Initiative.objects.filter(**scope).order_by("person_id", "year", "scope", "id").values_list("person_id", "year", "scope"),
        chunk_size,
    )
    yield from merge_ledgers(people, ratings, awards, disciplines, initiatives)


# Each ledger table is aggregated per person over the subtree (joined to its person and unit, not to a CTE: a CTE
# is materialised and sorted once per table), then merge-joined to the people in person order.
IN_SUBTREE = "JOIN org_person sp ON sp.id = {t}.person_id JOIN org_unit su ON su.id = sp.unit_id AND su.path LIKE %(path)s"

COMPACT_SQL = f"""
SELECT p.unit_id, p.id, p.full_name, p.name_sort_key, p.date_of_birth, p.joined_on, y.v, w.v, k.v, n.v
FROM org_person p JOIN org_unit u ON u.id = p.unit_id
LEFT JOIN (
    SELECT y.person_id, string_agg(y.year || ':' || y.rating, ',') AS v
    FROM records_yearrating y {IN_SUBTREE.format(t="y")}
    GROUP BY y.person_id
) y ON y.person_id = p.id
LEFT JOIN (
    SELECT w.person_id, string_agg(w.year || ':' || w.award_code, ',') AS v
    FROM records_awardrecord w {IN_SUBTREE.format(t="w")}
    WHERE w.revoked_on IS NULL
    GROUP BY w.person_id
) w ON w.person_id = p.id
LEFT JOIN (
    SELECT k.person_id, string_agg(k.form || ':' || k.start || ':' || k."end", ',' ORDER BY k.start, k.id) AS v
    FROM records_discipline k {IN_SUBTREE.format(t="k")}
    GROUP BY k.person_id
) k ON k.person_id = p.id
LEFT JOIN (
    SELECT n.person_id, string_agg(n.year || ':' || n.scope, ',') AS v
    FROM records_initiative n {IN_SUBTREE.format(t="n")}
    GROUP BY n.person_id
) n ON n.person_id = p.id
WHERE u.path LIKE %(path)s
ORDER BY p.id
"""
# Ordered by person, the plan is merge joins of the aggregates over the ledger's person indexes: rows leave the
# server as they are built (the first after ≈ 0.1 s at 200,000 people) instead of after a sort of all of them.

SESSION_SETTINGS = "SET jit = off"  # for the one query (bench/measure.py times its baseline the same way)
SESSION_RESET = "RESET jit"
LOCAL_SETTINGS = "SET LOCAL jit = off"  # the same, for the reader thread's transaction only


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
    year, scope = token.split(":")
    return InitiativeEntry(int(year), scope)


def _discipline(token: str) -> DisciplineEntry:
    form, start, end = token.split(":")
    return DisciplineEntry(form, dt.date.fromisoformat(start), dt.date.fromisoformat(end))


class _Parsers:
    """The token parsers of one run (entries shared between people), and the people parsed so far."""

    __slots__ = ("ratings", "awards", "disciplines", "initiatives", "parsed")

    def __init__(self):
        self.ratings, self.awards = _Tokens(_rating), _Tokens(_award)
        self.disciplines, self.initiatives = _Tokens(_discipline), _Tokens(_initiative)
        self.parsed: dict[int, PersonLedger] = {}


class CompactLedger(tuple):
    """A person's ledger as read by the one-query reader: the query's row (unit id, person id, full name, sort
    key, birth date, recruitment date, the four token strings) and the run's parsers. It is parsed into entries
    only when asked (`ratings`, ... give the same lists as `PersonLedger`): the memo reads most people's facts
    from the token strings themselves (`Memo.facts_of`), so most people are never parsed. A tuple, so that
    200,000 of them cost no Python-level constructor."""

    __slots__ = ()
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
    _parsers = property(itemgetter(10))

    def ledger(self) -> PersonLedger:
        parsers = self[10]
        parsed = parsers.parsed.get(self[1])
        if parsed is None:
            unit_id, person_id, full_name, sort_key, dob, joined, r, a, d, i, p = self
            parsed = parsers.parsed[person_id] = PersonLedger(
                person_id, unit_id, full_name, sort_key, dob, joined, p.ratings.parse_sorted(r), p.awards.parse_sorted(a),
                p.disciplines.parse(d), p.initiatives.parse_sorted(i))
        return parsed

    ratings = property(lambda self: self.ledger().ratings)
    awards = property(lambda self: self.ledger().awards)
    disciplines = property(lambda self: self.ledger().disciplines)
    initiatives = property(lambda self: self.ledger().initiatives)


def iter_compact(unit: Unit, *, chunk_size: int = CHUNK) -> Iterator[CompactLedger]:
    """PostgreSQL: the subtree's ledger in ONE query, one row per person in person order, each ledger table
    folded into a string of tokens by string_agg (unordered: the tokens "YYYY:CODE" are sorted when parsed,
    disciplines in the query); tokens are parsed at most once per run and their entries shared.

    Outside a transaction the rows are read ahead by a thread on its own connection (`_read_ahead`), so the
    server builds the next rows while this thread evaluates; inside one (a caller's atomic block, the tests)
    the caller's connection reads them, because another connection would not see its uncommitted rows."""
    parsers = _Parsers()
    params = {"path": unit.path + "%"}
    chunks = _read_here(COMPACT_SQL, params, chunk_size) if connection.in_atomic_block else _read_ahead(COMPACT_SQL, params, chunk_size)
    tail = (parsers,)
    parsed = parsers.parsed
    for rows in chunks:
        for row in rows:
            yield CompactLedger(row + tail)
        parsed.clear()  # the chunk is evaluated: its parsed ledgers are no longer needed (re-parsed if asked)


def _read_here(sql: str, params: dict, chunk_size: int) -> Iterator[list[tuple]]:
    """The rows of `sql`, in chunks, on the caller's connection (a server-side cursor)."""
    with connection.cursor() as cursor:
        cursor.execute(SESSION_SETTINGS)
    try:
        with connection.chunked_cursor() as cursor:
            cursor.execute(sql, params)
            while rows := cursor.fetchmany(chunk_size):
                yield rows
    finally:
        with connection.cursor() as cursor:
            cursor.execute(SESSION_RESET)


_END = object()


def _read_ahead(sql: str, params: dict, chunk_size: int, depth: int = 8) -> Iterator[list[tuple]]:
    """The rows of `sql`, in chunks, fetched by a reader thread on its own connection, in one read-only
    REPEATABLE READ transaction (one snapshot of the ledger for the whole run), at most `depth` chunks ahead.

    The thread waits on the server without holding the GIL, so the server's work overlaps the caller's.
    An error in the thread is raised here; when the caller stops early, the thread stops and its connection
    is closed."""
    chunks: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item) -> None:
        while not stop.is_set():
            try:
                chunks.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def read() -> None:
        try:
            with transaction.atomic():  # this thread's own connection
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    cursor.execute(LOCAL_SETTINGS)
                with connection.chunked_cursor() as cursor:
                    cursor.execute(sql, params)
                    while not stop.is_set() and (rows := cursor.fetchmany(chunk_size)):
                        put(rows)
            put(_END)
        except BaseException as exc:  # noqa: BLE001 — handed to the caller, raised there
            put(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=read, name="tdkt-batch-reader", daemon=True)
    thread.start()
    try:
        while (item := chunks.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


def iter_ledgers_compact(unit: Unit, *, chunk_size: int = CHUNK) -> Iterator[PersonLedger]:
    """`iter_compact`, each person parsed into a PersonLedger."""
    for compact in iter_compact(unit, chunk_size=chunk_size):
        ledger = compact.ledger()
        compact[10].parsed.clear()  # streamed: nothing to keep
        yield ledger


def merge_ledgers(people, ratings, awards, disciplines, initiatives) -> Iterator[PersonLedger]:
    """Merge streams ordered by person id into one PersonLedger per person (rows of people that are not in
    `people`, e.g. moved between the queries, are skipped)."""
    def cursor(rows):
        it = iter(rows)
        return it, next(it, None)

    r_it, r = cursor(ratings)
    a_it, a = cursor(awards)
    d_it, d = cursor(disciplines)
    i_it, i = cursor(initiatives)
    for person_id, unit_id, full_name, sort_key, dob, joined in people:
        ledger = PersonLedger(person_id, unit_id, full_name, sort_key, dob, joined)
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
                ledger.initiatives.append(InitiativeEntry(i[1], i[2]))
            i = next(i_it, None)
        yield ledger


# --- Evaluating -------------------------------------------------------------------------------------------


def build_request(ledger: PersonLedger, code: str, year: int, proposed: Iterable[str] = ()) -> EligibilityRequest:
    """The engine request for one title; `proposed` are the lower titles of `year` proposed in the same round
    (added only when the ledger does not already hold them as decided)."""
    awards = tuple(ledger.awards)
    if proposed:
        held = {a.award for a in awards if a.year == year}
        awards += tuple(_proposed_entry(year, c) for c in proposed if c not in held)
    return EligibilityRequest(
        award=code,
        year=year,
        subject=Subject(kind="individual", recruited_on=ledger.joined_on),
        ratings=tuple(ledger.ratings),
        awards=awards,
        disciplines=tuple(ledger.disciplines),
        initiatives=tuple(ledger.initiatives),
    )


_PROPOSED: dict[tuple[int, str], AwardEntry] = {}


def _proposed_entry(year: int, code: str) -> AwardEntry:
    entry = _PROPOSED.get((year, code))
    if entry is None:
        entry = _PROPOSED[(year, code)] = AwardEntry(year=year, award=code, proposed=True)
    return entry


class Memo:
    """Results memoised by history signature for one batch run (one catalogue snapshot, one year).

    `evaluate` is pure given the snapshot, so people whose histories have the same signature for a title
    (`tdkt.law.rules.signature`) get the same result object; the request is built only on a miss.
    """

    def __init__(self, catalogue, year: int, evaluate: Callable):
        from tdkt.law.rules.signature import SIGNED, Signer

        self.signer = Signer(catalogue, year)
        self.year = year
        self.evaluate = evaluate
        self.catalogue = catalogue
        self.cache: dict[str, dict] = {code: {} for code in SIGNED}
        self.hits = self.misses = 0
        self._by_r: dict = {}  # token strings of one table → that table's facts (people without disciplines)
        self._by_a: dict = {}
        self._by_i: dict = {}

    # The facts of a history are read once (`facts_of`), the five keys are built from them (`lower`, `higher`).

    _NO_DISCIPLINE = (None, None, None)

    def facts_of(self, ledger) -> tuple:
        """`Signer.facts`; for a CompactLedger without disciplines (no floor), each part is memoised on its
        token string, so the strings seen before are not parsed again."""
        if type(ledger) is not CompactLedger or ledger[8] is not None:
            return self.signer.facts(ledger.ratings, ledger.awards, ledger.disciplines, ledger.initiatives)
        parsers, signer = ledger[10], self.signer
        r, a, i = ledger[6], ledger[7], ledger[9]
        rf = self._by_r.get(r)
        if rf is None:
            rf = self._by_r[r] = signer.rating_facts(parsers.ratings.parse(r), None)
        af = self._by_a.get(a)
        if af is None:
            af = self._by_a[a] = signer.award_facts(parsers.awards.parse(a), None)
        ikey = (i, rf[1])
        inf = self._by_i.get(ikey)
        if inf is None:
            inf = self._by_i[ikey] = signer.initiative_facts(parsers.initiatives.parse_sorted(i), rf[1], None)
        return (*rf, *inf, *af, self._NO_DISCIPLINE)

    def _miss(self, cache: dict, key: tuple, ledger: PersonLedger, code: str, proposed: list[str]) -> EligibilityResult:
        self.hits -= 1  # `lower` counts the five lookups of a person as hits
        self.misses += 1
        result = cache[key] = self.evaluate(build_request(ledger, code, self.year, proposed), catalogue=self.catalogue)
        return result

    def lower(self, ledger: PersonLedger) -> tuple[dict, list, tuple]:
        """LDTT then CSTDCS: (results, proposed, facts)."""
        facts = self.facts_of(ledger)
        rating, blocking, joined = facts[0], facts[10][0], ledger.joined_on
        proposed: list[str] = []
        cache = self.cache
        self.hits += 5
        key = (rating, joined, blocking)
        ldtt = cache["LDTT"].get(key) or self._miss(cache["LDTT"], key, ledger, "LDTT", proposed)
        if ldtt.verdict == ELIGIBLE:
            proposed.append("LDTT")
        key = (rating, joined, blocking, facts[2])
        cstdcs = cache["CSTDCS"].get(key) or self._miss(cache["CSTDCS"], key, ledger, "CSTDCS", proposed)
        if cstdcs.verdict == ELIGIBLE:
            proposed.append("CSTDCS")
        return {"LDTT": ldtt, "CSTDCS": cstdcs}, proposed, facts

    def higher(self, ledger: PersonLedger, results: dict, proposed: list[str], facts: tuple) -> dict:
        """CSTD_TINH, CSTD_TQ, BK_TINH after the lower titles."""
        rating, n, _, last_tinh, last_tq, found, cs_prior, cs_held, tinh_prior, tinh_held, disc = facts
        blocking, restart_by, floor = disc
        chain_of = self.signer.chain_from_facts
        cache = self.cache
        cs_chain = chain_of(cs_held, cs_prior, "CSTDCS" in proposed, floor)
        key = (cs_chain, blocking, restart_by, last_tinh)
        tinh = results["CSTD_TINH"] = cache["CSTD_TINH"].get(key) or self._miss(cache["CSTD_TINH"], key, ledger, "CSTD_TINH", proposed)
        if tinh.verdict == ELIGIBLE:
            proposed.append("CSTD_TINH")
        key = (chain_of(tinh_held, tinh_prior, "CSTD_TINH" in proposed, floor), blocking, restart_by, last_tq)
        tq = results["CSTD_TQ"] = cache["CSTD_TQ"].get(key) or self._miss(cache["CSTD_TQ"], key, ledger, "CSTD_TQ", proposed)
        if tq.verdict == ELIGIBLE:
            proposed.append("CSTD_TQ")
        key = (cs_chain, n, found, rating is None, blocking, restart_by)
        bk = results["BK_TINH"] = cache["BK_TINH"].get(key) or self._miss(cache["BK_TINH"], key, ledger, "BK_TINH", proposed)
        if bk.verdict == ELIGIBLE:
            proposed.append("BK_TINH")
        return results


def make_memo(catalogue, year: int, evaluate: Callable) -> Memo | None:
    """A memo for the run, or None when the batch's titles are not the five the signatures know, in their order,
    or the catalogue lacks a parameter the signatures read for that year (then every request is evaluated: the
    engine reports the problem as it always did)."""
    from tdkt.core.errors import DomainError
    from tdkt.law.rules.signature import SIGNED

    if TITLE_CODES != SIGNED:
        return None
    try:
        return Memo(catalogue, year, evaluate)
    except (DomainError, KeyError, IndexError, TypeError):
        return None


def evaluate_ledger(ledger: PersonLedger, year: int, *, catalogue, evaluate: Callable) -> dict[str, EligibilityResult]:
    """Evaluate every title in ascending order, feeding each eligible title to the next ones as proposed (the
    direct way, one engine call per title: what the memo must equal)."""
    proposed: list[str] = []
    results = {}
    for code in TITLE_CODES:
        result = results[code] = evaluate(build_request(ledger, code, year, proposed), catalogue=catalogue)
        if result.verdict == ELIGIBLE:
            proposed.append(code)
    return results


def _rank_key(ledger: PersonLedger, year: int, direct_workers: set[int]) -> tuple:
    """CSTĐCS candidates, best first: HTXSNV in the year, initiatives of the year, length of the CSTĐCS chain
    ending the year before, then direct workers (the priority of Art 5 / NĐ 152 Art 4, DOMAIN.md §3), then
    Vietnamese name order."""
    rating = next((r.rating for r in ledger.ratings if r.year == year), "")
    initiatives = sum(1 for i in ledger.initiatives if i.year == year)
    cstdcs_years = {a.year for a in ledger.awards if a.award == "CSTDCS"}
    chain, y = 0, year - 1
    while y in cstdcs_years:
        chain, y = chain + 1, y - 1
    return (rating != "HTXSNV", -initiatives, -chain, ledger.person_id not in direct_workers, ledger.name_sort_key,
            ledger.person_id)


def direct_workers_among(person_ids: list[int]) -> set[int]:
    """The direct workers (công nhân, nông dân, giáo viên đứng lớp, chiến sĩ…) among these people."""
    return set(Person.objects.filter(pk__in=person_ids, is_direct_worker=True).values_list("pk", flat=True))


def apply_quota(candidates: list[PersonLedger], *, ldtt_count: int, year: int, catalogue, quota_check: Callable) -> tuple[set[int], Check]:
    """The local CSTĐCS quota over one unit: (ids of the candidates over the quota, the check for all of them).
    Only a unit over the quota is ranked (one query for its candidates' direct-worker flags)."""
    check = quota_check(ldtt_count=ldtt_count, cstdcs_count=len(candidates), catalogue=catalogue, year=year)
    if check.result != "fail":
        return set(), check
    allowed = len(candidates) - 1
    while allowed > 0 and quota_check(ldtt_count=ldtt_count, cstdcs_count=allowed, catalogue=catalogue, year=year).result == "fail":
        allowed -= 1
    direct = direct_workers_among([led.person_id for led in candidates])
    ranked = sorted(candidates, key=lambda led: _rank_key(led, year, direct))
    return {led.person_id for led in ranked[allowed:]}, check


def evaluate_stream(ledgers: Iterable[PersonLedger], year: int, *, catalogue, evaluate: Callable,
                    quota_check: Callable | None = None, quota_log: list | None = None,
                    memo: Memo | None = None) -> Iterator[PersonOutcome]:
    """Every person's outcome, judged as the ledgers come (in any order of units).

    The five titles of a person do not depend on the others (the quota only re-labels verdicts afterwards), so
    each outcome is yielded at once, except, when the CSTĐCS quota is in force for the year, those of the
    CSTĐCS candidates: they wait until every ledger is read, then each unit's candidates are ranked against
    that unit's LĐTT and those over the quota become "Cần xem xét" (`apply_quota`, `_over_quota`).

    quota_log, when given, receives (unit id, quota check, number over the quota) for each unit with
    candidates, in unit order.
    """
    holding = quota_check is not None and _quota_applies(catalogue, year)
    ldtt_count: dict[int, int] = {}
    cstdcs_count: dict[int, int] = {}
    held: dict[int, list] = {}  # unit id → [(ledger, outcome)] of its CSTĐCS candidates, while the quota holds
    for ledger in ledgers:
        if memo is not None:
            results, proposed, facts = memo.lower(ledger)
            memo.higher(ledger, results, proposed, facts)
        else:
            results = evaluate_ledger(ledger, year, catalogue=catalogue, evaluate=evaluate)
        verdicts = {code: results[code].verdict for code in TITLE_CODES}
        outcome = PersonOutcome(ledger.person_id, ledger.unit_id, ledger.full_name, ledger.name_sort_key,
                                ledger.date_of_birth, results, verdicts)
        if quota_check is not None:
            unit_id = ledger.unit_id
            if verdicts["LDTT"] == ELIGIBLE:
                ldtt_count[unit_id] = ldtt_count.get(unit_id, 0) + 1
            if verdicts["CSTDCS"] == ELIGIBLE:
                if holding:
                    held.setdefault(unit_id, []).append((ledger, outcome))
                    continue
                cstdcs_count[unit_id] = cstdcs_count.get(unit_id, 0) + 1
        yield outcome
    if quota_check is None:
        return
    for unit_id in sorted(cstdcs_count):  # the quota is not in force: its check only explains why
        quota = quota_check(ldtt_count=ldtt_count.get(unit_id, 0), cstdcs_count=cstdcs_count[unit_id],
                            catalogue=catalogue, year=year)
        if quota.result == "fail":
            raise RuntimeError(f"the CSTĐCS quota refused candidates in {year} though it is not in force")
        if quota_log is not None:
            quota_log.append((unit_id, quota, 0))
    for unit_id in sorted(held):
        candidates = held[unit_id]
        over, quota = apply_quota([led for led, _ in candidates], ldtt_count=ldtt_count.get(unit_id, 0), year=year,
                                  catalogue=catalogue, quota_check=quota_check)
        if quota_log is not None:
            quota_log.append((unit_id, quota, len(over)))
        for ledger, outcome in candidates:
            if ledger.person_id in over:
                _over_quota(ledger, outcome, quota, year, catalogue=catalogue, evaluate=evaluate)
            yield outcome


def _quota_applies(catalogue, year: int) -> bool:
    from tdkt.law import engine

    return engine.cstdcs_quota_applies(catalogue, year)


def _over_quota(ledger: PersonLedger, outcome: PersonOutcome, quota: Check, year: int, *, catalogue, evaluate: Callable) -> None:
    """A CSTĐCS candidate beyond the unit's quota: CSTĐCS waits on the council, and so does a higher title that
    holds only thanks to it (re-evaluated without it)."""
    verdicts, notes = outcome.verdicts, outcome.notes
    verdicts["CSTDCS"] = Verdict.NEEDS_REVIEW
    notes["CSTDCS"] = [f"{quota.message} (ngoài số được đề nghị theo thứ tự ưu tiên)"]
    for code in TITLE_CODES[2:]:
        if verdicts[code] != Verdict.ELIGIBLE:
            continue
        without = [c for c in TITLE_CODES[: TITLE_CODES.index(code)] if c != "CSTDCS" and verdicts[c] == Verdict.ELIGIBLE]
        alone = evaluate(build_request(ledger, code, year, without), catalogue=catalogue)
        if alone.verdict != Verdict.ELIGIBLE:
            verdicts[code] = Verdict.NEEDS_REVIEW
            notes[code] = [f"Phụ thuộc danh hiệu CSTĐCS năm {year} đang vượt tỷ lệ"]


@contextmanager
def _fewer_collections(first_generation: int = 200_000):
    """The run allocates millions of small, acyclic objects while the memo grows: with the default threshold
    (700 allocations) the cyclic collector walks the growing heap again and again (≈ 10 % of the run,
    measured). Collections are made rarer during the run, not disabled; the threshold is restored after."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], first_generation), *old[1:])
    try:
        yield
    finally:
        gc.set_threshold(*old)


def batch_evaluate(*, unit: Unit, year: int, catalogue=None, apply_local_quota: bool = True,
                   chunk_size: int = CHUNK, ledgers: Iterable[PersonLedger] | None = None,
                   quota_log: list | None = None, memoise: bool = True) -> Iterator[PersonOutcome]:
    """Outcomes for every person under the unit (`evaluate_stream`; mostly in person order).

    memoise: results are memoised by history signature for the run (`Memo`); False evaluates every request.
    quota_log, when given, receives (unit id, quota check, number over the quota) for each unit with candidates.
    """
    from tdkt.law import engine

    catalogue = engine.load_catalogue() if catalogue is None else catalogue
    quota_check = getattr(engine, "check_cstdcs_quota", None) if apply_local_quota else None
    memo = make_memo(catalogue, year, engine.evaluate) if memoise else None
    if ledgers is not None:
        source = ledgers
    elif connection.vendor == "postgresql":
        source = iter_compact(unit, chunk_size=chunk_size)  # parsed lazily (CompactLedger)
    else:
        source = iter_ledgers(unit, chunk_size=chunk_size)
    with _fewer_collections():
        yield from evaluate_stream(source, year, catalogue=catalogue, evaluate=engine.evaluate,
                                   quota_check=quota_check, quota_log=quota_log, memo=memo)


def summarise(counts: dict[str, dict[str, int]], outcome: PersonOutcome) -> None:
    for code, verdict in outcome.verdicts.items():
        try:
            counts[code][verdict] += 1
        except KeyError:
            per = counts.setdefault(code, {v: 0 for v in Verdict.values})
            per[verdict] = per.get(verdict, 0) + 1


def empty_summary() -> dict[str, dict[str, int]]:
    return {code: {v: 0 for v in Verdict.values} for code in TITLE_CODES}
