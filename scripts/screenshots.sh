#!/usr/bin/env bash
# Renew the README's pictures: run the browser page tests with their screenshots written to docs/screenshots/
# (the tests alone write them to the ignored tests/artifacts/screenshots/). Usage: bash scripts/screenshots.sh
set -euo pipefail
cd "$(dirname "$0")/.."
EGOV_SCREENSHOTS=docs/screenshots exec bash scripts/test.sh -q -m browser \
  tests/browser/test_dashboard_browser.py tests/browser/test_arabic_browser.py "$@"
