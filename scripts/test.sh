#!/usr/bin/env bash
# Set up (venv, pinned dev requirements, Debian chromium + Arabic fonts for browser tests) and run all tests.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh dev
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -qi "noto.*arab\|dejavu"; then
  SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core fonts-noto-core >/dev/null
fi
exec .venv/bin/python -m pytest "$@"
