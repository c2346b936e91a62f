"""Import of past history (xếp loại, khen thưởng, kỷ luật, sáng kiến) from Excel or JSON.

One row (or JSON object) = one person and one year, with any of: a rating, an award, a discipline, an
initiative. It runs on the one tabular import of `tdkt.core.tabular`: every row is checked, the report lists
every problem as "Dòng 7: ...", and if there is one nothing is imported (one transaction). People already in
the system are matched on their citizen ID (CCCD) or on (full name, date of birth) and the records attach to
them; the report says which rows matched. The import checks `records.import_history` on the unit; every
person and record it writes goes through the org and records services (their own checks and audit).

Public API (used by the web page and `tdkt records import`):
    history_import(*, actor, scope_unit, file, format) -> ImportReport
    import_template() -> bytes   (records.import_template)
    COLUMNS: the columns; JSON objects use their keys.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils import timezone

from tdkt.core import audit, tabular
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.core.tabular import Collector, Column, RowError
from tdkt.law import vocabulary as vocab
from tdkt.org import services as org_services
from tdkt.org.models import Gender, Person, Unit

from . import catalogue, services
from .import_units import resolve_unit, units_by_name
from .models import AwardRecord, AwardSource, Discipline, Initiative, WorkYear, YearRating

SHEET = "Lịch sử thành tích"
GUIDE_SHEET = "Hướng dẫn"
CODES_SHEET = "Danh mục mã"

COLUMNS: list[Column] = [
    Column("full_name", "Họ và tên", "Bắt buộc. Họ, chữ đệm và tên, có dấu."),
    Column("date_of_birth", "Ngày sinh (dd/mm/yyyy)", "Cần Ngày sinh hoặc Số CCCD để xác định cá nhân."),
    Column("citizen_id", "Số CCCD", "12 chữ số (ô định dạng văn bản để giữ số 0 đầu)."),
    Column("gender", "Giới tính (Nam/Nữ)", "Bắt buộc với cá nhân mới."),
    Column("unit", "Đơn vị (tên hoặc mã)", "Bắt buộc. Đơn vị công tác hiện tại, thuộc phạm vi được nhập: tên đơn vị như hiển thị "
           "trong hệ thống (danh sách ở cuối sheet “Hướng dẫn”) hoặc mã đơn vị.", aliases=("Mã đơn vị",)),
    Column("position", "Chức vụ", "Không bắt buộc (dùng khi tạo cá nhân mới)."),
    Column("joined_on", "Ngày tuyển dụng (dd/mm/yyyy)", "Không bắt buộc (dùng khi tạo cá nhân mới)."),
    Column("service_start", "Bắt đầu công tác liên tục (dd/mm/yyyy)",
           "Không bắt buộc. Ngày bắt đầu công tác liên tục tại đơn vị, kể cả thời gian hợp đồng lao động trước khi tuyển dụng "
           "được tính (TT 01/2024/TT-BNV); không sau Ngày tuyển dụng. Dùng để xét người mới tuyển dụng trong năm."),
    Column("year", "Năm", "Năm thành tích; bắt buộc khi dòng có xếp loại, khen thưởng, kỷ luật hoặc sáng kiến."),
    Column("rating", "Xếp loại (HTXSNV/HTTNV/HTNV/KHTNV)", "Mức độ hoàn thành nhiệm vụ của năm."),
    Column("award", "Danh hiệu/Hình thức (mã)", "Mã trong sheet “Danh mục mã”, ví dụ LDTT, CSTDCS, GIAY_KHEN."),
    Column("decision_number", "Số quyết định", "Ví dụ 1234/QĐ-UBND."),
    Column("decision_date", "Ngày quyết định", "dd/mm/yyyy."),
    Column("issuer", "Cơ quan ban hành", "Bắt buộc khi có khen thưởng: mã đơn vị (kể cả đơn vị đã giải thể, ví dụ quan_dong_da) hoặc tên cơ quan."),
    Column("discipline", "Hình thức kỷ luật", "Khiển trách, Cảnh cáo, Hạ bậc lương, Giáng chức, Cách chức, Buộc thôi việc (hoặc mã)."),
    Column("discipline_start", "Kỷ luật từ ngày", "dd/mm/yyyy; bắt buộc khi có kỷ luật."),
    Column("discipline_end", "Kỷ luật đến ngày", "dd/mm/yyyy; bắt buộc khi có kỷ luật."),
    Column("initiative", "Sáng kiến", "Tên sáng kiến, đề tài được công nhận trong năm."),
    Column("initiative_scope", "Phạm vi sáng kiến", "Cấp cơ sở, Cấp tỉnh, Toàn quốc (hoặc CO_SO, TINH, TOAN_QUOC)."),
    Column("initiative_used_for", "Sáng kiến đã làm căn cứ cho (mã, năm)",
           "Danh hiệu/hình thức mà sáng kiến ở dòng này đã làm căn cứ để khen, ví dụ “CSTDCS 2024” (không ghi năm: năm của dòng). "
           "Khen thưởng đó phải có trong hồ sơ hoặc trong tệp. Mỗi sáng kiến chỉ làm căn cứ cho một khen thưởng (CV 5007/BNV-TĐKT)."),
    Column("days_off", "Số ngày nghỉ làm việc trong năm",
           "Tổng số ngày làm việc đã nghỉ trong năm, kể cả nghỉ thai sản. Để trống khi chưa biết: tiêu chí cần thông tin này "
           "được ghi là chưa đủ căn cứ, không bao giờ coi là 0."),
    Column("maternity_days", "Trong đó nghỉ thai sản (ngày)",
           "Số ngày nghỉ thai sản theo Luật Bảo hiểm xã hội, nằm trong tổng số ngày nghỉ (không tính là ngày nghỉ khi xét LĐTT)."),
    Column("training_months", "Đào tạo, bồi dưỡng (số tháng)",
           "Thời gian đi học, đào tạo, bồi dưỡng trong năm. Từ 12 tháng trở lên: kết quả học tập thay cho xếp loại (TT 15/2025/TT-BNV Điều 2)."),
    Column("training_result", "Kết quả học tập", "Xuất sắc, Giỏi, Khá, Trung bình khá, Trung bình, Yếu (hoặc mã)."),
    Column("transfer_from", "Chuyển công tác từ đơn vị", "Tên đơn vị cũ khi cá nhân chuyển đến trong năm."),
    Column("transfer_months", "Số tháng ở đơn vị cũ", "Số tháng công tác ở đơn vị cũ trong năm (0–12)."),
    Column("transfer_comment", "Có nhận xét của đơn vị cũ (Có/Không)",
           "Từ 6 tháng trở lên ở đơn vị cũ thì phải có ý kiến nhận xét của đơn vị cũ mới xét được danh hiệu."),
]
WORK_YEAR_KEYS = ("days_off", "maternity_days", "training_months", "training_result", "transfer_from", "transfer_months",
                  "transfer_comment")
TABLE = tabular.Table(COLUMNS, SHEET, other_sheets=(GUIDE_SHEET, CODES_SHEET), required=("full_name", "unit"))
KEYS = TABLE.keys
MAX_ROWS = TABLE.max_rows


@dataclass
class ImportReport:
    ok: bool
    errors: list[RowError] = field(default_factory=list)
    created_people: int = 0
    matched_people: int = 0
    created_records: int = 0
    skipped_records: int = 0  # already in the ledger, identical: not imported twice
    notices: list[RowError] = field(default_factory=list)  # matches with existing people, skipped records
    row_label: str = "Dòng"  # what a row is called: "Dòng" (Excel) or "Bản ghi" (JSON)


_text, _date, _int, _choice = tabular.text, tabular.date, tabular.integer, tabular.choice


def _citizen_id(value) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A numeric cell lost its leading zeros: Excel shows 1234567890 for 001234567890.
        if isinstance(value, float) and not value.is_integer():
            raise DomainError("Số CCCD phải gồm đúng 12 chữ số.")
        digits = str(int(value))
        value = digits.zfill(12) if len(digits) < 12 else digits
    return org_services.clean_citizen_id(_text(value))


def _codes(key: str, vocabulary) -> list[tuple[str, str]]:
    """A list parameter's codes with their names (the choices of a cell)."""
    return [(code, vocab.label(vocabulary, code)) for code in sorted(catalogue.codes(key))]


