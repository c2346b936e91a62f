"""Every persona × every page and API endpoint, with the expected status, in one table.

Legend: 200 ok; "login" = 302 to the login page (anonymous); 403 forbidden; 404 outside one's scope;
401 API without credentials; "admin-login" = 302 to the admin's own login page.
"""

from __future__ import annotations

import json

import pytest
from django.urls import NoReverseMatch, reverse

from tests.personas import PERSONA_NAMES

ALL = PERSONA_NAMES
LEDGER = ["admin", "officer_a", "appraiser", "office_head", "secretary", "chair"]
NO_LEDGER = ["council_member", "cluster_head", "editor", "no_role"]
STAFF = ["admin"]


def expect(ok: dict | None = None, **per_persona) -> dict:
    """Expected status per persona: defaults for the usual groups, overridden per persona."""
    table = {name: 403 for name in ALL}
    table["anonymous"] = "login"
    table.update(ok or {})
    table.update(per_persona)
    return table


def everyone(status):
    return {name: status for name in ALL if name != "anonymous"}


def ledger_readers(status, **extra):
    return {**{name: status for name in LEDGER}, "officer_b": status, **extra}


ELIGIBILITY_BODY = {"award": "LDTT", "year": 2025, "subject": {"kind": "individual"},
                    "history": {"ratings": [{"year": 2025, "rating": "HTTNV"}]}}
REWARD_BODY = {"award": "LDTT", "subject": "individual", "decided_on": "2026-01-15"}

# (label, url builder from the tree, method, body, expected per persona)
WALK = [
    ("home", lambda t: reverse("web:home"), "get", None, expect(everyone(200))),
    ("unit tree", lambda t: reverse("org:unit_tree"), "get", None, expect({**everyone(200), "no_role": 403})),
    ("ward A", lambda t: reverse("org:unit_detail", args=[t.ward_a.pk]), "get", None,
     expect({**everyone(200), "officer_b": 404, "no_role": 403})),
    ("ward B", lambda t: reverse("org:unit_detail", args=[t.ward_b.pk]), "get", None,
     expect({**everyone(404), "admin": 200, "officer_b": 200, "no_role": 403})),
    ("dissolved district", lambda t: reverse("org:unit_detail", args=[t.district.pk]), "get", None,
     expect({**everyone(404), "admin": 200, "no_role": 403})),
    ("people list", lambda t: reverse("records:people_list"), "get", None, expect(ledger_readers(200))),
    ("person in ward A", lambda t: reverse("records:person_detail", args=[t.an.pk]), "get", None,
     expect(ledger_readers(200, officer_b=404))),
    ("person in ward B", lambda t: reverse("records:person_detail", args=[t.dung.pk]), "get", None,
     expect({**{n: 404 for n in LEDGER}, "admin": 200, "officer_b": 200})),
    ("eligibility of ward A person", lambda t: reverse("records:person_eligibility", args=[t.an.pk]) + "?award=LDTT&year=2025", "get", None,
     expect(ledger_readers(200, officer_b=404))),
    ("import page", lambda t: reverse("records:history_import"), "get", None,
     expect({"admin": 200, "officer_a": 200, "officer_b": 200})),
    ("import template", lambda t: reverse("records:history_import_template"), "get", None,
     expect({"admin": 200, "officer_a": 200, "officer_b": 200})),
    ("password change", lambda t: reverse("accounts:password_change"), "get", None, expect(everyone(200))),
    ("admin index", lambda t: reverse("admin:index"), "get", None,
     {**{n: "admin-login" for n in ALL}, "admin": 200}),
    ("API eligibility check", lambda t: reverse("api:eligibility-check"), "post", ELIGIBILITY_BODY,
     {**everyone(200), "anonymous": 401}),
    ("API reward compute", lambda t: reverse("api:reward-compute"), "post", REWARD_BODY,
     {**everyone(200), "anonymous": 401}),
]


def _reports_walk():
    """Pages of the batch run (reports app), when it exists: ledger readers only."""
    rows = []
    for name in ("reports:batch_start",):
        try:
            url = reverse(name)
        except NoReverseMatch:
            continue
        rows.append((name, lambda t, url=url: url, "get", None, expect(ledger_readers(200))))
    return rows


CASES = [(label, persona) for label, *_ in WALK + _reports_walk() for persona in ALL]
ROWS = {row[0]: row for row in WALK + _reports_walk()}


@pytest.mark.parametrize(("label", "persona"), CASES)
def test_it_answers_each_persona_as_the_table_says(client, tree, personas, label, persona):
    _, build, method, body, table = ROWS[label]
    expected = table[persona]
    user = personas[persona]
    if user is not None:
        client.force_login(user)
    url = build(tree)
    if method == "post":
        response = client.post(url, data=json.dumps(body), content_type="application/json")
    else:
        response = client.get(url)
    if expected == "login":
        assert response.status_code == 302, (label, persona, response.status_code)
        assert response["Location"].startswith(reverse("accounts:login"))
    elif expected == "admin-login":
        assert response.status_code == 302, (label, persona, response.status_code)
        assert response["Location"].startswith(reverse("admin:login"))
    else:
        assert response.status_code == expected, (label, persona, response.status_code)
