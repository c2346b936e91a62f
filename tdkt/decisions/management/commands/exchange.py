"""`tdkt exchange`: the exchange package of a dossier, for a higher level that uses another installation.

    tdkt exchange export DOSSIER_ID FILE.zip              write the package of a dossier (docs/exchange-package.md)
    tdkt exchange import FILE.zip --round ROUND_ID [--unit UNIT_CODE]
                                                          import a package as an incoming dossier of the round

Acts as the system account. Prints a Vietnamese summary and exits 0; any bad input (no such dossier or round, a file
that cannot be read or written, a package that is not one, was changed, or is of another version) prints a Vietnamese
message on stderr and exits 2, and changes nothing.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from tdkt.core.actors import system_actor
from tdkt.core.commands import fail, read_int
from tdkt.core.errors import DomainError


class Command(BaseCommand):
    help = "Gói hồ sơ trao đổi với hệ thống TĐKT khác: xuất gói của một hồ sơ, nhập gói vào một đợt xét."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        out = sub.add_parser("export", help="Xuất gói hồ sơ (.zip) của một hồ sơ đề nghị khen thưởng.")
        out.add_argument("dossier", nargs="?", default="", help="Mã số hồ sơ")
        out.add_argument("file", nargs="?", default="", help="Tệp .zip sẽ ghi")
        inp = sub.add_parser("import", help="Nhập gói hồ sơ (.zip) vào một đợt xét đang mở (hồ sơ chờ tiếp nhận).")
        inp.add_argument("file", nargs="?", default="", help="Tệp .zip của gói hồ sơ")
        inp.add_argument("--round", dest="round_id", default="", help="Mã số đợt xét nhận hồ sơ")
        inp.add_argument("--unit", default="", help="Mã đơn vị đề nghị (khi gói không nêu đơn vị có trong hệ thống)")

    def handle(self, *args, action, **options):
        if action == "export":
            self._export(options["dossier"], options["file"])
        else:
            self._import(options["file"], options["round_id"], options["unit"])

    def _export(self, dossier_id: str, file: str):
        from tdkt.decisions import exchange
        from tdkt.nominations.models import Dossier

        if not dossier_id or not file:
            fail(self, "Cách dùng: tdkt exchange export MÃ_SỐ_HỒ_SƠ TỆP.zip")
        pk = read_int(self, dossier_id, what="Mã số hồ sơ")
        dossier = Dossier.objects.select_related("round__office_unit").filter(pk=pk).first()
        if dossier is None:
            fail(self, f"Không có hồ sơ mã số {pk}.")
        target = Path(file)
        if target.suffix.lower() != ".zip":
            fail(self, f"Tệp “{file}” phải có đuôi .zip.")
        if not target.parent.is_dir():
            fail(self, f"Không có thư mục “{target.parent}” để ghi tệp.")
        try:
            data = exchange.package_build(actor=system_actor(), dossier=dossier)
        except DomainError as exc:
            fail(self, exc.message)
        try:
            target.write_bytes(data)
        except OSError as exc:
            fail(self, f"Không ghi được tệp “{file}” ({exc.__class__.__name__}).")
        self.stdout.write(f"Đã xuất gói hồ sơ “{dossier.title}” vào {file} ({len(data):,} byte).".replace(",", "."))

    def _import(self, file: str, round_id: str, unit_code: str):
        from tdkt.decisions import exchange
        from tdkt.decisions.exchange_import import package_import
        from tdkt.nominations.models import Round
        from tdkt.org.models import Unit

        if not file or not round_id:
            fail(self, "Cách dùng: tdkt exchange import TỆP.zip --round MÃ_SỐ_ĐỢT_XÉT [--unit MÃ_ĐƠN_VỊ]")
        pk = read_int(self, round_id, what="Mã số đợt xét")
        round_ = Round.objects.select_related("office_unit").filter(pk=pk).first()
        if round_ is None:
            fail(self, f"Không có đợt xét mã số {pk}.")
        unit = None
        if unit_code:
            unit = Unit.objects.filter(code=unit_code, path__startswith=round_.office_unit.path).first()
            if unit is None:
                fail(self, f"Không có đơn vị mã “{unit_code}” thuộc {round_.office_unit.name}.")
        source = Path(file)
        try:
            if source.stat().st_size > exchange.max_package_bytes():
                fail(self, f"Gói hồ sơ bị từ chối: tệp “{file}” quá lớn.")
            data = source.read_bytes()
        except FileNotFoundError:
            fail(self, f"Không tìm thấy tệp “{file}”.")
        except OSError as exc:
            fail(self, f"Không đọc được tệp “{file}” ({exc.__class__.__name__}).")
        try:
            incoming = package_import(actor=system_actor(), data=data, target_round=round_, unit=unit)
        except DomainError as exc:
            fail(self, exc.message)
        external = incoming.nominees.filter(person__isnull=True, unit__isnull=True, household__isnull=True).count()
        self.stdout.write(f"Đã nhập gói hồ sơ của {incoming.origin_name} vào đợt xét “{round_.title}”: hồ sơ mã số {incoming.pk}, "
                          f"{incoming.nominees.count()} người, tập thể ({external} ngoài hệ thống), {incoming.attachments.count()} tệp.")
