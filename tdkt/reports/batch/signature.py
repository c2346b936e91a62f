"""History signatures: for one (title, year), the facts of a history that the evaluator reads.

`evaluate` is pure given the catalogue snapshot, so two requests of the same award and year with the same
signature give equal results; the batch memo (`memo.Memo`) builds one key per title from the named `Facts`
of a history (`keys`; docs/decisions/0005-batch-eligibility.md). The facts mirror `tdkt.law.engine.EVALUATORS`
for the individual titles whose key is here (LDTT, CSTDCS, CSTD_TINH, CSTD_TQ, BK_TINH) and the engine's `Ctx`:
- every title: the first discipline blocking the year (it is quoted);
- LDTT: the year's rating, the recruitment date (quoted in the message) and the last earlier year rated
  (without a recruitment date, an earlier rating shows service before the year; quoted);
- CSTDCS: the same, plus the first initiative of the year in the catalogue's scopes;
- CSTD_TINH, CSTD_TQ: the length of the chain ending in the year (a chain is consecutive years, so its
  length gives its years) and whether the year's title is only proposed; the last initiative in the
  period; the discipline that restarts chains (quoted);
- BK_TINH: the CSTDCS chain, the chain of the best rating, the initiatives within it, whether the year is
  rated, the restarting discipline.
A title of the batch without a key here is evaluated for every person (no memo). Beyond the facts, a few people
have an `extra` (`memo.Memo.extra_of`): the start of continuous service and the working year under review (LDTT,
CSTDCS read them) and the initiatives already used for an award (left out of the facts; the titles that count
initiatives key on those of their period, which their messages name). A test compares memoised and
direct evaluation on randomised ledgers (tests/reports/test_memo.py)."""


from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from tdkt.law.catalogue import Catalogue
from tdkt.law.rules.individual import add_months
from tdkt.law.schema import DisciplineEntry


def _param_or(catalogue, key: str, year: int, default):
    try:
        return catalogue.param(key, year).value
    except (KeyError, LookupError, ValueError):
        return default


def _first(pair):
    return pair[0]


class Facts(NamedTuple):
    """What the signatures read of one history (built once per person, shared by the titles' keys)."""

    rating: str | None  # the rating of the year under review
    best_chain: int  # length of the chain of the best rating ending in the year
    rated_before: int | None  # the last year before the one under review that is rated (quoted)
    first_cs_initiative: str | None  # scope of the first initiative of the year in the CSTĐCS scopes
    last_tinh_initiative: tuple | None  # (year, scope) of the last initiative of the CSTĐ tỉnh period
    last_tq_initiative: tuple | None  # (year, scope) of the last initiative of the CSTĐ toàn quốc period
    chain_initiatives: tuple  # ((year, scope), ...) within the best-rating chain, in the Bằng khen scopes
    cstdcs_prior: int  # the CSTĐCS chain ending the year before
    cstdcs_held: bool | None  # the year's CSTĐCS: None absent, True only proposed, False decided
    tinh_prior: int  # the CSTĐ tỉnh chain ending one period before
    tinh_held: bool | None
    blocking: DisciplineEntry | None  # the first discipline blocking the year
    restart_by: DisciplineEntry | None  # the discipline that restarts chains
    floor: int | None  # its last year (chains count only after it)


_NO_DISCIPLINE = (None, None, None)


def _last_day_within(months: int, limit: dt.date) -> dt.date:
    """The last day d with `add_months(d, months) <= limit` (the recruitment check's test; monotone in d)."""
    day = limit
    while add_months(day, months) > limit:
        day -= dt.timedelta(days=1)
    return day


