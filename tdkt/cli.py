"""The `tdkt` console command: Django's manage.py under the project's name.

A command never ends in a traceback for want of a database: a database whose tables are not made yet (a fresh
clone before `make run`) or that cannot be reached is said in Vietnamese, with what to run, and the command exits 2
(as every other refusal of the `tdkt` commands, core.commands). `--traceback` still shows it, for developers.
"""

import os
import sys

NO_TABLES = ("no such table", "does not exist", "undefined table")

MISSING_TABLES = ("Lỗi: cơ sở dữ liệu chưa được khởi tạo (chưa có bảng {table}).\n"
                  "Hãy chạy `make run` (khởi tạo và nạp dữ liệu mẫu) hoặc `.venv/bin/tdkt migrate` trước, rồi chạy lại lệnh.")
UNREACHABLE = ("Lỗi: không làm việc được với cơ sở dữ liệu ({reason}).\n"
               "Kiểm tra biến DATABASE_URL (hoặc SQLITE_PATH) và máy chủ cơ sở dữ liệu, rồi chạy lại lệnh.")


def database_message(exc: BaseException) -> str:
    """The Vietnamese message of a database error met by a command."""
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else exc.__class__.__name__
    lowered = text.lower()
    if any(marker in lowered for marker in NO_TABLES):
        table = text.split(":")[-1].strip() if "no such table" in lowered else text.split('"')[1] if '"' in text else "?"
        return MISSING_TABLES.format(table=table)
    return UNREACHABLE.format(reason=text)


def main(argv=None) -> None:
    argv = sys.argv if argv is None else argv
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tdkt.settings")
    from django.core.management import execute_from_command_line
    from django.db import DatabaseError

    try:
        execute_from_command_line(argv)
    except DatabaseError as exc:
        if "--traceback" in argv:
            raise
        sys.stderr.write(database_message(exc) + "\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
