"""`tdkt org seed-province [--code 1] [--legacy-district NAME ...]`."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.org.seeding import seed_province


class Command(BaseCommand):
    help = "Quản lý đơn vị: seed-province tạo tỉnh và các xã, phường từ dữ liệu hành chính (chạy lại không tạo trùng)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        seed = sub.add_parser("seed-province", help="Tạo tỉnh, các xã/phường sau 1/7/2025 và quận, huyện cũ (nếu chọn).")
        seed.add_argument("--code", type=int, default=None, help="Mã tỉnh (mặc định TDKT_PROVINCE_CODE).")
        seed.add_argument(
            "--legacy-district", action="append", dest="legacy", default=None, metavar="NAME",
            help="Quận, huyện cũ (tên hoặc mã, ví dụ quan_dong_da) cần tạo kèm phường cũ và quan hệ kế thừa; lặp lại được.",
        )

    def handle(self, *args, action, **options):
        if action == "seed-province":
            code = options["code"] or settings.TDKT_PROVINCE_CODE
            try:
                report = seed_province(actor=system_actor(), code=code, legacy_districts=options["legacy"])
            except DomainError as exc:
                raise CommandError(exc.message, returncode=2) from exc
            self.stdout.write(
                f"{report.province.name}: tạo mới {report.created_units} đơn vị, đã có {report.existing_units}; "
                f"{report.successions} quan hệ kế thừa mới"
                + (f"; quận/huyện cũ: {', '.join(report.legacy_districts)}" if report.legacy_districts else "")
                + "."
            )
