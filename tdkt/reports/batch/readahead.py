"""Reading a query's rows in chunks: on the caller's connection (inside a transaction), or ahead of the caller by
a thread on its own connection, so that the database and the evaluation work at the same time."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator

from django.db import connection, transaction

SESSION_SETTINGS = "SET jit = off"  # for the one query (bench/measure.py times its baseline the same way)
SESSION_RESET = "RESET jit"
LOCAL_SETTINGS = "SET LOCAL jit = off"  # the same, for the reader thread's transaction only


def read_here(sql: str, params: dict, chunk_size: int) -> Iterator[list[tuple]]:
    """The rows of `sql`, in chunks, on the caller's connection (a server-side cursor)."""
    with connection.cursor() as cursor:
        cursor.execute(SESSION_SETTINGS)
    try:
        with connection.chunked_cursor() as cursor:
            cursor.execute(sql, params)
            while rows := cursor.fetchmany(chunk_size):
                yield rows
    finally:
        with connection.cursor() as cursor:
            cursor.execute(SESSION_RESET)


_END = object()


def read_ahead(sql: str, params: dict, chunk_size: int, depth: int = 8) -> Iterator[list[tuple]]:
    """The rows of `sql`, in chunks, fetched by a reader thread on its own connection, in one read-only
    REPEATABLE READ transaction (one snapshot of the ledger for the whole run), at most `depth` chunks ahead.

    The thread waits on the server without holding the GIL, so the server's work overlaps the caller's.
    An error in the thread is raised here; when the caller stops early, the thread stops and its connection
    is closed."""
    chunks: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item) -> None:
        while not stop.is_set():
            try:
                chunks.put(item, timeout=0.1)
                return
            except queue.Full:
                continue

    def read() -> None:
        try:
            with transaction.atomic():  # this thread's own connection
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    cursor.execute(LOCAL_SETTINGS)
                with connection.chunked_cursor() as cursor:
                    cursor.execute(sql, params)
                    while not stop.is_set() and (rows := cursor.fetchmany(chunk_size)):
                        put(rows)
            put(_END)
        except BaseException as exc:  # noqa: BLE001 — handed to the caller, raised there
            put(exc)
        finally:
            connection.close()

    thread = threading.Thread(target=read, name="tdkt-batch-reader", daemon=True)
    thread.start()
    try:
        while (item := chunks.get()) is not _END:
            if isinstance(item, BaseException):
                raise item
            yield item
    finally:
        stop.set()
        thread.join()


