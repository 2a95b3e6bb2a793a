"""Browser-test fixtures: one Streamlit server per session on a copy of seeds/, and Debian's chromium.

Tests that change the articles folder start their own server with `streamlit_server` on a folder of
their own, so the shared server's data never changes under the other tests.

Browser tests are marked `browser`. Without /usr/bin/chromium (or the playwright package) they are
skipped on a developer machine and FAIL in CI (CI=true), so CI can never pass by skipping them.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from browser_helpers import Server, streamlit_server

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = Path("/usr/bin/chromium")
# Without the background-networking flags chromium floods the closed network with failing requests.
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


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


@pytest.fixture(scope="session")
def server_process(browser_available, tmp_path_factory) -> Iterator[Server]:
    """The shared read-only server on a copy of seeds/: tests must not change its folder."""
    seeds = tmp_path_factory.mktemp("browser") / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    with streamlit_server(seeds) as running:
        yield running


@pytest.fixture(scope="session")
def server(server_process) -> str:
    """Base URL of the shared server (`streamlit run dashboard.py` on a copy of seeds/)."""
    return server_process.url


@pytest.fixture(scope="session")
def chromium(browser_available):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium):
    """A fresh 1400×900 page; `page.requests` lists every URL it requested."""
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    tab = context.new_page()
    tab.set_default_timeout(30_000)
    tab.requests = []
    tab.on("request", lambda request: tab.requests.append(request.url))
    yield tab
    context.close()
