"""The time limit of each step of a nomination dossier (issue 13, point 5): receipt and completeness check
(`dossier.step.receipt_days`), appraisal (`dossier.step.appraisal_days`) and the unit's supplement after a return
(`dossier.step.supplement_days`), in working days; the law sets none of them, so each is a default marked as such
(needs_verification, local_option). The agencies' reply (`opinion.reply_working_days`) and the consultation
(`consultation.working_days`) keep their own settings. From data/catalogue.json; only rows not yet present are added."""

from django.db import migrations

from tdkt.law.migration_steps import add_settings_from_file


class Migration(migrations.Migration):
    dependencies = [("law", "0011_merge_0010_consultation_0010_opinions")]

    operations = [migrations.RunPython(add_settings_from_file("dossier.step.receipt_days", "dossier.step.appraisal_days",
                                                              "dossier.step.supplement_days"),
                                       migrations.RunPython.noop)]
