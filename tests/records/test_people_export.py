"""Export of the people list to Excel (issue 11, point 8): the page's filters, the page's scope, audited, printable."""

from __future__ import annotations

import io

from django.urls import reverse
from openpyxl import load_workbook

from tdkt.core.models import AuditEvent
from tests.spreadsheets import table_rows

URL = reverse("records:people_export")
LIST = reverse("records:people_list")


def _sheet(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert 'attachment; filename="danh-sach-ca-nhan-' in response["Content-Disposition"]
    return load_workbook(io.BytesIO(b"".join(response.streaming_content))).active


def test_the_list_offers_the_export_with_its_filters(client, officer_a, tree):
    client.force_login(officer_a)
    body = client.get(LIST, {"q": "nguyen", "gender": "M"}).content.decode()
    assert f'href="{URL}?q=nguyen&amp;gender=M"' in body and "Xuất Excel" in body
    # the results fragment that htmx swaps in carries the button with the new filters
    fragment = client.get(LIST, {"q": "tran"}, headers={"HX-Request": "true", "HX-Target": "people-results"}).content.decode()
    assert f'href="{URL}?q=tran"' in fragment


def test_it_exports_the_filtered_list_of_the_scope_only(client, officer_a, tree):
    client.force_login(officer_a)
    rows = table_rows(_sheet(client.get(URL)))
    assert rows[0][:2] == ("STT", "Họ và tên")
    assert sorted(r[1] for r in rows[1:]) == ["Lê Minh Cường", "Nguyễn Văn An", "Trần Thị Bình"]  # not ward B's people
    ws = _sheet(client.get(URL, {"gender": "M", "year": tree.year}))
    rows = table_rows(ws)
    assert [r[1] for r in rows[1:]] == ["Nguyễn Văn An", "Lê Minh Cường"]  # Vietnamese order: An before Cường
    an = next(r for r in rows if r[1] == "Nguyễn Văn An")
    assert an[2] == "Nam" and an[3].date().isoformat() == "1985-03-12" and an[4] == "Giáo viên"
    assert an[5] == "Trường THCS Đống Đa" and an[7] == "Có" and an[9] == "Hoàn thành xuất sắc nhiệm vụ"
    title = " | ".join(str(r[0]) for r in ws.iter_rows(max_row=4, values_only=True))
    assert "DANH SÁCH CÁ NHÂN" in title and "giới tính: Nam" in title and f"Xếp loại của năm {tree.year}" in title
    assert "bởi canbo.dongda" in title


def test_it_is_audited_with_the_filter_and_the_row_count(client, officer_a, tree):
    client.force_login(officer_a)
    _sheet(client.get(URL, {"q": "an", "unit": tree.school_a.pk}))
    event = AuditEvent.objects.get(action="records.people.exported")
    assert event.actor == officer_a
    assert event.data["rows"] == 1 and event.data["filters"]["q"] == "an" and event.data["filters"]["unit"] == "thcs_dong_da"


def test_a_unit_of_another_ward_is_not_exported(client, officer_a, tree):
    client.force_login(officer_a)
    response = client.get(URL, {"unit": tree.ward_b.pk, "q": "dung"})
    assert response.status_code == 302
    assert response["Location"] == f"{LIST}?unit={tree.ward_b.pk}&q=dung"
    page = client.get(response["Location"]).content.decode()
    assert "Chưa xuất tệp vì bộ lọc không hợp lệ" in page
    assert not AuditEvent.objects.filter(action="records.people.exported").exists()


def test_it_prints_on_a4_landscape_with_the_header_on_each_page(client, officer_a, tree):
    client.force_login(officer_a)
    ws = _sheet(client.get(URL))
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1
    header_row = next(r[0].row for r in ws.iter_rows() if r[0].value == "STT")
    assert ws.print_title_rows == f"${header_row}:${header_row}"


def test_it_streams_the_rows_without_loading_every_person(client, officer_a, tree, django_assert_max_num_queries):
    client.force_login(officer_a)
    with django_assert_max_num_queries(12):
        _sheet(client.get(URL))