def _hint(key: str) -> str:
    """'HTXSNV, HTTNV, HTNV hoặc KHTNV': the codes in force, in the catalogue's order."""
    current = catalogue.ordered(key, timezone.localdate().year)
    return ", ".join(current[:-1]) + f" hoặc {current[-1]}" if len(current) > 1 else "".join(current)


_GENDERS = [(Gender.MALE, "Nam"), (Gender.FEMALE, "Nữ"), (Gender.MALE, "M"), (Gender.FEMALE, "F")]
_SCOPE_ALIASES = [("CO_SO", "Cơ sở"), ("TINH", "Cấp tỉnh"), ("TINH", "Tỉnh"), ("TOAN_QUOC", "Cấp toàn quốc")]


@dataclass
class _Row:
    row: int
    prefix: str
    full_name: str = ""
    date_of_birth: dt.date | None = None
    citizen_id: str | None = None
    gender: str | None = None
    unit: Unit | None = None
    position: str = ""
    joined_on: dt.date | None = None
    year: int | None = None
    rating: str | None = None
    award: str | None = None
    decision_number: str = ""
    decision_date: dt.date | None = None
    issuer: Unit | None = None
    issuer_name: str = ""
    discipline: str | None = None
    discipline_start: dt.date | None = None
    discipline_end: dt.date | None = None
    initiative: str = ""
    initiative_scope: str | None = None
    initiative_used_for: tuple[str, int] | None = None
    service_start: dt.date | None = None
    work_year: dict | None = None  # the cleaned facts of the year (records.services.clean_work_year), or None
    identity: tuple | None = None
    person: Person | None = None
    match_reason: str = ""

    def has_records(self) -> bool:
        return bool(self.rating or self.award or self.discipline or self.initiative or self.work_year)


