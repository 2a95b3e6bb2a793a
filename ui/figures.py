"""Plotly figure builders: pure functions of DataFrames (no Streamlit), so tests can call them directly."""

from __future__ import annotations

import html
import textwrap
from collections import Counter

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.labels import (MONTHS, is_missing, kind_label, map_distinct, scope_label, split_list, text_of,
                       topic_label, when_label)

HOST_COLOUR = "#d95f02"
BAHRAIN_COLOUR = "#c2185b"
# Peer lines avoid the verdict colours (green, red, purple) so a claim marker never reads as a peer.
PEER_COLOURS = ["#1f77b4", "#ff7f0e", "#8c564b", "#17becf", "#7f7f7f", "#bcbd22", "#e377c2", "#393b79",
                "#637939", "#843c39", "#6b6ecf", "#e7969c"]
# Verdict of an article claim against the official data: colour and a distinct symbol each,
# so the difference survives colour-blindness and greyscale printing.
VERDICT_STYLE = {
    "matches": {"color": "#1b9e77", "symbol": "circle", "label": "claim matches UN data"},
    "differs": {"color": "#d62728", "symbol": "x", "label": "claim differs from UN data"},
    "unverifiable": {"color": "#7570b3", "symbol": "diamond-open", "label": "claim unverifiable"},
}
# Claims are drawn this far (in years) right of their edition: a claim that matches would otherwise sit
# exactly on the official point, hide it, and lose the hover to it.
CLAIM_DODGE = 0.35
GEO_CONFIG = {"topojsonURL": "/app/static/topojson/", "displaylogo": False}
# Above this many dated events the timeline draws one WebGL marker per month and kind (timeline_by_month).
TIMELINE_MAX_EVENTS = 2000
# Bahrain's position, for the host marker (Natural Earth label point of Bahrain).
BAHRAIN_LON_LAT = (50.55, 26.05)


def hover_text(text: object, width: int = 70) -> str:
    """Untrusted article text made safe for a Plotly hover label: escaped, wrapped with <br>."""
    if is_missing(text) or not str(text).strip():
        return ""
    lines = textwrap.wrap(" ".join(str(text).split()), width=width, break_long_words=False)
    return "<br>".join(html.escape(line) for line in lines)


def event_dates(events: pd.DataFrame) -> pd.Series:
    """The start of the period each event names: its date (day or month precision), else its year.

    NaT where the event has neither a date nor a year.
    """
    def one(date: object, year: object) -> pd.Timestamp:
        text = "" if is_missing(date) else str(date).strip()
        if text:
            parts = text.split("-")
            try:
                return pd.Timestamp(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                                    int(parts[2]) if len(parts) > 2 else 1)
            except ValueError:
                pass
        return pd.NaT if is_missing(year) else pd.Timestamp(int(year), 1, 1)

    return pd.Series(map_distinct(one, events["date"], events["year"]), index=events.index, dtype="datetime64[ns]")


def delegation_size(events: pd.DataFrame) -> pd.Series:
    """States in each delegation: the number the article states, else the number of states it names."""
    stated = events["countries_stated"].astype("Int64")
    named = events["countries_named"].astype("Int64")
    return stated.fillna(named).fillna(0).astype(int)


def event_labels(events: pd.DataFrame) -> pd.Series:
    """A short, unique English label per event: '<when> <kind>', numbered when two would read the same."""
    base = map_distinct(lambda d, y, k: f"{when_label(d, y)} {kind_label(str(k))}",
                        events["date"], events["year"], events["kind"])
    total = Counter(base)
    seen: Counter[str] = Counter()
    labels = []
    for label in base:
        seen[label] += 1
        labels.append(label if total[label] == 1 else f"{label} ({seen[label]})")
    return pd.Series(labels, index=events.index, dtype="string")


