"""The benchmarks' reporting logic (bench/redraw_report.py): what a redraw's websocket frames say
about which part of the page reran, what was sent and drawn, and the spread over redraws."""

from __future__ import annotations

import base64
import json
import sys
from pathlib import Path

import pytest
from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import redraw_report as rr  # noqa: E402  (bench/redraw_report.py)


def frame(msg, t: float) -> dict:
    payload = msg.SerializeToString()
    return {"t": t, "n": len(payload), "b": base64.b64encode(payload).decode()}


def chart(title: str, points: int) -> ForwardMsg:
    msg = ForwardMsg()
    msg.delta.new_element.plotly_chart.spec = json.dumps({"data": [{"x": list(range(points))}],
                                                          "layout": {"title": {"text": title}}})
    return msg


def markdown(text: str) -> ForwardMsg:
    msg = ForwardMsg()
    msg.delta.new_element.markdown.body = text
    return msg


def reference() -> ForwardMsg:
    msg = ForwardMsg()
    msg.ref_hash = "abc123"
    return msg


def finished(fragment: bool) -> ForwardMsg:
    msg = ForwardMsg()
    status = "FINISHED_FRAGMENT_RUN_SUCCESSFULLY" if fragment else "FINISHED_SUCCESSFULLY"
    msg.script_finished = ForwardMsg.ScriptFinishedStatus.Value(status)
    if fragment:
        msg.metadata.run.fragment_ids.append("f1")
    return msg


def rerun(fragment: bool) -> BackMsg:
    msg = BackMsg()
    msg.rerun_script.query_string = ""
    if fragment:
        msg.rerun_script.fragment_id = "f1"
    return msg


def record(fragment: bool) -> dict:
    """A redraw clicked at 1000 ms: a markdown, a map of 500 points, a reused element, the run's end,
    then the browser draws two charts."""
    return {
        "t0": 1000.0,
        "sent": [frame(rerun(fragment), 1001.0)],
        "received": [frame(markdown("12 events"), 1050.0), frame(chart("Map", 500), 1080.0),
                     frame(reference(), 1085.0), frame(finished(fragment), 1100.0)],
        "afterplots": [{"t": 900.0, "title": "before the click"}, {"t": 1150.0, "title": "Map"},
                       {"t": 1240.0, "title": "<b>Timeline</b>"}],
        "longtasks": [{"t": 500.0, "d": 300.0}, {"t": 1110.0, "d": 90.0}, {"t": 1200.0, "d": 60.0}],
    }


@pytest.mark.parametrize("fragment, run", [(True, rr.FRAGMENT), (False, rr.WHOLE)], ids=["fragment", "whole"])
def test_describe_redraw_reads_the_run_and_its_costs(fragment, run):
    d = rr.describe_redraw(record(fragment))
    assert d["run"] == run and d["requested"] == run
    assert d["elements"] == {"markdown": 1, "plotly_chart": 1} and d["reused"] == 1
    assert d["messages"] == 4
    assert d["bytes"] == sum(f["n"] for f in record(fragment)["received"])
    assert d["heaviest"]["element"] == "plotly_chart" and d["heaviest"]["title"] == "Map"
    assert d["finished_ms"] == pytest.approx(100.0)
    assert d["first_ms"] == pytest.approx(150.0) and d["drawn_ms"] == pytest.approx(240.0)
    assert d["browser_ms"] == pytest.approx(140.0)
    assert d["charts"] == [("Map", 150.0), ("Timeline", 240.0)]  # the afterplot before the click is not counted
    assert d["longtask_ms"] == pytest.approx(150.0)


def test_a_redraw_whose_run_never_finished_is_unknown():
    rec = record(True)
    rec["received"] = rec["received"][:2]
    d = rr.describe_redraw(rec)
    assert d["run"] == rr.UNKNOWN and d["finished_ms"] is None and d["browser_ms"] is None


def test_spread():
    assert rr.spread([0.4, 0.2, 0.9, None]) == {"min": 0.2, "median": 0.4, "max": 0.9, "n": 3}
    assert rr.spread([]) is None


