"""The load generator of the web bench: locust as a library, headless, in its own process.

    python -m bench.load '<json plan>'   (started by bench/web.py; prints one JSON line of figures on stdout)

Run apart from the bench's own process because importing locust monkey-patches the standard library for gevent,
which the batch part (threads, psycopg) must not see. One runner spawns the clients once; each logs in through
the app's login form (its own session, a few clients at a time) and keeps a second, cookie-less connection for the bare login page. The
pages are then loaded one after the other: every client requests the current page in a loop, without pause;
after a warm-up of `warmup` seconds the responses of the next `seconds` seconds are recorded. A response counts
as an error unless it is a 200 carrying the page's marker (a redirect to the login page is an error); a request
without an answer within `timeout` seconds is a time-out.

The plan: {"host", "login" (its path), "username", "password", "users", "seconds", "warmup", "timeout",
           "pages": [{"key", "urls": [...], "marker", "anonymous"}]}
"""

from __future__ import annotations

import itertools
import json
import re
import signal
import sys
import time

# Importing locust patches the standard library for gevent (before anything here opens a socket or a thread).
import gevent
import locust
from gevent.lock import BoundedSemaphore
from locust import FastHttpUser, constant, events, task
from locust.contrib.fasthttp import FastHttpSession
from locust.env import Environment

# Logins hash the password (about 0.3 s of a core each): a few at a time, so that none waits past the time-out.
LOGINS_AT_ONCE = BoundedSemaphore(4)
CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


class State:
    """What the driver and the clients share: the page being loaded, the recording window, the figures."""

    page: dict | None = None
    recording: str | None = None  # key of the page whose responses are recorded now
    logged_in = 0
    in_flight = 0
    login_failures: list[str] = []
    times: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    timeouts: dict[str, int] = {}
    samples: dict[str, list[str]] = {}
    cursors: dict[str, itertools.cycle] = {}


def is_timeout(exc: BaseException) -> bool:
    return isinstance(exc, TimeoutError | gevent.Timeout) or "timed out" in str(exc).lower()


@events.request.add_listener
def record(request_type, name, response_time, response_length, response=None, context=None, exception=None, **kwargs):
    if name != State.recording:
        return
    if exception is None:
        State.times.setdefault(name, []).append(response_time)
        return
    bucket = State.timeouts if is_timeout(exception) else State.errors
    bucket[name] = bucket.get(name, 0) + 1
    samples = State.samples.setdefault(name, [])
    if len(samples) < 3:
        samples.append(f"{type(exception).__name__}: {exception}"[:200])


def make_user_class(plan: dict) -> type:
    timeout = float(plan["timeout"])

    class BenchClient(FastHttpUser):
        host = plan["host"]
        wait_time = constant(0)
        network_timeout = timeout
        connection_timeout = timeout

        def on_start(self):
            self.anon = FastHttpSession(self.host, self.environment.events.request, user=self, network_timeout=timeout,
                                        connection_timeout=timeout)
            with LOGINS_AT_ONCE:
                self.ready = self.login()

        def login(self) -> bool:
            login_path = plan["login"]
            try:
                page = self.client.get(login_path, name="login")
                token = CSRF_INPUT.search(page.text or "")
                if page.status_code != 200 or not token:
                    raise RuntimeError(f"login page: HTTP {page.status_code}")
                with self.client.post(login_path, name="login", catch_response=True, allow_redirects=False,
                                      data={"csrfmiddlewaretoken": token.group(1), "username": plan["username"],
                                            "password": plan["password"]},
                                      headers={"Referer": self.host + login_path}) as answer:
                    if answer.status_code != 302 or login_path in answer.headers.get("Location", ""):
                        answer.failure(f"HTTP {answer.status_code}")
                        raise RuntimeError(f"login refused: HTTP {answer.status_code}")
            except Exception as exc:  # noqa: BLE001 — reported by the driver
                State.login_failures.append(f"{type(exc).__name__}: {exc}"[:200])
                return False
            State.logged_in += 1
            return True

        @task
        def load(self):
            page = State.page
            if page is None or not self.ready:
                gevent.sleep(0.05)
                return
            client = self.anon if page["anonymous"] else self.client
            url = next(State.cursors[page["key"]])
            # A redirect (to the login page) is an answer of its own: not followed, an error below.
            State.in_flight += 1
            try:
                with client.get(url, name=page["key"], catch_response=True, allow_redirects=False) as response:
                    check(response, page["marker"])
            finally:
                State.in_flight -= 1

    return BenchClient


