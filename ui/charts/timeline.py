"""The events timeline: one marker per event sized by its delegation, or events by period when many."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.i18n import N_, _, number, quarter
from ui.messages import note_text
from ui.labels import (clean_title, is_missing, kind_label, map_distinct, tense_label, text_of, when_label, year_basis_label)

from ui.charts.common import UNKNOWN_COLOUR, shorten, finish, hover_text
from ui.labels import host_text
from ui.measures import delegation_size, event_dates, event_status


# Above this many dated events the timeline draws one marker per period and kind (timeline_by_period),
# and says so in layout.meta. A chart about 1,000 px wide over 15 years, with markers at least 7 px
# across on 4-6 rows of kinds, holds a few hundred events before they cover one another and a hover
# finds one of many; each is also an SVG marker Plotly creates again on every filter change (778
# markers: 38-47 ms of the browser's redraw on a quiet machine; BENCHMARKS.md, 7 December 2026).
TIMELINE_MAX_EVENTS = 500

# The period of the aggregated timeline: the finest of month, quarter and year whose columns over the
# events' span are at most PERIOD_COLUMNS_MAX. The largest marker is 40 px across (sizeref), so on a
# chart about 1,000 px wide 30 columns keep neighbouring periods' markers about 30 px apart: they touch
# but do not pile up. (At 100 columns, 19 years by quarter at 10,000 articles, a busy kind's row was one
# blur of overlapping discs.) Each column is also one more SVG marker per kind and status to draw on
# every filter change.
PERIOD_COLUMNS_MAX = 30
BY_PERIOD = {"M": "events by month", "Q": "events by quarter", "Y": "events by year"}
_PERIOD_TEXT = {  # title, x axis title, the period in a caption
    "M": (N_("Events by month and kind ({n} events; marker area = events in the month)"), N_("Month of the event"),
          N_("a month")),
    "Q": (N_("Events by quarter and kind ({n} events; marker area = events in the quarter)"),
          N_("Quarter of the event"), N_("a quarter of a year")),
    "Y": (N_("Events by year and kind ({n} events; marker area = events in the year)"), N_("Year of the event"),
          N_("a year")),
}


def period_name(meta: object) -> str | None:
    """The period of an aggregated timeline ("a month", ...), from its layout.meta; None for a
    timeline of one marker per event."""
    for period, name in BY_PERIOD.items():
        if meta == name:
            return _(_PERIOD_TEXT[period][2])
    return None


STATUS_STYLE = {  # trace name msgid, marker symbol
    "main": (N_("event reported"), "circle"),
    "past": (N_("earlier event mentioned"), "circle-open"),
    "upcoming": (N_("upcoming event mentioned"), "diamond-open"),
    "mentioned": (N_("other event mentioned"), "square-open"),
}


def _delegation_text(stated: object, named: object) -> str:
    parts = []
    if not is_missing(stated):
        parts.append(_("{n} states stated").format(n=number(int(stated))))
    if not is_missing(named) and int(named):
        parts.append(_("{n} named").format(n=number(int(named))))
    return _(", ").join(parts) if parts else _("delegation size not stated")


def _event_hover(row: dict, names: dict[str, str], title: str) -> str:
    year_basis = text_of(row.get("year_basis")) or text_of(row.get("date_basis"))
    lines = [f"<b>{html.escape(when_label(row['date'], row['year']))} · {html.escape(kind_label(str(row['kind'])))}</b>",
             html.escape(_delegation_text(row.get("countries_stated"), row.get("countries_named"))),
             html.escape(host_text(row.get("host_iso3"), row.get("host_basis"), names))]
    if year_basis:
        lines.append(html.escape(year_basis_label(year_basis)))
    if text_of(row.get("tense")):
        lines.append(html.escape(_("tense: {tense}").format(tense=tense_label(row["tense"]))))
    if text_of(row.get("note")):
        lines.append("<i>" + hover_text(note_text(text_of(row["note"])), 70) + "</i>")
    if title:
        lines.append(html.escape(title))
    lines.append("<i>" + html.escape(_("Click for the article and its evidence")) + "</i>")
    return "<br>".join(lines)


def timeline_figure(events: pd.DataFrame, titles: dict[str, str], names: dict[str, str] | None = None) -> go.Figure:
    """Events on a date axis, one row per kind; marker area ~ delegation size (grey when unknown);
    one trace per status (reported, earlier, upcoming); hover shows host, bases and the title.

    Undated events are left out. customdata holds the event_id (a click opens its evidence). Filled
    markers have no outline (an open symbol's outline is the symbol): Plotly redraws every marker on a
    filter change, and an outline in the fill's colour is a second stroke per marker for 2 px.
    """
    names = names or {}
    frame = events.assign(when=event_dates(events), size=delegation_size(events), status=event_status(events))
    frame = frame.dropna(subset=["when"])
    if len(frame) > TIMELINE_MAX_EVENTS:
        return timeline_by_period(frame, titles)
    fig = go.Figure()
    biggest = max(int(frame["size"].max()) if frame["size"].notna().any() else 1, 1)
    fields = [c for c in ("date", "year", "kind", "countries_stated", "countries_named", "host_iso3", "host_basis",
                          "year_basis", "date_basis", "tense", "note") if c in frame]
    for status, (name, symbol) in STATUS_STYLE.items():
        part = frame[frame["status"] == status]
        if part.empty:
            continue
        title_of = {doc: shorten(clean_title(titles.get(str(doc), "")), 80) for doc in part["doc"].unique()}
        hover = [_event_hover(dict(zip(fields, values)), names, title_of[doc])
                 for doc, values in zip(part["doc"], zip(*(part[c].tolist() for c in fields)))]
        known = part["size"].notna().to_numpy()
        colours = np.where(known, "#1f77b4", UNKNOWN_COLOUR).astype(object)
        # numpy arrays, not lists: Plotly validates a list item by item (seconds for 20,000 events).
        fig.add_trace(go.Scatter(
            x=part["when"].to_numpy(), y=np.array([kind_label(str(k)) for k in part["kind"]], dtype=object),
            mode="markers", name=_(name),
            marker={"size": part["size"].fillna(1).clip(lower=1).to_numpy(dtype=float), "sizemode": "area",
                    "sizeref": 2.0 * biggest / 44 ** 2, "sizemin": 7, "symbol": symbol,
                    "color": colours, "line": {"width": 2 if symbol.endswith("-open") else 0, "color": colours}},
            hovertext=np.array(hover, dtype=object), hoverinfo="text",
            customdata=part["event_id"].astype(str).to_numpy(dtype=object),
        ))
    fig.update_layout(title=_("Events by date and kind (marker area = states in the delegation; grey = size unknown)"),
                      xaxis_title=_("Date of the event"), yaxis_title=_("Kind of event"), height=360,
                      legend={"orientation": "h", "y": -0.25, "itemsizing": "constant"}, margin={"t": 60, "b": 40})
    fig.update_yaxes(categoryorder="category ascending")
    _year_ticks(fig, frame)
    return finish(fig)


def _year_ticks(fig: go.Figure, frame: pd.DataFrame) -> None:
    if len(frame):
        years = sorted({d.year for d in frame["when"]})
        ticks = list(range(years[0], years[-1] + 2))
        fig.update_xaxes(tickvals=[pd.Timestamp(y, 1, 1) for y in ticks], ticktext=[number(y) for y in ticks],
                         range=[pd.Timestamp(years[0] - 1, 7, 1), pd.Timestamp(years[-1] + 1, 7, 1)])


def period_of(when: pd.Series) -> str:
    """"M", "Q" or "Y": the finest period with at most PERIOD_COLUMNS_MAX columns over the span of `when`."""
    first, last = when.min(), when.max()
    for period in ("M", "Q"):
        if (last.to_period(period) - first.to_period(period)).n + 1 <= PERIOD_COLUMNS_MAX:
            return period
    return "Y"


def _period_label(start: pd.Timestamp, period: str) -> str:
    if period == "M":
        return when_label(f"{start.year:04d}-{start.month:02d}", start.year)
    if period == "Q":
        return f"{quarter((start.month - 1) // 3 + 1)} {number(start.year)}"
    return number(start.year)


def timeline_by_period(frame: pd.DataFrame, titles: dict[str, str]) -> go.Figure:
    """The timeline of many events: one marker per (period, kind, status), its area ~ the events.

    `frame`: events with `when` (event_dates), `size` (delegation_size) and `status` (event_status),
    undated ones removed. The period is a month, a quarter or a year (period_of: at most
    PERIOD_COLUMNS_MAX columns), named in layout.meta (BY_PERIOD). Hundreds of markers with a short
    hover (count, states in the delegations, one title) instead of one SVG marker and hover per event
    (10,000 articles: 19,000 markers and 10 MB of JSON on every rerun). customdata is the first event
    of each marker (a click opens it). SVG, not WebGL (Scattergl): a few hundred markers draw quickly
    either way, and WebGL in a browser without a GPU (software rendering) stalls on reading pixels
    back. Filled markers have no outline (the outline of an open symbol is the symbol): Plotly
    redraws every marker on a filter change, and an outline is a second stroke for each.
    """
    period = period_of(frame["when"])
    frame = frame.assign(start=frame["when"].dt.to_period(period).dt.to_timestamp())
    groups = {}
    for status in STATUS_STYLE:
        part = frame[frame["status"] == status]
        if len(part):
            groups[status] = (part.groupby(["start", "kind"], sort=True, observed=True)
                              .agg(events=("event_id", "size"), states=("size", "sum"), doc=("doc", "first"),
                                   first=("event_id", "first"))
                              .reset_index())
    biggest = max([int(g["events"].max()) for g in groups.values()] + [1])
    fig = go.Figure()
    for status, (name, symbol) in STATUS_STYLE.items():
        if status not in groups:
            continue
        g = groups[status]
        kinds = map_distinct(lambda k: kind_label(str(k)), g["kind"])
        periods = map_distinct(lambda m: _period_label(m, period), g["start"])
        hover = [f"<b>{html.escape(m)} · {html.escape(k)}</b><br>"
                 + html.escape(_("{n} × {what}; {states} states in their delegations").format(
                     n=number(int(n)), what=_(name), states=number(int(st))))
                 + "<br>" + html.escape(_("e.g. {title}").format(title=shorten(clean_title(titles.get(str(d), "")), 80)))
                 for m, k, n, st, d in zip(periods, kinds, g["events"], g["states"], g["doc"])]
        fig.add_trace(go.Scatter(
            x=g["start"].to_numpy(), y=np.array(kinds, dtype=object), mode="markers", name=_(name),
            marker={"size": g["events"].to_numpy(dtype=float), "sizemode": "area",
                    "sizeref": 2.0 * biggest / 40 ** 2, "sizemin": 4, "symbol": symbol, "color": "#1f77b4",
                    "line": {"width": 1.5 if symbol.endswith("-open") else 0, "color": "#1f77b4"}},
            hovertext=np.array(hover, dtype=object), hoverinfo="text",
            customdata=g["first"].astype(str).to_numpy(dtype=object),
        ))
    title, axis, _word = _PERIOD_TEXT[period]
    fig.update_layout(meta=BY_PERIOD[period], title=_(title).format(n=number(len(frame))),
                      xaxis_title=_(axis), yaxis_title=_("Kind of event"), height=360,
                      legend={"orientation": "h", "y": -0.25, "itemsizing": "constant"}, margin={"t": 60, "b": 40})
    fig.update_yaxes(categoryorder="category ascending")
    _year_ticks(fig, frame)
    return finish(fig)
