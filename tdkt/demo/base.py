"""The demo's vocabulary: the accounts, the names, the blueprint of a ward's agencies and schools, and the
deterministic generator of names, citizen IDs and decision numbers."""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, field

from tdkt.org.models import Unit, UnitKind

PASSWORD = "TdktDemo@2026"
LOADED_ACTION = "core.demo.loaded"  # kept: databases loaded before the demo had its own app
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
    ("hiepy.congan", "Đinh Công Sơn", "agency", "cong_an_dong_da", False, None),
]
# The agencies asked for opinions on nominees (hiệp y), outside the wards' own units (no people of the demo work there):
# code, name, parent unit code. Công an phường belongs to Công an thành phố, not to the ward: it hangs from the city.
AGENCY_UNITS = [
    ("cong_an_dong_da", "Công an phường Đống Đa", "ha_noi"),
    ("cong_an_lang", "Công an phường Láng", "ha_noi"),
]
RESERVED_NAMES = frozenset({"Nguyễn Thị Thu Hà", "Trần Văn Hùng", *(a[1] for a in ACCOUNTS)})
ACCOUNT_GENDERS = {"quantri": "M", "canbo.dongda": "F", "canbo.lang": "M", "thamdinh": "F", "truongphong": "M",
                   "hoidong": "F", "thuky": "F", "chutich": "M", "cumtruong": "M", "bientap": "F",
                   "hiepy.congan": "M"}
ROLE_NAMES = {
    "admin": "Quản trị hệ thống", "unit_officer": "Cán bộ TĐKT đơn vị", "appraiser": "Chuyên viên thẩm định",
    "office_head": "Lãnh đạo cơ quan thường trực", "council_member": "Thành viên Hội đồng TĐKT",
    "council_secretary": "Thư ký Hội đồng TĐKT", "signer": "Người ký quyết định (Chủ tịch)",
    "cluster_head": "Trưởng cụm thi đua", "portal_editor": "Biên tập cổng thông tin",
    "agency": "Cơ quan được lấy ý kiến (hiệp y)",
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


class _Gen:
    def __init__(self, seed: int, size: float):
        self.rng = random.Random(seed)
        self.seed = seed
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
