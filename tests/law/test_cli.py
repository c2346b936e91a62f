"""Commands: `tdkt eligibility check|suggest`, `tdkt reward`, `tdkt law load`."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

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


@pytest.mark.django_db
def test_it_delegates_suggest_to_the_reports_app(tmp_path, monkeypatch):
    import tdkt.reports.services as reports

    calls = []
    monkeypatch.setattr(reports, "suggest_to_xlsx", lambda **kw: calls.append(kw), raising=False)
    code, out, _ = call("eligibility", "suggest", "--unit", "phuong_dong_da", "--year", "2025", "--out", str(tmp_path / "x.xlsx"))
    assert code == 0
    assert calls == [{"unit_code": "phuong_dong_da", "year": 2025, "out": tmp_path / "x.xlsx"}]
    assert "x.xlsx" in out


@pytest.mark.django_db
def test_it_says_when_suggest_is_not_installed(tmp_path, monkeypatch):
    import tdkt.reports.services as reports

    monkeypatch.delattr(reports, "suggest_to_xlsx", raising=False)
    code, _, err = call("eligibility", "suggest", "--unit", "x", "--year", "2025", "--out", str(tmp_path / "x.xlsx"))
    assert code == 2 and "chưa được cài đặt" in err


@pytest.mark.django_db
def test_it_prints_the_reward_with_words():
    code, out, _ = call("reward", "--award", "CSTD_TINH", "--subject", "individual", "--decided-on", "2025-12-20")
    assert code == 0
    assert "7.020.000 đồng" in out and "Bảy triệu không trăm hai mươi nghìn đồng" in out


@pytest.mark.django_db
def test_it_prints_the_reward_as_json():
    code, out, _ = call("reward", "--award", "BK_TINH", "--subject", "household", "--decided-on", "2026-08-01", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["amount"] == 5_690_000 and data["amount_in_words"] == "Năm triệu sáu trăm chín mươi nghìn đồng"
    assert data["decided_on"] == "2026-08-01" and data["coefficient"] == 1.5 and data["multiplier"] == 1.5


@pytest.mark.django_db
def test_it_refuses_a_bad_decision_date():
    code, _, err = call("reward", "--award", "LDTT", "--subject", "individual", "--decided-on", "20/12/2025")
    assert code == 2 and "Ngày quyết định “20/12/2025” không hợp lệ" in err


@pytest.mark.django_db
def test_it_reloads_the_catalogue_from_the_command():
    code, out, _ = call("law", "load")
    assert code == 0 and "Đã nạp danh mục pháp lý: 0 dòng mới" in out
