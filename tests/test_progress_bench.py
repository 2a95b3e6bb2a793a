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