def _parse(index: int, raw: dict, *, prefix: str, units: dict[str, Unit], by_name: dict[str, list[Unit]], scope_unit: Unit,
           known: dict, out: Collector) -> _Row:
    row = _Row(row=index, prefix=prefix)
    if raw.get("__invalid__"):
        out.error(row, "Bản ghi phải là một đối tượng JSON.")
        return row

    def step(fn):
        try:
            return fn()
        except DomainError as exc:
            out.error(row, exc.message)
            return None

    row.full_name = _text(raw.get("full_name"))
    if not row.full_name:
        out.error(row, "Thiếu họ và tên.")
    else:
        row.full_name = step(lambda: org_services.clean_full_name(row.full_name)) or ""
    today = timezone.localdate()
    row.date_of_birth = step(lambda: _date(raw.get("date_of_birth"), "Ngày sinh"))
    if row.date_of_birth and row.date_of_birth > today:
        out.error(row, "Ngày sinh không được sau ngày hôm nay.")
    row.citizen_id = step(lambda: _citizen_id(raw.get("citizen_id")))
    row.gender = step(lambda: _choice(raw.get("gender"), _GENDERS, "Giới tính", "Nam hoặc Nữ"))
    if row.date_of_birth is None and row.citizen_id is None and not _text(raw.get("date_of_birth")) and not _text(raw.get("citizen_id")):
        out.error(row, "Cần có Ngày sinh hoặc Số CCCD để xác định cá nhân.")
    unit_value = _text(raw.get("unit"))
    if not unit_value:
        out.error(row, "Thiếu đơn vị (tên hoặc mã đơn vị).")
    else:
        row.unit = step(lambda: resolve_unit(unit_value, units=units, by_name=by_name, scope_unit=scope_unit, today=today))
    row.position = _text(raw.get("position"))
    row.joined_on = step(lambda: _date(raw.get("joined_on"), "Ngày tuyển dụng"))
    row.year = step(lambda: _int(raw.get("year"), "Năm"))
    row.rating = step(lambda: _choice(raw.get("rating"), _codes("rating.order", vocab.Rating), "Xếp loại", _hint("rating.order")))
    award = _text(raw.get("award")).upper()
    if award:
        if award not in known:
            out.error(row, f"Mã danh hiệu/hình thức “{award}” không có trong danh mục.")
        elif vocab.SubjectKind.INDIVIDUAL not in known[award][1]:
            out.error(row, f"{known[award][0]} không tặng cho cá nhân.")
        else:
            row.award = award
    row.decision_number = _text(raw.get("decision_number"))
    row.decision_date = step(lambda: _date(raw.get("decision_date"), "Ngày quyết định"))
    issuer = _text(raw.get("issuer"))
    if issuer in units:
        row.issuer = units[issuer]
    else:
        row.issuer_name = issuer
    if award and not issuer:
        out.error(row, "Thiếu cơ quan ban hành quyết định khen thưởng.")
    if not award and (row.decision_number or row.decision_date or issuer):
        out.error(row, "Có số, ngày quyết định hoặc cơ quan ban hành nhưng thiếu mã danh hiệu/hình thức.")
    row.discipline = step(lambda: _choice(raw.get("discipline"), _codes("discipline.order", vocab.DisciplineForm), "Hình thức kỷ luật",
                                          "Khiển trách, Cảnh cáo, Hạ bậc lương, Giáng chức, Cách chức, Buộc thôi việc"))
    row.discipline_start = step(lambda: _date(raw.get("discipline_start"), "Ngày bắt đầu kỷ luật"))
    row.discipline_end = step(lambda: _date(raw.get("discipline_end"), "Ngày kết thúc kỷ luật"))
    if row.discipline and (row.discipline_start is None or row.discipline_end is None):
        out.error(row, "Kỷ luật phải có “Kỷ luật từ ngày” và “Kỷ luật đến ngày”.")
    if not row.discipline and (row.discipline_start or row.discipline_end):
        out.error(row, "Có thời gian kỷ luật nhưng thiếu hình thức kỷ luật.")
    row.initiative = _text(raw.get("initiative"))
    row.initiative_scope = step(lambda: _choice(raw.get("initiative_scope"), [*_codes("initiative.scopes", vocab.InitiativeScope), *_SCOPE_ALIASES], "Phạm vi sáng kiến", "Cấp cơ sở, Cấp tỉnh hoặc Toàn quốc"))
    if row.initiative and not row.initiative_scope:
        out.error(row, "Sáng kiến phải có phạm vi (Cấp cơ sở, Cấp tỉnh hoặc Toàn quốc).")
    if row.initiative_scope and not row.initiative:
        out.error(row, "Có phạm vi sáng kiến nhưng thiếu tên sáng kiến.")
    row.initiative_used_for = step(lambda: _used_for(raw.get("initiative_used_for"), row.year, known))
    if row.initiative_used_for and not row.initiative:
        out.error(row, "Có “Sáng kiến đã làm căn cứ cho” nhưng thiếu tên sáng kiến.")
    if row.initiative_used_for and row.year is not None and row.initiative_used_for[1] < row.year:
        out.error(row, f"Khen thưởng năm {row.initiative_used_for[1]} trước năm công nhận sáng kiến ({row.year}).")
    row.service_start = step(lambda: _date(raw.get("service_start"), "Ngày bắt đầu công tác liên tục"))
    if row.service_start and row.service_start > today:
        out.error(row, "Ngày bắt đầu công tác liên tục không được sau ngày hôm nay.")
    if row.service_start and row.joined_on and row.service_start > row.joined_on:
        out.error(row, "Ngày bắt đầu công tác liên tục (kể cả thời gian hợp đồng) không được sau ngày tuyển dụng.")
    row.work_year = step(lambda: _work_year(raw))
    if (row.rating or row.award or row.initiative or row.work_year) and row.year is None and not _text(raw.get("year")):
        out.error(row, "Thiếu năm thành tích.")
    if row.year is not None and not services.MIN_YEAR <= row.year <= today.year:
        out.error(row, f"Năm phải từ {services.MIN_YEAR} đến {today.year}.")
    return row


