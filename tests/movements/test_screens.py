"""The movement screens with the Django client: launch with criteria, the movement page with its targets and the
reminder, the registration form of the target unit's officer, the launching level's approval and return."""

import datetime as dt

import pytest
from django.urls import reverse

from tdkt.movements import services
from tdkt.movements.models import Movement, Registration, RegistrationStatus, Reminder

from .conftest import fill, today

pytestmark = pytest.mark.django_db


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def test_the_ward_officer_launches_a_movement_with_criteria_from_the_form(client, world):
    client.force_login(world.personas["officer_a"])
    assert client.get(reverse("movements:movement_create")).status_code == 200
    t = today()
    data = {"unit": world.tree.ward_a.pk, "kind": "thematic", "name": "Thi đua chào mừng 80 năm Quốc khánh", "slogan": "",
            "purpose": "", "starts_on": _d(t), "ends_on": _d(t + dt.timedelta(days=60)),
            "registration_deadline": _d(t + dt.timedelta(days=7)), "targets": [world.school.pk, world.kindergarten.pk],
            "planned_awards": ["GIAY_KHEN"], "c1_text": "Hoàn thành nhiệm vụ", "c1_points": "50", "c1_mandatory": "on",
            "c2_text": "Có sáng kiến", "c2_points": "-3"}
    response = client.post(reverse("movements:movement_create"), data)
    assert response.status_code == 200 and "không được là số âm" in response.content.decode()
    assert not Movement.objects.exists()
    data["c2_points"] = "20"
    data["registration_deadline"] = _d(t - dt.timedelta(days=1))
    response = client.post(reverse("movements:movement_create"), data)
    assert "trước ngày bắt đầu" in response.content.decode() and not Movement.objects.exists()
    data["registration_deadline"] = _d(t + dt.timedelta(days=7))
    response = client.post(reverse("movements:movement_create"), data)
    movement = Movement.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("movements:movement_detail", args=[movement.pk])
    assert [c.text for c in movement.criteria.all()] == ["Hoàn thành nhiệm vụ", "Có sáng kiến"]
    page = client.get(response["Location"]).content.decode()
    assert "Hoàn thành nhiệm vụ" in page and "Trường Mầm non Đống Đa" in page and "Nhắc 2 đơn vị chưa đăng ký" in page
    listing = client.get(reverse("movements:index")).content.decode()
    assert "Thi đua chào mừng 80 năm Quốc khánh" in listing


def test_a_target_officer_registers_and_the_launcher_returns_then_approves(client, world, movement):
    client.force_login(world.school_officer)
    page = client.get(reverse("movements:movement_detail", args=[movement.pk])).content.decode()
    assert "Đăng ký thi đua" in page and "Trường Mầm non Đống Đa" not in page  # the school sees its own row only
    response = client.post(reverse("movements:registration_start", args=[movement.pk, world.school.pk]))
    registration = Registration.objects.get()
    assert response["Location"] == reverse("movements:registration_edit", args=[registration.pk])
    criteria = list(movement.criteria.all())
    form = {f"t{c.pk}": f"Chỉ tiêu {c.position}" for c in criteria}
    form.update({"unit_titles": ["GIAY_KHEN"], "p1_person": world.tree.an.pk, "p1_award": "LDTT", "send": "1"})
    response = client.post(reverse("movements:registration_edit", args=[registration.pk]), form)
    assert response.status_code == 302
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED and registration.titles.count() == 2
    # the launching level
    client.force_login(world.personas["officer_a"])
    url = reverse("movements:registration_act", args=[registration.pk])
    client.post(url, {"action": "return", "reason": ""})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED  # a return without its reason is refused
    client.post(url, {"action": "return", "reason": "Bổ sung chỉ tiêu sáng kiến"})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.RETURNED
    client.force_login(world.school_officer)
    assert "Bổ sung chỉ tiêu sáng kiến" in client.get(reverse("movements:registration_detail", args=[registration.pk])).content.decode()
    client.post(reverse("movements:registration_edit", args=[registration.pk]), form)
    client.force_login(world.personas["officer_a"])
    client.post(url, {"action": "approve"})
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED


def test_another_units_registration_is_a_404_and_the_reminder_once(client, world, movement):
    registration = services.registration_start(actor=world.school_officer, movement=movement, unit=world.school)
    fill(registration, world.school_officer)
    client.force_login(world.kindergarten_officer)
    assert client.get(reverse("movements:registration_detail", args=[registration.pk])).status_code == 404
    assert client.post(reverse("movements:registration_edit", args=[registration.pk]), {}).status_code == 404
    client.force_login(world.personas["officer_a"])
    remind = reverse("movements:remind", args=[movement.pk])
    client.post(remind)
    response = client.post(remind, follow=True)
    assert "mỗi ngày chỉ nhắc một lần" in response.content.decode()
    assert Reminder.objects.count() == 2  # the school (a draft is not a registration) and the kindergarten


def test_the_home_page_lists_the_registration_to_make(client, world, movement):
    client.force_login(world.kindergarten_officer)
    page = client.get(reverse("web:home")).content.decode()
    assert 'data-testid="home-movements"' in page and movement.name in page


def test_the_year_list_of_a_level_and_the_jubilees(client, world, movement):
    client.force_login(world.personas["officer_a"])
    page = client.get(reverse("movements:index") + f"?nam=2025&don_vi={world.tree.ward_a.pk}").content.decode()
    assert "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2025)" in page
    page = client.get(reverse("movements:index") + f"?nam={movement.year}&don_vi={world.tree.ward_a.pk}").content.decode()
    assert movement.name in page
    assert client.get(reverse("movements:index") + "?nam=abc&don_vi=x").status_code == 200
