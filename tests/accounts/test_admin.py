import pytest
from django.urls import reverse

from tdkt.accounts import services
from tdkt.accounts.models import LoginAttempt, Role, RoleAssignment
from tdkt.core.errors import Forbidden
from tdkt.core.models import AuditEvent
from tests.personas import PASSWORD, make_user


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


def test_it_unlocks_a_locked_username_from_the_admin(client, admin, officer_a):
    for _ in range(5):
        client.post(reverse("accounts:login"), {"username": "canbo.dongda", "password": "sai"})
    assert client.post(reverse("accounts:login"), {"username": "canbo.dongda", "password": PASSWORD}).status_code == 429
    client.force_login(admin)
    page = client.get(reverse("admin:accounts_loginattempt_changelist")).content.decode()
    assert "Đăng nhập sai" in page and "canbo.dongda" in page and "Mở khóa các tên đăng nhập đã chọn" in page
    row = LoginAttempt.objects.get(username="canbo.dongda")
    response = client.post(reverse("admin:accounts_loginattempt_changelist"),
                           {"action": "unlock_usernames", "_selected_action": [row.pk]})
    assert response.status_code == 302
    assert not LoginAttempt.objects.exists()
    event = AuditEvent.objects.get(action="accounts.login.unlocked", actor=admin)
    assert event.data == {"username": "canbo.dongda", "address": None, "failures": 5}
    client.logout()
    assert client.post(reverse("accounts:login"), {"username": "canbo.dongda", "password": PASSWORD}).status_code == 302


def test_only_quantri_may_unlock(officer_a):
    with pytest.raises(Forbidden):
        services.login_unlock(actor=officer_a, username="canbo.dongda")



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
