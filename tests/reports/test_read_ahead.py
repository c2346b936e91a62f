"""PostgreSQL: outside a transaction the batch reads the ledger ahead in a thread, on its own connection.

Transactional tests (the data is committed), because the reader's connection cannot see a test's
uncommitted rows; inside a transaction the batch reads on the caller's connection (the other tests).
"""

from __future__ import annotations

import threading
import time

import pytest
from django.db import DataError, connection, transaction

from tdkt.core.actors import system_actor
from tdkt.law import engine
from tdkt.reports import batch
from tests.spreadsheets import table_rows

from .conftest import make_people

pytestmark = [
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the one-query reader and its thread are PostgreSQL's"),
    pytest.mark.django_db(transaction=True),
]


def reader_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name == "tdkt-batch-reader"]


def backends() -> int:
    """Connections to the test database other than this one."""
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()")
        return cursor.fetchone()[0]


def settles(expected: int) -> bool:
    """True once backends() == expected: a closed connection's server process leaves pg_stat_activity shortly after."""
    for _ in range(50):
        if backends() == expected:
            return True
        time.sleep(0.05)
    return False


def test_it_gives_the_same_outcomes_read_ahead_as_on_the_callers_connection(tree):
    make_people(tree.school_a, 45, year=tree.year, seed=21)
    make_people(tree.ward_a, 25, year=tree.year, seed=22)
    catalogue = engine.load_catalogue()
    before = backends()

    assert not connection.in_atomic_block
    ahead = list(batch.batch_evaluate(unit=tree.ward_a, year=tree.year, catalogue=catalogue, chunk_size=7))
    with transaction.atomic():
        here = list(batch.batch_evaluate(unit=tree.ward_a, year=tree.year, catalogue=catalogue, chunk_size=7))

    assert len(ahead) == len(here) == 73  # 70 made here + the tree's three people of the ward
    assert [o.person_id for o in ahead] == [o.person_id for o in here]
    for a, h in zip(ahead, here, strict=True):
        assert a.results == h.results
        assert a.verdicts == h.verdicts
    assert {o.verdicts["LDTT"] for o in ahead} >= {"eligible", "not_eligible"}
    assert not reader_threads()
    assert settles(before)  # the reader's connection is closed


def test_it_stops_the_reader_and_closes_its_connection_when_the_caller_stops_early(tree):
    make_people(tree.school_a, 60, year=tree.year, seed=23)
    before = backends()
    outcomes = batch.batch_evaluate(unit=tree.ward_a, year=tree.year, chunk_size=5)
    first = [next(outcomes) for _ in range(3)]
    assert len(reader_threads()) == 1 and backends() == before + 1
    outcomes.close()
    assert len(first) == 3
    assert not reader_threads()
    assert settles(before)


def test_it_raises_the_readers_error_in_the_caller():
    with pytest.raises(DataError, match="division by zero"):
        list(batch.read_ahead("SELECT 1 / (n - 3) FROM generate_series(1, 5) AS n", {}, 1))
    assert not reader_threads()


def test_a_whole_run_writes_its_rows_while_the_thread_reads(tree, officer_a, media):
    """A run as the worker does it (no transaction around it): the reader thread streams the ledger while this
    connection writes the rows, the progress and the .xlsx in its own transactions."""
    from openpyxl import load_workbook

    from tdkt.reports import services
    from tdkt.reports.models import BatchRun, BatchRunRow, BatchRunStatus

    make_people(tree.school_a, 40, year=tree.year, seed=24)
    run = BatchRun.objects.create(unit=tree.ward_a, year=tree.year, requested_by=officer_a)
    done = services.batch_run_execute(actor=system_actor(), run_id=run.pk, progress_every=7)
    assert done.status == BatchRunStatus.DONE, done.error
    assert done.processed == done.total == BatchRunRow.objects.filter(run=run).count() == 43
    with done.result_file.open("rb") as fh:
        rows = table_rows(load_workbook(fh, read_only=True).active)
    assert len(rows) == 44 and rows[0][1] == "Họ và tên"  # the header and one row per person
    assert not reader_threads()
