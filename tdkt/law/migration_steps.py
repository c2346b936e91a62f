"""Steps the law app's data migrations share (they pass their historical models)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable


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


def add_settings_from_file(*keys: str) -> Callable:
    """The whole step "add these settings of data/catalogue.json where missing" that migrations 0009 and 0010 each
    wrote out: a RunPython function that reads the file as it is when the migration runs, adds the general rows of
    `keys` the database lacks (`add_missing_settings`: an administrator's rows are left alone) and drops the process's
    catalogue snapshot. Use it as `migrations.RunPython(add_settings_from_file("a.key", "b.key"), noop)`."""
    wanted = frozenset(keys)

    def load(apps, schema_editor):
        from tdkt.law.catalogue import clear_cache, read_file

        add_missing_settings(apps.get_model("law", "Setting"), read_file()["settings"], wanted.__contains__)
        clear_cache()

    load.keys = tuple(sorted(wanted))
    return load
