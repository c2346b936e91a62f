"""The anniversaries of a year with their round jubilees ("95 năm Ngày thành lập Đảng Cộng sản Việt Nam")."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .models import Anniversary

ROUND = 5  # a jubilee is "chẵn" every five years (5, 10, …, 95, 135)

# The anniversaries the seed plan greets (Đống Đa 2025, III.1.2): name, day, month, founding year, kind. Loaded by
# migration 0002 and editable in the admin afterwards.
DEFAULTS = [
    ("Ngày Tổng tuyển cử đầu tiên bầu Quốc hội Việt Nam", 6, 1, 1946, "anniversary"),
    ("Ngày thành lập Đảng Cộng sản Việt Nam", 3, 2, 1930, "anniversary"),
    ("Ngày giải phóng miền Nam, thống nhất đất nước", 30, 4, 1975, "anniversary"),
    ("Ngày sinh của Chủ tịch Hồ Chí Minh", 19, 5, 1890, "birth"),
    ("Ngày Chủ tịch Hồ Chí Minh ra Lời kêu gọi thi đua ái quốc", 11, 6, 1948, "anniversary"),
    ("Ngày truyền thống Công an nhân dân Việt Nam", 19, 8, 1945, "anniversary"),
    ("Ngày hội Toàn dân bảo vệ an ninh Tổ quốc", 19, 8, 2005, "anniversary"),
    ("Ngày thành lập nước Việt Nam Dân chủ Cộng hòa, nay là nước Cộng hòa xã hội chủ nghĩa Việt Nam", 2, 9, 1945, "anniversary"),
    ("Ngày Giải phóng Thủ đô", 10, 10, 1954, "anniversary"),
]


def add_defaults(model=Anniversary) -> None:
    """Add the default anniversaries the table lacks (by name; an administrator's changes are kept)."""
    for name, day, month, year, kind in DEFAULTS:
        model.objects.get_or_create(name=name, defaults={"day": day, "month": month, "founding_year": year, "kind": kind})


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
