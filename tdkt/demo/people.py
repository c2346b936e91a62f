"""The demo's people: the staff of every unit, the accounts' own people, the two named people of the tour."""

from __future__ import annotations

import datetime as dt

from tdkt.core import vntext
from tdkt.org.models import Membership, Person, Unit
from tdkt.org.search import index_people

from .base import ACCOUNT_GENDERS, ACCOUNTS, PEOPLE_PER_WARD, UNITS


def generate(d) -> None:
    """People with their memberships (in bulk), placed by the blueprint's weights."""
    g, rng, level1, meta, teams_of, villages = d.g, d.rng, d.level1, d.meta, d.teams_of, d.villages
    # --- People --------------------------------------------------------------------------------------
    total_weight = sum(bp.weight for bp in UNITS)
    per_ward = max(len(UNITS), round(PEOPLE_PER_WARD * g.size))
    people: list[Person] = []
    placement: list[tuple[Unit, Unit]] = []  # (membership unit, ward)
    named: dict[str, Person] = {}
    accounts_by_place = {}
    for username, full_name, _, scope, _, place in ACCOUNTS:
        if place:
            accounts_by_place.setdefault((scope, place[0]), []).append((username, full_name, place[1]))

    def make(unit, ward, full_name, gender, position, leader, direct, born=None, joined=None):
        born = born or dt.date(rng.randint(1968, 2001), rng.randint(1, 12), rng.randint(1, 28))
        if joined is None:
            earliest = dt.date(born.year + 22, 1, 1)
            joined = min(dt.date(rng.randint(earliest.year, max(earliest.year, 2024)), rng.randint(1, 12), 1), dt.date(2025, 6, 1))
            if rng.random() < 0.03:
                joined = dt.date(2025, rng.randint(3, 9), 1)  # recent recruits (the 6-month rule)
        person = Person(
            full_name=full_name, name_sort_key=vntext.person_sort_key(full_name), gender=gender, date_of_birth=born,
            citizen_id=g.citizen_id(gender, born) if rng.random() < 0.65 else None, position=position,
            is_leader=leader, is_direct_worker=direct, unit=unit, joined_on=joined,
        )
        people.append(person)
        placement.append((unit, ward))
        return person

    for (ward, bp), unit in [(m, u) for u, m in zip(level1, meta) if m[1] is not None]:
        count = max(len(bp.positions) + 1, round(bp.weight * per_ward / total_weight))
        fixed = accounts_by_place.get((ward.code, bp.suffix), [])
        fixed_positions = [pos for _, _, pos in fixed]
        staff_units = teams_of.get(unit.pk) or [unit]
        made = 0
        for username, full_name, position in fixed:
            gender = ACCOUNT_GENDERS[username]
            leader = position.startswith(("Chủ tịch", "Phó Chủ tịch", "Chánh", "Trưởng phòng"))
            named[username] = make(unit, ward, full_name, gender, position, leader, False)
            made += 1
        for position, leader in bp.positions:
            if position in fixed_positions:
                fixed_positions.remove(position)
                continue
            gender = "F" if rng.random() < bp.female else "M"
            make(unit, ward, g.name(gender), gender, position, leader, False)
            made += 1
        if ward.code == "phuong_dong_da" and bp.suffix == "thcs":
            named["ha"] = make(staff_units[0], ward, "Nguyễn Thị Thu Hà", "F", "Giáo viên Vật lý", False, True,
                               born=dt.date(1982, 4, 17), joined=dt.date(2006, 9, 1))
            made += 1
        if ward.code == "phuong_dong_da" and bp.suffix == "ktht":
            named["hung"] = make(unit, ward, "Trần Văn Hùng", "M", "Chuyên viên quản lý đất đai", False, False,
                                 born=dt.date(1979, 11, 3), joined=dt.date(2004, 3, 1))
            made += 1
        for n in range(max(0, count - made)):
            target = staff_units[n % len(staff_units)]
            gender = "F" if rng.random() < bp.female else "M"
            is_office = target.code.endswith("_tovp")
            position = ("Tổ trưởng chuyên môn" if n < len(staff_units) and not is_office else
                        rng.choice(["Kế toán", "Văn thư", "Nhân viên thiết bị", "Nhân viên y tế học đường"]) if is_office else bp.default)
            make(target, ward, g.name(gender), gender, position, False, bp.direct and not is_office)
    for village in villages:
        ward = village.parent
        gender = "M" if rng.random() < 0.6 else "F"
        make(village, ward, g.name(gender), gender, "Tổ trưởng tổ dân phố", False, True)
    Person.objects.bulk_create(people, batch_size=500)
    if any(p.pk is None for p in people):
        raise RuntimeError("The database did not return primary keys from bulk_create.")
    Membership.objects.bulk_create(
        [Membership(person=p, unit=u, position=p.position, start=p.joined_on) for p, (u, _) in zip(people, placement)],
        batch_size=1000,
    )
    index_people(people)  # the search words org.services keeps for people created one by one

    d.people, d.placement, d.named = people, placement, named
