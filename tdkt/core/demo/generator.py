"""The demo data generator.

Deterministic: one `random.Random(seed)` drives every choice, in a fixed order, so the same seed and size give
the same data. Fast: units, people, memberships and the ledger are written with bulk_create (the demo is a
bulk load, not a sequence of user actions; one audit event records it), paths and sort keys computed here
exactly as the org services compute them. Province seeding and role assignments go through their services.

Named people for demonstrations (in Phường Đống Đa):
- Nguyễn Thị Thu Hà, teacher (Tổ Khoa học tự nhiên, Trường THCS Đống Đa): HTXSNV 2021–2025, CSTĐCS every year,
  province-scope initiatives in 2024 and 2025 → eligible for CSTD_TINH 2025.
- Trần Văn Hùng, Phòng Kinh tế - Hạ tầng và Đô thị: reprimanded (khiển trách) from 10/03/2025 to 09/03/2026.
"""

from __future__ import annotations

import datetime as dt
import random
import time
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.contrib.auth.hashers import make_password
from django.db import transaction

from tdkt.core import audit, vntext
from tdkt.core.models import AuditEvent
from tdkt.org.models import (
    Cluster,
    ClusterMembership,
    Council,
    CouncilMember,
    Household,
    Membership,
    Person,
    Unit,
    UnitKind,
    UnitSuccession,
)
from tdkt.org.seeding import seed_province
from tdkt.records.models import AwardRecord, Discipline, Initiative, YearRating
from tdkt.records.services import issuer_display_name

PASSWORD = "TdktDemo@2026"
LOADED_ACTION = "core.demo.loaded"
YEARS = list(range(2021, 2026))
REFORM_DAY = dt.date(2025, 7, 1)
WARDS = ["phuong_dong_da", "phuong_lang", "phuong_o_cho_dua", "phuong_kim_lien", "phuong_van_mieu_quoc_tu_giam"]
PEOPLE_PER_WARD = 400

# username, full name, role, scope unit, superuser, (unit suffix, position) of the person they are (None: not a person)
ACCOUNTS = [
    ("quantri", "Phạm Minh Tuấn", "admin", "ha_noi", True, None),
    ("canbo.dongda", "Lê Thị Hương", "unit_officer", "phuong_dong_da", False, ("vp", "Chuyên viên phụ trách thi đua, khen thưởng")),
    ("canbo.lang", "Đỗ Văn Khánh", "unit_officer", "phuong_lang", False, ("vp", "Chuyên viên phụ trách thi đua, khen thưởng")),
    ("thamdinh", "Vũ Thị Lan", "appraiser", "phuong_dong_da", False, ("vp", "Chuyên viên thẩm định")),
    ("truongphong", "Hoàng Văn Nam", "office_head", "phuong_dong_da", False, ("vp", "Chánh Văn phòng HĐND và UBND phường")),
    ("hoidong", "Bùi Thị Mai", "council_member", "phuong_dong_da", False, ("vhxh", "Trưởng phòng Văn hóa - Xã hội")),
    ("thuky", "Ngô Thị Thảo", "council_secretary", "phuong_dong_da", False, ("vp", "Chuyên viên Văn phòng")),
    ("chutich", "Nguyễn Văn Thắng", "signer", "phuong_dong_da", False, ("vp", "Chủ tịch UBND phường")),
    ("cumtruong", "Đặng Quốc Việt", "cluster_head", "phuong_dong_da", False, ("vp", "Phó Chủ tịch UBND phường")),
    ("bientap", "Phan Thu Trang", "portal_editor", "phuong_dong_da", False, ("vhxh", "Chuyên viên phụ trách cổng thông tin")),
]
RESERVED_NAMES = frozenset({"Nguyễn Thị Thu Hà", "Trần Văn Hùng", *(a[1] for a in ACCOUNTS)})
ACCOUNT_GENDERS = {"quantri": "M", "canbo.dongda": "F", "canbo.lang": "M", "thamdinh": "F", "truongphong": "M",
                   "hoidong": "F", "thuky": "F", "chutich": "M", "cumtruong": "M", "bientap": "F"}
ROLE_NAMES = {
    "admin": "Quản trị hệ thống", "unit_officer": "Cán bộ TĐKT đơn vị", "appraiser": "Chuyên viên thẩm định",
    "office_head": "Lãnh đạo cơ quan thường trực", "council_member": "Thành viên Hội đồng TĐKT",
    "council_secretary": "Thư ký Hội đồng TĐKT", "signer": "Người ký quyết định (Chủ tịch)",
    "cluster_head": "Trưởng cụm thi đua", "portal_editor": "Biên tập cổng thông tin",
}

