"""`tdkt demo load [--once] [--seed N] [--size F]` and `tdkt demo accounts`."""

from django.core.management.base import BaseCommand

from tdkt.demo import base as demo_base
from tdkt.demo import loader as demo


class Command(BaseCommand):
    help = "Dữ liệu trình diễn: load nạp dữ liệu mẫu (Hà Nội, phường Đống Đa...), accounts in danh sách tài khoản."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Nạp dữ liệu trình diễn (xác định theo --seed).")
        load.add_argument("--once", action="store_true", help="Không làm gì nếu đã nạp.")
        load.add_argument("--seed", type=int, default=2026)
        load.add_argument("--size", type=float, default=1.0, help="Hệ số quy mô (1.0 ≈ 2.000 cá nhân).")
        sub.add_parser("accounts", help="In bảng tài khoản trình diễn, vai trò và phạm vi.")

    def handle(self, *args, action, **options):
        if action == "load":
            report = demo.load(seed=options["seed"], size=options["size"], once=options["once"])
            if report.skipped:
                self.stdout.write("Dữ liệu trình diễn đã có sẵn, bỏ qua.")
                return
            counts = report.counts
            self.stdout.write(
                f"Đã nạp dữ liệu trình diễn trong {report.seconds:.1f} giây: {counts['units']} đơn vị, {counts['people']} cá nhân, "
                f"{counts['households']} hộ gia đình, {counts['ratings']} xếp loại, {counts['awards']} khen thưởng, "
                f"{counts['disciplines']} kỷ luật, {counts['initiatives']} sáng kiến, {counts['accounts']} tài khoản."
            )
        else:
            rows = demo.accounts_table()
            width = max(len(r["username"]) for r in rows)
            name_w = max(len(r["full_name"]) for r in rows)
            role_w = max(len(r["role_name"]) for r in rows)
            self.stdout.write(f"Tài khoản trình diễn (mật khẩu chung: {demo_base.PASSWORD})")
            self.stdout.write(f"{'Tài khoản':<{width}}  {'Họ và tên':<{name_w}}  {'Vai trò':<{role_w}}  Phạm vi")
            for r in rows:
                self.stdout.write(f"{r['username']:<{width}}  {r['full_name']:<{name_w}}  {r['role_name']:<{role_w}}  {r['unit_name']}")
