"""Issue 13: `tdkt calendar ...`, for checking the working-day calendar by hand. Bad input: a Vietnamese message on
stderr, exit 2, no traceback (in a real process too)."""

from __future__ import annotations

import datetime as dt
import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tdkt.core.actors import system_actor
from tdkt.core.services import working_day_override_set

ROOT = Path(__file__).resolve().parents[2]


def call(*args) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    try:
        call_command("calendar", *args, stdout=out, stderr=err)
    except SystemExit as exc:
        return exc.code, out.getvalue(), err.getvalue()
    return 0, out.getvalue(), err.getvalue()


@pytest.mark.django_db
@pytest.mark.parametrize(("args", "printed"), [
    (["add-working-days", "2026-01-30", "1"], "2026-02-02\n"),
    (["add-working-days", "30/01/2026", "1"], "2026-02-02\n"),
    (["add-working-days", "2026-01-30", "0"], "2026-01-30\n"),
    (["add-working-days", "13/2/2026", "1"], "2026-02-23\n"),  # across Tết 2026
    (["add-working-days", "2026-04-29", "1"], "2026-05-04\n"),  # across 30/4 - 1/5
    (["add-working-days", "2026-08-28", "1"], "2026-09-03\n"),  # across 2/9
    (["working-days-between", "2026-02-13", "2026-02-23"], "1\n"),
    (["working-days-between", "2026-02-23", "2026-02-13"], "-1\n"),
    (["working-days-between", "2026-01-01", "2026-12-31"], "249\n"),
    (["deadline", "2026-02-02", "10"], "2026-02-23\n"),
    (["deadline", "2026-02-02", "10", "--pause", "2026-02-05", "10/02/2026"], "2026-02-26\n"),
    (["is-working-day", "2026-02-17"], "17/02/2026 (Thứ Ba): ngày nghỉ — Tết Nguyên Đán\n"),
    (["is-working-day", "22/08/2026"], "22/08/2026 (Thứ Bảy): ngày làm việc — làm việc bù cho ngày nghỉ 31/08/2026\n"),
])
def test_it_prints_the_result_only(args, printed):
    assert call(*args) == (0, printed, "")


@pytest.mark.django_db
def test_it_explains_the_days_it_skipped():
    code, out, _ = call("add-working-days", "2026-02-13", "1", "--explain")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "2026-02-23" and lines[1] == "Ngày nghỉ đã bỏ qua (9):"
    assert "  14/02/2026 (Thứ Bảy): ngày nghỉ — nghỉ cuối tuần" in lines
    assert "  16/02/2026 (Thứ Hai): ngày nghỉ — Giao thừa Tết Nguyên Đán" in lines
    assert "  20/02/2026 (Thứ Sáu): ngày nghỉ — Mùng bốn Tết Nguyên Đán" in lines
    code, out, _ = call("working-days-between", "2026-02-02", "2026-02-03", "--verbose")
    assert out == "1\nKhông có ngày nghỉ nào trong khoảng.\n"
    code, out, _ = call("deadline", "2026-02-02", "10", "--pause", "2026-02-05", "2026-02-10", "--explain")
    assert "Tạm dừng (hồ sơ trả lại để bổ sung): sau ngày 05/02/2026 đến hết ngày 10/02/2026." in out


@pytest.mark.django_db
def test_it_lists_the_days_of_a_year_and_an_override_shows():
    working_day_override_set(actor=system_actor(), day=dt.date(2026, 1, 31), is_working_day=True,
                             reason="Làm bù cho ngày 02/01/2026", legal_basis="Thông báo số 01/TB-BNV")
    assert call("add-working-days", "2026-01-30", "1")[1] == "2026-01-31\n"
    code, out, _ = call("year", "2026")
    lines = out.splitlines()
    assert code == 0 and lines[0] == "01/01/2026 (Thứ Năm): ngày nghỉ — Tết Dương lịch"
    assert lines[1] == ("31/01/2026 (Thứ Bảy): ngày làm việc — điều chỉnh của quản trị: Làm bù cho ngày 02/01/2026; "
                        "căn cứ: Thông báo số 01/TB-BNV")
    assert "24/11/2026 (Thứ Ba): ngày nghỉ — Ngày Văn hóa Việt Nam" in lines


@pytest.mark.django_db
@pytest.mark.parametrize(("args", "message"), [
    (["add-working-days", "2026-02-30", "1"], "Ngày “2026-02-30” không hợp lệ (viết dạng YYYY-MM-DD hoặc dd/mm/yyyy"),
    (["add-working-days", "30-01-2026", "1"], "Ngày “30-01-2026” không hợp lệ"),
    (["add-working-days", "2026-01-30", "-1"], "Số ngày làm việc phải là số nguyên không âm (đã nhập -1)."),
    (["add-working-days", "2026-01-30", "một"], "Số ngày làm việc “một” không phải là số nguyên."),
    (["working-days-between", "2026-01-30", "hôm nay"], "Ngày B “hôm nay” không hợp lệ"),
    (["deadline", "2026-02-02", "10", "--pause", "2026-02-10", "2026-02-05"],
     "Ngày nộp lại hồ sơ (05/02/2026) trước ngày trả lại để bổ sung (10/02/2026)."),
    (["year", "0"], "Năm 0 nằm ngoài khoảng 1–9999."),
])
def test_it_exits_2_with_a_vietnamese_message(args, message):
    code, out, err = call(*args)
    assert code == 2 and out == ""
    assert message in err


# --- in a real process -------------------------------------------------------------------------------------------

def tdkt(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tdkt.cli", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)


@pytest.fixture(scope="module")
def fresh_sqlite(tmp_path_factory):
    """A database of its own (the suite's test database is not visible to another process), made by `tdkt migrate`."""
    folder = tmp_path_factory.mktemp("calendar")
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update({"SQLITE_PATH": str(folder / "tdkt.sqlite3"), "TDKT_VAR_DIR": str(folder)})
    done = tdkt("migrate", "-v", "0", env=env)
    assert done.returncode == 0, done.stderr
    return env


def test_the_command_prints_the_day_in_a_real_process(fresh_sqlite):
    done = tdkt("calendar", "add-working-days", "2026-01-30", "1", env=fresh_sqlite)
    assert (done.returncode, done.stdout, done.stderr) == (0, "2026-02-02\n", "")
    done = tdkt("calendar", "working-days-between", "2026-04-29", "2026-05-04", env=fresh_sqlite)
    assert (done.returncode, done.stdout) == (0, "1\n")


@pytest.mark.parametrize(("args", "message"), [
    (["add-working-days", "2026-01-30", "-1"], "Số ngày làm việc phải là số nguyên không âm (đã nhập -1)."),
    (["add-working-days", "31/02/2026", "1"], "Ngày “31/02/2026” không hợp lệ"),
    (["working-days-between", "2026-13-01", "2026-02-01"], "Ngày A “2026-13-01” không hợp lệ"),
])
def test_bad_input_exits_2_without_a_traceback(fresh_sqlite, args, message):
    done = tdkt("calendar", *args, env=fresh_sqlite)
    assert done.returncode == 2, done.stdout + done.stderr
    assert message in done.stderr and done.stdout == ""
    assert "Traceback" not in done.stderr
