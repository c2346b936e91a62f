import datetime as dt

import pytest

from tdkt.core import vntext
from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError, Forbidden
from tdkt.core.models import AuditEvent
from tdkt.org import selectors, services
from tdkt.org.models import Unit, UnitKind, UnitSuccession
from tests.factories import AwardRecordFactory, PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


def test_it_builds_materialised_paths_and_depth():
    root = services.unit_create(actor=system_actor(), code="ha_noi", name="Thành phố Hà Nội", kind=UnitKind.PROVINCE)
    ward = services.unit_create(actor=system_actor(), code="phuong_lang", name="Phường Láng", kind=UnitKind.COMMUNE, parent=root)
    school = UnitFactory(code="th_lang", name="Trường Tiểu học Láng", kind=UnitKind.SCHOOL, parent=ward)
    assert root.path == f"/{root.pk}/" and root.depth == 0
    assert ward.path == f"/{root.pk}/{ward.pk}/" and ward.depth == 1
    assert school.path == f"{ward.path}{school.pk}/" and school.depth == 2
    assert Unit.objects.get(code="th_lang").name_sort_key == school.name_sort_key != ""


def test_it_selects_a_subtree_without_siblings_whose_ids_share_a_prefix():
    root = UnitFactory(kind=UnitKind.PROVINCE)
    a = UnitFactory(parent=root)
    inside = UnitFactory(parent=a)
    others = [UnitFactory(parent=root) for _ in range(11)]  # ids like 1x share digits with a's id
    assert set(selectors.unit_subtree(a)) == {a, inside}
    assert set(selectors.unit_subtree(root)) == {root, a, inside, *others}
    assert list(selectors.unit_ancestors(inside)) == [root, a]


def test_it_refuses_duplicate_codes_and_bad_kinds():
    UnitFactory(code="x1")
    with pytest.raises(DomainError, match="đã tồn tại"):
        services.unit_create(actor=system_actor(), code="x1", name="Khác", kind=UnitKind.AGENCY)
    with pytest.raises(DomainError, match="Loại đơn vị"):
        services.unit_create(actor=system_actor(), code="x2", name="Khác", kind="planet")
    with pytest.raises(DomainError, match="Mã đơn vị"):
        services.unit_create(actor=system_actor(), code="có dấu", name="Khác", kind=UnitKind.AGENCY)


def test_it_dissolves_with_successors_and_walks_the_lineage():
    root = UnitFactory(kind=UnitKind.PROVINCE)
    district = UnitFactory(code="quan_dong_da", name="Quận Đống Đa", kind=UnitKind.DISTRICT, parent=root)
    old_ward = UnitFactory(name="Phường Cát Linh", kind=UnitKind.COMMUNE, parent=district)
    new_ward = UnitFactory(name="Phường Đống Đa", kind=UnitKind.COMMUNE, parent=root)
    with pytest.raises(DomainError, match="còn đơn vị trực thuộc"):
        services.unit_dissolve(actor=system_actor(), unit=district, on=dt.date(2025, 6, 30), successors=[new_ward])
    services.unit_dissolve(actor=system_actor(), unit=district, on=dt.date(2025, 6, 30), successors=[new_ward], with_subtree=True)
    district.refresh_from_db()
    old_ward.refresh_from_db()
    assert district.valid_to == dt.date(2025, 6, 30) and old_ward.valid_to == dt.date(2025, 6, 30)
    row = UnitSuccession.objects.get(predecessor=district)
    assert row.successor == new_ward and row.effective_on == dt.date(2025, 7, 1)
    UnitSuccession.objects.create(predecessor=old_ward, successor=district, effective_on=dt.date(2020, 1, 1))
    assert selectors.unit_predecessors(new_ward) == [district, old_ward]
    assert set(selectors.unit_successors(old_ward)) == {new_ward, district}
    assert selectors.unit_lineage(new_ward)[0] == new_ward
    assert AuditEvent.objects.filter(action="org.unit.dissolved", target_id=str(district.pk)).exists()
    with pytest.raises(DomainError, match="đã giải thể"):
        services.unit_dissolve(actor=system_actor(), unit=district, on=dt.date(2025, 7, 30))


def test_it_refuses_to_dissolve_a_unit_with_people():
    unit = UnitFactory()
    PersonFactory(unit=unit)
    with pytest.raises(DomainError, match="còn cá nhân"):
        services.unit_dissolve(actor=system_actor(), unit=unit, on=dt.date(2025, 6, 30))


