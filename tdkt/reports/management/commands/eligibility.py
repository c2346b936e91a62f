"""`tdkt eligibility check FILE.json|-` and `tdkt eligibility suggest --unit CODE --year 2025 --out FILE.xlsx`.

`check` runs the engine (tdkt.law) on one request; `suggest` runs the batch over a unit (this app) and writes the
suggestion list, acting as the system account. Errors (malformed JSON, unknown code, bad year, missing file)
print a Vietnamese message on stderr and exit 2.
"""

import json
from pathlib import Path

from django.core.management.base import BaseCommand

from tdkt.core.actors import system_actor
from tdkt.core.commands import fail, read_json
from tdkt.core.errors import DomainError


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
        from tdkt.reports.services import suggest_to_xlsx

        try:
            count = suggest_to_xlsx(actor=system_actor(), unit_code=unit, year=year, out=out)
        except DomainError as exc:
            fail(self, exc.message)
        self.stdout.write(f"Đã ghi danh sách gợi ý của {count} cá nhân vào {out}")
