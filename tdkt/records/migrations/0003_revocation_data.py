"""The data step of 0002_award_source_and_revocation (its own transaction: PostgreSQL refuses to alter a table with pending triggers)."""

from django.db import migrations

def revocations_as_acts(apps, schema_editor):
    """Each revoked award's date and reason become its revocation act (who recorded it is not known)."""
    AwardRecord = apps.get_model("records", "AwardRecord")
    AwardRevocation = apps.get_model("records", "AwardRevocation")
    for award in AwardRecord.objects.filter(revoked_on__isnull=False):
        act = AwardRevocation.objects.create(revoked_on=award.revoked_on, reason=award.revocation_reason or "(không ghi lý do)")
        AwardRecord.objects.filter(pk=award.pk).update(revocation=act)



class Migration(migrations.Migration):
    dependencies = [("records", "0002_award_source_and_revocation")]

    operations = [
    migrations.RunPython(revocations_as_acts, migrations.RunPython.noop),
    ]
