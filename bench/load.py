"""Load test: many browser sessions on one dashboard server, opening pages and changing filters for a fixed time.

Run: python bench/load.py [--sessions 20] [--seconds 60] [--url http://127.0.0.1:PORT --pid PID] [--json OUT]

Without --url it starts `streamlit run dashboard.py` on 127.0.0.1 (a free port) over a temporary copy
of seeds/ and stops it at the end; with --url it uses that server, which must be on the loopback
interface (--pid lets it read the server's memory). One headless Debian chromium, one context and
page per session. Session i starts at page i mod 5 and cycles Overview -> Ranking trajectory ->
Delegations -> GCC cooperation -> Sources; on each page it waits until the page has rendered (its
charts visible, or on Sources the article text), then changes a filter --redraws times and waits
for the redraw (a Plotly chart finishes drawing; on Sources the article text changes). After each
render and redraw the page is checked for Streamlit exception elements and error alerts, and every
request must go to the server. Sessions start no new page visit after --seconds (a visit already
started still makes its filter changes); every wait has a timeout, so the script always ends.
Prints p50/p95 of page render and filter redraw latency, the error count, the server's memory
(VmRSS sampled from /proc/<pid>/status, VmHWM = peak) and the CPU time the server used against the
machine's total (/proc/<pid>/stat, /proc/stat), which tells whether the server or the browser was
the bottleneck.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import shutil
import signal
import sys
import tempfile
import time
import urllib.request
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.server import start_server, stop_server  # noqa: E402
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHART = ".js-plotly-plot .main-svg"
ERRORS = "[data-testid=stException], [data-testid=stAlertContentError]"
RUNNING = "[data-testid=stStatusWidget]"
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
SEED_DOCS = ["000_9c6121f5688704d6.txt", "001_5381bd0356d4e17e.txt", "002_00978ef207b782b4.txt",
             "003_895a194b73b9021e.txt", "004_2b448d70e5f7c8b7.txt"]

# Armed before a filter change: set when a Plotly chart finishes drawing (plotly_afterplot) or a
# chart that was not on the page before gets its SVG (as in bench/dashboard.py).
ARM_REDRAW_JS = """() => {
  window.__loadRedrawn = false;
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    gd.__loadOld = true;
    if (gd.on && !gd.__loadHooked) {
      gd.__loadHooked = true;
      gd.on('plotly_afterplot', () => { window.__loadRedrawn = true; });
    }
  }
  if (!window.__loadObserver) {
    window.__loadObserver = new MutationObserver(() => {
      for (const gd of document.querySelectorAll('.js-plotly-plot')) {
        if (!gd.__loadOld && gd.querySelector('.main-svg')) { window.__loadRedrawn = true; }
      }
    });
    window.__loadObserver.observe(document.body, {childList: true, subtree: true});
  }
}"""


@dataclass
class Stats:
    render: dict[str, list[float]] = field(default_factory=dict)
    redraw: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    sessions_rendered: dict[int, int] = field(default_factory=dict)
    outside_requests: int = 0


@dataclass(frozen=True)
class PageSpec:
    name: str
    path: str
    charts: int
    # async (page, step, timeout_ms) -> None: change a filter and wait for the redraw; step counts the
    # changes made since the page was opened (it opens with every filter at its default)
    change: Callable


def percentile(values: list[float], q: float) -> float | None:
    """Nearest-rank percentile (q in 0..100); None for no values."""
    if not values:
        return None
    ordered = sorted(values)
    rank = max(1, min(len(ordered), round(q / 100 * len(ordered) + 0.5)))
    return ordered[rank - 1]


def read_memory(pid: int | None) -> dict[str, float]:
    """VmRSS and VmHWM of `pid` in MB from /proc (empty when unknown or gone)."""
    out: dict[str, float] = {}
    if pid is None:
        return out
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":", 1)
                    out[key] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return out


def process_cpu_seconds(pid: int | None) -> float | None:
    """User + system CPU time of `pid` and its waited-for children, in seconds (/proc/<pid>/stat)."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8") as fh:
            fields = fh.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    # fields[0] is field 3 (state); utime, stime, cutime, cstime are fields 14-17
    return sum(int(v) for v in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def machine_cpu_seconds() -> tuple[float, float]:
    """(busy, total) CPU seconds of the whole machine since boot, summed over cores (/proc/stat)."""
    with open("/proc/stat", encoding="utf-8") as fh:
        values = [int(v) for v in fh.readline().split()[1:]]
    idle = values[3] + (values[4] if len(values) > 4 else 0)  # idle + iowait
    total = sum(values[:8])  # guest time is already counted in user time
    tick = os.sysconf("SC_CLK_TCK")
    return (total - idle) / tick, total / tick


async def wait_idle(page, timeout_ms: int) -> None:
    """Until the script run is over: Streamlit's running indicator is gone."""
    await page.wait_for_selector(RUNNING, state="detached", timeout=timeout_ms)


class FilterNotChanged(Exception):
    """The widget did not take the new value (an interaction problem, not a missing redraw)."""


async def chart_redraw(page, act: Callable[[], Awaitable[None]], took: Callable[[], Awaitable[None]],
                       timeout_ms: int) -> None:
    """Arm the redraw detector, `act` on a widget, check with `took` that the widget shows the new
    value, then wait until a chart has drawn again."""
    await page.evaluate(ARM_REDRAW_JS)
    await act()
    try:
        await took()
    except AssertionError as exc:
        raise FilterNotChanged(str(exc).splitlines()[0]) from None
    await page.wait_for_function("() => window.__loadRedrawn === true", timeout=timeout_ms)


async def change_overview(page, step: int, timeout_ms: int) -> None:
    from playwright.async_api import expect

    widget = page.locator(".st-key-ov_gcc")
    box = widget.locator("input[type=checkbox]")
    checked = await box.is_checked()
    await chart_redraw(page, lambda: widget.get_by_text("GCC events only").click(),
                       lambda: expect(box).to_be_checked(checked=not checked, timeout=timeout_ms), timeout_ms)


async def change_ranking(page, step: int, timeout_ms: int) -> None:
    """Switch the measure picker between EGDI score and EGDI rank (each visit opens on the rank)."""
    from playwright.async_api import expect

    combobox = page.locator(".st-key-rk_view").get_by_role("combobox")
    label = "EGDI score" if step % 2 == 0 else "EGDI rank"

    async def act() -> None:
        await combobox.click()
        await page.get_by_role("option", name=label, exact=True).click()
    await chart_redraw(page, act, lambda: expect(combobox).to_have_value(label, timeout=timeout_ms), timeout_ms)


def toggle_option(key: str, option: str):
    """A change that adds `option` to the multiselect `key`, or removes it when it is chosen."""
    async def change(page, step: int, timeout_ms: int) -> None:
        from playwright.async_api import expect

        widget = page.locator(f".st-key-{key}")
        remove = widget.get_by_role("button", name=f"Remove {option}", exact=True)
        chosen = await remove.count() > 0

        async def act() -> None:
            if chosen:
                await remove.first.click()
            else:
                await widget.locator("input").click()
                await page.get_by_role("option", name=option, exact=True).click()
                await page.keyboard.press("Escape")
        await chart_redraw(page, act, lambda: expect(remove).to_have_count(0 if chosen else 1, timeout=timeout_ms),
                           timeout_ms)
    return change


async def change_sources(page, step: int, timeout_ms: int) -> None:
    """Choose the next article in the Sources list (options read "date · title"; the URL names the file)."""
    from playwright.async_api import expect

    article = page.locator("div.article-text")
    before = await article.inner_text(timeout=timeout_ms)
    combobox = page.locator(".st-key-src_doc").get_by_role("combobox")
    current = await combobox.input_value()
    await combobox.click()
    options = page.get_by_role("option")
    count = await options.count()
    labels = [await options.nth(k).inner_text() for k in range(count)]
    choice = labels[(labels.index(current) + 1) % count] if current in labels else labels[0]
    await options.nth(labels.index(choice)).click()
    try:
        await expect(combobox).to_have_value(choice, timeout=timeout_ms)
    except AssertionError as exc:
        raise FilterNotChanged(str(exc).splitlines()[0]) from None
    await page.wait_for_function(
        "before => { const el = document.querySelector('div.article-text'); return el && el.innerText !== before; }",
        arg=before, timeout=timeout_ms)


PAGES = [
    PageSpec("overview", "/", 2, change_overview),
    PageSpec("ranking", "/Ranking_trajectory", 1, change_ranking),
    PageSpec("delegations", "/Delegations", 3, toggle_option("dl_kind", "workshop")),
    PageSpec("gcc", "/GCC_cooperation", 1, toggle_option("gcc_topic", "Cloud")),
    PageSpec("sources", f"/Sources?src_doc={SEED_DOCS[0]}", 0, change_sources),
]


async def render(page, base: str, spec: PageSpec, timeout_ms: int) -> None:
    """Open the page and wait until it has drawn: every chart's SVG, or the article text on Sources."""
    await page.goto(base + spec.path, timeout=timeout_ms)
    await page.locator("[data-testid=stMain] h1").first.wait_for(state="visible", timeout=timeout_ms)
    if spec.charts:
        for n in range(spec.charts):
            await page.locator(".js-plotly-plot").nth(n).locator(".main-svg").first.wait_for(
                state="visible", timeout=timeout_ms)
    else:
        await page.locator("div.article-text").wait_for(state="visible", timeout=timeout_ms)


async def check_page(page, where: str, stats: Stats, timeout_ms: int) -> None:
    await wait_idle(page, timeout_ms)
    count = await page.locator(ERRORS).count()
    if count:
        text = await page.locator(ERRORS).first.inner_text()
        stats.errors.append(f"{where}: {count} error element(s): {text[:160]}")


async def page_state(page) -> str:
    """What the page looked like when a wait failed, for the error message."""
    try:
        return json.dumps(await page.evaluate("""() => ({
          url: location.pathname + location.search,
          charts: document.querySelectorAll('.js-plotly-plot').length,
          drawn: document.querySelectorAll('.js-plotly-plot .main-svg').length,
          running: document.querySelectorAll('[data-testid=stStatusWidget]').length,
          stale: document.querySelectorAll('[data-stale=true]').length,
          redrawn: window.__loadRedrawn === true})"""))
    except Exception as exc:
        return f"unknown ({type(exc).__name__})"


async def run_session(index: int, browser, base: str, deadline: float, stats: Stats, redraws: int,
                      timeout_ms: int) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 900})
    page = await context.new_page()
    page.set_default_timeout(timeout_ms)
    server_host = urlsplit(base).netloc

    def on_request(request) -> None:
        parts = urlsplit(request.url)
        if parts.scheme not in ("data", "blob") and parts.netloc != server_host:
            stats.outside_requests += 1
            stats.errors.append(f"session {index}: request outside the server: {request.url[:120]}")

    page.on("request", on_request)
    visit = index
    try:
        while time.monotonic() < deadline:
            spec = PAGES[visit % len(PAGES)]
            visit += 1
            where = f"session {index} {spec.name}"
            try:
                t0 = time.monotonic()
                await render(page, base, spec, timeout_ms)
                stats.render.setdefault(spec.name, []).append(time.monotonic() - t0)
                stats.sessions_rendered[index] = stats.sessions_rendered.get(index, 0) + 1
                await check_page(page, where, stats, timeout_ms)
                for step in range(redraws):  # a visit started before the deadline makes all its changes
                    t0 = time.monotonic()
                    await spec.change(page, step, timeout_ms)
                    stats.redraw.setdefault(spec.name, []).append(time.monotonic() - t0)
                    await check_page(page, f"{where} after a filter change", stats, timeout_ms)
            except Exception as exc:  # a page that never rendered is counted, and the session goes on
                stats.errors.append(f"{where}: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}"
                                    f" [page then: {await page_state(page)}]")
    finally:
        await context.close()


