"""Export of the people list, with the list's own filters, to Excel (the one spreadsheet writer).

`people_export(actor=, form=)` reads the very queryset of the list page (`selectors.people_search`: scoped to what
the actor may read, filtered, in Vietnamese name order), streams it row by row (`iterator`, a write-only
workbook: memory stays flat for a province), writes a title block that says what was exported (the filters,
the year of the ratings, who and when) and records who exported which filter and how many rows (audit).
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass

from django.db import transaction
from django.utils import timezone

from tdkt.core import audit
from tdkt.core.permissions import require
from tdkt.core.spreadsheet_writer import SheetColumn, TableSheet, streamed_workbook
from tdkt.law import vocabulary as vocab
from tdkt.org.models import Gender

from .forms import PeopleFilterForm
from .selectors import people_search

CHUNK = 2000


@dataclass
class Export:
    file: object  # a binary file object positioned at its start
    filename: str
    rows: int


def _yes_no(value) -> str:
    return "Có" if value else ""


def describe_filters(form: PeopleFilterForm) -> tuple[list[str], dict]:
    """The filters of the form in Vietnamese (for the title block) and as plain data (for the audit event)."""
    data = form.cleaned_data if form.is_bound and form.is_valid() else {}
    words, plain = [], {}
    if data.get("q"):
        words.append(f"tên có “{data['q']}”")
        plain["q"] = data["q"]
    if data.get("unit"):
        words.append(f"đơn vị {data['unit'].name} (gồm cả đơn vị trực thuộc)")
        plain["unit"] = data["unit"].code
    for key, label in (("gender", "giới tính"), ("leader", "lãnh đạo, quản lý"), ("direct", "trực tiếp lao động"),
                       ("rating", "xếp loại")):
        if data.get(key):
            shown = dict(form.fields[key].choices).get(data[key], data[key])
            words.append(f"{label}: {shown}")
            plain[key] = data[key]
    plain["year"] = form.selected_year
    return words, plain


def people_export(*, actor, form: PeopleFilterForm) -> Export:
    """The filtered people list as an .xlsx file (in a temporary file), audited."""

    require(actor, "org.view_people", message="Bạn không có quyền xem danh sách cá nhân.")
    people, year = people_search(actor, form)
    words, plain = describe_filters(form)
    now = timezone.localtime()
    who = actor.get_full_name() or actor.get_username()
    columns = [
        SheetColumn("STT", 6, center=True),
        SheetColumn("Họ và tên", 26, wrap=True),
        SheetColumn("Giới tính", 9, center=True),
        SheetColumn("Ngày sinh", 12, center=True),
        SheetColumn("Chức vụ", 26, wrap=True),
        SheetColumn("Đơn vị", 34, wrap=True),
        SheetColumn("Lãnh đạo, quản lý", 11, center=True),
        SheetColumn("Trực tiếp lao động", 11, center=True),
        SheetColumn("Ngày tuyển dụng", 12, center=True),
        SheetColumn(f"Xếp loại {year}", 22, wrap=True),
    ]
    book = streamed_workbook()
    sheet = TableSheet(book, "Danh sách cá nhân", columns, title="DANH SÁCH CÁ NHÂN", lines=[
        "Điều kiện lọc: " + ("; ".join(words) if words else "không (mọi cá nhân trong phạm vi được giao)"),
        f"Xếp loại của năm {year}",
        f"Xuất ngày {now:%d/%m/%Y %H:%M} bởi {who}",
    ], freeze_columns=2)
    genders = dict(Gender.choices)
    rows = people.only("full_name", "gender", "date_of_birth", "position", "is_leader", "is_direct_worker", "joined_on",
                       "unit__name")
    for n, p in enumerate(rows.iterator(chunk_size=CHUNK), start=1):
        sheet.row([n, p.full_name, str(genders.get(p.gender, p.gender)), p.date_of_birth, p.position, p.unit.name if p.unit_id else "",
                   _yes_no(p.is_leader), _yes_no(p.is_direct_worker), p.joined_on,
                   vocab.label(vocab.Rating, p.year_rating) if p.year_rating else ""])
    fh = tempfile.SpooledTemporaryFile(max_size=8 * 1024 * 1024)  # noqa: SIM115 -- handed to FileResponse, which closes it
    book.save(fh)
    fh.seek(0)
    with transaction.atomic():
        audit.record(actor=actor, action="records.people.exported", data={"filters": plain, "rows": sheet.rows})
    return Export(file=fh, filename=f"danh-sach-ca-nhan-{now:%Y%m%d-%H%M}.xlsx", rows=sheet.rows)
