"""Dashboard latency against a bare one-chart Streamlit app, in a real browser (Debian chromium).

Run: python bench/dashboard.py [--redraws 7] [--no-cold] [--page /Delegations] [--cpu]

Cases, each on its own server (127.0.0.1, a free port, stopped at the end of the case):
  bare        bench/bare_app.py: one Plotly chart and one selectbox
  seeds       dashboard.py on seeds/ (EGOV_SEEDS_DIR), extraction cache warm
  10k-cold    dashboard.py on bench/out/corpus_10000 with an empty extraction cache (EGOV_CACHE_DIR)
  10k-warm    the same folder again, cache and corpus snapshot written by the cold run (or, with
              --no-cold, before the cases start)
Measured: process start -> first chart visible (`.js-plotly-plot .main-svg`); filter change ->
page redrawn (median of --redraws; the bare app's selectbox, the dashboard's sidebar toggle
"GCC events only", or with --page the filter of that page in PAGE_FILTERS); server memory from /proc/<pid>/status (VmRSS now, VmHWM peak). Prints each
case and ours / bare; writes bench/out/dashboard_results.json.

The redraw is timed by the browser's clock from the filter click (the click event) to the LAST
chart drawn (`plotly_afterplot`) once the page has settled (the run finished and no chart drawn for
SETTLED_MS): what the reader waits for, on a page of several charts as on the bare app's one. Also
printed: the click to the FIRST chart drawn (the figure of earlier rounds, which stopped at the
timeline while the map came 160-590 ms later), and the harness's wall clock around Playwright's
click to the first chart (which adds Playwright's own click and polling to both apps alike).

Each redraw is also recorded in the page (RECORD_JS: websocket frames, plotly_afterplot, long tasks)
and read by bench/redraw_report.py: whether the whole script or a fragment reran, the bytes and
elements sent, when the run finished and how long the browser drew after it. Per case the script
prints the spread (min / median / max), the same per kind of run, and the slowest redraw against
the fastest, which says why runs differ, and how many times each chart was drawn per redraw (full
draws against restyles: Streamlit's theme drew every chart twice until ui/charts/theme.py).

With --cpu, each redraw also reports what was busy: the server process's CPU (every thread, the
reruns' ended threads too; from before the click until the page settled) and the page's main
thread from the click to the last chart drawn (a V8 CPU profile through the DevTools protocol,
aligned to the page's clock by a marker function: busy time, and of it plotly.js and the engine's
own style, layout and paint). What neither was busy with is waiting: messages between browser and
server, timers, frames, other threads. The profiler costs the page a little, so the redraw times
of a --cpu run are not the issue's figures.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import corpus as synthetic  # noqa: E402  (bench/corpus.py)
import redraw_report  # noqa: E402  (bench/redraw_report.py)

OUT = ROOT / "bench" / "out"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CHART = ".js-plotly-plot .main-svg"
_path = "/"  # the page opened (--page)

# Armed before a filter change: set when any Plotly chart finishes drawing (plotly_afterplot) or
# when a chart element that was not on the page before gets its SVG.
ARM_REDRAW_JS = """() => {
  window.__benchRedrawn = false;
  window.__benchHook = window.__benchHook || ((gd) => {
    if (!gd.on || gd.__benchHooked) { return; }
    gd.__benchHooked = true;
    gd.on('plotly_afterplot', () => {
      window.__benchRedrawn = true;
      const title = gd.layout && gd.layout.title;
      // A full draw (Plotly's _doPlot) or a restyle (Plotly.react finding little changed, which
      // emits afterplot from its update sequence, run by Lib.syncOrAsync).
      const full = !String((new Error()).stack).includes('syncOrAsync');
      window.__bench.afterplots.push({t: performance.now(), full,
        title: (typeof title === 'string' ? title : (title && title.text)) || ''});
    });
  });
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    gd.__benchOld = true;
    window.__benchHook(gd);
  }
  if (!window.__benchObserver) {
    window.__benchObserver = new MutationObserver(() => {
      for (const gd of document.querySelectorAll('.js-plotly-plot')) {
        window.__benchHook(gd);
        if (!gd.__benchOld && gd.querySelector('.main-svg')) { window.__benchRedrawn = true; }
      }
    });
    window.__benchObserver.observe(document.body, {childList: true, subtree: true});
  }
}"""


# Installed before the page loads: records, while window.__benchRecord is true, every websocket frame
# (browser clock in ms, bytes, base64 payload; received and sent), every long task of the main
# thread, and the time of the latest click (the filter change).
RECORD_JS = """(() => {
  const b64 = (data) => {
    const bytes = ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
      : new Uint8Array(data);
    let text = '';
    for (let i = 0; i < bytes.length; i += 0x8000) {
      text += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
    }
    return btoa(text);
  };
  window.__benchRecord = false;
  window.__bench = {t0: null, received: [], sent: [], afterplots: [], longtasks: []};
  const Native = window.WebSocket;
  class Recorded extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener('message', (e) => {
        if (window.__benchRecord && e.data instanceof ArrayBuffer) {
          window.__bench.received.push({t: performance.now(), n: e.data.byteLength, b: b64(e.data)});
        }
      });
    }
    send(data) {
      if (window.__benchRecord && typeof data !== 'string') {
        window.__bench.sent.push({t: performance.now(), n: data.byteLength, b: b64(data)});
      }
      return super.send(data);
    }
  }
  window.WebSocket = Recorded;
  document.addEventListener('click', () => { window.__bench.t0 = performance.now(); }, true);
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) { window.__bench.longtasks.push({t: e.startTime, d: e.duration}); }
    }).observe({type: 'longtask', buffered: true});
  } catch (e) {}
})()"""

START_RECORDING_JS = """() => {
  window.__bench.t0 = null;
  window.__bench.received = []; window.__bench.sent = []; window.__bench.afterplots = []; window.__bench.longtasks = [];
  window.__benchRecord = true;
}"""

STOP_RECORDING_JS = """() => { window.__benchRecord = false; return window.__bench; }"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def proc_memory(pid: int) -> dict[str, float]:
    """VmRSS and VmHWM (peak) of a process in MB, from /proc (psutil is not installed)."""
    out = {}
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith(("VmRSS:", "VmHWM:")):
                    key, value = line.split(":", 1)
                    out[key] = int(value.split()[0]) / 1024
    except OSError:
        pass
    return {"rss_mb": out.get("VmRSS", float("nan")), "peak_rss_mb": out.get("VmHWM", float("nan"))}


