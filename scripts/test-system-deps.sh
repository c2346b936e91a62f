#!/bin/sh
# Installs the Debian packages the tests need (Chromium, LibreOffice for PDF, fonts, poppler) when missing and allowed (root).
set -u
need=""
command -v chromium >/dev/null 2>&1 || need="$need chromium"
[ -d /usr/share/fonts/truetype/liberation2 ] || need="$need fonts-liberation2"
[ -d /usr/share/fonts/truetype/croscore ] || need="$need fonts-croscore"
command -v pdftotext >/dev/null 2>&1 || need="$need poppler-utils"
command -v soffice >/dev/null 2>&1 || need="$need libreoffice-writer-nogui"
[ -z "$need" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "==> Cài gói Debian cho kiểm thử:$need"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $need >/dev/null
else
  echo "Thiếu gói:$need — hãy cài bằng: sudo apt-get install$need" >&2
  exit 1
fi
