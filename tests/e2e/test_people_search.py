"""The people list's live search and its pagination stay on the page (htmx), and the address bar follows."""

import re

import pytest
from playwright.sync_api import expect

from tdkt.core import vntext
from tdkt.org.models import Gender, Person
from tdkt.org.search import index_people
from tests.personas import PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_it_pages_through_search_results_without_reloading_the_page(page, live_server, personas, tree, login):
    for i in range(30):
        name = f"Vũ Văn Tèo {i:02d}"
        Person.objects.create(full_name=name, name_sort_key=vntext.person_sort_key(name), gender=Gender.MALE, unit=tree.school_a)
    index_people(Person.objects.filter(unit=tree.school_a))  # the search words org.services keeps (rows written directly)
    login(page, "canbo.dongda", PASSWORD)
    page.get_by_role("link", name="Cá nhân", exact=True).click()
    page.get_by_label("Tìm theo tên").fill("teo")
    expect(page.get_by_test_id("people-count")).to_have_text("Tìm thấy 30 cá nhân")
    page.evaluate("window.stillHere = true")  # lost if the page reloads

    page.get_by_role("link", name="Sau »").click()
    expect(page.get_by_text("Trang 2/2")).to_be_visible()
    expect(page).to_have_url(re.compile(r"q=teo.*page=2"))
    expect(page.get_by_role("link", name="Vũ Văn Tèo 29")).to_be_visible()
    assert page.evaluate("window.stillHere") is True
    assert page.get_by_label("Tìm theo tên").input_value() == "teo"

    page.get_by_role("link", name="« Trước").click()
    expect(page.get_by_text("Trang 1/2")).to_be_visible()
    assert page.evaluate("window.stillHere") is True
