"""Personas: a small unit tree with people and a history, and one user per role (pytest fixtures).

Tree (codes as in the demo data):
    ha_noi (province)
    ├── quan_dong_da   (district, dissolved 30/06/2025 → phuong_dong_da, phuong_lang)
    ├── phuong_dong_da (ward A)  └── thcs_dong_da (school)
    └── phuong_lang    (ward B)  └── th_lang (school)

People: ward A — Nguyễn Văn An (teacher with a full history: HTXSNV and CSTĐCS the three years before
last year, initiatives, an award from the dissolved district), Trần Thị Bình (a revoked award), Lê Minh
Cường (leader, reprimanded last year); ward B — Phạm Thị Dung, Hoàng Văn Em.

Users are the demo accounts (same usernames, same scopes), password PASSWORD. The agency account (hiepy.congan)
answers the opinion requests addressed to Công an phường Đống Đa (`tree.police`, made by the `personas` fixture).
"""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.utils import timezone

from tdkt.accounts.models import Role, RoleAssignment
from tdkt.core.actors import system_actor
from tdkt.org import services as org_services
from tdkt.org.councils import council_create, council_member_add
from tdkt.org.models import Gender, Person, Unit, UnitKind
from tdkt.records import services as record_services
from tdkt.records.models import AwardRecord, Discipline, Initiative, YearRating

PASSWORD = "TdktDemo@2026"
DISSOLVED_ON = dt.date(2025, 6, 30)
_HASH: dict[str, str] = {}


def _password_hash() -> str:
    if "h" not in _HASH:  # hash once per run: PBKDF2 is deliberately slow
        _HASH["h"] = make_password(PASSWORD)
    return _HASH["h"]


def _unit(code, name, kind, parent=None, **extra) -> Unit:
    return org_services.unit_create(actor=system_actor(), code=code, name=name, kind=kind, parent=parent, **extra)


def _person(full_name, gender, unit, **extra) -> Person:
    return org_services.person_create(actor=system_actor(), full_name=full_name, gender=gender, unit=unit, **extra)


def last_year() -> int:
    return timezone.localdate().year - 1


@pytest.fixture
def tree(db):
    y = last_year()
    province = _unit("ha_noi", "Thành phố Hà Nội", UnitKind.PROVINCE)
    district = _unit("quan_dong_da", "Quận Đống Đa", UnitKind.DISTRICT, province, valid_to=DISSOLVED_ON)
    ward_a = _unit("phuong_dong_da", "Phường Đống Đa", UnitKind.COMMUNE, province, valid_from=dt.date(2025, 7, 1))
    ward_b = _unit("phuong_lang", "Phường Láng", UnitKind.COMMUNE, province, valid_from=dt.date(2025, 7, 1))
    school_a = _unit("thcs_dong_da", "Trường THCS Đống Đa", UnitKind.SCHOOL, ward_a)
    school_b = _unit("th_lang", "Trường Tiểu học Láng", UnitKind.SCHOOL, ward_b)
    for successor in (ward_a, ward_b):
        org_services.succession_add(actor=system_actor(), predecessor=district, successor=successor, effective_on=dt.date(2025, 7, 1))

    an = _person("Nguyễn Văn An", Gender.MALE, school_a, position="Giáo viên", is_direct_worker=True,
                 date_of_birth=dt.date(1985, 3, 12), joined_on=dt.date(2010, 9, 1))
    binh = _person("Trần Thị Bình", Gender.FEMALE, ward_a, position="Công chức văn phòng", joined_on=dt.date(2015, 1, 5))
    cuong = _person("Lê Minh Cường", Gender.MALE, ward_a, position="Phó Chủ tịch UBND phường", is_leader=True,
                    joined_on=dt.date(2012, 6, 1))
    dung = _person("Phạm Thị Dung", Gender.FEMALE, school_b, position="Giáo viên", is_direct_worker=True, joined_on=dt.date(2016, 8, 15))
    em = _person("Hoàng Văn Em", Gender.MALE, ward_b, position="Công chức địa chính", joined_on=dt.date(2018, 3, 1))

    # Nguyễn Văn An: HTXSNV and CSTĐCS for y-3..y-1, an initiative every year, HTXSNV in y.
    for year in range(y - 3, y + 1):
        YearRating.objects.create(person=an, year=year, rating="HTXSNV")
        Initiative.objects.create(person=an, year=year, title=f"Đổi mới phương pháp dạy học {year}", scope="CO_SO")
    for year in range(y - 3, y):
        issuer = district if year < 2025 else ward_a
        for code in ("LDTT", "CSTDCS"):
            AwardRecord.objects.create(
                person=an, award_code=code, year=year, decision_number=f"{100 + year % 100}/QĐ-UBND",
                decision_date=dt.date(year + 1, 1, 15), issuer=issuer, issuer_name=issuer.name.replace("Quận", "UBND quận").replace("Phường", "UBND phường"),
            )
    YearRating.objects.create(person=binh, year=y, rating="HTTNV")
    revoked = AwardRecord.objects.create(person=binh, award_code="LDTT", year=y - 1, decision_number="12/QĐ-UBND",
                                         decision_date=dt.date(y, 1, 10), issuer=ward_a, issuer_name="UBND phường Đống Đa")
    record_services.award_revoke(actor=system_actor(), award=revoked, on=dt.date(y, 6, 1), reason="Kê khai thành tích không đúng")
    YearRating.objects.create(person=cuong, year=y, rating="HTNV")
    Discipline.objects.create(person=cuong, form="KHIEN_TRACH", start=dt.date(y, 3, 1), end=dt.date(y + 1, 2, 28), decision_number="5/QĐ-KL")
    YearRating.objects.create(person=dung, year=y, rating="HTXSNV")
    AwardRecord.objects.create(person=dung, award_code="LDTT", year=y - 1, decision_number="7/QĐ-UBND", issuer=ward_b, issuer_name="UBND phường Láng")

    return SimpleNamespace(
        province=province, district=district, ward_a=ward_a, ward_b=ward_b, school_a=school_a, school_b=school_b,
        an=an, binh=binh, cuong=cuong, dung=dung, em=em, year=y,
    )


