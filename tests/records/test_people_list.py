import pytest
from django.urls import reverse

from tdkt.org.models import Gender
from tests.personas import _person

URL = reverse("records:people_list")


def _names(response) -> list[str]:
    return [p["full_name"] for p in response.context["page"].object_list]


def test_it_lists_only_the_officers_ward_in_vietnamese_order(client, officer_a):
    client.force_login(officer_a)
    # Vietnamese lists sort by given name: An, Bình, Cường.
    assert _names(client.get(URL)) == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường"]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("nguyen van an", ["Nguyễn Văn An"]),
        ("Nguyễn Văn An", ["Nguyễn Văn An"]),
        ("NGUYEN", ["Nguyễn Văn An"]),
        ("an nguyen", ["Nguyễn Văn An"]),
        ("binh", ["Trần Thị Bình"]),
        ("cuong", ["Lê Minh Cường"]),
        ("thi", ["Trần Thị Bình"]),
        ("van", ["Nguyễn Văn An"]),
        ("dung", []),  # ward B's person is out of scope
        ("ăn", []),  # a typed letter mark is kept: "ăn" is not the start of any word here
        ("xyz", []),
    ],
)
def test_it_searches_names_without_diacritics(client, officer_a, query, expected):
    client.force_login(officer_a)
    assert _names(client.get(URL, {"q": query})) == expected


def test_it_finds_dang_when_typed_without_the_crossed_d(client, officer_a, tree):
    _person("Đặng Thị Hà", Gender.FEMALE, tree.ward_a)
    client.force_login(officer_a)
    assert _names(client.get(URL, {"q": "dang ha"})) == ["Đặng Thị Hà"]
    assert _names(client.get(URL, {"q": "đặng"})) == ["Đặng Thị Hà"]


def test_it_filters_by_unit_gender_leader_direct_worker_and_rating(client, officer_a, tree):
    client.force_login(officer_a)
    assert _names(client.get(URL, {"unit": tree.school_a.pk})) == ["Nguyễn Văn An"]
    assert _names(client.get(URL, {"gender": "F"})) == ["Trần Thị Bình"]
    assert _names(client.get(URL, {"leader": "1"})) == ["Lê Minh Cường"]
    assert _names(client.get(URL, {"leader": "0"})) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert _names(client.get(URL, {"direct": "1"})) == ["Nguyễn Văn An"]
    assert _names(client.get(URL, {"year": tree.year, "rating": "HTXSNV"})) == ["Nguyễn Văn An"]
    assert _names(client.get(URL, {"year": tree.year, "rating": "HTNV"})) == ["Lê Minh Cường"]
    assert _names(client.get(URL, {"year": tree.year - 5, "rating": "none"})) == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường"]


def test_it_refuses_a_unit_outside_the_scope_as_a_filter(client, officer_a, tree):
    client.force_login(officer_a)
    response = client.get(URL, {"unit": tree.ward_b.pk})
    assert "unit" in response.context["form"].errors
    assert "Phạm Thị Dung" not in response.content.decode()


def test_it_shows_the_rating_of_the_year_in_the_table(client, officer_a, tree):
    client.force_login(officer_a)
    body = client.get(URL).content.decode()
    assert f"Xếp loại {tree.year}" in body and "HTXSNV" in body


def test_it_answers_htmx_with_the_results_fragment_only(client, officer_a):
    client.force_login(officer_a)
    response = client.get(URL, {"q": "binh"}, headers={"HX-Request": "true", "HX-Target": "people-results"})
    body = response.content.decode()
    assert "Trần Thị Bình" in body
    assert "<html" not in body and "people-filter" not in body


def test_it_paginates_25_per_page(client, officer_a, tree):
    for _ in range(30):
        _person("Vũ Văn Tèo", Gender.MALE, tree.school_a)  # a name is letters (issue 11), namesakes are fine
    client.force_login(officer_a)
    first = client.get(URL)
    assert len(first.context["page"].object_list) == 25
    assert first.context["page"].paginator.count == 33
    second = client.get(URL, {"page": 2})
    assert len(second.context["page"].object_list) == 8
    assert "Trang 2/2" in second.content.decode()


def test_it_does_not_query_per_row(client, officer_a, tree, django_assert_max_num_queries):
    for _ in range(30):
        _person("Vũ Văn Tèo", Gender.MALE, tree.school_a)  # a name is letters (issue 11), namesakes are fine
    client.force_login(officer_a)
    # session, user, assignments, unit choices, count, page (with unit and rating) + nav permission checks (memoised)
    with django_assert_max_num_queries(8):
        response = client.get(URL, {"q": "teo", "year": tree.year})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == 25


def test_it_offers_only_the_top_two_levels_of_a_large_scope_as_unit_filter(client, personas, tree):
    """A province has thousands of units: the filter lists the province and its wards (each filters its subtree);
    a deeper unit still filters when it comes from its own page, and is then shown as chosen."""
    from tests.personas import _unit

    for k in range(90):
        _unit(f"to_{k}", f"Tổ dân phố số {k}", "village", tree.ward_a)
    client.force_login(personas["admin"])
    page = client.get(URL)
    options = _unit_options(page)
    assert "Phường Láng" in options and "Tổ dân phố số 7" not in options and "Trường THCS Đống Đa" not in options
    assert "Đơn vị cấp dưới: mở từ trang Đơn vị" in page.content.decode()
    chosen = client.get(URL, {"unit": tree.school_a.pk})
    assert _names(chosen) == ["Nguyễn Văn An"]
    assert f'<option value="{tree.school_a.pk}" selected>' in _unit_options(chosen)


