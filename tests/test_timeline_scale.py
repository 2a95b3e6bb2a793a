"""The timeline at scale: up to TIMELINE_MAX_EVENTS one marker per event, above it one marker per
(month, kind, status) whose areas add up to the events drawn; colour bars of large counts."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from ui import charts, measures
from ui.i18n import _


def decode(value):
    """A Plotly JSON array: a list, or a typed array {'dtype', 'bdata'} (base64)."""
    if isinstance(value, dict) and "bdata" in value:
        import base64
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def events_frame(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    years = rng.integers(2010, 2025, n)
    months = rng.integers(1, 13, n)
    dated = rng.random(n) < 0.7
    return pd.DataFrame({
        "event_id": [f"d{i // 2}#e{i % 2 + 1}" for i in range(n)], "doc": [f"d{i // 2}" for i in range(n)],
        "role": np.where(rng.random(n) < 0.6, "main", "mentioned"),
        "tense": np.where(rng.random(n) < 0.8, "past", "upcoming"),
        "kind": rng.choice(["visit", "workshop", "forum"], n),
        "date": [f"{y}-{m:02d}" if d else "" for y, m, d in zip(years, months, dated)],
        "year": pd.array([int(y) if rng.random() < 0.95 else None for y in years], dtype="Int64"),
        "countries_stated": pd.array([None] * n, dtype="Int64"),
        "countries_named": pd.array(rng.integers(0, 6, n), dtype="Int64"),
    })


def test_small_timeline_keeps_one_svg_marker_per_event():
    events = events_frame(300)
    fig = charts.timeline_figure(events, {})
    assert {t.type for t in fig.data} == {"scatter"} and fig.layout.meta != charts.BY_MONTH
    drawn = measures.event_dates(events).notna().sum()
    assert sum(len(t.x) for t in fig.data) == drawn


def test_large_timeline_is_one_marker_per_month_and_kind():
    events = events_frame(charts.TIMELINE_MAX_EVENTS * 3)
    when = measures.event_dates(events)
    dated = events[when.notna()]
    status = measures.event_status(dated)
    fig = charts.timeline_figure(events, {"d0": "عنوان <b>"})
    assert fig.layout.meta == charts.BY_MONTH
    payload = json.loads(fig.to_json())
    # Marker area is the number of events; the areas of a status add up to its dated events.
    drawn = {t["name"]: sum(decode(t["marker"]["size"])) for t in payload["data"]}
    expected = {}
    for code, (name, _symbol) in charts.STATUS_STYLE.items():
        if (status == code).any():
            expected[_(name)] = int((status == code).sum())
    assert drawn == expected
    markers = sum(len(t["x"]) for t in payload["data"])
    months = when.dropna().dt.to_period("M").nunique()
    assert markers <= months * 3 * len(charts.STATUS_STYLE) and markers < len(dated) / 2
    # customdata: an event of the marker (a click opens its evidence), one that exists and was drawn.
    firsts = [e for t in payload["data"] for e in decode(t["customdata"])]
    assert set(firsts) <= set(dated["event_id"])
    hovers = [h for t in payload["data"] for h in t["hovertext"]]
    assert any("عنوان &lt;b&gt;" in h for h in hovers)  # an article title, escaped
    assert not any("عنوان <b>" in h for h in hovers)


def test_count_colour_bars_do_not_tick_every_unit_of_a_large_count():
    small = charts.count_ticks(7)
    assert small == {"dtick": 1}
    large = charts.count_ticks(3000)
    assert "dtick" not in large  # thousands of tick labels froze the browser at 10,000 articles
    counts = pd.DataFrame({"iso3": ["KWT", "QAT"], "name": ["Kuwait", "Qatar"], "events": [3000, 12],
                           "named": [3000, 12], "via_body": [0, 0]})
    fig = json.loads(charts.engagement_map(counts, "t").to_json())
    bars = [t["colorbar"] for t in fig["data"] if t.get("colorbar")]
    assert bars and all("dtick" not in bar for bar in bars)
