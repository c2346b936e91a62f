"""`tdkt plans document --unit CODE --year YYYY --out FILE.docx|FILE.pdf`: the plan's document after its consistency check.

Prints every finding of the check (refusals and warnings); a refusal writes nothing and exits 2. An unknown unit or year,
an extension other than .docx or .pdf, a file that cannot be written: a Vietnamese message on stderr, exit 2.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from tdkt.core.commands import fail, read_int
from tdkt.core.errors import DomainError


class Command(BaseCommand):
    help = "Kế hoạch công tác thi đua, khen thưởng: kiểm tra và tạo văn bản kế hoạch (.docx hoặc .pdf)."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        doc = sub.add_parser("document", help="Kiểm tra rồi tạo văn bản kế hoạch của một cấp trong một năm.")
        doc.add_argument("--unit", required=True, help="Mã đơn vị ban hành (ví dụ quan_dong_da)")
        doc.add_argument("--year", required=True, help="Năm kế hoạch (ví dụ 2025)")
        doc.add_argument("--out", required=True, help="Tệp kết quả: .docx hoặc .pdf")

    def handle(self, *args, action, **options):
        try:
            getattr(self, action)(options)
        except DomainError as exc:
            fail(self, exc.message)

    def document(self, options):
        from tdkt.org.models import Unit
        from tdkt.plans import check, documents
        from tdkt.plans.models import Plan

        out = Path(options["out"])
        ext = out.suffix.lower().lstrip(".")
        if ext not in ("docx", "pdf"):
            fail(self, f"Tệp kết quả “{out.name}” phải có đuôi .docx hoặc .pdf.")
        year = read_int(self, options["year"], what="Năm")
        unit = Unit.objects.filter(code=options["unit"]).first()
        if unit is None:
            fail(self, f"Không có đơn vị mã “{options['unit']}”.")
        plan = Plan.objects.select_related("issuer").filter(issuer=unit, year=year).first()
        if plan is None:
            fail(self, f"{unit.name} chưa có kế hoạch công tác thi đua, khen thưởng năm {year}.")
        findings = check.check_plan(plan)
        for f in findings:
            (self.stderr if f.refuses else self.stdout).write(f"[{'LỖI' if f.refuses else 'LƯU Ý'}] {f.code}: {f.message}")
        if check.refusals(findings):
            fail(self, "Chưa tạo văn bản: hãy sửa các lỗi trên rồi chạy lại.")
        data, _ = documents.plan_pdf(plan) if ext == "pdf" else documents.plan_docx(plan)
        try:
            out.write_bytes(data)
        except OSError as exc:
            fail(self, f"Không ghi được tệp “{out}” ({exc.strerror}).")
        self.stdout.write(f"Đã tạo {out} ({len(data):,} byte): {plan}.".replace(",", "."))
