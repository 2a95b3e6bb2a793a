"""What one dashboard redraw cost, read from the websocket frames the browser exchanged, and a summary
over redraws that says why they differ. Used by bench/dashboard.py; pure functions (no browser).

A redraw is recorded in the page (bench/dashboard.py's RECORD_JS) as the browser's clock
(`performance.now()`, ms) at the filter click, every websocket frame received and sent after it
(time, bytes, payload), every Plotly `plotly_afterplot` (time, chart title) and every long task of
the main thread. `describe_redraw` turns that into: which part of the script reran (the whole
script, or a fragment: Streamlit's `metadata.run.fragment_ids` and `script_finished` status), the
bytes and elements the server sent, when the run finished (server side, as the browser saw it), and
how long the browser drew after that, chart by chart.
"""

from __future__ import annotations

import base64
import json
import re
import statistics
from collections import Counter

from google.protobuf.message import DecodeError
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

TAG = re.compile(r"<[^>]*>")
WHOLE, FRAGMENT, UNKNOWN = "whole script", "fragment", "unknown"
_FRAGMENT_DONE = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_FRAGMENT_RUN_SUCCESSFULLY")
_EARLY = ForwardMsg.ScriptFinishedStatus.Value("FINISHED_EARLY_FOR_RERUN")


def _decode(frame: dict) -> bytes:
    return base64.b64decode(frame.get("b", ""))


def _plain(title: str) -> str:
    """A chart title without its markup (Plotly titles may carry <b>…</b>)."""
    return TAG.sub("", str(title)).strip() or "(untitled)"


def _live_chart_title(data: str) -> str:
    try:
        figure = json.loads(data).get("figure")
    except ValueError:
        return "?"
    return _chart_title(figure) if isinstance(figure, str) else ""


def _chart_title(spec: str) -> str:
    try:
        title = json.loads(spec).get("layout", {}).get("title", {})
    except ValueError:
        return "?"
    return _plain(title.get("text", "") if isinstance(title, dict) else title)


def requested_run(sent: list[dict]) -> str:
    """What the browser asked for: FRAGMENT when its rerun request names a fragment, WHOLE when one
    names none, UNKNOWN when no rerun request was sent."""
    kind = UNKNOWN
    for frame in sent:
        try:
            msg = BackMsg.FromString(_decode(frame))
        except DecodeError:  # not a Streamlit message: nothing to read
            continue
        if msg.WhichOneof("type") == "rerun_script":
            kind = FRAGMENT if msg.rerun_script.fragment_id else WHOLE
    return kind


def describe_redraw(record: dict) -> dict:
    """The figures of one redraw from its record (see the module doc); times in ms after the click.

    run: WHOLE or FRAGMENT (from the finished run's fragment ids or its script_finished status),
    UNKNOWN when no run finished; requested: requested_run(); bytes, messages; elements: Counter of
    the element types the server sent (a chart sent again in full counts as plotly_chart; one the
    browser still holds arrives as a small reference, counted in `reused`); heaviest: the largest
    element (type, bytes, chart title); finished_ms: the script_finished frame; drawn_ms: the last
    plotly_afterplot (first_ms: the first); browser_ms: drawn_ms - finished_ms (drawing after the server was done, or
    negative when the chart was drawn before the run ended); charts: (title, ms) per afterplot; draws:
    per chart title, its full draws and its restyles (an afterplot recorded with full=false);
    longtask_ms: main-thread long tasks after the click.
    """
    t0 = record["t0"]
    frames = record.get("received", [])
    elements: Counter = Counter()
    heaviest: tuple[int, str, str] = (0, "", "")
    run, finished, reused, total = UNKNOWN, None, 0, 0
    for frame in frames:
        payload = _decode(frame)
        total += frame.get("n", len(payload))
        msg = ForwardMsg.FromString(payload)
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":
            reused += 1
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            element = msg.delta.new_element.WhichOneof("type") or "?"
            elements[element] += 1
            size = len(payload)
            if size > heaviest[0]:
                title = ""
                if element == "plotly_chart":
                    title = _chart_title(msg.delta.new_element.plotly_chart.spec)
                elif element == "bidi_component":  # ui.charts.live: the figure is a string in the JSON data
                    title = _live_chart_title(msg.delta.new_element.bidi_component.json)
                heaviest = (size, element, title)
        elif kind == "script_finished" and msg.script_finished != _EARLY:
            finished = frame["t"] - t0
            fragment = bool(msg.metadata.run.fragment_ids) or msg.script_finished == _FRAGMENT_DONE
            run = FRAGMENT if fragment else WHOLE
    after = [a for a in record.get("afterplots", []) if a["t"] >= t0]
    charts = [(_plain(a.get("title", "")), a["t"] - t0) for a in after]
    draws: dict[str, dict[str, int]] = {}  # per chart: full draws and restyles (records without the flag: full)
    for a in after:
        entry = draws.setdefault(_plain(a.get("title", "")), {"full": 0, "restyle": 0})
        entry["full" if a.get("full", True) else "restyle"] += 1
    first = min((ms for _, ms in charts), default=None)
    drawn = max((ms for _, ms in charts), default=None)
    return {
        "run": run, "requested": requested_run(record.get("sent", [])), "bytes": total, "messages": len(frames),
        "elements": dict(elements), "reused": reused,
        "heaviest": {"bytes": heaviest[0], "element": heaviest[1], "title": heaviest[2]} if heaviest[0] else None,
        "finished_ms": finished, "first_ms": first, "drawn_ms": drawn,
        "browser_ms": drawn - finished if drawn is not None and finished is not None else None,
        "charts": charts, "draws": draws,
        "longtask_ms": sum(t["d"] for t in record.get("longtasks", []) if t["t"] >= t0),
    }


