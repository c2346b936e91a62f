"""A dossier's nominees from an Excel (or JSON) list (issue 13, point 3): one row = one person of the dossier's unit
proposed for one of the round's titles or forms. Every row is checked against the directory (the people of the unit's
subtree only: a person elsewhere is, for this import, a person who does not exist) and the round; the report lists every
problem as "Dòng 7: …", and if there is one nothing is imported. The rows are written at once, with their history rows
and one audit event (`bulk.nominees_insert`: one statement per table);
the engine judges them right after, as a background task (`tasks.nominees_evaluate`), or at once for a short list.

Public API: `nominee_import(*, actor, dossier, file, format) -> ImportReport`, `template_xlsx(dossier) -> bytes`.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field

from django.db import connection, transaction
from django.db.models import F, Lookup, Q
from django.utils import timezone

from tdkt.core import audit, tabular
from tdkt.core.errors import DomainError
from tdkt.core.tabular import Collector, Column, RowError
from tdkt.law.catalogue import load_catalogue
from tdkt.org import services as org_services
from tdkt.org.models import Person

from .bulk import nominees_insert
from .models import SUBJECT_RELATED, Dossier, Nominee

SHEET = "Danh sách đề nghị"
GUIDE_SHEET = "Hướng dẫn"
COLUMNS = [
    Column("full_name", "Họ và tên", "Bắt buộc. Như trong hồ sơ cá nhân."),
    Column("date_of_birth", "Ngày sinh (dd/mm/yyyy)", "Cần Ngày sinh hoặc Số CCCD để xác định cá nhân."),
    Column("citizen_id", "Số CCCD", "12 chữ số (ô định dạng văn bản để giữ số 0 đầu)."),
    Column("award", "Danh hiệu/Hình thức (mã)", "Bắt buộc. Một mã trong danh sách của đợt xét (sheet “Hướng dẫn”)."),
    Column("summary", "Tóm tắt thành tích", "Không bắt buộc, tối đa 4.000 ký tự."),
    Column("justification", "Lý do đề nghị (khi chưa đủ điều kiện)",
           "Bắt buộc trước khi gửi hồ sơ nếu hệ thống xét là chưa đủ điều kiện."),
]
TABLE = tabular.Table(COLUMNS, SHEET, other_sheets=(GUIDE_SHEET,), required=("full_name", "award"), max_rows=20_000)
EVALUATE_NOW = 200  # rows judged in the request; a longer list is judged by the background task


@dataclass
class ImportReport:
    ok: bool
    errors: list[RowError] = field(default_factory=list)
    created: int = 0
    row_label: str = "Dòng"
    evaluated_now: bool = False


@dataclass
class _Row:
    row: int
    prefix: str
    full_name: str = ""
    date_of_birth: object = None
    citizen_id: str | None = None
    award: str = ""
    summary: str = ""
    justification: str = ""
    person: object = None  # a _Found


_LIMITS = (("summary", 4000, "Tóm tắt thành tích"), ("justification", 4000, "Lý do đề nghị"))


def _parse(index: int, raw: dict, *, label: str, awards: dict[str, str], out: Collector) -> _Row:
    """One row's cells, checked in plain Python (no query: the directory is matched for all rows at once)."""
    row = _Row(index, f"{label} {index}")
    get, text = raw.get, tabular.text
    if get("__invalid__"):
        out.error(row, "Bản ghi phải là một đối tượng JSON.")
        return row
    row.full_name = text(get("full_name"))
    if not row.full_name:
        out.error(row, "Thiếu họ và tên.")
    dob = get("date_of_birth")
    try:
        row.date_of_birth = tabular.date(dob, "Ngày sinh")
    except DomainError as exc:
        out.error(row, exc.message)
    raw_cccd = get("citizen_id")
    cccd = text(raw_cccd)
    if isinstance(raw_cccd, (int, float)) and not isinstance(raw_cccd, bool):
        cccd = cccd.zfill(12)
    if cccd:
        try:
            row.citizen_id = org_services.clean_citizen_id(cccd)
        except DomainError as exc:
            out.error(row, exc.message)
    elif row.date_of_birth is None and not text(dob):
        out.error(row, "Cần có Ngày sinh hoặc Số CCCD để xác định cá nhân.")
    code = text(get("award")).upper()
    if not code:
        out.error(row, "Thiếu mã danh hiệu/hình thức.")
    elif code not in awards:
        out.error(row, f"Đợt xét không xét “{code}” (các mã của đợt: {', '.join(awards)}).")
    else:
        row.award = code
    for key, limit, what in _LIMITS:
        value = text(get(key))
        if len(value) > limit:
            out.error(row, f"{what} quá dài (tối đa {limit:,} ký tự).".replace(",", "."))
        setattr(row, key, value)
    return row


