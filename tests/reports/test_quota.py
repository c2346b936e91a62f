"""The local CSTĐCS quota (≤ 15 % of LĐTT), applied per unit when an administrator switches it on."""

from __future__ import annotations

import datetime as dt

import pytest

from tdkt.core import vntext
from tdkt.core.actors import system_actor
from tdkt.law import engine
from tdkt.law.models import Setting
from tdkt.law.services import catalogue_row_save
from tdkt.org.models import Gender, Person
from tdkt.org.services import unit_create
from tdkt.records.models import AwardRecord, Initiative, YearRating
from tdkt.reports import batch


def _person(unit, name, year, rating, *, initiatives=0, cstdcs_before=0, direct=False):
    person = Person.objects.create(full_name=name, name_sort_key=vntext.person_sort_key(name), gender=Gender.FEMALE,
                                   unit=unit, joined_on=dt.date(2010, 1, 1), is_direct_worker=direct)
    YearRating.objects.create(person=person, year=year, rating=rating)
    for k in range(initiatives):
        Initiative.objects.create(person=person, year=year, title=f"Sáng kiến {k}", scope="CO_SO")
    for k in range(1, cstdcs_before + 1):
        YearRating.objects.create(person=person, year=year - k, rating="HTXSNV")
        AwardRecord.objects.create(person=person, award_code="CSTDCS", year=year - k)
        AwardRecord.objects.create(person=person, award_code="LDTT", year=year - k)
    return person


@pytest.fixture
def school(tree):
    """13 people: 10 with HTXSNV (CSTĐCS candidates), 3 with HTTNV (LĐTT only). 15 % of 13 LĐTT → 1 CSTĐCS."""
    unit = unit_create(actor=system_actor(), code="thcs_quota", name="Trường THCS Thử Tỷ Lệ", kind="school", parent=tree.ward_b)
    y = tree.year
    best = _person(unit, "Đỗ Thị Hạnh", y, "HTXSNV", initiatives=2, cstdcs_before=1)
    others = [_person(unit, f"Ngô Thị {given}", y, "HTXSNV") for given in ("An", "Bích", "Cúc", "Dung", "Giao", "Hoa", "Khuê", "Lan", "Mơ")]
    plain = [_person(unit, f"Vũ Văn {given}", y, "HTTNV") for given in ("Ba", "Cả", "Đông")]
    return unit, best, others, plain


def _switch_quota(on: bool):
    row = Setting.objects.get(key="cstdcs.quota.enabled", valid_from=dt.date(2024, 1, 1))
    row.value = on
    catalogue_row_save(actor=system_actor(), row=row)


def test_it_leaves_everyone_eligible_when_the_quota_is_off(school, tree):
    unit, best, others, plain = school
    outcomes = {o.person_id: o for o in batch.batch_evaluate(unit=unit, year=tree.year)}
    assert sum(o.verdicts["CSTDCS"] == "eligible" for o in outcomes.values()) == 10
    assert all(not o.notes for o in outcomes.values())


def test_it_marks_candidates_over_the_quota_as_needs_review(school, tree):
    unit, best, others, plain = school
    _switch_quota(True)
    try:
        log = []
        outcomes = {o.person_id: o for o in batch.batch_evaluate(unit=unit, year=tree.year, quota_log=log)}
    finally:
        _switch_quota(False)

    assert outcomes[best.pk].verdicts["CSTDCS"] == "eligible"  # ranked first: HTXSNV, two initiatives, a chain
    for p in others:
        outcome = outcomes[p.pk]
        assert outcome.verdicts["CSTDCS"] == "needs_review"
        assert outcome.results["CSTDCS"].verdict == "eligible"  # the engine's own verdict is kept in the result
        assert "tối đa 15% (không quá 1 người)" in outcome.reasons({"CSTDCS": "CSTĐCS"})
        assert "ngoài số được đề nghị theo thứ tự ưu tiên" in outcome.reasons({"CSTDCS": "CSTĐCS"})
    assert all(outcomes[p.pk].verdicts["LDTT"] == "eligible" for p in [*others, *plain])
    (unit_id, check, over), = log
    assert unit_id == unit.pk and check.result == "fail" and over == 9
    assert check.message == f"Năm {tree.year}: 10 CSTĐCS trên 13 LĐTT; tối đa 15% (không quá 1 người)"


def test_it_applies_the_quota_unit_by_unit(school, tree):
    """Across the province the other units' candidates are judged against their own unit's LĐTT."""
    _switch_quota(True)
    try:
        outcomes = {o.person_id: o for o in batch.batch_evaluate(unit=tree.province, year=tree.year)}
    finally:
        _switch_quota(False)
    unit, best, others, plain = school
    assert sum(outcomes[p.pk].verdicts["CSTDCS"] == "needs_review" for p in others) == 9
    # Nguyễn Văn An is his school's only LĐTT: 1 CSTĐCS on 1 LĐTT is over 15 %, so he waits on the council too.
    assert outcomes[tree.an.pk].verdicts["CSTDCS"] == "needs_review"
    assert engine.check_cstdcs_quota(ldtt_count=1, cstdcs_count=0, catalogue=engine.load_catalogue(), year=tree.year).result == "pass"


def test_it_puts_direct_workers_first_among_candidates_of_equal_merit(tree):
    """24 LĐTT → 15 % allows 3 CSTĐCS of 4 equal candidates: the direct worker keeps hers although her given name
    (Yến) comes last in Vietnamese order, and the last of the others by name (Cúc) waits on the council."""
    unit = unit_create(actor=system_actor(), code="mn_quota", name="Trường Mầm non Thử Ưu Tiên", kind="school", parent=tree.ward_b)
    y = tree.year
    equals = [_person(unit, f"Ngô Thị {given}", y, "HTXSNV") for given in ("An", "Bích", "Cúc")]
    teacher = _person(unit, "Vũ Thị Yến", y, "HTXSNV", direct=True)
    for k in range(20):
        _person(unit, f"Lê Văn Ba {k}", y, "HTTNV")
    _switch_quota(True)
    try:
        outcomes = {o.person_id: o for o in batch.batch_evaluate(unit=unit, year=y)}
    finally:
        _switch_quota(False)
    assert outcomes[teacher.pk].verdicts["CSTDCS"] == "eligible"
    assert [outcomes[p.pk].verdicts["CSTDCS"] for p in equals] == ["eligible", "eligible", "needs_review"]