async def sample_memory(pid: int | None, samples: list[float], stop: asyncio.Event) -> None:
    while not stop.is_set():
        rss = read_memory(pid).get("VmRSS")
        if rss is not None:
            samples.append(rss)
        try:
            await asyncio.wait_for(stop.wait(), timeout=0.5)
        except TimeoutError:
            pass


async def run_load(base: str, pid: int | None, sessions: int, seconds: float, redraws: int, timeout_s: float,
                   ramp_s: float) -> dict:
    from playwright.async_api import async_playwright

    stats = Stats()
    timeout_ms = int(timeout_s * 1000)
    memory_start = read_memory(pid)
    samples: list[float] = []
    stop = asyncio.Event()
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            # One warm-up render, so the figures are about a running dashboard, not its first extraction.
            warm = await browser.new_page()
            t0 = time.monotonic()
            await render(warm, base, PAGES[0], timeout_ms)
            first_render = time.monotonic() - t0
            await warm.close()
            sampler = asyncio.create_task(sample_memory(pid, samples, stop))
            cpu_server_start, (cpu_busy_start, cpu_total_start) = process_cpu_seconds(pid), machine_cpu_seconds()
            started = time.monotonic()
            deadline = started + seconds

            async def delayed(i: int) -> None:
                await asyncio.sleep(i * ramp_s)
                await run_session(i, browser, base, deadline, stats, redraws, timeout_ms)

            # Bounded: sessions stop starting work at the deadline and every wait has its own timeout.
            hard_limit = seconds + sessions * ramp_s + (2 + 3 * redraws) * timeout_s + 30
            try:
                await asyncio.wait_for(asyncio.gather(*(delayed(i) for i in range(sessions))), hard_limit)
            except TimeoutError:
                stats.errors.append(f"sessions still running {hard_limit:.0f} s after the start; stopped")
            elapsed = time.monotonic() - started
            cpu_server_end, (cpu_busy_end, cpu_total_end) = process_cpu_seconds(pid), machine_cpu_seconds()
            stop.set()
            await sampler
        finally:
            await browser.close()
    renders = [v for values in stats.render.values() for v in values]
    redrawn = [v for values in stats.redraw.values() for v in values]
    memory_end = read_memory(pid)
    return {
        "server": base, "pid": pid, "sessions": sessions, "seconds": seconds, "elapsed_s": round(elapsed, 1),
        "redraws_per_visit": redraws, "first_render_s": round(first_render, 2),
        "renders": len(renders), "render_p50_s": percentile(renders, 50), "render_p95_s": percentile(renders, 95),
        "redraws": len(redrawn), "redraw_p50_s": percentile(redrawn, 50), "redraw_p95_s": percentile(redrawn, 95),
        "per_page": {spec.name: {"renders": len(stats.render.get(spec.name, [])),
                                 "render_p50_s": percentile(stats.render.get(spec.name, []), 50),
                                 "redraws": len(stats.redraw.get(spec.name, [])),
                                 "redraw_p50_s": percentile(stats.redraw.get(spec.name, []), 50)}
                     for spec in PAGES},
        "sessions_rendered": {str(k): v for k, v in sorted(stats.sessions_rendered.items())},
        "errors": stats.errors, "error_count": len(stats.errors), "outside_requests": stats.outside_requests,
        "rss_start_mb": memory_start.get("VmRSS"), "rss_peak_sampled_mb": max(samples) if samples else None,
        "rss_end_mb": memory_end.get("VmRSS"), "vmhwm_mb": memory_end.get("VmHWM"),
        "cpu_seconds_available": round(cpu_total_end - cpu_total_start, 1),
        "cpu_seconds_busy": round(cpu_busy_end - cpu_busy_start, 1),
        "cpu_seconds_server": (round(cpu_server_end - cpu_server_start, 1)
                               if cpu_server_start is not None and cpu_server_end is not None else None),
    }


