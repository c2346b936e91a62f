"""Issue 12, point 6: on a fresh clone, before `make run`, the commands say in Vietnamese what to run first and
exit 2 — no traceback (an empty SQLite file, as a fresh clone has none; an unreachable PostgreSQL)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
REQUEST = {"award": "CSTDCS", "year": 2025, "subject": {"kind": "individual"}}


def tdkt(*args: str, env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", "from tdkt.cli import main; main()", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture
def empty_sqlite(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "DJANGO_SETTINGS_MODULE")}
    env.update({"SQLITE_PATH": str(tmp_path / "fresh.sqlite3"), "TDKT_VAR_DIR": str(tmp_path)})
    return env


@pytest.mark.parametrize("args", [
    ["eligibility", "check", "REQUEST"],
    ["reward", "--award", "CSTDCS", "--subject", "individual", "--decided-on", "2025-12-20"],
    ["reward", "--award", "KHONG_CO", "--subject", "individual", "--decided-on", "2025-12-20"],
])
def test_a_command_before_the_database_is_made_says_what_to_run(empty_sqlite, tmp_path, args):
    request = tmp_path / "request.json"
    request.write_text(json.dumps(REQUEST), encoding="utf-8")
    done = tdkt(*[str(request) if a == "REQUEST" else a for a in args], env=empty_sqlite)
    assert done.returncode == 2, done.stdout + done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert "cơ sở dữ liệu chưa được khởi tạo" in done.stderr and "make run" in done.stderr and "tdkt migrate" in done.stderr


def test_an_unreachable_database_is_said_in_vietnamese(empty_sqlite):
    env = {**empty_sqlite, "DATABASE_URL": "postgres://tdkt@127.0.0.1:1/khong_co"}
    done = tdkt("reward", "--award", "CSTDCS", "--subject", "individual", "--decided-on", "2025-12-20", env=env)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "không làm việc được với cơ sở dữ liệu" in done.stderr and "DATABASE_URL" in done.stderr


def test_traceback_is_still_there_for_developers(empty_sqlite):
    done = tdkt("reward", "--award", "CSTDCS", "--subject", "individual", "--decided-on", "2025-12-20", "--traceback",
                env=empty_sqlite)
    assert done.returncode != 0 and "Traceback" in done.stderr
