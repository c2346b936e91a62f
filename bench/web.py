"""The web under load: gunicorn (2 workers) on the bench's database, locust's clients on four pages and the bare
login page as the baseline, in one run. See docs/decisions/0009-web-bench.md.

gunicorn binds 127.0.0.1 on a free port with DEBUG off, the bench's database and a throw-away SECRET_KEY, in a
process group of its own that is stopped on the way out (normal end, error, Ctrl-C or SIGTERM; and, should the
bench itself be killed, by the kernel's parent-death signal). The load runs in another process (bench/load.py),
whose figures come back as one JSON line.
"""

from __future__ import annotations

import contextlib
import ctypes
import json
import os
import secrets
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from .data import YEAR

USERNAME = "bench_canbo"
WORKERS = 2
AWARD = "CSTDCS"
PROFILES = 50  # profiles requested in turn (different ledgers)
THROUGHPUT_GOAL = 1 / 3  # each page's requests/s >= 1/3 of the bare page's
P95_GOAL = 3.0  # each page's p95 <= 3x the bare page's


def login_path() -> str:
    from django.urls import reverse

    return reverse("accounts:login")


def pages(profile_ids: list[int], names: list[str]) -> list[dict]:
    """The pages under load, the bare login page first (the baseline); the reference row is the cheapest logged-in
    page (the password change form: the session, the user, the role assignments and the layout, no data). The name
    search asks for the full names of `names` in turn (what an officer looking for someone types: half of them
    with their marks, half without); a second row asks for the two commonest words of names, which match
    one person in a hundred."""
    from urllib.parse import urlencode

    from django.urls import reverse

    query = f"?award={AWARD}&year={YEAR}"
    verdict = 'data-testid="verdict"'
    people = reverse("records:people_list")
    profile = reverse("records:person_detail", args=[0]).replace("/0/", "/{}/")
    panel = reverse("records:person_eligibility", args=[0]).replace("/0/", "/{}/")
    return [
        {"key": "login", "label": "bare login page (baseline)", "path": login_path(), "urls": [login_path()],
         "marker": 'name="password"', "anonymous": True},
        {"key": "floor", "label": "reference: logged-in, no data", "path": reverse("accounts:password_change"),
         "urls": [reverse("accounts:password_change")], "marker": 'name="old_password"', "anonymous": False, "reference": True},
        {"key": "list", "label": "people list", "path": people, "urls": [people], "marker": 'data-testid="people-count"',
         "anonymous": False},
        {"key": "search", "label": "name search (full names)", "path": f"{people}?q=<full name>",
         "urls": [f"{people}?{urlencode({'q': name})}" for name in names] or [f"{people}?q=nguyen+van+an"],
         "marker": 'data-testid="people-count"', "anonymous": False},
        {"key": "common", "label": "name search (two commonest words)", "path": f"{people}?q=nguyen+van",
         "urls": [f"{people}?q=nguyen+van"], "marker": 'data-testid="people-count"', "anonymous": False},
        {"key": "profile", "label": "profile with eligibility panel", "path": profile.format("<id>") + query,
         "urls": [profile.format(pk) + query for pk in profile_ids], "marker": verdict, "anonymous": False},
        {"key": "panel", "label": "eligibility panel (htmx partial)", "path": panel.format("<id>") + query,
         "urls": [panel.format(pk) + query for pk in profile_ids], "marker": verdict, "anonymous": False},
    ]


def prepare_user() -> tuple[str, str, str]:
    """The province-wide unit officer the clients log in as (created or reset): (username, password, unit name)."""
    from django.contrib.auth import get_user_model

    from tdkt.accounts.roles import Role
    from tdkt.accounts.services import role_assign
    from tdkt.core.actors import system_actor
    from tdkt.org.models import Unit

    province = Unit.objects.get(code="bench_tinh")
    password = secrets.token_urlsafe(16)
    user, _ = get_user_model().objects.get_or_create(username=USERNAME, defaults={"first_name": "Cán bộ", "last_name": "Thử tải"})
    user.set_password(password)
    user.is_active = True
    user.save()
    role_assign(actor=system_actor(), user=user, role=Role.UNIT_OFFICER, unit=province)
    return USERNAME, password, province.name


def profile_ids() -> list[int]:
    """People whose ledger the CSTĐCS check walks whole (CSTĐCS the year before), spread over the ids."""
    from tdkt.org.models import Person
    from tdkt.records.models import AwardRecord

    chosen = list(AwardRecord.objects.filter(award_code=AWARD, year=YEAR - 1, revocation__isnull=True, person__isnull=False)
                  .order_by("person_id").values_list("person_id", flat=True).distinct()[:PROFILES * 20:20])
    return chosen or list(Person.objects.order_by("id").values_list("id", flat=True)[:PROFILES])