def server_cpu_ms(pid: int) -> float | None:
    """CPU time of a process so far, in ms: its CPU-time clock (clock_getcpuclockid), which counts
    every thread, the ones that have ended too (Streamlit runs each rerun in a thread of its own, gone
    by the time the redraw is read); None when the process cannot be read."""
    import ctypes

    clock = ctypes.c_int()
    if ctypes.CDLL(None).clock_getcpuclockid(pid, ctypes.byref(clock)) != 0:  # an error number (ESRCH, EPERM)
        return None
    try:
        return time.clock_gettime(clock.value) * 1000
    except OSError:
        return None


# The browser's sampling interval for --cpu (µs): fine enough for redraws of 50-200 ms.
PROFILE_INTERVAL_US = 200
# Run once the profiler has started: a function the profile names, busy for 3 ms from the page time it
# returns, so that the profile's own clock can be read as the page's (redraw_report.first_sample_ms).
# Its name is new for each redraw: V8 would otherwise reuse the compiled code, in which the profile
# no longer names it.
PROFILE_MARK = "benchProfileMark"


def profile_mark_js(name: str) -> str:
    return f"""() => {{
  function {name}() {{ const a = performance.now(); while (performance.now() - a < 3) {{}} return a; }}
  return {name}();
}}"""


def wait_healthy(port: int, proc: subprocess.Popen, deadline: float) -> None:
    url = f"http://127.0.0.1:{port}/_stcore/health"
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited with code {proc.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=1) as resp:
                if resp.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise TimeoutError("server not healthy in time")


# The filter changed on each page (--page): sidebar texts clicked in turn (a toggle's label, radio options).
# Each must change a chart at any corpus size, else no chart is redrawn and there is nothing to time:
# the Delegations page's order ("by delegation size" / "by date") reorders only its table once the
# events are more than the bar chart's 30 (a dot chart by year), and the GCC page's "named explicitly"
# / "including the GCC as a body" only matters with a member chosen. On the GCC page a member is
# chosen in the "Member state" multiselect and cleared again, in turn (PAGE_MEMBER, MEMBER_KEY).
PAGE_FILTERS = {
    "/": ["GCC events only"],
    "/Delegations": ["Count reports, not stories"],
    "/GCC_cooperation": ["choose a member", "clear the member"],
}
PAGE_MEMBER = "Saudi Arabia"
MEMBER_KEY = "gcc_member"
# A filter change after which no chart is drawn within this long is reported as an error, not waited for.
REDRAW_TIMEOUT_MS = 30_000
_clicks: list[str] = PAGE_FILTERS["/"]


