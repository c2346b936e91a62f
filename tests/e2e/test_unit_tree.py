"""Point 9 (issue 11): quantri's unit tree filters as one types and opens or folds by level (tdkt/org/static/org/unit_tree.js)."""

import pytest
from playwright.sync_api import expect

from tdkt.org.models import UnitKind
from tests.personas import PASSWORD, _unit

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_admin_filters_the_tree_and_folds_its_levels(page, live_server, personas, tree, login, shot):
    for n in (2, 10):
        _unit(f"tdp_{n}", f"Tổ dân phố số {n}", UnitKind.VILLAGE, tree.ward_b)
    login(page, "quantri", PASSWORD)
    page.goto(f"{live_server.url}/don-vi/")
    school, village = page.get_by_role("link", name="Trường THCS Đống Đa"), page.get_by_role("link", name="Tổ dân phố số 10")
    expect(village).to_be_visible()

    page.get_by_label("Tìm đơn vị theo tên").fill("truong thcs")  # no diacritics, no reload
    expect(school).to_be_visible()
    expect(page.get_by_role("link", name="Phường Đống Đa")).to_be_visible()  # its parent stays, for context
    expect(village).to_be_hidden()
    expect(page.get_by_role("link", name="Trường Tiểu học Láng")).to_be_hidden()
    page.get_by_label("Tìm đơn vị theo tên").fill("đông")  # a typed mark narrows: Đống, not Dòng
    expect(school).to_be_visible()
    page.get_by_label("Tìm đơn vị theo tên").fill("xyz")
    expect(page.get_by_text("Không có đơn vị nào có tên khớp.")).to_be_visible()
    page.get_by_label("Tìm đơn vị theo tên").fill("")
    expect(village).to_be_visible()

    page.get_by_role("button", name="Thu gọn").click()
    expect(page.get_by_role("link", name="Phường Láng")).to_be_hidden()
    page.get_by_role("button", name="1", exact=True).click()
    expect(page.get_by_role("link", name="Phường Láng")).to_be_visible()
    expect(village).to_be_hidden()
    page.get_by_role("button", name="Mở tất cả").click()
    expect(village).to_be_visible()
    shot(page, "unit-tree")

    page.get_by_label("Tìm đơn vị theo tên").fill("to dan pho")
    page.get_by_label("Tìm đơn vị theo tên").press("Enter")  # the server's filter (the same without JavaScript)
    expect(page.get_by_text("2 đơn vị có tên khớp")).to_be_visible()
    expect(school).to_have_count(0)
