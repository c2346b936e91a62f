#!/bin/sh
# Migrates the SQLite database in var/, loads the demo data once, starts one background worker and serves
# http://127.0.0.1:8000 printing the demo accounts.
set -eu
cd "$(dirname "$0")/.."
T=.venv/bin/tdkt
$T migrate --noinput -v 0
$T demo load --once
$T db_worker >var/worker.log 2>&1 &
worker=$!
trap 'kill $worker 2>/dev/null' EXIT INT TERM
$T demo accounts
echo "==> Mở http://127.0.0.1:8000 (Ctrl+C để dừng)"
$T runserver 127.0.0.1:8000 --noreload
