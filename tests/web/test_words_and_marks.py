"""Words and marks that mean one thing: one name for the batch run, one word per verdict, the unit's attestation
shown as such, reasons said once, the current menu entry marked on every page, a logout page, a favicon."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.core import registry
from tdkt.core.actors import system_actor
from tdkt.law import vocabulary as vocab
from tdkt.reports import services
from tdkt.reports.models import BatchRun, BatchRunRow

pytestmark = pytest.mark.django_db

ROOT = Path(settings.BASE_DIR)
BATCH = "Xét điều kiện hàng loạt"


def _sources() -> list[Path]:
    """The files whose words a user reads: templates, Python (not migrations), the README."""
    files = [ROOT / "README.md", *ROOT.joinpath("tdkt").rglob("*.html")]
    files += [p for p in ROOT.joinpath("tdkt").rglob("*.py") if "migrations" not in p.parts]
    return files


@pytest.fixture
def run(tree, officer_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    created = BatchRun.objects.create(unit=tree.ward_a, year=tree.year, requested_by=officer_a)
    return services.batch_run_execute(actor=system_actor(), run_id=created.pk)


def _title_and_h1(html: str) -> tuple[str, str]:
    title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
    h1 = re.sub(r"<[^>]+>", "", re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1))
    return title, h1


# --- one name for the batch run ------------------------------------------------------------------------------

def test_the_batch_run_has_one_name_in_the_menu_titles_and_headings(client, officer_a, run):
    client.force_login(officer_a)
    home = client.get(reverse("web:home")).content.decode()
    assert f">{BATCH}</a>" in home
    title, h1 = _title_and_h1(client.get(reverse("reports:batch_start")).content.decode())
    assert title.startswith(BATCH) and h1 == BATCH
    title, h1 = _title_and_h1(client.get(reverse("reports:batch_detail", args=[run.pk])).content.decode())
    assert title.startswith(f"{BATCH} năm {run.year}") and h1.startswith(f"{BATCH} năm {run.year}")
    assert str(run).startswith(f"{BATCH} năm {run.year}")


def test_no_other_name_for_the_batch_run_is_left_anywhere():
    others = ("Kiểm tra hàng loạt", "kiểm tra hàng loạt", "Xét điều kiện khen thưởng hàng loạt", "Chạy kiểm tra điều kiện")
    found = [(p.name, o) for p in _sources() for o in others if o in p.read_text(encoding="utf-8")]
    assert found == []
    assert f"**{BATCH}**" in (ROOT / "README.md").read_text(encoding="utf-8")


# --- one word per verdict --------------------------------------------------------------------------------------

def test_every_verdict_has_one_word_everywhere():
    assert [label for _, label in vocab.Verdict.choices] == ["Đủ điều kiện", "Chưa đủ điều kiện", "Cần xem xét thêm"]
    variants = ("Không đủ điều kiện", "không đủ điều kiện", "Không đủ ĐK", "Đủ ĐK", "Cần xem xét lại", "Cần xem xét\"",
                "“Cần xem xét”", "Cần xem xét)")
    found = [(p.name, v) for p in _sources() for v in variants if v in p.read_text(encoding="utf-8")]
    assert found == []


def test_the_batch_summary_and_the_spreadsheet_use_the_verdict_words(client, officer_a, run):
    client.force_login(officer_a)
    page = client.get(reverse("reports:batch_detail", args=[run.pk])).content.decode()
    for word in ("Đủ điều kiện", "Chưa đủ điều kiện", "Cần xem xét thêm"):
        assert f">{word}<" in page
    response = client.get(reverse("reports:batch_download", args=[run.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = {c.value for row in sheet.iter_rows(min_row=2) for c in row[4:-1]}
    assert cells <= {"Đủ điều kiện", "Chưa đủ điều kiện", "Cần xem xét thêm"}


# --- the unit's attestation is not a passed check ----------------------------------------------------------------

def test_the_attestation_is_marked_as_attested_by_the_unit_not_as_passed(client, officer_a, tree):
    client.force_login(officer_a)
    html = client.get(reverse("records:person_eligibility", args=[tree.an.pk]), {"award": "LDTT", "year": tree.year}).content.decode()
    items = re.findall(r'<li class="d-flex[^"]*" data-check="(\w+)">(.*?)</li>', html, re.S)
    attested = [body for state, body in items if "do đơn vị xác nhận" in body]
    assert len(attested) == 1 and [s for s, b in items if "do đơn vị xác nhận" in b] == ["attested"]
    assert "✓" not in attested[0] and "check-pass" not in attested[0] and "Đạt" not in attested[0]
    assert "Đơn vị xác nhận" in attested[0]
    assert any(state == "pass" and "✓" in body for state, body in items)  # the computed checks keep their mark


def test_the_batch_reasons_never_show_the_attestation_as_a_reason(run):
    from tdkt.reports import spreadsheet

    stored = spreadsheet.reasons_by_key(run)
    assert all("do đơn vị xác nhận" not in m for _, messages in stored.values() for m in messages)


# --- reasons said once ---------------------------------------------------------------------------------------------

def _reasons_of(client, run, full_name: str) -> str:
    page = client.get(reverse("reports:batch_detail", args=[run.pk])).content.decode()
    row = re.search(rf">{full_name}</a>.*?</tr>", page, re.S).group(0)
    return re.findall(r'<td class="small text-muted">(.*?)</td>', row, re.S)[-1]


def test_a_discipline_is_said_once_under_each_title_of_the_batch_run(client, officer_a, tree, run):
    client.force_login(officer_a)
    reasons = _reasons_of(client, run, "Lê Minh Cường")
    titles = reasons.split(" | ")
    assert len(titles) == 5
    for part in titles:
        assert part.count("chỉ tính thành tích từ năm") <= 1, part
        assert part.count("Khiển trách đến 28/02/") <= 1, part
    assert sum("chỉ tính thành tích từ năm" in part for part in titles) >= 2  # said where it matters, once each

    response = client.get(reverse("reports:batch_download", args=[run.pk]))
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cuong = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[1] == "Lê Minh Cường")
    for part in cuong[-1].split(" | "):
        assert part.count("chỉ tính thành tích từ năm") <= 1, part


def test_the_person_page_still_explains_the_restart_under_each_check(client, officer_a, tree):
    client.force_login(officer_a)
    html = client.get(reverse("records:person_eligibility", args=[tree.cuong.pk]), {"award": "CSTD_TINH", "year": tree.year}).content.decode()
    assert html.count("chỉ tính thành tích từ năm") == 2  # chain and initiatives: each check says why it stops


def test_the_command_line_spreadsheet_says_each_reason_once(tree, officer_a, tmp_path):
    out = tmp_path / "goi-y.xlsx"
    services.suggest_to_xlsx(actor=system_actor(), unit_code=tree.ward_a.code, year=tree.year, out=out)
    sheet = load_workbook(out).active
    cuong = next(row for row in sheet.iter_rows(min_row=2, values_only=True) if row[1] == "Lê Minh Cường")
    for part in cuong[-1].split(" | "):
        assert part.count("chỉ tính thành tích từ năm") <= 1, part
    assert BatchRunRow.objects.count() == 0


# --- the current menu entry --------------------------------------------------------------------------------------

def _current(html: str) -> list[str]:
    return re.findall(r'<a class="nav-link active" href="[^"]*" aria-current="page">([^<]*)</a>', html)


def test_every_page_marks_its_menu_entry(client, officer_a, tree, run):
    client.force_login(officer_a)
    pages = {
        reverse("web:home"): "Trang chủ",
        reverse("org:unit_tree"): "Đơn vị",
        reverse("org:unit_detail", args=[tree.ward_a.pk]): "Đơn vị",
        reverse("records:people_list"): "Cá nhân",
        reverse("records:person_detail", args=[tree.an.pk]): "Cá nhân",
        reverse("records:history_import"): "Nhập lịch sử",
        reverse("reports:batch_start"): BATCH,
        reverse("reports:batch_detail", args=[run.pk]): BATCH,
    }
    for url, label in pages.items():
        response = client.get(url)
        assert response.status_code == 200, url
        assert _current(response.content.decode()) == [label], url


def test_a_page_the_menu_does_not_name_is_marked_by_its_address(officer_a, tree):
    entries = registry.nav_for(officer_a)
    people = registry.current_entry(entries, "records:person_edit", f"/ca-nhan/{tree.an.pk}/sua/")
    assert people is not None and people.key == "people"
    assert registry.current_entry(entries, None, "/tai-khoan/doi-mat-khau/") is None
    assert registry.current_entry(entries, "web:home", "/").key == "home"


# --- logout and favicon ------------------------------------------------------------------------------------------

def test_logout_by_get_shows_a_page_with_the_logout_button(client, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("accounts:logout"))
    page = response.content.decode()
    assert response.status_code == 200
    assert re.search(r'<form method="post" action="/tai-khoan/dang-xuat/">.*?<button class="btn btn-danger" type="submit">Đăng xuất</button>',
                     page, re.S)
    assert client.get(reverse("web:home")).status_code == 200  # a GET logs nobody out
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert client.get(reverse("web:home")).status_code == 302


def test_logout_by_get_when_already_logged_out_says_so(client):
    page = client.get(reverse("accounts:logout")).content.decode()
    assert "Bạn chưa đăng nhập" in page and reverse("accounts:login") in page


def test_the_admin_logout_by_get_shows_the_same_page(client, admin_user):
    client.force_login(admin_user)
    response = client.get(reverse("admin:logout"))
    assert response.status_code == 200 and "Đăng xuất" in response.content.decode()
    assert client.post(reverse("admin:logout")).status_code == 302
    assert client.get(reverse("admin:index")).status_code == 302


def test_every_page_has_a_favicon(client, officer_a, admin_user):
    icon = '<link rel="icon" href="/static/tdkt/favicon.svg" type="image/svg+xml">'
    assert icon in client.get(reverse("accounts:login")).content.decode()
    assert icon in client.get(reverse("admin:login")).content.decode()
    client.force_login(officer_a)
    assert icon in client.get(reverse("web:home")).content.decode()
    client.force_login(admin_user)
    assert icon in client.get(reverse("admin:index")).content.decode()
    response = client.get("/favicon.ico")
    assert response.status_code == 301 and response["Location"] == "/static/tdkt/favicon.svg"
    assert (ROOT / "tdkt/static/tdkt/favicon.svg").read_text().startswith("<svg")
