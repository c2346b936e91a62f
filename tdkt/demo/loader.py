"""Loading the demo: `load(seed=, size=, once=)`, in one transaction, acting as the system account.

Deterministic: one `random.Random(seed)` drives every choice, in a fixed order (units, people, history, clusters,
accounts, councils, nominations, council sessions, decisions, movements), so the same seed and size give the same data. Fast: units, people, memberships and the
ledger are written with bulk_create (the demo is a bulk load of past history, not a sequence of user actions;
one audit event records it), paths and sort keys computed exactly as the org services compute them. Province
seeding, role assignments and councils go through their services.

Named people for demonstrations (in Phường Đống Đa):
- Nguyễn Thị Thu Hà, teacher (Tổ Khoa học tự nhiên, Trường THCS Đống Đa): HTXSNV 2021–2025, CSTĐCS every year,
  province-scope initiatives in 2024 and 2025 → eligible for CSTD_TINH 2025.
- Trần Văn Hùng, Phòng Kinh tế - Hạ tầng và Đô thị: reprimanded (khiển trách) from 10/03/2025 to 09/03/2026.
"""

from __future__ import annotations

import time
from types import SimpleNamespace

from django.db import transaction

from tdkt.core import audit
from tdkt.core.actors import system_actor
from tdkt.core.models import AuditEvent
from tdkt.org.models import Unit
from tdkt.org.seeding import seed_province

from . import accounts, clusters, council_sessions, councils, decisions, history, movements, nominations, people, plans, units
from .base import ACCOUNTS, LOADED_ACTION, PASSWORD, ROLE_NAMES, DemoReport, _Gen


def is_loaded() -> bool:
    return AuditEvent.objects.filter(action=LOADED_ACTION).exists()


def accounts_table() -> list[dict]:
    """The demo accounts with their roles and scopes (for `tdkt demo accounts` and the README)."""
    names = dict(Unit.objects.filter(code__in={a[3] for a in ACCOUNTS}).values_list("code", "name"))
    return [
        {"username": u, "full_name": n, "role": r, "role_name": ROLE_NAMES[r], "unit": c, "unit_name": names.get(c, c),
         "superuser": s, "password": PASSWORD}
        for u, n, r, c, s, _ in ACCOUNTS
    ]


def load(*, seed: int = 2026, size: float = 1.0, once: bool = False) -> DemoReport:
    """Load the demo data (about 2,000 people at size 1.0). With `once`, do nothing if it is already loaded."""
    report = DemoReport(seed=seed, size=size)
    if once and is_loaded():
        report.skipped = True
        return report
    started = time.monotonic()
    actor = system_actor()
    with transaction.atomic():
        seed_province(actor=actor, code=1, legacy_districts=["quan_dong_da"])
        g = _Gen(seed, size)
        d = SimpleNamespace(g=g, rng=g.rng, actor=actor)
        for part in (units, people, history, clusters, accounts, councils, nominations, council_sessions, decisions, movements, plans):
            part.generate(d)
        report.counts = {
            "units": Unit.objects.count(), "people": len(d.people), "households": len(d.households), "ratings": len(d.ratings),
            "awards": len(d.awards), "disciplines": len(d.disciplines), "initiatives": len(d.initiatives),
            "clusters": 2, "council_members": len(d.council_members), "accounts": len(d.users),
        }
        audit.record(actor=actor, action=LOADED_ACTION, data={"seed": seed, "size": size, "counts": report.counts})
    report.seconds = time.monotonic() - started
    return report