def test_summary_and_explanation_separate_whole_script_runs_from_fragment_runs():
    times = [0.18, 0.52, 0.20, 0.61]
    details = [rr.describe_redraw(record(fragment)) for fragment in (True, False, True, False)]
    summary = rr.summarize(times, details)
    assert summary["redraw_s"] == {"min": 0.18, "median": pytest.approx(0.36), "max": 0.61, "n": 4}
    assert summary["runs"][rr.FRAGMENT]["count"] == 2 and summary["runs"][rr.WHOLE]["count"] == 2
    assert summary["runs"][rr.WHOLE]["redraw_s"]["median"] == pytest.approx(0.565)
    assert summary["runs"][rr.FRAGMENT]["redraw_s"]["median"] == pytest.approx(0.19)
    lines = rr.explain(times, details)
    assert lines[0] == "redraw min 0.180 / median 0.360 / max 0.610 s over 4"
    assert summary["drawn_ms"] == {"min": 240.0, "median": 240.0, "max": 240.0, "n": 4}
    assert summary["first_ms"]["median"] == 150.0
    assert lines[1:3] == ["  first chart drawn (browser clock): min 150 / median 150 / max 150 ms",
                          "  every chart drawn (browser clock): min 240 / median 240 / max 240 ms"]
    assert any(line.strip().startswith("fragment: 2 run(s), median 0.190 s") for line in lines)
    assert any(line.strip().startswith("whole script: 2 run(s), median 0.565 s") for line in lines)
    slowest = next(line for line in lines if "slowest" in line)
    assert "0.610 s: whole script" in slowest and "last chart 'Timeline' drawn at 240 ms" in slowest
    assert "fastest 0.180 s: fragment" in next(line for line in lines if "fastest" in line)


def test_explain_without_redraws():
    assert rr.explain([], []) == ["no redraw measured"]


def test_redraws_whose_record_could_not_be_read_are_counted_not_compared():
    lines = rr.explain([0.3, 0.5], [rr.describe_redraw(record(True)), {"error": "TimeoutError: late"}])
    assert lines[-1] == "  1 redraw(s) not read: TimeoutError: late"
    assert not any("slowest" in line for line in lines)


def test_full_draws_and_restyles_are_counted_per_chart():
    rec = record(True)
    rec["afterplots"] += [{"t": 1260.0, "title": "Map", "full": False}, {"t": 1300.0, "title": "Map", "full": True}]
    d = rr.describe_redraw(rec)
    assert d["draws"] == {"Map": {"full": 2, "restyle": 1}, "Timeline": {"full": 1, "restyle": 0}}
    assert d["drawn_ms"] == pytest.approx(300.0)
    once = rr.describe_redraw(record(True))
    lines = rr.explain([0.3, 0.2], [d, once])
    assert "  full draws of a chart per redraw: at most 2, median 1.5 (restyles not counted)" in lines


def live_chart(title: str, points: int) -> ForwardMsg:
    """A chart as ui.charts.live sends it: the figure as a string inside the component's JSON data."""
    msg = ForwardMsg()
    figure = json.dumps({"data": [{"x": list(range(points))}], "layout": {"title": {"text": title}}})
    msg.delta.new_element.bidi_component.component_name = "egov_live_plotly"
    msg.delta.new_element.bidi_component.json = json.dumps({"figure": figure, "config": "{}"})
    return msg


def test_describe_redraw_names_the_heaviest_live_chart():
    rec = record(True)
    rec["received"][1] = frame(live_chart("World map", 800), 1080.0)
    d = rr.describe_redraw(rec)
    assert d["elements"] == {"markdown": 1, "bidi_component": 1}
    assert d["heaviest"]["element"] == "bidi_component" and d["heaviest"]["title"] == "World map"


def cpu_profile(samples: list[tuple[str, str, int]]) -> dict:
    """A V8 CPU profile as the DevTools protocol gives it: one node per (function, url), and for each
    sample its node and the µs since the sample before (the first delta is from the start)."""
    nodes, ids = [], {}
    for name, url, _ in samples:
        if (name, url) not in ids:
            ids[(name, url)] = len(nodes) + 1
            nodes.append({"id": ids[(name, url)], "callFrame": {"functionName": name, "url": url}})
    return {"nodes": nodes, "samples": [ids[(n, u)] for n, u, _ in samples],
            "timeDeltas": [delta for _, _, delta in samples]}


def test_profile_cpu_counts_each_sample_until_the_next_one():
    plotly = "http://127.0.0.1:8501/plotly/plotly.min.js"
    profile = cpu_profile([("(idle)", "", 500), ("react", plotly, 1000), ("(program)", "", 2000),
                           ("render", "http://x/static/js/index.js", 3000), ("(garbage collector)", "", 4000),
                           ("(idle)", "", 5000), ("draw", plotly, 6000), ("(idle)", "", 7000)])
    got = rr.profile_cpu(profile)
    # each sample lasts until the next: idle 1.0 + 6.0 ms (the last sample has no next, so 0)
    assert got == {"idle_ms": pytest.approx(7.0), "busy_ms": pytest.approx(2.0 + 3.0 + 4.0 + 5.0 + 7.0),
                   "plotly_ms": pytest.approx(2.0 + 7.0), "program_ms": pytest.approx(3.0),
                   "gc_ms": pytest.approx(5.0)}
    assert rr.profile_cpu({}) == {"busy_ms": 0.0, "idle_ms": 0.0, "plotly_ms": 0.0, "program_ms": 0.0, "gc_ms": 0.0}


