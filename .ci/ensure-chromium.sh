#!/usr/bin/env bash
# The end-to-end tests drive Debian's chromium (never a browser a tool downloads). Installs it when it is
# missing, so `npm test` works on a fresh Debian machine (as root, with apt reachable).
set -euo pipefail
CHROMIUM_PATH="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ ! -x "$CHROMIUM_PATH" ]; then
  if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
    echo "chromium is missing: install Debian's chromium package (apt-get install chromium) or set CHROMIUM_PATH" >&2
    exit 1
  fi
  echo "installing Debian's chromium for the end-to-end tests…"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium >/dev/null
fi
"$CHROMIUM_PATH" --version 2>/dev/null | head -1
