import datetime as dt

import pytest

from tdkt.core.actors import system_actor
from tdkt.nominations import services


@pytest.fixture
def round_a(tree):
    """The year-end round of Phường Đống Đa (ward A) for the tree's last year."""
    return services.round_open(actor=system_actor(), office_unit=tree.ward_a, year=tree.year, kind="ANNUAL",
                               title=f"Khen thưởng tổng kết năm {tree.year}", awards=["LDTT", "CSTDCS", "GIAY_KHEN", "TTLDTT"],
                               intake_from=dt.date(tree.year, 11, 1), intake_to=dt.date(tree.year + 1, 12, 31))


@pytest.fixture
def dossier_a(tree, round_a, officer_a):
    """A draft of the ward A school with Nguyễn Văn An proposed for CSTĐCS."""
    dossier = services.dossier_create(actor=officer_a, round_=round_a, unit=tree.school_a)
    services.nominee_add(actor=officer_a, dossier=dossier, person=tree.an, award_code="CSTDCS", summary="Giáo viên dạy giỏi")
    return dossier
