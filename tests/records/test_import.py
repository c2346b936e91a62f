import datetime as dt
import io
import json

import pytest
from django.core.management import call_command

from tdkt.core.actors import system_actor
from tdkt.core.models import AuditEvent
from tdkt.org.models import Person, UnitKind
from tdkt.records.importing import COLUMNS, history_import, import_template, template_rows_to_xlsx
from tdkt.records.models import AwardRecord, Discipline, Initiative, YearRating
from tests.factories import PersonFactory, UnitFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def units():
    root = UnitFactory(code="ha_noi", name="Thành phố Hà Nội", kind=UnitKind.PROVINCE, admin_code=1)
    district = UnitFactory(code="quan_dong_da", name="Quận Đống Đa", kind=UnitKind.DISTRICT, parent=root, valid_to=dt.date(2025, 6, 30))
    ward = UnitFactory(code="phuong_dong_da", name="Phường Đống Đa", kind=UnitKind.COMMUNE, parent=root)
    school = UnitFactory(code="thcs_dong_da", name="Trường THCS Đống Đa", kind=UnitKind.SCHOOL, parent=ward)
    other = UnitFactory(code="phuong_lang", name="Phường Láng", kind=UnitKind.COMMUNE, parent=root)
    return dict(root=root, district=district, ward=ward, school=school, other=other)


AN = {"full_name": "Nguyễn Văn An", "date_of_birth": "12/03/1985", "citizen_id": "001085012345", "gender": "Nam",
      "unit": "thcs_dong_da"}


def row(**extra):
    return {**AN, **extra}


def run(units, rows, fmt="xlsx", scope="ward"):
    data = template_rows_to_xlsx(rows) if fmt == "xlsx" else json.dumps(rows, ensure_ascii=False).encode()
    return history_import(actor=system_actor(), scope_unit=units[scope], file=io.BytesIO(data), format=fmt)


def test_it_ships_a_template_with_vietnamese_headers_and_a_guide():
    from python_calamine import load_workbook

    book = load_workbook(io.BytesIO(import_template()))
    assert book.sheet_names[:2] == ["Lịch sử thành tích", "Hướng dẫn"]
    header = book.get_sheet_by_name("Lịch sử thành tích").to_python()[0]
    assert header[:4] == ["Họ và tên", "Ngày sinh (dd/mm/yyyy)", "Số CCCD", "Giới tính (Nam/Nữ)"]
    assert [h for h in header if h] == [c.header for c in COLUMNS]
    guide = " ".join(str(c) for r in book.get_sheet_by_name("Hướng dẫn").to_python() for c in r)
    assert "Dòng 7: Số CCCD phải gồm đúng 12 chữ số" in guide


def test_it_imports_a_filled_template(units):
    rows = [
        row(year=2023, rating="HTXSNV", award="CSTDCS", decision_number="1234/QĐ-UBND", decision_date="15/01/2024",
            issuer="quan_dong_da", initiative="Đổi mới phương pháp dạy học", initiative_scope="Cấp cơ sở"),
        row(year=2024, rating="HTTNV", award="LDTT", decision_number="55/QĐ-UBND", decision_date=dt.date(2025, 1, 20),
            issuer="UBND quận Đống Đa", discipline="Khiển trách", discipline_start="01/03/2024", discipline_end="28/02/2025"),
        {"full_name": "Trần Thị Bình", "date_of_birth": dt.date(1990, 7, 2), "gender": "Nữ", "unit": "phuong_dong_da",
         "year": 2024, "rating": "HTNV"},
    ]
    report = run(units, rows)
    assert report.ok, report.errors
    assert (report.created_people, report.matched_people, report.created_records) == (2, 0, 7)
    an = Person.objects.get(citizen_id="001085012345")
    assert an.unit == units["school"] and an.date_of_birth == dt.date(1985, 3, 12)
    award = AwardRecord.objects.get(person=an, award_code="CSTDCS")
    assert award.issuer == units["district"] and award.decision_date == dt.date(2024, 1, 15)
    assert AwardRecord.objects.get(person=an, award_code="LDTT").issuer_name == "UBND quận Đống Đa"
    assert set(AwardRecord.objects.values_list("source", flat=True)) == {"imported"}
    assert Discipline.objects.get(person=an).form == "KHIEN_TRACH"
    assert Initiative.objects.get(person=an).scope == "CO_SO"
    assert YearRating.objects.filter(person__full_name="Trần Thị Bình", year=2024, rating="HTNV").exists()
    assert AuditEvent.objects.filter(action="records.history.imported").count() == 1
    assert AuditEvent.objects.filter(action="org.person.created").count() == 2


def test_it_reports_every_bad_row_and_imports_nothing(units):
    rows = [
        row(year=2023, rating="HTXSNV"),
        row(citizen_id="12345", year=2023),
        {"full_name": "Lê Văn Cường", "date_of_birth": "31/02/1980", "gender": "Nam", "unit": "khong_co", "year": 2024,
         "rating": "TOT"},
        {"full_name": "Lê Văn Dũng", "date_of_birth": "01/01/1980", "gender": "Nam", "unit": "thcs_dong_da", "year": 2024,
         "award": "NOBEL", "issuer": "quan_dong_da"},
        {"full_name": "Lê Văn Em", "date_of_birth": "01/01/1981", "gender": "Nam", "unit": "thcs_dong_da", "year": 2024,
         "award": "LDTT"},
    ]
    report = run(units, rows)
    assert not report.ok
    messages = [e.message for e in report.errors]
    assert "Dòng 3: Số CCCD phải gồm đúng 12 chữ số." in messages
    assert any(m.startswith("Dòng 4: Ngày sinh") for m in messages)
    assert "Dòng 4: Không tìm thấy đơn vị “khong_co” (tên hoặc mã) trong phạm vi Phường Đống Đa." in messages
    assert any(m.startswith("Dòng 4: Xếp loại “TOT”") for m in messages)
    assert "Dòng 5: Mã danh hiệu/hình thức “NOBEL” không có trong danh mục." in messages
    assert "Dòng 6: Thiếu cơ quan ban hành quyết định khen thưởng." in messages
    assert not any(m.startswith("Dòng 2") for m in messages)
    assert Person.objects.count() == 0 and YearRating.objects.count() == 0


