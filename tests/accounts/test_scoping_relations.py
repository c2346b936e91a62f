"""Scoping by relation (not only by subtree), and council roles that follow council membership."""

from __future__ import annotations

import datetime as dt

import pytest

from tdkt.accounts import roles, scoping, services
from tdkt.accounts.models import Role, RoleAssignment
from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.org import councils
from tdkt.org.models import Unit, UnitKind
from tdkt.org.selectors import council_voters, is_council_voter
from tdkt.org.services import unit_create
from tdkt.records.models import AwardRecord
from tests.personas import make_user


@pytest.fixture
def department(tree):
    """The province's home-affairs department (the standing office): a department, not the province root."""
    return unit_create(actor=system_actor(), code="so_noi_vu", name="Sở Nội vụ", kind=UnitKind.DEPARTMENT, parent=tree.province)


def test_this_unit_only_leaves_out_the_units_below(tree, officer_a):
    only = set(Unit.objects.filter(scoping.only_q(officer_a, roles=roles.LEDGER_EDITORS)).values_list("code", flat=True))
    subtree = set(Unit.objects.filter(scoping.subtree_q(officer_a, roles=roles.LEDGER_EDITORS)).values_list("code", flat=True))
    assert only == {"phuong_dong_da"}
    assert subtree == {"phuong_dong_da", "thcs_dong_da"}
    assert scoping.in_scope(officer_a, tree.school_a, roles=roles.LEDGER_EDITORS)
    assert not scoping.in_scope(officer_a, tree.school_a, roles=roles.LEDGER_EDITORS, relation=scoping.Relation.ONLY)


def test_objects_handled_by_my_unit_are_reached_through_their_handler_field(tree, department):
    """An appraiser of the department reaches what the department handles (here: the awards it issued to a
    teacher of Phường Đống Đa), though the teacher is in no subtree of theirs."""
    appraiser = make_user("tham.dinh.so")
    RoleAssignment.objects.create(user=appraiser, role=Role.APPRAISER, unit=department)
    handled = AwardRecord.objects.create(person=tree.an, award_code="BK_TINH", year=tree.year, issuer=department)
    AwardRecord.objects.create(person=tree.an, award_code="LDTT", year=tree.year, issuer=tree.ward_a)
    by_handler = AwardRecord.objects.filter(scoping.handled_by_q(appraiser, roles={Role.APPRAISER}, field="issuer"))
    by_subject = AwardRecord.objects.filter(scoping.subtree_q(appraiser, roles={Role.APPRAISER}, field="person__unit"))
    assert list(by_handler) == [handled]
    assert not by_subject.exists()


def test_objects_addressed_to_my_agency_are_its_own_not_its_sub_units(tree, department):
    police = unit_create(actor=system_actor(), code="cong_an_phuong", name="Công an phường Đống Đa", kind=UnitKind.AGENCY,
                         parent=tree.ward_a)
    team = unit_create(actor=system_actor(), code="doi_csgt", name="Đội Cảnh sát giao thông", kind=UnitKind.TEAM, parent=police)
    officer = make_user("cong.an")
    RoleAssignment.objects.create(user=officer, role=Role.UNIT_OFFICER, unit=police)
    to_police = AwardRecord.objects.create(person=tree.an, award_code="GIAY_KHEN", year=tree.year, issuer=police)
    AwardRecord.objects.create(person=tree.an, award_code="GIAY_KHEN", year=tree.year - 1, issuer=team)
    addressed = AwardRecord.objects.filter(scoping.addressed_to_q(officer, roles={Role.UNIT_OFFICER}, field="issuer"))
    assert list(addressed) == [to_police]


def test_a_superuser_and_the_system_account_reach_everything(tree, admin):
    assert scoping.scope_q(admin, roles={Role.APPRAISER}, field="unit") == scoping.Q()
    assert scoping.scope_q(system_actor(), roles={Role.APPRAISER}, relation=scoping.Relation.ONLY) == scoping.Q()


def test_no_role_reaches_nothing(tree, personas):
    assert not Unit.objects.filter(scoping.subtree_q(personas["no_role"], roles=roles.ALL)).exists()
    assert not Unit.objects.filter(scoping.only_q(personas["no_role"], roles=roles.ALL)).exists()


def test_council_roles_are_not_assigned_by_hand(tree, admin):
    with pytest.raises(DomainError, match="thành viên Hội đồng"):
        services.role_assign(actor=admin, user=make_user("x"), role=Role.COUNCIL_MEMBER, unit=tree.ward_a)
    secretary = RoleAssignment.objects.get(user__username="thuky")
    with pytest.raises(DomainError, match="tư cách thành viên"):
        services.role_revoke(actor=admin, assignment=secretary)


def test_council_roles_follow_the_membership(tree, admin):
    council = councils.council_create(actor=admin, name="Hội đồng TĐKT phường Láng", kind="tdkt", unit=tree.ward_b)
    user = make_user("uy.vien")
    member = councils.council_member_add(actor=admin, council=council, user=user, full_name="Đỗ Thị Uyên", role="member",
                                         start=dt.date(2025, 7, 1))
    assignment = member.assignment
    assert (assignment.user, assignment.role, assignment.unit) == (user, Role.COUNCIL_MEMBER, tree.ward_b)
    scoping.forget(user)
    assert user.has_perm("org.view_unit", tree.ward_b) and not user.has_perm("org.view_person", tree.dung)
    assert is_council_voter(user, council, dt.date(2025, 12, 1))

    councils.council_member_end(actor=admin, member=member, on=dt.date(2025, 12, 31))
    assignment.refresh_from_db()
    assert assignment.valid_to == dt.date(2025, 12, 31)
    assert not is_council_voter(user, council, dt.date(2026, 1, 2))
    assert list(council_voters(council, dt.date(2026, 1, 2))) == []


def test_a_secretary_holds_the_secretary_role_and_does_not_vote(tree, personas):
    secretary = personas["secretary"]
    member = secretary.councilmember_set.get()
    assert member.assignment.role == Role.COUNCIL_SECRETARY
    assert not is_council_voter(secretary, member.council, dt.date(2025, 12, 1))
    assert is_council_voter(personas["council_member"], member.council, dt.date(2025, 12, 1))


def test_only_an_administrator_of_the_unit_manages_its_council(tree, officer_a, admin):
    with pytest.raises(DomainError, match="quyền"):
        councils.council_create(actor=officer_a, name="Hội đồng", kind="tdkt", unit=tree.ward_a)
    council = councils.council_create(actor=admin, name="Hội đồng sáng kiến phường Đống Đa", kind="sang_kien", unit=tree.ward_a)
    member = councils.council_member_add(actor=admin, council=council, user=make_user("sk"), full_name="Vũ Sơn", role="member",
                                         start=dt.date(2025, 8, 1))
    assert member.assignment is None  # an initiative council gives no TĐKT council role