def timeline_figure(events: pd.DataFrame, titles: dict[str, str]) -> go.Figure:
    """Events on a date axis, one row per kind; marker area ~ delegation size; hover shows the title.

    Events reported as past ('mentioned') are drawn as open markers. Undated events are left out.
    """
    frame = events.assign(when=event_dates(events), size=delegation_size(events)).dropna(subset=["when"])
    if len(frame) > TIMELINE_MAX_EVENTS:
        return timeline_by_month(frame, titles)
    fig = go.Figure()
    biggest = max(int(frame["size"].max()) if len(frame) else 1, 1)
    for role, symbol, name in (("main", "circle", "event reported"),
                               ("mentioned", "circle-open", "earlier event mentioned")):
        part = frame[frame["role"] == role]
        if part.empty:
            continue
        heads = map_distinct(_event_head, *(part[c] for c in ("date", "year", "kind", "countries_stated",
                                                                    "countries_named")))
        title_lines = map_distinct(lambda doc: html.escape(_shorten(titles.get(str(doc), ""), 80)), part["doc"])
        hover = [head + title for head, title in zip(heads, title_lines)]
        # numpy arrays, not lists: Plotly validates a list item by item (seconds for 20,000 events).
        fig.add_trace(go.Scatter(
            x=part["when"].to_numpy(), y=np.array([kind_label(str(k)) for k in part["kind"]], dtype=object),
            mode="markers", name=name,
            marker={"size": part["size"].clip(lower=1).to_numpy(), "sizemode": "area",
                    "sizeref": 2.0 * biggest / 44 ** 2, "sizemin": 7, "symbol": symbol,
                    "color": "#1f77b4", "line": {"width": 2, "color": "#1f77b4"}},
            hovertext=np.array(hover, dtype=object), hoverinfo="text",
            customdata=part["event_id"].astype(str).to_numpy(dtype=object),
        ))
    fig.update_layout(title="Events by date and kind (marker area = states in the delegation)",
                      xaxis_title="Date of the event", yaxis_title="Kind of event", height=360,
                      legend={"orientation": "h", "y": -0.25}, margin={"t": 60, "b": 40})
    fig.update_yaxes(categoryorder="category ascending")
    return fig


def timeline_by_month(frame: pd.DataFrame, titles: dict[str, str]) -> go.Figure:
    """The timeline of many events: one WebGL marker per (month, kind, reported or mentioned), area ~ events.

    `frame`: events with `when` (event_dates) and `size` (delegation_size), undated ones removed.
    A few hundred markers, each with a short hover (count, states in the delegations, one title),
    instead of one SVG marker and title per event (10,000 articles: 19,000 markers, 10 MB of JSON).
    """
    frame = frame.assign(month=frame["when"].dt.to_period("M").dt.to_timestamp())
    fig = go.Figure()
    groups = {}
    for role in ("main", "mentioned"):
        part = frame[frame["role"] == role]
        if len(part):
            groups[role] = (part.groupby(["month", "kind"], sort=True, observed=True)
                            .agg(events=("event_id", "size"), states=("size", "sum"), doc=("doc", "first"))
                            .reset_index())
    biggest = max([int(g["events"].max()) for g in groups.values()] + [1])
    for role, symbol, name in (("main", "circle", "events reported"),
                               ("mentioned", "circle-open", "earlier events mentioned")):
        if role not in groups:
            continue
        g = groups[role]
        kinds = map_distinct(lambda k: kind_label(str(k)), g["kind"])
        hover = [f"<b>{MONTHS[m.month - 1]} {m.year} · {html.escape(k)}</b><br>{n} {name}, {st} states in their "
                 f"delegations<br>e.g. {html.escape(_shorten(titles.get(str(d), ''), 80))}"
                 for m, k, n, st, d in zip(g["month"], kinds, g["events"], g["states"], g["doc"])]
        fig.add_trace(go.Scattergl(
            x=g["month"].to_numpy(), y=np.array(kinds, dtype=object), mode="markers", name=name,
            marker={"size": g["events"].to_numpy(), "sizemode": "area", "sizeref": 2.0 * biggest / 40 ** 2,
                    "sizemin": 4, "symbol": symbol, "color": "#1f77b4", "line": {"width": 1.5, "color": "#1f77b4"}},
            hovertext=np.array(hover, dtype=object), hoverinfo="text", customdata=g["events"].to_numpy(),
        ))
    fig.update_layout(title=f"Events by month and kind ({len(frame)} events; marker area = events in the month)",
                      xaxis_title="Month of the event", yaxis_title="Kind of event", height=360,
                      legend={"orientation": "h", "y": -0.25}, margin={"t": 60, "b": 40})
    fig.update_yaxes(categoryorder="category ascending")
    return fig


