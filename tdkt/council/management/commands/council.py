"""`tdkt council tally FILE.json` ("-" reads stdin): the council's count of one agenda item, for checking by hand.

    {"award": "CSTD_TINH", "decided_on": "2025-12-20", "members": 15, "present": 12, "agree": 13, "disagree": 1}

`agree` and `disagree` count the written votes of absent members. Prints the result as JSON (quorum, share of all
members, threshold, passed, legal basis); `--text` prints it as Vietnamese sentences. Bad input prints a Vietnamese
message on stderr and exits 2.
"""

import json

from django.core.management.base import BaseCommand

from tdkt.core.commands import fail, read_json
from tdkt.core.errors import DomainError


class Command(BaseCommand):
    help = "Hội đồng Thi đua - Khen thưởng: tính kết quả biểu quyết một nội dung (túc số, tỷ lệ đồng ý, ngưỡng, kết quả)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        count = sub.add_parser("tally", help="Tính kết quả biểu quyết từ tệp JSON (\"-\": đọc từ stdin).")
        count.add_argument("file", help="Tệp JSON: award, decided_on, members, present, agree, disagree")
        count.add_argument("--text", action="store_true", help="In kết quả bằng lời thay vì JSON.")

    def handle(self, *args, action, **options):
        try:
            getattr(self, action)(options)
        except DomainError as exc:
            fail(self, exc.message)

    def tally(self, options):
        from tdkt.council.tally import parse_request, tally

        result = tally(**parse_request(read_json(self, options["file"])))
        if not options["text"]:
            self.stdout.write(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{result.award_name} — ngày {result.decided_on:%d/%m/%Y}")
        met = "đủ" if result.quorum_met else "không đủ"
        self.stdout.write(f"Túc số: có mặt {result.present}/{result.members}, cần {result.quorum_required} ({met}).")
        self.stdout.write(result.explanation)
        self.stdout.write(f"Căn cứ: {result.rule.legal_basis}" + (" (cần xác minh)" if result.rule.needs_verification else ""))
