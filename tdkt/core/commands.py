"""Helpers of the `tdkt` commands: a Vietnamese message on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import datetime as dt
import json
import re
import sys
from pathlib import Path

from django.core.management.base import BaseCommand


def fail(command: BaseCommand, message: str):
    command.stderr.write(message)
    raise SystemExit(2)


def read_json(command: BaseCommand, source: str):
    """The JSON document of a file (or of stdin for "-"), or exit 2 with a Vietnamese message."""
    try:
        text = sys.stdin.read() if source == "-" else Path(source).read_text(encoding="utf-8")
    except FileNotFoundError:
        fail(command, f"Không tìm thấy tệp “{source}”.")
    except (OSError, UnicodeDecodeError) as exc:
        fail(command, f"Không đọc được tệp “{source}” ({exc.__class__.__name__}).")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        fail(command, f"Dữ liệu JSON sai cú pháp (dòng {exc.lineno}, cột {exc.colno}).")


def read_date(command: BaseCommand, text: str, *, what: str = "Ngày") -> dt.date:
    """A date written YYYY-MM-DD or dd/mm/yyyy (d/m/yyyy too), or exit 2 with a Vietnamese message."""
    value = (text or "").strip()
    try:
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            return dt.date.fromisoformat(value)
        found = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", value)
        if found:
            day, month, year = (int(part) for part in found.groups())
            return dt.date(year, month, day)
    except ValueError:
        pass
    fail(command, f"{what} “{text}” không hợp lệ (viết dạng YYYY-MM-DD hoặc dd/mm/yyyy, ví dụ 2026-01-30 hoặc 30/01/2026).")


def read_int(command: BaseCommand, text: str, *, what: str = "Số") -> int:
    """An integer (a sign allowed), or exit 2 with a Vietnamese message."""
    try:
        return int((text or "").strip())
    except ValueError:
        fail(command, f"{what} “{text}” không phải là số nguyên.")