def _event_head(date: object, year: object, kind: object, stated: object, named: object) -> str:
    return (f"<b>{html.escape(when_label(date, year))} · {html.escape(kind_label(str(kind)))}</b><br>"
            f"{html.escape(_delegation_text(stated, named))}<br>")


def _shorten(text: object, limit: int) -> str:
    """One line of at most `limit` characters (cheap enough for thousands of hover labels)."""
    line = " ".join(text_of(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _delegation_text(stated: object, named: object) -> str:
    parts = []
    if not is_missing(stated):
        parts.append(f"{int(stated)} states stated")
    if not is_missing(named) and int(named):
        parts.append(f"{int(named)} named")
    return ", ".join(parts) if parts else "delegation size not stated"


def state_counts(events: pd.DataFrame, participants: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Events per participating state for the given events: columns iso3, name, events (most first).

    An upcoming event (tense) has not happened yet: nobody has taken part in it, so it counts for no one.
    """
    if "tense" in events:
        events = events[events["tense"] != "upcoming"]
    rows = participants[participants["event_id"].isin(events["event_id"])]
    counts = (rows.drop_duplicates(["event_id", "iso3"]).groupby("iso3").size()
              .rename("events").reset_index())
    counts["iso3"] = counts["iso3"].astype(str)
    counts["name"] = [names.get(iso, iso) for iso in counts["iso3"]]
    counts = counts.sort_values(["events", "name"], ascending=[False, True], ignore_index=True)
    return counts[["iso3", "name", "events"]]


def engagement_map(counts: pd.DataFrame, title: str, host_iso3: str = "BHR", host_name: str = "Bahrain",
                   height: int = 460) -> go.Figure:
    """World choropleth of events per state, with the host drawn in its own colour.

    Uses the 1:50m topojson (the 1:110m file has no Bahrain) and dots at each state's centroid so
    small states stay visible. The page must pass GEO_CONFIG to st.plotly_chart (offline topojson).
    """
    fig = go.Figure()
    fig.add_trace(go.Choropleth(
        locations=[host_iso3], z=[1], locationmode="ISO-3", name=f"{host_name} (host)",
        colorscale=[[0, HOST_COLOUR], [1, HOST_COLOUR]], showscale=False, showlegend=True,
        hovertemplate=f"{html.escape(host_name)}: host<extra></extra>", marker={"line": {"width": 0.5}},
    ))
    if len(counts):
        fig.add_trace(go.Choropleth(
            locations=counts["iso3"], z=counts["events"], locationmode="ISO-3", name="states engaged",
            text=counts["name"], colorscale="Blues", zmin=0, zmax=max(int(counts["events"].max()), 1),
            colorbar={"title": {"text": "Events"}, "thickness": 12, "len": 0.6, "dtick": 1},
            hovertemplate="%{text}: %{z} event(s)<extra></extra>", marker={"line": {"width": 0.5}},
        ))
        fig.add_trace(go.Scattergeo(
            locations=counts["iso3"], locationmode="ISO-3", mode="markers", name="state engaged (dot)",
            text=counts["name"], customdata=counts["events"], showlegend=False,
            marker={"size": 6, "color": "#08306b", "line": {"width": 1, "color": "white"}},
            hovertemplate="%{text}: %{customdata} event(s)<extra></extra>",
        ))
    fig.add_trace(go.Scattergeo(
        lon=[BAHRAIN_LON_LAT[0]], lat=[BAHRAIN_LON_LAT[1]], mode="markers+text", text=[host_name],
        textposition="bottom center", name=f"{host_name} (marker)", showlegend=False,
        marker={"size": 11, "symbol": "star", "color": HOST_COLOUR, "line": {"width": 1, "color": "white"}},
        textfont={"color": HOST_COLOUR}, hovertemplate=f"{html.escape(host_name)}: host<extra></extra>",
    ))
    fig.update_geos(resolution=50, showcountries=True, countrycolor="#9e9e9e", showcoastlines=False,
                    showland=True, landcolor="#eeeeee", showframe=False, projection_type="natural earth",
                    fitbounds="locations", visible=True)
    fig.update_layout(title=title, height=height, margin={"l": 0, "r": 0, "t": 50, "b": 0},
                      legend={"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.8)"})
    return fig


def rank_figure(official: pd.DataFrame, claims: pd.DataFrame, countries: list[str], names: dict[str, str],
                view: str, scope: str) -> go.Figure:
    """Official rank (or EGDI score) by survey edition, one line per country; claims as markers.

    official: rows of ranking_history with source 'official' for one scope; claims: rows with
    source 'article' for the same scope (drawn only in the rank view, since claims are ranks).
    view is 'rank' or 'egdi'. Rank 1 is at the top (reversed y axis).
    """
    value = "rank" if view == "rank" else "egdi"
    fig = go.Figure()
    for n, iso in enumerate(countries):
        rows = official[official["country_iso3"] == iso].sort_values("survey_year")
        rows = rows.dropna(subset=[value])
        if rows.empty:
            continue
        bahrain = iso == "BHR"
        colour = BAHRAIN_COLOUR if bahrain else PEER_COLOURS[n % len(PEER_COLOURS)]
        tied = rows["tied"].fillna(False).astype(bool) if "tied" in rows else pd.Series(False, index=rows.index)
        hover = [
            f"<b>{html.escape(names.get(iso, iso))}</b>, {int(y)}<br>"
            + (f"{scope_label(scope)} rank {int(r)}{' (tied)' if t else ''}" if value == "rank" else f"EGDI {e:.3f}")
            for y, r, e, t in zip(rows["survey_year"], rows["rank"], rows["egdi"].astype(float), tied)
        ]
        fig.add_trace(go.Scatter(
            x=rows["survey_year"].astype(int), y=rows[value].astype(float), mode="lines+markers",
            name=names.get(iso, iso), hovertext=hover, hoverinfo="text",
            line={"width": 4 if bahrain else 2, "color": colour}, marker={"size": 8 if bahrain else 6},
        ))
    if value == "rank":
        for verdict, style in VERDICT_STYLE.items():
            rows = claims[claims["verdict"].astype("string") == verdict]
            if rows.empty:
                continue
            # One marker per distinct claim; its hover quotes the first article and counts the others.
            key = ["country_iso3", "survey_year", "rank"]
            repeats = rows.groupby(key, sort=False)["rank"].transform("size")
            rows = rows.assign(articles=repeats).drop_duplicates(key)
            fig.add_trace(go.Scatter(
                x=rows["survey_year"].astype(int) + CLAIM_DODGE, y=rows["rank"].astype(float), mode="markers",
                name=style["label"], hovertext=[_claim_hover(r, names) for r in rows.itertuples()],
                hoverinfo="text", hoverlabel={"align": "right", "bgcolor": "white", "font": {"color": "#212121"},
                                              "bordercolor": style["color"]},
                marker={"symbol": style["symbol"], "color": style["color"], "size": 15,
                        "line": {"width": 2, "color": style["color"]}},
            ))
        ranks = pd.concat([official["rank"], claims["rank"]]).dropna()
        worst = float(ranks.max()) if len(ranks) else 10.0
        # Reversed axis, rank 1 at the top; the range stops short of 0 so no "0th" tick is drawn.
        fig.update_yaxes(range=[worst * 1.06 + 1, 0.5], title=f"{scope_label(scope)} rank (1 = best)")
        title = f"Official UN E-Government Survey rank by edition: {scope_label(scope)}"
    else:
        fig.update_yaxes(title="EGDI score (0–1, higher is better)", range=[0, 1])
        title = "UN E-Government Development Index (EGDI) by edition"
    fig.update_xaxes(title="Survey edition", dtick=2, range=[2002, 2025])
    fig.update_layout(title=title, height=480, hovermode="closest", legend={"title": {"text": ""}})
    return fig


def _claim_hover(row: object, names: dict[str, str]) -> str:
    official = "" if is_missing(row.official_rank) else f"; official rank {int(row.official_rank)}"
    return (
        f"<b>Article claim: {html.escape(names.get(str(row.country_iso3), str(row.country_iso3)))} "
        f"{scope_label(str(row.scope))} rank {int(row.rank)} in {int(row.survey_year)}</b><br>"
        f"Verdict: {html.escape(str(row.verdict))}{official}<br>"
        f"{hover_text(row.evidence, 70)}<br>"
        f"<i>Article: {html.escape(str(row.doc))}</i>"
        + (f"<br><i>and {row.articles - 1} more article(s) with the same claim</i>" if row.articles > 1 else "")
    )


def delegation_bars(events: pd.DataFrame) -> go.Figure:
    """Per event (in date order, undated last), the states the article names vs the number it states."""
    events = events.assign(when=event_dates(events)).sort_values("when", na_position="last", kind="stable")
    labels = event_labels(events).to_numpy(dtype=object)

    def counts(column: str) -> np.ndarray:
        return events[column].astype("Float64").to_numpy(dtype=float, na_value=np.nan)  # NaN: no bar

    ids = events["event_id"].astype(str).to_numpy(dtype=object)
    fig = go.Figure([
        go.Bar(x=labels, y=counts("countries_named"), name="states named in the article", customdata=ids,
               marker_color="#1f77b4", hovertemplate="%{x}: %{y} states named<extra></extra>"),
        go.Bar(x=labels, y=counts("countries_stated"), name="states stated (a number in the text)", customdata=ids,
               marker_color="#ff7f0e", hovertemplate="%{x}: %{y} states stated<extra></extra>"),
    ])
    # The value above each bar, so a 0 (no state named) reads differently from no figure at all.
    fig.update_traces(texttemplate="%{y}", textposition="outside", cliponaxis=False)
    fig.update_layout(title="States named vs states stated, per event", barmode="group", height=420,
                      xaxis_title="Event", yaxis_title="Number of states", legend={"orientation": "h", "y": 1.08})
    return fig


def frequency_bars(counts: pd.DataFrame) -> go.Figure:
    """How many events each state took part in (horizontal bars, most first)."""
    fig = go.Figure(go.Bar(x=counts["events"], y=counts["name"], orientation="h", marker_color="#08519c",
                           hovertemplate="%{y}: %{x} event(s)<extra></extra>"))
    fig.update_layout(title="Events per state", height=max(260, 40 + 28 * len(counts)),
                      xaxis_title="Events", yaxis={"autorange": "reversed", "title": ""}, xaxis={"dtick": 1})
    return fig


def topic_year_table(events: pd.DataFrame) -> pd.DataFrame:
    """Number of events per (topic, year): topics as rows (English labels), years as columns."""
    rows = [(topic_label(topic), int(year)) for topics, year in zip(events["topics"], events["year"])
            if not is_missing(year) for topic in split_list(topics)]
    frame = pd.DataFrame(rows, columns=["topic", "year"])
    if frame.empty:
        return pd.DataFrame()
    return pd.crosstab(frame["topic"], frame["year"]).sort_index()


def topic_heatmap(table: pd.DataFrame) -> go.Figure:
    """Heatmap of a topic_year_table: topics × year, the number of GCC events that discuss the topic."""
    fig = go.Figure(go.Heatmap(
        z=table.to_numpy().tolist(), x=[str(y) for y in table.columns], y=list(table.index),
        colorscale="Greens", zmin=0, texttemplate="%{z}", xgap=2, ygap=2,
        colorbar={"title": {"text": "Events"}, "thickness": 12, "dtick": 1},
        hovertemplate="%{y}, %{x}: %{z} event(s)<extra></extra>",
    ))
    fig.update_layout(title="Topics discussed at GCC events, by year", height=max(260, 90 + 34 * len(table)),
                      xaxis={"title": "Year", "type": "category"}, yaxis={"title": "", "autorange": "reversed"})
    return fig
