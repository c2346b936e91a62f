"""Races on PostgreSQL: calls started at the same moment in threads, each with its own connection (the concurrency tests
of nominations, council and decisions; SQLite serialises every write, so they run on PostgreSQL only)."""

from __future__ import annotations

import threading

import pytest
from django.db import connection, connections

from tdkt.core.errors import DomainError

POSTGRESQL_ONLY = [pytest.mark.django_db(transaction=True),
                   pytest.mark.skipif(connection.vendor != "postgresql", reason="row locks under concurrent writers: PostgreSQL")]


def race(*calls):
    """Run the calls at the same moment; their outcomes in order: ("ok", result) or ("refused", DomainError)."""
    barrier = threading.Barrier(len(calls))
    outcomes = [None] * len(calls)

    def run(i, call):
        try:
            barrier.wait()
            outcomes[i] = ("ok", call())
        except DomainError as exc:
            outcomes[i] = ("refused", exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(i, c)) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return outcomes
