from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

URL = reverse("web:history_import")


def test_it_offers_the_template_as_an_xlsx_file(client, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("web:history_import_template"))
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
