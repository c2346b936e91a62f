"""The working-day calendar of Việt Nam's public bodies, and time limits counted in working days.

Where the days come from (docs/decisions/0015-working-day-calendar.md):

1. an administrator's override (`core.WorkingDayOverride`, set through `core.services.working_day_override_set`)
   wins for its date: a Saturday made a working day, a weekday made a day off, by a notice the `holidays` package
   does not know yet;
2. otherwise the `holidays` package (its Vietnam calendar: public holidays, lunar Tết, the days off in lieu of a
   holiday on a weekend, and the day swaps of the public sector — a weekday off in exchange for a working Saturday);
   nothing is retyped here;
3. otherwise Saturday and Sunday are days off and the other days are working days.

Counting (Bộ luật Dân sự 2015, Art 147-148): a time limit counted from an event starts on the day after the event;
`add_working_days(start, n)` is the n-th working day after `start`, so the last day of a limit is always a working day.
A dossier returned for supplement stops the clock: a pause `(returned_on, resubmitted_on)` leaves out every day after
`returned_on` up to and including `resubmitted_on` (the day of return still counts, counting resumes on the day after
the resubmission, as Art 147 says of any event). `resubmitted_on` may be None while the dossier is still out.

Every public function reads the overrides once (`overrides()`, memoised in the shared cache while its generation
holds, see core.shared_cache); `current()` gives a `Calendar` over one read, for a caller that asks many questions.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from types import MappingProxyType

import holidays
from django.utils import timezone

from . import shared_cache
from .errors import DomainError

FAMILY = "core.calendar"
MAX_COUNT = 10_000  # working days: some forty years, far beyond any time limit of the law
WEEKDAY_NAMES = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ nhật")
WEEKEND_REASON = "nghỉ cuối tuần"
WEEKEND = frozenset({5, 6})  # Saturday, Sunday (Quyết định 188/1999/QĐ-TTg: the 40-hour week of the public sector)

type Pause = tuple[dt.date, dt.date | None]


class Source:
    OVERRIDE = "override"  # an administrator's override
    HOLIDAYS = "holidays"  # the `holidays` package
    WEEK = "week"  # the ordinary week


@dataclass(frozen=True)
class Day:
    """One day of the calendar: whether it is a working day, why (Vietnamese), and who says so."""

    day: dt.date
    working: bool
    reason: str  # the holiday's name, "nghỉ cuối tuần", the override's reason; "" for an ordinary weekday
    source: str  # Source.*
    legal_basis: str = ""  # an override's legal basis

    def describe(self) -> str:
        """E.g. "16/02/2026 (Thứ Hai): ngày nghỉ — Giao thừa Tết Nguyên Đán"."""
        kind = "ngày làm việc" if self.working else "ngày nghỉ"
        why = self.reason + (f"; căn cứ: {self.legal_basis}" if self.legal_basis else "")
        if self.source == Source.OVERRIDE:
            why = f"điều chỉnh của quản trị: {why}"
        return f"{self.day:%d/%m/%Y} ({WEEKDAY_NAMES[self.day.weekday()]}): {kind}" + (f" — {why}" if why else "")


# --- the holidays package ---------------------------------------------------------------------------------------

@functools.lru_cache(maxsize=512)
def package_year(year: int) -> tuple[Mapping[dt.date, str], Mapping[dt.date, str]]:
    """What the `holidays` package says of `year`: (its days off → name, its working weekend days → name).

    The package's data of `year` + 1 is read too: a working Saturday late in December may be swapped for a day off
    in January (2014-12-27 for 2015-01-02). Pure and deterministic for an installed version of the package."""
    years = [y for y in (year, year + 1) if 1 <= y <= 9999]
    data = holidays.Vietnam(years=years, language="vi")  # categories: "public", the only one the package has
    days_off = {day: name for day, name in data.items() if day.year == year}
    working = {day: _swap_name(day, data) for day in data.weekend_workdays if day.year == year}
    return MappingProxyType(days_off), MappingProxyType(working)  # shared by every caller: read-only


def _swap_name(day: dt.date, data) -> str:
    """The name of a working weekend day: the day off it was swapped for, found by the package's own label
    ("Ngày nghỉ (thay cho ngày 22/08/2026)" on 31/08/2026)."""
    label = day.strftime("%d/%m/%Y")
    for other, name in sorted(data.items()):
        if label in name:
            return f"làm việc bù cho ngày nghỉ {other:%d/%m/%Y}"
    return "làm việc bù (hoán đổi ngày làm việc)"


# --- the calendar -----------------------------------------------------------------------------------------------

type Overrides = Mapping[dt.date, tuple[bool, str, str]]  # day → (is a working day, reason, legal basis)


class Calendar:
    """The calendar over one read of the overrides. Every method is pure given the overrides.

    `Calendar()` is the package's calendar alone; `Calendar(load=overrides)` reads the overrides when a day is first
    asked (so that arguments are checked before the database is reached)."""

    def __init__(self, overrides: Overrides | None = None, *, load: Callable[[], Overrides] | None = None):
        self._overrides: Overrides | None = dict(overrides) if overrides is not None else None if load else {}
        self._load = load

    @property
    def overrides(self) -> Overrides:
        if self._overrides is None:
            self._overrides = dict(self._load())
        return self._overrides

    # days

    def day(self, day: dt.date) -> Day:
        """The day with its reason: an override's, else the package's holiday or swap, else the week's."""
        day = _as_date(day)
        if day in self.overrides:
            working, reason, legal_basis = self.overrides[day]
            return Day(day, working, reason, Source.OVERRIDE, legal_basis)
        days_off, working_weekend = package_year(day.year)
        if day.weekday() in WEEKEND:
            if day in working_weekend:
                return Day(day, True, working_weekend[day], Source.HOLIDAYS)
            if day in days_off:
                return Day(day, False, days_off[day], Source.HOLIDAYS)
            return Day(day, False, WEEKEND_REASON, Source.WEEK)
        if day in days_off:
            return Day(day, False, days_off[day], Source.HOLIDAYS)
        return Day(day, True, "", Source.WEEK)

    def is_working_day(self, day: dt.date) -> bool:
        """Whether `day` is a working day: the override of the day, else the package (a weekend day is a working day
        only when it is one of its swaps, a weekday only when it is none of its days off), else Monday to Friday."""
        day = _as_date(day)
        if day in self.overrides:
            return self.overrides[day][0]
        days_off, working_weekend = package_year(day.year)
        return day in working_weekend if day.weekday() in WEEKEND else day not in days_off

    def days_off(self, after: dt.date, until: dt.date) -> list[Day]:
        """The days off after `after` up to and including `until` (what a count skipped)."""
        return [self.day(day) for day in _days(_as_date(after), _as_date(until)) if not self.is_working_day(day)]

    def year(self, year: int) -> list[Day]:
        """The days of `year` that are not what the ordinary week makes them: holidays (weekends included), working
        weekend days, overrides; in date order."""
        days_off, working_weekend = package_year(year)
        marked = set(days_off) | set(working_weekend) | {d for d in self.overrides if d.year == year}
        return [self.day(day) for day in sorted(marked)]

    # counts

    def add_working_days(self, start: dt.date, n: int) -> dt.date:
        """The n-th working day after `start` (Art 147 BLDS: counting starts on the day after the event); n = 0 is
        `start` itself, whatever day it is. A negative n is refused (DomainError)."""
        return self.deadline(start, n)

    def working_days_between(self, a: dt.date, b: dt.date) -> int:
        """The working days after `a` up to and including `b`; when `b` is before `a`, minus the working days after
        `b` up to and including `a`. So `add_working_days(a, working_days_between(a, b)) == b` whenever `b` is a
        working day after `a`, and `working_days_between(a, a) == 0`."""
        a, b = _as_date(a), _as_date(b)
        if b < a:
            return -self.working_days_between(b, a)
        return sum(1 for day in _days(a, b) if self.is_working_day(day))

    def deadline(self, start: dt.date, n: int, pauses: Iterable[Pause] = ()) -> dt.date:
        """The last day of a limit of `n` working days counted from the event of `start` (the n-th working day after
        `start` outside the pauses). Refused (DomainError) while an open pause (not yet resubmitted) stops the clock
        before the limit is reached: the last day is not known yet."""
        start, n, spans = _as_date(start), _as_count(n), _as_pauses(pauses)
        day, counted = start, 0
        while counted < n:
            day = _next(day)
            for returned_on, resubmitted_on in spans:
                if resubmitted_on is None and returned_on < day:
                    raise DomainError(f"Hồ sơ đang được trả lại để bổ sung (từ ngày {returned_on:%d/%m/%Y}): thời hạn "
                                      "dừng lại và chỉ tính tiếp từ ngày sau ngày hồ sơ được nộp lại.", code="paused")
            if self.is_working_day(day) and not _paused(day, spans):
                counted += 1
        return day

    def working_days_elapsed(self, start: dt.date, today: dt.date | None = None, pauses: Iterable[Pause] = ()) -> int:
        """The working days counted so far: after `start` up to and including `today` (default: today in TIME_ZONE),
        outside the pauses; 0 while `today` is `start` or before it."""
        start, today, spans = _as_date(start), _today(today), _as_pauses(pauses)
        return sum(1 for day in _days(start, today) if self.is_working_day(day) and not _paused(day, spans))

    def working_days_left(self, start: dt.date, n: int, today: dt.date | None = None, pauses: Iterable[Pause] = ()) -> int:
        """`n` minus the working days elapsed: 0 on the last day of the limit (still in time, Art 148 BLDS: a limit
        ends at the end of its last day), negative once it is overdue. A pause freezes it."""
        return _as_count(n) - self.working_days_elapsed(start, today, pauses)