class Signer:
    """Signatures for one catalogue snapshot and one year under review (the parameters are read once)."""

    def __init__(self, catalogue: Catalogue, year: int):
        self.year = year
        p = lambda key: catalogue.param(key, year).value  # noqa: E731
        self.floor = catalogue.order("discipline.order", year)[p("discipline.blocks_from")]
        self.order = catalogue.order("discipline.order", year)
        self.first_day, self.last_day = dt.date(year, 1, 1), dt.date(year, 12, 31)
        self.cstdcs_scopes = tuple(p("cstdcs.initiative_scopes"))
        self.tinh_first = year - p("cstd_tinh.cstdcs_chain_years") + 1
        self.tinh_scopes = tuple(p("cstd_tinh.initiative_scopes"))
        self.tq_step = catalogue.awards["CSTD_TINH"].period_years
        self.tq_first = year - self.tq_step * p("cstd_tq.cstd_tinh_chain") + 1
        self.tq_scopes = tuple(p("cstd_tq.initiative_scopes"))
        self.bk_scopes = tuple(p("bk_tinh.initiative_scopes"))
        self.excellent = p("rating.order")[0]
        # One initiative grounds one award (CV 5007/BNV-TĐKT): one used for an award is left out of the facts; the keys
        # of the titles that count initiatives carry the used ones of their period (award and year included), so the
        # initiative that grounded this very title is told from one used elsewhere.
        self.one_award = bool(p("initiative.one_award"))
        # What the rules read of the working year under review (`law.rules.individual`): the days off only where the
        # regime has the 40-day rule, a course only when long enough to replace the rating, a transfer whole.
        self.days_off_rule = _param_or(catalogue, "ldtt.max_days_off", year, True) not in (False, None)
        self.long_course = _param_or(catalogue, "ldtt.training_long_months", year, 0)
        # The recruitment check quotes the recruitment day, but its outcome only says whether the day is early enough:
        # the keys carry that class (`joined_class`) and the memo writes each person's own day into the shared result.
        months = _param_or(catalogue, "ldtt.min_months_since_recruitment", year, None)
        self.recruited_by = _last_day_within(months, dt.date(year + 1, 1, 1)) if isinstance(months, int) else None

    def joined_class(self, joined: dt.date | None, extra: tuple | None):
        """What the keys read of the recruitment day: whether it is early enough (True/False), or the day itself where
        the check may read another day (a continuous-service start) or the parameter is missing."""
        if joined is None or self.recruited_by is None or (extra is not None and extra[0] is not None):
            return joined
        return joined <= self.recruited_by

    def work_key(self, work) -> tuple | None:
        """The facts of the working year that the checks read and quote, or None when they read none of them (the
        person then shares the results of those without a working year)."""
        if work is None:
            return None
        days = (work.days_off, work.maternity_days) if self.days_off_rule else None
        course = (work.training_months, work.training_result) if work.training_months and work.training_months >= self.long_course else None
        moved = (work.transfer_from, work.transfer_months, work.transfer_comment) if work.transferred else None
        if days is None and course is None and moved is None:
            return None
        return days, course, moved

    def disciplines(self, disciplines) -> tuple:
        """(first blocking discipline, discipline that restarts chains, its last year) as `Ctx` reads them."""
        blocking = restart_by = restart_after = None
        order, floor, first, last = self.order, self.floor, self.first_day, self.last_day
        for d in disciplines:
            if order.get(d.form, -1) < floor or d.start > last:
                continue
            if blocking is None and d.end >= first:
                blocking = d
            if restart_after is None or d.end.year > restart_after:
                restart_after, restart_by = d.end.year, d
        return blocking, restart_by, restart_after

    def facts(self, ratings, awards, disciplines, initiatives) -> Facts:
        """Everything the signatures read of one history, in one pass over each list (the memo test compares the
        memoised batch with direct evaluation)."""
        disc = self.disciplines(disciplines) if disciplines else _NO_DISCIPLINE
        floor = disc[2]
        rated = self.rating_facts(ratings, floor)
        return tuple.__new__(Facts, rated + self.initiative_facts(initiatives, rated[1], floor) + self.award_facts(awards, floor)
                             + disc)

    @staticmethod
    def from_parts(rated: tuple, initiatives: tuple, awards: tuple) -> Facts:
        """Facts of a history without disciplines from the parts (each memoised by the memo on its token string)."""
        return tuple.__new__(Facts, rated + initiatives + awards + _NO_DISCIPLINE)

    def rating_facts(self, ratings, floor: int | None) -> tuple:
        """(rating of the year, length of the best-rating chain ending in it, the last earlier year rated); order of
        `ratings` does not matter."""
        year = self.year
        rated = {r.year: r.rating for r in ratings}
        n, y, excellent = 0, year, self.excellent
        while rated.get(y) == excellent and (floor is None or y > floor):
            n, y = n + 1, y - 1
        return rated.get(year), n, max((y for y in rated if y < year), default=None)

    def initiative_facts(self, initiatives, n: int, floor: int | None) -> tuple:
        """(first CSTĐCS-scope initiative of the year, last of the CSTĐ tỉnh period, last of the CSTĐ toàn quốc
        period, initiatives within the best-rating chain of length n); `initiatives` in the request's order."""
        year = self.year
        first_cs = last_tinh = last_tq = None
        cs_scopes, tinh_scopes, tq_scopes, tinh_first, tq_first = (self.cstdcs_scopes, self.tinh_scopes, self.tq_scopes,
                                                                   self.tinh_first, self.tq_first)
        found = ()
        if initiatives and self.one_award and any(i.used_for is not None for i in initiatives):
            initiatives = [i for i in initiatives if i.used_for is None]
        if initiatives:
            for i in initiatives:
                y, scope = i.year, i.scope
                if y == year and first_cs is None and scope in cs_scopes:  # the year's own initiatives: no floor
                    first_cs = scope
                if y > year or (floor is not None and y <= floor):
                    continue
                if y >= tinh_first and scope in tinh_scopes and (last_tinh is None or y >= last_tinh[0]):
                    last_tinh = (y, scope)
                if y >= tq_first and scope in tq_scopes and (last_tq is None or y >= last_tq[0]):
                    last_tq = (y, scope)
            if n:
                low, scopes = year - n + 1, self.bk_scopes
                found = tuple(sorted(((i.year, i.scope) for i in initiatives if low <= i.year <= year and i.scope in scopes),
                                     key=_first))
        return first_cs, last_tinh, last_tq, found

    def award_facts(self, awards, floor: int | None) -> tuple:
        """(CSTĐCS chain before the year, its flag for the year, CSTĐ tỉnh chain before the year, its flag)."""
        year = self.year
        cs: dict[int, bool] = {}
        tinh: dict[int, bool] = {}
        for a in awards:
            code = a.award
            if code == "CSTDCS":
                per = cs
            elif code == "CSTD_TINH":
                per = tinh
            else:
                continue
            if a.proposed and a.year != year:
                continue
            per[a.year] = per.get(a.year, True) and a.proposed
        return self._prior(cs, floor, 1), cs.get(year), self._prior(tinh, floor, self.tq_step), tinh.get(year)

    def _prior(self, years: dict[int, bool], floor: int | None, step: int) -> int:
        """Length of the chain ending one step before the year under review."""
        n, y = 0, self.year - step
        while y in years and (floor is None or y > floor):
            n, y = n + 1, y - step
        return n

    def chain_from_facts(self, held: bool | None, prior: int, proposed: bool, floor: int | None) -> tuple[int, bool | None]:
        """`chain` from the facts: the year counts when held or proposed in the round (and after any discipline)."""
        if floor is not None and self.year <= floor:
            return 0, None
        if held is not None:
            return prior + 1, held
        if proposed:
            return prior + 1, True
        return 0, None


