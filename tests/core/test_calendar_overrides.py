"""Issue 13: an administrator's override of the working-day calendar (core.services.working_day_override_set): it wins
over the `holidays` package, it is audited, only an administrator may set it, and every worker's calendar sees it."""

from __future__ import annotations

import datetime as dt
import secrets

import pytest
from django.core.cache import caches
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.core import calendar
from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent, WorkingDayOverride
from tdkt.core.services import working_day_override_set

D = dt.date
SATURDAY, FRIDAY = D(2026, 1, 31), D(2026, 1, 30)


def set_day(actor, day, working, reason="Hoán đổi ngày làm việc", legal_basis="Thông báo số 01/TB-BNV"):
    return working_day_override_set(actor=actor, day=day, is_working_day=working, reason=reason, legal_basis=legal_basis)


@pytest.mark.django_db
def test_a_working_saturday_and_a_weekday_off_change_the_count():
    system = system_actor()
    assert calendar.add_working_days(D(2026, 1, 29), 1) == FRIDAY
    assert calendar.add_working_days(FRIDAY, 1) == D(2026, 2, 2)
    set_day(system, SATURDAY, True)
    assert calendar.add_working_days(FRIDAY, 1) == SATURDAY
    assert calendar.working_days_between(FRIDAY, D(2026, 2, 2)) == 2
    set_day(system, FRIDAY, False, reason="Nghỉ bù cho thứ Bảy 31/01")
    assert calendar.add_working_days(D(2026, 1, 29), 1) == SATURDAY
    info = calendar.day_info(FRIDAY)
    assert (info.working, info.source, info.reason) == (False, calendar.Source.OVERRIDE, "Nghỉ bù cho thứ Bảy 31/01")
    assert info.describe() == ("30/01/2026 (Thứ Sáu): ngày nghỉ — điều chỉnh của quản trị: Nghỉ bù cho thứ Bảy 31/01; "
                               "căn cứ: Thông báo số 01/TB-BNV")


@pytest.mark.django_db
def test_an_override_wins_over_the_package_and_over_tet():
    set_day(system_actor(), D(2026, 2, 20), True, reason="Ví dụ: làm việc ngày Mùng bốn")
    assert calendar.add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 20)
    assert calendar.Calendar().add_working_days(D(2026, 2, 13), 1) == D(2026, 2, 23)  # the package alone


@pytest.mark.django_db
def test_it_is_audited_with_the_previous_value_and_the_package_s(admin_user):
    row = set_day(admin_user, D(2026, 8, 22), False, reason="Không làm bù")
    first = AuditEvent.objects.get(action="core.working_day_override.set")
    assert first.actor == admin_user and first.target_id == str(row.pk)
    assert first.data == {"day": "2026-08-22", "is_working_day": False, "reason": "Không làm bù",
                          "legal_basis": "Thông báo số 01/TB-BNV", "previous": None,
                          "without_override": {"is_working_day": True, "reason": "làm việc bù cho ngày nghỉ 31/08/2026"}}
    again = set_day(admin_user, D(2026, 8, 22), True, reason="Làm bù như thông báo")
    assert again.pk == row.pk and WorkingDayOverride.objects.count() == 1 and again.created_by == admin_user
    last = AuditEvent.objects.filter(action="core.working_day_override.set").order_by("-id").first()
    assert last.data["previous"] == {"is_working_day": False, "reason": "Không làm bù", "legal_basis": "Thông báo số 01/TB-BNV"}
    set_day(admin_user, D(2026, 8, 22), True, reason="Làm bù như thông báo")  # nothing changes: nothing audited
    assert AuditEvent.objects.filter(action="core.working_day_override.set").count() == 2


@pytest.mark.django_db
def test_only_an_administrator_may_set_a_day(personas):
    for name in ("officer_a", "appraiser", "office_head", "secretary", "chair", "council_member", "no_role"):
        with pytest.raises(Forbidden) as refused:
            set_day(personas[name], SATURDAY, True)
        assert refused.value.message == "Chỉ quản trị hệ thống mới được điều chỉnh lịch ngày làm việc."
    assert not WorkingDayOverride.objects.exists()
    set_day(personas["admin"], SATURDAY, True)
    assert personas["admin"].has_perm("core.change_calendar") and not personas["officer_a"].has_perm("core.change_calendar")


@pytest.mark.django_db
def test_an_administrator_who_is_not_a_superuser_holds_the_permission(tree):
    from tdkt.accounts.models import Role, RoleAssignment
    from tests.personas import make_user

    user = make_user("quantri.donvi")
    RoleAssignment.objects.create(user=user, role=Role.ADMIN, unit=tree.ward_a, valid_from=D(2025, 7, 1))
    set_day(user, SATURDAY, True)
    assert calendar.is_working_day(SATURDAY)


