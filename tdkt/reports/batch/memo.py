"""Results memoised by history signature for one batch run (one catalogue snapshot, one year).

`evaluate` is pure given the snapshot, so people whose histories have the same signature for a title
(`signature.keys`) get the same result object; the request is built (by the one request builder,
`records.eligibility.eligibility_request`) only on a miss. Titles are judged in the batch's order, each
eligible one fed to the next as "proposed in the same round"; a title without a signature is evaluated for
every person.
"""

from __future__ import annotations

from collections.abc import Callable

from tdkt.core.errors import DomainError
from tdkt.law.schema import Check, EligibilityResult
from tdkt.records.eligibility import eligibility_request
from tdkt.records.ledger import work_year_entry

from .compact import PARSERS, CompactLedger
from .signature import Facts, Signer, keys

ELIGIBLE = "eligible"  # a plain str: compared a million times
DATED = frozenset({"recruitment.pass", "recruitment.fail"})  # the recruitment messages that quote the recruitment day


def redated(result: EligibilityResult, joined) -> EligibilityResult:
    """The result with its recruitment check quoting this person's recruitment day (the keys carry only whether the
    day is early enough, `Signer.joined_class`); the result itself when it quotes no day or already this one. Built
    field by field (`_replace` and `dataclasses.replace` cost more than the lookup they follow)."""
    checks = result.checks
    for n, check in enumerate(checks):
        if check[0] == "RECRUITMENT":
            args = check[4]
            if check[3] not in DATED or args.get("day") == joined:
                return result
            args = dict(args)
            args["day"] = joined
            facts = dict(check[5])
            facts["recruited_on"] = joined
            check = tuple.__new__(Check, (check[0], check[1], check[2], check[3], args, facts, check[6], check[7]))
            return EligibilityResult(result.award, result.year, result.regime, result.verdict,
                                     checks[:n] + (check,) + checks[n + 1:], result.catalogue_version)
    return result


class Memo:
    def __init__(self, catalogue, year: int, evaluate: Callable, titles: tuple[str, ...]):
        self.signer = Signer(catalogue, year)
        self.year = year
        self.evaluate = evaluate
        self.catalogue = catalogue
        self.titles = titles
        # (code, its key function or None, its cache) in the batch's order
        known = keys(self.signer)
        self.plan = [(code, known.get(code), {}) for code in titles]
        self.lookups = self.misses = 0
        self._by_r: dict = {}  # token strings of one table → that table's facts (people without disciplines)
        self._by_a: dict = {}
        self._by_i: dict = {}
        self._redated: dict = {}  # (id of a cached result, recruitment day) → the result quoting that day (`redated`)
        # A person's whole set of results is a function of their facts and recruitment date when every title has a
        # signature (the titles proposed along the way follow from them): one lookup then serves all the titles.
        # The dict is shared by the people with that history: nobody changes it (the quota changes verdicts, kept apart).
        self._whole: dict | None = {} if all(key_of is not None for _, key_of, _ in self.plan) else None

    @property
    def hits(self) -> int:
        return self.lookups - self.misses

    def facts_of(self, ledger) -> Facts:
        """`Signer.facts`; for a CompactLedger without disciplines (no floor), each part is memoised on its
        token string, so the strings seen before are not parsed again."""
        if type(ledger) is not CompactLedger or ledger[8] is not None:
            return self.signer.facts(ledger.ratings, ledger.awards, ledger.disciplines, ledger.initiatives)
        parsers, signer = ledger[PARSERS], self.signer
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
        return Signer.from_parts(rf, inf, af)

    def extra_of(self, ledger) -> tuple | None:
        """What the signatures read beyond the facts, for the few people who have it: (the start of continuous
        service, what the checks read of the working year under review (`Signer.work_key`), the initiatives used for an
        award, as tuples); None for the others."""
        key = self.signer.work_key
        if type(ledger) is CompactLedger:
            i = ledger[9]
            used = i is not None and i.count(":") != i.count(",") + 1
            if ledger[10] is None and ledger[11] is None and not used:
                return None
            work = key(next((work_year_entry(*w) for w in ledger[11] or () if w[0] == self.year), None))
            if ledger[10] is None and work is None and not used:
                return None
            return (ledger[10], work, tuple(sorted((e.year, e.scope, e.used_for, e.used_year) for e in ledger.initiatives
                                                   if e.used_for is not None)) if used else ())
        service, initiatives = ledger.service_start, ledger.initiatives
        used = tuple(sorted((e.year, e.scope, e.used_for, e.used_year) for e in initiatives if e.used_for is not None))
        work = key(next((w for w in ledger.work_years if w.year == self.year), None))
        if service is None and work is None and not used:
            return None
        return (service, work, used)

    def results(self, ledger) -> dict[str, EligibilityResult]:
        """Every title of the batch for one person, in order, each eligible title proposed for the next."""
        extra = self.extra_of(ledger)
        facts = self.facts_of(ledger)
        joined = ledger.joined_on
        joined_key = self.signer.joined_class(joined, extra)
        dated = joined_key is not joined  # the keys carry the class of the day: shared results quote another day
        self.lookups += len(self.plan)
        whole = self._whole
        whole_key = (facts, joined, extra)
        if whole is not None:
            known = whole.get(whole_key)
            if known is not None:
                return known
        evaluate, catalogue, year, redated_cache = self.evaluate, self.catalogue, self.year, self._redated
        proposed: list[str] = []
        results = {}
        for code, key_of, cache in self.plan:
            if key_of is None:
                result = evaluate(eligibility_request(ledger, code, year, proposed), catalogue=catalogue)
                self.misses += 1
            else:
                key = key_of(facts, proposed, joined_key, extra)
                result = cache.get(key)
                if result is None:
                    result = cache[key] = evaluate(eligibility_request(ledger, code, year, proposed), catalogue=catalogue)
                    self.misses += 1
                elif dated:  # this person's day in the shared result, made once per (result, day)
                    pair = (id(result), joined)
                    result = redated_cache.get(pair) or redated_cache.setdefault(pair, redated(result, joined))
            results[code] = result
            if result.verdict == ELIGIBLE:
                proposed.append(code)
        if whole is not None:
            whole[whole_key] = results
        return results


def make_memo(catalogue, year: int, evaluate: Callable, titles: tuple[str, ...]) -> Memo | None:
    """A memo for the run, or None when the catalogue lacks a parameter the signatures read for that year (then
    every request is evaluated: the engine reports the problem as it always did)."""
    try:
        return Memo(catalogue, year, evaluate, titles)
    except (DomainError, KeyError, IndexError, TypeError):
        return None
