"""`tdkt nominations digest`: the daily digest of the dossiers near or past the office's time limit, for cron.

    tdkt nominations digest        (e.g. from cron: 0 7 * * * /srv/tdkt/.venv/bin/tdkt nominations digest)

Acts as the system account; each office user gets one notification (and mail) listing the dossiers of their scope
whose time limit is near or past, nobody gets anything when there is none, and a second run the same day sends
nothing. Prints a Vietnamese summary and exits 0; a refusal prints a Vietnamese message on stderr and exits 2.
"""

from django.core.management.base import BaseCommand

from tdkt.core.actors import system_actor
from tdkt.core.commands import fail
from tdkt.core.errors import DomainError


class Command(BaseCommand):
    help = "Hồ sơ đề nghị khen thưởng: gửi bản tổng hợp hằng ngày các hồ sơ sắp đến hạn hoặc quá hạn xử lý."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("digest", help="Gửi mỗi cán bộ cơ quan thường trực một thông báo (và thư) liệt kê các hồ sơ trong phạm vi "
                                      "sắp đến hạn hoặc đã quá hạn xử lý; chạy lại trong ngày không gửi lại.")

    def handle(self, *args, action, **options):
        from tdkt.nominations import notify

        try:
            report = notify.digest_send(actor=system_actor())
        except DomainError as exc:
            fail(self, exc.message)
        if not report["dossiers"]:
            self.stdout.write("Không có hồ sơ nào sắp đến hạn hoặc quá hạn xử lý: không gửi thông báo.")
            return
        self.stdout.write(f"{report['dossiers']} hồ sơ sắp đến hạn hoặc quá hạn xử lý; đã gửi thông báo cho {report['sent']} người"
                          + (f", {report['already']} người đã nhận bản tổng hợp hôm nay" if report["already"] else "") + ".")
