import datetime as dt

import pytest
from django.utils import timezone

from tdkt.accounts import scoping, services
from tdkt.accounts.models import Role, RoleAssignment
from tdkt.core.errors import DomainError
from tdkt.core.models import AuditEvent
from tdkt.org.selectors import people_visible_to, units_visible_to
from tests.personas import make_user


def test_it_assigns_a_role_with_an_audit_row(admin, tree):
    user = make_user("moi")
    assignment = services.role_assign(actor=admin, user=user, role=Role.APPRAISER, unit=tree.ward_b)
    assert scoping.has_role(user, Role.APPRAISER)
    event = AuditEvent.objects.get(action="accounts.role.assigned", data__user="moi")
    assert event.actor == admin and event.target_id == str(assignment.pk)
    assert event.data == {"user": "moi", "role": "appraiser", "unit": "phuong_lang", "valid_from": None, "valid_to": None}


def test_it_refuses_role_assignment_by_a_non_admin(officer_a, tree):
    with pytest.raises(DomainError):
        services.role_assign(actor=officer_a, user=make_user("moi"), role=Role.UNIT_OFFICER, unit=tree.ward_a)
    assert not AuditEvent.objects.filter(action__startswith="accounts.role", data__user="moi").exists()


def test_it_refuses_an_unknown_role_and_a_backwards_period(admin, tree):
    with pytest.raises(DomainError):
        services.role_assign(actor=admin, user=make_user("moi"), role="boss", unit=tree.ward_a)
    with pytest.raises(DomainError):
        services.role_assign(actor=admin, user=make_user("moi2"), role=Role.SIGNER, unit=tree.ward_a,
                             valid_from=dt.date(2026, 5, 1), valid_to=dt.date(2026, 1, 1))


def test_it_revokes_by_ending_the_assignment_and_keeps_the_row(admin, officer_a, tree):
    assignment = RoleAssignment.objects.get(user=officer_a)
    services.role_revoke(actor=admin, assignment=assignment)
    assignment.refresh_from_db()
    assert assignment.valid_to == timezone.localdate() - dt.timedelta(days=1)
    assert not scoping.has_role(officer_a, Role.UNIT_OFFICER)
    assert people_visible_to(officer_a).count() == 0
    assert AuditEvent.objects.filter(action="accounts.role.revoked", actor=admin).count() == 1


def test_it_counts_only_assignments_in_force_on_the_day(tree):
    user = make_user("tam")
    RoleAssignment.objects.create(user=user, role=Role.UNIT_OFFICER, unit=tree.ward_a, valid_from=dt.date(2026, 1, 1), valid_to=dt.date(2026, 3, 31))
    assert [a.role for a in scoping.active_assignments(user, on=dt.date(2026, 2, 1))] == ["unit_officer"]
    assert scoping.active_assignments(user, on=dt.date(2026, 4, 1)) == []
    assert scoping.active_assignments(user, on=dt.date(2025, 12, 31)) == []


def test_it_scopes_people_to_the_subtree_of_ledger_roles(tree, personas):
    names = lambda user: set(people_visible_to(user).values_list("full_name", flat=True))  # noqa: E731
    ward_a = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường"}
    ward_b = {"Phạm Thị Dung", "Hoàng Văn Em"}
    assert names(personas["officer_a"]) == ward_a
    assert names(personas["officer_b"]) == ward_b
    assert names(personas["admin"]) == ward_a | ward_b
    for name in ("appraiser", "office_head", "secretary", "chair"):
        assert names(personas[name]) == ward_a
    for name in ("council_member", "cluster_head", "editor", "no_role"):
        assert names(personas[name]) == set()
    assert personas["officer_a"].has_perm("org.view_person", tree.an)
    assert not personas["officer_b"].has_perm("org.view_person", tree.an)
    assert not personas["council_member"].has_perm("org.view_person", tree.an)


def test_it_lets_a_province_admin_see_everything_without_being_superuser(tree):
    user = make_user("tinh")
    RoleAssignment.objects.create(user=user, role=Role.ADMIN, unit=tree.province)
    assert people_visible_to(user).count() == 5
    assert units_visible_to(user).count() == 6


def test_it_folds_nested_scopes_into_one_root(tree):
    user = make_user("hai")
    RoleAssignment.objects.create(user=user, role=Role.UNIT_OFFICER, unit=tree.ward_a)
    RoleAssignment.objects.create(user=user, role=Role.APPRAISER, unit=tree.school_a)
    RoleAssignment.objects.create(user=user, role=Role.APPRAISER, unit=tree.school_b)
    assert [u.code for u in scoping.scope_roots(user)] == ["phuong_dong_da", "th_lang"]
    assert set(people_visible_to(user).values_list("full_name", flat=True)) == {"Nguyễn Văn An", "Trần Thị Bình", "Lê Minh Cường", "Phạm Thị Dung"}


def test_it_asks_the_database_once_per_request_for_assignments(officer_a, django_assert_num_queries):
    with django_assert_num_queries(1):
        for _ in range(3):
            people_visible_to(officer_a)
            officer_a.has_perm("org.view_units")
            officer_a.has_perm("records.import_history")
