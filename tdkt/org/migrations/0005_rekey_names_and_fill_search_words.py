"""Existing people and units: the sort keys of the new order (the given name whole before the middle names,
numbers by value) and the search words (tdkt.core.vntext), in batches."""

from django.db import migrations

from tdkt.core import vntext

BATCH = 2000


def forwards(apps, schema_editor):
    for model_name, word_name, owner, key_of, texts_of in (
        ("Person", "PersonWord", "person_id", lambda p: vntext.person_sort_key(p.full_name), lambda p: (p.full_name,)),
        ("Unit", "UnitWord", "unit_id", lambda u: vntext.sort_key(u.name), lambda u: (u.name, u.short_name)),
    ):
        model, words = apps.get_model("org", model_name), apps.get_model("org", word_name)
        words.objects.all().delete()
        last = 0
        while True:
            batch = list(model.objects.filter(pk__gt=last).order_by("pk")[:BATCH])
            if not batch:
                break
            last = batch[-1].pk
            rows = []
            for obj in batch:
                obj.name_sort_key = key_of(obj)
                seen = {}
                for text in texts_of(obj):
                    for folded, marked in vntext.search_words(text or ""):
                        seen.setdefault(marked, folded)
                rows += [words(**{owner: obj.pk}, word=folded[:150], marked=marked[:150]) for marked, folded in seen.items()]
            model.objects.bulk_update(batch, ["name_sort_key"])
            words.objects.bulk_create(rows)


class Migration(migrations.Migration):
    dependencies = [("org", "0004_search_words")]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
