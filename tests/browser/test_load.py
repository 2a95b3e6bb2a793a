"""bench/load.py with small settings against the shared server: under concurrent sessions every page renders,
every filter change redraws, nothing fails and nothing leaves 127.0.0.1. Correctness only, never timings.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
PAGES = {"overview", "ranking", "delegations", "gcc", "sources"}
SESSIONS = 6  # session i starts on page i mod 5, so every page is opened while the others are busy


def test_concurrent_sessions_render_every_page_without_errors(server_process, tmp_path):
    out = tmp_path / "load.json"
    run = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "load.py"), "--url", server_process.url, "--pid", str(server_process.pid),
         "--sessions", str(SESSIONS), "--seconds", "15", "--redraws", "1", "--timeout", "120", "--json", str(out)],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    assert out.exists(), run.stdout + run.stderr
    result = json.loads(out.read_text(encoding="utf-8"))
    assert result["errors"] == [], run.stdout
    assert run.returncode == 0, run.stdout + run.stderr
    assert result["outside_requests"] == 0
    assert set(result["per_page"]) == PAGES
    for name, page in result["per_page"].items():
        assert page["renders"] >= 1 and page["redraws"] >= 1, (name, page)
    assert len(result["sessions_rendered"]) == SESSIONS  # every session rendered at least one page
    assert result["rss_start_mb"] and result["vmhwm_mb"]  # the server's memory was read
    assert "page render:" in run.stdout and "filter redraw:" in run.stdout and "server memory:" in run.stdout