def test_it_keeps_awards_of_a_dissolved_issuer_in_the_timeline():
    from tdkt.records.selectors import ledger_timeline

    root = UnitFactory(kind=UnitKind.PROVINCE)
    district = UnitFactory(code="quan_dong_da", name="Quận Đống Đa", kind=UnitKind.DISTRICT, parent=root)
    ward = UnitFactory(name="Phường Đống Đa", kind=UnitKind.COMMUNE, parent=root)
    person = PersonFactory(unit=ward)
    AwardRecordFactory(person=person, year=2023, issuer=district, issuer_name="UBND quận Đống Đa")
    services.unit_dissolve(actor=system_actor(), unit=district, on=dt.date(2025, 6, 30), successors=[ward])
    [entry] = ledger_timeline(person)
    [award] = entry["awards"]
    assert entry["year"] == 2023 and award.issuer.valid_to == dt.date(2025, 6, 30)
    assert award.issuer_name == "UBND quận Đống Đa"


def test_it_audits_unit_creation_with_the_actor(django_user_model):
    user = django_user_model.objects.create(username="quantri", is_superuser=True)
    unit = services.unit_create(actor=user, code="u1", name="Văn phòng", kind=UnitKind.AGENCY)
    event = AuditEvent.objects.get(action="org.unit.created", target_id=str(unit.pk))
    assert event.actor == user and event.data["code"] == "u1"


def test_it_checks_its_own_rule_whoever_calls_it(django_user_model, tree, officer_a, admin):
    """The service is the gate: an officer may not create units (only an administrator of the parent may), nor
    create a root; nobody acts as nobody."""
    with pytest.raises(Forbidden, match="Chỉ quản trị viên cấp cao nhất"):
        services.unit_create(actor=django_user_model.objects.create(username="khach"), code="u2", name="X", kind=UnitKind.AGENCY)
    with pytest.raises(Forbidden, match="tạo đơn vị trực thuộc Phường Đống Đa"):
        services.unit_create(actor=officer_a, code="u3", name="Tổ mới", kind=UnitKind.TEAM, parent=tree.ward_a)
    with pytest.raises(Forbidden, match="cần một tài khoản"):
        services.unit_create(actor=None, code="u4", name="Tổ mới", kind=UnitKind.TEAM, parent=tree.ward_a)
    with pytest.raises(Forbidden):
        services.unit_dissolve(actor=officer_a, unit=tree.school_a, on=dt.date(2026, 1, 1))
    assert not Unit.objects.filter(code__in=["u2", "u3", "u4"]).exists()
    services.unit_create(actor=admin, code="u5", name="Tổ mới", kind=UnitKind.TEAM, parent=tree.ward_a)


def test_it_renames_a_unit_and_updates_its_sort_key():
    unit = UnitFactory(name="Phòng A")
    services.unit_update(actor=system_actor(), unit=unit, name="Ánh  sáng")
    unit.refresh_from_db()
    assert unit.name == "Ánh sáng" and unit.name_sort_key == vntext.sort_key("Ánh sáng")
    assert AuditEvent.objects.filter(action="org.unit.updated").exists()


def test_it_lists_units_depth_first_each_level_active_then_by_kind_then_vietnamese_name():
    unit_create = services.unit_create
    in_tree_order = selectors.in_tree_order
    ward = unit_create(actor=system_actor(), code="p_thu", name="Phường Thử", kind="commune")
    make = lambda code, name, kind, parent=ward, **kw: unit_create(actor=system_actor(), code=code, name=name, kind=kind, parent=parent, **kw)  # noqa: E731
    village = make("tdp1", "Tổ dân phố 1", "village")
    old = make("p_cu", "Phòng Kinh tế (cũ)", "agency", valid_to=dt.date(2025, 6, 30))
    school_t = make("th_anh_duong", "Trường Tiểu học Ánh Dương", "school")
    school_m = make("mn_anh_dao", "Trường Mầm non Anh Đào", "school")
    team = make("to_toan", "Tổ Toán", "team", parent=school_t)
    office = make("vp", "Văn phòng HĐND và UBND", "agency")
    units = [village, team, old, school_m, office, ward, school_t]

    assert [u.code for u in in_tree_order(units)] == [
        "p_thu", "vp", "mn_anh_dao", "th_anh_duong", "to_toan", "tdp1", "p_cu"]
    # A unit whose parent is not listed is a root of its own.
    assert [u.code for u in in_tree_order([team, school_m])] == ["mn_anh_dao", "to_toan"]
