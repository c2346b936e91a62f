"""Existing council roles and council memberships say one thing: a TĐKT council's member linked to an account
gets the assignment of the council role over the council's unit (created, or the existing one linked)."""

from django.db import migrations


def link(apps, schema_editor):
    CouncilMember = apps.get_model("org", "CouncilMember")
    RoleAssignment = apps.get_model("accounts", "RoleAssignment")
    for member in CouncilMember.objects.filter(user__isnull=False, council__kind="tdkt", assignment__isnull=True).select_related("council"):
        role = "council_secretary" if member.role == "secretary" else "council_member"
        assignment, _ = RoleAssignment.objects.get_or_create(
            user_id=member.user_id, role=role, unit_id=member.council.unit_id,
            defaults={"valid_from": member.start, "valid_to": member.end})
        CouncilMember.objects.filter(pk=member.pk).update(assignment=assignment)


class Migration(migrations.Migration):
    dependencies = [("org", "0002_council_member_assignment"), ("accounts", "0001_initial")]

    operations = [migrations.RunPython(link, migrations.RunPython.noop)]
