"""Import of past history (xếp loại, khen thưởng, kỷ luật, sáng kiến) from Excel or JSON.

One row (or JSON object) = one person and one year, with any of: a rating, an award, a discipline, an
initiative. Every row is checked; the report lists every problem as "Dòng 7: ..." and, if there is one,
nothing is imported (one transaction). People already in the system are matched on their citizen ID
(CCCD) or on (full name, date of birth) and the records attach to them; the report says which rows matched.

Public API (used by the web page and `tdkt records import`):
    history_import(*, actor, scope_unit, file, format) -> ImportReport
    import_template() -> bytes
    COLUMNS: (key, Excel header, description) of each column; JSON objects use the keys.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import transaction
from django.utils import timezone

from tdkt.core import audit, vntext
from tdkt.core.errors import DomainError
from tdkt.org import services as org_services
from tdkt.org.models import Gender, Person, Unit

from . import catalogue, services
from .models import AwardRecord, Discipline, DisciplineForm, Initiative, InitiativeScope, Rating, YearRating

SHEET = "Lịch sử thành tích"
GUIDE_SHEET = "Hướng dẫn"
CODES_SHEET = "Danh mục mã"
MAX_ROWS = 20_000

COLUMNS: list[tuple[str, str, str]] = [
    ("full_name", "Họ và tên", "Bắt buộc. Họ, chữ đệm và tên, có dấu."),
    ("date_of_birth", "Ngày sinh (dd/mm/yyyy)", "Cần Ngày sinh hoặc Số CCCD để xác định cá nhân."),
    ("citizen_id", "Số CCCD", "12 chữ số (ô định dạng văn bản để giữ số 0 đầu)."),
    ("gender", "Giới tính (Nam/Nữ)", "Bắt buộc với cá nhân mới."),
    ("unit", "Mã đơn vị", "Bắt buộc. Mã đơn vị công tác hiện tại, thuộc phạm vi được nhập."),
    ("position", "Chức vụ", "Không bắt buộc (dùng khi tạo cá nhân mới)."),
    ("joined_on", "Ngày tuyển dụng (dd/mm/yyyy)", "Không bắt buộc (dùng khi tạo cá nhân mới)."),
    ("year", "Năm", "Năm thành tích; bắt buộc khi dòng có xếp loại, khen thưởng, kỷ luật hoặc sáng kiến."),
    ("rating", "Xếp loại (HTXSNV/HTTNV/HTNV/KHTNV)", "Mức độ hoàn thành nhiệm vụ của năm."),
    ("award", "Danh hiệu/Hình thức (mã)", "Mã trong sheet “Danh mục mã”, ví dụ LDTT, CSTDCS, GIAY_KHEN."),
    ("decision_number", "Số quyết định", "Ví dụ 1234/QĐ-UBND."),
    ("decision_date", "Ngày quyết định", "dd/mm/yyyy."),
    ("issuer", "Cơ quan ban hành", "Bắt buộc khi có khen thưởng: mã đơn vị (kể cả đơn vị đã giải thể, ví dụ quan_dong_da) hoặc tên cơ quan."),
    ("discipline", "Hình thức kỷ luật", "Khiển trách, Cảnh cáo, Hạ bậc lương, Giáng chức, Cách chức, Buộc thôi việc (hoặc mã)."),
    ("discipline_start", "Kỷ luật từ ngày", "dd/mm/yyyy; bắt buộc khi có kỷ luật."),
    ("discipline_end", "Kỷ luật đến ngày", "dd/mm/yyyy; bắt buộc khi có kỷ luật."),
    ("initiative", "Sáng kiến", "Tên sáng kiến, đề tài được công nhận trong năm."),
    ("initiative_scope", "Phạm vi sáng kiến", "Cấp cơ sở, Cấp tỉnh, Toàn quốc (hoặc CO_SO, TINH, TOAN_QUOC)."),
]
KEYS = [c[0] for c in COLUMNS]
REQUIRED_HEADERS = ("full_name", "unit")


@dataclass(frozen=True)
class RowError:
    row: int | None  # spreadsheet row (or JSON record number); None for the file as a whole
    message: str  # full Vietnamese text, "Dòng 7: ..."
    detail: str = ""  # the same without the row prefix


@dataclass
class ImportReport:
    ok: bool
    errors: list[RowError] = field(default_factory=list)
    created_people: int = 0
    matched_people: int = 0
    created_records: int = 0
    skipped_records: int = 0  # already in the ledger, identical: not imported twice
    notices: list[RowError] = field(default_factory=list)  # matches with existing people, skipped records


class _Rollback(Exception):
    pass


# --- Reading -----------------------------------------------------------------------------------------


def _read_bytes(file) -> bytes:
    if isinstance(file, (bytes, bytearray)):
        return bytes(file)
    if isinstance(file, (str, Path)):
        return Path(file).read_bytes()
    if hasattr(file, "seek"):
        try:
            file.seek(0)
        except (OSError, ValueError):
            pass
    if hasattr(file, "chunks"):
        return b"".join(file.chunks())
    data = file.read()
    return data.encode("utf-8") if isinstance(data, str) else data


def _header_key(text) -> str | None:
    norm = vntext.nfc(str(text or "")).casefold()
    if not norm:
        return None
    for key, header, _ in COLUMNS:
        h = header.casefold()
        if norm == h or norm == key or norm == h.split(" (")[0]:
            return key
    return None


def _rows_from_xlsx(data: bytes) -> list[tuple[int, dict]]:
    from python_calamine import CalamineError, load_workbook

    try:
        book = load_workbook(io.BytesIO(data))
    except (CalamineError, ValueError, OSError) as exc:
        raise DomainError("Không đọc được tệp Excel (.xlsx). Hãy dùng tệp mẫu của hệ thống.") from exc
    names = book.sheet_names
    name = SHEET if SHEET in names else next((n for n in names if n not in (GUIDE_SHEET, CODES_SHEET)), None)
    if name is None:
        raise DomainError(f"Tệp không có sheet “{SHEET}”.")
    table = book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    if not table:
        raise DomainError("Tệp không có dữ liệu.")
    header = table[0]
    columns = {i: _header_key(h) for i, h in enumerate(header)}
    present = {k for k in columns.values() if k}
    missing = [h for k, h, _ in COLUMNS if k in REQUIRED_HEADERS and k not in present]
    if missing:
        raise DomainError("Thiếu cột: " + ", ".join(f"“{h}”" for h in missing) + ". Hãy dùng tệp mẫu của hệ thống.")
    rows = []
    for index, values in enumerate(table[1:], start=2):
        record = {columns[i]: v for i, v in enumerate(values) if columns.get(i)}
        if all(v in ("", None) for v in record.values()):
            continue
        rows.append((index, record))
    return rows


def _rows_from_json(data: bytes) -> list[tuple[int, dict]]:
    try:
        payload = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DomainError("Tệp JSON sai cú pháp.") from exc
    if isinstance(payload, dict):
        payload = payload.get("records")
    if not isinstance(payload, list):
        raise DomainError("Tệp JSON phải là một danh sách bản ghi (hoặc một đối tượng có khóa “records”).")
    rows = []
    for index, item in enumerate(payload, start=1):
        if not isinstance(item, dict):
            rows.append((index, {"__invalid__": True}))
            continue
        record = {}
        for key, value in item.items():
            k = key if key in KEYS else _header_key(key)
            if k:
                record[k] = value
        rows.append((index, record))
    return rows


# --- Cell parsing ------------------------------------------------------------------------------------

_DATE_RE = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ISO_RE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$")


def _text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return vntext.nfc(str(value))


def _date(value, label: str) -> dt.date | None:
    if value in (None, ""):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = _text(value)
    m = _DATE_RE.match(text)
    try:
        if m:
            return dt.date(int(m[3]), int(m[2]), int(m[1]))
        m = _ISO_RE.match(text)
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        pass
    raise DomainError(f"{label} “{text}” không đúng định dạng ngày dd/mm/yyyy.")


def _int(value, label: str) -> int | None:
    if value in (None, ""):
        return None
    if isinstance(value, bool):
        raise DomainError(f"{label} không hợp lệ.")
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    text = _text(value)
    if text.isdigit():
        return int(text)
    raise DomainError(f"{label} “{text}” phải là số.")


def _citizen_id(value) -> str | None:
    if value in (None, ""):
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # A numeric cell lost its leading zeros: Excel shows 1234567890 for 001234567890.
        if isinstance(value, float) and not value.is_integer():
            raise DomainError("Số CCCD phải gồm đúng 12 chữ số.")
        text = str(int(value))
        value = text.zfill(12) if len(text) < 12 else text
    return org_services.clean_citizen_id(_text(value))


def _choice(value, choices, label: str, hint: str) -> str | None:
    text = _text(value)
    if not text:
        return None
    folded = text.casefold()
    for code, name in choices:
        if folded in (code.casefold(), name.casefold()):
            return code
    raise DomainError(f"{label} “{text}” không hợp lệ ({hint}).")


_GENDERS = [(Gender.MALE, "Nam"), (Gender.FEMALE, "Nữ"), (Gender.MALE, "M"), (Gender.FEMALE, "F")]
_SCOPES = [*InitiativeScope.choices, ("CO_SO", "Cơ sở"), ("TINH", "Cấp tỉnh"), ("TINH", "Tỉnh"), ("TOAN_QUOC", "Cấp toàn quốc")]


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
    identity: tuple | None = None
    person: Person | None = None
    match_reason: str = ""

    def has_records(self) -> bool:
        return bool(self.rating or self.award or self.discipline or self.initiative)


class _Collector:
    def __init__(self):
        self.errors: list[RowError] = []
        self.notices: list[RowError] = []

    def error(self, row: _Row | None, detail: str) -> None:
        self.errors.append(RowError(row.row if row else None, f"{row.prefix}: {detail}" if row else detail, detail))

    def notice(self, row: _Row, detail: str) -> None:
        self.notices.append(RowError(row.row, f"{row.prefix}: {detail}", detail))


def _parse(index: int, raw: dict, *, prefix: str, units: dict[str, Unit], scope_unit: Unit, known: dict, out: _Collector) -> _Row:
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
    elif len(row.full_name) > 150:
        out.error(row, "Họ và tên quá dài (tối đa 150 ký tự).")
    today = timezone.localdate()
    row.date_of_birth = step(lambda: _date(raw.get("date_of_birth"), "Ngày sinh"))
    if row.date_of_birth and row.date_of_birth > today:
        out.error(row, "Ngày sinh không được sau ngày hôm nay.")
    row.citizen_id = step(lambda: _citizen_id(raw.get("citizen_id")))
    row.gender = step(lambda: _choice(raw.get("gender"), _GENDERS, "Giới tính", "Nam hoặc Nữ"))
    if row.date_of_birth is None and row.citizen_id is None and not _text(raw.get("date_of_birth")) and not _text(raw.get("citizen_id")):
        out.error(row, "Cần có Ngày sinh hoặc Số CCCD để xác định cá nhân.")
    code = _text(raw.get("unit"))
    if not code:
        out.error(row, "Thiếu mã đơn vị.")
    elif code not in units:
        out.error(row, f"Mã đơn vị “{code}” không tồn tại.")
    else:
        unit = units[code]
        if not unit.path.startswith(scope_unit.path):
            out.error(row, f"Đơn vị “{code}” ({unit.name}) không thuộc phạm vi {scope_unit.name}.")
        elif unit.valid_to is not None and unit.valid_to < today:
            out.error(row, f"Đơn vị “{code}” ({unit.name}) đã giải thể; hãy ghi đơn vị công tác hiện tại.")
        else:
            row.unit = unit
    row.position = _text(raw.get("position"))
    row.joined_on = step(lambda: _date(raw.get("joined_on"), "Ngày tuyển dụng"))
    row.year = step(lambda: _int(raw.get("year"), "Năm"))
    row.rating = step(lambda: _choice(raw.get("rating"), Rating.choices, "Xếp loại", "HTXSNV, HTTNV, HTNV hoặc KHTNV"))
    award = _text(raw.get("award")).upper()
    if award:
        if award not in known:
            out.error(row, f"Mã danh hiệu/hình thức “{award}” không có trong danh mục.")
        elif catalogue.INDIVIDUAL not in known[award][1]:
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
    row.discipline = step(lambda: _choice(raw.get("discipline"), DisciplineForm.choices, "Hình thức kỷ luật",
                                          "Khiển trách, Cảnh cáo, Hạ bậc lương, Giáng chức, Cách chức, Buộc thôi việc"))
    row.discipline_start = step(lambda: _date(raw.get("discipline_start"), "Ngày bắt đầu kỷ luật"))
    row.discipline_end = step(lambda: _date(raw.get("discipline_end"), "Ngày kết thúc kỷ luật"))
    if row.discipline and (row.discipline_start is None or row.discipline_end is None):
        out.error(row, "Kỷ luật phải có “Kỷ luật từ ngày” và “Kỷ luật đến ngày”.")
    if not row.discipline and (row.discipline_start or row.discipline_end):
        out.error(row, "Có thời gian kỷ luật nhưng thiếu hình thức kỷ luật.")
    row.initiative = _text(raw.get("initiative"))
    row.initiative_scope = step(lambda: _choice(raw.get("initiative_scope"), _SCOPES, "Phạm vi sáng kiến", "Cấp cơ sở, Cấp tỉnh hoặc Toàn quốc"))
    if row.initiative and not row.initiative_scope:
        out.error(row, "Sáng kiến phải có phạm vi (Cấp cơ sở, Cấp tỉnh hoặc Toàn quốc).")
    if row.initiative_scope and not row.initiative:
        out.error(row, "Có phạm vi sáng kiến nhưng thiếu tên sáng kiến.")
    if (row.rating or row.award or row.initiative) and row.year is None and not _text(raw.get("year")):
        out.error(row, "Thiếu năm thành tích.")
    if row.year is not None and not services.MIN_YEAR <= row.year <= today.year:
        out.error(row, f"Năm phải từ {services.MIN_YEAR} đến {today.year}.")
    return row


def _identify(rows: list[_Row], out: _Collector, scope_unit: Unit) -> None:
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

    cccds = {r.identity[1] for r in rows if r.identity[0] == "cccd"}
    existing_by_cccd = {p.citizen_id: p for p in Person.objects.filter(citizen_id__in=cccds).select_related("unit")}
    names = {r.full_name for r in rows}
    dobs = {r.date_of_birth for r in rows if r.date_of_birth}
    by_name: dict[tuple, list[Person]] = {}
    for p in Person.objects.filter(full_name__in=names, date_of_birth__in=dobs).select_related("unit"):
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
        if person is not None and not (person.unit and person.unit.path.startswith(scope_unit.path)):
            out.error(row, f"{person.full_name} ({reason}) đang thuộc đơn vị ngoài phạm vi {scope_unit.name}.")
            person = None
        resolved[row.identity] = (person, reason)
        row.person, row.match_reason = person, reason
    for row in rows:
        if row.person is None and row.full_name and row.gender is None:
            out.error(row, "Thiếu giới tính (Nam/Nữ) của cá nhân mới.")


def _in_file_duplicates(rows: list[_Row], out: _Collector) -> None:
    seen_rating: dict[tuple, _Row] = {}
    seen: dict[tuple, _Row] = {}
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
        for key, text in keys:
            first = seen.setdefault(key, row)
            if first is not row:
                out.error(row, f"{text} {first.row}.")


# --- Import ------------------------------------------------------------------------------------------


def history_import(*, actor, scope_unit: Unit, file, format: str) -> ImportReport:
    """Check every row of `file` (xlsx or json) and import all of it, or nothing (the report says why)."""
    if scope_unit is None:
        raise DomainError("Phải chọn đơn vị (phạm vi) nhận dữ liệu.")
    fmt = (format or "").lower().lstrip(".")
    data = _read_bytes(file)
    if not data:
        raise DomainError("Tệp rỗng.")
    if fmt == "xlsx":
        raw_rows = _rows_from_xlsx(data)
        label = "Dòng"
    elif fmt == "json":
        raw_rows = _rows_from_json(data)
        label = "Bản ghi"
    else:
        raise DomainError("Chỉ nhận tệp .xlsx hoặc .json.")
    if not raw_rows:
        raise DomainError("Tệp không có dòng dữ liệu nào.")
    if len(raw_rows) > MAX_ROWS:
        raise DomainError(f"Tệp có {len(raw_rows)} dòng, vượt quá giới hạn {MAX_ROWS} dòng mỗi lần nhập.")

    out = _Collector()
    codes = set()
    for _, raw in raw_rows:
        for key in ("unit", "issuer"):
            if raw.get(key) not in (None, ""):
                codes.add(_text(raw[key]))
    units = {u.code: u for u in Unit.objects.filter(code__in=codes)}
    known = catalogue.award_catalogue()
    rows = [_parse(i, raw, prefix=f"{label} {i}", units=units, scope_unit=scope_unit, known=known, out=out) for i, raw in raw_rows]

    # Identical rows.
    seen_raw: dict[str, int] = {}
    for (index, raw), row in zip(raw_rows, rows):
        fingerprint = json.dumps({k: _text(v) if not isinstance(v, (dt.date, dt.datetime)) else v.isoformat() for k, v in raw.items()},
                                 sort_keys=True, ensure_ascii=False)
        if fingerprint in seen_raw:
            out.error(row, f"Dòng trùng hoàn toàn với {label.lower()} {seen_raw[fingerprint]}.")
        else:
            seen_raw[fingerprint] = index
    # Who is who, and conflicts between rows, among the rows that are valid on their own.
    failed = {e.row for e in out.errors}
    sound = [r for r in rows if r.row not in failed]
    _identify(sound, out, scope_unit)
    _in_file_duplicates(sound, out)
    if out.errors:
        return ImportReport(ok=False, errors=_sorted(out.errors))

    report = ImportReport(ok=True)
    try:
        with transaction.atomic():
            _execute(rows, actor=actor, report=report, out=out)
            if out.errors:
                raise _Rollback
            audit.record(
                actor=actor, action="records.history.imported", target=scope_unit,
                data={"format": fmt, "rows": len(rows), "created_people": report.created_people,
                      "matched_people": report.matched_people, "created_records": report.created_records,
                      "skipped_records": report.skipped_records},
            )
    except _Rollback:
        return ImportReport(ok=False, errors=_sorted(out.errors))
    report.notices = out.notices
    return report


def _sorted(errors: list[RowError]) -> list[RowError]:
    return sorted(errors, key=lambda e: (e.row or 0))


def _execute(rows: list[_Row], *, actor, report: ImportReport, out: _Collector) -> None:
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
                        joined_on=row.joined_on, start=start,
                    )
                    report.created_people += 1
                people[row.identity] = person
            _import_records(row, person, actor=actor, report=report, out=out)
        except DomainError as exc:
            out.error(row, exc.message)


def _import_records(row: _Row, person: Person, *, actor, report: ImportReport, out: _Collector) -> None:
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
        if AwardRecord.objects.filter(person=person, award_code=row.award, year=row.year, revoked_on__isnull=True).exists():
            report.skipped_records += 1
            out.notice(row, f"{row.award} năm {row.year} đã có trong hồ sơ, bỏ qua.")
        else:
            services.award_add(
                actor=actor, person=person, award_code=row.award, year=row.year, decision_number=row.decision_number,
                decision_date=row.decision_date, issuer=row.issuer, issuer_name=row.issuer_name,
            )
            report.created_records += 1
    if row.discipline:
        if Discipline.objects.filter(person=person, form=row.discipline, start=row.discipline_start).exists():
            report.skipped_records += 1
            out.notice(row, "Kỷ luật đã có trong hồ sơ, bỏ qua.")
        else:
            services.discipline_add(actor=actor, person=person, form=row.discipline, start=row.discipline_start, end=row.discipline_end)
            report.created_records += 1
    if row.initiative:
        if Initiative.objects.filter(person=person, year=row.year, title=row.initiative).exists():
            report.skipped_records += 1
            out.notice(row, f"Sáng kiến “{row.initiative}” đã có trong hồ sơ, bỏ qua.")
        else:
            services.initiative_add(actor=actor, person=person, year=row.year, title=row.initiative, scope=row.initiative_scope)
            report.created_records += 1


# --- Template ----------------------------------------------------------------------------------------

GUIDE = [
    "Mỗi dòng của sheet “Lịch sử thành tích” là một cá nhân trong một năm, kèm một hoặc nhiều thông tin: xếp loại, "
    "một danh hiệu/hình thức khen thưởng, một kỷ luật, một sáng kiến. Một người có nhiều năm thì ghi nhiều dòng.",
    "Dòng 1 là tiêu đề cột, không sửa. Dữ liệu bắt đầu từ dòng 2. Dòng trống được bỏ qua.",
    "Ngày ghi dạng dd/mm/yyyy (ví dụ 05/09/2024) hoặc ô định dạng ngày của Excel.",
    "Cá nhân đã có trong hệ thống được nhận ra theo Số CCCD, hoặc theo Họ và tên cùng Ngày sinh: dữ liệu được ghép "
    "vào hồ sơ đã có, không tạo trùng. Cá nhân mới được tạo tại đơn vị ghi ở cột “Mã đơn vị”.",
    "Mọi dòng được kiểm tra trước khi nhập. Nếu có dù chỉ một dòng sai, không dòng nào được nhập; danh sách lỗi ghi "
    "rõ số dòng (ví dụ “Dòng 7: Số CCCD phải gồm đúng 12 chữ số”).",
    "Thông tin đã có sẵn trong hồ sơ (cùng xếp loại, cùng danh hiệu cùng năm...) được bỏ qua, nên có thể nhập lại "
    "cùng một tệp mà không sinh trùng.",
    "Có thể nhập tệp JSON thay cho Excel: một danh sách đối tượng, mỗi đối tượng dùng các khóa ở cột “Khóa JSON” dưới đây, "
    'ví dụ [{"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "gender": "Nam", "unit": "thcs_dong_da", '
    '"year": 2024, "rating": "HTXSNV", "award": "CSTDCS", "decision_number": "123/QĐ-UBND", '
    '"decision_date": "15/01/2025", "issuer": "quan_dong_da"}].',
]


def import_template() -> bytes:
    """The Excel template: data sheet with Vietnamese headers and drop-downs, a guide sheet, the code lists."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    bold = Font(bold=True)
    fill = PatternFill("solid", fgColor="FDE9D9")
    for col, (key, header, _) in enumerate(COLUMNS, start=1):
        cell = sheet.cell(row=1, column=col, value=header)
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        letter = get_column_letter(col)
        sheet.column_dimensions[letter].width = max(14, min(len(header) + 4, 36))
        if key in ("citizen_id", "date_of_birth", "joined_on", "decision_date", "discipline_start", "discipline_end",
                   "decision_number", "unit", "issuer"):
            for r in range(2, 1002):
                sheet.cell(row=r, column=col).number_format = "@"
    sheet.freeze_panes = "A2"
    lists = {
        "gender": '"Nam,Nữ"',
        "rating": '"HTXSNV,HTTNV,HTNV,KHTNV"',
        "discipline": '"' + ",".join(name for _, name in DisciplineForm.choices) + '"',
        "initiative_scope": '"' + ",".join(name for _, name in InitiativeScope.choices) + '"',
    }
    for key, formula in lists.items():
        col = get_column_letter(KEYS.index(key) + 1)
        validation = DataValidation(type="list", formula1=formula, allow_blank=True)
        validation.add(f"{col}2:{col}1001")
        sheet.add_data_validation(validation)

    guide = book.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 34
    guide.column_dimensions["B"].width = 20
    guide.column_dimensions["C"].width = 90
    guide.append(["Hướng dẫn nhập lịch sử thành tích"])
    guide["A1"].font = Font(bold=True, size=14)
    for line in GUIDE:
        guide.append([None, None, line])
        guide.cell(row=guide.max_row, column=3).alignment = Alignment(wrap_text=True)
    guide.append([])
    guide.append(["Cột", "Khóa JSON", "Ý nghĩa"])
    for c in range(1, 4):
        guide.cell(row=guide.max_row, column=c).font = bold
    for key, header, description in COLUMNS:
        guide.append([header, key, description])
    guide.append([])
    guide.append(["Ví dụ một dòng"])
    guide.cell(row=guide.max_row, column=1).font = bold
    guide.append([h for _, h, _ in COLUMNS])
    guide.append(["Nguyễn Văn An", "12/03/1985", "001085012345", "Nam", "thcs_dong_da", "Giáo viên", "01/09/2010", 2024,
                  "HTXSNV", "CSTDCS", "123/QĐ-UBND", "15/01/2025", "quan_dong_da", "", "", "",
                  "Đổi mới phương pháp dạy học", "Cấp cơ sở"])

    codes = book.create_sheet(CODES_SHEET)
    codes.column_dimensions["A"].width = 16
    codes.column_dimensions["B"].width = 60
    codes.append(["Mã", "Danh hiệu / hình thức khen thưởng"])
    codes["A1"].font = codes["B1"].font = bold
    for code, (name, subjects) in sorted(catalogue.award_catalogue().items()):
        if catalogue.INDIVIDUAL in subjects:
            codes.append([code, name])
    codes.append([])
    codes.append(["Mã", "Xếp loại"])
    for code, name in Rating.choices:
        codes.append([code, name])
    codes.append([])
    codes.append(["Mã", "Hình thức kỷ luật"])
    for code, name in DisciplineForm.choices:
        codes.append([code, name])
    codes.append([])
    codes.append(["Mã", "Phạm vi sáng kiến"])
    for code, name in InitiativeScope.choices:
        codes.append([code, name])

    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def template_rows_to_xlsx(rows: Iterable[dict]) -> bytes:
    """Fill the template's data sheet with rows (dicts by column key): for tests, exports and examples."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(import_template()))
    sheet = book[SHEET]
    for r, row in enumerate(rows, start=2):
        for key, value in row.items():
            sheet.cell(row=r, column=KEYS.index(key) + 1, value=value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
