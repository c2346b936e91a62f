"""Evaluating a subtree: every person against the titles the catalogue flags for the batch (`batch_titles`).

Reads only; the run's bookkeeping (rows, progress, file) is `tdkt.reports.services.batch_run_execute`.
- titles are evaluated in their batch order and a title found eligible is fed to the higher ones as
  proposed in the same round (DOMAIN.md §3, "the year under review"), each request built by the one request
  builder (`records.eligibility.eligibility_request`);
- one catalogue snapshot for the whole run, results memoised by history signature (`memo.Memo`);
- the local CSTĐCS quota (law.rules.quota) needs a unit's totals: when it is in force, the CSTĐCS candidates'
  outcomes are held until the whole subtree is read, then ranked unit by unit.
"""

from __future__ import annotations

import datetime as dt
import gc
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import connection

from tdkt.law import engine
from tdkt.law.messages import plain
from tdkt.law.rules import quota as quota_rules
from tdkt.law.schema import Check, EligibilityResult
from tdkt.law.vocabulary import Verdict
from tdkt.org.models import Person, Unit
from tdkt.records.eligibility import eligibility_request

from ..reasons import check_messages
from .compact import iter_compact
from .ledger import CHUNK, iter_ledgers
from .memo import ELIGIBLE, Memo, make_memo

LOWER, QUOTA_TITLE = "LDTT", "CSTDCS"  # the quota counts CSTĐCS against LĐTT (law.rules.quota)


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

    def reasons(self, labels: dict[str, str]) -> str:
        """The failing checks, title by title, in one line (the "Lý do" column); labels: code → short name."""
        parts = []
        for code, result in self.results.items():
            if self.verdicts[code] == ELIGIBLE:
                continue
            messages = check_messages({"result": c.result, "message": c.message, "args": plain(c.args)} for c in result.checks)
            messages += self.notes.get(code, [])
            if messages:
                parts.append(f"{labels.get(code, code)}: {'; '.join(dict.fromkeys(messages))}")
        return " | ".join(parts)


def evaluate_ledger(ledger, year: int, titles: tuple[str, ...], *, catalogue, evaluate: Callable) -> dict[str, EligibilityResult]:
    """Evaluate every title in order, feeding each eligible title to the next ones as proposed (the direct way,
    one engine call per title: what the memo must equal)."""
    proposed: list[str] = []
    results = {}
    for code in titles:
        result = results[code] = evaluate(eligibility_request(ledger, code, year, proposed), catalogue=catalogue)
        if result.verdict == ELIGIBLE:
            proposed.append(code)
    return results


def direct_workers_among(person_ids: Iterable[int]) -> set[int]:
    """The direct workers (công nhân, nông dân, giáo viên đứng lớp, chiến sĩ…) among these people."""
    return set(Person.objects.filter(pk__in=list(person_ids), is_direct_worker=True).values_list("pk", flat=True))


def evaluate_stream(ledgers: Iterable, year: int, titles: tuple[str, ...], *, catalogue, evaluate: Callable,
                    quota: bool = False, quota_log: list | None = None, memo: Memo | None = None) -> Iterator[PersonOutcome]:
    """Every person's outcome, judged as the ledgers come (in any order of units).

    A person's titles do not depend on the others (the quota only re-labels verdicts afterwards), so each
    outcome is yielded at once, except, when the CSTĐCS quota is in force for the year, those of the CSTĐCS
    candidates: they wait until every ledger is read, then each unit's candidates are ranked against that
    unit's LĐTT and those over the quota become "needs review" (`quota_rules.apply_quota`, `_over_quota`).

    quota_log, when given, receives (unit id, quota check, number over the quota) for each unit with
    candidates, in unit order.
    """
    quota = quota and LOWER in titles and QUOTA_TITLE in titles
    holding = quota and quota_rules.cstdcs_quota_applies(catalogue, year)
    ldtt_count: dict[int, int] = {}
    cstdcs_count: dict[int, int] = {}
    held: dict[int, list] = {}  # unit id → [(ledger, outcome)] of its CSTĐCS candidates, while the quota holds
    for ledger in ledgers:
        if memo is not None:
            results = memo.results(ledger)
        else:
            results = evaluate_ledger(ledger, year, titles, catalogue=catalogue, evaluate=evaluate)
        verdicts = {code: result.verdict for code, result in results.items()}
        outcome = PersonOutcome(ledger.person_id, ledger.unit_id, ledger.full_name, ledger.name_sort_key,
                                ledger.date_of_birth, results, verdicts)
        if quota:
            unit_id = ledger.unit_id
            if verdicts[LOWER] == ELIGIBLE:
                ldtt_count[unit_id] = ldtt_count.get(unit_id, 0) + 1
            if verdicts[QUOTA_TITLE] == ELIGIBLE:
                if holding:
                    held.setdefault(unit_id, []).append((ledger, outcome))
                    continue
                cstdcs_count[unit_id] = cstdcs_count.get(unit_id, 0) + 1
        yield outcome
    if not quota:
        return
    for unit_id in sorted(cstdcs_count):  # the quota is not in force: its check only explains why
        check = quota_rules.check_cstdcs_quota(ldtt_count=ldtt_count.get(unit_id, 0), cstdcs_count=cstdcs_count[unit_id],
                                               catalogue=catalogue, year=year)
        if check.result == "fail":
            raise RuntimeError(f"the CSTĐCS quota refused candidates in {year} though it is not in force")
        if quota_log is not None:
            quota_log.append((unit_id, check, 0))
    for unit_id in sorted(held):
        candidates = held[unit_id]
        over, check = quota_rules.apply_quota([led for led, _ in candidates], ldtt_count=ldtt_count.get(unit_id, 0), year=year,
                                              catalogue=catalogue, direct_workers=direct_workers_among)
        if quota_log is not None:
            quota_log.append((unit_id, check, len(over)))
        for ledger, outcome in candidates:
            if ledger.person_id in over:
                _over_quota(ledger, outcome, check, year, titles, catalogue=catalogue, evaluate=evaluate)
            yield outcome