def check(response, marker: str) -> None:
    """Mark the response failed unless it is a 200 carrying the marker. No answer at all (status 0: a time-out, a
    refused connection) keeps the exception locust recorded, which `record` sorts into time-outs and errors."""
    if response.status_code == 0:
        return
    if response.status_code != 200:
        response.failure(f"HTTP {response.status_code} {(response.headers or {}).get('Location', '')}".strip())
    elif marker not in (response.text or ""):
        response.failure(f"marker {marker!r} missing")


def percentile(ordered: list[float], q: float) -> float:
    """Nearest-rank percentile of sorted values (ms)."""
    if not ordered:
        return 0.0
    rank = max(1, min(len(ordered), round(q * len(ordered) + 0.5)))
    return ordered[rank - 1]


def drain(env, plan: dict) -> None:
    """Wait until the server has answered what it still holds: a client that timed out left its request in the
    server's queue, which would slow the next page down. One request queued behind them tells when they are done."""
    probe = FastHttpSession(plan["host"], env.events.request, user=None, network_timeout=300, connection_timeout=300)
    probe.get(plan["login"], name="drain")


def run(plan: dict) -> dict:
    users = int(plan["users"])
    for page in plan["pages"]:
        State.cursors[page["key"]] = itertools.cycle(page["urls"])
    env = Environment(user_classes=[make_user_class(plan)], events=events)
    runner = env.create_local_runner()
    runner.start(users, spawn_rate=min(users, 100))
    deadline = time.monotonic() + max(60.0, users * 3.0)
    while State.logged_in + len(State.login_failures) < users and time.monotonic() < deadline:
        gevent.sleep(0.1)
    print(f"  {State.logged_in} clients logged in", file=sys.stderr, flush=True)
    figures = []
    try:
        if State.logged_in < users:
            return {"error": f"{users - State.logged_in} of {users} clients could not log in", "login_failures": State.login_failures[:5]}
        for page in plan["pages"]:
            State.recording = None
            State.page = None  # the previous page's requests end before the next page starts
            drained = time.monotonic() + float(plan["timeout"]) + 1
            while State.in_flight and time.monotonic() < drained:
                gevent.sleep(0.05)
            drain(env, plan)
            State.page = page
            gevent.sleep(float(plan["warmup"]))
            State.recording = page["key"]
            started = time.monotonic()
            gevent.sleep(float(plan["seconds"]))
            State.recording = None
            elapsed = time.monotonic() - started
            ordered = sorted(State.times.get(page["key"], []))
            errors, timeouts = State.errors.get(page["key"], 0), State.timeouts.get(page["key"], 0)
            figures.append({
                "key": page["key"], "ok": len(ordered), "errors": errors, "timeouts": timeouts,
                "requests": len(ordered) + errors + timeouts, "seconds": elapsed,
                "rps": len(ordered) / elapsed if elapsed else 0.0,
                "p50": percentile(ordered, 0.50), "p95": percentile(ordered, 0.95), "p99": percentile(ordered, 0.99),
                "samples": State.samples.get(page["key"], []),
            })
            print(f"  {page['key']}: {figures[-1]['rps']:.0f} req/s", file=sys.stderr, flush=True)
    finally:
        State.page = None
        runner.quit()
    return {"pages": figures, "users": users, "logged_in": State.logged_in, "locust": locust.__version__}


def main(argv=None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the driver's (bench/web.py ends this process)
    result = run(json.loads(argv[0]))
    print(json.dumps(result), flush=True)
    return 0 if "error" not in result else 1


if __name__ == "__main__":
    sys.exit(main())
