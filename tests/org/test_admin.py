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


def test_it_moves_people_to_another_unit_from_the_admin_after_asking_the_date(client, superuser, tree):
    client.force_login(superuser)
    url = "/admin/org/person/"
    page = client.post(url, {"action": "move", "_selected_action": [tree.binh.pk]})
    body = page.content.decode()
    assert page.status_code == 200 and "Chuyển đến đơn vị" in body and "Trần Thị Bình" in body

    wrong = client.post(url, {"action": "move", "_selected_action": [tree.binh.pk], "apply": "1", "unit": tree.ward_b.pk, "on": "31/02/2026"})
    assert "Ngày không hợp lệ" in wrong.content.decode()
    tree.binh.refresh_from_db()
    assert tree.binh.unit == tree.ward_a

    done = client.post(url, {"action": "move", "_selected_action": [tree.binh.pk], "apply": "1", "unit": tree.ward_b.pk,
                             "on": "01/03/2026", "position": "Công chức tư pháp"}, follow=True)
    assert "Đã chuyển 1 cá nhân sang Phường Láng từ ngày 01/03/2026" in done.content.decode()
    tree.binh.refresh_from_db()
    assert (tree.binh.unit, tree.binh.position) == (tree.ward_b, "Công chức tư pháp")
    assert AuditEvent.objects.get(action="org.person.moved").actor == superuser


def test_it_refuses_to_dissolve_a_unit_with_people_and_dissolves_it_once_empty(client, superuser, tree):
    client.force_login(superuser)
    url = "/admin/org/unit/"
    school = tree.school_a
    form = client.post(url, {"action": "dissolve", "_selected_action": [school.pk]})
    assert "Ngày giải thể" in form.content.decode() and "Đơn vị kế thừa" in form.content.decode()

    refused = client.post(url, {"action": "dissolve", "_selected_action": [school.pk], "apply": "1", "on": "31/12/2026",
                                "successors": [tree.school_b.pk]}, follow=True)
    assert "còn cá nhân đang công tác" in refused.content.decode()
    school.refresh_from_db()
    assert school.valid_to is None

    Person.objects.filter(unit=school).update(unit=tree.ward_a)
    done = client.post(url, {"action": "dissolve", "_selected_action": [school.pk], "apply": "1", "on": "31/12/2026",
                             "successors": [tree.school_b.pk], "note": "Nghị quyết sáp nhập trường"}, follow=True)
    assert "Đã giải thể Trường THCS Đống Đa từ hết ngày 31/12/2026" in done.content.decode()
    school.refresh_from_db()
    assert str(school.valid_to) == "2026-12-31"
    assert list(school.successions.values_list("successor__code", flat=True)) == [tree.school_b.code]
    assert AuditEvent.objects.filter(action="org.unit.dissolved", actor=superuser).count() == 1


def test_it_dissolves_one_unit_at_a_time(client, superuser, tree):
    client.force_login(superuser)
    response = client.post("/admin/org/unit/", {"action": "dissolve", "_selected_action": [tree.school_a.pk, tree.school_b.pk]}, follow=True)
    assert "Mỗi lần chỉ giải thể một đơn vị" in response.content.decode()


def test_it_revokes_an_award_from_the_admin_as_a_recorded_act(client, superuser):
    client.force_login(superuser)
    award = AwardRecord.objects.create(person=PersonFactory(), award_code="LDTT", year=2024, issuer_name="UBND quận Đống Đa")
    base = {"action": "revoke", "_selected_action": [award.pk]}
    page = client.post("/admin/records/awardrecord/", base)
    assert "Hủy bỏ khen thưởng" in page.content.decode() and "Lý do hủy bỏ" in page.content.decode()
    response = client.post("/admin/records/awardrecord/", {**base, "apply": "1", "on": "01/06/2025", "reason": "Kê khai sai",
                                                           "decision_number": "9/QĐ-UBND", "decision_date": "30/05/2025"})
    assert response.status_code == 302
    award.refresh_from_db()
    act = award.revocation
    assert (act.reason, act.decision_number, act.recorded_by) == ("Kê khai sai", "9/QĐ-UBND", superuser)
    assert AuditEvent.objects.get(action="records.award.revoked").actor == superuser
    assert client.get(f"/admin/records/awardrevocation/{act.pk}/change/").status_code == 200


def test_it_adds_a_council_member_whose_account_gets_the_council_role(client, superuser, django_user_model):
    from tdkt.accounts.models import RoleAssignment
    from tdkt.org.models import Council

    client.force_login(superuser)
    ward = UnitFactory(code="phuong_y", name="Phường Y", kind="commune")
    member_user = django_user_model.objects.create(username="uyvien")
    form = {"name": "Hội đồng TĐKT phường Y", "kind": "tdkt", "unit": ward.pk, "established_on": "", "decision_number": "",
            "members-TOTAL_FORMS": 1, "members-INITIAL_FORMS": 0,
            "members-0-full_name": "Trần Văn Uỷ", "members-0-user": member_user.pk, "members-0-title": "Trưởng phòng",
            "members-0-role": "member", "members-0-start": "2025-07-01", "members-0-end": ""}
    response = client.post("/admin/org/council/add/", form)
    assert response.status_code == 302, response.content.decode()[:3000]
    council = Council.objects.get()
    assert council.members.get().assignment == RoleAssignment.objects.get(user=member_user, role="council_member", unit=ward)
    assert AuditEvent.objects.filter(action="org.council.member_added", actor=superuser).exists()
