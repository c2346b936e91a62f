"""Movement tests: ward A's thematic movement for its school and a kindergarten made here, each with its own TĐKT
officer (the ward's officer `canbo.dongda` launches), running from ten days ago, registrations open ten more days."""

import datetime as dt
from types import SimpleNamespace

import pytest
from django.utils import timezone

from tdkt.accounts.models import Role, RoleAssignment
from tdkt.core.actors import system_actor
from tdkt.movements import services
from tdkt.org import services as org_services
from tdkt.org.models import UnitKind
from tests.personas import make_user

CRITERIA = [
    {"text": "Hoàn thành 100% chỉ tiêu chuyên môn năm học", "mandatory": True, "points": "40", "evidence": "Báo cáo tổng kết"},
    {"text": "Có ít nhất một sáng kiến được công nhận", "mandatory": True, "points": 30},
    {"text": "Tham gia hoạt động chào mừng ngày lễ", "mandatory": False, "points": None},
]


@pytest.fixture(autouse=True)
def _anniversaries(request):
    """The default anniversaries (migration 0002's rows): a browser or concurrency test run earlier empties every table
    when it ends, so a test that reads them puts them back first."""
    if request.node.get_closest_marker("django_db") or "db" in request.fixturenames:
        from tdkt.movements.anniversaries import add_defaults

        request.getfixturevalue("db")
        add_defaults()


def today() -> dt.date:
    return timezone.localdate()


@pytest.fixture
def world(tree, personas):
    kindergarten = org_services.unit_create(actor=system_actor(), code="mn_dong_da", name="Trường Mầm non Đống Đa",
                                            kind=UnitKind.SCHOOL, parent=tree.ward_a)
    officers = {}
    for username, unit in (("canbo.thcs", tree.school_a), ("canbo.mamnon", kindergarten)):
        user = make_user(username, full_name=f"Cán bộ {unit.name}")
        RoleAssignment.objects.create(user=user, role=Role.UNIT_OFFICER, unit=unit, valid_from=dt.date(2025, 7, 1))
        officers[unit.pk] = user
    return SimpleNamespace(tree=tree, personas=personas, kindergarten=kindergarten, school=tree.school_a,
                           school_officer=officers[tree.school_a.pk], kindergarten_officer=officers[kindergarten.pk])


@pytest.fixture
def movement(world):
    t = today()
    return services.movement_create(
        actor=world.personas["officer_a"], unit=world.tree.ward_a, name="Thi đua chào mừng kỷ niệm ngày Giải phóng Thủ đô",
        kind="thematic", slogan="Đoàn kết, sáng tạo", purpose="Lập thành tích chào mừng", starts_on=t - dt.timedelta(days=10),
        ends_on=t + dt.timedelta(days=100), registration_deadline=t + dt.timedelta(days=10),
        targets=[world.school, world.kindergarten], planned_awards=["LDTT", "CSTDCS", "GIAY_KHEN"], criteria=CRITERIA)


def fill(registration, actor, *, person=None):
    """Targets for every criterion and one title for the unit (and one for `person`)."""
    targets = {c.pk: f"Đạt {c.position}" for c in registration.movement.criteria.all()}
    titles = [("GIAY_KHEN", None)] + ([("LDTT", person)] if person is not None else [])
    return services.registration_save(actor=actor, registration=registration, targets=targets, titles=titles)