_YES_NO = [("1", "Có"), ("0", "Không"), ("1", "x"), ("1", "true"), ("0", "false")]
_TRAINING = [(code, vocab.label(vocab.TrainingResult, code)) for code in vocab.TrainingResult.values]


def _work_year(raw: dict) -> dict | None:
    """The facts of the row's working year, checked as the ledger checks them; None when the row carries none."""
    if all(raw.get(key) in (None, "") for key in WORK_YEAR_KEYS):
        return None
    comment = raw.get("transfer_comment")
    if isinstance(comment, bool):
        comment = "1" if comment else "0"
    fields = {
        "days_off": raw.get("days_off"),
        "maternity_days": raw.get("maternity_days"),
        "training_months": raw.get("training_months"),
        "training_result": _choice(raw.get("training_result"), _TRAINING, "Kết quả học tập",
                                   "Xuất sắc, Giỏi, Khá, Trung bình khá, Trung bình hoặc Yếu") or "",
        "transfer_from": _text(raw.get("transfer_from")),
        "transfer_months": raw.get("transfer_months"),
        "transfer_comment": _choice(comment, _YES_NO, "Nhận xét của đơn vị cũ", "Có hoặc Không") == "1",
    }
    return services.clean_work_year(fields)


_USED_FOR = re.compile(r"^\s*([A-Za-z_]+)\s*(?:[/,\-]|\s+năm\s+|\s+)?\s*(\d{4})?\s*$", re.IGNORECASE)


