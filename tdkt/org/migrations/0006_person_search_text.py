"""The people search on PostgreSQL: every beginning of each person's folded name words (`search_text`) and, on PostgreSQL only, a
generated tsvector of them with a GIN index. One index lookup per typed word, intersected in the index, instead
of joining word-table ranges (docs/decisions/0008-search-and-order.md). SQLite keeps the word table alone."""

from django.db import migrations, models

from tdkt.core import vntext

BATCH = 2000

PG_FORWARD = [
    "ALTER TABLE org_person ADD COLUMN search_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', search_text)) STORED",
    "CREATE INDEX org_person_search_tsv ON org_person USING gin (search_tsv)",
]
PG_BACKWARD = ["DROP INDEX IF EXISTS org_person_search_tsv", "ALTER TABLE org_person DROP COLUMN IF EXISTS search_tsv"]


def fill(apps, schema_editor):
    Person = apps.get_model("org", "Person")
    last = 0
    while True:
        batch = list(Person.objects.filter(pk__gt=last).order_by("pk").only("pk", "full_name")[:BATCH])
        if not batch:
            break
        last = batch[-1].pk
        for person in batch:
            person.search_text = vntext.search_text(person.full_name)
        Person.objects.bulk_update(batch, ["search_text"])


def pg_forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_FORWARD:
            schema_editor.execute(sql)


def pg_backward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for sql in PG_BACKWARD:
            schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("org", "0005_rekey_names_and_fill_search_words")]

    operations = [
        migrations.AddField("person", "search_text", models.TextField(blank=True, default="", editable=False)),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.RunPython(pg_forward, pg_backward),
    ]
