"""Public consultation before the council (issue 13, point 7): how many working days the list of nominees stays
published, and the awards that require it (khoản 5 Điều 84 Luật Thi đua, khen thưởng 2022; khoản 1 Điều 46 Nghị định
98/2023/NĐ-CP). From data/catalogue.json; only keys not yet present are added."""

from django.db import migrations

from tdkt.law.migration_steps import add_settings_from_file

NEW_KEYS = ("consultation.working_days", "consultation.required_awards")


class Migration(migrations.Migration):
    dependencies = [("law", "0009_dossier_procedures")]

    operations = [migrations.RunPython(add_settings_from_file(*NEW_KEYS), migrations.RunPython.noop)]