def print_report(result: dict) -> None:
    def s(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.2f} s"

    def mb(value: float | None) -> str:
        return "n/a" if value is None else f"{value:.0f} MB"

    print(f"load: {result['sessions']} browser sessions for {result['seconds']:.0f} s on {result['server']} "
          f"(ran {result['elapsed_s']} s; first render before the load {s(result['first_render_s'])})")
    print(f"page render:   {result['renders']:4d} renders, p50 {s(result['render_p50_s'])}, "
          f"p95 {s(result['render_p95_s'])}")
    print(f"filter redraw: {result['redraws']:4d} redraws, p50 {s(result['redraw_p50_s'])}, "
          f"p95 {s(result['redraw_p95_s'])}")
    for name, page in result["per_page"].items():
        print(f"  {name:12s} renders {page['renders']:3d} (p50 {s(page['render_p50_s'])}), "
              f"redraws {page['redraws']:3d} (p50 {s(page['redraw_p50_s'])})")
    print(f"errors: {result['error_count']} (requests outside the server: {result['outside_requests']})")
    for error in result["errors"][:10]:
        print(f"  {error}")
    print(f"server memory: RSS {mb(result['rss_start_mb'])} before, {mb(result['rss_peak_sampled_mb'])} "
          f"highest sampled, {mb(result['rss_end_mb'])} after; VmHWM (peak) {mb(result['vmhwm_mb'])}")
    server_cpu = result["cpu_seconds_server"]
    print(f"CPU during the load: {result['cpu_seconds_busy']:.0f} of {result['cpu_seconds_available']:.0f} "
          f"CPU-seconds busy ({os.cpu_count()} cores); the server process used "
          + ("n/a" if server_cpu is None else f"{server_cpu:.0f}") + ", the rest went to chromium and this script")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sessions", type=int, default=20, help="concurrent browser sessions (default 20)")
    parser.add_argument("--seconds", type=float, default=60, help="how long sessions start new work (default 60)")
    parser.add_argument("--redraws", type=int, default=2, help="filter changes per page visit (default 2)")
    parser.add_argument("--timeout", type=float, default=120, help="timeout of each wait, in seconds")
    parser.add_argument("--ramp", type=float, default=0.25, help="seconds between session starts")
    parser.add_argument("--url", help="an already running dashboard on 127.0.0.1 (default: start one)")
    parser.add_argument("--pid", type=int, help="process id of the --url server, for its memory")
    parser.add_argument("--seeds", default=str(ROOT / "seeds"), help="folder to copy for the started server")
    parser.add_argument("--json", help="also write the figures to this JSON file")
    args = parser.parse_args(argv)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))  # so the finally below stops the server
    if not 1 <= args.sessions <= 50 or not 0 < args.seconds <= 600 or not 0 <= args.redraws <= 10:
        parser.error("keep it bounded: 1-50 sessions, up to 600 s, up to 10 redraws per visit")
    proc, scratch = None, None
    try:
        if args.url:
            if urlsplit(args.url).hostname not in LOOPBACK:
                parser.error("--url must be a loopback address (127.0.0.1 or localhost)")
            base, pid = args.url.rstrip("/"), args.pid
        else:
            scratch = Path(tempfile.mkdtemp(prefix="egov-load-"))
            shutil.copytree(args.seeds, scratch / "seeds")
            proc, base = start_server(scratch / "seeds", scratch / "streamlit.log")
            pid = proc.pid
        result = asyncio.run(run_load(base, pid, args.sessions, args.seconds, args.redraws, args.timeout, args.ramp))
    finally:
        if proc is not None:
            stop_server(proc)
        if scratch is not None:
            shutil.rmtree(scratch, ignore_errors=True)
    print_report(result)
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2, ensure_ascii=False), encoding="utf-8")
    return 0 if result["error_count"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
