"""The history import after issue 11: no existence leak across scopes (3), units by name and the officer's units on
the template (6), one row number per message and impossible dates told apart (15), names validated (2)."""

from __future__ import annotations

import datetime as dt
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.org import services as org_services
from tdkt.org.models import Person, UnitKind
from tdkt.records.import_template import UNITS_HEADING
from tdkt.records.importing import history_import, template_rows_to_xlsx
from tdkt.records.models import YearRating
from tests.factories import PersonFactory, UnitFactory

URL = reverse("records:history_import")


def _import(scope, rows, fmt="json"):
    data = json.dumps(rows, ensure_ascii=False).encode() if fmt == "json" else template_rows_to_xlsx(rows)
    return history_import(actor=system_actor(), scope_unit=scope, file=io.BytesIO(data), format=fmt)


def _messages(report):
    return [e.message for e in report.errors]


# --- Point 3: a person of another ward is, for the import, a person who does not exist -------------------------


def test_a_namesake_in_another_ward_gets_the_same_words_as_nobody(tree):
    row = {"full_name": "Phạm Thị Dung", "date_of_birth": "02/05/1990", "unit": "phuong_dong_da", "year": 2024, "rating": "HTNV"}
    nobody = _messages(_import(tree.ward_a, [row]))
    PersonFactory(full_name="Phạm Thị Dung", date_of_birth=dt.date(1990, 5, 2), unit=tree.ward_b)
    namesake = _messages(_import(tree.ward_a, [row]))
    assert namesake == nobody == ["Bản ghi 1: Thiếu giới tính (Nam/Nữ) của cá nhân mới."]
    assert not any("Láng" in m or "ngoài phạm vi" in m for m in namesake)
    # with the gender the row is a new person of ward A; the other ward's person is left alone
    report = _import(tree.ward_a, [{**row, "gender": "Nữ"}])
    assert report.ok and report.created_people == 1 and report.matched_people == 0 and not report.notices
    assert YearRating.objects.filter(person__unit=tree.ward_a, person__full_name="Phạm Thị Dung").count() == 1
    assert not YearRating.objects.filter(person__unit=tree.ward_b, year=2024).exists()


def test_a_citizen_id_held_in_another_ward_says_neither_who_nor_where(tree):
    org_services.person_update(actor=system_actor(), person=tree.dung, citizen_id="001190012345")
    same_person = {"full_name": "Phạm Thị Dung", "citizen_id": "001190012345", "gender": "Nữ", "unit": "phuong_dong_da",
                   "year": 2024, "rating": "HTNV"}
    other_name = {**same_person, "full_name": "Vũ Thị Hạnh"}
    words = _messages(_import(tree.ward_a, [same_person]))
    assert words == _messages(_import(tree.ward_a, [other_name]))
    assert words == ["Bản ghi 1: Số CCCD 001190012345 đã được dùng cho một cá nhân khác trong hệ thống."]
    with pytest.raises(DomainError) as refused:  # the very words of the person service
        org_services.person_create(actor=system_actor(), full_name="Vũ Thị Hạnh", gender="F", unit=tree.ward_a,
                                   citizen_id="001190012345")
    assert words[0].endswith(refused.value.message)


# --- Point 6: the unit column takes the name as shown; the template lists the officer's units ----------------


def test_the_unit_column_takes_the_name_as_shown(tree):
    row = {"full_name": "Võ Thị Hoa", "date_of_birth": "02/05/1990", "gender": "Nữ", "unit": "trường thcs  đống đa",
           "year": 2023, "rating": "HTTNV"}
    report = _import(tree.ward_a, [row], fmt="xlsx")
    assert report.ok, report.errors
    assert Person.objects.get(full_name="Võ Thị Hoa").unit == tree.school_a


def test_an_ambiguous_or_unknown_unit_name_gets_a_clear_message(tree):
    UnitFactory(code="thcs_dong_da_2", name="Trường THCS Đống Đa", kind=UnitKind.SCHOOL, parent=tree.ward_a)
    rows = [{"full_name": "Võ Thị Hoa", "date_of_birth": "02/05/1990", "gender": "Nữ", "unit": "Trường THCS Đống Đa"},
            {"full_name": "Võ Thị Huệ", "date_of_birth": "02/05/1991", "gender": "Nữ", "unit": "Trường Tiểu học Láng"}]
    assert _messages(_import(tree.ward_a, rows)) == [
        "Bản ghi 1: Có 2 đơn vị cùng tên “Trường THCS Đống Đa” trong phạm vi Phường Đống Đa; hãy ghi mã đơn vị "
        "(thcs_dong_da, thcs_dong_da_2).",
        "Bản ghi 2: Không tìm thấy đơn vị “Trường Tiểu học Láng” (tên hoặc mã) trong phạm vi Phường Đống Đa.",
    ]


def test_an_old_template_with_the_unit_code_header_is_still_read(tree):
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "Lịch sử thành tích"
    book.active.append(["Họ và tên", "Ngày sinh (dd/mm/yyyy)", "Giới tính (Nam/Nữ)", "Mã đơn vị"])
    book.active.append(["Võ Thị Hoa", "02/05/1990", "Nữ", "thcs_dong_da"])
    buffer = io.BytesIO()
    book.save(buffer)
    report = history_import(actor=system_actor(), scope_unit=tree.ward_a, file=buffer.getvalue(), format="xlsx")
    assert report.ok, report.errors


def _guide_units(content: bytes) -> list[tuple]:
    guide = load_workbook(io.BytesIO(content))["Hướng dẫn"]
    rows = [tuple(r[:2]) for r in guide.iter_rows(values_only=True)]
    start = rows.index((UNITS_HEADING, None))
    return rows[start + 2:]