def _cells(row: _Row) -> tuple:
    """A parsed row's cells, normalised (what `tabular.identical_rows` compares)."""
    return (row.full_name, row.date_of_birth, row.citizen_id, row.award, row.summary, row.justification)


class _Found:
    """A person of the directory as the import reads it (a row of values, not a model instance: thousands are read)."""

    __slots__ = ("pk", "full_name", "date_of_birth", "citizen_id")

    def __init__(self, pk, full_name, date_of_birth, citizen_id):
        self.pk, self.full_name, self.date_of_birth, self.citizen_id = pk, full_name, date_of_birth, citizen_id


class _AnyOf(Lookup):
    """`field = ANY(%s)`: the values as one array parameter (PostgreSQL), which an index on the field answers — thousands
    of names are one value to send and parse, not thousands of placeholders."""

    lookup_name = "any_of"
    prepare_rhs = False

    def get_db_prep_lookup(self, value, connection):
        return "%s", [sorted(value)]

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} = ANY({rhs})", (*lhs_params, *rhs_params)


def _among(field: str, values: set[str]) -> Q | _AnyOf:
    """`field__in=values`; on PostgreSQL `field = ANY(array)`."""
    if connection.vendor == "postgresql":
        return _AnyOf(F(field), values)
    return Q(**{f"{field}__in": values})


def _match(rows: list[_Row], dossier: Dossier, out: Collector) -> None:
    """Each row's person among the people of the dossier's unit (citizen ID, else full name and date of birth)."""
    scope = Person.objects.filter(unit__path__startswith=dossier.unit.path).order_by()
    fields = ("pk", "full_name", "date_of_birth", "citizen_id")
    cccds = {r.citizen_id for r in rows if r.citizen_id}
    by_cccd = {p.citizen_id: p for p in (_Found(*v) for v in scope.filter(_among("citizen_id", cccds)).values_list(*fields))} if cccds else {}
    names = {r.full_name for r in rows if not r.citizen_id}
    by_name: dict[tuple, list[_Found]] = {}
    for values in scope.filter(_among("full_name", names)).values_list(*fields) if names else ():
        p = _Found(*values)
        by_name.setdefault((p.full_name.casefold(), p.date_of_birth), []).append(p)
    for row in rows:
        if row.citizen_id:
            row.person = by_cccd.get(row.citizen_id)
            if row.person is None:
                out.error(row, f"Không tìm thấy cá nhân có số CCCD {row.citizen_id} trong {dossier.unit.name}.")
            elif row.person.full_name.casefold() != row.full_name.casefold():
                out.error(row, f"Số CCCD {row.citizen_id} là của {row.person.full_name}, không phải “{row.full_name}”.")
            continue
        found = by_name.get((row.full_name.casefold(), row.date_of_birth), [])
        if not found:
            when = f" (ngày sinh {row.date_of_birth:%d/%m/%Y})" if row.date_of_birth else ""
            out.error(row, f"Không tìm thấy “{row.full_name}”{when} trong {dossier.unit.name}.")
        elif len(found) > 1:
            out.error(row, f"Có {len(found)} cá nhân “{row.full_name}” cùng ngày sinh trong {dossier.unit.name}; hãy ghi số CCCD.")
        else:
            row.person = found[0]


def _duplicates(rows: list[_Row], dossier: Dossier, out: Collector, names: dict[str, str]) -> None:
    seen: dict[tuple, _Row] = {}
    for row in rows:
        key = (row.person.pk, row.award)
        first = seen.setdefault(key, row)
        if first is not row:
            out.error(row, f"Trùng với dòng {first.row} ({row.full_name}, {names[row.award]}).")
    # the round's nominees of the unit's people (every matched person is one of them): no list of thousands of ids
    taken = set(Nominee.objects.filter(dossier__round=dossier.round, withdrawn=False, award_code__in={r.award for r in rows},
                                       person__unit__path__startswith=dossier.unit.path).values_list("person_id", "award_code"))
    for row in rows:
        if (row.person.pk, row.award) in taken:
            out.error(row, f"{row.full_name} đã được đề nghị {names[row.award]} trong đợt xét này.")