def change_filter(page, case: str, step: int) -> None:
    if case == "bare":
        page.locator('[data-testid="stSelectbox"]').first.click()
        page.get_by_role("option", name="B" if step % 2 == 0 else "A", exact=True).click()
    elif _path == "/GCC_cooperation":
        box = page.locator(f".st-key-{MEMBER_KEY}")
        if step % 2 == 0:  # open the multiselect and choose the member
            box.locator("input").click()
            page.get_by_role("option", name=PAGE_MEMBER, exact=True).click()
        else:  # remove it again (the tag's delete control)
            box.locator(f'[aria-label="Remove {PAGE_MEMBER}"]').click()
        page.keyboard.press("Escape")
    else:
        label = _clicks[step % len(_clicks)]
        page.locator('[data-testid="stSidebar"]').get_by_text(label, exact=True).click()


def run_case(browser, case: str, script: Path, env: dict[str, str], redraws: int, first_timeout: float,
             cpu: bool = False) -> dict:
    """Start a server for `script`, open it, time the first chart and `redraws` filter changes (with
    `cpu`, also each redraw's CPU: the server process's and the page's main thread's, from a V8 profile)."""
    port = free_port()
    cmd = [sys.executable, "-m", "streamlit", "run", str(script), "--server.headless", "true",
           "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
           "--server.fileWatcherType", "none"]
    result: dict = {"case": case, "redraw_s": [], "first_s": [], "wall_first_s": [], "redraw_detail": []}
    page = None
    start = time.monotonic()
    cwd = script.parent if script.name == "dashboard.py" else ROOT  # where .streamlit/config.toml is
    proc = subprocess.Popen(cmd, cwd=cwd, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    try:
        deadline = start + first_timeout
        wait_healthy(port, proc, deadline)
        result["healthy_s"] = time.monotonic() - start
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.add_init_script(RECORD_JS)
        target = _path if script.name == "dashboard.py" else "/"
        page.goto(f"http://127.0.0.1:{port}{target}", wait_until="commit")
        page.wait_for_selector(CHART, state="visible", timeout=max(1.0, deadline - time.monotonic()) * 1000)
        result["first_chart_s"] = time.monotonic() - start
        result["memory_after_first_chart"] = proc_memory(proc.pid)
        page.wait_for_timeout(1500)  # let the rest of the first run settle
        profiler = None
        if cpu:
            profiler = page.context.new_cdp_session(page)
            profiler.send("Profiler.enable")
            profiler.send("Profiler.setSamplingInterval", {"interval": PROFILE_INTERVAL_US})
        for step in range(redraws):
            try:
                page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=180_000)
                page.evaluate(START_RECORDING_JS)
                page.evaluate(ARM_REDRAW_JS)
                if profiler is not None:
                    server_before = server_cpu_ms(proc.pid)
                    profiler.send("Profiler.start")
                    mark_name = f"{PROFILE_MARK}{step}"
                    marked = page.evaluate(profile_mark_js(mark_name))  # the mark's start by the page's clock
                t0 = time.monotonic()
                change_filter(page, case, step)
                page.wait_for_function("() => window.__benchRedrawn === true", timeout=REDRAW_TIMEOUT_MS)
                result["wall_first_s"].append(time.monotonic() - t0)
                detail = read_redraw(page)
                if profiler is not None:
                    # the page's main thread from the click to the last chart drawn; the server, from
                    # before the click until the page settled (read_redraw)
                    profile = profiler.send("Profiler.stop")["profile"]
                    server_after = server_cpu_ms(proc.pid)
                    clicked = page.evaluate("() => window.__bench.t0")
                    mark = redraw_report.first_sample_ms(profile, mark_name)
                    if clicked is not None and mark is not None and detail.get("drawn_ms") is not None:
                        since = mark + clicked - marked  # the click, in ms after the profile's start
                        browser_cpu = redraw_report.profile_cpu(profile, window=(since, since + detail["drawn_ms"]))
                        detail.update(browser_busy_ms=browser_cpu["busy_ms"], browser_plotly_ms=browser_cpu["plotly_ms"],
                                      browser_program_ms=browser_cpu["program_ms"])
                    if server_before is not None and server_after is not None:
                        detail["server_cpu_ms"] = server_after - server_before
                result["redraw_detail"].append(detail)
                # The redraw: the filter click to the last chart drawn, by the browser's clock (what
                # the reader waits for; Playwright's own click and polling are not in it).
                if detail.get("drawn_ms") is None:
                    raise RuntimeError(f"no chart drawn after the click: {detail.get('error', '')}")
                result["redraw_s"].append(detail["drawn_ms"] / 1000)
                result["first_s"].append(detail["first_ms"] / 1000)
            except Exception as exc:  # a redraw that never came is reported, not hidden
                result.setdefault("errors", []).append(f"redraw {step}: {type(exc).__name__}: {exc}"[:200])
            page.wait_for_timeout(800)
        result["memory_end"] = proc_memory(proc.pid)
    except Exception as exc:
        result.setdefault("errors", []).append(f"{type(exc).__name__}: {exc}"[:300])
    finally:
        result["redraw_median_s"] = statistics.median(result["redraw_s"]) if result["redraw_s"] else None
        result["first_median_s"] = statistics.median(result["first_s"]) if result["first_s"] else None
        result["wall_first_median_s"] = statistics.median(result["wall_first_s"]) if result["wall_first_s"] else None
        result["redraw_summary"] = redraw_report.summarize(result["redraw_s"], result["redraw_detail"])
        result["redraw_explained"] = redraw_report.explain(result["redraw_s"], result["redraw_detail"])
        if page is not None:
            page.close()
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait(timeout=10)
        err = proc.stderr.read() if proc.stderr else ""
        if "Traceback" in err:
            result.setdefault("errors", []).append("server traceback: " + err[-500:])
    return result


