import pytest
from django.urls import reverse

from tdkt.org.models import Gender
from tests.personas import _person

URL = reverse("records:people_list")


def _names(response) -> list[str]:
    return [p.full_name for p in response.context["page"].object_list]


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