def test_cpu_of_each_redraw_is_summarized_and_named_for_the_slowest():
    times = [0.30, 0.10, 0.20]
    details = [{**rr.describe_redraw(record(True)), "server_cpu_ms": server, "browser_busy_ms": busy,
                "browser_plotly_ms": plotly, "browser_program_ms": program}
               for server, busy, plotly, program in ((40.0, 90.0, 60.0, 20.0), (5.0, 30.0, 20.0, 4.0),
                                                     (10.0, 50.0, 35.0, 9.0))]
    summary = rr.summarize(times, details)
    assert summary["cpu"]["server_cpu_ms"] == {"min": 5.0, "median": 10.0, "max": 40.0, "n": 3}
    assert summary["cpu"]["browser_plotly_ms"]["median"] == 35.0
    lines = rr.explain(times, details)
    assert "  CPU per redraw (min / median / max): server 5 / 10 / 40 ms; browser main thread busy 30 / 50 / 90 ms; " \
           "of it plotly.js 20 / 35 / 60 ms; of it the engine's own work (style, layout, paint) 4 / 9 / 20 ms; " \
           "time in neither was waiting (messages, timers, frames)" in lines
    assert next(line for line in lines if "slowest" in line).endswith("; CPU: server 40 ms, browser busy 90 ms")
    assert next(line for line in lines if "fastest" in line).endswith("; CPU: server 5 ms, browser busy 30 ms")
    # without --cpu: no CPU line, and the slowest line as before
    plain = rr.explain(times, [rr.describe_redraw(record(True)) for _ in times])
    assert rr.summarize(times, [rr.describe_redraw(record(True)) for _ in times])["cpu"] == {}
    assert not any("CPU" in line for line in plain)


def test_server_cpu_ms_counts_threads_that_have_ended():
    import importlib.util
    import os
    import threading

    # bench/dashboard.py by its path (the project's own dashboard.py is another module of that name)
    spec = importlib.util.spec_from_file_location("bench_dashboard", ROOT / "bench" / "dashboard.py")
    bench_dashboard = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench_dashboard)

    before = bench_dashboard.server_cpu_ms(os.getpid())
    thread = threading.Thread(target=lambda: sum(i * i for i in range(400_000)))
    thread.start()
    thread.join()  # the thread has ended: its CPU still counts (a rerun's thread ends before it is read)
    after = bench_dashboard.server_cpu_ms(os.getpid())
    # this thread only waited meanwhile: what was added is the other thread's work (tens of ms of CPU)
    assert before is not None and after is not None and after - before > 5
    assert bench_dashboard.server_cpu_ms(2 ** 22 + 12345) is None  # no such process


def test_profile_cpu_counts_only_the_samples_inside_the_window():
    # samples at 1, 3, 6, 10 ms after the profile's start (each lasting until the next)
    profile = cpu_profile([("(program)", "", 1000), ("react", "PlotlyChart.abc.js", 2000), ("(idle)", "", 3000),
                           ("(program)", "", 4000), ("(idle)", "", 5000)])
    whole = rr.profile_cpu(profile)
    assert whole["busy_ms"] == pytest.approx(2.0 + 3.0 + 5.0) and whole["plotly_ms"] == pytest.approx(3.0)
    inside = rr.profile_cpu(profile, window=(2.0, 7.0))  # the samples at 3 and 6 ms
    assert inside == {"busy_ms": pytest.approx(3.0), "idle_ms": pytest.approx(4.0), "plotly_ms": pytest.approx(3.0),
                      "program_ms": 0.0, "gc_ms": 0.0}


def test_first_sample_ms_finds_a_function_also_below_its_callees():
    # nodes: root(1) -> mark(2) -> now(3); root -> other(4); samples at 1, 3, 6 ms: other, now, mark
    profile = {"nodes": [{"id": 1, "callFrame": {"functionName": "(root)"}, "children": [2, 4]},
                         {"id": 2, "callFrame": {"functionName": "benchProfileMark"}, "children": [3]},
                         {"id": 3, "callFrame": {"functionName": "now"}},
                         {"id": 4, "callFrame": {"functionName": "other"}}],
               "samples": [4, 3, 2], "timeDeltas": [1000, 2000, 3000]}
    assert rr.first_sample_ms(profile, "benchProfileMark") == pytest.approx(3.0)  # "now", called by the mark
    assert rr.first_sample_ms(profile, "other") == pytest.approx(1.0)
    assert rr.first_sample_ms(profile, "absent") is None
