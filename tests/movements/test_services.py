"""Movements and registrations through their services: what they keep, and each refusal (a Vietnamese message,
nothing changed)."""

import datetime as dt

import pytest

from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent, Transition
from tdkt.core.notifications import Notification
from tdkt.movements import services
from tdkt.movements.anniversaries import anniversaries_of, next_occurrence
from tdkt.movements.models import Anniversary, Movement, Registration, RegistrationStatus, Reminder
from tdkt.movements.selectors import movements_of_level, movements_visible_to, not_registered

from .conftest import CRITERIA, fill, today

pytestmark = pytest.mark.django_db


def _launch(world, **overrides):
    t = today()
    values = dict(actor=world.personas["officer_a"], unit=world.tree.ward_a, name="Phong trào thử", starts_on=t,
                  ends_on=t + dt.timedelta(days=30), registration_deadline=t + dt.timedelta(days=5), targets=[world.school],
                  planned_awards=["GIAY_KHEN"], criteria=CRITERIA[:1])
    values.update(overrides)
    return services.movement_create(**values)


def test_it_launches_a_movement_with_its_criteria_targets_and_audit(movement, world):
    assert movement.kind == "thematic" and movement.unit == world.tree.ward_a
    assert set(movement.targets.all()) == {world.school, world.kindergarten}
    assert [(c.position, c.mandatory, c.points) for c in movement.criteria.all()] == [(1, True, 40), (2, True, 30), (3, False, None)]
    assert AuditEvent.objects.filter(action="movements.movement.launched", target_id=str(movement.pk)).count() == 1


@pytest.mark.parametrize(("overrides", "message"), [
    ({"registration_deadline": "before"}, "Hạn đăng ký thi đua"),
    ({"ends_on": "before"}, "Ngày kết thúc"),
    ({"registration_deadline": "after"}, "sau ngày kết thúc"),
    ({"criteria": [{"text": "Tiêu chí điểm âm", "points": "-5"}]}, "không được là số âm"),
    ({"criteria": [{"text": "Tiêu chí điểm sai", "points": "mười"}]}, "phải là một số"),
    ({"criteria": [{"text": "  "}]}, "nội dung tiêu chí thứ 1"),
    ({"targets": "outside"}, "không thuộc phạm vi"),
    ({"targets": []}, "ít nhất một đơn vị"),
    ({"planned_awards": ["KHONG_CO"]}, "không có trong danh mục"),
    ({"name": ""}, "tên phong trào"),
    ({"kind": "other"}, "Loại phong trào"),
])
def test_it_refuses_a_bad_movement_and_changes_nothing(world, overrides, message):
    t = today()
    if overrides.get("registration_deadline") == "before":
        overrides["registration_deadline"] = t - dt.timedelta(days=1)
    if overrides.get("registration_deadline") == "after":
        overrides["registration_deadline"] = t + dt.timedelta(days=31)
    if overrides.get("ends_on") == "before":
        overrides["ends_on"] = t - dt.timedelta(days=1)
    if overrides.get("targets") == "outside":
        overrides["targets"] = [world.school, world.tree.school_b]
    with pytest.raises(DomainError, match=message):
        _launch(world, **overrides)
    assert Movement.objects.count() == 0 and not AuditEvent.objects.filter(action__startswith="movements.").exists()


def test_only_the_level_or_its_office_launches(world):
    with pytest.raises(Forbidden):
        _launch(world, actor=world.personas["officer_b"])
    with pytest.raises(Forbidden):
        _launch(world, actor=world.personas["chair"])
    assert _launch(world, actor=world.personas["appraiser"]).pk


def test_a_lower_level_adopts_a_higher_movement_and_the_year_list_shows_it(world):
    t = today()
    province = services.movement_create(
        actor=world.personas["admin"], unit=world.tree.province, name="Phong trào của Thành phố", kind="regular", starts_on=t,
        ends_on=t + dt.timedelta(days=60), registration_deadline=t + dt.timedelta(days=20), targets=[world.tree.ward_a, world.tree.ward_b])
    other = services.movement_create(
        actor=world.personas["admin"], unit=world.tree.province, name="Phong trào chỉ cho phường Láng", starts_on=t,
        ends_on=t + dt.timedelta(days=60), registration_deadline=t + dt.timedelta(days=20), targets=[world.tree.ward_b])
    own = _launch(world, name="Hưởng ứng phong trào của Thành phố", parent=province)
    assert own.parent == province
    listed = set(movements_of_level(world.tree.ward_a, t.year))
    assert listed == {province, own} and other not in listed
    assert set(movements_visible_to(world.personas["officer_a"])) == {province, own}
    with pytest.raises(DomainError, match="cấp trên"):
        services.movement_create(actor=world.personas["admin"], unit=world.tree.province, name="Ngược", starts_on=t, ends_on=t,
                                 registration_deadline=t, targets=[world.tree.ward_b], parent=own)


