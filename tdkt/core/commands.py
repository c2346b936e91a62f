"""Helpers of the `tdkt` commands: a Vietnamese message on stderr and exit code 2, never a traceback."""

from __future__ import annotations

import json
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
