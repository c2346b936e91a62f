"""`tdkt calendar ...`: the working-day calendar (core.calendar), for checking by hand.

    tdkt calendar add-working-days 2026-01-30 1          → 2026-02-02 (the n-th working day after the date)
    tdkt calendar working-days-between 2026-02-13 2026-02-23   → 1 (working days after A up to and including B)
    tdkt calendar is-working-day 17/02/2026
    tdkt calendar deadline 2026-02-02 10 --pause 2026-02-05 2026-02-10
    tdkt calendar year 2026                               (the holidays, swaps and overrides of a year)

Dates are YYYY-MM-DD or dd/mm/yyyy. `--explain` lists the days off a count skipped. A bad date, a negative count
or a reversed pause prints a Vietnamese message on stderr and exits 2.
"""

from django.core.management.base import BaseCommand

from tdkt.core import calendar
from tdkt.core.commands import fail, read_date, read_int
from tdkt.core.errors import DomainError


class Command(BaseCommand):
    help = ("Lịch ngày làm việc: cộng ngày làm việc, đếm ngày làm việc giữa hai ngày, tính hạn có thời gian tạm dừng, "
            "xem ngày nghỉ lễ của một năm (ngày viết dạng YYYY-MM-DD hoặc dd/mm/yyyy).")

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add-working-days", help="Ngày làm việc thứ N sau ngày đã cho (tính từ ngày tiếp theo, Điều 147 BLDS).")
        add.add_argument("date", help="Ngày xảy ra sự kiện")
        add.add_argument("n", help="Số ngày làm việc (số nguyên không âm)")
        between = sub.add_parser("working-days-between",
                                 help="Số ngày làm việc sau ngày A đến hết ngày B (số âm nếu B trước A).")
        between.add_argument("a", help="Ngày A")
        between.add_argument("b", help="Ngày B")
        one = sub.add_parser("is-working-day", help="Ngày đã cho là ngày làm việc hay ngày nghỉ, và vì sao.")
        one.add_argument("date")
        limit = sub.add_parser("deadline", help="Ngày cuối của thời hạn N ngày làm việc, không tính thời gian hồ sơ bị trả lại để bổ sung.")
        limit.add_argument("date", help="Ngày xảy ra sự kiện (ví dụ ngày nhận hồ sơ)")
        limit.add_argument("n", help="Số ngày làm việc của thời hạn")
        limit.add_argument("--pause", nargs=2, action="append", default=[], metavar=("TRA_LAI", "NOP_LAI"),
                           help="Ngày trả lại hồ sơ để bổ sung và ngày nộp lại (không tính các ngày sau ngày trả lại "
                                "đến hết ngày nộp lại); lặp lại được.")
        year = sub.add_parser("year", help="Các ngày nghỉ lễ, ngày làm bù và ngày điều chỉnh của một năm.")
        year.add_argument("year")
        for parser_ in (add, between, limit):
            parser_.add_argument("--explain", "--verbose", action="store_true", dest="explain",
                                 help="Liệt kê các ngày nghỉ đã bỏ qua khi đếm, kèm tên ngày nghỉ.")

    def handle(self, *args, action, **options):
        try:
            getattr(self, action.replace("-", "_"))(options)
        except DomainError as exc:
            fail(self, exc.message)

    def add_working_days(self, options):
        start, n = read_date(self, options["date"]), read_int(self, options["n"], what="Số ngày làm việc")
        cal = calendar.current()
        result = cal.add_working_days(start, n)
        self.stdout.write(result.isoformat())
        if options["explain"]:
            self._skipped(cal, start, result)

    def working_days_between(self, options):
        a, b = read_date(self, options["a"], what="Ngày A"), read_date(self, options["b"], what="Ngày B")
        cal = calendar.current()
        self.stdout.write(str(cal.working_days_between(a, b)))
        if options["explain"]:
            self._skipped(cal, min(a, b), max(a, b))

    def is_working_day(self, options):
        self.stdout.write(calendar.day_info(read_date(self, options["date"])).describe())

    def deadline(self, options):
        start, n = read_date(self, options["date"]), read_int(self, options["n"], what="Số ngày làm việc")
        pauses = [(read_date(self, a, what="Ngày trả lại hồ sơ"), read_date(self, b, what="Ngày nộp lại hồ sơ"))
                  for a, b in options["pause"]]
        cal = calendar.current()
        result = cal.deadline(start, n, pauses)
        self.stdout.write(result.isoformat())
        if options["explain"]:
            for returned_on, resubmitted_on in pauses:
                self.stdout.write(f"Tạm dừng (hồ sơ trả lại để bổ sung): sau ngày {returned_on:%d/%m/%Y} "
                                  f"đến hết ngày {resubmitted_on:%d/%m/%Y}.")
            self._skipped(cal, start, result)

    def year(self, options):
        year = read_int(self, options["year"], what="Năm")
        if not 1 <= year <= 9999:
            fail(self, f"Năm {year} nằm ngoài khoảng 1–9999.")
        for day in calendar.current().year(year):
            self.stdout.write(day.describe())

    def _skipped(self, cal, after, until):
        days = cal.days_off(after, until)
        if not days:
            self.stdout.write("Không có ngày nghỉ nào trong khoảng.")
            return
        self.stdout.write(f"Ngày nghỉ đã bỏ qua ({len(days)}):")
        for day in days:
            self.stdout.write(f"  {day.describe()}")