def _used_for(value, year: int | None, known: dict) -> tuple[str, int] | None:
    """“CSTDCS 2024” (or “CSTDCS/2024”, or “CSTDCS”: the row's year) as (award code, year)."""
    raw = _text(value)
    if not raw:
        return None
    match = _USED_FOR.match(raw)
    if not match:
        raise DomainError(f"“Sáng kiến đã làm căn cứ cho” ghi “{raw}” không đúng dạng mã và năm (ví dụ CSTDCS 2024).")
    code = match[1].upper()
    if code not in known:
        raise DomainError(f"Mã danh hiệu/hình thức “{code}” (sáng kiến đã làm căn cứ cho) không có trong danh mục.")
    if match[2] is None and year is None:
        raise DomainError("“Sáng kiến đã làm căn cứ cho” cần năm của khen thưởng (ví dụ CSTDCS 2024).")
    return code, int(match[2]) if match[2] else year


def _identify(rows: list[_Row], out: Collector, scope_unit: Unit) -> None:
    """Group rows by person (CCCD, else name + date of birth) and match each group with existing people."""
    by_cccd: dict[str, _Row] = {}
    for row in rows:
        if row.citizen_id:
            first = by_cccd.setdefault(row.citizen_id, row)
            if first is not row and (first.full_name.casefold() != row.full_name.casefold()
                                     or (first.date_of_birth and row.date_of_birth and first.date_of_birth != row.date_of_birth)):
                out.error(row, f"Số CCCD {row.citizen_id} đã dùng ở dòng {first.row} cho người khác ({first.full_name}).")
    name_to_cccd = {(r.full_name.casefold(), r.date_of_birth): r.citizen_id for r in by_cccd.values() if r.date_of_birth}
    for row in rows:
        if row.citizen_id:
            row.identity = ("cccd", row.citizen_id)
        elif (row.full_name.casefold(), row.date_of_birth) in name_to_cccd:
            row.identity = ("cccd", name_to_cccd[(row.full_name.casefold(), row.date_of_birth)])
        else:
            row.identity = ("name", row.full_name.casefold(), row.date_of_birth)

    # Only the people of the scope are looked at: one outside it is, for this import, a person who does not exist
    # (a namesake is a new person; a citizen ID held outside gets the words of any citizen ID already taken).
    in_scope = Person.objects.filter(unit__path__startswith=scope_unit.path).select_related("unit")
    cccds = {r.identity[1] for r in rows if r.identity[0] == "cccd"}
    existing_by_cccd = {p.citizen_id: p for p in in_scope.filter(citizen_id__in=cccds)}
    taken = set(Person.objects.filter(citizen_id__in=cccds - set(existing_by_cccd)).values_list("citizen_id", flat=True))
    names = {r.full_name for r in rows}
    dobs = {r.date_of_birth for r in rows if r.date_of_birth}
    by_name: dict[tuple, list[Person]] = {}
    for p in in_scope.filter(full_name__in=names, date_of_birth__in=dobs):
        by_name.setdefault((p.full_name.casefold(), p.date_of_birth), []).append(p)

    resolved: dict[tuple, tuple[Person | None, str]] = {}
    for row in rows:
        if row.identity in resolved:
            row.person, row.match_reason = resolved[row.identity]
            continue
        person, reason = None, ""
        if row.identity[0] == "cccd" and row.identity[1] in existing_by_cccd:
            person, reason = existing_by_cccd[row.identity[1]], "khớp số CCCD"
        elif row.date_of_birth:
            candidates = by_name.get((row.full_name.casefold(), row.date_of_birth), [])
            if row.identity[0] == "cccd":
                candidates = [p for p in candidates if not p.citizen_id]
            if len(candidates) > 1:
                out.error(row, f"Có {len(candidates)} cá nhân cùng họ tên “{row.full_name}” và ngày sinh; hãy ghi số CCCD để phân biệt.")
            elif candidates:
                person, reason = candidates[0], "khớp họ tên và ngày sinh"
        if person is None and row.identity[0] == "cccd" and row.identity[1] in taken:
            out.error(row, org_services.CITIZEN_ID_TAKEN.format(row.identity[1]))
        resolved[row.identity] = (person, reason)
        row.person, row.match_reason = person, reason
    for row in rows:
        if row.person is None and row.full_name and row.gender is None:
            out.error(row, "Thiếu giới tính (Nam/Nữ) của cá nhân mới.")


