"""On databases loaded before it: the rule of the Bằng khen of the Prime Minister for an individual (Art 73(1)(b);
NĐ 91/2017 and NĐ 65/2014 before 2024): its parameters from data/catalogue.json, and the award marked evaluated.
Rows an administrator already has are left alone."""

from django.db import migrations


def load(apps, schema_editor):
    from tdkt.law.catalogue import clear_cache, read_file
    from tdkt.law.migration_steps import add_missing_settings

    AwardType = apps.get_model("law", "AwardType")
    Setting = apps.get_model("law", "Setting")
    data = read_file()
    AwardType.objects.filter(code="BK_TTG", evaluated=False).update(evaluated=True)
    add_missing_settings(Setting, data["settings"], lambda key: key.startswith("bk_ttg."))
    clear_cache()


class Migration(migrations.Migration):
    dependencies = [("law", "0005_batch_order_from_file")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