# Quiet for this long (browser clock) after the last chart drawn: the page has settled.
SETTLED_MS = 500
SETTLED_JS = f"""() => {{
  const a = window.__bench.afterplots;
  const last = a.length ? a[a.length - 1].t : window.__bench.t0;
  return last !== null && performance.now() - last >= {SETTLED_MS};
}}"""


def read_redraw(page) -> dict:
    """describe_redraw of the frames recorded since START_RECORDING_JS, once the run has finished
    (the status widget gone) and no chart has been drawn for SETTLED_MS (so the last chart of the
    page, and a chart's second draw, are in it); {} if the record cannot be read."""
    try:
        page.wait_for_selector('[data-testid="stStatusWidget"]', state="detached", timeout=60_000)
        page.wait_for_function(SETTLED_JS, timeout=60_000, polling=50)
        record = page.evaluate(STOP_RECORDING_JS)
        if record.get("t0") is None:
            return {}
        return redraw_report.describe_redraw(record)
    except Exception as exc:  # a record that cannot be read is said, and the timing kept
        return {"error": f"{type(exc).__name__}: {exc}"[:200]}


def snapshot_app() -> Path:
    """A copy of the dashboard and what it imports, in a temporary folder (removed at exit)."""
    import atexit

    dest = Path(tempfile.mkdtemp(prefix="egov-bench-app-"))
    atexit.register(shutil.rmtree, dest, ignore_errors=True)
    for name in ("dashboard.py", "core", "ui", "pages", "static", ".streamlit", "seeds"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.exists():
            shutil.copy2(src, dest / name)
    return dest


def ratio(ours: float | None, bare: float | None) -> str:
    return f"{ours / bare:.2f}" if ours and bare else "n/a"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--redraws", type=int, default=7, help="filter changes per case (median reported)")
    parser.add_argument("--no-cold", action="store_true", help="skip the 10k case with an empty cache")
    parser.add_argument("--size", type=int, default=10000, help="synthetic corpus size for the large cases")
    parser.add_argument("--snapshot", action="store_true",
                        help="serve a copy of the app (core, ui, pages, ...) taken now, so edits made by others "
                             "during the run (which change the extractor version and empty the cache) do not count")
    parser.add_argument("--cache-dir", type=Path, default=None,
                        help="extraction cache (and snapshots) for the large cases, kept after the run: with "
                             "--no-cold, a cache filled earlier for the same code is reused instead of refilled")
    parser.add_argument("--page", default="/", choices=list(PAGE_FILTERS),
                        help="the dashboard page opened and filtered (the bare app is always its one page)")
    parser.add_argument("--cpu", action="store_true",
                        help="also the CPU of each redraw: the server process (every thread) and the page's main "
                             "thread (a V8 CPU profile: busy, of it plotly.js and style, layout and paint)")
    parser.add_argument("--cases", default="bare,seeds,big",
                        help="comma-separated cases to run among bare, seeds and big (the synthetic folder, "
                             "cold unless --no-cold, then warm); the bare app is always run first, as the baseline")
    args = parser.parse_args(argv)
    chosen = {c.strip() for c in args.cases.split(",") if c.strip()} | {"bare"}
    global _clicks, _path
    _clicks, _path = PAGE_FILTERS[args.page], args.page
    app_root = snapshot_app() if args.snapshot else ROOT
    from playwright.sync_api import sync_playwright

    big = synthetic.build_corpus(args.size) if "big" in chosen else None
    cache_seeds = Path(tempfile.mkdtemp(prefix="egov-bench-cache-seeds-"))
    cache_big = args.cache_dir or Path(tempfile.mkdtemp(prefix="egov-bench-cache-big-"))
    label = f"{args.size // 1000}k" if args.size >= 1000 else str(args.size)
    seeds_env = {"EGOV_SEEDS_DIR": str(ROOT / "seeds"), "EGOV_CACHE_DIR": str(cache_seeds)}
    cases = [("bare", ROOT / "bench" / "bare_app.py", {}, 60)]
    if "seeds" in chosen:
        cases.append(("seeds", app_root / "dashboard.py", seeds_env, 120))
    if big is not None and not args.no_cold:
        cases.append((f"{label}-cold", app_root / "dashboard.py",
                      {"EGOV_SEEDS_DIR": str(big), "EGOV_CACHE_DIR": str(cache_big)}, 900))
    if big is not None:
        cases.append((f"{label}-warm", app_root / "dashboard.py", {"EGOV_SEEDS_DIR": str(big), "EGOV_CACHE_DIR": str(cache_big)}, 600))
    print(f"{os.cpu_count()} CPUs shared by server and browser; load average {os.getloadavg()[0]:.2f}")
    if big is not None and args.no_cold:  # fill the cache and write the snapshot outside the measurement, as a cold run would have
        sys.path.insert(0, str(app_root))
        from core.run import snapshot
        stats = snapshot.SnapshotStats()
        snapshot.load_corpus(big, cache=cache_big, workers=2, snapshots=cache_big / "snapshots", stats=stats)
        print(f"cache filled and snapshot written outside the measurement: {stats}")
    results = []
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
            try:
                # Seeds' cache is warmed by a throw-away run, so "seeds" measures the usual start.
                run_case(browser, "seeds-warmup", app_root / "dashboard.py", seeds_env, 0, 120)
                for case, script, env, timeout in cases:
                    r = run_case(browser, case, script, env, args.redraws, timeout, cpu=args.cpu)
                    r["loadavg"] = os.getloadavg()[0]
                    results.append(r)
                    mem = r.get("memory_end") or r.get("memory_after_first_chart") or {}
                    redraw = r.get("redraw_median_s")
                    print(f"{case:>10}: first chart {r.get('first_chart_s', float('nan')):6.2f} s "
                          f"(server healthy at {r.get('healthy_s', float('nan')):.2f} s), redraw (to the last chart) median "
                          f"{redraw if redraw is not None else float('nan'):.3f} s over {len(r['redraw_s'])} "
                          f"[{', '.join(f'{x:.2f}' for x in r['redraw_s'])}], server RSS "
                          f"{mem.get('rss_mb', float('nan')):.0f} MB (peak {mem.get('peak_rss_mb', float('nan')):.0f} MB)"
                          + (f"; errors: {r['errors']}" if r.get("errors") else ""))
                    for line in r["redraw_explained"]:
                        print(f"{'':>12}{line}")
            finally:
                browser.close()
    finally:
        shutil.rmtree(cache_seeds, ignore_errors=True)
        if not args.cache_dir:
            shutil.rmtree(cache_big, ignore_errors=True)
    bare = results[0]
    print("\nours / bare (redraw = medians, browser clock, click to the last chart drawn; then click to the first "
          "chart drawn; then the harness's wall clock around Playwright's click to the first chart):")
    for r in results[1:]:
        print(f"{r['case']:>10}: first chart {ratio(r.get('first_chart_s'), bare.get('first_chart_s'))}, "
              f"redraw {ratio(r.get('redraw_median_s'), bare.get('redraw_median_s'))} "
              f"(worst {ratio(max(r['redraw_s'], default=None), max(bare['redraw_s'], default=None))}), "
              f"first chart of the redraw {ratio(r.get('first_median_s'), bare.get('first_median_s'))}, "
              f"harness {ratio(r.get('wall_first_median_s'), bare.get('wall_first_median_s'))}, "
              f"RSS {ratio((r.get('memory_end') or {}).get('rss_mb'), (bare.get('memory_end') or {}).get('rss_mb'))}")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "dashboard_results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"figures written to {(OUT / 'dashboard_results.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
