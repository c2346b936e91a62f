#!/bin/sh
# Creates .venv with a Python >= 3.12 and installs the locked dependencies (only when they changed).
set -eu
cd "$(dirname "$0")/.."
if [ ! -x .venv/bin/python ] || ! .venv/bin/python -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; then
  PY=$(sh scripts/find-python.sh)
  echo "==> Tạo môi trường ảo .venv với $PY"
  rm -rf .venv
  "$PY" -m venv .venv
fi
stamp=.venv/.tdkt-installed
want=$(cat requirements.lock pyproject.toml | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "==> Cài đặt thư viện (requirements.lock)"
  .venv/bin/python -m pip install -q --disable-pip-version-check --upgrade pip
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements.lock
  .venv/bin/python -m pip install -q --disable-pip-version-check --no-deps -e .
  echo "$want" > "$stamp"
fi
mkdir -p var
