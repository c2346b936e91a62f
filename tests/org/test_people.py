import datetime as dt
import unicodedata

import pytest

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent
from tdkt.org import selectors, services
from tdkt.org.models import Membership, Person, UnitKind
from tests.factories import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def unit():
    return UnitFactory(kind=UnitKind.SCHOOL, name="Trường THCS Đống Đa")


def test_it_stores_names_nfc_with_a_person_sort_key_and_opens_a_membership(unit):
    decomposed = unicodedata.normalize("NFD", "  Nguyễn   Thị Ánh ")
    person = services.person_create(actor=system_actor(), full_name=decomposed, gender="F", unit=unit, joined_on=dt.date(2020, 9, 1))
    person.refresh_from_db()
    assert person.full_name == unicodedata.normalize("NFC", "Nguyễn Thị Ánh")
    assert person.name_sort_key.startswith(services.vntext.person_sort_key("Ánh")[:6])
    [membership] = Membership.objects.filter(person=person)
    assert membership.unit == unit and membership.start == dt.date(2020, 9, 1) and membership.end is None
    assert person.unit == unit
    assert AuditEvent.objects.filter(action="org.person.created", target_id=str(person.pk)).exists()


@pytest.mark.parametrize(
    ("citizen_id", "message"),
    [
        ("12345", "Số CCCD phải gồm đúng 12 chữ số"),
        ("00108501234A", "Số CCCD phải gồm đúng 12 chữ số"),
        ("0010850123456", "Số CCCD phải gồm đúng 12 chữ số"),
        ("000085012345", "từ 001 đến 096"),
        ("099085012345", "từ 001 đến 096"),
    ],
)
def test_it_rejects_bad_citizen_ids(unit, citizen_id, message):
    with pytest.raises(DomainError, match=message):
        services.person_create(actor=system_actor(), full_name="Lê Văn Tám", gender="M", unit=unit, citizen_id=citizen_id)
    assert not Person.objects.exists()


def test_it_rejects_a_duplicate_citizen_id_and_accepts_several_without_one(unit):
    services.person_create(actor=system_actor(), full_name="Lê Văn Tám", gender="M", unit=unit, citizen_id="001085012345")
    with pytest.raises(DomainError, match="đã được dùng"):
        services.person_create(actor=system_actor(), full_name="Lê Văn Chín", gender="M", unit=unit, citizen_id="001085012345")
    services.person_create(actor=system_actor(), full_name="A B", gender="M", unit=unit, citizen_id="")
    services.person_create(actor=system_actor(), full_name="C D", gender="M", unit=unit, citizen_id=None)
    assert Person.objects.filter(citizen_id__isnull=True).count() == 2


def test_it_rejects_a_birth_date_in_the_future_and_an_empty_name(unit):
    with pytest.raises(DomainError, match="Ngày sinh"):
        services.person_create(actor=system_actor(), full_name="Lê Văn Tám", gender="M", unit=unit, date_of_birth=dt.date.today() + dt.timedelta(days=1))
    with pytest.raises(DomainError, match="Họ và tên"):
        services.person_create(actor=system_actor(), full_name="   ", gender="M", unit=unit)
    with pytest.raises(DomainError, match="Giới tính"):
        services.person_create(actor=system_actor(), full_name="Lê Văn Tám", gender="X", unit=unit)


def test_it_refuses_a_dissolved_unit(unit):
    old = UnitFactory(valid_to=dt.date(2025, 6, 30))
    with pytest.raises(DomainError, match="đã giải thể"):
        services.person_create(actor=system_actor(), full_name="Lê Văn Tám", gender="M", unit=old)


def test_it_updates_a_person_with_sort_key_and_audit(unit):
    person = PersonFactory(unit=unit, full_name="Trần Văn Bình")
    other = PersonFactory(unit=unit, citizen_id="001085000001")
    services.person_update(actor=system_actor(), person=person, full_name="Trần Văn Ân", citizen_id="001085000002")
    person.refresh_from_db()
    assert person.full_name == "Trần Văn Ân" and person.name_sort_key == services.vntext.person_sort_key("Trần Văn Ân")
    event = AuditEvent.objects.get(action="org.person.updated")
    assert event.data["old"]["full_name"] == "Trần Văn Bình" and event.data["new"]["full_name"] == "Trần Văn Ân"
    with pytest.raises(DomainError, match="đã được dùng"):
        services.person_update(actor=system_actor(), person=person, citizen_id=other.citizen_id)
    with pytest.raises(DomainError, match="Không thể sửa"):
        services.person_update(actor=system_actor(), person=person, unit=unit)


def test_it_moves_a_person_closing_the_open_membership(unit):
    target = UnitFactory(name="Phòng Văn hóa - Xã hội")
    person = PersonFactory(unit=unit, joined_on=dt.date(2015, 1, 1))
    services.membership_move(actor=system_actor(), person=person, unit=target, on=dt.date(2025, 7, 1), position="Chuyên viên")
    rows = list(Membership.objects.filter(person=person).order_by("start"))
    assert [(r.unit, r.start, r.end) for r in rows] == [
        (unit, dt.date(2015, 1, 1), dt.date(2025, 6, 30)),
        (target, dt.date(2025, 7, 1), None),
    ]
    person.refresh_from_db()
    assert person.unit == target and person.position == "Chuyên viên"
    assert AuditEvent.objects.filter(action="org.person.moved", target_id=str(person.pk)).exists()
    with pytest.raises(DomainError, match="đang công tác"):
        services.membership_move(actor=system_actor(), person=person, unit=target, on=dt.date(2025, 8, 1))
    with pytest.raises(DomainError, match="sau ngày bắt đầu"):
        services.membership_move(actor=system_actor(), person=person, unit=unit, on=dt.date(2025, 7, 1))


def test_it_lists_people_in_a_subtree(unit):
    root = UnitFactory()
    ward = UnitFactory(parent=root)
    school = UnitFactory(parent=ward)
    elsewhere = UnitFactory(parent=root)
    inside = [PersonFactory(unit=ward), PersonFactory(unit=school)]
    PersonFactory(unit=elsewhere)
    assert set(selectors.people_in_subtree(ward)) == set(inside)
    assert selectors.people_in_subtree(root).count() == 3


def test_it_sorts_people_in_vietnamese_order_on_the_database(unit):
    for given in ["Đặng", "Dương", "Bùi", "Ân", "Ánh", "Anh"]:
        services.person_create(actor=system_actor(), full_name=f"Nguyễn Văn {given}", gender="M", unit=unit)
    names = [p.full_name.split()[-1] for p in Person.objects.order_by("name_sort_key")]
    assert names == ["Anh", "Ánh", "Ân", "Bùi", "Dương", "Đặng"]


def test_it_sorts_by_given_name_before_family_name(unit):
    services.person_create(actor=system_actor(), full_name="Bùi Thị Bình", gender="F", unit=unit)
    services.person_create(actor=system_actor(), full_name="Nguyễn Văn An", gender="M", unit=unit)
    assert [p.full_name for p in selectors.people_in_subtree(unit)] == ["Nguyễn Văn An", "Bùi Thị Bình"]
