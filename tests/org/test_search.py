"""Point 11 (issue 11): name search over an indexed word table, the same on SQLite and PostgreSQL, in the app and the
admin (point 13's search part): every typed word starts a word of the name, diacritics optional, a typed mark narrows."""

from __future__ import annotations

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.urls import reverse

from tdkt.core import vntext
from tdkt.core.actors import system_actor
from tdkt.org import search, services
from tdkt.org.models import Person, PersonWord, Unit, UnitKind, UnitWord
from tests.factories import PersonFactory, UnitFactory
from tests.personas import make_user

pytestmark = pytest.mark.django_db

NAMES = ["Nguyễn Văn An", "Nguyễn Thị Thu Hà", "Trần Văn Hùng", "Đặng Thị Ánh", "Dương Văn Ân", "Lê Thị Ăn", "Phạm Đức Dũng"]


@pytest.fixture
def people():
    school = UnitFactory(name="Trường THCS Đống Đa", kind=UnitKind.SCHOOL)
    return {name: PersonFactory(full_name=name, unit=school) for name in NAMES}


def _found(query: str) -> list[str]:
    return sorted(Person.objects.filter(search.person_q(query)).values_list("full_name", flat=True))


@pytest.mark.parametrize(("query", "expected"), [
    ("nguyen van an", ["Nguyễn Văn An"]),
    ("an nguyen", ["Nguyễn Văn An"]),
    ("nguyen thi thu ha", ["Nguyễn Thị Thu Hà"]),
    ("NGUYỄN", ["Nguyễn Thị Thu Hà", "Nguyễn Văn An"]),
    ("ngu th", ["Nguyễn Thị Thu Hà"]),
    ("tran van hung", ["Trần Văn Hùng"]),
    ("van hu", ["Trần Văn Hùng"]),
    ("dang", ["Đặng Thị Ánh"]),  # a plain d finds đ
    ("đ", ["Phạm Đức Dũng", "Đặng Thị Ánh"]),  # a typed đ matches only đ (not Dương, Dũng's own D)
    ("d", ["Dương Văn Ân", "Phạm Đức Dũng", "Đặng Thị Ánh"]),
    ("ă", ["Lê Thị Ăn"]),  # a typed ă matches only ă (not An, Ánh, Ân)
    ("ân", ["Dương Văn Ân"]),
    ("an", ["Dương Văn Ân", "Lê Thị Ăn", "Nguyễn Văn An", "Đặng Thị Ánh"]),
    ("ánh", ["Đặng Thị Ánh"]),  # tones are ignored: ánh = anh
    ("hung an", []),
    ("guyen", []),  # a word start, not a part of a word
    ("...", NAMES and sorted(NAMES)),  # nothing searchable typed: everyone
])
def test_every_typed_word_starts_a_word_of_the_name(people, query, expected):
    assert _found(query) == expected
    # the Python rule (used for accounts) says the same
    assert sorted(n for n in NAMES if vntext.name_matches(query, n)) == expected


def test_a_rename_rewrites_the_words(people):
    person = people["Trần Văn Hùng"]
    services.person_update(actor=system_actor(), person=person, full_name="Trần Văn Hưng")
    assert _found("hưng") == ["Trần Văn Hưng"] and _found("hùng") == _found("hung") == ["Trần Văn Hưng"]
    assert set(PersonWord.objects.filter(person=person).values_list("word", "marked")) == {
        ("tran", "trân"), ("van", "văn"), ("hung", "hưng")}
    person.refresh_from_db()
    assert set(person.search_text.split()) == {"t", "tr", "tra", "tran", "trâ", "trân", "v", "va", "van", "vă", "văn",
                                               "h", "hu", "hun", "hung", "hư", "hưn", "hưng"}


def test_a_word_typed_with_marks_stands_for_its_spellings():
    assert vntext.query_terms("Đang van") == [["đang", "đăng", "đâng"], ["van"]]
    assert vntext.query_terms("ưu") == [["ưu", "ưư"]]
    assert vntext.query_terms("đoaoaoaoa") is None  # too many spellings: the word table answers


def test_a_word_of_too_many_spellings_is_still_found(people):
    person = PersonFactory(full_name="Đoaoaoaoa Văn Thử", unit=people["Nguyễn Văn An"].unit)
    assert _found("đoaoaoaoa") == [person.full_name]


def test_the_migration_fills_the_search_text_of_existing_people(people):
    migration = importlib.import_module("tdkt.org.migrations.0006_person_search_text")
    Person.objects.update(search_text="")
    migration.fill(apps, None)
    assert Person.objects.get(full_name="Đặng Thị Ánh").search_text.split()[:4] == ["d", "da", "dan", "dang"]
    assert _found("đặng ánh") == ["Đặng Thị Ánh"]