FAMILY = (["Nguyễn"] * 12 + ["Trần"] * 4 + ["Lê"] * 4 + ["Phạm"] * 3 + ["Hoàng", "Vũ", "Phan", "Đặng", "Bùi", "Đỗ", "Hồ",
          "Ngô", "Dương", "Lý", "Đinh", "Trịnh", "Đào", "Mai", "Tạ", "Lương", "Chu", "Kiều", "Cao", "Tô"])
MIDDLE = {"M": ["Văn", "Văn", "Đức", "Minh", "Quang", "Hữu", "Công", "Thành", "Xuân", "Tuấn", "Mạnh", "Ngọc", "Quốc", "Trung"],
          "F": ["Thị", "Thị", "Thị", "Thu", "Ngọc", "Thanh", "Phương", "Bích", "Minh", "Hồng", "Thùy", "Kim", "Diệu", "Hải"]}
GIVEN = {"M": ["An", "Bình", "Cường", "Dũng", "Duy", "Đạt", "Đức", "Hải", "Hiếu", "Hùng", "Huy", "Khánh", "Khôi", "Long",
               "Minh", "Nam", "Phong", "Phúc", "Quân", "Quang", "Sơn", "Thắng", "Thành", "Trung", "Tùng", "Tuấn", "Việt", "Vinh"],
         "F": ["Anh", "Ánh", "Chi", "Dung", "Giang", "Hà", "Hạnh", "Hằng", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan",
               "Mai", "Nga", "Ngọc", "Nhung", "Oanh", "Phương", "Quyên", "Quỳnh", "Thảo", "Trang", "Tuyết", "Vân", "Yến", "Ân"]}
STREETS = ["Tây Sơn", "Thái Hà", "Chùa Bộc", "Xã Đàn", "Khâm Thiên", "Nguyễn Lương Bằng", "Láng", "Láng Hạ",
           "Huỳnh Thúc Kháng", "Nguyễn Chí Thanh", "Đê La Thành", "Hào Nam", "Văn Miếu", "Quốc Tử Giám",
           "Tôn Đức Thắng", "Kim Liên", "Phạm Ngọc Thạch", "Lương Định Của", "Trường Chinh", "Thái Thịnh"]
INITIATIVE_TITLES = [
    "Ứng dụng công nghệ thông tin trong giải quyết thủ tục hành chính",
    "Số hóa hồ sơ, tài liệu lưu trữ của cơ quan",
    "Đổi mới phương pháp dạy học phát huy tính tích cực của học sinh",
    "Xây dựng học liệu số cho môn học",
    "Nâng cao chất lượng chăm sóc, giáo dục trẻ mầm non",
    "Cải tiến quy trình tiếp nhận và trả kết quả một cửa",
    "Quản lý trật tự đô thị bằng bản đồ số",
    "Nâng cao hiệu quả tiêm chủng mở rộng tại cộng đồng",
    "Tổ chức câu lạc bộ kỹ năng sống cho học sinh",
    "Tuyên truyền pháp luật qua mạng xã hội cho người dân tổ dân phố",
]


@dataclass(frozen=True)
class Blueprint:
    suffix: str  # code = f"{suffix}_{ward slug}"
    name: str  # "{ward}" replaced by the ward's name without "Phường "
    kind: str
    weight: int  # share of the ward's people
    positions: tuple[tuple[str, bool], ...]  # first positions (title, is_leader); then the default
    default: str
    direct: bool = False  # default staff are direct workers (teachers, doctors)
    female: float = 0.5
    teams: tuple[str, ...] = ()