def test_the_template_of_the_page_lists_the_officers_units_by_name_and_code(client, officer_a, tree):
    client.force_login(officer_a)
    content = client.get(reverse("records:history_import_template")).content
    assert _guide_units(content) == [("Phường Đống Đa", "phuong_dong_da"), ("Trường THCS Đống Đa", "thcs_dong_da")]
    header = [c.value for c in load_workbook(io.BytesIO(content))["Lịch sử thành tích"][1]]
    assert "Đơn vị (tên hoặc mã)" in header


def test_the_template_command_lists_the_units_of_the_unit_given(tree, tmp_path):
    out = tmp_path / "mau.xlsx"
    call_command("records", "template", str(out), "--unit", "phuong_lang")
    assert _guide_units(out.read_bytes()) == [("Phường Láng", "phuong_lang"), ("Trường Tiểu học Láng", "th_lang")]


# --- Point 15: the row once; an impossible date is not a badly formatted one ---------------------------------


def test_an_impossible_date_is_told_from_a_badly_formatted_one(tree):
    base = {"gender": "Nữ", "unit": "phuong_dong_da"}
    rows = [{**base, "full_name": "Võ Thị Hoa", "date_of_birth": "31/02/1990"},
            {**base, "full_name": "Võ Thị Huệ", "date_of_birth": "12/31/1990"},
            {**base, "full_name": "Võ Thị Hồng", "date_of_birth": "31-2-90"}]
    assert _messages(_import(tree.ward_a, rows, fmt="xlsx")) == [
        "Dòng 2: Ngày sinh 31/02/1990 không phải là ngày có thật (tháng 2/1990 chỉ có 28 ngày).",
        "Dòng 3: Ngày sinh 12/31/1990 không phải là ngày có thật (không có tháng 31).",
        "Dòng 4: Ngày sinh “31-2-90” không đúng định dạng ngày dd/mm/yyyy (ví dụ 05/09/2024).",
    ]


def test_the_page_says_the_row_once(client, officer_a, tree):
    client.force_login(officer_a)
    rows = [{"full_name": "Võ Thị Hoa", "date_of_birth": "31/02/1990", "gender": "Nữ", "unit": "thcs_dong_da"}]
    upload = SimpleUploadedFile("lich-su.xlsx", template_rows_to_xlsx(rows))
    body = client.post(URL, {"scope_unit": tree.ward_a.pk, "file": upload}).content.decode()
    assert '<tr data-testid="import-error"><td>2</td><td>Ngày sinh 31/02/1990 không phải là ngày có thật' in body
    assert "Dòng 2:" not in body
    upload = SimpleUploadedFile("lich-su.json", json.dumps(rows, ensure_ascii=False).encode())
    body = client.post(URL, {"scope_unit": tree.ward_a.pk, "file": upload}).content.decode()
    assert "<th>Bản ghi</th>" in body and "Bản ghi 1:" not in body


# --- Point 2: names are validated on the way in --------------------------------------------------------------

FORMULA = '=HYPERLINK("http://evil.example/","Bấm vào đây")'


def test_the_import_refuses_a_formula_for_a_name(tree):
    rows = [{"full_name": FORMULA, "date_of_birth": "02/05/1990", "gender": "Nữ", "unit": "phuong_dong_da"}]
    messages = _messages(_import(tree.ward_a, rows))
    assert len(messages) == 1 and messages[0].startswith("Bản ghi 1: Họ và tên “=HYPERLINK")
    assert "chỉ gồm chữ cái (kể cả chữ có dấu), dấu cách và các dấu . - '" in messages[0]
    assert not Person.objects.filter(full_name__startswith="=").exists()


@pytest.mark.parametrize("name", ["Nguyễn Thị Minh Khai", "H'Hen Niê", "Nguyễn Văn A.", "Trần-Lê Hoàng", "Lê Thị O’Neil"])
def test_vietnamese_names_are_accepted(name):
    assert org_services.clean_full_name(f"\t {name}\r\n") == name  # the spaces, tabs and line ends around are dropped


@pytest.mark.parametrize("name", [FORMULA, "+84912345678", "-Nguyễn", "@Lan", "Lan;", "Nguyễn Văn 2", "An <script>", "'=1+1"])
def test_formulas_numbers_and_symbols_are_not_names(name):
    with pytest.raises(DomainError, match="không hợp lệ"):
        org_services.clean_full_name(name)


def test_the_person_services_validate_the_name(tree):
    with pytest.raises(DomainError, match="Họ và tên “=HYPERLINK"):
        org_services.person_create(actor=system_actor(), full_name=FORMULA, gender="F", unit=tree.ward_a)
    with pytest.raises(DomainError, match="không hợp lệ"):
        org_services.person_update(actor=system_actor(), person=tree.an, full_name="@An")
    tree.an.refresh_from_db()
    assert tree.an.full_name == "Nguyễn Văn An"


def test_unit_names_are_validated_where_units_are_made_and_renamed(tree):
    with pytest.raises(DomainError, match="Tên đơn vị “=HYPERLINK"):
        org_services.unit_create(actor=system_actor(), code="x1", name=FORMULA, kind=UnitKind.TEAM, parent=tree.ward_a)
    with pytest.raises(DomainError, match="Tên đơn vị"):
        org_services.unit_update(actor=system_actor(), unit=tree.school_a, name="+Trường")
    ok = org_services.unit_create(actor=system_actor(), code="x2", name="Tổ dân phố số 2 (cũ), Láng/Thượng", kind=UnitKind.TEAM,
                                  parent=tree.ward_a)
    assert ok.name == "Tổ dân phố số 2 (cũ), Láng/Thượng"
