"""Council tests: every test starts and ends with no cached catalogue snapshot; ward A's council with five voting
members and the dossiers ready for it."""

import datetime as dt
from types import SimpleNamespace

import pytest

from tdkt.core.actors import system_actor
from tdkt.law import catalogue as cat
from tdkt.nominations.models import Dossier, DossierStatus, Nominee, Round
from tdkt.org.councils import council_member_add
from tdkt.org.models import Council
from tests.personas import make_user


@pytest.fixture(autouse=True)
def _fresh_snapshot():
    cat.clear_cache()
    yield
    cat.clear_cache()


HELD_ON = dt.date(2025, 12, 20)


def ready_dossier(tree, unit, ward, nominees, *, status=DossierStatus.READY_FOR_COUNCIL):
    """A dossier of `unit` in the ward's year-end round, in `status` (ready for council by default), with its nominees
    [(person, award)] (test data: the nominations workflow that brings a dossier there is tested in tests/nominations)."""
    round_, _ = Round.objects.get_or_create(office_unit=ward, year=2025, kind="ANNUAL", title=f"Khen thưởng năm 2025 — {ward.name}",
                                            defaults={"awards": ["LDTT", "CSTDCS", "GIAY_KHEN"], "intake_from": dt.date(2025, 11, 1),
                                                      "intake_to": dt.date(2025, 12, 31), "created_by": system_actor()})
    dossier = Dossier.objects.create(round=round_, unit=unit, title=f"Hồ sơ của {unit.name}", status=status,
                                     created_by=system_actor())
    for person, award in nominees:
        Nominee.objects.create(dossier=dossier, person=person, award_code=award, verdict="eligible")
    return dossier


@pytest.fixture
def council(tree, personas):
    """Ward A's TĐKT council (made by the personas fixture: `hoidong` a member, `thuky` the secretary) with four more
    members on 20/12/2025: three with an account (`uyvien1..3`) and one without (Đỗ Văn Hiệu): five voting members."""
    council = Council.objects.get(unit=tree.ward_a, kind="tdkt")
    start = dt.date(2025, 7, 15)
    extra = {}
    for i, (name, role) in enumerate((("Lê Văn Chủ", "chair"), ("Phạm Thị Phó", "vice"), ("Vũ Văn Ủy", "member")), start=1):
        user = make_user(f"uyvien{i}", full_name=name)
        extra[f"uyvien{i}"] = user
        council_member_add(actor=system_actor(), council=council, user=user, full_name=name, role=role, start=start)
    council_member_add(actor=system_actor(), council=council, full_name="Đỗ Văn Hiệu", role="member", start=start,
                       title="Hiệu trưởng")
    members = {m.user.username if m.user else m.full_name: m for m in council.members.select_related("user")}
    return SimpleNamespace(council=council, users={"hoidong": personas["council_member"], **extra}, members=members,
                           secretary=personas["secretary"])


@pytest.fixture
def dossiers(tree, council):
    """Ward A: the school's dossier ready for council (An for CSTĐCS, Bình for LĐTT), a draft dossier of the ward (Cường);
    ward B: a ready dossier (Dung)."""
    ready = ready_dossier(tree, tree.school_a, tree.ward_a, [(tree.an, "CSTDCS"), (tree.binh, "LDTT")])
    draft = ready_dossier(tree, tree.ward_a, tree.ward_a, [(tree.cuong, "LDTT")], status=DossierStatus.UNDER_APPRAISAL)
    other = ready_dossier(tree, tree.school_b, tree.ward_b, [(tree.dung, "LDTT")])
    return SimpleNamespace(ready=ready, draft=draft, other=other)
