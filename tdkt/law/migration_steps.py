"""Steps the law app's data migrations share (they pass their historical models)."""

from __future__ import annotations

import datetime as dt


def add_missing_settings(Setting, items, keep) -> None:
    """Create the general (regime-less) settings of the catalogue file that `keep(key)` selects and the database
    lacks (by key and start date); rows an administrator already has are left alone."""
    for item in items:
        if not keep(item["key"]) or item.get("regime"):
            continue
        valid_from = dt.date.fromisoformat(item["valid_from"])
        if not Setting.objects.filter(key=item["key"], valid_from=valid_from, regime__isnull=True).exists():
            Setting.objects.create(
                key=item["key"], value=item["value"], valid_from=valid_from,
                valid_to=dt.date.fromisoformat(item["valid_to"]) if item.get("valid_to") else None,
                legal_basis=item.get("legal_basis", ""), needs_verification=bool(item.get("needs_verification")),
                local_option=bool(item.get("local_option")), description=item.get("description", ""))
