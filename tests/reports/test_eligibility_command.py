"""`tdkt eligibility check FILE|-` (the engine on one request) and `tdkt eligibility suggest` (a real batch, a real .xlsx)."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.spreadsheets import table_rows

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = {"award": "CSTD_TINH", "year": 2025, "subject": {"kind": "individual"},
           "history": {"ratings": [{"year": 2025, "rating": "HTXSNV"}], "awards": [{"year": 2023, "award": "CSTDCS"},
                       {"year": 2024, "award": "CSTDCS"}, {"year": 2025, "award": "CSTDCS", "proposed": True}],
                       "disciplines": [], "initiatives": [{"year": 2025, "scope": "TINH"}]}}


def call(*args, stdin: str | None = None, monkeypatch=None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    if stdin is not None:
        monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        call_command(*args, stdout=out, stderr=err)
    except SystemExit as exc:
        return exc.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.mark.django_db
def test_it_prints_the_result_of_a_file(tmp_path):
    path = tmp_path / "ho-so.json"
    path.write_text(json.dumps(EXAMPLE, ensure_ascii=False), encoding="utf-8")
    code, out, _ = call("eligibility", "check", str(path))
    result = json.loads(out)
    assert code == 0
    assert result["verdict"] == "eligible" and result["regime"] == "ND152_2025"
    assert "Chuỗi CSTĐCS liên tục: 2023, 2024, 2025 (2025 đang đề nghị)" in out  # ensure_ascii=False
    assert out.startswith("{\n  \"award\"")  # indent 2


@pytest.mark.django_db
def test_it_reads_stdin(monkeypatch):
    code, out, _ = call("eligibility", "check", "-", stdin=json.dumps({"award": "LDTT", "year": 2025}), monkeypatch=monkeypatch)
    assert code == 0 and json.loads(out)["verdict"] == "needs_review"


@pytest.mark.django_db
@pytest.mark.parametrize(("body", "text"), [
    ('{"award": "LDTT", "year": 2025', "Dữ liệu JSON sai cú pháp (dòng 1"),
    ('{"award": "KHONG_CO", "year": 2025}', "Trường “award”: mã danh hiệu/hình thức “KHONG_CO” không có trong danh mục."),
    ('{"award": "LDTT", "year": 1800}', "Trường “year”: năm 1800 nằm ngoài khoảng cho phép"),
])
def test_it_exits_2_with_a_vietnamese_message(monkeypatch, body, text):
    code, out, err = call("eligibility", "check", "-", stdin=body, monkeypatch=monkeypatch)
    assert code == 2 and out == ""
    assert text in err


@pytest.mark.django_db
def test_it_says_a_missing_file_is_missing(tmp_path):
    code, _, err = call("eligibility", "check", str(tmp_path / "khong-co.json"))
    assert code == 2 and "Không tìm thấy tệp" in err


def test_it_exits_2_on_bad_json_in_a_real_process(tmp_path):
    path = tmp_path / "sai.json"
    path.write_text("{ không phải JSON", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "tdkt.cli", "eligibility", "check", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert "Dữ liệu JSON sai cú pháp" in done.stderr
    assert "Traceback" not in done.stderr and done.stdout == ""


def test_it_writes_the_suggestion_list_of_a_unit(tree, tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "goi-y.xlsx"
    code, stdout, _ = call("eligibility", "suggest", "--unit", "phuong_dong_da", "--year", str(tree.year), "--out", str(out))
    rows = table_rows(load_workbook(out).active)
    assert code == 0 and "3 cá nhân" in stdout
    assert rows[0][1] == "Họ và tên" and sorted(r[1] for r in rows[1:]) == ["Lê Minh Cường", "Nguyễn Văn An", "Trần Thị Bình"]


@pytest.mark.django_db
def test_it_says_an_unknown_unit_in_vietnamese(tmp_path):
    code, _, err = call("eligibility", "suggest", "--unit", "khong_co", "--year", "2025", "--out", str(tmp_path / "x.xlsx"))
    assert code == 2 and "Không tìm thấy đơn vị có mã “khong_co”" in err