# persona → (username, role, scope unit attribute on `tree`, superuser)
PERSONAS = {
    "admin": ("quantri", Role.ADMIN, "province", True),
    "officer_a": ("canbo.dongda", Role.UNIT_OFFICER, "ward_a", False),
    "officer_b": ("canbo.lang", Role.UNIT_OFFICER, "ward_b", False),
    "appraiser": ("thamdinh", Role.APPRAISER, "ward_a", False),
    "office_head": ("truongphong", Role.OFFICE_HEAD, "ward_a", False),
    "council_member": ("hoidong", Role.COUNCIL_MEMBER, "ward_a", False),
    "secretary": ("thuky", Role.COUNCIL_SECRETARY, "ward_a", False),
    "chair": ("chutich", Role.SIGNER, "ward_a", False),
    "cluster_head": ("cumtruong", Role.CLUSTER_HEAD, "ward_a", False),
    "editor": ("bientap", Role.PORTAL_EDITOR, "ward_a", False),
    "agency": ("hiepy.congan", Role.AGENCY, "police", False),
}
PERSONA_NAMES = [*PERSONAS, "no_role", "anonymous"]


def make_user(username: str, *, superuser: bool = False, full_name: str = ""):
    first, _, last = full_name.rpartition(" ")
    return get_user_model().objects.create(
        username=username, password=_password_hash(), is_superuser=superuser, is_staff=superuser,
        first_name=first, last_name=last,
    )


COUNCIL_SEATS = {Role.COUNCIL_MEMBER: "member", Role.COUNCIL_SECRETARY: "secretary"}


@pytest.fixture
def personas(tree) -> dict:
    """persona name → User (None for 'anonymous'); 'no_role' is a logged-in account without any role.

    The council member and the secretary hold their roles as members of ward A's TĐKT council (org.councils),
    the others by a role assignment. The agency account holds its role over Công an phường Đống Đa, a unit made here
    (under the province, beside the tree: the tree's own counts stay as they are)."""
    users = {}
    tree.police = _unit("cong_an_dong_da", "Công an phường Đống Đa", UnitKind.AGENCY, tree.province, valid_from=dt.date(2025, 7, 1))
    council = council_create(actor=system_actor(), name="Hội đồng Thi đua - Khen thưởng phường Đống Đa", kind="tdkt",
                             unit=tree.ward_a, established_on=dt.date(2025, 7, 15))
    for name, (username, role, scope, superuser) in PERSONAS.items():
        user = make_user(username, superuser=superuser)
        if role in COUNCIL_SEATS:
            council_member_add(actor=system_actor(), council=council, user=user, full_name=username, role=COUNCIL_SEATS[role],
                               start=dt.date(2025, 7, 1))
        else:
            RoleAssignment.objects.create(user=user, role=role, unit=getattr(tree, scope), valid_from=dt.date(2025, 7, 1))
        users[name] = user
    users["no_role"] = make_user("chuaphanquyen")
    users["anonymous"] = None
    return users


def _one(name):
    @pytest.fixture(name=name)
    def fixture(personas):
        return personas[name]

    return fixture


admin_user = _one("admin")
officer_a = _one("officer_a")
officer_b = _one("officer_b")
appraiser = _one("appraiser")
office_head = _one("office_head")
council_member = _one("council_member")
secretary = _one("secretary")
chair = _one("chair")
cluster_head = _one("cluster_head")
editor = _one("editor")
agency = _one("agency")
