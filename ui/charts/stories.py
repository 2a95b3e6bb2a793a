"""The delegation chart of a large archive: a dot per story by year, its size as the range its reports state."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.charts.bars import BASIS_COLOURS
from ui.charts.common import finish, integer_ticks
from ui.i18n import _, number
from ui.labels import clean_title
from ui.measures import BASIS_LABELS, event_labels

DOT_THRESHOLD = 30  # above this many bars the event labels of a bar chart run into each other
# Above this many dots, one marker per year, size and basis (its area the events): 10,000 articles
# drew 19,000 overlapping dots, each with its hover, 9.4 MB sent and drawn again on every filter change.
DOTS_MAX_EVENTS = 2000
BY_SIZE_AND_YEAR = "events by year and size"  # layout.meta of the grouped chart


def delegation_dots(events: pd.DataFrame, measure: pd.DataFrame, titles: dict[str, str],
                    reports: dict[str, str], ranges: dict[str, tuple[int, int]]) -> go.Figure:
    """One dot per event or story of known size: x its year, y its delegation size, coloured by basis;
    a story whose reports state different sizes draws the range as a vertical line (hover: every
    outlet's figure, `reports`). No text is drawn on the plot, so no label can cover another;
    events of unknown size or year are left out (the page counts them).

    customdata holds the event_id (a click opens its article)."""
    frame = events.join(measure[["size", "basis"]])
    frame = frame[frame["size"].notna() & frame["year"].notna()]
    if len(frame) > DOTS_MAX_EVENTS:
        return delegation_dots_grouped(frame, titles)
    frame = frame.assign(label=event_labels(frame))
    fig = go.Figure()
    for basis in ("stated", "named", "gcc_body"):
        part = frame[frame["basis"] == basis]
        if part.empty:
            continue
        low = [ranges.get(str(e), (s, s))[0] for e, s in zip(part["event_id"], part["size"])]
        high = [ranges.get(str(e), (s, s))[1] for e, s in zip(part["event_id"], part["size"])]
        size = part["size"].astype(float).to_numpy()
        hover = ["<br>".join(x for x in (
            f"<b>{html.escape(label)}</b>",
            html.escape(_("delegation size: {size}").format(size=number(int(s)) if lo == hi else f"{number(lo)}–{number(hi)}")),
            html.escape(reports.get(str(e), "")),
            html.escape(clean_title(titles.get(str(d), ""))[:80])) if x)
            for label, s, lo, hi, e, d in zip(part["label"], part["size"], low, high, part["event_id"], part["doc"])]
        fig.add_trace(go.Scatter(
            x=part["year"].astype(int).to_numpy(), y=size, mode="markers", name=_(BASIS_LABELS[basis]),
            marker={"color": BASIS_COLOURS[basis], "size": 10, "opacity": 0.75},
            error_y={"type": "data", "symmetric": False, "array": np.maximum(np.array(high, dtype=float) - size, 0),
                     "arrayminus": np.maximum(size - np.array(low, dtype=float), 0), "thickness": 1.5, "width": 4},
            customdata=part["event_id"].astype(str).to_numpy(dtype=object), hovertext=hover, hoverinfo="text"))
    ticks, text = integer_ticks([v for v in frame["size"].dropna()] or [1])
    fig.update_xaxes(title=_("Year"), dtick=1, tickformat="d")
    fig.update_yaxes(title=_("States in the delegation"), tickvals=ticks, ticktext=text, rangemode="tozero")
    fig.update_layout(title=_("Delegation size by year (a dot per story; a line spans the sizes its reports state)"),
                      height=420, legend={"orientation": "h", "y": 1.1})
    return finish(fig)


def story_ranges(stories: pd.DataFrame, shown: pd.DataFrame) -> dict[str, tuple[int, int]]:
    """event_id of each shown story row -> (smallest, largest) size its reports state, when they differ.

    One pass over the stories, then a dict look-up per shown row (a `.loc` per row took 2 s for the
    19,769 reports of 10,000 articles)."""
    low, high = stories["size_min"], stories["size_max"]
    differ = (low.notna() & high.notna() & (low != high)).to_numpy(dtype=bool)  # (no NA left once both are known)
    spans = {story: (int(a), int(b)) for story, a, b in zip(stories["story_id"][differ], low[differ], high[differ])}
    return {str(event_id): spans[story] for event_id, story in zip(shown["event_id"].tolist(), shown["story_id"].tolist())
            if story in spans}


def delegation_dots_grouped(frame: pd.DataFrame, titles: dict[str, str]) -> go.Figure:
    """The dot plot of many events: one marker per (year, delegation size, basis), its area ~ the
    events there (hover: how many, one article title; a click opens the first event's article).

    `frame`: events of known size and year with the delegation measure's `size` and `basis`. The
    ranges a story's reports state are not drawn here (each marker stands for many events).
    """
    groups = (frame.assign(year=frame["year"].astype(int), size=frame["size"].astype(int))
              .groupby(["basis", "year", "size"], sort=True, observed=True)
              .agg(events=("event_id", "size"), doc=("doc", "first"), first=("event_id", "first"))
              .reset_index())
    biggest = max(int(groups["events"].max()) if len(groups) else 1, 1)
    fig = go.Figure()
    for basis in ("stated", "named", "gcc_body"):
        part = groups[groups["basis"] == basis]
        if part.empty:
            continue
        hover = [f"<b>{html.escape(number(int(y)))} · "
                 + html.escape(_("delegation size: {size}").format(size=number(int(s)))) + "</b><br>"
                 + html.escape(_("{n} events; size from: {basis}").format(n=number(int(n)), basis=_(BASIS_LABELS[basis])))
                 + "<br>" + html.escape(_("e.g. {title}").format(title=clean_title(titles.get(str(d), ""))[:80]))
                 for y, s, n, d in zip(part["year"], part["size"], part["events"], part["doc"])]
        fig.add_trace(go.Scatter(
            x=part["year"].to_numpy(), y=part["size"].to_numpy(dtype=float), mode="markers", name=_(BASIS_LABELS[basis]),
            marker={"color": BASIS_COLOURS[basis], "size": part["events"].to_numpy(dtype=float), "sizemode": "area",
                    "sizeref": 2.0 * biggest / 30 ** 2, "sizemin": 4, "opacity": 0.75},
            customdata=part["first"].astype(str).to_numpy(dtype=object), hovertext=np.array(hover, dtype=object),
            hoverinfo="text"))
    ticks, text = integer_ticks([v for v in frame["size"].dropna()] or [1])
    fig.update_xaxes(title=_("Year"), dtick=1, tickformat="d")
    fig.update_yaxes(title=_("States in the delegation"), tickvals=ticks, ticktext=text, rangemode="tozero")
    fig.update_layout(meta=BY_SIZE_AND_YEAR, height=420, legend={"orientation": "h", "y": 1.1},
                      title=_("Delegation size by year ({n} events; marker area = events of that size in the year)").format(
                          n=number(len(frame))))
    return finish(fig)
