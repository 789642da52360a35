#!/usr/bin/env bash
# Installs Debian's Chromium (and CJK fonts for Chinese text) for the end-to-end tests.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if dpkg-query -W -f='${Status}' chromium 2>/dev/null | grep -q 'install ok installed'; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "Chromium is missing. Install it with:" >&2
  echo "  sudo apt-get update && sudo apt-get install -y --no-install-recommends chromium fonts-liberation fonts-noto-cjk" >&2
  echo "or point CHROMIUM_PATH at a Chromium or Chrome binary." >&2
  exit 1
fi
echo "Installing Chromium from Debian (about 400 MB)…"
DEBIAN_FRONTEND=noninteractive apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-liberation fonts-noto-cjk >/dev/null
