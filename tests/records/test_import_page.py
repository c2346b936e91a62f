from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

URL = reverse("records:history_import")


def test_it_offers_the_template_as_an_xlsx_file(client, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("records:history_import_template"))
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert response.content[:2] == b"PK"


def test_it_accepts_only_xlsx_or_json(client, officer_a, tree):
    client.force_login(officer_a)
    response = client.post(URL, {"scope_unit": tree.ward_a.pk, "file": SimpleUploadedFile("a.csv", b"x,y")})
    assert "Chỉ nhận tệp .xlsx hoặc .json." in response.content.decode()


def test_it_refuses_a_unit_outside_the_officers_scope(client, officer_a, tree):
    client.force_login(officer_a)
    response = client.post(URL, {"scope_unit": tree.ward_b.pk, "file": SimpleUploadedFile("a.json", b"[]")})
    assert "Đơn vị không thuộc phạm vi của bạn." in response.content.decode()


def test_it_offers_only_units_of_the_scope(client, officer_a, tree):
    client.force_login(officer_a)
    units = list(client.get(URL).context["form"].fields["scope_unit"].queryset)
    assert units == [tree.ward_a, tree.school_a]


def _json_file(rows):
    import json

    return SimpleUploadedFile("lich-su.json", json.dumps(rows, ensure_ascii=False).encode(), content_type="application/json")


def test_it_imports_a_valid_file_and_shows_the_summary(client, officer_a, tree):
    from tdkt.records.models import YearRating

    client.force_login(officer_a)
    rows = [{"full_name": "Võ Thị Hoa", "date_of_birth": "02/05/1990", "gender": "Nữ", "unit": "thcs_dong_da",
             "year": 2023, "rating": "HTTNV"}]
    response = client.post(URL, {"scope_unit": tree.ward_a.pk, "file": _json_file(rows)})
    body = response.content.decode()
    assert 'data-testid="import-ok"' in body
    assert response.context["report"].created_people == 1
    assert YearRating.objects.filter(person__full_name="Võ Thị Hoa", year=2023, rating="HTTNV").exists()


def test_it_lists_row_errors_in_vietnamese_and_imports_nothing(client, officer_a, tree):
    from tdkt.org.models import Person

    client.force_login(officer_a)
    rows = [
        {"full_name": "Võ Thị Hoa", "date_of_birth": "02/05/1990", "gender": "Nữ", "unit": "thcs_dong_da", "year": 2023, "rating": "HTTNV"},
        {"full_name": "Đỗ Văn Khoa", "date_of_birth": "02/05/1991", "gender": "Nam", "unit": "th_lang", "year": 2023, "rating": "GIOI"},
    ]
    response = client.post(URL, {"scope_unit": tree.ward_a.pk, "file": _json_file(rows)})
    body = response.content.decode()
    assert 'data-testid="import-errors"' in body
    assert "chưa nhập dòng nào" in body
    errors = response.context["report"].errors
    assert errors and all(e.message for e in errors)
    assert {e.row for e in errors} == {2}
    assert not Person.objects.filter(full_name="Võ Thị Hoa").exists()
