"""Commands of the law app: `tdkt reward`, `tdkt law load`."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


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


@pytest.mark.django_db
def test_it_refuses_an_unknown_award_with_exit_2():
    code, out, err = call("reward", "--award", "KHONG_CO", "--subject", "individual", "--decided-on", "2025-12-20")
    assert code == 2 and out == "" and "KHONG_CO" in err
