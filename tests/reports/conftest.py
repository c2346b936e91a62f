"""Fixtures of the batch eligibility tests: deterministic ledgers, immediate tasks, media in a temp dir."""

from __future__ import annotations

import datetime as dt
import random

import pytest

from tdkt.core import vntext
from tdkt.org.models import Gender, Person
from tdkt.records.models import AwardRecord, AwardRevocation, Discipline, Initiative, YearRating

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
MIDDLE = ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc", "Hữu", "Thanh", "Quốc", "Bảo"]
GIVEN = ["An", "Ánh", "Bình", "Cường", "Dũng", "Đào", "Giang", "Hà", "Hải", "Hùng", "Lan", "Linh", "Long", "Mai", "Nam", "Oanh",
         "Phúc", "Quân", "Sơn", "Tâm", "Thảo", "Uyên", "Vinh", "Yến", "Ân", "Ước"]


@pytest.fixture
def immediate_tasks(settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    from django.tasks import task_backends
    from django.tasks.backends.immediate import ImmediateBackend

    # django.tasks drops its backend instances on setting_changed, so the override is picked up.
    assert isinstance(task_backends["default"], ImmediateBackend)
    return settings


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


# The titles the shipped catalogue flags for the batch, in their order (test_batch checks the catalogue says so).
TITLES = ("LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "BK_TINH")


def make_people(unit, n: int, *, year: int, seed: int) -> list[Person]:
    """n people in the unit with a varied, reproducible ledger over year-7..year.

    Covers: excellent and good ratings, missing ratings, CSTĐCS chains of various lengths, CSTĐ tỉnh awards,
    initiatives of every scope, disciplines overlapping the year or ended before, revoked awards, recent recruits.
    """
    rnd = random.Random(seed)
    people = []
    for k in range(n):
        name = f"{rnd.choice(FAMILY)} {rnd.choice(MIDDLE)} {rnd.choice(GIVEN)}"
        joined = dt.date(year, 9, 1) if rnd.random() < 0.06 else dt.date(rnd.randint(1995, year - 2), rnd.randint(1, 12), 1)
        person = Person.objects.create(
            full_name=name, name_sort_key=vntext.person_sort_key(name), gender=rnd.choice(Gender.values), unit=unit,
            date_of_birth=dt.date(rnd.randint(1965, 2000), rnd.randint(1, 12), rnd.randint(1, 28)), joined_on=joined,
            is_direct_worker=rnd.random() < 0.5,
        )
        people.append(person)
        profile = rnd.random()  # strong people have long chains
        for y in range(year - 7, year + 1):
            if rnd.random() < 0.05:
                continue  # missing rating
            good = rnd.random() < 0.3 + 0.6 * profile
            rating = "HTXSNV" if good and rnd.random() < 0.6 + 0.3 * profile else ("HTTNV" if good or rnd.random() < 0.6 else rnd.choice(["HTNV", "KHTNV"]))
            YearRating.objects.create(person=person, year=y, rating=rating)
            if y < year and rating in ("HTXSNV", "HTTNV"):
                AwardRecord.objects.create(person=person, award_code="LDTT", year=y)
                if rating == "HTXSNV" and rnd.random() < 0.5 + 0.5 * profile:
                    revoked = AwardRevocation.objects.create(revoked_on=dt.date(y + 1, 6, 1), reason="Kê khai sai") \
                        if rnd.random() < 0.04 else None
                    AwardRecord.objects.create(person=person, award_code="CSTDCS", year=y, revocation=revoked)
            if rnd.random() < 0.2 + 0.5 * profile:
                scope = rnd.choices(["CO_SO", "TINH", "TOAN_QUOC"], weights=[8, 3, 1])[0]
                Initiative.objects.create(person=person, year=y, title=f"Sáng kiến {k}-{y}", scope=scope)
        if profile > 0.7:
            for y in (year - 3, year - 6):
                if rnd.random() < 0.7:
                    AwardRecord.objects.create(person=person, award_code="CSTD_TINH", year=y)
        if rnd.random() < 0.08:
            start = dt.date(year, rnd.randint(1, 12), 1) if rnd.random() < 0.5 else dt.date(year - 3, 2, 1)
            Discipline.objects.create(person=person, form=rnd.choice(["KHIEN_TRACH", "CANH_CAO"]), start=start, end=start + dt.timedelta(days=365))
    return people