def _over_quota(ledger, outcome: PersonOutcome, check: Check, year: int, titles: tuple[str, ...], *, catalogue,
                evaluate: Callable) -> None:
    """A CSTĐCS candidate beyond the unit's quota: CSTĐCS waits on the council, and so does a higher title that
    holds only thanks to it (re-evaluated without it)."""
    verdicts, notes = outcome.verdicts, outcome.notes
    verdicts[QUOTA_TITLE] = Verdict.NEEDS_REVIEW.value
    notes[QUOTA_TITLE] = [f"{check.message} (ngoài số được đề nghị theo thứ tự ưu tiên)"]
    position = titles.index(QUOTA_TITLE)
    for index in range(position + 1, len(titles)):
        code = titles[index]
        if verdicts[code] != ELIGIBLE:
            continue
        without = [c for c in titles[:index] if c != QUOTA_TITLE and verdicts[c] == ELIGIBLE]
        alone = evaluate(eligibility_request(ledger, code, year, without), catalogue=catalogue)
        if alone.verdict != ELIGIBLE:
            verdicts[code] = Verdict.NEEDS_REVIEW.value
            notes[code] = [f"Phụ thuộc danh hiệu CSTĐCS năm {year} đang vượt tỷ lệ"]


@contextmanager
def _fewer_collections(first_generation: int = 200_000, older: int = 100):
    """The run allocates millions of small, acyclic objects while the memo grows: with the default thresholds
    (700 allocations, then every 10 collections of the younger generation) the cyclic collector walks the growing
    heap again and again (≈ 10 % of the run, measured). Collections are made rarer during the run (the young
    generation every 200,000 allocations, the older ones every 100 of those), not disabled; the thresholds are
    restored after."""
    old = gc.get_threshold()
    gc.set_threshold(max(old[0], first_generation), max(old[1], older), max(old[2], older))
    try:
        yield
    finally:
        gc.set_threshold(*old)


def batch_evaluate(*, unit: Unit, year: int, catalogue=None, titles: tuple[str, ...] | None = None,
                   apply_local_quota: bool = True, chunk_size: int = CHUNK, ledgers: Iterable | None = None,
                   quota_log: list | None = None, memoise: bool = True) -> Iterator[PersonOutcome]:
    """Outcomes for every person under the unit (`evaluate_stream`; mostly in person order).

    titles: default the catalogue's batch titles. memoise: results are memoised by history signature for the
    run (`Memo`); False evaluates every request. quota_log, when given, receives (unit id, quota check, number
    over the quota) for each unit with candidates.
    """
    catalogue = engine.load_catalogue() if catalogue is None else catalogue
    titles = catalogue.batch_titles() if titles is None else tuple(titles)
    memo = make_memo(catalogue, year, engine.evaluate, titles) if memoise else None
    if ledgers is not None:
        source = ledgers
    elif connection.vendor == "postgresql":
        source = iter_compact(unit, chunk_size=chunk_size)  # parsed lazily (CompactLedger)
    else:
        source = iter_ledgers(unit, chunk_size=chunk_size)
    with _fewer_collections():
        yield from evaluate_stream(source, year, titles, catalogue=catalogue, evaluate=engine.evaluate,
                                   quota=apply_local_quota, quota_log=quota_log, memo=memo)


def summarise(counts: dict[str, dict[str, int]], outcome: PersonOutcome) -> None:
    for code, verdict in outcome.verdicts.items():
        try:
            counts[code][verdict] += 1
        except KeyError:
            per = counts.setdefault(code, {v: 0 for v in Verdict.values})
            per[verdict] = per.get(verdict, 0) + 1


def empty_summary(titles: tuple[str, ...]) -> dict[str, dict[str, int]]:
    return {code: {v: 0 for v in Verdict.values} for code in titles}


def count_missing(counts: dict[str, int], outcome: PersonOutcome, memo: dict) -> None:
    """Count the person once per request field that a check could not judge without (`facts["missing"]`), whatever
    the number of titles that needed it. memo: the fields of each result object (the batch memo shares results)."""
    fields: set[str] = set()
    for result in outcome.results.values():
        known = memo.get(id(result))
        if known is None or known[0] is not result:
            known = memo[id(result)] = (result, tuple(f for c in result.checks if c.result == "cannot_judge"
                                                      for f in c.facts.get("missing", ())))
        fields.update(known[1])
    for f in fields:
        counts[f] = counts.get(f, 0) + 1
