"""The awards of an issued decision, written into the ledger in one go (records.issuing)."""

import datetime as dt

import pytest
from django.db import transaction

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent
from tdkt.org.models import UnitKind
from tdkt.records import changes, services
from tdkt.records.issuing import DecisionAward, awards_from_decision
from tdkt.records.models import AwardRecord, AwardSource
from tests.factories import HouseholdFactory, PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ward():
    return UnitFactory(code="phuong_dong_da", name="Phường Đống Đa", kind=UnitKind.COMMUNE)


def _issue(lines, ward, **kw):
    return awards_from_decision(actor=system_actor(), lines=lines, decision_number="12/QĐ-UBND", decision_date=dt.date(2025, 12, 22),
                                issuer=ward, issuer_name="UBND phường Đống Đa", **kw)


def test_it_writes_every_line_with_the_decision_and_history(ward):
    people = [PersonFactory(full_name=f"Nguyễn Văn {name}") for name in ("An", "Bình", "Cường")]
    school = UnitFactory(name="Trường Tiểu học Kim Liên", kind=UnitKind.SCHOOL)
    lines = [DecisionAward("LDTT", 2025, person=p) for p in people] + [DecisionAward("TTLDTT", 2025, unit=school)]
    created = _issue(lines, ward)
    assert [a.pk is not None for a in created] == [True] * 4
    rows = AwardRecord.objects.filter(decision_number="12/QĐ-UBND").order_by("id")
    assert [(r.subject.__str__(), r.award_code, r.source) for r in rows] == [
        ("Nguyễn Văn An", "LDTT", AwardSource.DECISION), ("Nguyễn Văn Bình", "LDTT", AwardSource.DECISION),
        ("Nguyễn Văn Cường", "LDTT", AwardSource.DECISION), ("Trường Tiểu học Kim Liên", "TTLDTT", AwardSource.DECISION)]
    assert {r.issuer_name for r in rows} == {"UBND phường Đống Đa"} and {r.decision_date for r in rows} == {dt.date(2025, 12, 22)}
    assert AwardRecord.history.filter(history_type="+", decision_number="12/QĐ-UBND").count() == 4
    assert AuditEvent.objects.get(action="records.award.issued").data["awards"] == 4


def test_it_refuses_every_bad_line_and_writes_nothing(ward):
    person = PersonFactory(full_name="Trần Thị Hoa")
    services.award_add(actor=system_actor(), person=person, award_code="LDTT", year=2025, issuer=ward)
    lines = [DecisionAward("LDTT", 2025, person=person), DecisionAward("NOBEL", 2025, person=PersonFactory()),
             DecisionAward("LDTT", 2025, household=HouseholdFactory()), DecisionAward("LDTT", 2031, person=PersonFactory())]
    with pytest.raises(DomainError) as caught:
        _issue(lines, ward)
    message = caught.value.message
    assert "Dòng 1 (Trần Thị Hoa): đã có" in message and "Dòng 2" in message and "không có trong danh mục" in message
    assert "không được tặng cho hộ gia đình" in message and "năm thành tích 2031" in message
    assert not AwardRecord.objects.filter(source=AwardSource.DECISION).exists()
    assert not AuditEvent.objects.filter(action="records.award.issued").exists()


def test_a_revoked_award_of_the_same_year_does_not_block_a_new_decision(ward):
    person = PersonFactory()
    old = services.award_add(actor=system_actor(), person=person, award_code="LDTT", year=2025, issuer=ward, decision_date=dt.date(2025, 12, 1))
    services.award_revoke(actor=system_actor(), award=old, on=dt.date(2025, 12, 10), reason="Nhầm đối tượng")
    assert len(_issue([DecisionAward("LDTT", 2025, person=person)], ward)) == 1


@pytest.mark.django_db(transaction=True)
def test_it_tells_the_layers_above_once_after_the_commit(ward):
    people = [PersonFactory() for _ in range(3)]
    heard = []

    def receiver(sender, subjects, bulk, **kwargs):
        heard.append((subjects, bulk))

    changes.ledger_changed.connect(receiver)
    try:
        with transaction.atomic():
            _issue([DecisionAward("LDTT", 2025, person=p) for p in people], ward)
            assert heard == []
        assert heard == [(frozenset(("person", p.pk) for p in people), True)]
    finally:
        changes.ledger_changed.disconnect(receiver)