# --- The key of each title ----------------------------------------------------------------------------------------
# For one run (one year): `keys(signer)` gives, per title, a function (facts, the titles of the year proposed so far,
# the recruitment day or its class (`Signer.joined_class`), the extra facts or None) → the key of its result. The chain of a title counts the year when it is held or proposed in
# the round, after any discipline (`Signer.chain_from_facts`, inlined: these run five times per person).


def keys(signer: Signer) -> dict:
    year = signer.year

    def chain(held, prior, proposed, floor):
        if floor is not None and year <= floor:
            return 0, None
        if held is not None:
            return prior + 1, held
        if proposed:
            return prior + 1, True
        return 0, None

    tinh_first, tq_first = signer.tinh_first, signer.tq_first

    def used_from(extra, first: int) -> tuple:
        return tuple(u for u in extra[2] if u[0] >= first) if extra is not None and extra[2] else ()

    # Each key unpacks the facts by name (one UNPACK_SEQUENCE: cheaper than five attribute reads).
    def ldtt(f: Facts, proposed, joined, extra) -> tuple:
        rating, _, rated_before, _, _, _, _, _, _, _, _, blocking, _, _ = f
        return (rating, joined, blocking, rated_before if joined is None else None, extra[:2] if extra is not None else None)

    def cstdcs(f: Facts, proposed, joined, extra) -> tuple:
        rating, _, rated_before, first_cs_initiative, _, _, _, _, _, _, _, blocking, _, _ = f
        return (rating, joined, blocking, first_cs_initiative, rated_before if joined is None else None,
                extra[:2] if extra is not None else None, used_from(extra, year))

    def cstd_tinh(f: Facts, proposed, joined, extra) -> tuple:
        _, _, _, _, last_tinh_initiative, _, _, cstdcs_prior, cstdcs_held, _, _, blocking, restart_by, floor = f
        return (chain(cstdcs_held, cstdcs_prior, "CSTDCS" in proposed, floor), blocking, restart_by, last_tinh_initiative,
                used_from(extra, tinh_first))

    def cstd_tq(f: Facts, proposed, joined, extra) -> tuple:
        _, _, _, _, _, last_tq_initiative, _, _, _, tinh_prior, tinh_held, blocking, restart_by, floor = f
        return (chain(tinh_held, tinh_prior, "CSTD_TINH" in proposed, floor), blocking, restart_by, last_tq_initiative,
                used_from(extra, tq_first))

    def bk_tinh(f: Facts, proposed, joined, extra) -> tuple:
        rating, best_chain, _, _, _, _, chain_initiatives, cstdcs_prior, cstdcs_held, _, _, blocking, restart_by, floor = f
        return (chain(cstdcs_held, cstdcs_prior, "CSTDCS" in proposed, floor), best_chain, chain_initiatives, rating is None,
                blocking, restart_by, used_from(extra, year - max(best_chain, 1) + 1))

    return {"LDTT": ldtt, "CSTDCS": cstdcs, "CSTD_TINH": cstd_tinh, "CSTD_TQ": cstd_tq, "BK_TINH": bk_tinh}
