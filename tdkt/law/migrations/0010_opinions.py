"""Agency opinions on nominees (hiệp y, issue 13 point 6): which agencies each award and subject kind needs
(`opinion.requirements`, with the mandatory flag) and the agencies' reply time limit in working days
(`opinion.reply_working_days`, 10 by default [U]). From data/catalogue.json; only keys not yet present are added."""

from django.db import migrations

from tdkt.law.migration_steps import add_settings_from_file

NEW_KEYS = ("opinion.requirements", "opinion.reply_working_days")


class Migration(migrations.Migration):
    dependencies = [("law", "0009_dossier_procedures")]

    operations = [migrations.RunPython(add_settings_from_file(*NEW_KEYS), migrations.RunPython.noop)]
