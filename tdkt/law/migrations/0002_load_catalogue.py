"""Load data/catalogue.json (the shipped legal catalogue) into the tables."""

from types import SimpleNamespace

from django.db import migrations

MODELS = ("LegalDocument", "Regime", "AwardType", "Coefficient", "SubjectMultiplier", "BaseSalary", "DecidingAuthority",
          "CouncilVotingRule", "Setting")


def load(apps, schema_editor):
    from tdkt.law.catalogue import clear_cache, read_file
    from tdkt.law.services import load_data

    historical = SimpleNamespace(**{name: apps.get_model("law", name) for name in MODELS})
    load_data(read_file(), models_module=historical)
    clear_cache()


class Migration(migrations.Migration):
    dependencies = [("law", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