@pytest.mark.django_db
@pytest.mark.parametrize(("kwargs", "message"), [
    ({"reason": "  "}, "Hãy ghi lý do điều chỉnh"),
    ({"reason": "x" * 256}, "Lý do và căn cứ không quá 255 ký tự."),
    ({"day": dt.datetime(2026, 1, 31, 8)}, "Ngày điều chỉnh không hợp lệ."),
    ({"is_working_day": None}, "Hãy chọn ngày này là ngày làm việc hay ngày nghỉ."),
])
def test_it_refuses_an_incomplete_override(kwargs, message):
    arguments = {"actor": system_actor(), "day": SATURDAY, "is_working_day": True, "reason": "Làm bù", **kwargs}
    with pytest.raises(DomainError) as refused:
        working_day_override_set(**arguments)
    assert message in refused.value.message
    assert not WorkingDayOverride.objects.exists()


@pytest.mark.django_db
def test_one_question_reads_the_overrides_once():
    set_day(system_actor(), SATURDAY, True)
    with CaptureQueriesContext(connection) as queries:
        assert calendar.working_days_between(D(2026, 1, 1), D(2026, 12, 31)) == 250
    assert len(queries) == 1
    with CaptureQueriesContext(connection) as queries, pytest.raises(DomainError):
        calendar.add_working_days(FRIDAY, -1)  # refused before the database is asked
    assert len(queries) == 0


# --- the calendar of several workers: the overrides memoised in a shared Redis --------------------------------------

@pytest.fixture
def redis_cache():
    prefix = f"tdkt-test-{secrets.token_hex(6)}"
    config = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": "redis://127.0.0.1:6379/0",
                          "KEY_PREFIX": prefix}}
    with override_settings(CACHES=config, TDKT_SHARED_CACHE=True):
        yield caches["default"]


@pytest.mark.django_db(transaction=True)
def test_every_worker_sees_an_override_on_its_next_read(redis_cache):
    system = system_actor()
    assert calendar.add_working_days(FRIDAY, 1) == D(2026, 2, 2)  # memoised (no override yet)
    with CaptureQueriesContext(connection) as queries:
        assert calendar.add_working_days(FRIDAY, 1) == D(2026, 2, 2)
    assert len(queries) == 0  # from Redis
    set_day(system, SATURDAY, True)
    assert calendar.add_working_days(FRIDAY, 1) == SATURDAY
    # A row changed behind the service's back (another worker's rolled-back view, a restored backup) is not seen
    # until the family is bumped: the service is the only writer.
    WorkingDayOverride.objects.filter(day=SATURDAY).update(is_working_day=False)
    assert calendar.add_working_days(FRIDAY, 1) == SATURDAY
    calendar.overrides_changed()
    assert calendar.add_working_days(FRIDAY, 1) == D(2026, 2, 2)


# --- the admin page ---------------------------------------------------------------------------------------------

@pytest.fixture
def quantri(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.mark.django_db
def test_the_admin_adds_an_override_through_the_service(quantri, admin_user):
    page = quantri.get(reverse("admin:core_workingdayoverride_add")).content.decode()
    assert "Là ngày làm việc" in page and "Căn cứ" in page and "Thông báo số …/TB-BNV" in page
    response = quantri.post(reverse("admin:core_workingdayoverride_add"), {
        "day": "31/01/2026", "is_working_day": "on", "reason": "Làm bù cho ngày 02/01/2026",
        "legal_basis": "Thông báo số 01/TB-BNV"})
    assert response.status_code == 302, response.content.decode()[:2000]
    row = WorkingDayOverride.objects.get()
    assert (row.day, row.is_working_day, row.created_by) == (SATURDAY, True, admin_user)
    assert AuditEvent.objects.filter(action="core.working_day_override.set", actor=admin_user).count() == 1
    assert calendar.add_working_days(FRIDAY, 1) == SATURDAY
    listing = quantri.get(reverse("admin:core_workingdayoverride_changelist")).content.decode()
    assert "31/01/2026" in listing and "Thứ Bảy" in listing and "Ngày nghỉ" in listing  # and what the package says
    assert "Điều chỉnh ngày làm việc" in listing and "Làm bù cho ngày 02/01/2026" in listing
    assert "Select" not in listing and "to change" not in listing
    change = quantri.get(reverse("admin:core_workingdayoverride_change", args=[row.pk])).content.decode()
    assert "Người tạo" in change and 'name="day"' not in change  # the day is fixed once made


@pytest.mark.django_db
def test_the_admin_shows_a_missing_reason_as_a_form_error(quantri):
    response = quantri.post(reverse("admin:core_workingdayoverride_add"), {"day": "31/01/2026", "reason": " "})
    assert response.status_code == 200 and not WorkingDayOverride.objects.exists()
    assert "Trường này là bắt buộc." in response.content.decode()
