"""The evaluation context: the request read once into per-year dictionaries, and the parameters it reads."""

from __future__ import annotations

import datetime as dt

from ..catalogue import AwardInfo, Catalogue, RegimeInfo, Row
from ..schema import DisciplineEntry, EligibilityRequest, Parameter, WorkYearEntry


class Ctx:
    """What every rule needs, computed once per evaluation (no copies of the request's tuples)."""

    __slots__ = ("request", "catalogue", "year", "round_year", "award", "regime", "ratings", "titles", "initiatives",
                 "used_elsewhere", "work", "blocking", "restart_after", "restart_by", "discipline_row")

    def __init__(self, request: EligibilityRequest, catalogue: Catalogue, award: AwardInfo, regime: RegimeInfo):
        self.request = request
        self.catalogue = catalogue
        # `year`: the last year of the achievement (the year under review, or the end of a late proposal's period);
        # `round_year`: the year of the proposal, whose rules judge it (DOMAIN.md §3, "the achievement period").
        self.round_year = request.year
        self.year = year = request.period_to if request.period_to is not None else request.year
        self.award = award
        self.regime = regime
        self.ratings: dict[int, str] = {r.year: r.rating for r in request.ratings}
        # award code → {year: proposed?}; a proposed title counts only for the year under review.
        titles: dict[str, dict[int, bool]] = {}
        for a in request.awards:
            if a.proposed and a.year != request.year:
                continue
            per = titles.get(a.award)
            if per is None:
                per = titles[a.award] = {}
            per[a.year] = per.get(a.year, True) and a.proposed
        self.titles = titles
        # One initiative grounds one award (CV 5007/BNV-TĐKT): one already used for another award is set apart,
        # with the award that used it (the checks say which).
        initiatives: dict[int, list[str]] = {}
        self.used_elsewhere: dict[int, list[tuple[str, str, int | None]]] = {}
        one_award = None
        for i in request.initiatives:
            if i.used_for is not None and (i.used_for != award.code or i.used_year != year):
                if one_award is None:
                    one_award = bool(self.param("initiative.one_award").value)
                if one_award:
                    self.used_elsewhere.setdefault(i.year, []).append((i.scope, i.used_for, i.used_year))
                    continue
            initiatives.setdefault(i.year, []).append(i.scope)
        self.initiatives = initiatives
        self.work: dict[int, WorkYearEntry] = {w.year: w for w in request.work_years}
        # Disciplines heavy enough to block (by the year's rule): those overlapping the year, and the last
        # year they touch (chains restart after it).
        self.discipline_row = row = self.param("discipline.blocks_from")
        self.blocking: list[DisciplineEntry] = []
        self.restart_after: int | None = None
        self.restart_by: DisciplineEntry | None = None
        if request.disciplines:
            order = catalogue.order("discipline.order", year)
            floor = order[row.value]
            # A late proposal: a discipline from the achievement's last year to the proposal's blocks it.
            first, last = dt.date(year, 1, 1), dt.date(request.year, 12, 31)
            for d in request.disciplines:
                if order.get(d.form, -1) < floor or d.start > last:
                    continue
                if d.end >= first:
                    self.blocking.append(d)
                if self.restart_after is None or d.end.year > self.restart_after:
                    self.restart_after, self.restart_by = d.end.year, d

    def param(self, key: str) -> Row:
        """The catalogue parameter that judges the request: in force on the day the dossier was received, or (no
        such day given) at the year-end round of the year under review."""
        if self.request.received_on is not None:
            return self.catalogue.param_on(key, self.request.received_on)
        return self.catalogue.param(key, self.round_year)

    def chain(self, code: str, step: int = 1) -> list[int]:
        """Years of the unbroken chain of a title ending in the year under review (ascending), after any discipline."""
        years = self.titles.get(code)
        out: list[int] = []
        if not years:
            return out
        y, floor = self.year, self.restart_after
        while y in years and (floor is None or y > floor):
            out.append(y)
            y -= step
        out.reverse()
        return out

    def rating_chain(self, rating: str) -> list[int]:
        out: list[int] = []
        y, floor = self.year, self.restart_after
        while self.ratings.get(y) == rating and (floor is None or y > floor):
            out.append(y)
            y -= 1
        out.reverse()
        return out

    def used_in(self, first: int, last: int, scopes) -> list[tuple[int, str, str, int | None]]:
        """The initiatives of those years and scopes set apart because another award used them."""
        floor = self.restart_after
        return [(y, scope, code, used_year) for y in range(first, last + 1) if floor is None or y > floor
                for scope, code, used_year in self.used_elsewhere.get(y, ()) if scope in scopes]

    def initiatives_in(self, first: int, last: int, scopes) -> list[tuple[int, str]]:
        floor = self.restart_after
        out = []
        for y in range(first, last + 1):
            if floor is not None and y <= floor:
                continue
            for scope in self.initiatives.get(y, ()):
                if scope in scopes:
                    out.append((y, scope))
        return out


_USED: dict[tuple[str, int], tuple[Row, Parameter]] = {}


def used(key: str, row: Row) -> Parameter:
    """The trace entry of a parameter a check read (one per row of the snapshot: the rows are shared)."""
    cached = _USED.get((key, id(row)))
    if cached is None or cached[0] is not row:
        cached = _USED[(key, id(row))] = (row, Parameter(key, row.value, row.legal_basis))
    return cached[1]


def discipline_fact(d: DisciplineEntry | None) -> dict | None:
    return None if d is None else {"form": d.form, "start": d.start, "end": d.end}
