"""A council voting rule may be a level's own (`unit`: the code of the unit whose councils, and those below, apply it
before the general rule; DOMAIN.md §4 "all of this is configuration", e.g. a province's quorum). On PostgreSQL the
no-overlap constraint of migration 0003 now keys on (award, unit): a local rule may run beside the general one."""

from django.db import migrations, models

TABLE = "law_councilvotingrule"


def _constraint(schema_editor, key: str) -> None:
    if schema_editor.connection.vendor != "postgresql":
        return
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_constraint WHERE conname = %s", [f"{TABLE}_no_overlap"])
        if cursor.fetchone() is None:  # btree_gist was not available (0003): the service alone guards
            return
    schema_editor.execute(f"ALTER TABLE {TABLE} DROP CONSTRAINT {TABLE}_no_overlap")
    schema_editor.execute(f"ALTER TABLE {TABLE} ADD CONSTRAINT {TABLE}_no_overlap EXCLUDE USING gist ({key}, "
                          "daterange(valid_from, valid_to, '[]') WITH &&) DEFERRABLE INITIALLY DEFERRED")


def forward(apps, schema_editor):
    _constraint(schema_editor, "award_id WITH =, unit WITH =")


def backward(apps, schema_editor):
    _constraint(schema_editor, "award_id WITH =")


class Migration(migrations.Migration):
    dependencies = [("law", "0013_council_voting_default")]

    operations = [
        migrations.AddField(
            model_name="councilvotingrule",
            name="unit",
            field=models.CharField(blank=True, default="", help_text="Để trống: quy định chung. Có mã đơn vị (ví dụ “ha_noi”): quy định riêng của địa phương, áp dụng cho Hội đồng của đơn vị đó và các cấp bên dưới; quy định của cấp gần nhất được dùng trước quy định chung.", max_length=64, verbose_name="Áp dụng cho cấp (mã đơn vị)"),
        ),
        migrations.RunPython(forward, backward),
    ]
