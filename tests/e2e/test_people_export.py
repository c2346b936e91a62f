"""The people list's "Xuất Excel" button exports what the list shows, after the filters htmx has just applied."""

import io
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.personas import PASSWORD
from tests.spreadsheets import table_rows

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_officer_exports_the_filtered_people_list(page, live_server, personas, tree, login):
    login(page, "canbo.dongda", PASSWORD)
    page.get_by_role("link", name="Cá nhân", exact=True).click()
    page.get_by_label("Tìm theo tên").fill("nguyen van")
    expect(page.get_by_test_id("people-count")).to_have_text("Tìm thấy 1 cá nhân")
    with page.expect_download() as info:
        page.get_by_role("link", name="Xuất Excel").click()
    download = info.value
    assert download.suggested_filename.startswith("danh-sach-ca-nhan-") and download.suggested_filename.endswith(".xlsx")
    rows = table_rows(load_workbook(io.BytesIO(Path(download.path()).read_bytes())).active)
    assert [r[1] for r in rows[1:]] == ["Nguyễn Văn An"]
