"""History signatures: for one (title, year), the facts of a history that the evaluator reads.

`evaluate` is pure given the catalogue snapshot, so two requests of the same award and year with the same
signature give equal results; the batch run memoises on it (`reports.batch.Memo` builds one key per title from
`Signer.facts`; docs/decisions/0005-batch-eligibility.md). The facts mirror `engine.EVALUATORS` for the
individual titles the batch judges (LDTT, CSTDCS, CSTD_TINH, CSTD_TQ, BK_TINH) and `Ctx`:
- every title: the first discipline blocking the year (it is quoted);
- LDTT: the year's rating and the recruitment date (quoted in the message);
- CSTDCS: the same, plus the first initiative of the year in the catalogue's scopes;
- CSTD_TINH, CSTD_TQ: the length of the chain ending in the year (a chain is consecutive years, so its
  length gives its years) and whether the year's title is only proposed; the last initiative in the
  period; the discipline that restarts chains (quoted);
- BK_TINH: the CSTDCS chain, the chain of the best rating, the initiatives within it, whether the year is
  rated, the restarting discipline.
A test compares memoised and direct evaluation on randomised ledgers (tests/reports/test_memo.py)."""

from __future__ import annotations

import datetime as dt

from ..catalogue import Catalogue

def _first(pair):
    return pair[0]


SIGNED = ("LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "BK_TINH")


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

    def facts(self, ratings, awards, disciplines, initiatives) -> tuple:
        """Everything the five signatures read of one history, in one pass over each list (the memo test compares
        the memoised batch with direct evaluation).

        (rating of the year, length of the best-rating chain, first CSTĐCS-scope initiative of the year,
        last initiative of the CSTĐ tỉnh period, of the CSTĐ toàn quốc period, initiatives within the
        best-rating chain, the CSTĐCS and CSTĐ tỉnh chains before the year and their flags for the year,
        (blocking discipline, restarting discipline, its last year)).
        """
        blocking, restart_by, floor = self.disciplines(disciplines) if disciplines else (None, None, None)
        rating, n = self.rating_facts(ratings, floor)
        return (rating, n, *self.initiative_facts(initiatives, n, floor), *self.award_facts(awards, floor),
                (blocking, restart_by, floor))

    def rating_facts(self, ratings, floor: int | None) -> tuple:
        """(rating of the year, length of the best-rating chain ending in it); order of `ratings` does not matter."""
        year = self.year
        rated = {r.year: r.rating for r in ratings}
        n, y, excellent = 0, year, self.excellent
        while rated.get(y) == excellent and (floor is None or y > floor):
            n, y = n + 1, y - 1
        return rated.get(year), n

    def initiative_facts(self, initiatives, n: int, floor: int | None) -> tuple:
        """(first CSTĐCS-scope initiative of the year, last of the CSTĐ tỉnh period, last of the CSTĐ toàn quốc
        period, initiatives within the best-rating chain of length n); `initiatives` in the request's order."""
        year = self.year
        first_cs = last_tinh = last_tq = None
        cs_scopes, tinh_scopes, tq_scopes, tinh_first, tq_first = (self.cstdcs_scopes, self.tinh_scopes, self.tq_scopes,
                                                                   self.tinh_first, self.tq_first)
        found = ()
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
