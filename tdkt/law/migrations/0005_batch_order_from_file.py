"""On databases loaded before these rows existed: the batch order of the shipped titles, and the two thresholds
the ledger reads for collectives (`rating.completed_from`, `collective.member_discipline_from`), from
data/catalogue.json. Rows an administrator already has are left alone."""

import datetime as dt

from django.db import migrations

NEW_SETTINGS = ("rating.completed_from", "collective.member_discipline_from")


def load(apps, schema_editor):
    from tdkt.law.catalogue import clear_cache, read_file

    AwardType = apps.get_model("law", "AwardType")
    Setting = apps.get_model("law", "Setting")
    data = read_file()
    for item in data["awards"]:
        if item.get("batch_order") is not None:
            AwardType.objects.filter(code=item["code"], batch_order__isnull=True).update(batch_order=item["batch_order"])
    for item in data["settings"]:
        if item["key"] not in NEW_SETTINGS or item.get("regime"):
            continue
        valid_from = dt.date.fromisoformat(item["valid_from"])
        if not Setting.objects.filter(key=item["key"], valid_from=valid_from, regime__isnull=True).exists():
            Setting.objects.create(
                key=item["key"], value=item["value"], valid_from=valid_from,
                valid_to=dt.date.fromisoformat(item["valid_to"]) if item.get("valid_to") else None,
                legal_basis=item.get("legal_basis", ""), needs_verification=bool(item.get("needs_verification")),
                local_option=bool(item.get("local_option")), description=item.get("description", ""))
    clear_cache()


class Migration(migrations.Migration):
    dependencies = [("law", "0004_batch_order")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