def _in_file_duplicates(rows: list[_Row], out: Collector) -> None:
    seen_rating: dict[tuple, _Row] = {}
    seen: dict[tuple, _Row] = {}
    seen_start: dict[tuple, _Row] = {}
    for row in rows:
        if row.rating and row.year is not None:
            key = (row.identity, row.year)
            first = seen_rating.setdefault(key, row)
            if first is not row:
                if first.rating != row.rating:
                    out.error(row, f"Xếp loại năm {row.year} khác với dòng {first.row} ({first.rating}) của cùng cá nhân.")
                else:
                    out.error(row, f"Trùng xếp loại năm {row.year} với dòng {first.row}.")
        keys = []
        if row.award:
            keys.append((("award", row.identity, row.award, row.year), f"Trùng {row.award} năm {row.year} với dòng"))
        if row.discipline:
            keys.append((("discipline", row.identity, row.discipline, row.discipline_start), "Trùng kỷ luật với dòng"))
        if row.initiative:
            keys.append((("initiative", row.identity, row.year, row.initiative.casefold()), "Trùng sáng kiến với dòng"))
        if row.work_year:
            keys.append((("work_year", row.identity, row.year), f"Thông tin năm công tác {row.year} đã ghi ở dòng"))
        if row.service_start:
            first = seen_start.setdefault(row.identity, row)
            if first is not row and first.service_start != row.service_start:
                out.error(row, f"Ngày bắt đầu công tác liên tục khác với dòng {first.row} ({first.service_start:%d/%m/%Y}) của cùng cá nhân.")
        for key, text in keys:
            first = seen.setdefault(key, row)
            if first is not row:
                out.error(row, f"{text} {first.row}.")


# --- Import ------------------------------------------------------------------------------------------


