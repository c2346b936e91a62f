"""Point 9 (issue 11): lists sort as Vietnamese lists do: the given name whole (tones included) before the middle name,
numbers by their value; the database orders by the stored keys."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tdkt.core import vntext
from tdkt.org import selectors
from tdkt.org.models import Person, UnitKind
from tests.factories import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_every_anh_comes_before_every_anh_with_a_tone():
    unit = UnitFactory(kind=UnitKind.SCHOOL)
    for name in ["Hồ Minh Ánh", "Nguyễn Hải Ánh", "Đào Kim Anh", "Lê Hải Anh", "Bùi Ân"]:
        PersonFactory(full_name=name, unit=unit)
    # the given name first, whole (Anh, then Ánh, then Ân); the middle name next
    expected = ["Lê Hải Anh", "Đào Kim Anh", "Nguyễn Hải Ánh", "Hồ Minh Ánh", "Bùi Ân"]
    assert [p.full_name for p in selectors.people_in_subtree(unit)] == expected
    assert sorted(expected[::-1], key=vntext.person_sort_key) == expected


def test_the_middle_name_comes_before_the_family_name_and_an_before_anh():
    names = ["Nguyễn Văn Anh", "Bùi Văn An", "Trần Thị An", "Lê An"]
    assert sorted(names, key=vntext.person_sort_key) == ["Lê An", "Trần Thị An", "Bùi Văn An", "Nguyễn Văn Anh"]


def test_numbered_names_sort_by_number():
    ward = UnitFactory(kind=UnitKind.COMMUNE, name="Phường Láng")
    for n in (10, 2, 1, 21, 3):
        UnitFactory(parent=ward, kind=UnitKind.VILLAGE, name=f"Tổ dân phố số {n}")
    assert [u.name for u in selectors.unit_children(ward)] == [f"Tổ dân phố số {n}" for n in (1, 2, 3, 10, 21)]
    assert sorted(["Lớp 10A", "Lớp 9B", "Lớp 9A"], key=vntext.sort_key) == ["Lớp 9A", "Lớp 9B", "Lớp 10A"]


def test_the_people_list_shows_anh_before_anh_with_a_tone(client, admin, tree):
    for name in ["Nguyễn Hải Ánh", "Lê Hải Anh", "Hồ Minh Ánh", "Đào Kim Anh"]:
        PersonFactory(full_name=name, unit=tree.school_a)
    client.force_login(admin)
    names = [p["full_name"] for p in client.get(reverse("records:people_list"), {"q": "anh"}).context["page"].object_list]
    assert names == ["Lê Hải Anh", "Đào Kim Anh", "Nguyễn Hải Ánh", "Hồ Minh Ánh"]
    assert Person.objects.filter(full_name="Lê Hải Anh").get().name_sort_key == vntext.person_sort_key("Lê Hải Anh")
