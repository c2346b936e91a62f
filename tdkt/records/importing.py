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
from dataclasses import dataclass, field

from django.utils import timezone

from tdkt.core import audit, tabular
from tdkt.core.errors import DomainError
from tdkt.core.permissions import require
from tdkt.core.tabular import Collector, Column, RowError
from tdkt.law import vocabulary as vocab
from tdkt.org import services as org_services
from tdkt.org.models import Gender, Person, Unit

from . import catalogue, changes, services
from . import import_facts as facts
from .import_checks import identify, in_file_duplicates
from .import_facts import FACT_COLUMNS, SERVICE_START_COLUMN
from .import_units import resolve_unit, units_by_name
from .models import AwardRecord, AwardSource, Discipline, Initiative, YearRating

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
    SERVICE_START_COLUMN,
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
    *FACT_COLUMNS,
]
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
    row.initiative_used_for = step(lambda: facts.used_for_cell(raw.get("initiative_used_for"), row.year, known))
    if row.initiative_used_for and not row.initiative:
        out.error(row, "Có “Sáng kiến đã làm căn cứ cho” nhưng thiếu tên sáng kiến.")
    if row.initiative_used_for and row.year is not None and row.initiative_used_for[1] < row.year:
        out.error(row, f"Khen thưởng năm {row.initiative_used_for[1]} trước năm công nhận sáng kiến ({row.year}).")
    row.service_start = step(lambda: _date(raw.get("service_start"), "Ngày bắt đầu công tác liên tục"))
    if row.service_start and row.service_start > today:
        out.error(row, "Ngày bắt đầu công tác liên tục không được sau ngày hôm nay.")
    if row.service_start and row.joined_on and row.service_start > row.joined_on:
        out.error(row, "Ngày bắt đầu công tác liên tục (kể cả thời gian hợp đồng) không được sau ngày tuyển dụng.")
    row.work_year = step(lambda: facts.work_year_cells(raw))
    if (row.rating or row.award or row.initiative or row.work_year) and row.year is None and not _text(raw.get("year")):
        out.error(row, "Thiếu năm thành tích.")
    if row.year is not None and not services.MIN_YEAR <= row.year <= today.year:
        out.error(row, f"Năm phải từ {services.MIN_YEAR} đến {today.year}.")
    return row


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
    identify(sound, out, scope_unit)
    in_file_duplicates(sound, out)
    if out.errors:
        return ImportReport(ok=False, errors=out.sorted_errors(), row_label=label)

    report = ImportReport(ok=True, row_label=label)

    def write() -> None:
        with changes.batch():  # the ledger's changes go out once, after the commit (one task for every subject)
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
                        joined_on=row.joined_on, start=start, service_start=facts.first_service_start(rows, row.identity),
                    )
                    report.created_people += 1
                people[row.identity] = person
            facts.import_service_start(row, person, actor=actor, out=out)
            _import_records(row, person, actor=actor, report=report, out=out)
        except DomainError as exc:
            out.error(row, exc.message)
    # An initiative names the award it grounded once every row's awards are in the ledger.
    for row in rows:
        if row.initiative_used_for and row.identity in people:
            try:
                facts.import_initiative_use(row, people[row.identity], actor=actor, report=report, out=out)
            except DomainError as exc:
                out.error(row, exc.message)


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
        facts.import_work_year(row, person, actor=actor, report=report, out=out)
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
