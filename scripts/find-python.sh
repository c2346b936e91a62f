#!/bin/sh
# Prints the path of a Python >= 3.12 interpreter: PATH first, then ~/.pyenv/versions/*/bin.
# Exits 1 with a Vietnamese/English message when none exists.
ok() { "$1" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)' 2>/dev/null; }
for name in python3.14 python3.13 python3.12 python3; do
  p=$(command -v "$name" 2>/dev/null) && ok "$p" && { echo "$p"; exit 0; }
done
for p in $(ls -d "$HOME"/.pyenv/versions/*/bin/python3 2>/dev/null | sort -rV); do
  ok "$p" && { echo "$p"; exit 0; }
done
echo "Không tìm thấy Python >= 3.12 (PATH hoặc ~/.pyenv/versions). Hãy cài python3.12 hoặc mới hơn. / No Python >= 3.12 found." >&2
exit 1
