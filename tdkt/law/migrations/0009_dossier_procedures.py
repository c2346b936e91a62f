"""The procedures of a nomination dossier (issue 13, point 1): the kinds of rounds, the dossier components each kind
requires (Điều 84, 85 Luật Thi đua, khen thưởng 2022), the awards whose dossier carries proof of an initiative, and the
time limits in working days. From data/catalogue.json; only keys not yet present are added."""

from django.db import migrations

from tdkt.law.migration_steps import add_settings_from_file

NEW_KEYS = ("round.kinds", "dossier.components.ANNUAL", "dossier.components.THEMATIC", "dossier.components.ADHOC",
            "dossier.components.MERIT", "dossier.components.SENIORITY", "dossier.components.FOREIGN",
            "dossier.components.RESISTANCE", "dossier.initiative_proof_awards", "dossier.limit.appraisal_days",
            "dossier.limit.ineligible_notice_days")


class Migration(migrations.Migration):
    dependencies = [("law", "0008_regimes_apart_and_working_year")]

    operations = [migrations.RunPython(add_settings_from_file(*NEW_KEYS), migrations.RunPython.noop)]