def search_names(ids: list[int]) -> list[str]:
    """The full names of the profiled people, every other one folded (typed without marks, lower case)."""
    from tdkt.core import vntext
    from tdkt.org.models import Person

    names = dict(Person.objects.filter(pk__in=ids).values_list("pk", "full_name"))
    return [names[pk] if i % 2 else " ".join(folded for folded, _ in vntext.search_words(names[pk]))
            for i, pk in enumerate(ids) if pk in names]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _die_with_parent() -> None:
    """In the child, before exec: SIGTERM when the bench's process ends, however it ends (Linux)."""
    with contextlib.suppress(Exception):
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


class Gunicorn:
    """gunicorn in a process group of its own; `stop()` ends the whole group (idempotent)."""

    def __init__(self, *, port: int, env: dict, log: Path):
        self.port, self.log = port, log  # the log gets gunicorn's own lines and what the app writes (tracebacks)
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "tdkt.wsgi:application", "--workers", str(WORKERS), "--bind", f"127.0.0.1:{port}",
             "--timeout", "60", "--graceful-timeout", "5", "--log-level", "warning", "--error-logfile", str(log),
             "--no-control-socket"],
            env=env, stdin=subprocess.DEVNULL, stdout=self.log.open("ab"), stderr=subprocess.STDOUT,
            start_new_session=True, preexec_fn=_die_with_parent,
        )

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def wait_ready(self, timeout: float = 60.0) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                with urllib.request.urlopen(self.url + login_path(), timeout=5) as response:
                    if response.status == 200:
                        return
            except OSError:
                pass
            time.sleep(0.3)
        raise RuntimeError(f"gunicorn did not answer on {self.url} within {timeout:.0f} s:\n{self.log_tail()}")

    def log_tail(self, lines: int = 20) -> str:
        with contextlib.suppress(OSError):
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        return ""

    def stop(self) -> None:
        if self.proc.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.proc.pid, signal.SIGTERM)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(timeout=15)
        with contextlib.suppress(ProcessLookupError, PermissionError):
            os.killpg(self.proc.pid, signal.SIGKILL)  # workers left behind, if any
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.proc.wait(timeout=5)


@contextlib.contextmanager
def sigterm_as_interrupt():
    """SIGTERM and SIGINT unwind like Ctrl-C, so that the `finally` blocks stop the servers. SIGINT is set too: a
    process started in the background by a shell without job control inherits SIGINT ignored, and Python then
    keeps ignoring it (Ctrl-C or `kill -INT` would leave the servers running)."""
    def handler(signum, frame):
        raise KeyboardInterrupt
    previous = {sig: signal.signal(sig, handler) for sig in (signal.SIGTERM, signal.SIGINT)}
    try:
        yield
    finally:
        for sig, old in previous.items():
            signal.signal(sig, old)


REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/0")


def redis_reachable(url: str = REDIS_URL) -> bool:
    """Whether the Redis of production's configuration answers (then the server reads sessions and scopes from it)."""
    try:
        import redis

        return bool(redis.Redis.from_url(url, socket_connect_timeout=2, socket_timeout=2).ping())
    except Exception:  # noqa: BLE001 — any failure means: run without it, and say so
        return False


def server_env(kind: str, location: str, pg_dsn: str, *, cache: bool) -> dict:
    env = dict(os.environ)
    env.update({"DEBUG": "false", "SECRET_KEY": secrets.token_urlsafe(50), "LOG_LEVEL": "WARNING", "DB_CONN_MAX_AGE": "60",
                "PYTHONUNBUFFERED": "1"})
    env.pop("REDIS_URL", None)
    if cache:  # as in production; keys of this run only (nothing left over from another database is read back)
        env.update({"REDIS_URL": REDIS_URL, "CACHE_KEY_PREFIX": f"tdkt-bench-{secrets.token_hex(6)}"})
    if kind == "postgresql":
        env["DATABASE_URL"] = pg_dsn.format(db=location)
    else:
        env.pop("DATABASE_URL", None)
        env["SQLITE_PATH"] = location
    return env


