import datetime as dt

import pytest

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent
from tdkt.org.models import UnitKind
from tdkt.records import services
from tdkt.records.models import AwardRecord, YearRating
from tests.factories import HouseholdFactory, PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def district():
    return UnitFactory(code="quan_dong_da", name="Quận Đống Đa", kind=UnitKind.DISTRICT)


@pytest.fixture
def person():
    return PersonFactory(full_name="Nguyễn Văn An")


def test_it_sets_and_changes_a_rating_with_audit(person):
    services.rating_set(actor=system_actor(), person=person, year=2024, rating="HTTNV")
    services.rating_set(actor=system_actor(), person=person, year=2024, rating="HTXSNV")
    assert YearRating.objects.get(person=person, year=2024).rating == "HTXSNV"
    events = list(AuditEvent.objects.filter(action="records.rating.set").order_by("id"))
    assert [(e.data["old"], e.data["new"]) for e in events] == [(None, "HTTNV"), ("HTTNV", "HTXSNV")]
    with pytest.raises(DomainError, match="Mức xếp loại"):
        services.rating_set(actor=system_actor(), person=person, year=2024, rating="GIOI")
    with pytest.raises(DomainError, match="đúng một đối tượng"):
        services.rating_set(actor=system_actor(), person=person, unit=person.unit, year=2024, rating="HTNV")


def test_it_adds_an_award_with_the_issuer_name_of_a_unit(person, district):
    award = services.award_add(actor=system_actor(), person=person, award_code="cstdcs", year=2023, decision_number="1234/QĐ-UBND",
                               decision_date=dt.date(2024, 1, 15), issuer=district)
    assert award.award_code == "CSTDCS" and award.issuer_name == "UBND quận Đống Đa"
    assert AuditEvent.objects.get(action="records.award.added").data["award"] == "CSTDCS"
    with pytest.raises(DomainError, match="Đã có"):
        services.award_add(actor=system_actor(), person=person, award_code="CSTDCS", year=2023, issuer=district)


def test_it_validates_award_code_subject_issuer_and_dates(person, district):
    with pytest.raises(DomainError, match="không có trong danh mục"):
        services.award_add(actor=system_actor(), person=person, award_code="NOBEL", year=2023, issuer=district)
    with pytest.raises(DomainError, match="không được tặng cho cá nhân"):
        services.award_add(actor=system_actor(), person=person, award_code="TTLDTT", year=2023, issuer=district)
    with pytest.raises(DomainError, match="không được tặng cho hộ gia đình"):
        services.award_add(actor=system_actor(), household=HouseholdFactory(), award_code="LDTT", year=2023, issuer=district)
    with pytest.raises(DomainError, match="cơ quan ban hành"):
        services.award_add(actor=system_actor(), person=person, award_code="LDTT", year=2023)
    with pytest.raises(DomainError, match="trước năm thành tích"):
        services.award_add(actor=system_actor(), person=person, award_code="LDTT", year=2023, issuer=district, decision_date=dt.date(2022, 12, 1))
    services.award_add(actor=system_actor(), unit=person.unit, award_code="TTLDTT", year=2023, issuer_name="UBND quận Đống Đa")
    with pytest.raises(DomainError, match="không được tặng cho xã, phường"):
        services.award_add(actor=system_actor(), unit=UnitFactory(kind=UnitKind.COMMUNE), award_code="TTLDTT", year=2023, issuer_name="X")
    with pytest.raises(DomainError, match="không được tặng cho thôn"):
        services.award_add(actor=system_actor(), unit=UnitFactory(kind=UnitKind.VILLAGE), award_code="TTLDTT", year=2023, issuer_name="X")
    services.award_add(actor=system_actor(), household=HouseholdFactory(), award_code="GDVH", year=2023, issuer_name="UBND phường Láng")
    assert AwardRecord.objects.count() == 2


def test_it_revokes_an_award_once_keeping_it_in_the_ledger(person, district):
    award = services.award_add(actor=system_actor(), person=person, award_code="LDTT", year=2023, issuer=district, decision_date=dt.date(2024, 1, 10))
    with pytest.raises(DomainError, match="lý do"):
        services.award_revoke(actor=system_actor(), award=award, on=dt.date(2024, 6, 1), reason=" ")
    services.award_revoke(actor=system_actor(), award=award, on=dt.date(2024, 6, 1), reason="Kê khai không đúng",
                          decision_number="88/QĐ-UBND", decision_date=dt.date(2024, 5, 30), issuer_name="UBND phường Láng")
    award.refresh_from_db()
    act = award.revocation
    assert (act.revoked_on, act.reason, act.decision_number, act.decision_date) == (
        dt.date(2024, 6, 1), "Kê khai không đúng", "88/QĐ-UBND", dt.date(2024, 5, 30))
    assert act.recorded_by == system_actor()
    assert AuditEvent.objects.filter(action="records.award.revoked", target_id=str(award.pk)).exists()
    with pytest.raises(DomainError, match="đã bị hủy bỏ"):
        services.award_revoke(actor=system_actor(), award=award, on=dt.date(2024, 7, 1), reason="Lần hai")
    # a revoked award no longer blocks recording the title again
    services.award_add(actor=system_actor(), person=person, award_code="LDTT", year=2023, issuer=district)


def test_it_adds_disciplines_and_initiatives_with_audit(person):
    with pytest.raises(DomainError, match="sau ngày bắt đầu"):
        services.discipline_add(actor=system_actor(), person=person, form="CANH_CAO", start=dt.date(2024, 5, 1), end=dt.date(2024, 4, 1))
    with pytest.raises(DomainError, match="Hình thức kỷ luật"):
        services.discipline_add(actor=system_actor(), person=person, form="PHAT", start=dt.date(2024, 5, 1), end=dt.date(2025, 4, 1))
    services.discipline_add(actor=system_actor(), person=person, form="CANH_CAO", start=dt.date(2024, 5, 1), end=dt.date(2025, 4, 30))
    services.initiative_add(actor=system_actor(), person=person, year=2024, title="  Số hóa  hồ sơ ", scope="TINH")
    with pytest.raises(DomainError, match="Phạm vi"):
        services.initiative_add(actor=system_actor(), person=person, year=2024, title="Khác", scope="XA")
    assert person.initiatives.get().title == "Số hóa hồ sơ"
    assert AuditEvent.objects.filter(action="records.discipline.added").count() == 1
    assert AuditEvent.objects.filter(action="records.initiative.added").count() == 1
