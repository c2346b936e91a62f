"""Issue 12 in a real browser: an officer records a transfer in the year, the eligibility panel shows the fact and
asks for the old unit's comment by name, its link opens the working year's form, and once the comment is recorded
the panel no longer asks for it."""

import pytest
from playwright.sync_api import expect

from tests.personas import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _check(page, award: str, year: int):
    panel = page.locator("#eligibility-panel")
    panel.get_by_label("Danh hiệu, hình thức").select_option(award)
    panel.get_by_label("Năm xét").select_option(str(year))
    panel.get_by_role("button", name="Kiểm tra").click()
    expect(page.get_by_test_id("verdict")).to_be_visible()


def test_an_officer_records_a_transfer_and_the_panel_asks_for_the_old_units_comment(page, live_server, personas, tree, login, shot):
    y = tree.year
    login(page, "canbo.dongda", PASSWORD)
    page.goto(f"{live_server.url}/ca-nhan/{tree.an.pk}/")
    page.get_by_role("link", name="Ghi năm công tác").click()
    expect(page.get_by_role("heading", name="Ghi thông tin năm công tác")).to_be_visible()

    # A mistake first: the form says what is wrong and keeps what was typed.
    page.locator("#id_year").select_option(str(y))
    page.get_by_label("Số ngày nghỉ làm việc trong năm").fill("4")
    page.get_by_label("Số tháng công tác ở đơn vị cũ trong năm").fill("8")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Chuyển công tác: phải ghi tên đơn vị cũ.")).to_be_visible()
    expect(page.get_by_label("Số tháng công tác ở đơn vị cũ trong năm")).to_have_value("8")
    page.get_by_label("Chuyển công tác từ đơn vị").fill("Trường THCS Kim Liên")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text(f"Đã ghi thông tin năm công tác {y} của Nguyễn Văn An.")).to_be_visible()
    expect(page.locator(f'section[data-year="{y}"]').get_by_test_id("work-year")).to_contain_text(
        "chuyển từ Trường THCS Kim Liên (8 tháng; chưa có nhận xét của đơn vị cũ)")

    _check(page, "LDTT", y)
    expect(page.get_by_test_id("working-year-facts")).to_contain_text(f"Năm {y} nghỉ 4 ngày làm việc")
    missing = page.get_by_test_id("missing-facts")
    expect(missing).to_contain_text("Ý kiến nhận xét của đơn vị cũ")
    shot(page, "missing-facts", doc=True)
    missing.get_by_role("link", name="Bổ sung").click()
    expect(page.get_by_label("Chuyển công tác từ đơn vị")).to_have_value("Trường THCS Kim Liên")
    page.get_by_label("Đã có ý kiến nhận xét của đơn vị cũ").check()
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text(f"Đã ghi thông tin năm công tác {y} của Nguyễn Văn An.")).to_be_visible()

    _check(page, "LDTT", y)
    expect(page.get_by_test_id("missing-facts")).to_have_count(0)
    expect(page.get_by_test_id("working-year-facts")).to_contain_text("đã có ý kiến nhận xét của đơn vị cũ")
    expect(page.locator("#change-log")).to_contain_text("Ghi thông tin năm công tác")
