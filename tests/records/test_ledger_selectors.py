import datetime as dt

import pytest

from tdkt.core.actors import system_actor
from tdkt.law.schema import AwardEntry, CollectiveData, DisciplineEntry, InitiativeEntry, RatingEntry, Subject
from tdkt.org import services as org_services
from tdkt.org.models import UnitKind
from tdkt.records import selectors, services
from tdkt.records.eligibility import check_subject, eligibility_request
from tests.factories import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def ledger():
    district = UnitFactory(code="quan_dong_da", name="Quận Đống Đa", kind=UnitKind.DISTRICT)
    school = UnitFactory(code="thcs", name="Trường THCS Đống Đa", kind=UnitKind.SCHOOL)
    team = UnitFactory(code="to_khtn", name="Tổ Khoa học tự nhiên", kind=UnitKind.TEAM, parent=school, has_legal_status=False)
    an = PersonFactory(unit=team, full_name="Nguyễn Văn An", joined_on=dt.date(2010, 9, 1))
    for year in (2022, 2023, 2024, 2025):
        services.rating_set(actor=system_actor(), person=an, year=year, rating="HTXSNV")
    for year in (2022, 2023, 2024):
        services.award_add(actor=system_actor(), person=an, award_code="CSTDCS", year=year, issuer=district)
    revoked = services.award_add(actor=system_actor(), person=an, award_code="GIAY_KHEN", year=2024, issuer=district)
    services.award_revoke(actor=system_actor(), award=revoked, on=dt.date(2025, 5, 1), reason="Sai")
    services.discipline_add(actor=system_actor(), person=an, form="KHIEN_TRACH", start=dt.date(2021, 3, 1), end=dt.date(2022, 2, 28))
    services.initiative_add(actor=system_actor(), person=an, year=2025, title="Phòng thí nghiệm ảo", scope="TINH")
    services.initiative_add(actor=system_actor(), person=an, year=2026 if dt.date.today().year >= 2026 else 2025, title="Sau", scope="CO_SO")
    return dict(district=district, school=school, team=team, an=an)


def test_it_builds_the_engine_request_from_the_ledger(ledger):
    request = eligibility_request(ledger["an"], "CSTD_TINH", 2025)
    assert request.award == "CSTD_TINH" and request.year == 2025
    assert request.subject == Subject(kind="individual", recruited_on=dt.date(2010, 9, 1))
    assert request.ratings == tuple(RatingEntry(y, "HTXSNV") for y in (2022, 2023, 2024, 2025))
    assert request.awards == tuple(AwardEntry(y, "CSTDCS") for y in (2022, 2023, 2024))  # revoked Giấy khen left out
    assert request.disciplines == (DisciplineEntry("KHIEN_TRACH", dt.date(2021, 3, 1), dt.date(2022, 2, 28)),)
    assert InitiativeEntry(2025, "TINH") in request.initiatives
    assert all(i.year <= 2025 for i in request.initiatives)
    assert request.collective is None


def test_it_adds_the_titles_proposed_in_the_same_round(ledger):
    request = eligibility_request(ledger["an"], "CSTD_TINH", 2025, proposed=["LDTT", "CSTDCS"])
    assert AwardEntry(2025, "CSTDCS", proposed=True) in request.awards
    assert AwardEntry(2025, "LDTT", proposed=True) in request.awards


def test_it_builds_the_collective_request_from_members(ledger):
    school, an = ledger["school"], ledger["an"]
    binh = PersonFactory(unit=school, full_name="Trần Thị Bình")
    services.rating_set(actor=system_actor(), person=binh, year=2024, rating="KHTNV")
    services.discipline_add(actor=system_actor(), person=binh, form="CANH_CAO", start=dt.date(2024, 6, 1), end=dt.date(2025, 5, 31))
    services.award_add(actor=system_actor(), person=an, award_code="LDTT", year=2024, issuer=ledger["district"])
    outsider_unit = UnitFactory(parent=school, has_legal_status=True)
    PersonFactory(unit=outsider_unit)
    moved = PersonFactory(unit=school, joined_on=dt.date(2015, 1, 1))
    org_services.membership_move(actor=system_actor(), person=moved, unit=UnitFactory(), on=dt.date(2024, 1, 1))
    services.rating_set(actor=system_actor(), unit=school, year=2024, rating="HTXSNV")
    request = eligibility_request(school, "TTLDXS", 2024)
    assert request.subject.kind == "collective"
    assert request.ratings == (RatingEntry(2024, "HTXSNV"),)
    assert request.collective == CollectiveData(members=2, completed_tasks=1, ldtt=1, cstdcs=1, disciplined_canh_cao_or_above=1)


def test_it_groups_the_timeline_by_year_descending(ledger):
    timeline = selectors.ledger_timeline(ledger["an"])
    years = [e["year"] for e in timeline]
    assert years == sorted(years, reverse=True) and 2021 in years
    by_year = {e["year"]: e for e in timeline}
    assert [a.award_code for a in by_year[2024]["awards"]] == ["CSTDCS", "GIAY_KHEN"]
    assert by_year[2024]["awards"][1].revocation.reason == "Sai"
    assert by_year[2024]["awards"][0].issuer.code == "quan_dong_da"
    assert by_year[2021]["disciplines"][0].form == "KHIEN_TRACH"
    assert by_year[2025]["ratings"][0].rating == "HTXSNV"


def test_the_engine_judges_the_requests(ledger):
    result = check_subject(ledger["an"], "CSTD_TINH", 2025)
    assert result.verdict in {"eligible", "not_eligible", "needs_review"}
    result = check_subject(ledger["school"], "TTLDTT", 2024)
    assert result.award == "TTLDTT" and result.checks
