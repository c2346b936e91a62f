"""Issue 12, acceptance: the history import carries the facts of a working year, the start of continuous service and
the award an initiative grounded; they are validated like the rest (Vietnamese, one row number each) and reach the
engine through the ledger."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from openpyxl import load_workbook

from tdkt.core.actors import system_actor
from tdkt.core.models import AuditEvent
from tdkt.law.vocabulary import missing_facts
from tdkt.records import services
from tdkt.records.catalogue import award_label
from tdkt.records.eligibility import check_subject
from tdkt.records.import_facts import WORK_YEAR_KEYS
from tdkt.records.importing import COLUMNS, history_import, import_template, template_rows_to_xlsx
from tdkt.records.models import Initiative, WorkYear

pytestmark = pytest.mark.django_db

NEW = {"full_name": "Đỗ Thị Lan", "date_of_birth": "04/04/1992", "gender": "Nữ", "unit": "Trường THCS Đống Đa"}


def _import(scope, rows, fmt="json"):
    data = json.dumps(rows, ensure_ascii=False).encode() if fmt == "json" else template_rows_to_xlsx(rows)
    return history_import(actor=system_actor(), scope_unit=scope, file=io.BytesIO(data), format=fmt)


def _messages(report):
    return [e.message for e in report.errors]


def test_the_template_has_the_new_columns_with_vietnamese_headers_and_help():
    book = load_workbook(io.BytesIO(import_template()))
    headers = [c.value for c in book["Lịch sử thành tích"][1]]
    for header in ("Bắt đầu công tác liên tục (dd/mm/yyyy)", "Số ngày nghỉ làm việc trong năm", "Trong đó nghỉ thai sản (ngày)",
                   "Đào tạo, bồi dưỡng (số tháng)", "Kết quả học tập", "Chuyển công tác từ đơn vị", "Số tháng ở đơn vị cũ",
                   "Có nhận xét của đơn vị cũ (Có/Không)", "Sáng kiến đã làm căn cứ cho (mã, năm)"):
        assert header in headers
    guide = {row[1]: row[2] for row in book["Hướng dẫn"].iter_rows(values_only=True) if row[1]}
    assert "TT 01/2024/TT-BNV" in guide["service_start"]
    assert "không bao giờ coi là 0" in guide["days_off"]
    assert "CV 5007/BNV-TĐKT" in guide["initiative_used_for"]
    assert "TT 15/2025/TT-BNV" in guide["training_months"]
    # the drop-downs: the course results by name, yes/no for the old unit's comment
    lists = [dv.formula1 for dv in book["Lịch sử thành tích"].data_validations.dataValidation]
    assert '"Xuất sắc,Giỏi,Khá,Trung bình khá,Trung bình,Yếu"' in lists and '"Có,Không"' in lists
    # the example row of the guide sheet fills the new columns under their headers
    rows = list(book["Hướng dẫn"].iter_rows(values_only=True))
    header_row = next(i for i, r in enumerate(rows) if r and r[0] == COLUMNS[0].header and r[1] == COLUMNS[1].header)
    example = dict(zip(rows[header_row], rows[header_row + 1], strict=False))
    assert example["Sáng kiến đã làm căn cứ cho (mã, năm)"] == "CSTDCS 2024"
    assert example["Bắt đầu công tác liên tục (dd/mm/yyyy)"] == "01/09/2008"


@pytest.mark.parametrize("fmt", ["json", "xlsx"])
def test_a_working_year_is_imported_and_read_by_the_engine(tree, fmt):
    year = tree.year
    rows = [{**NEW, "joined_on": "01/09/2020", "service_start": "01/03/2019", "year": year, "rating": "HTTNV",
             "days_off": 70, "maternity_days": "65", "training_months": 3, "training_result": "Giỏi",
             "transfer_from": "Trường THCS Láng Thượng", "transfer_months": 7, "transfer_comment": "Có"}]
    report = _import(tree.ward_a, rows, fmt)
    assert report.ok, report.errors
    assert report.created_people == 1 and report.created_records == 2  # the rating and the working year
    lan = tree.school_a.people.get(full_name="Đỗ Thị Lan")
    assert lan.service_start == dt.date(2019, 3, 1)
    work = WorkYear.objects.get(person=lan, year=year)
    assert (work.days_off, work.maternity_days, work.training_months, work.training_result) == (70, 65, 3, "GIOI")
    assert (work.transfer_from, work.transfer_months, work.transfer_comment) == ("Trường THCS Láng Thượng", 7, True)
    assert AuditEvent.objects.filter(action="records.work_year.set").count() == 1
    # the transfer's attestation is listed, the 70 days off are not counted against her (65 of maternity)
    result = check_subject(lan, "LDTT", year)
    assert missing_facts(result.checks) == []
    assert result.verdict != "cannot_judge"
    # importing the same file again changes nothing
    again = _import(tree.ward_a, rows, fmt)
    assert again.ok and again.created_records == 0 and again.skipped_records == 2
    assert WorkYear.objects.filter(person=lan).count() == 1


def test_blank_facts_stay_unknown_and_the_panel_asks_for_them(tree):
    row = {**NEW, "year": tree.year, "rating": "HTTNV", "transfer_from": "Phường Kim Liên", "transfer_months": 8}
    report = _import(tree.ward_a, [row])
    assert report.ok, report.errors
    work = WorkYear.objects.get(person__full_name="Đỗ Thị Lan")
    assert work.days_off is None and work.transfer_comment is False
    result = check_subject(work.person, "LDTT", tree.year)
    assert "history.work_years.transfer.comment" in missing_facts(result.checks)


@pytest.mark.parametrize(("cells", "message"), [
    ({"days_off": "mười"}, "Số ngày nghỉ làm việc phải là số nguyên từ 0 đến 366."),
    ({"days_off": 400}, "Số ngày nghỉ làm việc phải là số nguyên từ 0 đến 366."),
    ({"days_off": 10, "maternity_days": 20}, "Số ngày nghỉ thai sản (20) lớn hơn tổng số ngày nghỉ (10)."),
    ({"maternity_days": 20}, "Có ngày nghỉ thai sản thì phải ghi tổng số ngày nghỉ làm việc (kể cả thai sản)."),
    ({"training_result": "Giỏi"}, "Có kết quả học tập thì phải ghi số tháng đào tạo, bồi dưỡng."),
    ({"training_months": 14, "training_result": "Tốt"},
     "Kết quả học tập “Tốt” không hợp lệ (Xuất sắc, Giỏi, Khá, Trung bình khá, Trung bình hoặc Yếu)."),
    ({"transfer_months": 7}, "Chuyển công tác: phải ghi tên đơn vị cũ."),
    ({"transfer_from": "Phường Kim Liên", "transfer_months": 13}, "Số tháng công tác ở đơn vị cũ phải là số nguyên từ 0 đến 12."),
    ({"transfer_from": "Phường Kim Liên", "transfer_comment": "Chắc có"}, "Nhận xét của đơn vị cũ “Chắc có” không hợp lệ (Có hoặc Không)."),
    ({"service_start": "31/02/2019"}, "Ngày bắt đầu công tác liên tục 31/02/2019 không phải là ngày có thật (tháng 2/2019 chỉ có 28 ngày)."),
    ({"service_start": "01/10/2021", "joined_on": "01/09/2020"},
     "Ngày bắt đầu công tác liên tục (kể cả thời gian hợp đồng) không được sau ngày tuyển dụng."),
    ({"initiative_used_for": "CSTDCS"}, "Có “Sáng kiến đã làm căn cứ cho” nhưng thiếu tên sáng kiến."),
    ({"initiative": "Sổ tay số", "initiative_scope": "Cấp cơ sở", "initiative_used_for": "ABC 2024"},
     "Mã danh hiệu/hình thức “ABC” (sáng kiến đã làm căn cứ cho) không có trong danh mục."),
    ({"initiative": "Sổ tay số", "initiative_scope": "Cấp cơ sở", "initiative_used_for": "CSTDCS của năm ngoái"},
     "“Sáng kiến đã làm căn cứ cho” ghi “CSTDCS của năm ngoái” không đúng dạng mã và năm (ví dụ CSTDCS 2024)."),
])
def test_bad_cells_are_refused_with_the_row_number(tree, cells, message):
    row = {**NEW, "year": tree.year, "rating": "HTTNV", **cells}
    report = _import(tree.ward_a, [{**NEW, "year": tree.year, "rating": "HTNV", "full_name": "Mai Văn Hùng"}, row], fmt="xlsx")
    assert not report.ok
    assert _messages(report) == [f"Dòng 3: {message}"]
    assert not WorkYear.objects.exists()
    assert not tree.school_a.people.filter(full_name="Mai Văn Hùng").exists()  # nothing imported


def test_a_working_year_needs_a_year_and_one_row(tree):
    no_year = _import(tree.ward_a, [{**NEW, "days_off": 3}])
    assert _messages(no_year) == ["Bản ghi 1: Thiếu năm thành tích."]
    twice = _import(tree.ward_a, [{**NEW, "year": tree.year, "days_off": 3}, {**NEW, "year": tree.year, "days_off": 4}])
    assert _messages(twice) == [f"Bản ghi 2: Thông tin năm công tác {tree.year} đã ghi ở dòng 1."]
    starts = _import(tree.ward_a, [{**NEW, "service_start": "01/01/2015"}, {**NEW, "year": tree.year, "service_start": "01/01/2016",
                                                                             "rating": "HTTNV"}])
    assert _messages(starts) == ["Bản ghi 2: Ngày bắt đầu công tác liên tục khác với dòng 1 (01/01/2015) của cùng cá nhân."]


def test_an_existing_person_gets_the_facts_and_a_conflict_is_named(tree):
    an = {"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "unit": "thcs_dong_da"}
    report = _import(tree.ward_a, [{**an, "service_start": "01/09/2008", "year": tree.year, "days_off": 5}])
    assert report.ok, report.errors
    tree.an.refresh_from_db()
    assert tree.an.service_start == dt.date(2008, 9, 1)
    assert "Bản ghi 1: Bổ sung ngày bắt đầu công tác liên tục 01/09/2008." in [n.message for n in report.notices]
    conflict = _import(tree.ward_a, [{**an, "service_start": "01/09/2009", "year": tree.year, "days_off": 6}])
    assert _messages(conflict) == [
        "Bản ghi 1: Hồ sơ đã ghi ngày bắt đầu công tác liên tục 01/09/2008, khác với 01/09/2009 trong tệp.",
        f"Bản ghi 1: Hồ sơ đã có thông tin năm công tác {tree.year} khác với tệp; hãy sửa trên trang cá nhân.",
    ]
    assert WorkYear.objects.get(person=tree.an).days_off == 5


def test_an_initiative_names_the_award_it_grounded(tree):
    y = tree.year
    rows = [
        {**NEW, "year": y, "rating": "HTXSNV", "award": "CSTDCS", "issuer": "phuong_dong_da", "decision_number": "9/QĐ-UBND"},
        {**NEW, "year": y, "initiative": "Sổ tay số", "initiative_scope": "Cấp cơ sở", "initiative_used_for": f"CSTDCS/{y}"},
        {**NEW, "year": y, "initiative": "Một cửa điện tử", "initiative_scope": "Cấp cơ sở"},
    ]
    report = _import(tree.ward_a, rows)
    assert report.ok, report.errors
    used = Initiative.objects.get(title="Sổ tay số")
    assert used.used_for.award_code == "CSTDCS" and used.used_for.year == y
    assert Initiative.objects.get(title="Một cửa điện tử").used_for is None
    assert AuditEvent.objects.filter(action="records.initiative.used").count() == 1
    # the same file again: recorded once; the same initiative for another award is refused, naming the first
    assert _import(tree.ward_a, rows).ok
    services.award_add(actor=system_actor(), person=used.person, award_code="GIAY_KHEN", year=y, issuer=tree.ward_a)
    other = _import(tree.ward_a, [{**rows[1], "initiative_used_for": "GIAY_KHEN"}])
    assert _messages(other) == [f"Bản ghi 1: Sáng kiến “Sổ tay số” đã làm căn cứ cho {award_label('CSTDCS')} năm {y}; mỗi sáng kiến "
                                "chỉ làm căn cứ cho một danh hiệu, hình thức khen thưởng."]
    missing = _import(tree.ward_a, [{**rows[2], "initiative_used_for": f"BK_TINH {y}"}])
    assert _messages(missing) == [f"Bản ghi 1: Hồ sơ và tệp không có {award_label('BK_TINH')} năm {y} của Đỗ Thị Lan "
                                  "để ghi sáng kiến làm căn cứ."]


def test_every_working_year_key_is_a_column():
    assert set(WORK_YEAR_KEYS) <= {c.key for c in COLUMNS}
