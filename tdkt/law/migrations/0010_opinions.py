"""Agency opinions on nominees (hiệp y, issue 13 point 6): which agencies each award and subject kind needs
(`opinion.requirements`, with the mandatory flag) and the agencies' reply time limit in working days
(`opinion.reply_working_days`, 10 by default [U]). From data/catalogue.json; only keys not yet present are added."""

import datetime as dt

from django.db import migrations

NEW_KEYS = ("opinion.requirements", "opinion.reply_working_days")


def _day(value):
    return dt.date.fromisoformat(value) if value else None


def load(apps, schema_editor):
    from tdkt.law.catalogue import clear_cache, read_file

    Setting = apps.get_model("law", "Setting")
    for item in read_file()["settings"]:
        if item["key"] in NEW_KEYS and not Setting.objects.filter(key=item["key"], valid_from=_day(item["valid_from"]),
                                                                  regime__isnull=True).exists():
            Setting.objects.create(key=item["key"], value=item["value"], valid_from=_day(item["valid_from"]),
                                   valid_to=_day(item.get("valid_to")), legal_basis=item.get("legal_basis", ""),
                                   needs_verification=bool(item.get("needs_verification")),
                                   local_option=bool(item.get("local_option")), description=item.get("description", ""))
    clear_cache()


class Migration(migrations.Migration):
    dependencies = [("law", "0009_dossier_procedures")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