def test_a_registration_goes_draft_submitted_returned_resubmitted_approved(movement, world, django_capture_on_commit_callbacks):
    officer = world.school_officer
    with django_capture_on_commit_callbacks(execute=True):
        _walk(movement, world, officer)
    steps = list(Transition.objects.filter(workflow="movements.registration").values_list("action", flat=True).order_by("id"))
    assert steps == ["create", "submit", "return", "resubmit", "approve"]
    assert AuditEvent.objects.filter(action="movements.registration.returned").count() == 1
    # the school's officer was told of the return and the approval, the ward's officer of the two sendings
    assert Notification.objects.filter(recipient=officer).count() == 2
    assert Notification.objects.filter(recipient=world.personas["officer_a"], title__contains="đăng ký thi đua").count() == 2


def _walk(movement, world, officer):
    registration = services.registration_start(actor=officer, movement=movement, unit=world.school)
    assert registration.status == RegistrationStatus.DRAFT
    with pytest.raises(DomainError, match="tiêu chí bắt buộc"):
        services.registration_submit(actor=officer, registration=registration)
    fill(registration, officer, person=world.tree.an)
    assert {(t.award_code, t.person_id) for t in registration.titles.all()} == {("GIAY_KHEN", None), ("LDTT", world.tree.an.pk)}
    services.registration_submit(actor=officer, registration=registration)
    assert registration.status == RegistrationStatus.SUBMITTED
    with pytest.raises(DomainError, match="Chỉ sửa đăng ký"):
        fill(registration, officer)
    launcher = world.personas["officer_a"]
    with pytest.raises(DomainError, match="lý do"):
        services.registration_return(actor=launcher, registration=registration, reason=" ")
    services.registration_return(actor=launcher, registration=registration, reason="Chỉ tiêu sáng kiến chưa cụ thể")
    assert registration.status == RegistrationStatus.RETURNED and registration.return_reason == "Chỉ tiêu sáng kiến chưa cụ thể"
    fill(registration, officer)
    services.registration_submit(actor=officer, registration=registration)
    assert registration.status == RegistrationStatus.RESUBMITTED
    services.registration_approve(actor=launcher, registration=registration)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.APPROVED and registration.decided_at is not None


def test_a_unit_never_approves_its_own_registration_nor_edits_another_units(movement, world):
    registration = services.registration_start(actor=world.school_officer, movement=movement, unit=world.school)
    fill(registration, world.school_officer)
    for intruder in (world.kindergarten_officer, world.personas["officer_b"]):
        with pytest.raises(Forbidden):
            fill(registration, intruder)
        with pytest.raises(Forbidden):
            services.registration_submit(actor=intruder, registration=registration)
        with pytest.raises(Forbidden):
            services.registration_start(actor=intruder, movement=movement, unit=world.school)
    services.registration_submit(actor=world.school_officer, registration=registration)
    with pytest.raises(Forbidden):
        services.registration_approve(actor=world.school_officer, registration=registration)
    registration.refresh_from_db()
    assert registration.status == RegistrationStatus.SUBMITTED


def test_it_refuses_a_registration_after_the_deadline_or_outside_the_targets(movement, world):
    with pytest.raises(DomainError, match="không thuộc các đơn vị tham gia"):
        services.registration_start(actor=world.personas["officer_a"], movement=movement, unit=world.tree.ward_a)
    registration = services.registration_start(actor=world.school_officer, movement=movement, unit=world.school)
    fill(registration, world.school_officer)
    Movement.objects.filter(pk=movement.pk).update(registration_deadline=today() - dt.timedelta(days=1))
    movement.refresh_from_db()
    registration.refresh_from_db()
    with pytest.raises(DomainError, match="Đã hết hạn đăng ký"):
        services.registration_submit(actor=world.school_officer, registration=registration)
    with pytest.raises(DomainError, match="Đã hết hạn đăng ký"):
        services.registration_start(actor=world.kindergarten_officer, movement=movement, unit=world.kindergarten)
    assert Registration.objects.count() == 1 and registration.status == RegistrationStatus.DRAFT


