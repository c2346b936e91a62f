"""The fields the data step of 0002_verdicts_by_title replaced."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("reports", "0003_verdicts_data")]

    operations = [
        migrations.RemoveField(
            model_name='batchrunrow',
            name='bk_tinh',
        ),
        migrations.RemoveField(
            model_name='batchrunrow',
            name='cstd_tinh',
        ),
        migrations.RemoveField(
            model_name='batchrunrow',
            name='cstd_tq',
        ),
        migrations.RemoveField(
            model_name='batchrunrow',
            name='cstdcs',
        ),
        migrations.RemoveField(
            model_name='batchrunrow',
            name='ldtt',
        ),
        migrations.RemoveField(
            model_name='batchrunrow',
            name='reasons',
        ),
    ]