def test_it_rolls_back_when_a_service_refuses_a_row(units):
    rows = [
        row(year=2023, rating="HTXSNV"),
        row(year=2023, award="LDTT", issuer="quan_dong_da", decision_date="01/06/2022"),
    ]
    report = run(units, rows)
    assert not report.ok
    assert report.errors[0].row == 3 and "trước năm thành tích" in report.errors[0].message
    assert Person.objects.count() == 0 and YearRating.objects.count() == 0


def test_it_rejects_duplicated_rows_and_conflicting_ratings(units):
    rows = [row(year=2023, rating="HTXSNV"), row(year=2023, rating="HTXSNV"), row(year=2023, rating="HTNV")]
    report = run(units, rows)
    messages = [e.message for e in report.errors]
    assert "Dòng 3: Dòng trùng hoàn toàn với dòng 2." in messages
    assert any(m.startswith("Dòng 4: Xếp loại năm 2023 khác với dòng 2") for m in messages)


def test_it_matches_existing_people_on_citizen_id(units):
    existing = PersonFactory(full_name="Nguyễn Văn An", citizen_id="001085012345", unit=units["school"], date_of_birth=None)
    report = run(units, [row(full_name="Nguyễn Văn  An", year=2024, rating="HTTNV"), row(year=2023, rating="HTNV")])
    assert report.ok, report.errors
    assert (report.created_people, report.matched_people, report.created_records) == (0, 1, 2)
    assert Person.objects.count() == 1
    assert YearRating.objects.filter(person=existing).count() == 2
    assert "khớp số CCCD" in report.notices[0].message and report.notices[0].row == 2


def test_it_matches_existing_people_on_name_and_birth_date_and_fills_the_citizen_id(units):
    existing = PersonFactory(full_name="Nguyễn Văn An", date_of_birth=dt.date(1985, 3, 12), unit=units["school"])
    report = run(units, [row(year=2024, rating="HTTNV")], fmt="json")
    assert report.ok, report.errors
    assert report.matched_people == 1 and report.created_people == 0
    existing.refresh_from_db()
    assert existing.citizen_id == "001085012345"
    assert "khớp họ tên và ngày sinh" in report.notices[0].message


def test_it_skips_records_already_in_the_ledger_on_a_second_import(units):
    rows = [row(year=2023, rating="HTXSNV", award="CSTDCS", issuer="quan_dong_da")]
    assert run(units, rows).ok
    again = run(units, rows)
    assert again.ok and again.created_records == 0 and again.skipped_records == 2 and again.matched_people == 1
    assert AwardRecord.objects.count() == 1


def test_it_rejects_units_and_people_outside_the_scope(units):
    report = run(units, [row(unit="phuong_lang", year=2024, rating="HTNV")])
    assert "Dòng 2: Đơn vị “phuong_lang” (Phường Láng) không thuộc phạm vi Phường Đống Đa." in [e.message for e in report.errors]
    PersonFactory(full_name="Nguyễn Văn An", citizen_id="001085012345", unit=units["other"])
    report = run(units, [row(year=2024, rating="HTNV")])
    # the citizen ID is taken (it is unique), but nothing says by whom nor where (point 3 of issue 11)
    assert [e.message for e in report.errors] == ["Dòng 2: Số CCCD 001085012345 đã được dùng cho một cá nhân khác trong hệ thống."]
    assert YearRating.objects.count() == 0


def test_it_imports_json_with_record_numbers_in_errors(units):
    records = [row(year=2024, rating="HTTNV"), {**AN, "citizen_id": "0010850123", "year": 2024}]
    report = run(units, records, fmt="json")
    assert [e.message for e in report.errors] == ["Bản ghi 2: Số CCCD phải gồm đúng 12 chữ số."]
    report = run(units, {"records": [row(year=2024, rating="HTTNV")]}, fmt="json")
    assert report.ok and YearRating.objects.count() == 1


def test_it_keeps_leading_zeros_of_numeric_citizen_id_cells(units):
    report = run(units, [row(citizen_id=1085012345, year=2024, rating="HTNV")])
    assert report.ok, report.errors
    assert Person.objects.get().citizen_id == "001085012345"


def test_the_command_exits_2_with_vietnamese_errors(units, tmp_path, capsys):
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps([row(citizen_id="1", year=2024, rating="HTNV")]), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_info:
        call_command("records", "import", str(bad), "--unit", "phuong_dong_da")
    assert exit_info.value.code == 2
    assert "Bản ghi 1: Số CCCD phải gồm đúng 12 chữ số." in capsys.readouterr().err
    good = tmp_path / "good.xlsx"
    good.write_bytes(template_rows_to_xlsx([row(year=2024, rating="HTNV")]))
    call_command("records", "import", str(good))
    assert YearRating.objects.count() == 1
