"""`tdkt document KIND (FILE.json | --sample) --out FILE.docx [--pdf]` and `tdkt document --list`: render one document
from a context (the plain dict of tdkt.documents.contexts, dates written YYYY-MM-DD) for checking by hand. A bad kind,
file or context: a Vietnamese message on stderr and exit 2."""

import re
from pathlib import Path

from django.core.management.base import BaseCommand

from tdkt.core.commands import fail, read_json
from tdkt.core.errors import DomainError

ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _dates(value, key: str = ""):
    """Strings YYYY-MM-DD under a key ending in "date" become dates; {"$date": …} too (a job's stored form)."""
    import datetime as dt

    if isinstance(value, dict):
        if set(value) == {"$date"}:
            return dt.date.fromisoformat(value["$date"])
        return {k: _dates(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_dates(v, key) for v in value]
    if isinstance(value, str) and key.endswith("date") and ISO_DATE.fullmatch(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            raise DomainError(f"Ngày “{value}” (trường “{key}”) không hợp lệ.") from None
    return value


class Command(BaseCommand):
    help = "Tạo một văn bản (.docx, hoặc PDF với --pdf) từ dữ liệu JSON hoặc dữ liệu mẫu của loại văn bản."

    def add_arguments(self, parser):
        parser.add_argument("kind", nargs="?", help="mã loại văn bản (xem --list)")
        parser.add_argument("file", nargs="?", help="tệp JSON của dữ liệu (hoặc - để đọc từ stdin)")
        parser.add_argument("--sample", action="store_true", help="dùng dữ liệu mẫu của loại văn bản")
        parser.add_argument("--out", help="tệp kết quả")
        parser.add_argument("--pdf", action="store_true", help="chuyển sang PDF bằng LibreOffice")
        parser.add_argument("--list", action="store_true", help="liệt kê các loại văn bản")

    def handle(self, *args, **options):
        from tdkt.documents import kinds, rendering

        if options["list"]:
            for kind in kinds.all_kinds():
                self.stdout.write(f"{kind.code}\t{kind.name}")
            return
        if not options["kind"] or not options["out"] or not (options["sample"] or options["file"]):
            fail(self, "Cần mã loại văn bản, tệp dữ liệu JSON (hoặc --sample) và --out TỆP_KẾT_QUẢ.")
        try:
            kind = kinds.get(options["kind"])
            context = kind.sample() if options["sample"] else _dates(read_json(self, options["file"]))
            data = rendering.render_docx(kind.code, context)
            if options["pdf"]:
                data = rendering.to_pdf(data)
        except DomainError as exc:
            fail(self, exc.message)
        try:
            Path(options["out"]).write_bytes(data)
        except OSError as exc:
            fail(self, f"Không ghi được tệp “{options['out']}” ({exc.strerror}).")
        self.stdout.write(f"Đã ghi {kind.name} vào {options['out']} ({len(data):,} byte).".replace(",", "."))
