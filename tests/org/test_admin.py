import pytest

from tdkt.core.models import AuditEvent
from tdkt.org.models import Person, Unit
from tdkt.records.models import AwardRecord
from tests.factories import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(django_user_model):
    return django_user_model.objects.create(username="quantri", is_staff=True, is_superuser=True)


def test_it_creates_units_and_people_in_the_admin_through_services(client, superuser):
    client.force_login(superuser)
    root = UnitFactory(code="ha_noi", name="Thành phố Hà Nội", kind="province")
    response = client.post("/admin/org/unit/add/", {"code": "phuong_x", "name": "Phường X", "kind": "commune", "parent": root.pk,
                                                     "has_legal_status": "on", "successions-TOTAL_FORMS": 0, "successions-INITIAL_FORMS": 0})
    assert response.status_code == 302, response.content.decode()[:2000]
    ward = Unit.objects.get(code="phuong_x")
    assert ward.path == f"{root.path}{ward.pk}/"
    response = client.post("/admin/org/person/add/", {"full_name": "Lê Văn Tám", "gender": "M", "unit": ward.pk, "citizen_id": "123",
                                                       "memberships-TOTAL_FORMS": 0, "memberships-INITIAL_FORMS": 0})
    assert response.status_code == 200 and "Số CCCD phải gồm đúng 12 chữ số" in response.content.decode()
    response = client.post("/admin/org/person/add/", {"full_name": "Lê Văn Tám", "gender": "M", "unit": ward.pk,
                                                       "memberships-TOTAL_FORMS": 0, "memberships-INITIAL_FORMS": 0})
    assert response.status_code == 302
    person = Person.objects.get()
    assert person.memberships.count() == 1
    assert AuditEvent.objects.get(action="org.person.created").actor == superuser


def test_it_lists_and_searches_every_ledger_model(client, superuser):
    client.force_login(superuser)
    person = PersonFactory(full_name="Nguyễn Văn An")
    AwardRecord.objects.create(person=person, award_code="LDTT", year=2024, issuer_name="UBND quận Đống Đa")
    for path in ["org/unit", "org/person", "org/household", "org/cluster", "org/council", "records/yearrating",
                 "records/awardrecord", "records/discipline", "records/initiative"]:
        assert client.get(f"/admin/{path}/?q=An").status_code == 200, path
    assert "Nguyễn Văn An" in client.get("/admin/records/awardrecord/?q=An").content.decode()
