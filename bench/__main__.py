"""`make bench`: figures of the batch eligibility run and of the web under load, each beside its baseline from the same run.

    .venv/bin/python -m bench [--people 200000] [--years 10] [--sample 2000] [--keep] [--reuse] [--sqlite]
                              [--web-only | --no-web | --only nominations|documents] [--web-users 50] [--web-seconds 20]
                              [--web-pages list,...]

Creates a throw-away PostgreSQL database (`tdkt_bench` on postgres@127.0.0.1:5432), migrates it, loads a
deterministic ledger with COPY, measures the batch, then the web under load (gunicorn and locust's clients on the
people list, a name search, a profile with its eligibility panel, beside the bare login page), and drops the
database (unless --keep). When PostgreSQL is not reachable it says so and runs on a temporary SQLite file.
See docs/decisions/0005-batch-eligibility.md and 0009-web-bench.md.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

PG_DSN = "postgresql://postgres@127.0.0.1:5432/{db}"


def parse_args(argv=None):
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=200_000, help="people in the ledger (default 200000)")
    parser.add_argument("--years", type=int, default=10, help="years of history (default 10)")
    parser.add_argument("--sample", type=int, default=2000, help="people of the naive per-person baseline (default 2000)")
    parser.add_argument("--db", default="tdkt_bench", help="throw-away PostgreSQL database name")
    parser.add_argument("--keep", action="store_true", help="keep the database (and the SQLite file) afterwards")
    parser.add_argument("--reuse", action="store_true", help="reuse a kept database instead of creating one")
    parser.add_argument("--sqlite", action="store_true", help="use a temporary SQLite file even if PostgreSQL is up")
    parser.add_argument("--full-run", action="store_true", help="also time the whole run (rows + .xlsx)")
    parser.add_argument("--repeat", type=int, default=3, help="interleaved rounds of the raw query and the batch; medians are printed (default 3)")
    web = parser.add_mutually_exclusive_group()
    web.add_argument("--web-only", action="store_true", help="measure only the web under load (not the batch)")
    web.add_argument("--no-web", action="store_true", help="measure only the batch (not the web under load)")
    web.add_argument("--only", choices=("nominations", "documents", "decisions"),
                     help="measure only this part (nominations: the nominee import and the inbox; documents: the decision's "
                          "2,000 certificates as .docx and PDF, no database; decisions: signing a decision of 2,000 recipients)")
    parser.add_argument("--documents-lo-pages", type=int, default=100,
                        help="pages of the certificates' .docx that LibreOffice converts in one go (default 100; 2000 = all, minutes)")
    parser.add_argument("--web-users", type=int, default=50, help="concurrent clients of the web bench (default 50)")
    parser.add_argument("--web-seconds", type=float, default=20.0, help="seconds of load recorded per page (default 20)")
    parser.add_argument("--web-warmup", type=float, default=2.0, help="seconds of load before each page's recording (default 2)")
    parser.add_argument("--web-pages", default="", help="only these pages (comma-separated keys: floor,list,search,common,profile,panel); "
                        "the bare login page is always measured, first")
    parser.add_argument("--web-timeout", type=float, default=10.0, help="a request unanswered after this many seconds is a time-out (default 10)")
    args = parser.parse_args(argv)
    if args.web_users < 1 or args.web_seconds <= 0 or args.web_timeout <= 0 or args.web_warmup < 0:
        parser.error("--web-users, --web-seconds and --web-timeout must be positive, --web-warmup not negative")
    return args


def pg_admin_connect():
    import psycopg

    return psycopg.connect(PG_DSN.format(db="postgres"), autocommit=True, connect_timeout=3)


def prepare_database(args) -> tuple[str, str]:
    """Point Django at a fresh database before it is set up: ('postgresql' | 'sqlite', location)."""
    if not args.sqlite:
        try:
            with pg_admin_connect() as conn:
                if not args.reuse:
                    conn.execute(f'DROP DATABASE IF EXISTS "{args.db}" WITH (FORCE)')
                    conn.execute(f'CREATE DATABASE "{args.db}"')
            os.environ["DATABASE_URL"] = PG_DSN.format(db=args.db)
            os.environ["DB_CONN_MAX_AGE"] = "0"
            return "postgresql", args.db
        except Exception as exc:  # noqa: BLE001 — any connection problem means: fall back to SQLite
            print(f"PostgreSQL is not reachable ({exc.__class__.__name__}: {exc}); running on a temporary SQLite file.", file=sys.stderr)
    os.environ.pop("DATABASE_URL", None)
    path = Path(tempfile.gettempdir()) / f"{args.db}.sqlite3"
    if not args.reuse:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{path}{suffix}").unlink(missing_ok=True)
    os.environ["SQLITE_PATH"] = str(path)
    return "sqlite", str(path)


def drop_database(kind: str, location: str) -> None:
    from django.db import connections

    connections.close_all()
    if kind == "postgresql":
        with pg_admin_connect() as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{location}" WITH (FORCE)')
    else:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{location}{suffix}").unlink(missing_ok=True)


def run_documents(args) -> None:
    from . import documents

    documents.print_table(documents.run(lo_pages=args.documents_lo_pages))


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.only == "documents":  # no database: the documents are rendered from plain data
        os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tdkt.settings")
        import django

        django.setup()
        run_documents(args)
        return 0
    kind, location = prepare_database(args)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tdkt.settings")
    media = tempfile.mkdtemp(prefix="tdkt-bench-media-")
    os.environ["MEDIA_ROOT"] = media

    import django

    django.setup()
    from django.core.management import call_command

    from . import data, measure, web

    try:
        t = time.perf_counter()
        call_command("migrate", verbosity=0)  # a reused database gets the indexes added since it was made
        if not args.reuse:
            print(f"Database: {kind} ({location}); {args.people:,} people x {args.years} years")
            stats = data.generate(people=args.people, years=args.years, kind=kind)
            print(f"Data generated in {time.perf_counter() - t:.1f} s: " + ", ".join(f"{k} {v:,}" for k, v in stats.items()))
        people = data.people_count()
        if args.reuse:
            print(f"Database: {kind} ({location}), reused; {people:,} people")
        if not args.web_only:
            if not args.only:
                figures = measure.run_all(people=people, sample=args.sample, kind=kind, full_run=args.full_run, repeat=args.repeat)
                measure.print_table(figures, kind=kind)
            from . import decisions, nominations

            if args.only in (None, "nominations"):
                nominations.print_table(nominations.run())
            if args.only in (None, "decisions"):
                decisions.print_table(decisions.run())
            if not args.only:
                run_documents(args)
        if not args.no_web and not args.only:
            result = web.run(kind=kind, location=location, pg_dsn=PG_DSN, users=args.web_users, seconds=args.web_seconds,
                             timeout=args.web_timeout, warmup=args.web_warmup, only=[k for k in args.web_pages.split(",") if k])
            web.print_table(result, people=people)
    except KeyboardInterrupt:
        print("\nInterrupted: servers stopped.", file=sys.stderr)
        return 130
    finally:
        if not args.keep:
            drop_database(kind, location)
        else:
            print(f"Kept the database: {location}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
