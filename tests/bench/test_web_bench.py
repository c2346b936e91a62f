"""`make bench`'s web part, run tiny (a few people, 2 clients, 2 s per page) on SQLite or PostgreSQL (whichever the
suite runs on): the printed table has every page, each answered with no error and no time-out, and the servers it
started are gone afterwards, also when it is interrupted (Ctrl-C)."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PAGES = ["bare login page (baseline)", "reference: logged-in, no data", "people list", "name search (full names)",
         "name search (two commonest words)", "profile with eligibility panel", "eligibility panel (htmx partial)"]
LISTENING = re.compile(r"listening on http://127\.0\.0\.1:(\d+) \(pid (\d+)\)")


def command(*extra: str) -> list[str]:
    name = f"tdkt_webbench_{os.getpid()}"
    where = ["--db", name] if os.environ.get("DATABASE_URL", "").startswith("postgres") else ["--sqlite", "--db", name]
    return [sys.executable, "-m", "bench", *where, "--people", "60", "--web-only", "--web-users", "2", "--web-seconds", "2",
            "--web-warmup", "0.5", *extra]


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").exists() and Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"


def processes_naming(text: str) -> list[int]:
    """Processes whose command line names `text` (the server's address: gunicorn and the load generator)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if text.encode() in (entry / "cmdline").read_bytes():
                    found.append(int(entry.name))
            except OSError:
                continue
    return found


def assert_servers_gone(port: int, pid: int) -> None:
    deadline = time.monotonic() + 10
    while (alive(pid) or processes_naming(f"127.0.0.1:{port}")) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not alive(pid), "gunicorn is still running"
    assert not processes_naming(f"127.0.0.1:{port}"), "a process of the web bench is still running"
    with socket.socket() as sock:
        assert sock.connect_ex(("127.0.0.1", port)) != 0, "something still listens on the bench's port"


def row(out: str, label: str) -> list[str]:
    line = next((ln for ln in out.splitlines() if ln.startswith(label + "  ")), None)
    assert line is not None, f"no row for {label!r} in:\n{out}"
    return re.split(r"\s{2,}", line.strip())


def test_the_web_bench_prints_every_page_with_no_error_and_stops_its_servers():
    done = subprocess.run(command(), cwd=ROOT, capture_output=True, text=True, timeout=300)
    out = done.stdout
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Web under load on" in out and "gunicorn 2 workers, 2 clients logged in as bench_canbo" in out
    assert "req/s >= 0.33 x the bare page's, p95 <= 3 x the bare page's" in out
    for label in PAGES:
        cells = row(out, label)
        requests, errors, timeouts = int(cells[2].replace(",", "")), int(cells[7]), int(cells[8])
        assert requests > 0 and float(cells[3]) > 0, (label, cells)
        assert (errors, timeouts) == (0, 0), (label, cells, out)
    port, pid = map(int, LISTENING.search(out).groups())
    assert_servers_gone(port, pid)


def test_ctrl_c_in_the_middle_of_the_load_stops_gunicorn_and_the_clients():
    bench = subprocess.Popen(command("--web-seconds", "30"), cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                             text=True)
    lines, found = [], None
    try:
        for line in bench.stdout:
            lines.append(line)
            found = found or LISTENING.search(line)
            if "clients logged in" in line:  # the load is running
                break
        assert found, "".join(lines)
        time.sleep(1)
        bench.send_signal(signal.SIGINT)
        rest, _ = bench.communicate(timeout=60)
    finally:
        if bench.poll() is None:
            bench.kill()
    assert bench.returncode == 130, "".join(lines) + rest
    assert "Interrupted: servers stopped." in rest
    port, pid = map(int, found.groups())
    assert_servers_gone(port, pid)
