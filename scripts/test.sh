#!/bin/sh
# Runs the whole suite on SQLite and, when DATABASE_URL is set or a server answers on 127.0.0.1:5432, on PostgreSQL
# too. The two passes run side by side (the machine has two cores; each pass is one Python process): PostgreSQL's
# output is kept in a file and printed after SQLite's, and the command fails when either pass fails. A throw-away
# database is created by pytest-django (test_<name>); the web bench's test makes and drops its own
# (tdkt_webbench_<pid>); no other database is touched. TDKT_TEST_SERIAL=1 runs the passes one after the other;
# TDKT_PG_MARKS="" runs every browser test on PostgreSQL too.
set -eu
cd "$(dirname "$0")/.."
echo "==> Kiểm tra mã nguồn (ruff)"
.venv/bin/ruff check tdkt tests bench
pg_url="${DATABASE_URL:-}"
if [ -z "$pg_url" ] && .venv/bin/python -c 'import socket; s=socket.create_connection(("127.0.0.1",5432),2)' 2>/dev/null; then
  pg_url="postgres://postgres@127.0.0.1:5432/tdkt"
fi
# The PostgreSQL pass runs every server test and, of the browser tests, the whole chain (marked both_databases): the
# other browser tests drive the same services the server tests check on both databases, and running them twice put
# the suite past its 15 minutes on two cores (docs/decisions/0027-browser-tests-on-one-database.md).
pg_marks="${TDKT_PG_MARKS-not e2e or both_databases}"
pg_pid=""
pg_log=""
if [ -n "$pg_url" ] && [ "${TDKT_TEST_SERIAL:-0}" != "1" ]; then
  pg_log="$(mktemp)"
  echo "==> Kiểm thử trên PostgreSQL: chạy song song, kết quả in sau lượt SQLite"
  DATABASE_URL="$pg_url" TDKT_SHOTS_DIR=screenshots-postgresql .venv/bin/python -m pytest -m "$pg_marks" "$@" >"$pg_log" 2>&1 &
  pg_pid=$!
  trap 'kill "$pg_pid" 2>/dev/null; rm -f "$pg_log"' INT TERM
fi
echo "==> Kiểm thử trên SQLite"
sqlite_rc=0
env -u DATABASE_URL .venv/bin/python -m pytest "$@" || sqlite_rc=$?
pg_rc=0
if [ -n "$pg_pid" ]; then
  wait "$pg_pid" || pg_rc=$?
  echo "==> Kết quả kiểm thử trên PostgreSQL"
  cat "$pg_log"
  rm -f "$pg_log"
elif [ -n "$pg_url" ]; then
  echo "==> Kiểm thử trên PostgreSQL"
  DATABASE_URL="$pg_url" TDKT_SHOTS_DIR=screenshots-postgresql .venv/bin/python -m pytest -m "$pg_marks" "$@" || pg_rc=$?
else
  echo "==> PostgreSQL không có sẵn: bỏ qua lượt kiểm thử thứ hai"
fi
if [ "$sqlite_rc" -ne 0 ] || [ "$pg_rc" -ne 0 ]; then
  echo "==> Có lượt kiểm thử không đạt (SQLite: mã $sqlite_rc, PostgreSQL: mã $pg_rc)"
  exit 1
fi
