#!/bin/sh
# Runs the whole suite on SQLite, then again on PostgreSQL when DATABASE_URL is set or a server answers
# on 127.0.0.1:5432 (a throw-away database is created by pytest-django: test_<name>; the web bench's test makes and
# drops its own, tdkt_webbench_<pid>; no other database is touched).
set -eu
cd "$(dirname "$0")/.."
echo "==> Kiểm tra mã nguồn (ruff)"
.venv/bin/ruff check tdkt tests bench
echo "==> Kiểm thử trên SQLite"
env -u DATABASE_URL .venv/bin/python -m pytest "$@"
pg_url="${DATABASE_URL:-}"
if [ -z "$pg_url" ] && .venv/bin/python -c 'import socket; s=socket.create_connection(("127.0.0.1",5432),2)' 2>/dev/null; then
  pg_url="postgres://postgres@127.0.0.1:5432/tdkt"
fi
if [ -n "$pg_url" ]; then
  echo "==> Kiểm thử trên PostgreSQL"
  DATABASE_URL="$pg_url" .venv/bin/python -m pytest "$@"
else
  echo "==> PostgreSQL không có sẵn: bỏ qua lượt kiểm thử thứ hai"
fi
