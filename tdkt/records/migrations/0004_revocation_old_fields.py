"""The fields the data step of 0002_award_source_and_revocation replaced."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("records", "0003_revocation_data")]

    operations = [
        migrations.RemoveField(
            model_name='awardrecord',
            name='revocation_reason',
        ),
        migrations.RemoveField(
            model_name='awardrecord',
            name='revoked_on',
        ),
        migrations.RemoveField(
            model_name='historicalawardrecord',
            name='revocation_reason',
        ),
        migrations.RemoveField(
            model_name='historicalawardrecord',
            name='revoked_on',
        ),
    ]
