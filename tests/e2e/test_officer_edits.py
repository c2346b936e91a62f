"""Day one of a unit officer in a real browser (point 6, 7): add a new hire, record a rating and an award, see the
profile's timeline and change log, and the eligibility panels of the person and of their school change; then the
people list, filtered to the new hire, is exported to Excel."""

import io
import re
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.personas import PASSWORD
from tests.spreadsheets import table_rows

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def _check(page, award: str, year: int):
    page.locator("#eligibility-panel").get_by_label("Danh hiệu, hình thức").select_option(award)
    page.locator("#eligibility-panel").get_by_label("Năm xét").select_option(str(year))
    page.locator("#eligibility-panel").get_by_role("button", name="Kiểm tra").click()
    expect(page.get_by_test_id("verdict")).to_be_visible()


def test_an_officer_adds_a_new_hire_records_a_rating_and_an_award(page, live_server, personas, tree, login, shot):
    y = tree.year - 1
    login(page, "canbo.dongda", PASSWORD)
    expect(page.get_by_role("heading", name="Xin chào, canbo.dongda")).to_be_visible()
    page.get_by_role("link", name="Cá nhân", exact=True).click()
    page.get_by_role("link", name="Thêm cá nhân").click()
    expect(page.get_by_role("heading", name="Thêm cá nhân")).to_be_visible()

    # A mistake first: the form says what is wrong, in Vietnamese, and keeps what was typed.
    page.get_by_label("Họ và tên").fill("Đỗ Thị Hạnh")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Vui lòng chọn giới tính.")).to_be_visible()
    expect(page.get_by_label("Họ và tên")).to_have_value("Đỗ Thị Hạnh")

    page.get_by_label("Giới tính").select_option("F")
    page.get_by_label("Ngày sinh").fill("20/05/1994")
    page.get_by_label("Số CCCD").fill("001194012345")
    page.get_by_label("Đơn vị công tác").select_option(str(tree.school_a.pk))
    page.get_by_label("Chức vụ").fill("Giáo viên")
    page.get_by_label("Trực tiếp lao động, sản xuất, công tác").check()
    page.get_by_label("Ngày tuyển dụng").fill("01/09/2020")
    shot(page, "person-create", doc=True)
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text("Đã thêm Đỗ Thị Hạnh vào Trường THCS Đống Đa.")).to_be_visible()
    expect(page.get_by_role("heading", name="Đỗ Thị Hạnh", level=1)).to_be_visible()
    profile = page.url

    # The person's panel before and after the rating of the year.
    _check(page, "LDTT", y)
    before = page.get_by_test_id("verdict").inner_text()
    assert before != "Đủ điều kiện"
    page.get_by_role("link", name="Ghi xếp loại").click()
    page.get_by_label("Năm").select_option(str(y))
    page.get_by_label("Mức độ hoàn thành nhiệm vụ").select_option("HTTNV")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text(f"Đã ghi xếp loại năm {y} cho Đỗ Thị Hạnh.")).to_be_visible()
    expect(page.locator(f'section[data-year="{y}"]')).to_contain_text("Hoàn thành tốt nhiệm vụ")
    _check(page, "LDTT", y)
    expect(page.get_by_test_id("verdict")).to_have_text("Đủ điều kiện")

    # The school's panel: one of its two members holds LĐTT for the year.
    page.locator("dd").get_by_role("link", name="Trường THCS Đống Đa").click()
    expect(page.get_by_text("Tập thể đủ điều kiện khen thưởng?")).to_be_visible()
    _check(page, "TTLDTT", y)
    expect(page.locator("#eligibility-result")).to_contain_text("1/2 thành viên đạt LĐTT")

    # The award received, with its decision.
    page.goto(profile)
    page.get_by_role("link", name="Ghi khen thưởng").click()
    page.get_by_label("Danh hiệu, hình thức").select_option("LDTT")
    page.get_by_label("Năm thành tích").select_option(str(y))
    page.get_by_label("Số quyết định").fill("45/QĐ-UBND")
    page.get_by_label("Ngày quyết định").fill(f"20/01/{y + 1}")
    page.get_by_label("Cơ quan ban hành").fill("UBND phường Đống Đa")
    page.get_by_role("button", name="Lưu").click()
    expect(page.get_by_text(f"Đã ghi Lao động tiên tiến năm {y} cho Đỗ Thị Hạnh.")).to_be_visible()
    expect(page.locator(f'section[data-year="{y}"]')).to_contain_text("QĐ số 45/QĐ-UBND")
    log = page.locator("#change-log")
    expect(log).to_contain_text("Ghi khen thưởng")
    expect(log).to_contain_text("Ghi xếp loại")
    expect(log).to_contain_text("Thêm cá nhân")
    expect(log).to_contain_text("canbo.dongda")
    shot(page, "person-edited", doc=True)

    # The school's panel has changed: both members hold LĐTT now.
    page.locator("dd").get_by_role("link", name="Trường THCS Đống Đa").click()
    _check(page, "TTLDTT", y)
    expect(page.locator("#eligibility-result")).to_contain_text("2/2 thành viên đạt LĐTT")
    expect(page).to_have_url(re.compile(r"/don-vi/\d+/"))
    shot(page, "unit-eligibility", doc=True)

    # The people list, filtered by the new hire's name, exported: the file holds her row and her rating of the year.
    page.get_by_role("link", name="Cá nhân", exact=True).click()
    page.get_by_label("Tìm theo tên").fill("do thi hanh")
    expect(page.get_by_test_id("people-count")).to_have_text("Tìm thấy 1 cá nhân")
    with page.expect_download() as info:
        page.get_by_role("link", name="Xuất Excel").click()
    rows = table_rows(load_workbook(io.BytesIO(Path(info.value.path()).read_bytes())).active)
    assert [r[1] for r in rows[1:]] == ["Đỗ Thị Hạnh"]
    assert "Trường THCS Đống Đa" in rows[1]
