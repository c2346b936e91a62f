"""The anniversaries of a year with their round jubilees ("95 năm Ngày thành lập Đảng Cộng sản Việt Nam")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .models import Anniversary

ROUND = 5  # a jubilee is "chẵn" every five years (5, 10, …, 95, 135)


@dataclass(frozen=True)
class Occurrence:
    anniversary: Anniversary
    on: dt.date
    years: int | None  # since the founding year, None when it is not known

    @property
    def is_round(self) -> bool:
        return self.years is not None and self.years > 0 and self.years % ROUND == 0

    @property
    def label(self) -> str:
        """"Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2025)", or the name and day alone."""
        a = self.anniversary
        if self.years is None or self.years <= 0:
            return f"{a.name} ({a.day}/{a.month}/{self.on.year})"
        name = f"{a.name[:1].lower()}{a.name[1:]}" if a.kind == "birth" else a.name
        head = f"Kỷ niệm {self.years} năm {name}"
        return f"{head} ({a.day}/{a.month}/{a.founding_year} - {a.day}/{a.month}/{self.on.year})"


def occurrence(anniversary: Anniversary, year: int) -> Occurrence:
    years = year - anniversary.founding_year if anniversary.founding_year else None
    return Occurrence(anniversary=anniversary, on=anniversary.date_in(year), years=years)


def anniversaries_of(year: int, *, round_only: bool = False) -> list[Occurrence]:
    """Every active anniversary in `year`, by date, with its number of years (round jubilees only with `round_only`)."""
    out = [occurrence(a, year) for a in Anniversary.objects.filter(active=True)]
    out.sort(key=lambda o: (o.on, o.anniversary.pk))
    return [o for o in out if o.is_round] if round_only else out


def next_occurrence(anniversary: Anniversary, on_or_after: dt.date) -> Occurrence:
    """The first day of the anniversary on or after a date (the one a movement starting that day greets)."""
    first = occurrence(anniversary, on_or_after.year)
    return first if first.on >= on_or_after else occurrence(anniversary, on_or_after.year + 1)