UNITS = [
    Blueprint("vp", "Văn phòng HĐND và UBND phường {ward}", UnitKind.AGENCY, 26,
              (("Chủ tịch UBND phường", True), ("Phó Chủ tịch UBND phường", True), ("Phó Chủ tịch UBND phường", True),
               ("Chánh Văn phòng HĐND và UBND phường", True), ("Phó Chánh Văn phòng", True)), "Chuyên viên"),
    Blueprint("ktht", "Phòng Kinh tế - Hạ tầng và Đô thị phường {ward}", UnitKind.AGENCY, 18,
              (("Trưởng phòng Kinh tế - Hạ tầng và Đô thị", True), ("Phó Trưởng phòng", True)), "Chuyên viên"),
    Blueprint("vhxh", "Phòng Văn hóa - Xã hội phường {ward}", UnitKind.AGENCY, 14,
              (("Trưởng phòng Văn hóa - Xã hội", True), ("Phó Trưởng phòng", True)), "Chuyên viên"),
    Blueprint("hcc", "Trung tâm Phục vụ hành chính công phường {ward}", UnitKind.PUBLIC_SERVICE, 14,
              (("Giám đốc Trung tâm", True), ("Phó Giám đốc Trung tâm", True)), "Chuyên viên một cửa", direct=True),
    Blueprint("tyt", "Trạm Y tế phường {ward}", UnitKind.HEALTH, 18,
              (("Trạm trưởng", True), ("Phó Trạm trưởng", True)), "Bác sĩ", direct=True, female=0.7),
    Blueprint("mn", "Trường Mầm non {ward}", UnitKind.SCHOOL, 80,
              (("Hiệu trưởng", True), ("Phó Hiệu trưởng", True)), "Giáo viên mầm non", direct=True, female=0.97,
              teams=("Tổ Nhà trẻ", "Tổ Mẫu giáo bé", "Tổ Mẫu giáo lớn", "Tổ Văn phòng")),
    Blueprint("th", "Trường Tiểu học {ward}", UnitKind.SCHOOL, 110,
              (("Hiệu trưởng", True), ("Phó Hiệu trưởng", True)), "Giáo viên tiểu học", direct=True, female=0.82,
              teams=("Tổ khối 1", "Tổ khối 2 - 3", "Tổ khối 4 - 5", "Tổ Văn phòng")),
    Blueprint("thcs", "Trường THCS {ward}", UnitKind.SCHOOL, 100,
              (("Hiệu trưởng", True), ("Phó Hiệu trưởng", True)), "Giáo viên trung học cơ sở", direct=True, female=0.72,
              teams=("Tổ Khoa học tự nhiên", "Tổ Khoa học xã hội", "Tổ Ngoại ngữ - Năng khiếu", "Tổ Văn phòng")),
]
TEAM_SLUGS = ["to1", "to2", "to3", "tovp"]
VILLAGES_PER_WARD = 12


@dataclass
class DemoReport:
    seed: int
    size: float
    skipped: bool = False
    seconds: float = 0.0
    counts: dict[str, int] = field(default_factory=dict)


def is_loaded() -> bool:
    return AuditEvent.objects.filter(action=LOADED_ACTION).exists()


def accounts_table() -> list[dict]:
    """The demo accounts with their roles and scopes (for `tdkt demo accounts` and the README)."""
    units = dict(Unit.objects.filter(code__in={a[3] for a in ACCOUNTS}).values_list("code", "name"))
    return [
        {"username": u, "full_name": n, "role": r, "role_name": ROLE_NAMES[r], "unit": c, "unit_name": units.get(c, c),
         "superuser": s, "password": PASSWORD}
        for u, n, r, c, s, _ in ACCOUNTS
    ]


class _Gen:
    def __init__(self, seed: int, size: float):
        self.rng = random.Random(seed)
        self.size = size
        self.cccd: set[str] = set()
        self.batch_numbers: dict[tuple, str] = {}

    def name(self, gender: str) -> str:
        r = self.rng
        while True:  # the named demo people stay unique
            name = f"{r.choice(FAMILY)} {r.choice(MIDDLE[gender])} {r.choice(GIVEN[gender])}"
            if name not in RESERVED_NAMES:
                return name

    def citizen_id(self, gender: str, born: dt.date) -> str:
        century = (0 if gender == "M" else 1) + (2 if born.year >= 2000 else 0)
        while True:
            value = f"001{century}{born.year % 100:02d}{self.rng.randrange(10**6):06d}"
            if value not in self.cccd:
                self.cccd.add(value)
                return value

    def decision_number(self, issuer: Unit, year: int, kind: str) -> str:
        key = (issuer.code, year, kind)
        if key not in self.batch_numbers:
            self.batch_numbers[key] = f"{self.rng.randrange(120, 4800)}/QĐ-UBND"
        return self.batch_numbers[key]