def test_it_refuses_titles_outside_the_plan_or_people_of_another_unit(movement, world):
    registration = services.registration_start(actor=world.school_officer, movement=movement, unit=world.school)
    with pytest.raises(DomainError, match="không thuộc các hình thức khen thưởng dự kiến"):
        services.registration_save(actor=world.school_officer, registration=registration, titles=[("CSTD_TINH", None)])
    with pytest.raises(DomainError, match="không thuộc Trường THCS Đống Đa"):
        services.registration_save(actor=world.school_officer, registration=registration, titles=[("LDTT", world.tree.dung)])
    with pytest.raises(DomainError, match="Tiêu chí không thuộc"):
        services.registration_save(actor=world.school_officer, registration=registration, targets={999999: "x"})
    assert not registration.titles.exists() and not registration.targets.exists()


def test_it_reminds_the_units_not_registered_once_a_day(movement, world):
    registration = services.registration_start(actor=world.school_officer, movement=movement, unit=world.school)
    fill(registration, world.school_officer)
    services.registration_submit(actor=world.school_officer, registration=registration)
    assert not_registered(movement) == [world.kindergarten]
    sent = services.movement_remind(actor=world.personas["officer_a"], movement=movement)
    assert [(r.unit, r.recipients) for r in sent] == [(world.kindergarten, 1)]
    assert Notification.objects.filter(recipient=world.kindergarten_officer, title__startswith="Nhắc đăng ký").count() == 1
    with pytest.raises(DomainError, match="mỗi ngày chỉ nhắc một lần"):
        services.movement_remind(actor=world.personas["officer_a"], movement=movement)
    with pytest.raises(Forbidden):
        services.movement_remind(actor=world.school_officer, movement=movement)
    assert Reminder.objects.count() == 1
    assert Notification.objects.filter(recipient=world.kindergarten_officer, title__startswith="Nhắc đăng ký").count() == 1


def test_a_target_with_a_registration_stays_and_a_criterion_in_use_stays(movement, world):
    registration = services.registration_start(actor=world.school_officer, movement=movement, unit=world.school)
    fill(registration, world.school_officer)
    with pytest.raises(DomainError, match="đã đăng ký"):
        services.movement_update(actor=world.personas["officer_a"], movement=movement, targets=[world.kindergarten])
    with pytest.raises(DomainError, match="đã có đơn vị đăng ký"):
        services.criterion_remove(actor=world.personas["officer_a"], criterion=movement.criteria.first())
    with pytest.raises(DomainError, match="không được là số âm"):
        services.criterion_add(actor=world.personas["officer_a"], movement=movement, text="Âm", points=-1)
    services.movement_update(actor=world.personas["officer_a"], movement=movement, name="Tên mới", targets=[world.school])
    movement.refresh_from_db()
    assert movement.name == "Tên mới" and list(movement.targets.all()) == [world.school]


def test_the_anniversaries_of_a_year_carry_their_round_jubilees(db):
    jubilees = {o.anniversary.name: o for o in anniversaries_of(2025, round_only=True)}
    party = jubilees["Ngày thành lập Đảng Cộng sản Việt Nam"]
    assert party.years == 95 and party.on == dt.date(2025, 2, 3)
    assert party.label == "Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (3/2/1930 - 3/2/2025)"
    assert jubilees["Ngày giải phóng miền Nam, thống nhất đất nước"].years == 50
    assert jubilees["Ngày sinh của Chủ tịch Hồ Chí Minh"].label.startswith("Kỷ niệm 135 năm ngày sinh của Chủ tịch Hồ Chí Minh")
    assert jubilees["Ngày hội Toàn dân bảo vệ an ninh Tổ quốc"].years == 20
    assert "Ngày Tổng tuyển cử đầu tiên bầu Quốc hội Việt Nam" not in jubilees  # 79 years in 2025
    election = Anniversary.objects.get(name="Ngày Tổng tuyển cử đầu tiên bầu Quốc hội Việt Nam")
    assert next_occurrence(election, dt.date(2025, 3, 1)).years == 80
    assert len(anniversaries_of(2025)) >= 9


def test_the_demo_has_a_movement_of_the_ward_with_a_submitted_and_an_approved_registration(db):
    from tdkt.demo import loader

    loader.load(seed=2026, size=0.04)
    movement = Movement.objects.get(unit__code="phuong_dong_da")
    assert movement.kind == "thematic" and movement.criteria.count() == 3 and movement.targets.count() >= 2
    assert sorted(movement.registrations.values_list("status", flat=True)) == ["approved", "submitted"]
