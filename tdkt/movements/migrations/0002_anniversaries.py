"""The anniversaries the plans greet (seed plan of Đống Đa 2025, III.1.2), editable in the admin afterwards."""

from django.db import migrations

from tdkt.movements.anniversaries import DEFAULTS as ANNIVERSARIES, add_defaults


def load(apps, schema_editor):
    add_defaults(apps.get_model("movements", "Anniversary"))


def unload(apps, schema_editor):
    Anniversary = apps.get_model("movements", "Anniversary")
    Anniversary.objects.filter(name__in=[a[0] for a in ANNIVERSARIES], movements__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("movements", "0001_initial")]
    operations = [migrations.RunPython(load, unload)]
