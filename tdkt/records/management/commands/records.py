"""`tdkt records import FILE [--unit CODE]` and `tdkt records template OUT.xlsx`."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tdkt.core.actors import system_actor
from tdkt.core.errors import DomainError
from tdkt.org.models import Unit
from tdkt.org.selectors import province_unit
from tdkt.records.importing import history_import, import_template


class Command(BaseCommand):
    help = "Hồ sơ thành tích: nhập lịch sử từ tệp .xlsx/.json (import) hoặc xuất tệp mẫu (template)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        imp = sub.add_parser("import", help="Nhập lịch sử thành tích; có lỗi thì không nhập dòng nào (mã thoát 2).")
        imp.add_argument("file", help="Tệp .xlsx (theo mẫu) hoặc .json")
        imp.add_argument("--unit", default=None, help="Mã đơn vị phạm vi nhận dữ liệu (mặc định: cả tỉnh).")
        tpl = sub.add_parser("template", help="Ghi tệp mẫu Excel.")
        tpl.add_argument("out", help="Đường dẫn tệp .xlsx cần ghi")
        tpl.add_argument("--unit", default=None, help="Mã đơn vị: sheet “Hướng dẫn” liệt kê các đơn vị của nó (mặc định: cả tỉnh).")

    def handle(self, *args, action, **options):
        if action == "template":
            scope = self._scope(options["unit"]) if options["unit"] else province_unit()
            units = (Unit.objects.filter(path__startswith=scope.path, valid_to__isnull=True).order_by("depth", "name_sort_key", "id")
                     if scope is not None else None)
            Path(options["out"]).write_bytes(import_template(units))
            self.stdout.write(f"Đã ghi tệp mẫu {options['out']}.")
            return
        path = Path(options["file"])
        if not path.is_file():
            raise CommandError(f"Không tìm thấy tệp {path}.", returncode=2)
        scope = self._scope(options["unit"])
        fmt = path.suffix.lower().lstrip(".")
        try:
            report = history_import(actor=system_actor(), scope_unit=scope, file=path, format=fmt)
        except DomainError as exc:
            raise CommandError(exc.message, returncode=2) from exc
        if not report.ok:
            self.stderr.write(f"Tệp có {len(report.errors)} lỗi — chưa nhập dòng nào:")
            for error in report.errors:
                self.stderr.write(f"  {error.message}")
            sys.exit(2)
        for notice in report.notices:
            self.stdout.write(f"  {notice.message}")
        self.stdout.write(
            f"Đã nhập: {report.created_people} cá nhân mới, {report.matched_people} cá nhân đã có được ghép, "
            f"{report.created_records} bản ghi thành tích ({report.skipped_records} bản ghi đã có, bỏ qua)."
        )

    def _scope(self, code: str | None) -> Unit:
        """The unit named by --unit, else the province (the system account acts over all of it)."""
        if code:
            scope = Unit.objects.filter(code=code).first()
            if scope is None:
                raise CommandError(f"Mã đơn vị “{code}” không tồn tại.", returncode=2)
            return scope
        scope = province_unit()
        if scope is None:
            raise CommandError("Chưa có đơn vị nào; hãy chạy `tdkt org seed-province` trước.", returncode=2)
        return scope