def _bulk_units(specs: list[dict], parents: list[Unit]) -> list[Unit]:
    """Create units in bulk under their parents, then set their paths and depths."""
    units = Unit.objects.bulk_create(
        [Unit(**spec, parent=parent, name_sort_key=vntext.sort_key(spec["name"])) for spec, parent in zip(specs, parents)]
    )
    if any(u.pk is None for u in units):  # a backend without RETURNING: fetch the ids back by code
        by_code = {u.code: u.pk for u in Unit.objects.filter(code__in=[s["code"] for s in specs])}
        for unit in units:
            unit.pk = unit.id = by_code[unit.code]
    for unit, parent in zip(units, parents):
        unit.path, unit.depth = f"{parent.path}{unit.pk}/", parent.depth + 1
    Unit.objects.bulk_update(units, ["path", "depth"])
    return units


def load(*, seed: int = 2026, size: float = 1.0, once: bool = False) -> DemoReport:
    """Load the demo data (about 2,000 people at size 1.0). With `once`, do nothing if it is already loaded."""
    report = DemoReport(seed=seed, size=size)
    if once and is_loaded():
        report.skipped = True
        return report
    started = time.monotonic()
    with transaction.atomic():
        seed_province(actor=None, code=1, legacy_districts=["quan_dong_da"])
        _load(_Gen(seed, size), report)
        audit.record(actor=None, action=LOADED_ACTION, data={"seed": seed, "size": size, "counts": report.counts})
    report.seconds = time.monotonic() - started
    return report


