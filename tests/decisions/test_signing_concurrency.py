"""On PostgreSQL, at the same moment: 20 decisions of one issuer signed at once get 20 distinct consecutive numbers, and
one decision signed twice at once is issued once, its awards written once (the decision's row lock and the series'
counter lock; SQLite serialises every write, the race needs PostgreSQL's row locks)."""

from __future__ import annotations

import datetime as dt

import pytest

from tdkt.core.actors import system_actor
from tdkt.core.numbering import numbering_profile_set
from tdkt.decisions import services
from tdkt.decisions.models import Decision, DecisionLine, DecisionStatus
from tdkt.records.models import AwardRecord
from tests.factories import PersonFactory
from tests.races import POSTGRESQL_ONLY, race

pytestmark = POSTGRESQL_ONLY


def _submitted(tree, personas, n: int) -> list[Decision]:
    """n decisions of ward A, submitted, one recipient each (test data: drafting is tested in test_decisions)."""
    out = []
    given = ["An", "Bình", "Cường", "Dũng", "Em", "Giang", "Hà", "Hải", "Khánh", "Lan", "Minh", "Nam", "Oanh", "Phúc", "Quang",
             "Sơn", "Tâm", "Uyên", "Vinh", "Xuân"]
    for i in range(n):
        decision = Decision.objects.create(issuer=tree.ward_a, title=f"Về việc khen thưởng {i}", decided_on=dt.date(2025, 12, 22),
                                           status=DecisionStatus.SUBMITTED, drafted_by=system_actor())
        person = PersonFactory(full_name=f"Đồng Văn {given[i]}", unit=tree.school_a)
        DecisionLine.objects.create(decision=decision, position=1, name=person.full_name, person=person, award_code="LDTT", year=2025,
                                    amount=700_000)
        out.append(decision)
    return out


@pytest.fixture
def numbering(tree, personas):
    numbering_profile_set(actor=personas["admin"], issuer=tree.ward_a, abbreviation="UBND")


def test_twenty_decisions_signed_at_once_get_twenty_consecutive_numbers(tree, personas, numbering):
    decisions = _submitted(tree, personas, 20)
    outcomes = race(*(lambda d=d: services.decision_sign(actor=personas["chair"], decision=d) for d in decisions))
    assert [o[0] for o in outcomes] == ["ok"] * 20
    numbers = sorted(Decision.objects.values_list("number", flat=True))
    assert numbers == list(range(1, 21))
    assert sorted(Decision.objects.values_list("number_text", flat=True)) == sorted(f"{n:02d}/QĐ-UBND" for n in range(1, 21))
    assert AwardRecord.objects.filter(decision_number__endswith="/QĐ-UBND", year=2025, award_code="LDTT",
                                      person__full_name__startswith="Đồng Văn").count() == 20


def test_one_decision_signed_twice_at_once_is_issued_once(tree, personas, numbering):
    (decision,) = _submitted(tree, personas, 1)
    outcomes = race(*(lambda: services.decision_sign(actor=personas["chair"], decision=Decision.objects.get(pk=decision.pk))
                       for _ in range(2)))
    assert sorted(o[0] for o in outcomes) == ["ok", "refused"]
    assert "đã được ký ban hành" in next(o[1].message for o in outcomes if o[0] == "refused")
    assert AwardRecord.objects.filter(person__full_name="Đồng Văn An").count() == 1
    assert Decision.objects.get(pk=decision.pk).number == 1
