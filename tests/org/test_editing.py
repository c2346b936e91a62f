"""Point 6 (people): a unit officer adds a new hire, edits their details and moves them within their scope, on the
web, without the admin; every change through the services, audited with old and new values, on the change log."""

from __future__ import annotations

import datetime as dt

from django.urls import reverse

from tdkt.core.models import AuditEvent
from tdkt.org.models import Membership, Person

NEW_HIRE = {"full_name": "Đỗ Thị Hạnh", "gender": "F", "date_of_birth": "20/04/1995", "citizen_id": "001195012345",
            "position": "Giáo viên", "is_direct_worker": "on", "joined_on": "01/09/2024"}


def test_the_officer_adds_a_new_hire_and_lands_on_the_profile(client, officer_a, tree):
    client.force_login(officer_a)
    page = client.get(reverse("records:people_list")).content.decode()
    assert "Thêm cá nhân" in page and reverse("org_edit:person_create") in page
    response = client.post(reverse("org_edit:person_create"), {**NEW_HIRE, "unit": tree.school_a.pk}, follow=True)
    person = Person.objects.get(full_name="Đỗ Thị Hạnh")
    assert response.redirect_chain[-1][0] == reverse("records:person_detail", args=[person.pk])
    body = response.content.decode()
    assert "Đã thêm Đỗ Thị Hạnh vào Trường THCS Đống Đa." in body
    assert person.unit == tree.school_a and person.is_direct_worker and person.citizen_id == "001195012345"
    assert Membership.objects.get(person=person).start == dt.date(2024, 9, 1)
    event = AuditEvent.objects.get(action="org.person.created", target_id=str(person.pk))
    assert event.actor == officer_a
    assert "Thêm cá nhân" in body and "canbo.dongda" in body  # on the profile's change log


def test_bad_input_gets_vietnamese_messages_and_nothing_is_saved(client, officer_a, tree):
    client.force_login(officer_a)
    before = Person.objects.count()
    bad = {**NEW_HIRE, "full_name": '=HYPERLINK("http://evil.example/","x")', "citizen_id": "12345",
           "date_of_birth": "31/02/1990", "unit": tree.school_a.pk}
    body = client.post(reverse("org_edit:person_create"), bad).content.decode()
    assert "Họ và tên chỉ gồm chữ cái" in body or ("Họ và tên" in body and "không hợp lệ" in body)
    assert "31/02/1990 không phải là ngày có thật." in body
    body = client.post(reverse("org_edit:person_create"), {**NEW_HIRE, "date_of_birth": "20-04-1995", "unit": tree.school_a.pk}).content.decode()
    assert "Ngày không hợp lệ (nhập theo dạng ngày/tháng/năm" in body
    assert Person.objects.count() == before
    body = client.post(reverse("org_edit:person_create"), {**NEW_HIRE, "citizen_id": "12345", "unit": tree.school_a.pk}).content.decode()
    assert "Số CCCD phải gồm đúng 12 chữ số." in body
    assert Person.objects.count() == before


def test_the_officer_cannot_add_into_another_ward(client, officer_a, tree):
    client.force_login(officer_a)
    body = client.post(reverse("org_edit:person_create"), {**NEW_HIRE, "unit": tree.school_b.pk}).content.decode()
    assert "Đơn vị không thuộc phạm vi của bạn." in body
    assert not Person.objects.filter(full_name="Đỗ Thị Hạnh").exists()


def test_editing_details_keeps_old_and_new_values_on_the_change_log(client, officer_a, tree):
    client.force_login(officer_a)
    url = reverse("org_edit:person_edit", args=[tree.binh.pk])
    form = client.get(url).content.decode()
    assert "Trần Thị Bình" in form and "Công chức văn phòng" in form
    data = {"full_name": "Trần Thị Bình", "gender": "F", "position": "Chuyên viên văn phòng", "joined_on": "2015-01-05"}
    response = client.post(url, data, follow=True)
    body = response.content.decode()
    assert "Đã lưu thông tin của Trần Thị Bình." in body
    tree.binh.refresh_from_db()
    assert tree.binh.position == "Chuyên viên văn phòng"
    event = AuditEvent.objects.get(action="org.person.updated", target_id=str(tree.binh.pk))
    assert event.data == {"old": {"position": "Công chức văn phòng"}, "new": {"position": "Chuyên viên văn phòng"}}
    log = body[body.index('id="change-log"'):]
    assert "Sửa thông tin cá nhân" in log and "Công chức văn phòng" in log and "Chuyên viên văn phòng" in log


def test_moving_a_person_keeps_the_membership_history(client, officer_a, tree):
    client.force_login(officer_a)
    url = reverse("org_edit:person_move", args=[tree.an.pk])
    page = client.get(url).content.decode()
    assert "Phường Đống Đa" in page and "Trường Tiểu học Láng" not in page  # only units of one's scope
    on = dt.date.today().replace(day=1)
    response = client.post(url, {"unit": tree.ward_a.pk, "on": on.isoformat(), "position": "Chuyên viên"}, follow=True)
    assert "Đã chuyển Nguyễn Văn An đến Phường Đống Đa" in response.content.decode()
    rows = list(Membership.objects.filter(person=tree.an).order_by("start"))
    assert [r.unit for r in rows] == [tree.school_a, tree.ward_a]
    assert rows[0].end == on - dt.timedelta(days=1) and rows[1].end is None
    body = response.content.decode()
    assert "Chuyển đơn vị công tác" in body and "Quá trình công tác" in body
    response = client.post(url, {"unit": tree.school_b.pk, "on": on.isoformat()})
    assert "Đơn vị không thuộc phạm vi của bạn." in response.content.decode()


def test_readers_who_may_not_edit_see_no_buttons_and_get_403(client, appraiser, tree):
    client.force_login(appraiser)
    body = client.get(reverse("records:person_detail", args=[tree.an.pk])).content.decode()
    assert reverse("org_edit:person_edit", args=[tree.an.pk]) not in body
    assert reverse("records:award_add", args=[tree.an.pk]) not in body
    assert client.post(reverse("org_edit:person_edit", args=[tree.an.pk]), {"full_name": "X"}).status_code == 403


def test_opened_from_a_units_page_the_form_lists_that_units_subtree(client, officer_a, tree):
    client.force_login(officer_a)
    unit_page = client.get(reverse("org:unit_detail", args=[tree.school_a.pk])).content.decode()
    link = f'{reverse("org_edit:person_create")}?unit={tree.school_a.pk}'
    assert link in unit_page
    form = client.get(link).content.decode()
    assert f'<option value="{tree.school_a.pk}" selected>' in form
    assert f'<option value="{tree.ward_a.pk}"' not in form
