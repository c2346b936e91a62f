"""The data step of 0002_verdicts_by_title (its own transaction: PostgreSQL refuses to alter a table with pending triggers)."""

from django.db import migrations

OLD_TITLES = ("LDTT", "CSTDCS", "CSTD_TINH", "CSTD_TQ", "BK_TINH")


def verdicts_as_json(apps, schema_editor):
    """The five verdict columns of earlier runs become {code: verdict}; their flattened reasons are kept."""
    BatchRun = apps.get_model("reports", "BatchRun")
    BatchRunRow = apps.get_model("reports", "BatchRunRow")
    BatchRun.objects.filter(titles=[]).update(titles=list(OLD_TITLES))
    for row in BatchRunRow.objects.all().iterator(chunk_size=2000):
        row.verdicts = {code: getattr(row, code.lower()) for code in OLD_TITLES}
        row.legacy_reasons = row.reasons
        row.save(update_fields=["verdicts", "legacy_reasons"])



class Migration(migrations.Migration):
    dependencies = [("reports", "0002_verdicts_by_title")]

    operations = [
    migrations.RunPython(verdicts_as_json, migrations.RunPython.noop),
    ]
