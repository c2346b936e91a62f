"""The ledger tells the layers above it when it changed: `ledger_changed`, a signal sent after the commit.

Records sits below the workflow apps (nominations reads the ledger, never the reverse), so it cannot call them: each
records service that changes what the engine reads (a rating, an award and its revocation, a discipline, an
initiative and the award it grounded, the facts of a working year, a withdrawal) calls `changed(subject)` inside its
transaction, and once the transaction commits the signal goes out with the subjects as `("person", id)`,
`("unit", id)` or `("household", id)`. A rolled-back change sends nothing (`transaction.on_commit`).

An import calls many services: inside `with batch():` their changes are collected and go out once, after the commit,
with `bulk=True` (the receiver then queues one task for all the subjects instead of working row by row).

Receivers (`nominations.apps` connects the re-evaluation of the open nominees) run after the commit, so a failure
there cannot undo the ledger's change: the signal is sent robustly (an error is logged, the button "Xét lại điều
kiện" remains). See docs/decisions/0020-re-evaluation-on-ledger-change.md.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.db import transaction
from django.dispatch import Signal

log = logging.getLogger(__name__)

# sender: None; subjects: frozenset of (kind, id) with kind "person", "unit" or "household"; bulk: bool
ledger_changed = Signal()

_state = threading.local()


def subject_key(subject) -> tuple[str, int]:
    """("person", id), ("unit", id) or ("household", id) of a Person, Unit or Household."""
    from tdkt.org.models import Household, Person, Unit

    for model, kind in ((Person, "person"), (Unit, "unit"), (Household, "household")):
        if isinstance(subject, model):
            return kind, subject.pk
    raise TypeError(f"not a ledger subject: {subject!r}")


def _send(subjects: frozenset, *, bulk: bool) -> None:
    for receiver, result in ledger_changed.send_robust(sender=None, subjects=subjects, bulk=bulk):
        if isinstance(result, Exception):
            log.error("ledger_changed receiver %r failed", receiver, exc_info=result)


def changed(*subjects) -> None:
    """The ledger of these subjects (Person, Unit, Household) changed in the current transaction: tell the receivers
    after the commit (or at the end of the enclosing `batch`)."""
    keys = {subject_key(s) for s in subjects if s is not None}
    if not keys:
        return
    collected = getattr(_state, "batch", None)
    if collected is not None:
        collected.update(keys)
        return
    transaction.on_commit(lambda: _send(frozenset(keys), bulk=False))


@contextmanager
def batch() -> Iterator[set]:
    """Collect the changes of many service calls and tell them once, with `bulk=True`, after the commit. Nested
    batches join the outer one; an exception inside sends nothing."""
    outer = getattr(_state, "batch", None)
    if outer is not None:
        yield outer
        return
    collected: set = set()
    _state.batch = collected
    try:
        yield collected
    finally:
        _state.batch = None
    if collected:
        keys = frozenset(collected)
        transaction.on_commit(lambda: _send(keys, bulk=True))


def person_saved(sender, instance, created: bool, **kwargs) -> None:
    """A person's own facts are read by the engine too (recruitment day, start of continuous service, leader, direct
    worker): an existing person saved (`org.services.person_update`, a move, the admin) is a change of their ledger.
    Org sits below records and cannot call `changed`; records listens to its model instead (connected in apps)."""
    if not created and not kwargs.get("raw"):
        changed(instance)
