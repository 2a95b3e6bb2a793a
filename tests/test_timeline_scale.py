"""The timeline at scale: up to TIMELINE_MAX_EVENTS one marker per event, above it one marker per
(period, kind, status) whose areas add up to the events drawn, the period (month, quarter, year) the
finest with at most PERIOD_COLUMNS_MAX columns; colour bars of large counts."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd

from ui import charts, measures
from ui.i18n import _, set_language


def decode(value):
    """A Plotly JSON array: a list, or a typed array {'dtype', 'bdata'} (base64)."""
    if isinstance(value, dict) and "bdata" in value:
        import base64
        return np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"]).tolist()
    return list(value)


def events_frame(n: int, first_year: int = 2010, last_year: int = 2024) -> pd.DataFrame:
    rng = np.random.default_rng(7)
    years = rng.integers(first_year, last_year + 1, n)
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
    assert {t.type for t in fig.data} == {"scatter"} and fig.layout.meta not in charts.BY_PERIOD.values()
    drawn = measures.event_dates(events).notna().sum()
    assert sum(len(t.x) for t in fig.data) == drawn


def test_large_timeline_is_one_marker_per_quarter_and_kind_over_seven_years():
    events = events_frame(charts.TIMELINE_MAX_EVENTS * 3, 2014, 2020)
    when = measures.event_dates(events)
    dated = events[when.notna()]
    status = measures.event_status(dated)
    fig = charts.timeline_figure(events, {"d0": "عنوان <b>"})
    assert fig.layout.meta == charts.BY_PERIOD["Q"]  # 84 months, 28 quarters
    payload = json.loads(fig.to_json())
    # Marker area is the number of events; the areas of a status add up to its dated events.
    drawn = {t["name"]: sum(decode(t["marker"]["size"])) for t in payload["data"]}
    expected = {}
    for code, (name, _symbol) in charts.STATUS_STYLE.items():
        if (status == code).any():
            expected[_(name)] = int((status == code).sum())
    assert drawn == expected
    markers = sum(len(t["x"]) for t in payload["data"])
    hovers = [h for t in payload["data"] for h in t["hovertext"]]
    quarters = when.dropna().dt.to_period("Q").nunique()
    assert quarters == 28 and markers <= quarters * 3 * len(charts.STATUS_STYLE) and markers < len(dated) / 2
    # Every marker sits at the first day of its quarter, and its hover names that quarter.
    starts = {pd.Timestamp(x) for t in payload["data"] for x in t["x"]}
    assert {(s.month, s.day) for s in starts} <= {(1, 1), (4, 1), (7, 1), (10, 1)}
    assert any(h.startswith("<b>Q3 2016 · ") for h in hovers)
    # customdata: an event of the marker (a click opens its evidence), one that exists and was drawn.
    firsts = [e for t in payload["data"] for e in decode(t["customdata"])]
    assert set(firsts) <= set(dated["event_id"])
    assert any("عنوان &lt;b&gt;" in h for h in hovers)  # an article title, escaped
    assert not any("عنوان <b>" in h for h in hovers)


def test_the_period_is_the_finest_with_at_most_the_column_limit():
    def spanning(first: str, last: str) -> pd.Series:
        return pd.Series(pd.to_datetime([first, last]))

    limit = charts.timeline.PERIOD_COLUMNS_MAX
    assert limit == 30
    assert charts.timeline.period_of(spanning("2015-01-01", "2017-06-30")) == "M"  # 30 months
    assert charts.timeline.period_of(spanning("2015-01-01", "2017-07-01")) == "Q"  # 31 months, 11 quarters
    assert charts.timeline.period_of(spanning("2000-01-01", "2007-06-30")) == "Q"  # 30 quarters
    assert charts.timeline.period_of(spanning("2000-01-01", "2007-07-01")) == "Y"  # 31 quarters
    assert charts.timeline.period_of(spanning("2020-06-15", "2020-06-15")) == "M"


def test_months_and_years_as_the_period_and_the_quarters_in_arabic():
    short = charts.timeline_figure(events_frame(charts.TIMELINE_MAX_EVENTS * 3, 2019, 2020), {})
    assert short.layout.meta == charts.BY_PERIOD["M"]  # 24 months
    assert charts.period_name(short.layout.meta) == "a month"  # what the Overview's caption says
    assert {(pd.Timestamp(x).day) for t in short.data for x in t.x} == {1}
    middle = charts.timeline_figure(events_frame(charts.TIMELINE_MAX_EVENTS * 3, 2016, 2020), {})
    assert middle.layout.meta == charts.BY_PERIOD["Q"]  # 60 months, 20 quarters
    long = charts.timeline_figure(events_frame(charts.TIMELINE_MAX_EVENTS * 3, 1990, 2024), {})
    assert long.layout.meta == charts.BY_PERIOD["Y"]  # 140 quarters
    assert charts.period_name(long.layout.meta) == "a year"
    assert charts.period_name(charts.BY_PERIOD["Q"]) == "a quarter of a year"
    assert charts.period_name(charts.timeline_figure(events_frame(300), {}).layout.meta) is None  # one per event
    assert {(pd.Timestamp(x).month, pd.Timestamp(x).day) for t in long.data for x in t.x} == {(1, 1)}
    set_language("ar")
    try:
        fig = charts.timeline_figure(events_frame(charts.TIMELINE_MAX_EVENTS * 3, 2014, 2020), {})
        hovers = [h for t in fig.data for h in t.hovertext]
        assert any(h.startswith("<b>الربع الثالث 2016 · ")
                   for h in hovers)  # CLDR's Arabic third quarter
        assert charts.period_name(fig.layout.meta) == "ربع سنة"
    finally:
        set_language("en")


def test_filled_markers_have_no_outline_and_open_ones_keep_theirs():
    for size, open_width in ((300, 2), (charts.TIMELINE_MAX_EVENTS * 3, 1.5)):  # one per event; aggregated
        fig = charts.timeline_figure(events_frame(size), {})
        widths = {t.marker.symbol: t.marker.line.width for t in fig.data}
        assert widths["circle"] == 0  # reported events: filled, an outline in the fill's colour adds nothing
        assert {w for symbol, w in widths.items() if symbol.endswith("-open")} == {open_width}
        assert len(widths) >= 3


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


def test_the_timeline_draws_each_event_up_to_the_limit_and_periods_above_it():
    limit = charts.TIMELINE_MAX_EVENTS
    for n, by_period in ((limit, False), (limit + 1, True)):
        events = events_frame(n)
        events["date"] = [f"{2010 + i % 15}-{i % 12 + 1:02d}" for i in range(n)]  # every event dated
        fig = charts.timeline_figure(events, {})
        assert (fig.layout.meta in charts.BY_PERIOD.values()) is by_period
        if not by_period:
            assert sum(len(t.x) for t in fig.data) == n
