"""PostgreSQL only: exclusion constraints so that two versions of the same key never overlap in time.

The service `catalogue_row_save` enforces the same rule on every database; on SQLite it is the only guard
(docs/decisions/0003-law-catalogue-and-engine.md). Constraints are deferred to the end of the transaction
so that a reload may move a boundary and add the next version in either order.
"""

import logging

from django.db import migrations, transaction

log = logging.getLogger(__name__)

CONSTRAINTS = {
    "law_coefficient": "award_id WITH =, subject_kind WITH =, issuer WITH =",
    "law_subjectmultiplier": "subject_kind WITH =",
    "law_basesalary": "",
    "law_decidingauthority": "award_id WITH =, authority WITH =",
    "law_councilvotingrule": "award_id WITH =",
    "law_setting": "key WITH =, (COALESCE(regime_id, 0)) WITH =",
}


def add(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic(using=schema_editor.connection.alias):
            schema_editor.execute("CREATE EXTENSION IF NOT EXISTS btree_gist")
    except Exception as exc:  # no right to create the extension: the service still guards every write
        log.warning("btree_gist unavailable (%s): overlap is enforced by the service only", exc)
        return
    for table, key in CONSTRAINTS.items():
        parts = ", ".join(p for p in (key, "daterange(valid_from, valid_to, '[]') WITH &&") if p)
        schema_editor.execute(
            f"ALTER TABLE {table} ADD CONSTRAINT {table}_no_overlap EXCLUDE USING gist ({parts}) DEFERRABLE INITIALLY DEFERRED"
        )


def remove(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in CONSTRAINTS:
        schema_editor.execute(f"ALTER TABLE {table} DROP CONSTRAINT IF EXISTS {table}_no_overlap")


class Migration(migrations.Migration):
    dependencies = [("law", "0002_load_catalogue")]

    operations = [migrations.RunPython(add, remove)]