# --- module-level functions: one read of the overrides each ------------------------------------------------------

def overrides() -> Overrides:
    """Every administrator override, day → (is a working day, reason, legal basis): one query, or the shared cache."""
    return shared_cache.get_or_build(FAMILY, "overrides", _read_overrides)


def _read_overrides() -> dict[dt.date, tuple[bool, str, str]]:
    from .models import WorkingDayOverride

    return {day: (working, reason, legal_basis) for day, working, reason, legal_basis in
            WorkingDayOverride.objects.values_list("day", "is_working_day", "reason", "legal_basis")}


def overrides_changed() -> None:
    """Drop the memoised overrides in every worker (now and when the current transaction commits)."""
    shared_cache.bump(FAMILY)


def current() -> Calendar:
    """The calendar with the administrators' overrides (read on the first question asked of it)."""
    return Calendar(load=overrides)


def day_info(day: dt.date) -> Day:
    """`Calendar.day` over the current overrides."""
    return current().day(day)


def is_working_day(day: dt.date) -> bool:
    """`Calendar.is_working_day` over the current overrides."""
    return current().is_working_day(day)


def add_working_days(start: dt.date, n: int) -> dt.date:
    """`Calendar.add_working_days` over the current overrides."""
    return current().add_working_days(start, n)


def working_days_between(a: dt.date, b: dt.date) -> int:
    """`Calendar.working_days_between` over the current overrides."""
    return current().working_days_between(a, b)