def history_import(*, actor, scope_unit: Unit, file, format: str) -> ImportReport:
    """Check every row of `file` (xlsx or json) and import all of it, or nothing (the report says why)."""
    if scope_unit is None:
        raise DomainError("Phải chọn đơn vị (phạm vi) nhận dữ liệu.")
    require(actor, "records.import_history", scope_unit, message=f"Bạn không có quyền nhập lịch sử thành tích vào {scope_unit.name}.")
    raw_rows, label = TABLE.read(file, format)
    fmt = (format or "").lower().lstrip(".")

    out = Collector()
    codes = set()
    for _, raw in raw_rows:
        for key in ("unit", "issuer"):
            if raw.get(key) not in (None, ""):
                codes.add(_text(raw[key]))
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    names = {_text(raw["unit"]) for _, raw in raw_rows if raw.get("unit") not in (None, "")} - set(units)
    by_name = units_by_name(names, scope_unit)
    known = catalogue.award_catalogue()
    rows = [_parse(i, raw, prefix=f"{label} {i}", units=units, by_name=by_name, scope_unit=scope_unit, known=known, out=out)
            for i, raw in raw_rows]
    tabular.identical_rows(raw_rows, rows, label, out)
    # Who is who, and conflicts between rows, among the rows that are valid on their own.
    failed = out.failed_rows()
    sound = [r for r in rows if r.row not in failed]
    _identify(sound, out, scope_unit)
    _in_file_duplicates(sound, out)
    if out.errors:
        return ImportReport(ok=False, errors=out.sorted_errors(), row_label=label)

    report = ImportReport(ok=True, row_label=label)

    def write() -> None:
        _execute(rows, actor=actor, report=report, out=out)
        if not out.errors:
            audit.record(
                actor=actor, action="records.history.imported", target=scope_unit,
                data={"format": fmt, "rows": len(rows), "created_people": report.created_people,
                      "matched_people": report.matched_people, "created_records": report.created_records,
                      "skipped_records": report.skipped_records},
            )

    if not tabular.all_or_nothing(write, out):
        return ImportReport(ok=False, errors=out.sorted_errors(), row_label=label)
    report.notices = out.notices
    return report


def _execute(rows: list[_Row], *, actor, report: ImportReport, out: Collector) -> None:
    people: dict[tuple, Person] = {}
    for row in rows:
        try:
            person = people.get(row.identity)
            if person is None:
                if row.person is not None:
                    person = row.person
                    report.matched_people += 1
                    note = f"Ghép với cá nhân đã có: {person.full_name}" + (f", {person.unit.name}" if person.unit else "") + f" ({row.match_reason})."
                    if row.citizen_id and not person.citizen_id:
                        org_services.person_update(actor=actor, person=person, citizen_id=row.citizen_id)
                        note += f" Bổ sung số CCCD {row.citizen_id}."
                    out.notice(row, note)
                else:
                    years = [r.year for r in rows if r.identity == row.identity and r.year]
                    start = row.joined_on or (dt.date(min(years), 1, 1) if years else None)
                    person = org_services.person_create(
                        actor=actor, full_name=row.full_name, gender=row.gender, unit=row.unit,
                        date_of_birth=row.date_of_birth, citizen_id=row.citizen_id, position=row.position,
                        joined_on=row.joined_on, start=start, service_start=_first_service_start(rows, row.identity),
                    )
                    report.created_people += 1
                people[row.identity] = person
            _import_service_start(row, person, actor=actor, out=out)
            _import_records(row, person, actor=actor, report=report, out=out)
        except DomainError as exc:
            out.error(row, exc.message)
    # An initiative names the award it grounded once every row's awards are in the ledger.
    for row in rows:
        if row.initiative_used_for and row.identity in people:
            try:
                _import_initiative_use(row, people[row.identity], actor=actor, report=report, out=out)
            except DomainError as exc:
                out.error(row, exc.message)


def _first_service_start(rows: list[_Row], identity: tuple) -> dt.date | None:
    return next((r.service_start for r in rows if r.identity == identity and r.service_start), None)


def _import_service_start(row: _Row, person: Person, *, actor, out: Collector) -> None:
    """Fill in the start of continuous service of a person who has none; a different one is a conflict."""
    if row.service_start is None or person.service_start == row.service_start:
        return
    if person.service_start is not None:
        out.error(row, f"Hồ sơ đã ghi ngày bắt đầu công tác liên tục {person.service_start:%d/%m/%Y}, khác với "
                       f"{row.service_start:%d/%m/%Y} trong tệp.")
        return
    org_services.person_update(actor=actor, person=person, service_start=row.service_start)
    person.service_start = row.service_start
    out.notice(row, f"Bổ sung ngày bắt đầu công tác liên tục {row.service_start:%d/%m/%Y}.")


