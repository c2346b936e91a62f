"""`tdkt workflows [--out FILE]`: the workflow tables of every app as Mermaid state diagrams (docs/workflows.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from tdkt.core.workflow import render_document


class Command(BaseCommand):
    help = "In sơ đồ trạng thái của các quy trình (Mermaid), sinh từ bảng chuyển trạng thái của từng phân hệ."

    def add_arguments(self, parser):
        parser.add_argument("--out", default=None, help="Ghi ra tệp (ví dụ docs/workflows.md) thay vì in ra màn hình.")

    def handle(self, *args, out=None, **options):
        text = render_document()
        if out:
            Path(out).write_text(text, encoding="utf-8")
            self.stdout.write(f"Đã ghi sơ đồ quy trình vào {out}")
        else:
            self.stdout.write(text)
