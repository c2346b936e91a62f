"""Values memoised in the cache every worker shares (Redis, when REDIS_URL is set), dropped by generation.

A family of values (the role assignments of every user, say) has a generation number in the cache. A value is
stored with the generation it was built under, and read back only while that generation is current: `bump(family)`
after a change drops every value of the family at once, in every worker. One round trip reads both.

Nothing is memoised when the cache is each process's own memory (no REDIS_URL: `make run`, the test suite): a
change seen by one worker could not drop what another worker keeps. Nor is a value stored from inside a
transaction, which may see rows that are later rolled back; and a change bumps the generation at once and again
when its transaction commits, so that a value built meanwhile from the rows before the change is dropped too.
See docs/decisions/0013-shared-cache.md.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from django.conf import settings
from django.core.cache import cache
from django.db import connection, transaction

TIMEOUT_SECONDS = 3600


def enabled() -> bool:
    return bool(getattr(settings, "TDKT_SHARED_CACHE", False))


def _generation_key(family: str) -> str:
    return f"gen:{family}"


def get_or_build[T](family: str, key: str, build: Callable[[], T]) -> T:
    """The value of `key` in `family`, from the shared cache while its generation holds, else built (and stored)."""
    if not enabled():
        return build()
    gen_key, value_key = _generation_key(family), f"{family}:{key}"
    found = cache.get_many([gen_key, value_key])
    generation, stored = found.get(gen_key), found.get(value_key)
    if generation is not None and stored is not None and stored[0] == generation:
        return stored[1]
    if generation is None:
        cache.add(gen_key, _fresh_generation(), timeout=None)
        generation = cache.get(gen_key)
    # The generation is read before the value is built: a change made meanwhile leaves it marked as outdated.
    value = build()
    if generation is not None and not connection.in_atomic_block:  # a transaction's view may yet be rolled back
        cache.set(value_key, (generation, value), timeout=TIMEOUT_SECONDS)
    return value


def bump(family: str) -> None:
    """Drop every value of the family now, and again when the current transaction commits."""
    if not enabled():
        return
    _bump(family)
    transaction.on_commit(lambda: _bump(family))


def _bump(family: str) -> None:
    key = _generation_key(family)
    try:
        cache.incr(key)
    except ValueError:  # no generation yet (or evicted): a number never used before drops the stored values
        cache.add(key, _fresh_generation(), timeout=None)


def _fresh_generation() -> int:
    """A generation no value can have been stored under: the clock in microseconds (a generation lost from the cache
    and made again does not bring back the values of the old one)."""
    return time.time_ns() // 1000
