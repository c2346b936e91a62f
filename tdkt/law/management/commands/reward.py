"""`tdkt reward --award CODE --subject individual|household|collective --decided-on YYYY-MM-DD [--json]`."""

import datetime as dt
import json

from django.core.management.base import BaseCommand

from tdkt.core.commands import fail
from tdkt.core.errors import DomainError
from tdkt.core.vntext import format_money


class Command(BaseCommand):
    help = "Tính tiền thưởng theo hệ số, đối tượng và mức lương cơ sở tại ngày quyết định."

    def add_arguments(self, parser):
        parser.add_argument("--award", required=True)
        parser.add_argument("--subject", required=True, choices=["individual", "collective", "household", "village", "commune"])
        parser.add_argument("--decided-on", required=True)
        parser.add_argument("--issuer", default="", help="Cấp ban hành (ví dụ commune_chair), nếu có hệ số riêng")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, **options):
        from tdkt.law.money import reward_compute

        try:
            decided_on = dt.date.fromisoformat(options["decided_on"])
        except ValueError:
            fail(self, f"Ngày quyết định “{options['decided_on']}” không hợp lệ (dạng YYYY-MM-DD).")
        try:
            result = reward_compute(award_code=options["award"], subject_kind=options["subject"], decided_on=decided_on,
                                    issuer=options["issuer"])
        except DomainError as exc:
            fail(self, exc.message)
        if options["json"]:
            data = {"award": options["award"], "subject": options["subject"], "decided_on": decided_on.isoformat(), **result.to_dict()}
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{format_money(result.amount)} đồng")
        self.stdout.write(f"Bằng chữ: {result.words}")
        if result.message:
            self.stdout.write(result.message)
        self.stdout.write(f"Căn cứ: {result.legal_basis}")
