"""Point 9 (issue 11): the unit tree's counts agree with the unit's page (the current members of the subtree, one
selector for both), and the tree can be narrowed by name (the app's unit search, without JavaScript too)."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.org.models import Gender, UnitKind
from tests.personas import _person, _unit

pytestmark = pytest.mark.django_db


def _label_count(body: str, name: str) -> str:
    start = body.index(f">{name}</a>")
    return body[start:start + 400].split("·", 1)[1].split("người", 1)[0].strip()


def test_the_tree_counts_the_subtree_as_the_unit_page_does(client, admin, tree):
    team = _unit("to_toan", "Tổ Toán", UnitKind.TEAM, tree.school_a)
    for name in ("Vũ Thị Mai", "Vũ Thị Lan", "Vũ Thị Hoa", "Vũ Thị Cúc"):
        _person(name, Gender.FEMALE, team)
    client.force_login(admin)
    body = client.get(reverse("org:unit_tree")).content.decode()
    page = client.get(reverse("org:unit_detail", args=[tree.school_a.pk]))
    assert page.context["people_subtree"] == 5  # Nguyễn Văn An and the four teachers of the team
    assert _label_count(body, "Trường THCS Đống Đa") == "5"
    assert _label_count(body, "Phường Đống Đa") == "7"  # Bình, Cường, and the school's five
    assert _label_count(body, "Thành phố Hà Nội") == "9"
    ward_page = client.get(reverse("org:unit_detail", args=[tree.ward_a.pk]))
    assert ward_page.context["people_subtree"] == 7
    assert _label_count(ward_page.content.decode(), "Trường THCS Đống Đa") == "5"  # its children list says the same


def test_the_tree_is_narrowed_by_name_without_diacritics(client, admin, tree):
    for n in (1, 2, 10):
        _unit(f"tdp_{n}", f"Tổ dân phố số {n}", UnitKind.VILLAGE, tree.ward_b)
    client.force_login(admin)
    response = client.get(reverse("org:unit_tree"), {"q": "truong thcs"})
    body = response.content.decode()
    assert "Trường THCS Đống Đa" in body and "Phường Đống Đa" in body and "Thành phố Hà Nội" in body  # with its parents
    assert "Trường Tiểu học Láng" not in body and "Phường Láng" not in body and "Tổ dân phố" not in body
    assert "1 đơn vị có tên khớp" in body
    villages = client.get(reverse("org:unit_tree"), {"q": "to dan pho"}).content.decode()
    assert villages.index("Tổ dân phố số 2") < villages.index("Tổ dân phố số 10")  # numbers by value
    assert "Không có đơn vị nào có tên khớp" in client.get(reverse("org:unit_tree"), {"q": "xyz"}).content.decode()


def test_the_tree_carries_the_words_and_levels_for_its_script(client, officer_a, tree):
    client.force_login(officer_a)
    body = client.get(reverse("org:unit_tree")).content.decode()
    assert 'data-words="truong:trương thcs:thcs dong:đông da:đa"' in body
    assert 'data-open-depth="1"' in body and "org/unit_tree.js" in body