def nominee_import(*, actor, dossier: Dossier, file, format: str) -> ImportReport:
    """Check every row and add all the nominees, or none (the report says why)."""
    from .services import _require_editable, nominee_evaluate

    _require_editable(actor, dossier)
    catalogue = load_catalogue()
    names = {code: catalogue.awards[code].name for code in dossier.round.awards if code in catalogue.awards}
    individual = {code: name for code, name in names.items() if "individual" in catalogue.awards[code].subjects}
    raw_rows, label = TABLE.read(file, format)
    out = Collector()
    rows = [_parse(i, raw, label=label, awards=individual, out=out) for i, raw in raw_rows]
    failed = out.failed_rows()
    sound = [r for r in rows if r.row not in failed]  # a row with a bad cell is reported for it, not as a repeat too
    tabular.identical_rows([(r.row, None) for r in sound], sound, label, out, key=_cells)
    failed = out.failed_rows()
    sound = [r for r in sound if r.row not in failed]
    _match(sound, dossier, out)
    failed = out.failed_rows()
    _duplicates([r for r in sound if r.person is not None and r.row not in failed], dossier, out, names)
    if out.errors:
        return ImportReport(ok=False, errors=out.sorted_errors(), row_label=label)
    report = ImportReport(ok=True, row_label=label)

    def write() -> None:
        locked = Dossier.objects.select_for_update(of=("self",)).get(pk=dossier.pk)
        _require_editable(actor, locked)
        report.created = nominees_insert(dossier=locked, rows=[(r.person.pk, r.award, r.summary, r.justification) for r in rows],
                                         now=timezone.now(), user_id=getattr(actor, "pk", None))
        audit.record(actor=actor, action="nominations.nominee.imported", target=dossier,
                     data={"format": (format or "").lower().lstrip("."), "rows": len(rows),
                           "nominees": [[r.person.pk, r.award] for r in rows]})
        if len(rows) <= EVALUATE_NOW:
            report.evaluated_now = True
            for nominee in Nominee.objects.filter(dossier=dossier, verdict="").select_related(*SUBJECT_RELATED):
                nominee_evaluate(nominee, dossier=dossier)
        else:
            from .tasks import nominees_evaluate

            transaction.on_commit(lambda: nominees_evaluate.enqueue(dossier.pk))

    if not tabular.all_or_nothing(write, out):
        return ImportReport(ok=False, errors=out.sorted_errors(), row_label=label)
    return report


def template_xlsx(dossier: Dossier) -> bytes:
    """The list template: the data sheet with Vietnamese headers, a guide with the round's codes."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    from tdkt.core.spreadsheet_writer import append, put

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET
    for col, column in enumerate(COLUMNS, start=1):
        put(sheet, 1, col, column.header, font=Font(bold=True), alignment=Alignment(wrap_text=True, vertical="top"))
        sheet.column_dimensions[chr(64 + col)].width = 26
        if column.key in ("citizen_id", "date_of_birth"):
            for r in range(2, 1002):
                sheet.cell(row=r, column=col).number_format = "@"
    guide = book.create_sheet(GUIDE_SHEET)
    guide.column_dimensions["A"].width = 34
    guide.column_dimensions["B"].width = 80
    append(guide, [f"Danh sách đề nghị khen thưởng — {dossier.title}"], font=Font(bold=True, size=13))
    append(guide, ["Mỗi dòng là một cá nhân của " + dossier.unit.name + " được đề nghị một danh hiệu, hình thức. Nếu có dòng sai, "
                   "không dòng nào được nhập; danh sách lỗi ghi rõ số dòng."], alignment=Alignment(wrap_text=True))
    append(guide, [])
    append(guide, ["Cột", "Ý nghĩa"], font=Font(bold=True))
    for column in COLUMNS:
        append(guide, [column.header, column.help], alignment=Alignment(wrap_text=True, vertical="top"))
    append(guide, [])
    append(guide, ["Mã", "Danh hiệu, hình thức của đợt xét"], font=Font(bold=True))
    catalogue = load_catalogue()
    for code in dossier.round.awards:
        award = catalogue.awards.get(code)
        if award is not None and "individual" in award.subjects:
            append(guide, [code, award.name])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
