"""Helpers shared by the browser tests: start a server, open a page and wait until it has settled, check
for errors."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest

from bench.server import ServerError, free_port, start_server, stop_server

ROOT = Path(__file__).resolve().parents[2]
SERVER_START_TIMEOUT = 90


@dataclass(frozen=True)
class Server:
    """A running `streamlit run dashboard.py`: its base URL, process id, log file and articles folder."""

    url: str
    pid: int
    log: Path
    folder: Path


@contextmanager
def streamlit_server(seeds: Path) -> Iterator[Server]:
    """`streamlit run dashboard.py` on 127.0.0.1 (a free port) over `seeds` (EGOV_SEEDS_DIR), healthy
    when entered; stopped on exit. The log is written next to the folder."""
    log_path = seeds.parent / f"streamlit_{free_port()}.log"
    try:
        proc, base = start_server(seeds, log_path, SERVER_START_TIMEOUT)
    except ServerError as exc:
        pytest.fail(str(exc))
    try:
        yield Server(base, proc.pid, log_path, seeds)
    finally:
        stop_server(proc)

def expect():
    """Playwright's expect with a timeout for 2 shared cores: a cold first run extracts the corpus."""
    from playwright.sync_api import expect as playwright_expect
    playwright_expect.set_options(timeout=30_000)
    return playwright_expect


def open_page(page, server: str, path: str, charts: int) -> None:
    """Go to `path` and wait until the script has run and `charts` Plotly charts are drawn."""
    page.goto(server + path)
    expect()(page.locator("[data-testid=stMain] h1")).to_be_visible()
    if charts:
        for n in range(charts):
            expect()(page.locator(".js-plotly-plot").nth(n).locator(".main-svg").first).to_be_visible()
    wait_until_settled(page)


def wait_until_settled(page, timeout_ms: int = 20_000) -> None:
    """Wait until the page has stopped growing (elements stream in during a run) and nothing is stale.

    Streamlit shows its running indicator only for slow runs, so it cannot be waited for alone.
    """
    state = """() => [document.querySelector('[data-testid=stMain]').scrollHeight,
                      document.querySelectorAll('[data-stale=true], [data-testid=stStatusWidget]').length]"""
    last, steady = None, 0
    for _ in range(timeout_ms // 250):
        height, busy = page.evaluate(state)
        steady = steady + 1 if (height == last and not busy) else 0
        if steady >= 4:  # one second without change
            return
        last = height
        page.wait_for_timeout(250)
    busy_elements = page.evaluate("""() => Array.from(document.querySelectorAll(
        '[data-stale=true], [data-testid=stStatusWidget]')).map(e => e.getAttribute('data-testid') || e.className)""")
    raise AssertionError(f"page still changing after {timeout_ms} ms: height {last}, busy {busy_elements}")


def assert_no_errors(page) -> None:
    for selector in ("[data-testid=stException]", "[data-testid=stAlertContentError]"):
        assert page.locator(selector).count() == 0, page.locator(selector).first.inner_text()


def assert_offline(page, server: str) -> None:
    # blob: URLs of the page's own origin are objects made in the page (Streamlit loads a custom
    # component's script from one), not requests that leave the machine.
    outside = [url for url in page.requests
               if not url.startswith((server, "data:", f"blob:{server}"))]
    assert not outside, outside