def _load(g: _Gen, report: DemoReport) -> None:
    rng = g.rng
    province = Unit.objects.get(code="ha_noi")
    district = Unit.objects.get(code="quan_dong_da")
    wards = [Unit.objects.get(code=c) for c in WARDS]
    old_wards_of = {}
    for ward in wards:
        old = list(
            UnitSuccession.objects.filter(successor=ward, predecessor__parent=district)
            .order_by("predecessor__admin_code").values_list("predecessor_id", flat=True)
        )
        old_wards_of[ward.pk] = list(Unit.objects.filter(pk__in=old).order_by("admin_code"))

    # --- Units ---------------------------------------------------------------------------------------
    specs, parents, meta = [], [], []
    for ward in wards:
        slug = ward.code.removeprefix("phuong_")
        short = ward.name.removeprefix("Phường ")
        for bp in UNITS:
            specs.append({"code": f"{bp.suffix}_{slug}", "name": bp.name.format(ward=short), "kind": bp.kind,
                          "valid_from": REFORM_DAY if bp.kind == UnitKind.AGENCY or bp.suffix == "hcc" else None})
            parents.append(ward)
            meta.append((ward, bp))
        for n in range(1, VILLAGES_PER_WARD + 1):
            specs.append({"code": f"tdp_{slug}_{n:02d}", "name": f"Tổ dân phố số {n}, phường {short}", "kind": UnitKind.VILLAGE,
                          "has_legal_status": False})
            parents.append(ward)
            meta.append((ward, None))
    level1 = _bulk_units(specs, parents)
    team_specs, team_parents, team_meta = [], [], []
    for unit, (ward, bp) in zip(level1, meta):
        if bp is None:
            continue
        for team_name, team_slug in zip(bp.teams, TEAM_SLUGS):
            team_specs.append({"code": f"{unit.code}_{team_slug}", "name": f"{team_name}, {unit.name}", "kind": UnitKind.TEAM,
                               "has_legal_status": False, "is_small_collective": True})
            team_parents.append(unit)
            team_meta.append((ward, bp, team_name))
    teams = _bulk_units(team_specs, team_parents)
    teams_of: dict[int, list[Unit]] = {}
    for team, parent in zip(teams, team_parents):
        teams_of.setdefault(parent.pk, []).append(team)
    villages = [u for u, (w, bp) in zip(level1, meta) if bp is None]

    # --- People --------------------------------------------------------------------------------------
    total_weight = sum(bp.weight for bp in UNITS)
    per_ward = max(len(UNITS), round(PEOPLE_PER_WARD * g.size))
    people: list[Person] = []
    placement: list[tuple[Unit, Unit]] = []  # (membership unit, ward)
    named: dict[str, Person] = {}
    accounts_by_place = {}
    for username, full_name, _, scope, _, place in ACCOUNTS:
        if place:
            accounts_by_place.setdefault((scope, place[0]), []).append((username, full_name, place[1]))

    def make(unit, ward, full_name, gender, position, leader, direct, born=None, joined=None):
        born = born or dt.date(rng.randint(1968, 2001), rng.randint(1, 12), rng.randint(1, 28))
        if joined is None:
            earliest = dt.date(born.year + 22, 1, 1)
            joined = min(dt.date(rng.randint(earliest.year, max(earliest.year, 2024)), rng.randint(1, 12), 1), dt.date(2025, 6, 1))
            if rng.random() < 0.03:
                joined = dt.date(2025, rng.randint(3, 9), 1)  # recent recruits (the 6-month rule)
        person = Person(
            full_name=full_name, name_sort_key=vntext.person_sort_key(full_name), gender=gender, date_of_birth=born,
            citizen_id=g.citizen_id(gender, born) if rng.random() < 0.65 else None, position=position,
            is_leader=leader, is_direct_worker=direct, unit=unit, joined_on=joined,
        )
        people.append(person)
        placement.append((unit, ward))
        return person

    for (ward, bp), unit in [(m, u) for u, m in zip(level1, meta) if m[1] is not None]:
        count = max(len(bp.positions) + 1, round(bp.weight * per_ward / total_weight))
        fixed = accounts_by_place.get((ward.code, bp.suffix), [])
        fixed_positions = [pos for _, _, pos in fixed]
        staff_units = teams_of.get(unit.pk) or [unit]
        made = 0
        for username, full_name, position in fixed:
            gender = ACCOUNT_GENDERS[username]
            leader = position.startswith(("Chủ tịch", "Phó Chủ tịch", "Chánh", "Trưởng phòng"))
            named[username] = make(unit, ward, full_name, gender, position, leader, False)
            made += 1
        for position, leader in bp.positions:
            if position in fixed_positions:
                fixed_positions.remove(position)
                continue
            gender = "F" if rng.random() < bp.female else "M"
            make(unit, ward, g.name(gender), gender, position, leader, False)
            made += 1
        if ward.code == "phuong_dong_da" and bp.suffix == "thcs":
            named["ha"] = make(staff_units[0], ward, "Nguyễn Thị Thu Hà", "F", "Giáo viên Vật lý", False, True,
                               born=dt.date(1982, 4, 17), joined=dt.date(2006, 9, 1))
            made += 1
        if ward.code == "phuong_dong_da" and bp.suffix == "ktht":
            named["hung"] = make(unit, ward, "Trần Văn Hùng", "M", "Chuyên viên quản lý đất đai", False, False,
                                 born=dt.date(1979, 11, 3), joined=dt.date(2004, 3, 1))
            made += 1
        for n in range(max(0, count - made)):
            target = staff_units[n % len(staff_units)]
            gender = "F" if rng.random() < bp.female else "M"
            is_office = target.code.endswith("_tovp")
            position = ("Tổ trưởng chuyên môn" if n < len(staff_units) and not is_office else
                        rng.choice(["Kế toán", "Văn thư", "Nhân viên thiết bị", "Nhân viên y tế học đường"]) if is_office else bp.default)
            make(target, ward, g.name(gender), gender, position, False, bp.direct and not is_office)
    for village in villages:
        ward = village.parent
        gender = "M" if rng.random() < 0.6 else "F"
        make(village, ward, g.name(gender), gender, "Tổ trưởng tổ dân phố", False, True)
    Person.objects.bulk_create(people, batch_size=500)
    if any(p.pk is None for p in people):
        raise RuntimeError("The database did not return primary keys from bulk_create.")
    Membership.objects.bulk_create(
        [Membership(person=p, unit=u, position=p.position, start=p.joined_on) for p, (u, _) in zip(people, placement)],
        batch_size=1000,
    )

    # --- History 2021–2025 ---------------------------------------------------------------------------
    ratings, awards, disciplines, initiatives = [], [], [], []
    ward_of = {p.pk: w for p, (_, w) in zip(people, placement)}

    def issuer_for(ward: Unit, year: int) -> Unit:
        return district if year < 2025 else ward

    def decision_date(year: int, issuer: Unit, month: int = 1) -> dt.date:
        # Titles of year Y are decided early in Y+1: by the district until 2024, by the ward for 2025.
        return dt.date(year + 1, month, 10 + rng.randrange(15))

    def award(person, code, year, issuer, month=1):
        awards.append(AwardRecord(
            person=person, award_code=code, year=year, decision_number=g.decision_number(issuer, year, code),
            decision_date=decision_date(year, issuer, month), issuer=issuer, issuer_name=issuer_display_name(issuer),
        ))

    specials = {named.get("ha"), named.get("hung")}
    for person in people:
        if person in specials:
            continue
        ward = ward_of[person.pk]
        quality = rng.random()
        disciplined_year = None
        if rng.random() < 0.012:
            disciplined_year = rng.choice(YEARS)
            start = dt.date(disciplined_year, rng.randint(1, 9), rng.randint(1, 28))
            form = "CANH_CAO" if rng.random() < 0.3 else "KHIEN_TRACH"
            disciplines.append(Discipline(person=person, form=form, start=start, end=start.replace(year=start.year + 1) - dt.timedelta(days=1),
                                          decision_number=f"{rng.randrange(10, 300)}/QĐ-KL", reason="Vi phạm quy chế làm việc"))
        cstdcs_years = []
        for year in YEARS:
            if person.joined_on > dt.date(year, 12, 31):
                continue
            blocked = disciplined_year == year
            roll = rng.random()
            if blocked:
                rating = "HTNV" if roll < 0.8 else "KHTNV"
            elif roll < 0.05 + 0.3 * quality:
                rating = "HTXSNV"
            elif roll < 0.9:
                rating = "HTTNV"
            elif roll < 0.985:
                rating = "HTNV"
            else:
                rating = "KHTNV"
            ratings.append(YearRating(person=person, year=year, rating=rating))
            has_initiative = rating == "HTXSNV" and rng.random() < 0.55
            if has_initiative:
                scope = "TINH" if rng.random() < 0.08 else "CO_SO"
                initiatives.append(Initiative(person=person, year=year, title=rng.choice(INITIATIVE_TITLES), scope=scope,
                                              recognised_on=dt.date(year, 11, rng.randint(1, 28)),
                                              decision_number=f"{rng.randrange(20, 400)}/QĐ-HĐSK"))
            six_months = person.joined_on <= dt.date(year, 6, 30)
            if rating in ("HTXSNV", "HTTNV") and not blocked and six_months:
                issuer = issuer_for(ward, year)
                award(person, "LDTT", year, issuer)
                if rating == "HTXSNV" and (has_initiative or rng.random() < 0.2):
                    award(person, "CSTDCS", year, issuer)
                    cstdcs_years.append(year)
                elif rng.random() < 0.06:
                    award(person, "GIAY_KHEN", year, issuer)
        # Province-level chains, decided in spring after the year (not yet for 2025: that round is open).
        for year in (2023, 2024):
            if {year - 2, year - 1, year} <= set(cstdcs_years) and rng.random() < 0.7:
                initiatives.append(Initiative(person=person, year=year, title=rng.choice(INITIATIVE_TITLES), scope="TINH",
                                              recognised_on=dt.date(year, 12, 5), decision_number=f"{rng.randrange(1000, 6000)}/QĐ-UBND"))
                award(person, "CSTD_TINH", year, province, month=4)
                break
        for year in (2022, 2023, 2024):
            if {year - 1, year} <= set(cstdcs_years) and rng.random() < 0.25:
                award(person, "BK_TINH", year, province, month=3)
                break

    # The two named people.
    ha, hung = named.get("ha"), named.get("hung")
    if ha is not None:
        ward = ward_of[ha.pk]
        for year in YEARS:
            ratings.append(YearRating(person=ha, year=year, rating="HTXSNV"))
            award(ha, "LDTT", year, issuer_for(ward, year))
            award(ha, "CSTDCS", year, issuer_for(ward, year))
        award(ha, "BK_TINH", 2022, province, month=3)
        for year, scope, title in [(2021, "CO_SO", "Thí nghiệm Vật lý với vật liệu tái chế"),
                                   (2022, "CO_SO", "Học liệu số môn Khoa học tự nhiên lớp 6"),
                                   (2023, "CO_SO", "Phòng thí nghiệm ảo cho học sinh THCS"),
                                   (2024, "TINH", "Mô hình STEM liên môn cho các trường THCS của Thành phố"),
                                   (2025, "TINH", "Ngân hàng đề kiểm tra đánh giá năng lực môn Khoa học tự nhiên")]:
            initiatives.append(Initiative(person=ha, year=year, title=title, scope=scope, recognised_on=dt.date(year, 11, 20),
                                          decision_number=f"{17 + year % 100}/QĐ-{'HĐSK' if scope == 'CO_SO' else 'SGDĐT'}"))
    if hung is not None:
        ward = ward_of[hung.pk]
        for year in YEARS:
            ratings.append(YearRating(person=hung, year=year, rating="HTNV" if year == 2025 else "HTTNV"))
            if year < 2025:
                award(hung, "LDTT", year, issuer_for(ward, year))
        disciplines.append(Discipline(person=hung, form="KHIEN_TRACH", start=dt.date(2025, 3, 10), end=dt.date(2026, 3, 9),
                                      decision_number="45/QĐ-UBND", reason="Chậm giải quyết hồ sơ đất đai quá thời hạn"))

    # Collectives: agencies, schools, teams and the health stations.
    collectives = [u for u, (w, bp) in zip(level1, meta) if bp is not None] + teams
    collective_ward = {u.pk: w for u, (w, bp) in zip(level1, meta)} | {t.pk: m[0] for t, m in zip(teams, team_meta)}
    for unit in collectives:
        ward = collective_ward[unit.pk]
        for year in YEARS:
            if unit.valid_from and unit.valid_from > dt.date(year, 12, 31):
                continue
            rating = "HTXSNV" if rng.random() < 0.35 else "HTTNV"
            ratings.append(YearRating(unit=unit, year=year, rating=rating))
            issuer = issuer_for(ward, year)
            if rating == "HTXSNV" and unit.kind == UnitKind.SCHOOL and year < 2025 and rng.random() < 0.5:
                awards.append(AwardRecord(unit=unit, award_code="TTLDXS", year=year, issuer=province, issuer_name=issuer_display_name(province),
                                          decision_number=g.decision_number(province, year, "TTLDXS"), decision_date=dt.date(year + 1, 4, 20)))
            elif rng.random() < 0.8:
                awards.append(AwardRecord(unit=unit, award_code="TTLDTT", year=year, issuer=issuer, issuer_name=issuer_display_name(issuer),
                                          decision_number=g.decision_number(issuer, year, "TTLDTT"), decision_date=decision_date(year, issuer)))

    # Villages and households: cultural titles, decided before 1/7/2025 by the old ward's chairman.
    households = []
    for village in villages:
        ward = village.parent
        olds = old_wards_of.get(ward.pk) or [district]
        old_issuer = olds[int(village.code[-2:]) % len(olds)]
        for n in range(max(1, round(6 * g.size))):
            households.append(Household(
                head_name=g.name("M" if rng.random() < 0.6 else "F"), village=village, members=rng.randint(1, 7),
                address=f"Số {rng.randint(1, 200)} ngõ {rng.randint(1, 300)} phố {rng.choice(STREETS)}",
            ))
        for year in YEARS:
            issuer = old_issuer if year < 2025 else ward
            if rng.random() < 0.85:
                awards.append(AwardRecord(unit=village, award_code="THON_VH", year=year, issuer=issuer, issuer_name=issuer_display_name(issuer),
                                          decision_number=g.decision_number(issuer, year, "THON_VH"), decision_date=dt.date(year, 12, 20)))
    Household.objects.bulk_create(households, batch_size=500)
    for household in households:
        ward = household.village.parent
        olds = old_wards_of.get(ward.pk) or [district]
        old_issuer = olds[int(household.village.code[-2:]) % len(olds)]
        for year in YEARS:
            if rng.random() < 0.8:
                issuer = old_issuer if year < 2025 else ward
                awards.append(AwardRecord(household=household, award_code="GDVH", year=year, issuer=issuer,
                                          issuer_name=issuer_display_name(issuer),
                                          decision_number=g.decision_number(issuer, year, "GDVH"), decision_date=dt.date(year, 12, 20)))

    YearRating.objects.bulk_create(ratings, batch_size=1000)
    AwardRecord.objects.bulk_create(awards, batch_size=1000)
    Discipline.objects.bulk_create(disciplines, batch_size=500)
    Initiative.objects.bulk_create(initiatives, batch_size=500)

    # --- Clusters ------------------------------------------------------------------------------------
    cluster = Cluster.objects.create(name="Cụm thi đua số 3 - các phường khu vực Đống Đa", kind="cum", organizer=province)
    rotation = {2025: "phuong_lang", 2026: "phuong_dong_da"}
    members = []
    for year, head in rotation.items():
        heads = [w.code for w in wards]
        deputy = heads[(heads.index(head) + 1) % len(heads)]
        for ward in wards:
            role = "head" if ward.code == head else "deputy" if ward.code == deputy else "member"
            members.append(ClusterMembership(cluster=cluster, unit=ward, year=year, role=role))
    dong_da = wards[0]
    schools = [u for u, (w, bp) in zip(level1, meta) if w.pk == dong_da.pk and bp is not None and bp.kind == UnitKind.SCHOOL]
    block = Cluster.objects.create(name="Khối thi đua các trường học phường Đống Đa", kind="khoi", organizer=dong_da)
    for i, year in enumerate((2025, 2026)):
        for j, school in enumerate(schools):
            role = "head" if j == (i + 2) % len(schools) else "member"
            members.append(ClusterMembership(cluster=block, unit=school, year=year, role=role))
    ClusterMembership.objects.bulk_create(members)

    # --- Accounts ------------------------------------------------------------------------------------
    users = _accounts()

    # --- Councils ------------------------------------------------------------------------------------
    start = dt.date(2025, 7, 15)
    council = Council.objects.create(name="Hội đồng Thi đua - Khen thưởng phường Đống Đa", kind="tdkt", unit=dong_da,
                                     established_on=start, decision_number="25/QĐ-UBND")
    leaders = {p.position: p for p in people if ward_of[p.pk].pk == dong_da.pk and p.is_leader}
    rows = [
        (named.get("chutich"), users["chutich"], "chair", "Chủ tịch UBND phường"),
        (named.get("truongphong"), users["truongphong"], "standing_vice", "Chánh Văn phòng HĐND và UBND phường"),
        (named.get("cumtruong"), users["cumtruong"], "vice", "Phó Chủ tịch UBND phường"),
        (named.get("hoidong"), users["hoidong"], "member", "Trưởng phòng Văn hóa - Xã hội"),
    ]
    for title in ("Trưởng phòng Kinh tế - Hạ tầng và Đô thị", "Giám đốc Trung tâm", "Trạm trưởng", "Hiệu trưởng"):
        if title in leaders:
            rows.append((leaders[title], None, "member", title))
    rows.append((named.get("thuky"), users["thuky"], "secretary", "Chuyên viên Văn phòng HĐND và UBND phường"))
    council_members = [CouncilMember(council=council, person=p, user=u, full_name=p.full_name if p else u.get_full_name(),
                                     title=t, role=r, start=start) for p, u, r, t in rows]
    initiative_council = Council.objects.create(name="Hội đồng sáng kiến phường Đống Đa", kind="sang_kien", unit=dong_da,
                                                established_on=dt.date(2025, 8, 1), decision_number="41/QĐ-UBND")
    sk_rows = [(named.get("cumtruong"), users["cumtruong"], "chair", "Phó Chủ tịch UBND phường")]
    for person in [p for p in people if ward_of[p.pk].pk == dong_da.pk and p.position == "Hiệu trưởng"]:
        sk_rows.append((person, None, "member", f"Hiệu trưởng {person.unit.name.removeprefix('Trường ')}"))
    sk_rows.append((named.get("bientap"), users["bientap"], "secretary", "Chuyên viên Phòng Văn hóa - Xã hội"))
    council_members += [CouncilMember(council=initiative_council, person=p, user=u, full_name=p.full_name, title=t, role=r,
                                      start=dt.date(2025, 8, 1)) for p, u, r, t in sk_rows]
    CouncilMember.objects.bulk_create(council_members)

    report.counts = {
        "units": Unit.objects.count(), "people": len(people), "households": len(households), "ratings": len(ratings),
        "awards": len(awards), "disciplines": len(disciplines), "initiatives": len(initiatives),
        "clusters": 2, "council_members": len(council_members), "accounts": len(users),
    }


def _accounts() -> dict:
    """Create (or reuse) the demo users and their role assignments."""
    from tdkt.accounts.models import RoleAssignment

    try:
        from tdkt.accounts.services import role_assign
    except ImportError:  # pragma: no cover - accounts services not installed
        role_assign = None
    User = get_user_model()
    password = make_password(PASSWORD)
    units = {u.code: u for u in Unit.objects.filter(code__in={a[3] for a in ACCOUNTS})}
    users = {}
    for username, full_name, _, _, superuser, _ in ACCOUNTS:
        first, _, last = full_name.rpartition(" ")
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"password": password, "first_name": first, "last_name": last, "is_staff": superuser,
                      "is_superuser": superuser, "email": f"{username}@tdkt.invalid"},
        )
        users[username] = user
    admin = users["quantri"]
    for username, _, role, scope, _, _ in ACCOUNTS:
        if role_assign is not None:
            role_assign(actor=admin, user=users[username], role=role, unit=units[scope], valid_from=REFORM_DAY)
        else:  # pragma: no cover
            RoleAssignment.objects.get_or_create(user=users[username], role=role, unit=units[scope], defaults={"valid_from": REFORM_DAY})
    return users
