"""The procedures of a nomination dossier (issue 13, point 1): the kinds of rounds, the dossier components each kind
requires (Điều 84, 85 Luật Thi đua, khen thưởng 2022), the awards whose dossier carries proof of an initiative, and the
time limits in working days. From data/catalogue.json; only keys not yet present are added."""

import datetime as dt

from django.db import migrations

NEW_KEYS = ("round.kinds", "dossier.components.ANNUAL", "dossier.components.THEMATIC", "dossier.components.ADHOC",
            "dossier.components.MERIT", "dossier.components.SENIORITY", "dossier.components.FOREIGN",
            "dossier.components.RESISTANCE", "dossier.initiative_proof_awards", "dossier.limit.appraisal_days",
            "dossier.limit.ineligible_notice_days")


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
    dependencies = [("law", "0008_regimes_apart_and_working_year")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
