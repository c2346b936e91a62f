"""`tdkt law load [--file PATH]`: reload the legal catalogue idempotently (by code + valid_from)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from tdkt.core.actors import system_actor
from tdkt.core.commands import fail
from tdkt.core.errors import DomainError


class Command(BaseCommand):
    help = "Quản lý danh mục pháp lý (nạp lại từ tệp catalogue.json)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="Nạp lại danh mục (không tạo trùng)")
        load.add_argument("--file", default=None)

    def handle(self, *args, **options):
        from tdkt.law.services import catalogue_load

        path = Path(options["file"]) if options.get("file") else None
        if path is not None and not path.exists():
            fail(self, f"Không tìm thấy tệp “{path}”.")
        try:
            created = catalogue_load(actor=system_actor(), path=path)
        except (DomainError, ValueError, KeyError) as exc:
            fail(self, getattr(exc, "message", None) or f"Tệp danh mục không hợp lệ ({exc}).")
        total = sum(created.values())
        self.stdout.write(f"Đã nạp danh mục pháp lý: {total} dòng mới" + (f" ({created})" if total else ""))
