"""Bar charts and the heatmap: delegation sizes per event, how often each state came, GCC members, topics."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.i18n import N_, _, is_rtl, number
from ui.labels import (state_label, clean_title, is_missing, isin)

from ui.charts.common import BODY_COLOUR, HOST_COLOUR, UNKNOWN_COLOUR, shorten, finish, integer_ticks
from ui.measures import BASIS_LABELS, event_dates, event_labels


BAR_LIMIT = 150  # bars in one delegation chart; more would be unreadable slivers (the table has every event)


BASIS_COLOURS = {"stated": "#ff7f0e", "named": "#1f77b4", "gcc_body": BODY_COLOUR, "unknown": UNKNOWN_COLOUR}


def delegation_bars(events: pd.DataFrame, measure: pd.DataFrame, titles: dict[str, str], order: str = "date",
                    limit: int = BAR_LIMIT) -> go.Figure:
    """One bar per event: its delegation size (delegation_measure), coloured by basis; an event of
    unknown size gets no bar but the word 'unknown' on its axis slot. `order` is 'date' or 'size';
    the first `limit` events in that order are drawn (the page says so when there are more).

    customdata holds the event_id (a click opens its evidence); hovers carry the article title.
    """
    frame = events.join(measure[["named", "via_body", "size", "basis"]])
    frame = frame.assign(when=event_dates(frame))
    if order == "size":
        frame = frame.sort_values(["size", "when"], ascending=[False, True], na_position="last", kind="stable")
    else:
        frame = frame.sort_values("when", na_position="last", kind="stable")
    frame = frame.head(limit)
    frame = frame.assign(label=event_labels(frame))
    fig = go.Figure()
    for basis in ("stated", "named", "gcc_body", "unknown"):
        part = frame[frame["basis"] == basis]
        if part.empty:
            continue
        hover = [
            "<br>".join([f"<b>{html.escape(label)}</b>",
                         html.escape(_("delegation size: {size}").format(
                             size=number(int(size)) if not is_missing(size) else _("unknown"))),
                         html.escape(_("basis: {basis}").format(basis=_(BASIS_LABELS[basis]))),
                         html.escape(_("{named} named, {body} through the GCC as a body").format(
                             named=number(named), body=number(body))),
                         html.escape(shorten(clean_title(titles.get(str(doc), "")), 80)),
                         "<i>" + html.escape(_("Click for the article and its evidence")) + "</i>"])
            for label, size, named, body, doc in zip(part["label"], part["size"], part["named"], part["via_body"],
                                                     part["doc"])]
        ids = part["event_id"].astype(str).to_numpy(dtype=object)
        if basis == "unknown":
            # No bar (a bar would read as 0): the word "unknown" where the bar would stand.
            fig.add_trace(go.Scatter(
                x=part["label"].to_numpy(dtype=object), y=np.zeros(len(part)), mode="text",
                text=[_("unknown")] * len(part), textposition="top center", name=_(BASIS_LABELS[basis]),
                textfont={"color": "#616161"}, customdata=ids, hovertext=hover, hoverinfo="text",
            ))
            continue
        fig.add_trace(go.Bar(
            x=part["label"].to_numpy(dtype=object), y=part["size"].astype(float).to_numpy(), name=_(BASIS_LABELS[basis]),
            marker_color=BASIS_COLOURS[basis], customdata=ids, hovertext=hover, hoverinfo="text",
            text=[number(int(v)) for v in part["size"]], textposition="outside", cliponaxis=False,
        ))
    ticks, text = integer_ticks(list(frame["size"].dropna()) or [1])
    fig.update_xaxes(categoryorder="array", categoryarray=list(frame["label"]), title=_("Event"))
    fig.update_yaxes(title=_("States in the delegation"), tickvals=ticks, ticktext=text, rangemode="tozero")
    fig.update_layout(title=_("Delegation size per event (the number stated, else the states named)"),
                      height=420, barmode="overlay", legend={"orientation": "h", "y": 1.1})
    return finish(fig)


def frequency_bars(counts: pd.DataFrame) -> go.Figure:
    """How many events each state took part in (horizontal bars, most first): named explicitly, and
    reached only through the GCC as a body, stacked."""
    event_word = html.escape(_("event(s)"))
    body_word = html.escape(_("through the GCC as a body"))
    fig = go.Figure([
        go.Bar(x=counts["named"], y=counts["name"], orientation="h", marker_color="#08519c", name=_("named explicitly"),
               customdata=counts["iso3"], hovertemplate=f"%{{y}}: %{{x}} {event_word}<extra></extra>"),
        go.Bar(x=counts["via_body"], y=counts["name"], orientation="h", marker_color=BODY_COLOUR,
               name=_("through the GCC as a body"), customdata=counts["iso3"],
               hovertemplate=f"%{{y}}: %{{x}} {event_word} ({body_word})<extra></extra>"),
    ])
    ticks, text = integer_ticks(list(counts["events"]) or [1])
    fig.update_layout(title=_("Events per state"), height=max(300, 120 + 28 * len(counts)), barmode="stack",
                      xaxis={"title": _("Events"), "tickvals": ticks, "ticktext": text,
                             "autorange": "reversed" if is_rtl() else True},
                      yaxis={"autorange": "reversed", "title": "", "automargin": True},
                      legend={"orientation": "h", "y": -0.25})
    return finish(fig)


def member_bars(events: pd.DataFrame, participants: pd.DataFrame, members: list[str], names: dict[str, str]) -> go.Figure:
    """GCC events by member state: events that name the member, events that reach it only through
    the GCC as a body, and events it hosted (stacked horizontal bars, one row per member)."""
    rows = participants[isin(participants["event_id"], events["event_id"])]
    body = rows["via"].astype("string").fillna("") == "gcc_body"
    named = rows[~body].groupby("iso3")["event_id"].nunique()
    hosted = events.groupby(events["host_iso3"].astype("string").fillna(""))["event_id"].nunique()
    reached = rows[body].groupby("iso3")["event_id"].apply(set)
    named_sets = rows[~body].groupby("iso3")["event_id"].apply(set)
    labels = [state_label(iso, names) for iso in members]
    only_body = [len(reached.get(iso, set()) - named_sets.get(iso, set())) for iso in members]
    event_word = html.escape(_("event(s)"))
    series = [(N_("named explicitly"), [int(named.get(iso, 0)) for iso in members], "#08519c"),
              (N_("only through the GCC as a body"), only_body, BODY_COLOUR),
              (N_("host"), [int(hosted.get(iso, 0)) for iso in members], HOST_COLOUR)]
    fig = go.Figure([go.Bar(x=values, y=labels, orientation="h", name=_(name), marker_color=colour,
                            customdata=members, hovertemplate=f"%{{y}}: %{{x}} {event_word}<extra></extra>")
                     for name, values, colour in series])
    ticks, text = integer_ticks([sum(v) for v in zip(*(s[1] for s in series))] or [1])
    fig.update_layout(title=_("GCC events by member state"), barmode="stack", height=360,
                      xaxis={"title": _("Events"), "tickvals": ticks, "ticktext": text,
                             "autorange": "reversed" if is_rtl() else True},
                      yaxis={"autorange": "reversed", "title": "", "automargin": True},
                      legend={"orientation": "h", "y": -0.3})
    return finish(fig)


def topic_heatmap(table: pd.DataFrame) -> go.Figure:
    """Heatmap of a topic_year_table: topics × year, the number of GCC events that discuss the topic."""
    fig = go.Figure(go.Heatmap(
        z=table.to_numpy().tolist(), x=[number(y) for y in table.columns], y=list(table.index),
        colorscale="Greens", zmin=0, text=[[number(v) for v in row] for row in table.to_numpy()],
        texttemplate="%{text}", xgap=2, ygap=2, showscale=False,  # each cell shows its count
        hovertemplate="%{y}, %{x}: %{z} " + html.escape(_("event(s)")) + "<extra></extra>",
    ))
    fig.update_layout(title=_("Topics discussed at GCC events, by year"), height=max(260, 90 + 34 * len(table)),
                      xaxis={"title": _("Year"), "type": "category"}, yaxis={"title": "", "autorange": "reversed"})
    return finish(fig)
