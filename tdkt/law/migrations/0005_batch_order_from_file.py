"""On databases loaded before these rows existed: the batch order of the shipped titles, and the two thresholds
the ledger reads for collectives (`rating.completed_from`, `collective.member_discipline_from`), from
data/catalogue.json. Rows an administrator already has are left alone."""

from django.db import migrations

NEW_SETTINGS = ("rating.completed_from", "collective.member_discipline_from")


def load(apps, schema_editor):
    from tdkt.law.catalogue import clear_cache, read_file
    from tdkt.law.migration_steps import add_missing_settings

    AwardType = apps.get_model("law", "AwardType")
    Setting = apps.get_model("law", "Setting")
    data = read_file()
    for item in data["awards"]:
        if item.get("batch_order") is not None:
            AwardType.objects.filter(code=item["code"], batch_order__isnull=True).update(batch_order=item["batch_order"])
    add_missing_settings(Setting, data["settings"], lambda key: key in NEW_SETTINGS)
    clear_cache()


class Migration(migrations.Migration):
    dependencies = [("law", "0004_batch_order")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
