"""`tdkt eligibility check FILE.json|-` and `tdkt eligibility suggest --unit CODE --year 2025 --out FILE.xlsx`.

Errors (malformed JSON, unknown code, bad year, missing file) print a Vietnamese message on stderr and exit 2.
"""

import json
import sys
from pathlib import Path

from django.core.management.base import BaseCommand

from tdkt.core.errors import DomainError


def fail(command: BaseCommand, message: str):
    command.stderr.write(message)
    raise SystemExit(2)


def read_json(command: BaseCommand, source: str):
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


class Command(BaseCommand):
    help = "Kiểm tra điều kiện danh hiệu, hình thức khen thưởng; gợi ý danh sách đề nghị của một đơn vị."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        check = sub.add_parser("check", help="Kiểm tra một hồ sơ (tệp JSON, hoặc - để đọc từ stdin)")
        check.add_argument("file")
        suggest = sub.add_parser("suggest", help="Gợi ý danh sách đủ điều kiện của một đơn vị ra tệp Excel")
        suggest.add_argument("--unit", required=True)
        suggest.add_argument("--year", required=True, type=int)
        suggest.add_argument("--out", required=True)

    def handle(self, *args, **options):
        if options["action"] == "check":
            return self.check_file(options["file"])
        return self.suggest_file(options["unit"], options["year"], Path(options["out"]))

    def check_file(self, source: str) -> None:
        from tdkt.law import engine

        payload = read_json(self, source)
        try:
            result = engine.check(payload)
        except DomainError as exc:
            fail(self, exc.message)
        self.stdout.write(json.dumps(result, ensure_ascii=False, indent=2))

    def suggest_file(self, unit: str, year: int, out: Path) -> None:
        try:
            from tdkt.reports.services import suggest_to_xlsx
        except ImportError:
            fail(self, "Chức năng gợi ý danh sách (báo cáo) chưa được cài đặt.")
        try:
            suggest_to_xlsx(unit_code=unit, year=year, out=out)
        except DomainError as exc:
            fail(self, exc.message)
        self.stdout.write(f"Đã ghi danh sách gợi ý vào {out}")
