"""`make bench`, nominations: a 10,000-row nominee list imported with full validation (the directory, the round, the
duplicates) and written (the nominees, their "+" history rows, the audit event; the engine's verdicts on a list this long
are the background task's, enqueued on commit, not timed here) beside the time to merely read the same file (python-calamine, the import's own reader) as its baseline;
and the office's inbox with 10,000 dossiers beside a bare Django view rendering the same rows. Everything it writes
is rolled back (the database can be reused)."""

from __future__ import annotations

import collections
import datetime as dt
import io
import statistics
import time

ROWS = 10_000
IMPORT_GOAL_S, IMPORT_RATIO_GOAL = 10.0, 5.0
INBOX_DOSSIERS = 10_000


class _Rollback(Exception):
    pass


def _admin():
    from django.contrib.auth import get_user_model

    user, _ = get_user_model().objects.get_or_create(username="bench_quantri", defaults={"is_superuser": True, "is_staff": True})
    return user


def _list_file(root) -> bytes:
    from openpyxl import Workbook

    from tdkt.nominations.importing import COLUMNS, SHEET
    from tdkt.org.models import Person

    pairs = collections.Counter(Person.objects.filter(unit__path__startswith=root.path).values_list("full_name", "date_of_birth"))
    unique = [pair for pair, n in pairs.items() if n == 1 and pair[1] is not None][:ROWS]
    book = Workbook(write_only=True)
    sheet = book.create_sheet(SHEET)
    sheet.append([c.header for c in COLUMNS])
    for name, dob in unique:
        sheet.append([name, dob.strftime("%d/%m/%Y"), "", "LDTT", "Hoàn thành tốt nhiệm vụ", ""])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def _round_and_dossier(root, admin, year: int):
    from tdkt.nominations.models import Dossier, Round

    round_ = Round.objects.create(office_unit=root, year=year, kind="ANNUAL", title="Bench", awards=["LDTT"],
                                  intake_from=dt.date(year, 11, 1), intake_to=dt.date(year + 1, 12, 31), created_by=admin)
    return round_, Dossier.objects.create(round=round_, unit=root, title="Bench", created_by=admin)


def time_import(root, year: int, repeat: int = 7) -> dict:
    from django.db import transaction

    from tdkt.nominations.importing import TABLE, nominee_import

    admin = _admin()
    data = _list_file(root)
    reads, imports, created = [], [], 0
    for _ in range(repeat):
        t = time.perf_counter()
        rows, _label = TABLE.read(io.BytesIO(data), "xlsx")
        reads.append(time.perf_counter() - t)
        try:
            with transaction.atomic():
                _, dossier = _round_and_dossier(root, admin, year)
                t = time.perf_counter()
                report = nominee_import(actor=admin, dossier=dossier, file=io.BytesIO(data), format="xlsx")
                imports.append(time.perf_counter() - t)
                if not report.ok:
                    raise RuntimeError(f"the bench list was refused: {report.errors[:3]}")
                created = report.created
                raise _Rollback
        except _Rollback:
            pass
    return {"rows": len(rows), "created": created, "read": statistics.median(reads), "import": statistics.median(imports)}


def time_inbox(root, year: int, repeat: int = 5) -> dict:
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.db import connection, transaction
    from django.http import HttpResponse
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext

    from tdkt.nominations import views
    from tdkt.nominations.models import Dossier

    admin = _admin()
    factory = RequestFactory()
    out = {}
    try:
        with transaction.atomic():
            round_, _ = _round_and_dossier(root, admin, year)
            Dossier.objects.bulk_create([Dossier(round=round_, unit=root, title=f"Hồ sơ {i}", status="submitted", created_by=admin,
                                                 submitted_on=dt.date(year + 1, 1, 1), tracking_code=f"B{i:09d}")
                                         for i in range(INBOX_DOSSIERS)], batch_size=2000)

            def inbox():
                request = factory.get("/ho-so-khen-thuong/")
                request.user, request.session = admin, {}
                request._messages = FallbackStorage(request)
                response = views.index(request)
                assert response.status_code == 200
                return response

            def bare():
                rows = list(Dossier.objects.filter(round=round_).values_list("pk", "title", "status")[:50])
                return HttpResponse("\n".join(f"{pk} {t} {s}" for pk, t, s in rows))

            for name, fn in (("inbox", inbox), ("bare", bare)):
                fn()
                times = []
                for _ in range(repeat):
                    t = time.perf_counter()
                    with CaptureQueriesContext(connection) as queries:
                        fn()
                    times.append(time.perf_counter() - t)
                out[name] = statistics.median(times)
                out[f"{name}_queries"] = len(queries.captured_queries)
            raise _Rollback
    except _Rollback:
        pass
    return out


def run(year: int = 2025) -> dict:
    from tdkt.org.models import Unit

    root = Unit.objects.filter(parent__isnull=True).order_by("path").first()
    return {"import": time_import(root, year), "inbox": time_inbox(root, year)}


def print_table(f: dict) -> None:
    ok = lambda b: "yes" if b else "NO"  # noqa: E731
    i, b = f["import"], f["inbox"]
    ratio = i["import"] / i["read"] if i["read"] else float("inf")
    inbox_ratio = b["inbox"] / b["bare"] if b["bare"] else float("inf")
    rows = [
        (f"read the {i['rows']:,}-row list (baseline)", f"{i['read']:.3f} s", "python-calamine, median of 7 (interleaved with the imports)", "", ""),
        (f"import it with full validation ({i['created']:,} nominees)", f"{i['import']:.3f} s", "+ history rows, audit; verdicts: the task",
         f"<= {IMPORT_GOAL_S:g} s", ok(i["import"] <= IMPORT_GOAL_S)),
        ("  ratio import / read", f"{ratio:.2f}x", "", f"<= {IMPORT_RATIO_GOAL:g}x", ok(ratio <= IMPORT_RATIO_GOAL)),
        (f"bare view, 50 of {INBOX_DOSSIERS:,} dossiers (baseline)", f"{b['bare'] * 1000:.1f} ms", f"{b['bare_queries']} queries", "", ""),
        (f"office inbox with {INBOX_DOSSIERS:,} dossiers", f"{b['inbox'] * 1000:.1f} ms",
         f"{b['inbox_queries']} queries ({inbox_ratio:.1f}x the bare view)", "constant queries", "test"),
    ]
    widths = [max(len(r[k]) for r in rows + [("figure", "value", "note", "goal", "met")]) for k in range(5)]
    line = lambda r: "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip()  # noqa: E731
    print("\nNominations benchmark")
    print(line(("figure", "value", "note", "goal", "met")))
    print("  ".join("-" * w for w in widths))
    for r in rows:
        print(line(r))
