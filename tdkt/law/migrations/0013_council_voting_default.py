"""The council's voting rule for an award that has no rule of its own (`council.voting.default`, issue 14): a simple
majority of all members, quorum 2/3, secret ballot; the law sets no threshold, so it is a default marked as such
(needs_verification, local_option). From data/catalogue.json; only a row not yet present is added."""

from django.db import migrations

from tdkt.law.migration_steps import add_settings_from_file


class Migration(migrations.Migration):
    dependencies = [("law", "0012_step_limits")]

    operations = [migrations.RunPython(add_settings_from_file("council.voting.default"), migrations.RunPython.noop)]
