"""The general legal grounds at the head of a decision (`decision.grounds`: one line per ground, dated — NĐ 98/2023 until
30/6/2025, NĐ 152/2025 and the 2025 Law on Local Government from 1/7/2025) and the basis of a revocation
(`decision.revocation.basis`, Điều 93): catalogue data with their legal reference, no longer constants of the decisions
app. From data/catalogue.json; only a row not yet present is added."""

from django.db import migrations

from tdkt.law.migration_steps import add_settings_from_file


class Migration(migrations.Migration):
    dependencies = [("law", "0014_council_voting_rule_unit")]

    operations = [migrations.RunPython(add_settings_from_file("decision.grounds", "decision.revocation.basis"), migrations.RunPython.noop)]