def spread(values: list[float]) -> dict | None:
    """min / median / max of `values` (None for no values)."""
    values = [v for v in values if v is not None]
    if not values:
        return None
    return {"min": min(values), "median": statistics.median(values), "max": max(values), "n": len(values)}


def _median(items: list[dict], key: str) -> float | None:
    values = [i[key] for i in items if i.get(key) is not None]
    return statistics.median(values) if values else None


# The pseudo-functions of a V8 CPU profile that are no script's code: the thread waiting for work,
# and the engine's own native work (style, layout, paint and parsing are "(program)").
IDLE, PROGRAM, GC = "(idle)", "(program)", "(garbage collector)"


def _samples(profile: dict):
    """Each sample of a V8 CPU profile as (ms after the profile's start, ms it lasts, its node id): the
    deltas are µs, each from the sample before (the first from the start), and a sample lasts until the
    next one, as DevTools counts it (the last one, 0)."""
    deltas = profile.get("timeDeltas", [])
    at = 0.0
    for k, node_id in enumerate(profile.get("samples", [])):
        at += deltas[k] / 1000 if k < len(deltas) else 0
        yield at, (deltas[k + 1] if k + 1 < len(deltas) else 0) / 1000, node_id


def profile_cpu(profile: dict, script: str = "plotly", window: tuple[float, float] | None = None) -> dict:
    """The main thread's time in a V8 CPU profile (Chrome DevTools Protocol `Profiler.stop`), in ms:
    busy (every sample that is not idle), idle, the part of busy spent in functions of scripts whose URL
    contains `script` (any case: plotly.js, or the chunk of Streamlit's own Plotly chart), the engine's
    native work ("(program)": style, layout, paint) and the garbage collector. `window`: (from, to) in
    ms after the profile's start, to count only the samples taken then (a redraw, not the wait after it)."""
    nodes = {node["id"]: node for node in profile.get("nodes", [])}
    key, needle = f"{script}_ms", script.lower()
    out = {"busy_ms": 0.0, "idle_ms": 0.0, key: 0.0, "program_ms": 0.0, "gc_ms": 0.0}
    for at, spent, node_id in _samples(profile):
        if window is not None and not window[0] <= at < window[1]:
            continue
        frame = nodes.get(node_id, {}).get("callFrame", {})
        name, url = frame.get("functionName", ""), frame.get("url", "").lower()
        if name == IDLE:
            out["idle_ms"] += spent
            continue
        out["busy_ms"] += spent
        if name == PROGRAM:
            out["program_ms"] += spent
        elif name == GC:
            out["gc_ms"] += spent
        elif needle in url:
            out[key] += spent
    return out


def first_sample_ms(profile: dict, function: str) -> float | None:
    """When the first sample inside `function` (it, or something it called) was taken, in ms after the
    profile's start; None if none was: a marker run at a known time of the page's clock aligns the
    profile to that clock (V8's profile starts a few ms before the page can say when)."""
    nodes = {node["id"]: node for node in profile.get("nodes", [])}
    parent = {child: node["id"] for node in profile.get("nodes", []) for child in node.get("children", [])}
    inside: dict[int, bool] = {}

    def within(node_id: int) -> bool:
        if node_id not in inside:
            name = nodes.get(node_id, {}).get("callFrame", {}).get("functionName")
            inside[node_id] = name == function or (node_id in parent and within(parent[node_id]))
        return inside[node_id]

    return next((at for at, _, node_id in _samples(profile) if within(node_id)), None)


# What bench/dashboard.py --cpu adds to a redraw's details: the server process's CPU (every thread),
# and the browser page's main thread (profile_cpu).
CPU_KEYS = ("server_cpu_ms", "browser_busy_ms", "browser_plotly_ms", "browser_program_ms")


