"""The menu in Chromium: the entry of the current page is marked (aria-current) and looks different."""

import pytest
from playwright.sync_api import expect

from tests.personas import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_current_menu_entry_is_marked_and_underlined_on_every_page(page, live_server, personas, tree, login):
    login(page, "canbo.dongda", PASSWORD)
    nav = page.locator("nav.tdkt-nav")
    for link, heading in (("Đơn vị", None), ("Cá nhân", "Danh sách cá nhân"), ("Xét điều kiện hàng loạt", "Xét điều kiện hàng loạt"),
                          ("Nhập lịch sử", None), ("Trang chủ", None)):
        nav.get_by_role("link", name=link, exact=True).click()
        if heading:
            expect(page.get_by_role("heading", level=1)).to_have_text(heading)
        current = nav.locator('[aria-current="page"]')
        expect(current).to_have_count(1)
        expect(current).to_have_text(link)
        underline = current.evaluate("e => getComputedStyle(e).boxShadow")
        other = nav.locator(".nav-link:not([aria-current])").first.evaluate("e => getComputedStyle(e).boxShadow")
        assert underline != "none" and other == "none", (link, underline, other)

    page.get_by_role("link", name="Cá nhân", exact=True).click()
    page.get_by_role("link", name="Nguyễn Văn An").first.click()  # a page under the people list keeps its entry marked
    expect(nav.locator('[aria-current="page"]')).to_have_text("Cá nhân")
