"""Secrecy is structural (docs/decisions/0022-secret-ballot.md): after a secret vote, nothing in the database links a
member to what they voted — no row, column, key, timestamp or insertion order.

Two checks. The schema: no table of the council app holds both a member (or an account) and a vote's content, except
the open ballot's `OpenVote`; the content (the counters) carries no time; participation carries no item, choice or time;
no field history is kept. The data: two worlds where the same members vote in the same order but with their choices
swapped leave every table of the database identical, row for row and in the same order (ids and timestamps aside, which
differ between the worlds without saying anything about a choice): so no stored bit tells who voted what."""

from __future__ import annotations

import datetime as dt
import json

from django.apps import apps
from django.conf import settings
from django.db import connection, models, transaction

from tdkt.core.models import AuditEvent
from tdkt.council import services
from tdkt.council.models import BallotParticipation, OpenVote
from tdkt.org.models import CouncilMember

from .test_sessions import opened, paper

CONTENT = {"agree_count", "disagree_count", "choice", "result"}


def _identity(field) -> bool:
    return isinstance(field, models.ForeignKey) and (
        field.related_model is CouncilMember or field.related_model._meta.label == settings.AUTH_USER_MODEL)


def test_no_table_of_the_app_holds_a_member_and_a_choice():
    council_models = list(apps.get_app_config("council").get_models())
    assert {m.__name__ for m in council_models} >= {"CouncilSession", "AgendaItem", "Attendance", "BallotParticipation", "OpenVote"}
    assert not [m for m in council_models if m.__name__.startswith("Historical")]  # no simple-history anywhere in the app
    both = []
    for model in council_models:
        fields = model._meta.concrete_fields
        if any(_identity(f) for f in fields) and any(f.name in CONTENT for f in fields):
            both.append(model)
        if any(f.name in CONTENT for f in fields) and model is not OpenVote:
            # the content rows carry no time: nothing records when a counter moved
            assert not [f.name for f in fields if isinstance(f, (models.DateTimeField, models.DateField, models.TimeField))]
    assert both == [OpenVote]  # the open ballot only (the session is not secret): shown by design
    assert [f.name for f in BallotParticipation._meta.concrete_fields] == ["id", "session", "member", "channel"]


def _database() -> dict[str, list[tuple]]:
    """Every table of the database, rows in insertion order (by id where there is one), ids and timestamps left out."""
    out = {}
    with connection.cursor() as cursor:
        for table in sorted(connection.introspection.table_names()):
            columns = [c.name for c in connection.introspection.get_table_description(cursor, table)]
            order = ' ORDER BY "id"' if "id" in columns else ""
            cursor.execute(f'SELECT * FROM "{table}"{order}')  # noqa: S608 (table names from the introspection)
            keep = [i for i, name in enumerate(columns) if name != "id"]
            rows = []
            for row in cursor.fetchall():
                rows.append(tuple("<time>" if isinstance(row[i], (dt.datetime, dt.time)) else row[i] for i in keep))
            out[table] = rows if order else sorted(rows, key=repr)
    return out


def _world(council, session, votes: list[tuple[str, str]]) -> dict:
    """Cast `votes` [(member, choice on every item)] in this order, read the whole database, and roll it all back."""
    with transaction.atomic():
        for key, choice in votes:
            services.vote_cast(actor=council.users[key], session=session, choices=paper(session, CSTDCS=choice, LDTT=choice))
        snapshot = _database()
        counters = sorted(session.items.values_list("agree_count", "disagree_count"))
        transaction.set_rollback(True)
    return {"database": snapshot, "counters": counters}


def test_swapping_two_members_choices_leaves_every_table_identical(council, dossiers):
    session = opened(council, dossiers)
    first = _world(council, session, [("hoidong", "agree"), ("uyvien1", "disagree"), ("uyvien2", "agree")])
    second = _world(council, session, [("hoidong", "disagree"), ("uyvien1", "agree"), ("uyvien2", "agree")])
    assert first["counters"] == second["counters"] == [(2, 1), (2, 1)]  # the votes were counted
    participation = first["database"][BallotParticipation._meta.db_table]
    assert len(participation) == 3  # who took part is recorded...
    assert first["database"] == second["database"]  # ...and nothing stored says who voted what


def test_the_audit_of_a_secret_ballot_holds_no_choice(council, dossiers):
    session = opened(council, dossiers)
    services.vote_cast(actor=council.users["hoidong"], session=session, choices=paper(session, CSTDCS="agree", LDTT="disagree"))
    services.written_vote_record(actor=council.secretary, session=session, member=council.members["Đỗ Văn Hiệu"],
                                 choices=paper(session, CSTDCS="disagree", LDTT="agree"))
    events = AuditEvent.objects.filter(action__startswith="council.ballot.")
    assert events.count() == 2
    for event in events:
        text = json.dumps(event.data)
        assert "agree" not in text and "choice" not in text
    assert OpenVote.objects.count() == 0
