"""Issue 12, point 2 and 4: the ledger keeps the facts of a working year, a person's continuous service and the
award an initiative grounded, and every reader gives them to the engine alike (the profile's one read, the
panel's one query, the batch run's readers on both databases)."""

import datetime as dt

import pytest
from django.db import connection

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent
from tdkt.law.schema import InitiativeEntry, WorkYearEntry
from tdkt.org import services as org_services
from tdkt.org.models import UnitKind
from tdkt.records import selectors, services
from tdkt.records.eligibility import check_subject, eligibility_request
from tdkt.records.ledger import load_ledger
from tdkt.reports import batch
from tests.factories import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def binh():
    district = UnitFactory(code="quan_dong_da", name="Quận Đống Đa", kind=UnitKind.DISTRICT)
    ward = UnitFactory(code="phuong_lang", name="Phường Láng", kind=UnitKind.COMMUNE, parent=district)
    person = PersonFactory(unit=ward, full_name="Trần Thị Bình", joined_on=dt.date(2025, 9, 1), date_of_birth=dt.date(1995, 1, 1))
    actor = system_actor()
    org_services.person_update(actor=actor, person=person, service_start=dt.date(2025, 2, 1))
    services.rating_set(actor=actor, person=person, year=2025, rating="HTTNV")
    bk = services.award_add(actor=actor, person=person, award_code="GIAY_KHEN", year=2025, issuer=district)
    revoked = services.award_add(actor=actor, person=person, award_code="BK_TINH", year=2025, issuer=district)
    first = services.initiative_add(actor=actor, person=person, year=2025, title="Một cửa điện tử", scope="CO_SO")
    second = services.initiative_add(actor=actor, person=person, year=2025, title="Sổ tay số", scope="CO_SO")
    services.initiative_use(actor=actor, initiative=first, award=bk)
    services.initiative_use(actor=actor, initiative=second, award=revoked)
    services.award_revoke(actor=actor, award=revoked, on=dt.date(2026, 1, 5), reason="Sai đối tượng")
    services.work_year_set(actor=actor, person=person, year=2025, days_off="12", maternity_days=5,
                           transfer_from="Phường Kim Liên", transfer_months=7, transfer_comment=False)
    return dict(person=person, district=district, ward=ward, used=bk)


EXPECTED_WORK = (WorkYearEntry(2025, 12, 5, 0, None, "Phường Kim Liên", 7, False),)


def test_every_reader_gives_the_engine_the_same_facts(binh):
    person = binh["person"]
    by_query = eligibility_request(person, "CSTDCS", 2025)
    _, ledger = selectors.timeline_and_ledger(person)
    by_rows = eligibility_request(ledger, "CSTDCS", 2025)
    by_batch = eligibility_request(next(led for led in batch.iter_ledgers(binh["ward"]) if led.person_id == person.pk), "CSTDCS", 2025)
    for request in (by_query, by_rows, by_batch):
        assert request.subject.service_start == dt.date(2025, 2, 1)
        assert request.work_years == EXPECTED_WORK
        # The initiative of the revoked Bằng khen is free again; the other grounded the Giấy khen.
        assert sorted(request.initiatives, key=lambda i: i.used_for or "") == [
            InitiativeEntry(2025, "CO_SO"), InitiativeEntry(2025, "CO_SO", "GIAY_KHEN", 2025)]
    if connection.vendor == "postgresql":
        compact = next(led for led in batch.iter_compact(binh["ward"]) if led.person_id == person.pk)
        assert compact.service_start == dt.date(2025, 2, 1)
        assert eligibility_request(compact, "CSTDCS", 2025) == by_batch


def test_the_engine_reads_them(binh):
    result = check_subject(binh["person"], "LDTT", 2025)
    checks = {c.code: c for c in result.checks}
    # Recruited 01/09/2025, but in continuous service (a contract) since 01/02/2025: more than 6 months.
    assert checks["RECRUITMENT"].result == "pass" and "01/02/2025" in checks["RECRUITMENT"].message
    # Seven months at the old ward and no comment yet: the council's dossier is not complete.
    assert checks["TRANSFER_COMMENT"].result == "cannot_judge" and "Phường Kim Liên" in checks["TRANSFER_COMMENT"].message
    assert result.verdict == "needs_review"
    assert checks["TRANSFER_COMMENT"].facts["missing"] == ["history.work_years.transfer.comment"]


def test_a_working_year_is_checked_and_audited(binh):
    person = binh["person"]
    with pytest.raises(DomainError, match="thai sản"):
        services.work_year_set(actor=system_actor(), person=person, year=2024, days_off=3, maternity_days=9)
    with pytest.raises(DomainError, match="Kết quả học tập không hợp lệ"):
        services.work_year_set(actor=system_actor(), person=person, year=2024, training_months=12, training_result="GIOI_LAM")
    with pytest.raises(DomainError, match="từ 0 đến 366"):
        services.work_year_set(actor=system_actor(), person=person, year=2024, days_off=400)
    with pytest.raises(DomainError, match="tên đơn vị cũ"):
        services.work_year_set(actor=system_actor(), person=person, year=2024, transfer_months=3)
    services.work_year_set(actor=system_actor(), person=person, year=2025, days_off=12, maternity_days=5,
                           transfer_from="Phường Kim Liên", transfer_months=7, transfer_comment=True)
    event = AuditEvent.objects.filter(action="records.work_year.set").latest("id")
    assert event.data["old"]["transfer_comment"] is False and event.data["new"]["transfer_comment"] is True


def test_an_initiative_grounds_one_award(binh):
    person = binh["person"]
    initiative = person.initiatives.get(title="Một cửa điện tử")
    other = services.award_add(actor=system_actor(), person=person, award_code="LDTT", year=2025, issuer=binh["district"])
    with pytest.raises(DomainError, match="đã làm căn cứ cho Giấy khen"):
        services.initiative_use(actor=system_actor(), initiative=initiative, award=other)
    stranger = PersonFactory(unit=binh["ward"])
    foreign = services.award_add(actor=system_actor(), person=stranger, award_code="LDTT", year=2025, issuer=binh["district"])
    with pytest.raises(DomainError, match="không thuộc hồ sơ"):
        services.initiative_use(actor=system_actor(), initiative=initiative, award=foreign)


def test_continuous_service_cannot_start_after_recruitment(binh):
    with pytest.raises(DomainError, match="không được sau ngày tuyển dụng"):
        org_services.person_update(actor=system_actor(), person=binh["person"], service_start=dt.date(2025, 10, 1))


def test_the_one_query_panel_reads_an_unknown_days_off_as_unknown(binh):
    person = binh["person"]
    services.work_year_set(actor=system_actor(), person=person, year=2016, training_months=14, training_result="KHA")
    ledger = load_ledger(person, year=2016)
    assert ledger.work_years == [WorkYearEntry(2016, None, 0, 14, "KHA", "", None, False)]
