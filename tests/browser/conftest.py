"""Browser-test fixtures: one Streamlit server per session on a copy of seeds/, and Debian's chromium.

Browser tests are marked `browser`. Without /usr/bin/chromium (or the playwright package) they are
skipped on a developer machine and FAIL in CI (CI=true), so CI can never pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags chromium floods the closed network with failing requests.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
SERVER_START_TIMEOUT = 90


def pytest_configure(config):
    config.addinivalue_line("markers", "browser: drives the dashboard in headless chromium (Playwright)")


def _missing_browser() -> str | None:
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is not installed (apt-get install chromium)"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -r requirements-dev.txt)"
    return None


@pytest.fixture(scope="session")
def browser_available() -> None:
    reason = _missing_browser()
    if reason:
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"browser tests cannot run in CI: {reason}")
        pytest.skip(reason)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server(browser_available, tmp_path_factory) -> str:
    """Base URL of `streamlit run dashboard.py` on a copy of seeds/ (EGOV_SEEDS_DIR); stopped at the end."""
    seeds = tmp_path_factory.mktemp("browser") / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    port = _free_port()
    log_path = seeds.parent / "streamlit.log"
    env = {**os.environ, "EGOV_SEEDS_DIR": str(seeds)}
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", str(ROOT / "dashboard.py"), "--server.headless", "true",
             "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false"],
            cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + SERVER_START_TIMEOUT
        while True:
            if proc.poll() is not None:
                pytest.fail(f"streamlit exited with {proc.returncode}:\n{log_path.read_text(errors='replace')}")
            try:
                with urllib.request.urlopen(f"{base}/_stcore/health", timeout=2) as response:
                    if response.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"streamlit not healthy after {SERVER_START_TIMEOUT}s:\n"
                            f"{log_path.read_text(errors='replace')}")
            time.sleep(0.25)
        yield base
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)


@pytest.fixture(scope="session")
def chromium(browser_available):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, server):
    """A fresh 1400×900 page; `page.requests` lists every URL it requested."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()