def test_units_are_searched_by_name_and_short_name():
    ward = UnitFactory(name="Phường Đống Đa", kind=UnitKind.COMMUNE)
    school = services.unit_create(actor=system_actor(), code="thcs_dd", name="Trường Trung học cơ sở Đống Đa", kind=UnitKind.SCHOOL,
                                  parent=ward, short_name="THCS Đống Đa")
    found = lambda q: sorted(Unit.objects.filter(search.unit_q(q)).values_list("name", flat=True))  # noqa: E731
    assert found("dong da") == ["Phường Đống Đa", "Trường Trung học cơ sở Đống Đa"]
    assert found("truong thcs") == ["Trường Trung học cơ sở Đống Đa"]
    services.unit_update(actor=system_actor(), unit=school, name="Trường THCS Láng")
    assert found("lang") == ["Trường THCS Láng"] and found("trung hoc") == []


def test_the_migration_indexes_and_rekeys_existing_rows(people):
    """Rows written before the word tables (or with the old keys) are re-keyed and indexed by the data migration."""
    migration = importlib.import_module("tdkt.org.migrations.0005_rekey_names_and_fill_search_words")
    PersonWord.objects.all().delete()
    UnitWord.objects.all().delete()
    Person.objects.update(name_sort_key="stale")
    migration.forwards(apps, None)
    assert _found("nguyen thi thu ha") == ["Nguyễn Thị Thu Hà"]
    assert Unit.objects.filter(search.unit_q("dong da")).count() == 1
    assert all(p.name_sort_key == vntext.person_sort_key(p.full_name) for p in Person.objects.all())


def test_the_admin_and_its_autocompletes_search_like_the_app(client, admin, tree):
    PersonFactory(full_name="Trần Văn Hùng", unit=tree.ward_a)
    PersonFactory(full_name="Nguyễn Thị Thu Hà", unit=tree.school_a)
    make_user("hung.tv", full_name="Trần Văn Hùng")
    client.force_login(admin)

    def listed(path, q):
        return [str(o) for o in client.get(f"/admin/{path}/", {"q": q}).context["cl"].result_list]

    assert listed("org/person", "tran van hung") == ["Trần Văn Hùng"]
    assert listed("org/person", "nguyen thi thu ha") == ["Nguyễn Thị Thu Hà"]
    assert sorted(listed("org/unit", "đống đa")) == ["Công an phường Đống Đa", "Phường Đống Đa", "Quận Đống Đa", "Trường THCS Đống Đa"]
    assert listed("org/unit", "truong thcs") == ["Trường THCS Đống Đa"]
    assert listed("org/unit", "thcs_dong_da") == ["Trường THCS Đống Đa"]  # the code still finds
    assert [u.username for u in client.get("/admin/auth/user/", {"q": "tran van hung"}).context["cl"].result_list] == ["hung.tv"]

    def autocomplete(field, term):
        found = client.get(reverse("admin:autocomplete"), {"term": term, "app_label": "accounts", "model_name": "roleassignment",
                                                           "field_name": field}).json()
        return sorted(r["text"] for r in found["results"])

    assert autocomplete("unit", "dong da") == ["Công an phường Đống Đa", "Phường Đống Đa", "Quận Đống Đa", "Trường THCS Đống Đa"]
    assert autocomplete("unit", "truong thcs") == ["Trường THCS Đống Đa"]
    assert autocomplete("user", "tran van hung") == ["hung.tv"]


def test_the_search_uses_the_word_index_on_20000_people():
    """The plan of a search reads an index (SQLite: the word table's covering index; PostgreSQL: the GIN index of
    the names' words), not every person's row."""
    unit = UnitFactory(name="Phường Thử Nghiệm", kind=UnitKind.COMMUNE)
    family, middle = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"], ["Văn", "Thị", "Minh", "Thu", "Đức", "Ngọc"]
    given = ["An", "Ánh", "Bình", "Cường", "Dũng", "Hà", "Hùng", "Lan", "Linh", "Mai", "Nam", "Sơn", "Tâm", "Thảo", "Yến"]
    names = [f"{family[i % 8]} {middle[i // 8 % 6]} {given[i // 48 % 15]} {i}" for i in range(20000)]
    rows = [Person(full_name=name, gender="M", unit=unit, name_sort_key=vntext.person_sort_key(name)) for name in names]
    Person.objects.bulk_create(rows, batch_size=2000)
    search.index_people(Person.objects.filter(unit=unit))
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":  # what autovacuum does after a bulk load (not possible in a transaction)
            cursor.execute("SELECT gin_clean_pending_list('org_person_search_tsv')")
        cursor.execute("ANALYZE")
    assert names[12348] == "Hoàng Thị Bình 12348"
    found = Person.objects.filter(search.person_q("hoang thi binh 12348"))
    assert [p.full_name for p in found] == ["Hoàng Thị Bình 12348"]
    plan = found.explain()
    if connection.vendor == "postgresql":  # the GIN index of the names' tsvector (migration 0006), not a scan
        assert "org_person_search_tsv" in plan and "Seq Scan on org_person " not in plan, plan
        assert [p.full_name for p in Person.objects.filter(search.person_q("hoàng thị bình 12348"))] == ["Hoàng Thị Bình 12348"]
    else:
        assert "org_personword_word" in plan and "USING COVERING INDEX org_personword_word" in plan, plan
