"""No formula in any spreadsheet the system writes (issue 11, point 2).

Text that users typed (names, positions, unit names) is planted with formulas, then every spreadsheet the
system produces is read back with openpyxl: no cell may be a formula, and the planted text is there as
neutralised text ("'=HYPERLINK(...)"). The people are altered behind the services on purpose: the services
now refuse such names, but data typed before (or restored from an old backup) must not become a live link.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from tdkt.core.actors import system_actor
from tdkt.core.spreadsheet_writer import FORMULA_STARTS
from tdkt.org.models import Person, Unit
from tdkt.records.importing import template_rows_to_xlsx
from tdkt.reports import services
from tdkt.reports.models import BatchRun

FORMULA = '=HYPERLINK("http://evil.example/","Bấm vào đây")'
PHONE = "+84 912 345 678"
UNIT = "@SUM(1+1)*cmd|' /C calc'!A0"
TAB = "\t=1+2"


@pytest.fixture
def planted(tree):
    Person.objects.filter(pk=tree.an.pk).update(full_name=FORMULA, position=PHONE)
    Person.objects.filter(pk=tree.binh.pk).update(position=TAB)
    Unit.objects.filter(pk=tree.school_a.pk).update(name=UNIT)
    return tree


def cells(content: bytes) -> list:
    book = load_workbook(io.BytesIO(content))
    return [c for ws in book.worksheets for row in ws.iter_rows() for c in row]


def assert_no_formula(content: bytes, *, planted: tuple[str, ...]) -> None:
    every = cells(content)
    live = [f"{c.parent.title}!{c.coordinate}: {c.value!r}" for c in every
            if c.data_type == "f" or (isinstance(c.value, str) and c.value.startswith(FORMULA_STARTS))]
    assert not live, live
    texts = {c.value for c in every if isinstance(c.value, str)}
    for text in planted:
        assert "'" + text in texts, f"{text!r} is not in the file as neutralised text"


def test_the_batch_runs_list(client, planted, officer_a, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    run = BatchRun.objects.create(unit=planted.ward_a, year=planted.year, requested_by=officer_a, titles=["LDTT", "CSTDCS"])
    services.batch_run_execute(actor=system_actor(), run_id=run.pk)
    client.force_login(officer_a)
    response = client.get(reverse("reports:batch_download", args=[run.pk]))
    assert_no_formula(b"".join(response.streaming_content), planted=(FORMULA, UNIT))


def test_the_suggestion_list(planted, tmp_path):
    out = tmp_path / "goi-y.xlsx"
    services.suggest_to_xlsx(actor=system_actor(), unit_code="phuong_dong_da", year=planted.year, out=out)
    assert_no_formula(out.read_bytes(), planted=(FORMULA, UNIT))


def test_the_people_export(client, planted, officer_a):
    client.force_login(officer_a)
    response = client.get(reverse("records:people_export"))
    assert_no_formula(b"".join(response.streaming_content), planted=(FORMULA, PHONE, TAB, UNIT))


def test_the_import_template_and_a_filled_one(client, planted, officer_a):
    client.force_login(officer_a)
    assert_no_formula(client.get(reverse("records:history_import_template")).content, planted=(UNIT,))
    filled = template_rows_to_xlsx([{"full_name": FORMULA, "position": PHONE, "unit": UNIT}], units=Unit.objects.all())
    assert_no_formula(filled, planted=(FORMULA, PHONE, UNIT))


def test_every_spreadsheet_is_written_by_the_one_writer():
    """A new exporter that writes cells itself would escape the tests above: openpyxl is used by the writer,
    and by the import templates (the history's, the nominee list's) only through it (put / append), plus the drop-downs."""
    root = Path(__file__).resolve().parent.parent / "tdkt"
    users = sorted(str(p.relative_to(root)) for p in root.rglob("*.py") if re.search(r"^\s*(from|import) openpyxl", p.read_text(), re.M))
    assert users == ["core/spreadsheet_writer.py", "nominations/importing.py", "records/import_template.py"]
    for template in ((root / "records" / "import_template.py").read_text(), (root / "nominations" / "importing.py").read_text()):
        assert not re.search(r"\.value\s*=|value=|\.append\(\[|\bws\.append|sheet\.append|guide\.append|codes\.append", template)