def _import_initiative_use(row: _Row, person: Person, *, actor, report: ImportReport, out: Collector) -> None:
    code, year = row.initiative_used_for
    initiative = Initiative.objects.filter(person=person, year=row.year, title=row.initiative).first()
    award = AwardRecord.objects.filter(person=person, award_code=code, year=year, revocation__isnull=True).first()
    if award is None:
        out.error(row, f"Hồ sơ và tệp không có {catalogue.award_label(code)} năm {year} của {person.full_name} để ghi "
                       f"sáng kiến làm căn cứ.")
        return
    if initiative.used_for_id == award.pk:
        report.skipped_records += 1
        out.notice(row, f"Sáng kiến “{row.initiative}” đã ghi làm căn cứ cho {catalogue.award_label(code)} năm {year}, bỏ qua.")
        return
    services.initiative_use(actor=actor, initiative=initiative, award=award)
    report.created_records += 1


def _import_records(row: _Row, person: Person, *, actor, report: ImportReport, out: Collector) -> None:
    if row.rating:
        existing = YearRating.objects.filter(person=person, year=row.year).first()
        if existing is None:
            services.rating_set(actor=actor, person=person, year=row.year, rating=row.rating)
            report.created_records += 1
        elif existing.rating == row.rating:
            report.skipped_records += 1
            out.notice(row, f"Xếp loại năm {row.year} đã có trong hồ sơ, bỏ qua.")
        else:
            out.error(row, f"Hồ sơ đã có xếp loại năm {row.year} là {existing.rating}, khác với {row.rating} trong tệp.")
    if row.award:
        if AwardRecord.objects.filter(person=person, award_code=row.award, year=row.year, revocation__isnull=True).exists():
            report.skipped_records += 1
            out.notice(row, f"{row.award} năm {row.year} đã có trong hồ sơ, bỏ qua.")
        else:
            services.award_add(
                actor=actor, person=person, award_code=row.award, year=row.year, decision_number=row.decision_number,
                decision_date=row.decision_date, issuer=row.issuer, issuer_name=row.issuer_name, source=AwardSource.IMPORTED,
            )
            report.created_records += 1
    if row.discipline:
        if Discipline.objects.filter(person=person, form=row.discipline, start=row.discipline_start).exists():
            report.skipped_records += 1
            out.notice(row, "Kỷ luật đã có trong hồ sơ, bỏ qua.")
        else:
            services.discipline_add(actor=actor, person=person, form=row.discipline, start=row.discipline_start, end=row.discipline_end)
            report.created_records += 1
    if row.work_year:
        existing = WorkYear.objects.filter(person=person, year=row.year).first()
        if existing is None:
            services.work_year_set(actor=actor, person=person, year=row.year, **row.work_year)
            report.created_records += 1
        elif all(getattr(existing, key) == row.work_year[key] for key in WORK_YEAR_KEYS):
            report.skipped_records += 1
            out.notice(row, f"Thông tin năm công tác {row.year} đã có trong hồ sơ, bỏ qua.")
        else:
            out.error(row, f"Hồ sơ đã có thông tin năm công tác {row.year} khác với tệp; hãy sửa trên trang cá nhân.")
    if row.initiative:
        if Initiative.objects.filter(person=person, year=row.year, title=row.initiative).exists():
            report.skipped_records += 1
            out.notice(row, f"Sáng kiến “{row.initiative}” đã có trong hồ sơ, bỏ qua.")
        else:
            services.initiative_add(actor=actor, person=person, year=row.year, title=row.initiative, scope=row.initiative_scope)
            report.created_records += 1


def import_template(units=None) -> bytes:
    """The Excel template (records.import_template); `units`: the units listed on its guide sheet."""
    from .import_template import import_template as build

    return build(units)


def template_rows_to_xlsx(rows, units=None) -> bytes:
    """The template filled with rows (dicts by column key): for tests, exports and examples."""
    from .import_template import template_rows_to_xlsx as fill

    return fill(rows, units)
