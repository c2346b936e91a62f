"""The seed's plan (../shared/seed/ke-hoach-tdkt-2025-dong-da.txt) entered for the dissolved district, by the
administrator, from the demo's data (tdkt.demo.plans); and a city plan above it."""

import datetime as dt

import pytest

from tdkt.demo import plans as seed
from tdkt.plans import services


@pytest.fixture
def seed_plan(tree, admin_user):
    return seed.enter(actor=admin_user, issuer=tree.district)


@pytest.fixture
def issued_seed_plan(seed_plan, admin_user):
    return services.plan_issue(actor=admin_user, plan=seed_plan, number=seed.NUMBER, issued_on=seed.ISSUED_ON)


@pytest.fixture
def city_plan(tree, admin_user):
    plan = services.plan_create(actor=admin_user, issuer=tree.province, year=2026, title="Công tác thi đua, khen thưởng năm 2026")
    top = services.section_add(actor=admin_user, plan=plan, title="Mục đích, yêu cầu")
    services.section_add(actor=admin_user, plan=plan, parent=top, title="Mục đích", body="Phát động phong trào thi đua năm 2026.")
    services.key_task_add(actor=admin_user, plan=plan, title="Hội nghị điển hình tiên tiến", lead_unit=tree.ward_a,
                          due_on=dt.date(2026, 6, 30))
    services.council_item_add(actor=admin_user, plan=plan, month=12, title="Họp xét khen thưởng", in_charge="Chủ tịch Hội đồng")
    return services.plan_issue(actor=admin_user, plan=plan, number=3, issued_on=dt.date(2025, 12, 10))
