"""The admin speaks Vietnamese: Django's and the third-party apps' strings, model names, dates, the greeting."""

import re

import pytest
from django.urls import reverse

ENGLISH = ["AUTH TOKEN", "Auth Token", "Tokens", "TASKS DATABASE BACKEND", "Tasks Database Backend", "Task Results",
           "Show counts", "Hide counts", "- Select an option -", "object (", "Welcome", "Skip to main content",
           "Toggle theme", "Model name", "Add link", "Can add", "Can change", "Can view", ">None<"]


@pytest.fixture
def quantri(client, personas):
    admin = personas["admin"]
    admin.first_name, admin.last_name = "Nguyễn Thị Thu", "Hà"
    admin.save()
    client.force_login(admin)
    return client


def _page(client, url, **params) -> str:
    response = client.get(url, params)
    assert response.status_code == 200, url
    return response.content.decode()


def _visible(html: str) -> str:
    """The text and the attribute values a user reads (no scripts)."""
    return re.sub(r"<script.*?</script>", " ", html, flags=re.S)


def _english(html: str) -> list[str]:
    text = _visible(html)
    return [word for word in ENGLISH if word in text]


def test_the_admin_index_names_every_app_and_model_in_vietnamese(quantri):
    page = _page(quantri, reverse("admin:index"))
    assert _english(page) == []
    assert "Mã truy cập API" in page and "Tác vụ nền" in page and "Kết quả tác vụ nền" in page


def test_the_admin_greets_by_the_given_name(quantri):
    page = _page(quantri, reverse("admin:index"))
    assert "Xin chào, <strong>Hà</strong>." in page
    assert "Nguyễn Thị Thu</strong>" not in page


def test_a_changelist_with_filters_reads_vietnamese_with_dates_as_dd_mm_yyyy(quantri, tree):
    page = _page(quantri, reverse("admin:accounts_roleassignment_changelist"), role="unit_officer")
    assert _english(page) == []
    assert "Hiện số lượng" in page
    assert "01/07/2025" in page  # the officers' assignments start on the day of the reform
    assert not re.search(r"\d{4}-\d{2}-\d{2}|tháng \d+ năm", _visible(page))


def test_a_change_form_reads_vietnamese_with_dates_as_dd_mm_yyyy(quantri, tree):
    page = _page(quantri, reverse("admin:org_person_change", args=[tree.an.pk]))
    assert _english(page) == []
    assert 'value="12/03/1985"' in page  # date of birth, as typed in Vietnam
    assert "Trường THCS Đống Đa, Giáo viên (từ " in page  # the membership inline names its unit


def test_every_ledger_change_form_names_its_object(quantri, tree):
    from tdkt.records.models import AwardRecord, Discipline, Initiative, YearRating

    for model in (YearRating, AwardRecord, Discipline, Initiative):
        obj = model.objects.filter(person=tree.an).first() or model.objects.first()
        page = _page(quantri, reverse(f"admin:records_{model._meta.model_name}_change", args=[obj.pk]))
        assert _english(page) == [], model
        assert "Nguyễn Văn An" in page or "Lê Minh Cường" in page


def test_a_blank_choice_reads_vietnamese(quantri, tree):
    page = _page(quantri, reverse("admin:org_person_add"))
    assert "- Select an option -" not in page and "- Chọn -" in page


def test_the_permissions_of_an_account_are_named_in_vietnamese(quantri, personas):
    page = _page(quantri, reverse("admin:auth_user_change", args=[personas["officer_a"].pk]))
    assert _english(page) == []
    assert "Thêm cá nhân" in page and "Xem mã truy cập" in page


def test_the_admin_calendar_speaks_vietnamese(quantri):
    script = _page(quantri, reverse("admin:jsi18n"))
    assert "H\\u00f4m nay" in script or "Hôm nay" in script
    assert "%d/%m/%Y" in script  # the calendar writes the date the way the form reads it
