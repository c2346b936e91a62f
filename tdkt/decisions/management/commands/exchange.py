"""`tdkt exchange`: the exchange package of a dossier, for a higher level that uses another installation.

    tdkt exchange export DOSSIER_ID FILE.zip [--user USERNAME]
                                                          write the package of a dossier (docs/exchange-package.md)
    tdkt exchange rounds [--user USERNAME]               list the open rounds a package may be imported into
    tdkt exchange import FILE.zip --round ROUND_ID [--unit UNIT_CODE] [--user USERNAME]
                                                          import a package as an incoming dossier of the round

Acts as the system account, or with `--user` as that officer's account: their permission is checked as on the web
(the standing office of the dossier's, or of the round's, level) and the audit trail and the imported dossier name
them. Prints a Vietnamese summary and exits 0; any bad input (no such dossier, round or active account, an account
without the permission, a file that cannot be read or written, a package that is not one, was changed, or is of
another version) prints a Vietnamese message on stderr and exits 2, and changes nothing.
"""

from pathlib import Path

from django.core.management.base import BaseCommand

from tdkt.core.actors import is_system, system_actor
from tdkt.core.commands import fail, read_int
from tdkt.core.errors import DomainError

USER_HELP = "Tài khoản cán bộ thực hiện (mặc định: tài khoản hệ thống); quyền của tài khoản được kiểm tra như trên trang web."


class Command(BaseCommand):
    help = "Gói hồ sơ trao đổi với hệ thống TĐKT khác: xuất gói của một hồ sơ, nhập gói vào một đợt xét."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        out = sub.add_parser("export", help="Xuất gói hồ sơ (.zip) của một hồ sơ đề nghị khen thưởng.")
        out.add_argument("dossier", nargs="?", default="", help="Mã số hồ sơ")
        out.add_argument("file", nargs="?", default="", help="Tệp .zip sẽ ghi")
        out.add_argument("--user", default="", help=USER_HELP)
        rounds = sub.add_parser("rounds", help="Liệt kê các đợt xét đang mở nhập được gói hồ sơ (mã số đợt xét dùng cho --round).")
        rounds.add_argument("--user", default="", help=USER_HELP)
        inp = sub.add_parser("import", help="Nhập gói hồ sơ (.zip) vào một đợt xét đang mở (hồ sơ chờ tiếp nhận).")
        inp.add_argument("file", nargs="?", default="", help="Tệp .zip của gói hồ sơ")
        inp.add_argument("--round", dest="round_id", default="", help="Mã số đợt xét nhận hồ sơ")
        inp.add_argument("--unit", default="", help="Mã đơn vị đề nghị (khi gói không nêu đơn vị có trong hệ thống)")
        inp.add_argument("--user", default="", help=USER_HELP)

    def handle(self, *args, action, **options):
        actor = self._actor(options["user"])
        if action == "export":
            self._export(actor, options["dossier"], options["file"])
        elif action == "rounds":
            self._rounds(actor)
        else:
            self._import(actor, options["file"], options["round_id"], options["unit"])

    def _actor(self, username: str):
        """The system account, or the active account named by --user."""
        from django.contrib.auth import get_user_model

        if not username:
            return system_actor()
        user = get_user_model().objects.filter(username=username.strip()).first()
        if user is None:
            fail(self, f"Không có tài khoản “{username}”.")
        if not user.is_active:
            fail(self, f"Tài khoản “{username}” đã bị khóa.")
        return user

    def _rounds(self, actor):
        from tdkt.decisions.exchange_import import import_rounds
        from tdkt.nominations.models import Round, RoundStatus

        if is_system(actor):
            found = Round.objects.filter(status=RoundStatus.OPEN).select_related("office_unit").order_by("-year", "id")
        else:
            found = import_rounds(actor)
        rows = [r for r in found if actor.has_perm("decisions.import_package", r)]
        if not rows:
            self.stdout.write("Không có đợt xét nào đang mở nhập được gói hồ sơ.")
            return
        self.stdout.write("Các đợt xét đang mở nhập được gói hồ sơ (mã số: tên đợt xét — cấp xét):")
        for r in rows:
            self.stdout.write(f"{r.pk}: {r.title} — {r.office_unit.name}")

    def _export(self, actor, dossier_id: str, file: str):
        from tdkt.decisions import exchange
        from tdkt.nominations.models import Dossier

        if not dossier_id or not file:
            fail(self, "Cách dùng: tdkt exchange export MÃ_SỐ_HỒ_SƠ TỆP.zip [--user TÀI_KHOẢN]")
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
            data = exchange.package_build(actor=actor, dossier=dossier)
        except DomainError as exc:
            fail(self, exc.message)
        try:
            target.write_bytes(data)
        except OSError as exc:
            fail(self, f"Không ghi được tệp “{file}” ({exc.__class__.__name__}).")
        self.stdout.write(f"Đã xuất gói hồ sơ “{dossier.title}” vào {file} ({len(data):,} byte).".replace(",", "."))

    def _import(self, actor, file: str, round_id: str, unit_code: str):
        from tdkt.decisions import exchange
        from tdkt.decisions.exchange_import import package_import
        from tdkt.nominations.models import Round
        from tdkt.org.models import Unit

        if not file or not round_id:
            fail(self, "Cách dùng: tdkt exchange import TỆP.zip --round MÃ_SỐ_ĐỢT_XÉT [--unit MÃ_ĐƠN_VỊ] [--user TÀI_KHOẢN] "
                       "(mã số đợt xét: tdkt exchange rounds)")
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
            incoming = package_import(actor=actor, data=data, target_round=round_, unit=unit)
        except DomainError as exc:
            fail(self, exc.message)
        external = incoming.nominees.filter(person__isnull=True, unit__isnull=True, household__isnull=True).count()
        self.stdout.write(f"Đã nhập gói hồ sơ của {incoming.origin_name} vào đợt xét “{round_.title}”: hồ sơ mã số {incoming.pk}, "
                          f"{incoming.nominees.count()} người, tập thể ({external} ngoài hệ thống), {incoming.attachments.count()} tệp.")