def summarize(redraw_s: list[float], details: list[dict]) -> dict:
    """The spread of the redraw times and, per kind of run, how many and their medians.

    `details[i]` is describe_redraw() of the redraw timed `redraw_s[i]` (an entry may be {} when
    its record could not be read)."""
    by_run: dict[str, dict] = {}
    for seconds, detail in zip(redraw_s, details):
        group = by_run.setdefault(detail.get("run", UNKNOWN), {"s": [], "items": []})
        group["s"].append(seconds)
        group["items"].append(detail)
    runs = {}
    for run, group in sorted(by_run.items()):
        items = group["items"]
        runs[run] = {"count": len(items), "redraw_s": spread(group["s"]),
                     "bytes": _median(items, "bytes"), "finished_ms": _median(items, "finished_ms"),
                     "browser_ms": _median(items, "browser_ms"), "longtask_ms": _median(items, "longtask_ms")}
    cpu = {key: spread([d.get(key) for d in details]) for key in CPU_KEYS}
    return {"redraw_s": spread(redraw_s), "first_ms": spread([d.get("first_ms") for d in details]),
            "drawn_ms": spread([d.get("drawn_ms") for d in details]), "runs": runs,
            "cpu": {key: value for key, value in cpu.items() if value is not None}}


def _ms(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.0f} ms"


def explain(redraw_s: list[float], details: list[dict]) -> list[str]:
    """Lines for a person: the spread, the kinds of run, and the slowest redraw against the fastest."""
    summary = summarize(redraw_s, details)
    s = summary["redraw_s"]
    if s is None:
        return ["no redraw measured"]
    lines = [f"redraw min {s['min']:.3f} / median {s['median']:.3f} / max {s['max']:.3f} s over {s['n']}"]
    # bench/dashboard.py times the redraw by the browser's clock from the click event to the last
    # chart drawn ("every chart drawn" below); the first chart drawn is the figure of earlier rounds.
    for label, key in (("first chart drawn", "first_ms"), ("every chart drawn", "drawn_ms")):
        got = summary[key]
        if got is not None:
            lines.append(f"  {label} (browser clock): min {got['min']:.0f} / median {got['median']:.0f} / "
                         f"max {got['max']:.0f} ms")
    for run, group in summary["runs"].items():
        g = group["redraw_s"]
        kb = "n/a" if group["bytes"] is None else f"{group['bytes'] / 1024:.0f} KB"
        lines.append(f"  {run}: {group['count']} run(s), median {g['median']:.3f} s (min {g['min']:.3f}, max "
                     f"{g['max']:.3f}); median sent {kb}, run finished at {_ms(group['finished_ms'])}, browser "
                     f"drew {_ms(group['browser_ms'])} more, long tasks {_ms(group['longtask_ms'])}")
    cpu = summary["cpu"]
    if cpu:
        def part(key: str, label: str) -> str:
            got = cpu.get(key)
            return "" if got is None else f"{label} {got['min']:.0f} / {got['median']:.0f} / {got['max']:.0f} ms"
        lines.append("  CPU per redraw (min / median / max): " + "; ".join(p for p in (
            part("server_cpu_ms", "server"), part("browser_busy_ms", "browser main thread busy"),
            part("browser_plotly_ms", "of it plotly.js"),
            part("browser_program_ms", "of it the engine's own work (style, layout, paint)")) if p) +
            "; time in neither was waiting (messages, timers, frames)")
    full = [max((c["full"] for c in d["draws"].values()), default=0) for d in details if d.get("draws")]
    if full:
        lines.append(f"  full draws of a chart per redraw: at most {max(full)}, median "
                     f"{statistics.median(full):g} (restyles not counted)")
    unread = [d.get("error", "no record") for d in details if "run" not in d]
    if unread:
        lines.append(f"  {len(unread)} redraw(s) not read: {unread[0]}")
    if len(redraw_s) > 1 and not unread:
        slow = max(range(len(redraw_s)), key=redraw_s.__getitem__)
        fast = min(range(len(redraw_s)), key=redraw_s.__getitem__)
        for label, i in (("slowest", slow), ("fastest", fast)):
            d = details[i]
            heavy = d.get("heaviest") or {}
            last = max(d.get("charts") or [("none", 0.0)], key=lambda c: c[1])
            lines.append(f"  {label} {redraw_s[i]:.3f} s: {d.get('run')} (asked: {d.get('requested')}), "
                         f"{d.get('bytes', 0) / 1024:.0f} KB in {d.get('messages', 0)} messages, elements "
                         f"{d.get('elements')}, {d.get('reused', 0)} reused; finished at {_ms(d.get('finished_ms'))}, "
                         f"last chart '{last[0]}' drawn at {_ms(last[1])}; heaviest "
                         f"{heavy.get('element') or '-'} {heavy.get('title') or ''} {heavy.get('bytes', 0) / 1024:.0f} KB; "
                         f"long tasks {_ms(d.get('longtask_ms'))}" +
                         ("" if d.get("server_cpu_ms") is None else
                          f"; CPU: server {_ms(d.get('server_cpu_ms'))}, browser busy {_ms(d.get('browser_busy_ms'))}"))
    return lines
