"""A level's own voting rules (DOMAIN.md §4: thresholds and quorum "are all configuration"; a province may ask more,
e.g. Bắc Ninh's attendance): a catalogue rule row may name a unit; a council of that unit, or of a unit below it, applies
the nearest such rule before the general one; the command and the endpoint take the council's unit as `unit`."""

from __future__ import annotations

import copy
import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.council import services
from tdkt.council.tally import parse_request, tally, units_of
from tdkt.law import catalogue as cat
from tdkt.law.models import AwardType, CouncilVotingRule
from tdkt.law.services import catalogue_row_save

from .conftest import HELD_ON
from .test_sessions import PRESENT, items, opened

DAY = dt.date(2025, 12, 20)
LOCAL = "Quyết định số 15/2025/QĐ-UBND của UBND thành phố (quy định riêng của địa phương)"


def _with_local_rules(*rules) -> cat.Catalogue:
    data = copy.deepcopy(cat.read_file())
    general = next(r for r in data["voting_rules"] if r["award"] == "CSTDCS")
    for unit, percent, quorum in rules:
        data["voting_rules"].append({**general, "unit": unit, "threshold_percent": percent, "quorum_numerator": quorum[0],
                                     "quorum_denominator": quorum[1], "legal_basis": f"{LOCAL} — {unit}"})
    return cat.build(data, source="test")


def _count(catalogue, units, agree=9, present=10):
    return tally(award="CSTDCS", decided_on=DAY, members=10, present=present, agree=agree, disagree=10 - agree, units=units,
                 catalogue=catalogue)


def test_the_nearest_levels_own_rule_comes_before_the_general_one():
    catalogue = _with_local_rules(("ha_noi", "90", (4, 5)), ("phuong_dong_da", "100", (1, 1)))
    general = _count(catalogue, ())
    assert (general.rule.source, general.rule.threshold_percent, general.passed) == ("award", Decimal("80"), True)
    ward = _count(catalogue, ("phuong_dong_da", "ha_noi"))  # the ward's own rule: all ten must agree
    assert (ward.rule.source, ward.rule.unit, ward.passed) == ("local", "phuong_dong_da", False)
    assert ward.rule.legal_basis.endswith("phuong_dong_da") and ward.quorum_required == 10
    other = _count(catalogue, ("phuong_lang", "ha_noi"))  # another ward of the city: the city's rule
    assert (other.rule.unit, other.rule.threshold_percent, other.passed, other.quorum_required) == ("ha_noi", Decimal("90"), True, 8)
    assert not _count(catalogue, ("phuong_lang", "ha_noi"), agree=9, present=7).passed  # 7 of 10 present: under 4/5


@pytest.mark.django_db
def test_a_council_applies_its_levels_rule_when_the_ballot_closes(council, dossiers, tree):
    assert units_of(tree.school_a) == ("thcs_dong_da", "phuong_dong_da", "ha_noi")
    general = CouncilVotingRule.objects.get(award__code="CSTDCS", unit="")
    local = CouncilVotingRule(award=general.award, unit="ha_noi", threshold_percent=Decimal("100"), base="all",
                              quorum_numerator=1, quorum_denominator=1, valid_from=dt.date(2025, 7, 1), legal_basis=LOCAL)
    catalogue_row_save(actor=system_actor(), row=local)
    if connection.vendor == "postgresql":  # the deferred no-overlap constraint, checked now: a local rule beside the general one
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    session = opened(council, dossiers)
    assert services.quorum_needed(session) == 5  # the city's 1/1: every member
    for key in PRESENT:
        services.vote_cast(actor=council.users[key], session=session, choices={i.pk: "agree" for i in session.items.all()})
    services.written_vote_record(actor=council.secretary, session=session, member=council.members["Đỗ Văn Hiệu"],
                                 choices={i.pk: "agree" for i in session.items.all()})
    services.ballot_close(actor=council.secretary, session=session)
    rows = {r["award"]: r for r in services.results(session)}
    assert rows["CSTDCS"]["legal_basis"] == LOCAL and not rows["CSTDCS"]["passed"]  # 5 present of 5 needed: only 4 + a written vote
    assert rows["LDTT"]["passed"]  # no local rule for LĐTT: the general default
    assert items(session)["CSTDCS"].agree_count == 5


@pytest.mark.django_db
def test_a_rule_for_a_unit_that_does_not_exist_is_refused(tree):
    award = AwardType.objects.get(code="CSTDCS")
    row = CouncilVotingRule(award=award, unit="khong_co", threshold_percent=Decimal("85"), valid_from=dt.date(2026, 1, 1))
    with pytest.raises(DomainError, match="Không có đơn vị nào mang mã “khong_co”"):
        catalogue_row_save(actor=system_actor(), row=row)
    assert not CouncilVotingRule.objects.filter(unit="khong_co").exists()


@pytest.mark.django_db
def test_the_command_and_endpoint_take_the_councils_unit(tree):
    body = {"award": "CSTDCS", "decided_on": "2025-12-20", "members": 10, "present": 10, "agree": 8, "disagree": 2}
    assert parse_request({**body, "unit": "phuong_dong_da"})["units"] == ("phuong_dong_da", "ha_noi")
    assert parse_request(body)["units"] == ()
    with pytest.raises(DomainError, match="Trường “unit”: không có đơn vị nào mang mã “xa_khac”"):
        parse_request({**body, "unit": "xa_khac"})
    assert HELD_ON == DAY
