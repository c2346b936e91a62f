"""A thematic movement in Chromium: the ward's officer (`canbo.dongda`) launches it with three criteria for three of
its units; two units' officers register; the third is reminded; the ward's officer approves one registration and
returns the other with its reason."""

import datetime as dt

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tdkt.accounts.models import Role, RoleAssignment
from tdkt.core.actors import system_actor
from tdkt.movements.anniversaries import add_defaults
from tdkt.org import services as org_services
from tdkt.org.models import UnitKind
from tests.personas import PASSWORD, make_user

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _d(day: dt.date) -> str:
    return day.strftime("%d/%m/%Y")


def _register(page, live_server, login, username, movement_url, unit_name, shot=None):
    page.context.clear_cookies()
    login(page, username, PASSWORD)
    page.goto(movement_url)
    page.locator(f"tr:has-text('{unit_name}')").get_by_role("button", name="Đăng ký thi đua").click()
    expect(page.get_by_role("heading", name=f"Đăng ký thi đua của {unit_name}")).to_be_visible()
    page.get_by_label("1. Hoàn thành 100% nhiệm vụ được giao").fill("100% nhiệm vụ")
    page.get_by_label("2. Có sáng kiến được công nhận").fill("01 sáng kiến")
    page.get_by_label("Giấy khen").check()
    if shot:
        shot(page, "movement-register", doc=True)
    page.get_by_role("button", name="Lưu và gửi đăng ký").click()
    expect(page.get_by_text("Đã gửi đăng ký thi đua.")).to_be_visible()
    expect(page.get_by_test_id("registration-status")).to_have_text("Đã gửi đăng ký")


def test_a_ward_launches_a_movement_units_register_one_is_reminded_one_approved_one_returned(page, live_server, personas, tree,
                                                                                            login, shot):
    actor = system_actor()
    add_defaults()  # the default anniversaries (a browser test run before this one emptied every table when it ended)
    kindergarten = org_services.unit_create(actor=actor, code="mn_dong_da", name="Trường Mầm non Đống Đa", kind=UnitKind.SCHOOL,
                                            parent=tree.ward_a)
    clinic = org_services.unit_create(actor=actor, code="tyt_dong_da", name="Trạm Y tế phường Đống Đa", kind=UnitKind.AGENCY,
                                      parent=tree.ward_a)
    for username, unit in (("canbo.thcs", tree.school_a), ("canbo.mamnon", kindergarten), ("canbo.tramyte", clinic)):
        RoleAssignment.objects.create(user=make_user(username), role=Role.UNIT_OFFICER, unit=unit, valid_from=dt.date(2025, 7, 1))
    today = timezone.localdate()

    login(page, "canbo.dongda", PASSWORD)
    page.get_by_role("link", name="Phong trào thi đua", exact=True).click()
    page.get_by_role("link", name="Phát động phong trào").click()
    page.get_by_label("Tên phong trào").fill("Thi đua chào mừng Ngày Giải phóng Thủ đô")
    page.get_by_label("Loại phong trào").select_option("thematic")
    page.get_by_label("Khẩu hiệu").fill("Đoàn kết, sáng tạo")
    page.get_by_label("Bắt đầu").fill(_d(today))
    page.get_by_label("Kết thúc").fill(_d(today + dt.timedelta(days=90)))
    page.get_by_label("Hạn đăng ký thi đua").fill(_d(today + dt.timedelta(days=14)))
    for name in ("Trường THCS Đống Đa", "Trường Mầm non Đống Đa", "Trạm Y tế phường Đống Đa"):
        page.get_by_test_id("field-targets").get_by_label(name).check()
    page.get_by_test_id("field-planned_awards").get_by_label("Giấy khen").check()
    page.get_by_label("Chào mừng ngày kỷ niệm").select_option(label="10/10 — Ngày Giải phóng Thủ đô")
    rows = [("Hoàn thành 100% nhiệm vụ được giao", "40"), ("Có sáng kiến được công nhận", "-10"), ("Tham gia hoạt động chào mừng", "")]
    for i, (text, points) in enumerate(rows, start=1):
        page.locator(f"[name=c{i}_text]").fill(text)
        page.locator(f"[name=c{i}_points]").fill(points)
    page.locator("[name=c3_mandatory]").uncheck()
    page.get_by_role("button", name="Phát động").click()
    expect(page.get_by_text("Điểm của tiêu chí thứ 2 không được là số âm.")).to_be_visible()
    page.locator("[name=c2_points]").fill("30")
    shot(page, "movement-launch", doc=True)
    page.get_by_role("button", name="Phát động").click()
    expect(page.get_by_text("Đã phát động phong trào “Thi đua chào mừng Ngày Giải phóng Thủ đô”.")).to_be_visible()
    expect(page.get_by_test_id("criteria").locator("li")).to_have_count(3)
    movement_url = page.url

    _register(page, live_server, login, "canbo.thcs", movement_url, "Trường THCS Đống Đa", shot)
    _register(page, live_server, login, "canbo.mamnon", movement_url, "Trường Mầm non Đống Đa")

    page.context.clear_cookies()
    login(page, "canbo.dongda", PASSWORD)
    expect(page.get_by_test_id("home-movements")).to_contain_text("Trường Mầm non Đống Đa")
    page.goto(movement_url)
    page.get_by_test_id("remind").click()
    expect(page.get_by_text("Đã nhắc 1 đơn vị chưa đăng ký: Trạm Y tế phường Đống Đa.")).to_be_visible()
    expect(page.locator("tr:has-text('Trạm Y tế phường Đống Đa')")).to_contain_text("đã nhắc hôm nay")
    expect(page.get_by_test_id("remind")).to_have_count(0)  # once a day: the button is gone
    shot(page, "movement-targets", doc=True)

    page.locator("tr:has-text('Trường THCS Đống Đa')").get_by_role("link", name="Xem đăng ký").click()
    page.get_by_role("button", name="Duyệt đăng ký").click()
    expect(page.get_by_test_id("registration-status")).to_have_text("Đã duyệt")
    page.goto(movement_url)
    page.locator("tr:has-text('Trường Mầm non Đống Đa')").get_by_role("link", name="Xem đăng ký").click()
    page.get_by_label("Lý do trả lại").fill("Chỉ tiêu sáng kiến cần ghi rõ tên sáng kiến")
    page.get_by_role("button", name="Trả lại").click()
    expect(page.get_by_test_id("registration-status")).to_have_text("Bị trả lại")
    expect(page.get_by_test_id("return-reason")).to_contain_text("Chỉ tiêu sáng kiến cần ghi rõ tên sáng kiến")
    shot(page, "movement-returned", doc=True)

    page.context.clear_cookies()
    login(page, "canbo.tramyte", PASSWORD)
    page.goto(f"{live_server.url}/thong-bao/")
    expect(page.get_by_text("Nhắc đăng ký thi đua: Thi đua chào mừng Ngày Giải phóng Thủ đô")).to_be_visible()
