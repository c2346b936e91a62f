"""Two levels in one installation: the ward (Phường Đống Đa) and the province (Thành phố Hà Nội), each with its
year-end round and its standing office; a ward dossier, received, proposing Nguyễn Văn An for CSTĐ cấp tỉnh (the
province decides it) and Trần Thị Bình for Lao động tiên tiến (the ward decides it)."""

import datetime as dt

import pytest

from tdkt.accounts.models import Role, RoleAssignment
from tdkt.core.actors import system_actor
from tdkt.nominations import services
from tests.council.conftest import council, dossiers  # noqa: F401  (the council's fixtures: ward A's council, ready dossiers)
from tests.nominations.conftest import attach_components
from tests.personas import make_user


@pytest.fixture
def ward_round(tree):
    return services.round_open(actor=system_actor(), office_unit=tree.ward_a, year=tree.year, kind="ANNUAL",
                               title=f"Khen thưởng tổng kết năm {tree.year} — phường Đống Đa", awards=["LDTT", "CSTDCS", "CSTD_TINH"],
                               intake_from=dt.date(tree.year, 11, 1), intake_to=dt.date(tree.year + 1, 12, 31))


@pytest.fixture
def province_round(tree):
    return services.round_open(actor=system_actor(), office_unit=tree.province, year=tree.year, kind="ANNUAL",
                               title=f"Khen thưởng tổng kết năm {tree.year} — thành phố Hà Nội", awards=["CSTD_TINH", "LDTT"],
                               intake_from=dt.date(tree.year, 11, 1), intake_to=dt.date(tree.year + 1, 12, 31))


@pytest.fixture
def province_office(tree, personas):
    user = make_user("thamdinh.tinh", full_name="Vũ Thị Hoa")
    RoleAssignment.objects.create(user=user, role=Role.APPRAISER, unit=tree.province, valid_from=dt.date(2025, 7, 1))
    return user


@pytest.fixture
def received(tree, personas, ward_round):
    """The ward's own dossier, complete and received by the ward's office."""
    officer = personas["officer_a"]
    dossier = services.dossier_create(actor=officer, round_=ward_round, unit=tree.ward_a)
    services.nominee_add(actor=officer, dossier=dossier, person=tree.an, award_code="CSTD_TINH", summary="Giáo viên dạy giỏi cấp thành phố",
                         justification="Thành tích xuất sắc")
    services.nominee_add(actor=officer, dossier=dossier, person=tree.binh, award_code="LDTT", justification="Hoàn thành tốt nhiệm vụ")
    attach_components(dossier, officer)
    services.dossier_act(actor=officer, dossier=dossier, action="submit")
    services.dossier_act(actor=personas["appraiser"], dossier=dossier, action="receive")
    return dossier