def deadline(start: dt.date, n: int, pauses: Iterable[Pause] = ()) -> dt.date:
    """`Calendar.deadline` over the current overrides."""
    return current().deadline(start, n, pauses)


def working_days_elapsed(start: dt.date, today: dt.date | None = None, pauses: Iterable[Pause] = ()) -> int:
    """`Calendar.working_days_elapsed` over the current overrides."""
    return current().working_days_elapsed(start, today, pauses)


def working_days_left(start: dt.date, n: int, today: dt.date | None = None, pauses: Iterable[Pause] = ()) -> int:
    """`Calendar.working_days_left` over the current overrides."""
    return current().working_days_left(start, n, today, pauses)


# --- helpers ----------------------------------------------------------------------------------------------------

def _as_date(value) -> dt.date:
    if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
        raise TypeError(f"a datetime.date is expected, not {value!r}")  # a datetime's day depends on its time zone
    return value


def _as_count(n) -> int:
    if isinstance(n, bool) or not isinstance(n, int):
        raise TypeError(f"an int is expected, not {n!r}")
    if n < 0:
        raise DomainError(f"Số ngày làm việc phải là số nguyên không âm (đã nhập {n}).", code="negative")
    if n > MAX_COUNT:
        raise DomainError(f"Số ngày làm việc quá lớn ({n}); tối đa {MAX_COUNT}.", code="too_large")
    return n


def _as_pauses(pauses: Iterable[Pause]) -> tuple[tuple[dt.date, dt.date | None], ...]:
    spans = []
    for returned_on, resubmitted_on in pauses:
        returned_on = _as_date(returned_on)
        if resubmitted_on is not None:
            resubmitted_on = _as_date(resubmitted_on)
            if resubmitted_on < returned_on:
                raise DomainError(f"Ngày nộp lại hồ sơ ({resubmitted_on:%d/%m/%Y}) trước ngày trả lại để bổ sung "
                                  f"({returned_on:%d/%m/%Y}).", code="pause")
        spans.append((returned_on, resubmitted_on))
    return tuple(spans)


def _paused(day: dt.date, spans) -> bool:
    return any(returned_on < day and (resubmitted_on is None or day <= resubmitted_on) for returned_on, resubmitted_on in spans)


def _today(today: dt.date | None) -> dt.date:
    return timezone.localdate() if today is None else _as_date(today)


def _next(day: dt.date) -> dt.date:
    try:
        return day + dt.timedelta(days=1)
    except OverflowError:
        raise DomainError("Ngày vượt quá giới hạn của lịch (năm 9999).", code="overflow") from None


def _days(after: dt.date, until: dt.date):
    """The days after `after` up to and including `until`."""
    for offset in range(1, (until - after).days + 1):
        yield after + dt.timedelta(days=offset)