def run(*, kind: str, location: str, pg_dsn: str, users: int, seconds: float, timeout: float, warmup: float = 2.0,
        only: list[str] | None = None) -> dict:
    """Start gunicorn, load every page in turn with `users` clients, stop gunicorn; the figures."""
    from django.db import connections

    username, password, scope = prepare_user()
    ids = profile_ids()
    names = search_names(ids)
    connections.close_all()  # the server's workers and the bench do not share a connection
    plan_pages = pages(ids, names)
    if only:
        unknown = set(only) - {p["key"] for p in plan_pages}
        if unknown:
            raise SystemExit(f"--web-pages: unknown page {', '.join(sorted(unknown))}")
        plan_pages = [p for p in plan_pages if p["key"] == "login" or p["key"] in only]
    work = Path(tempfile.mkdtemp(prefix="tdkt-web-bench-"))
    cache = redis_reachable()
    with sigterm_as_interrupt():
        server = Gunicorn(port=free_port(), env=server_env(kind, location, pg_dsn, cache=cache), log=work / "gunicorn.log")
        load = None
        try:
            print(f"gunicorn ({WORKERS} workers) listening on {server.url} (pid {server.proc.pid})", flush=True)
            server.wait_ready()
            plan = {"host": server.url, "login": login_path(), "username": username, "password": password, "users": users, "seconds": seconds,
                    "warmup": warmup, "timeout": timeout,
                    "pages": [{k: p[k] for k in ("key", "urls", "marker", "anonymous")} for p in plan_pages]}
            print(f"{users} clients, {seconds:g} s per page after {warmup:g} s of warm-up:", flush=True)
            load = subprocess.Popen([sys.executable, "-m", "bench.load", json.dumps(plan)], stdout=subprocess.PIPE, text=True,
                                    stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent)
            out, _ = load.communicate()
            lines = [line for line in out.splitlines() if line.startswith("{")]
            result = json.loads(lines[-1]) if lines else {"error": f"the load generator exited with {load.returncode}"}
        finally:
            if load is not None and load.poll() is None:
                load.kill()
                load.wait()
            server.stop()
    if "error" in result:
        raise RuntimeError(f"web bench: {result['error']} {result.get('login_failures', '')}\n{server.log_tail()}")
    labels = {p["key"]: p for p in plan_pages}
    for row in result["pages"]:
        row["label"], row["path"] = labels[row["key"]]["label"], labels[row["key"]]["path"]
        row["reference"] = labels[row["key"]].get("reference", False)
    result.update({"cache": REDIS_URL if cache else None, "kind": kind, "seconds": seconds, "timeout": timeout, "scope": scope, "username": username,
                   "server_log": server.log_tail(5)})
    return result


def verdicts(result: dict) -> list[dict]:
    """Each page beside the bare page: the ratios and whether the goal is met."""
    base = result["pages"][0]
    rows = []
    for row in result["pages"]:
        rps_ratio = row["rps"] / base["rps"] if base["rps"] else 0.0
        p95_ratio = row["p95"] / base["p95"] if base["p95"] else float("inf")
        met = row["errors"] == 0 and row["timeouts"] == 0 and (
            row is base or (rps_ratio >= THROUGHPUT_GOAL and p95_ratio <= P95_GOAL))
        rows.append({**row, "rps_ratio": rps_ratio, "p95_ratio": p95_ratio, "met": met})
    return rows


def print_table(result: dict, *, people: int | None = None) -> None:
    rows = verdicts(result)
    head = ("page", "path", "requests", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors", "time-outs", "req/s vs bare", "p95 vs bare", "met")
    cells = [head]
    for i, r in enumerate(rows):
        cells.append((r["label"], r["path"], f"{r['requests']:,}", f"{r['rps']:.1f}", f"{r['p50']:.0f}", f"{r['p95']:.0f}",
                      f"{r['p99']:.0f}", str(r["errors"]), str(r["timeouts"]),
                      "1" if i == 0 else f"{r['rps_ratio']:.2f}", "1" if i == 0 else f"{r['p95_ratio']:.2f}",
                      "-" if r.get("reference") else "yes" if r["met"] else "NO"))
    widths = [max(len(c[i]) for c in cells) for i in range(len(head))]
    right = {2, 3, 4, 5, 6, 7, 8, 9, 10}
    line = lambda c: "  ".join(v.rjust(w) if i in right else v.ljust(w) for i, (v, w) in enumerate(zip(c, widths))).rstrip()  # noqa: E731
    who = f"{result['username']} (unit officer over {result['scope']})"
    size = f", {people:,} people" if people else ""
    print(f"\nWeb under load on {result['kind']}{size}: gunicorn {WORKERS} workers, {result['users']} clients logged in as {who}, "
          f"{result['seconds']:g} s per page (locust {result['locust']}, time-out {result['timeout']:g} s)")
    print(f"cache: Redis at {result['cache']} (sessions, role assignments, the unit filter)" if result.get("cache") else
          "cache: none (Redis did not answer at " + REDIS_URL + "; sessions and role assignments read from the database)")
    print(f"goal per page: req/s >= {THROUGHPUT_GOAL:.2f} x the bare page's, p95 <= {P95_GOAL:g} x the bare page's, "
          "no error, no time-out (the reference row, a logged-in page that reads no data, shows what a session costs)")
    print(line(head))
    print("  ".join("-" * w for w in widths))
    for c in cells[1:]:
        print(line(c))
    for r in rows:
        for sample in r.get("samples", []):
            print(f"  {r['key']}: {sample}")
    if result.get("server_log"):
        print("gunicorn log (last lines):\n" + result["server_log"])