def _unit_options(response) -> str:
    html = response.content.decode()
    start = html.index('<select name="unit"')
    return html[start:html.index("</select>", start)].replace("\u2003", "")


def test_it_offers_every_unit_of_a_small_scope(client, officer_a, tree):
    client.force_login(officer_a)
    page = client.get(URL)
    assert "Trường THCS Đống Đa" in _unit_options(page) and "Đơn vị cấp dưới" not in page.content.decode()


# --- Point 8 (issue 11): lists that behave like lists ---------------------------------------------------------


def _many(unit, n: int) -> None:
    """n people in bulk (the list's pages, not the search, are under test here)."""
    from tdkt.core import vntext
    from tdkt.org.models import Person

    names = [f"Vũ Văn Tèo {i:03d}" for i in range(n)]
    Person.objects.bulk_create([Person(full_name=name, name_sort_key=vntext.person_sort_key(name), gender="M", unit=unit)
                                for name in names])


def _page_links(response) -> list[str]:
    import re

    html = response.content.decode()
    nav = html[html.index('aria-label="Phân trang"'):]
    nav = nav[:nav.index("</nav>")]
    return re.findall(r'<(?:a|span) class="page-link"[^>]*>([^<]+)</', nav)


def test_it_links_page_numbers_not_only_previous_and_next(client, officer_a, tree):
    _many(tree.school_a, 247)  # 250 people: 10 pages of 25
    client.force_login(officer_a)
    assert _page_links(client.get(URL)) == ["1", "2", "3", "…", "10", "Sau »", "Trang 1/10"]
    middle = client.get(URL, {"page": 6})  # an ellipsis never hides a single page
    assert _page_links(middle) == ["« Trước", "1", "…", "4", "5", "6", "7", "8", "9", "10", "Sau »", "Trang 6/10"]
    assert 'href="?page=8"' in middle.content.decode()
    assert '<li class="page-item active" aria-current="page"><span class="page-link">6</span>' in middle.content.decode()


def test_it_offers_25_50_or_100_rows_a_page(client, officer_a, tree):
    _many(tree.school_a, 117)  # 120 people
    client.force_login(officer_a)
    assert len(client.get(URL).context["page"].object_list) == 25
    big = client.get(URL, {"size": 100})
    assert len(big.context["page"].object_list) == 100 and _page_links(big)[-1] == "Trang 1/2"
    assert "size=100" in big.content.decode().split('aria-label="Phân trang"')[1]  # the page links keep the size
    assert len(client.get(URL, {"size": 50, "page": 3}).context["page"].object_list) == 20
    odd = client.get(URL, {"size": 30})
    assert len(odd.context["page"].object_list) == 25
    assert "Số dòng mỗi trang chỉ có thể là 25, 50 hoặc 100." in odd.content.decode()


@pytest.mark.parametrize(("params", "message", "expected"), [
    ({"year": "2030", "gender": "F"}, "Năm xếp loại: Năm “2030” không có trong danh sách", ["Trần Thị Bình"]),
    ({"rating": "XYZ", "q": "binh"}, "Xếp loại: Xếp loại “XYZ” không có trong danh sách.", ["Trần Thị Bình"]),
    ({"unit": "999999", "leader": "1"}, "Đơn vị: Đơn vị đã chọn không tồn tại hoặc không thuộc phạm vi của bạn.", ["Lê Minh Cường"]),
    ({"unit": "abc", "direct": "1"}, "Đơn vị: Đơn vị đã chọn không tồn tại", ["Nguyễn Văn An"]),
    ({"gender": "X", "leader": "0"}, "Giới tính: Giới tính “X” không hợp lệ.", ["Nguyễn Văn An", "Trần Thị Bình"]),
])
def test_an_invalid_filter_is_reported_and_the_others_are_kept(client, officer_a, params, message, expected):
    client.force_login(officer_a)
    response = client.get(URL, params)
    body = response.content.decode()
    assert response.status_code == 200
    assert "Một số điều kiện lọc không hợp lệ" in body and message in body
    assert _names(response) == expected  # not everyone: the valid filters still apply


def test_an_invalid_year_falls_back_to_last_year_in_the_rating_column(client, officer_a, tree):
    client.force_login(officer_a)
    response = client.get(URL, {"year": "2030", "rating": "HTXSNV"})
    assert _names(response) == ["Nguyễn Văn An"]  # last year's rating filter still applies
    body = response.content.decode()
    assert f"Xếp loại {tree.year}" in body and "HTXSNV" in body


def test_the_htmx_fragment_carries_the_message_too(client, officer_a):
    client.force_login(officer_a)
    response = client.get(URL, {"rating": "XYZ"}, headers={"HX-Request": "true", "HX-Target": "people-results"})
    assert "Xếp loại “XYZ” không có trong danh sách." in response.content.decode()


def test_the_count_of_a_unit_filter_joins_no_table(client, admin, tree):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(admin)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(URL, {"unit": tree.ward_a.pk})
    assert _names(response) == ["Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường"]
    # The count reads the keys of at most cap + 1 rows (core.pagination); that query must join nothing.
    [keys] = [q["sql"] for q in queries.captured_queries if "org_person" in q["sql"] and "LIMIT 1001" in q["sql"].upper()]
    assert "JOIN" not in keys.upper(), keys
