"""What the people pages cost under load (issue 11, point 12; `make bench` measures them at 200,000 people): the
list counts no further than a cap, the profile reads the ledger once for its timeline and its panel, the panel
reads it in one query, the role assignments are read once per request."""

from __future__ import annotations

import datetime as dt

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tdkt.core import pagination
from tdkt.law.schema import DisciplineEntry
from tdkt.records.ledger import load_ledger
from tdkt.records.models import AwardRecord


def _get(client, user, url, params=None, **extra):
    client.force_login(user)
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {}, **extra)
    assert response.status_code == 200
    return response.content.decode(), [q["sql"] for q in queries.captured_queries]


def test_the_people_count_stops_at_its_cap_and_says_more_than(client, officer_a, tree, monkeypatch):
    monkeypatch.setattr(pagination, "COUNT_CAP", 2)  # ward A's scope holds three people
    body, sql = _get(client, officer_a, reverse("records:people_list"))
    assert "Tìm thấy hơn 2 cá nhân" in body
    [keys] = [s for s in sql if "org_person" in s and "LIMIT 3" in s.upper()]  # it reads at most cap + 1 keys
    assert "ORDER BY" not in keys.upper() and "full_name" not in keys  # the keys alone, in no order
    monkeypatch.setattr(pagination, "COUNT_CAP", 10)
    body, _ = _get(client, officer_a, reverse("records:people_list"))
    assert "Tìm thấy 3 cá nhân" in body and "hơn" not in body.split('data-testid="people-count"')[1][:80]


def test_the_people_list_reads_the_role_assignments_once(client, officer_a, tree):
    _, sql = _get(client, officer_a, reverse("records:people_list"))
    assert sum("accounts_roleassignment" in s for s in sql) == 1
    assert len(sql) <= 7  # session, user, assignments, units of the filter, the keys (the count), the page among them, the bell


def test_a_search_evaluates_its_words_once(client, officer_a, tree):
    """Under the cap, the page is read among the keys already found: the word match is not evaluated twice."""
    body, sql = _get(client, officer_a, reverse("records:people_list"), {"q": tree.an.full_name})
    assert tree.an.full_name in body
    word_match = "search_tsv" if connection.vendor == "postgresql" else "org_personword"
    assert sum(word_match in s for s in sql) == 1


def test_the_profile_reads_the_ledger_once_for_its_timeline_and_its_panel(client, officer_a, tree):
    body, sql = _get(client, officer_a, reverse("records:person_detail", args=[tree.an.pk]), {"award": "CSTDCS", "year": tree.year})
    assert 'data-testid="verdict"' in body and f'data-year="{tree.year}"' in body
    for table in ("records_yearrating", "records_awardrecord", "records_discipline", "records_initiative", "records_workyear"):
        assert sum(f'FROM "{table}"' in s for s in sql) == 1, table
    assert len(sql) <= 13  # session, user, assignments, the person, five ledger tables, memberships, the change log (2), the bell


def test_the_panel_reads_the_ledger_in_one_query(client, officer_a, tree):
    body, sql = _get(client, officer_a, reverse("records:person_eligibility", args=[tree.an.pk]),
                     {"award": "CSTDCS", "year": tree.year}, headers={"HX-Request": "true"})
    assert 'data-testid="verdict"' in body
    assert len(sql) <= 5  # session, user, assignments, the person, the ledger


def test_the_one_query_ledger_keeps_dates_and_order(tree):
    ledger = load_ledger(tree.cuong, year=tree.year)
    assert ledger.disciplines == [DisciplineEntry("KHIEN_TRACH", dt.date(tree.year, 3, 1), dt.date(tree.year + 1, 2, 28))]
    an = load_ledger(tree.an, year=tree.year)
    assert [(a.year, a.award) for a in an.awards] == sorted((a.year, a.award) for a in an.awards)
    assert [r.year for r in an.ratings] == list(range(tree.year - 3, tree.year + 1))


def test_an_award_whose_issuer_is_only_a_name_shows_on_the_profile(client, officer_a, tree):
    AwardRecord.objects.create(person=tree.binh, award_code="GIAY_KHEN", year=tree.year - 2, decision_number="3/QĐ-UBND",
                               issuer=None, issuer_name="UBND tỉnh Bắc Ninh")
    body, _ = _get(client, officer_a, reverse("records:person_detail", args=[tree.binh.pk]))
    assert "của UBND tỉnh Bắc Ninh" in body


def test_the_capped_paginator_pages_like_django_s(tree, monkeypatch):
    from tdkt.core.pagination import CappedPaginator
    from tdkt.org.models import Person

    people = Person.objects.order_by("name_sort_key", "id")
    names = list(people.values_list("full_name", flat=True))
    for number, expected in (("1", names[:2]), ("2", names[2:4]), ("3", names[4:]), ("99", names[4:]), ("x", names[:2]),
                             ("0", names[4:])):
        page = CappedPaginator(people, 2).get_page(number)
        assert [p.full_name for p in page.object_list] == expected, number
        assert (page.paginator.count, page.paginator.num_pages, page.paginator.capped) == (5, 3, False)
    monkeypatch.setattr(pagination, "COUNT_CAP", 3)
    page = CappedPaginator(people, 2).get_page("3")  # past the cap's last page: its last page
    assert (page.number, page.paginator.count, page.paginator.capped) == (2, 3, True)
    assert [p.full_name for p in page.object_list] == names[2:3]
