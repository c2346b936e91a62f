"""LĐTT under NĐ 91/2017/NĐ-CP (1/10/2017–31/12/2023): no title for a person recruited less than 10 months before
the year's end (Article 10), not 6 (DOMAIN.md §1, §2). On databases loaded before: the 1990 row is closed on
30/9/2017 (unless an administrator already changed it) and the NĐ 91/2017 row added, from data/catalogue.json."""

import datetime as dt

from django.db import migrations

KEY = "ldtt.min_months_since_recruitment"


def load(apps, schema_editor):
    from tdkt.law.catalogue import clear_cache, read_file
    from tdkt.law.migration_steps import add_missing_settings

    Setting = apps.get_model("law", "Setting")
    data = read_file()
    first = next(i for i in data["settings"] if i["key"] == KEY and i["valid_from"] == "1990-01-01")
    Setting.objects.filter(key=KEY, valid_from=dt.date(1990, 1, 1), valid_to=dt.date(2023, 12, 31), regime__isnull=True,
                           legal_basis="Thông tư 12/2019/TT-BNV").update(
        valid_to=dt.date.fromisoformat(first["valid_to"]), legal_basis=first["legal_basis"],
        needs_verification=bool(first["needs_verification"]))
    start, end = dt.date(2017, 10, 1), dt.date(2023, 12, 31)
    overlapping = Setting.objects.filter(key=KEY, regime__isnull=True, valid_from__lte=end).exclude(valid_to__lt=start)
    if not overlapping.exists():  # an administrator's own rows for those years are left alone
        add_missing_settings(Setting, data["settings"], lambda key: key == KEY)
    clear_cache()


class Migration(migrations.Migration):
    dependencies = [("law", "0006_bk_ttg_rule")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
