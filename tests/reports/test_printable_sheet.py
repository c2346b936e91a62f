"""The batch run's .xlsx is a list people can print (issue 11, point 16)."""

from __future__ import annotations

import pytest
from django.utils import timezone
from openpyxl import load_workbook

from tdkt.core.actors import system_actor
from tdkt.reports import services
from tdkt.reports.models import BatchRun

from .conftest import make_people


@pytest.fixture
def sheet(tree, officer_a, media):
    make_people(tree.school_a, 70, year=tree.year, seed=41)
    run = BatchRun.objects.create(unit=tree.ward_a, year=tree.year, requested_by=officer_a, titles=["LDTT", "CSTDCS"])
    run = services.batch_run_execute(actor=system_actor(), run_id=run.pk)
    return run, load_workbook(run.result_file.path).active


def test_it_opens_with_a_title_block_naming_the_unit_the_year_and_the_date(sheet, tree):
    run, ws = sheet
    title = [r[0] for r in ws.iter_rows(max_row=4, values_only=True)]
    assert title[0] == f"DANH SÁCH XÉT ĐIỀU KIỆN KHEN THƯỞNG NĂM {tree.year}"
    assert "Đơn vị: Phường Đống Đa" in title and f"Năm xét: {tree.year}" in title
    assert f"Ngày xét: {timezone.localtime(run.started_at):%d/%m/%Y}" in title[3]
    last = ws.cell(6, len([c for c in ws[6] if c.value])).column_letter
    assert f"A1:{last}1" in {str(r) for r in ws.merged_cells.ranges}  # the title spans the table


def test_it_prints_a4_landscape_fit_to_width_with_the_header_on_every_page(sheet):
    _, ws = sheet
    assert ws.page_setup.orientation == "landscape" and int(ws.page_setup.paperSize) == 9
    assert ws.sheet_properties.pageSetUpPr.fitToPage and ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
    assert ws["A6"].value == "STT" and ws.print_title_rows == "$6:$6" and ws.freeze_panes == "C7"


def test_reasons_wrap_and_columns_are_wide_enough_for_their_text(sheet):
    _, ws = sheet
    header = [c.value for c in ws[6]]
    reasons = header.index("Lý do") + 1
    cells = [r[reasons - 1] for r in ws.iter_rows(min_row=7) if r[reasons - 1].value]
    assert cells and all(c.alignment.wrap_text for c in cells)
    widths = {h: ws.column_dimensions[chr(64 + i)].width for i, h in enumerate(header, start=1)}
    longest_name = max(len(r[1]) for r in ws.iter_rows(min_row=7, values_only=True))
    assert widths["Họ và tên"] >= longest_name
    assert widths["Đơn vị"] >= len("Trường THCS Đống Đa")
    assert widths["Lý do"] >= 60 and all(ws.cell(6, c).alignment.wrap_text for c in range(1, len(header) + 1))
