from django.urls import reverse

from tdkt.accounts.models import LoginThrottle, Role, RoleAssignment
from tdkt.core.models import AuditEvent
from tests.personas import make_user


def test_it_assigns_a_role_in_the_admin_through_the_service(client, admin, tree):
    user = make_user("moi")
    client.force_login(admin)
    response = client.post(
        reverse("admin:accounts_roleassignment_add"),
        {"user": user.pk, "role": Role.SIGNER, "unit": tree.ward_b.pk, "valid_from": "", "valid_to": ""},
    )
    assert response.status_code == 302
    assert RoleAssignment.objects.filter(user=user, role=Role.SIGNER, unit=tree.ward_b).exists()
    assert AuditEvent.objects.filter(action="accounts.role.assigned", actor=admin).count() == 1


def test_it_revokes_from_the_admin_without_deleting(client, admin, officer_a):
    client.force_login(admin)
    assignment = RoleAssignment.objects.get(user=officer_a)
    response = client.post(
        reverse("admin:accounts_roleassignment_changelist"),
        {"action": "revoke_selected", "_selected_action": [assignment.pk]},
    )
    assert response.status_code == 302
    assignment.refresh_from_db()
    assert assignment.valid_to is not None
    assert AuditEvent.objects.filter(action="accounts.role.revoked").count() == 1


def test_it_unlocks_a_locked_username_from_the_admin(client, admin):
    row = LoginThrottle.objects.create(username="canbo.dongda", failures=5)
    client.force_login(admin)
    client.post(reverse("admin:accounts_loginthrottle_changelist"), {"action": "unlock_selected", "_selected_action": [row.pk]})
    assert not LoginThrottle.objects.exists()
    assert AuditEvent.objects.filter(action="accounts.login.unlocked", actor=admin).count() == 1


def test_it_lists_role_assignments_in_vietnamese(client, admin):
    client.force_login(admin)
    body = client.get(reverse("admin:accounts_roleassignment_changelist")).content.decode()
    assert "Phân quyền" in body and "Cán bộ TĐKT đơn vị" in body


def test_it_finds_the_user_and_the_unit_by_name_when_assigning(client, admin, tree):
    """The add form searches users and units (autocomplete) instead of asking for their ids."""
    make_user("nguyen.lan", full_name="Nguyễn Thị Lan")
    client.force_login(admin)
    body = client.get(reverse("admin:accounts_roleassignment_add")).content.decode()
    assert 'class="admin-autocomplete' in body and "vForeignKeyRawIdAdminField" not in body
    found = client.get(reverse("admin:autocomplete"), {
        "term": "Láng", "app_label": "accounts", "model_name": "roleassignment", "field_name": "unit"}).json()
    assert str(tree.ward_b) in [r["text"] for r in found["results"]]
    found = client.get(reverse("admin:autocomplete"), {
        "term": "nguyen", "app_label": "accounts", "model_name": "roleassignment", "field_name": "user"}).json()
    assert [r["text"] for r in found["results"]] == ["nguyen.lan"]
