"""Plotly figure builders: plain functions of DataFrames (no Streamlit), so tests can call them directly.

Text is in the language of the run (ui.i18n). In Arabic, charts keep time running left to right
(the direction Arabic numerals and the Arab statistical offices' time series run, so a year axis
reads like the years printed in the text) and put the value axis, the title and the legend on the
right, where a right-to-left reader starts.
"""

from __future__ import annotations

import html
import textwrap
import zlib
from collections import Counter

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.i18n import N_, _, country, digits, is_rtl, number
from ui.messages import note_text
from ui.labels import (clean_title, host_basis_label, is_missing, kind_label, map_distinct, scope_label,
                       split_list, tense_label, text_of, topic_label, verdict_label, when_label, year_basis_label)

HOST_COLOUR = "#d95f02"
BAHRAIN_COLOUR = "#c2185b"
UNKNOWN_COLOUR = "#9e9e9e"
# Above this many dated events the timeline draws one marker per month and kind (timeline_by_month),
# and says so in layout.meta.
TIMELINE_MAX_EVENTS = 2000
BY_MONTH = "events by month"
BODY_COLOUR = "#fdae6b"  # states reached only through the GCC as a body
# A colour per state that does not depend on which other states are shown (Our World in Data keeps
# an entity's colour across views the same way). The GCC members have fixed colours; other states
# take one from the palette by a checksum of their ISO3 code, so two other states may share one.
# Peer colours avoid the verdict colours (green, red, purple) so a claim marker never reads as a peer.
FIXED_COLOURS = {"BHR": BAHRAIN_COLOUR, "SAU": "#1f77b4", "ARE": "#ff7f0e", "KWT": "#8c564b", "QAT": "#17becf",
                 "OMN": "#7f7f7f"}
PEER_COLOURS = ["#bcbd22", "#e377c2", "#393b79", "#637939", "#843c39", "#6b6ecf", "#e7969c", "#3182bd",
                "#e6550d", "#31a354", "#756bb1", "#636363", "#9c9ede", "#8ca252", "#bd9e39", "#ad494a"]
# Verdict of an article claim against the official data: colour and a distinct symbol each,
# so the difference survives colour-blindness and greyscale printing.
VERDICT_STYLE = {
    "matches": {"color": "#1b9e77", "symbol": "circle", "label": N_("claim matches UN data")},
    "differs": {"color": "#d62728", "symbol": "x", "label": N_("claim differs from UN data")},
    "unverifiable": {"color": "#7570b3", "symbol": "diamond-open", "label": N_("claim unverifiable")},
}
# Claims are drawn this far (in years) right of their edition: a claim that matches would otherwise sit
# exactly on the official point, hide it, and lose the hover to it.
CLAIM_DODGE = 0.35
GEO_CONFIG = {"topojsonURL": "/app/static/topojson/", "displaylogo": False}
# Bahrain's position, for the host marker (Natural Earth label point of Bahrain).
BAHRAIN_LON_LAT = (50.55, 26.05)
ARABIC_FONT = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif"

# The survey's measures: (column of the reference table, msgid of the name, higher is better).
MEASURES = {
    "rank": ("rank", N_("EGDI rank"), False),
    "egdi": ("egdi", N_("EGDI score"), True),
    "osi": ("osi", N_("Online services (OSI)"), True),
    "hci": ("hci", N_("Human capital (HCI)"), True),
    "tii": ("tii", N_("Telecom infrastructure (TII)"), True),
    "epart_rank": ("epart_rank", N_("E-participation rank"), False),
    "egdi_group": ("egdi", N_("EGDI group"), True),
}
# The UN's EGDI groups (UN E-Government Survey 2024, Annex: very high 0.75-1.00, high 0.50-0.75,
# middle 0.25-0.50, low 0-0.25).
EGDI_GROUPS = [(0.75, N_("Very high EGDI")), (0.50, N_("High EGDI")), (0.25, N_("Middle EGDI")), (0.0, N_("Low EGDI"))]
GROUP_COLOURS = {"Very high EGDI": "#08519c", "High EGDI": "#4292c6", "Middle EGDI": "#9ecae1",
                 "Low EGDI": "#deebf7"}


def measure_label(measure: str) -> str:
    return _(MEASURES[measure][1])


def egdi_group(egdi: object) -> str | None:
    """The UN's EGDI group (msgid) of a score; None when there is no score."""
    if is_missing(egdi):
        return None
    for floor, name in EGDI_GROUPS:
        if float(egdi) >= floor:
            return name
    return EGDI_GROUPS[-1][1]


def group_level(name: object) -> float:
    """1 (low) .. 4 (very high) for an EGDI group msgid; NaN when missing."""
    names = [n for _floor, n in reversed(EGDI_GROUPS)]
    return float(names.index(name) + 1) if name in names else np.nan


def state_colour(iso3: str) -> str:
    """The colour of a state in every chart: fixed for Bahrain and the GCC, else by a checksum of its code."""
    iso3 = str(iso3)
    if iso3 in FIXED_COLOURS:
        return FIXED_COLOURS[iso3]
    return PEER_COLOURS[zlib.crc32(iso3.encode()) % len(PEER_COLOURS)]


def hover_text(text: object, width: int = 70) -> str:
    """Untrusted article text made safe for a Plotly hover label: escaped, wrapped with <br>."""
    if is_missing(text) or not str(text).strip():
        return ""
    lines = textwrap.wrap(" ".join(str(text).split()), width=width, break_long_words=False)
    return "<br>".join(html.escape(line) for line in lines)


def finish(fig: go.Figure, *, geo: bool = False) -> go.Figure:
    """The layout every chart shares; in a right-to-left language, title, legend and value axis on the right."""
    if is_rtl():
        fig.update_layout(font={"family": ARABIC_FONT}, title={"x": 0.98, "xanchor": "right"},
                          hoverlabel={"align": "right", "font": {"family": ARABIC_FONT}})
        if fig.layout.legend.orientation != "h" and (fig.layout.legend.x is None or fig.layout.legend.x < 0.5):
            fig.update_layout(legend={"x": 0.99, "xanchor": "right"})
        if not geo:
            fig.update_yaxes(side="right")
    return fig


def integer_ticks(values: list[float], *, start_at_one: bool = False) -> tuple[list[int], list[str]]:
    """Tick values and their labels (in the chosen digits) for a count or rank axis up to max(values).

    With `start_at_one` (ranks), 1 is always a tick: the best place must be readable on the axis.
    """
    top = max([float(v) for v in values if not is_missing(v)] or [1.0])
    step = next(s for s in (1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000, 10**9) if top / s <= 8)
    ticks = list(range(0 if not start_at_one else step, int(top) + step, step))
    if start_at_one:
        ticks = [1] + [t for t in ticks if t > 1]
    return ticks, [number(t) for t in ticks]


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
    """States in each delegation: the number the article states, else the number of states it names
    (when it names any); <NA> when the article gives neither, which means unknown, never zero."""
    stated = events["countries_stated"].astype("Int64")
    named = events["countries_named"].astype("Int64")
    return stated.fillna(named.where(named > 0)).astype("Int64")


def delegation_measure(events: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """One delegation size per event and its basis, by event_id (same index as `events`).

    Columns: named (states the article names one by one), via_body (states reached only through
    the GCC as a body, 'دول المجلس'), size (Int64, <NA> = unknown) and basis: 'stated' (a number
    in the text), 'named' (the states named), 'gcc_body' (the GCC's members, reached through the
    body), 'unknown'.
    """
    rows = participants[participants["event_id"].isin(events["event_id"])].drop_duplicates(["event_id", "iso3"])
    body = rows["via"].astype("string").fillna("") == "gcc_body"
    named = rows[~body].groupby("event_id").size()
    via_body = rows[body].groupby("event_id").size()
    out = pd.DataFrame(index=events.index)
    out["event_id"] = events["event_id"]
    out["named"] = events["event_id"].map(named).fillna(0).astype(int)
    out["via_body"] = events["event_id"].map(via_body).fillna(0).astype(int)
    stated = events["countries_stated"].astype("Int64")
    out["size"] = stated.fillna(out["named"].where(out["named"] > 0).astype("Int64")) \
        .fillna(out["via_body"].where(out["via_body"] > 0).astype("Int64")).astype("Int64")
    out["basis"] = np.select([stated.notna().to_numpy(dtype=bool), (out["named"] > 0).to_numpy(),
                              (out["via_body"] > 0).to_numpy()], ["stated", "named", "gcc_body"], "unknown")
    return out


BASIS_LABELS = {"stated": N_("number stated in the article"), "named": N_("states named in the article"),
                "gcc_body": N_("the GCC's members (named only as a body)"), "unknown": N_("size unknown")}
BASIS_COLOURS = {"stated": "#ff7f0e", "named": "#1f77b4", "gcc_body": BODY_COLOUR, "unknown": UNKNOWN_COLOUR}


def event_labels(events: pd.DataFrame) -> pd.Series:
    """A short, unique label per event: '<when> <kind>', numbered when two would read the same."""
    base = map_distinct(lambda d, y, k: f"{when_label(d, y)} {kind_label(str(k))}",
                        events["date"], events["year"], events["kind"])
    total = Counter(base)
    seen: Counter[str] = Counter()
    labels = []
    for label in base:
        seen[label] += 1
        labels.append(label if total[label] == 1 else f"{label} ({number(seen[label])})")
    return pd.Series(labels, index=events.index, dtype="string")


def event_status(events: pd.DataFrame) -> pd.Series:
    """'main' (the event reported), 'past' (an earlier event mentioned), 'upcoming' (a coming event
    mentioned) or 'mentioned' (a mentioned event whose tense the table does not give)."""
    role = events["role"].astype("string").fillna("main")
    tense = (events["tense"].astype("string") if "tense" in events else pd.Series(pd.NA, index=events.index,
                                                                                 dtype="string"))
    return pd.Series(np.where(role == "main", "main", tense.fillna("mentioned").to_numpy(dtype=object)),
                     index=events.index, dtype="string")


STATUS_STYLE = {  # trace name msgid, marker symbol
    "main": (N_("event reported"), "circle"),
    "past": (N_("earlier event mentioned"), "circle-open"),
    "upcoming": (N_("upcoming event mentioned"), "diamond-open"),
    "mentioned": (N_("other event mentioned"), "square-open"),
}


def host_text(host_iso3: object, host_basis: object, names: dict[str, str]) -> str:
    """'host: Bahrain (host assumed (Bahrain))', 'host not stated', … in the language of the run."""
    iso = text_of(host_iso3)
    basis = text_of(host_basis)
    if not iso:
        return _("host not stated") if basis in ("", "not_stated") else host_basis_label(basis)
    name = country(iso, names.get(iso, iso))
    if basis == "assumed" and iso == "BHR":  # the only host ever assumed; another host was set by a review
        return _("host assumed: {name} (the article names none)").format(name=name)
    if basis == "assumed":
        return _("host: {name}").format(name=name)
    return _("host: {name}").format(name=name) + (f" ({host_basis_label(basis)})" if basis and basis != "stated"
                                                   else "")


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


def count_ticks(largest: int) -> dict:
    """Colour-bar ticks for a count (the map): every whole number up to 10, else Plotly's own (whole numbers).

    A tick per unit up to thousands (10,000 articles: 3,000 events for one state) made the browser
    measure thousands of labels: minutes before the first chart on the overview.
    """
    return {"dtick": 1} if largest <= 10 else {"tickformat": ",d"}


def timeline_figure(events: pd.DataFrame, titles: dict[str, str], names: dict[str, str] | None = None) -> go.Figure:
    """Events on a date axis, one row per kind; marker area ~ delegation size (grey when unknown);
    one trace per status (reported, earlier, upcoming); hover shows host, bases and the title.

    Undated events are left out. customdata holds the event_id (a click opens its evidence).
    """
    names = names or {}
    frame = events.assign(when=event_dates(events), size=delegation_size(events), status=event_status(events))
    frame = frame.dropna(subset=["when"])
    if len(frame) > TIMELINE_MAX_EVENTS:
        return timeline_by_month(frame, titles)
    fig = go.Figure()
    biggest = max(int(frame["size"].max()) if frame["size"].notna().any() else 1, 1)
    fields = [c for c in ("date", "year", "kind", "countries_stated", "countries_named", "host_iso3", "host_basis",
                          "year_basis", "date_basis", "tense", "note") if c in frame]
    for status, (name, symbol) in STATUS_STYLE.items():
        part = frame[frame["status"] == status]
        if part.empty:
            continue
        title_of = {doc: _shorten(clean_title(titles.get(str(doc), "")), 80) for doc in part["doc"].unique()}
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
                    "color": colours, "line": {"width": 2, "color": colours}},
            hovertext=np.array(hover, dtype=object), hoverinfo="text",
            customdata=part["event_id"].astype(str).to_numpy(dtype=object),
        ))
    fig.update_layout(title=_("Events by date and kind (marker area = states in the delegation; grey = size unknown)"),
                      xaxis_title=_("Date of the event"), yaxis_title=_("Kind of event"), height=360,
                      legend={"orientation": "h", "y": -0.25}, margin={"t": 60, "b": 40})
    fig.update_yaxes(categoryorder="category ascending")
    _year_ticks(fig, frame)
    return finish(fig)


def _year_ticks(fig: go.Figure, frame: pd.DataFrame) -> None:
    if len(frame):
        years = sorted({d.year for d in frame["when"]})
        ticks = list(range(years[0], years[-1] + 2))
        fig.update_xaxes(tickvals=[pd.Timestamp(y, 1, 1) for y in ticks], ticktext=[number(y) for y in ticks],
                         range=[pd.Timestamp(years[0] - 1, 7, 1), pd.Timestamp(years[-1] + 1, 7, 1)])


def timeline_by_month(frame: pd.DataFrame, titles: dict[str, str]) -> go.Figure:
    """The timeline of many events: one marker per (month, kind, status), its area ~ the events.

    `frame`: events with `when` (event_dates), `size` (delegation_size) and `status` (event_status),
    undated ones removed. Hundreds of markers with a short hover (count, states in the delegations,
    one title) instead of one SVG marker and hover per event (10,000 articles: 19,000 markers and
    10 MB of JSON on every rerun). customdata is the first event of each marker (a click opens it).
    SVG, not WebGL (Scattergl): a few hundred markers draw quickly either way, and WebGL in a browser
    without a GPU (software rendering) stalls on reading pixels back.
    """
    frame = frame.assign(month=frame["when"].dt.to_period("M").dt.to_timestamp())
    groups = {}
    for status in STATUS_STYLE:
        part = frame[frame["status"] == status]
        if len(part):
            groups[status] = (part.groupby(["month", "kind"], sort=True, observed=True)
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
        months = map_distinct(lambda m: when_label(f"{m.year:04d}-{m.month:02d}", m.year), g["month"])
        hover = [f"<b>{html.escape(m)} · {html.escape(k)}</b><br>"
                 + html.escape(_("{n} × {what}; {states} states in their delegations").format(
                     n=number(int(n)), what=_(name), states=number(int(st))))
                 + "<br>" + html.escape(_("e.g. {title}").format(title=_shorten(clean_title(titles.get(str(d), "")), 80)))
                 for m, k, n, st, d in zip(months, kinds, g["events"], g["states"], g["doc"])]
        fig.add_trace(go.Scatter(
            x=g["month"].to_numpy(), y=np.array(kinds, dtype=object), mode="markers", name=_(name),
            marker={"size": g["events"].to_numpy(dtype=float), "sizemode": "area",
                    "sizeref": 2.0 * biggest / 40 ** 2, "sizemin": 4, "symbol": symbol, "color": "#1f77b4",
                    "line": {"width": 1.5, "color": "#1f77b4"}},
            hovertext=np.array(hover, dtype=object), hoverinfo="text",
            customdata=g["first"].astype(str).to_numpy(dtype=object),
        ))
    fig.update_layout(meta=BY_MONTH, title=_("Events by month and kind ({n} events; marker area = events in the month)").format(
                          n=number(len(frame))),
                      xaxis_title=_("Month of the event"), yaxis_title=_("Kind of event"), height=360,
                      legend={"orientation": "h", "y": -0.25}, margin={"t": 60, "b": 40})
    fig.update_yaxes(categoryorder="category ascending")
    _year_ticks(fig, frame)
    return finish(fig)


def _shorten(text: object, limit: int) -> str:
    """One line of at most `limit` characters (cheap enough for thousands of hover labels)."""
    line = " ".join(text_of(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _delegation_text(stated: object, named: object) -> str:
    parts = []
    if not is_missing(stated):
        parts.append(_("{n} states stated").format(n=number(int(stated))))
    if not is_missing(named) and int(named):
        parts.append(_("{n} named").format(n=number(int(named))))
    return _(", ").join(parts) if parts else _("delegation size not stated")


def state_counts(events: pd.DataFrame, participants: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Events per participating state for the given events, most first: columns iso3, name,
    events (all), named (events that name the state one by one), via_body (events that reach it
    only through the GCC as a body).

    An upcoming event (tense) has not happened yet: nobody has taken part in it, so it counts for no one.
    """
    if "tense" in events:
        events = events[events["tense"] != "upcoming"]
    rows = participants[participants["event_id"].isin(events["event_id"])]
    rows = rows.assign(body=rows["via"].astype("string").fillna("") == "gcc_body")
    # A state named and also reached through the body at one event counts as named there.
    per_event = rows.groupby(["iso3", "event_id"])["body"].min().reset_index()
    counts = per_event.groupby("iso3").agg(events=("event_id", "size"), via_body=("body", "sum")).reset_index()
    counts["via_body"] = counts["via_body"].astype(int)
    counts["named"] = counts["events"] - counts["via_body"]
    counts["iso3"] = counts["iso3"].astype(str)
    counts["name"] = [country(iso, names.get(iso, iso)) for iso in counts["iso3"]]
    counts = counts.sort_values(["events", "named", "name"], ascending=[False, False, True], ignore_index=True)
    return counts[["iso3", "name", "events", "named", "via_body"]]


def _host_traces(fig: go.Figure, host_iso3: str, host_name: str) -> None:
    fig.add_trace(go.Choropleth(
        locations=[host_iso3], z=[1], locationmode="ISO-3", name=_("{name} (host)").format(name=host_name),
        colorscale=[[0, HOST_COLOUR], [1, HOST_COLOUR]], showscale=False, showlegend=True,
        customdata=[host_iso3],
        hovertemplate=html.escape(_("{name}: host").format(name=host_name)) + "<extra></extra>",
        marker={"line": {"width": 0.5}},
    ))


def _bahrain_star(fig: go.Figure, name: str, hover: str) -> None:
    fig.add_trace(go.Scattergeo(
        lon=[BAHRAIN_LON_LAT[0]], lat=[BAHRAIN_LON_LAT[1]], mode="markers+text", text=[name],
        textposition="bottom center", name=_("{name} (marker)").format(name=name), showlegend=False,
        customdata=["BHR"],
        marker={"size": 11, "symbol": "star", "color": HOST_COLOUR, "line": {"width": 1, "color": "white"}},
        textfont={"color": HOST_COLOUR}, hovertemplate=html.escape(hover) + "<extra></extra>",
    ))


def _geo_layout(fig: go.Figure, title: str, height: int, fit: bool) -> go.Figure:
    # fitbounds only when there are states to fit: with none it would zoom onto Bahrain alone.
    fig.update_geos(resolution=50, showcountries=True, countrycolor="#9e9e9e", showcoastlines=False,
                    showland=True, landcolor="#eeeeee", showframe=False, projection_type="natural earth",
                    fitbounds="locations" if fit else False, visible=True)
    fig.update_layout(title=title, height=height, margin={"l": 0, "r": 0, "t": 50, "b": 0},
                      legend={"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.8)"})
    return finish(fig, geo=True)


def engagement_map(counts: pd.DataFrame, title: str, host_iso3: str = "BHR", host_name: str | None = None,
                   height: int = 460) -> go.Figure:
    """World choropleth of events per state named, the states reached only through the GCC as a body
    in their own colour, and the host in its own colour.

    Uses the 1:50m topojson (the 1:110m file has no Bahrain) and dots at each state's centroid so
    small states stay visible. The page must pass GEO_CONFIG to st.plotly_chart (offline topojson).
    customdata holds the ISO3 code (a click opens the state's profile).
    """
    host_name = host_name or country(host_iso3, "Bahrain")
    fig = go.Figure()
    _host_traces(fig, host_iso3, host_name)
    named = counts[counts["named"] > 0] if "named" in counts else counts
    body_only = counts[(counts["named"] == 0) & (counts["via_body"] > 0)] if "named" in counts else counts.iloc[:0]
    event_word = _("event(s)")
    if len(named):
        fig.add_trace(go.Choropleth(
            locations=named["iso3"], z=named["named"], locationmode="ISO-3", name=_("states engaged"),
            text=named["name"], customdata=named["iso3"], colorscale="Blues", zmin=0,
            zmax=max(int(named["named"].max()), 1),
            colorbar={"title": {"text": _("Events")}, "thickness": 12, "len": 0.6,
                      **count_ticks(int(named["named"].max()))},
            hovertemplate=f"%{{text}}: %{{z}} {html.escape(event_word)}<extra></extra>",
            marker={"line": {"width": 0.5}},
        ))
    if len(body_only):
        fig.add_trace(go.Choropleth(
            locations=body_only["iso3"], z=body_only["via_body"], locationmode="ISO-3",
            name=_("reached only through the GCC as a body"), text=body_only["name"], customdata=body_only["iso3"],
            colorscale=[[0, BODY_COLOUR], [1, BODY_COLOUR]], showscale=False, showlegend=True,
            hovertemplate=(f"%{{text}}: %{{z}} {html.escape(event_word)} "
                           "(" + html.escape(_("through the GCC as a body")) + ")<extra></extra>"),
            marker={"line": {"width": 0.5}},
        ))
    if len(counts):
        fig.add_trace(go.Scattergeo(
            locations=counts["iso3"], locationmode="ISO-3", mode="markers", name=_("state engaged (dot)"),
            text=counts["name"], customdata=counts["iso3"], showlegend=False,
            marker={"size": 6, "color": np.where(counts.get("named", counts["events"]) > 0, "#08306b",
                                                 HOST_COLOUR).astype(object),
                    "line": {"width": 1, "color": "white"}},
            hovertemplate="%{text}<extra></extra>",
        ))
    _bahrain_star(fig, host_name, _("{name}: host").format(name=host_name))
    return _geo_layout(fig, title, height, fit=len(counts) > 0)


def rank_figure(official: pd.DataFrame, claims: pd.DataFrame, countries: list[str], names: dict[str, str],
                view: str, scope: str) -> go.Figure:
    """One measure of the survey by edition, one line per country; article claims as markers (rank only).

    official: one row per (country_iso3, survey_year) with the measure's column (MEASURES[view][0]:
    rank, egdi, osi, hci, tii, epart_rank) and `tied` for ranks; claims: rows of ranking_history
    with source 'article' for the same scope. view is a key of MEASURES ('egdi_group' reads egdi).
    Ranks have rank 1 at the top (reversed axis, a tick at 1). Lines are labelled at their end.
    """
    column, _msgid, higher_better = MEASURES[view]
    is_rank = not higher_better
    fig = go.Figure()
    labels: list[dict] = []
    for iso in countries:
        rows = official[official["country_iso3"] == iso].sort_values("survey_year")
        if column not in rows:
            continue
        rows = rows.dropna(subset=[column])
        if rows.empty:
            continue
        bahrain = iso == "BHR"
        colour = state_colour(iso)
        name = country(iso, names.get(iso, iso))
        raw = rows[column].astype(float)
        if view == "egdi_group":
            groups = [egdi_group(v) for v in raw]
            y = np.array([group_level(g) for g in groups])
            shown = [_(g) if g else "" for g in groups]
        else:
            y = raw.to_numpy()
            shown = [number(v, None if is_rank else 3) for v in raw]
        tied = rows["tied"].fillna(False).astype(bool) if "tied" in rows else pd.Series(False, index=rows.index)
        measure = scope_label(scope) + " " + _("rank") if view == "rank" else measure_label(view)
        hover = [f"<b>{html.escape(name)}</b>, {number(int(yr))}<br>{html.escape(measure)}: {s}"
                 + (" (" + html.escape(_("tied")) + ")" if t else "")
                 + "<br><i>" + html.escape(_("Click for the country profile")) + "</i>"
                 for yr, s, t in zip(rows["survey_year"], shown, tied)]
        fig.add_trace(go.Scatter(
            x=rows["survey_year"].astype(int).to_numpy(), y=y, mode="lines+markers", name=name,
            hovertext=hover, hoverinfo="text", customdata=[iso] * len(rows), legendgroup=iso, showlegend=False,
            line={"width": 4 if bahrain else 2, "color": colour}, marker={"size": 8 if bahrain else 6},
        ))
        labels.append({"x": int(rows["survey_year"].iloc[-1]), "y": float(y[-1]), "text": html.escape(name),
                       "colour": colour, "bold": bahrain})
    # Direct labels at the end of each line, so a line is read without the legend.
    for label in labels:
        fig.add_annotation(x=label["x"], y=label["y"], text=f"<b>{label['text']}</b>" if label["bold"] else label["text"],
                           showarrow=False, xanchor="left", xshift=8, font={"color": label["colour"], "size": 12})
    if view == "rank":
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
                name=_(style.get("label", "")), hovertext=[_claim_hover(r, names) for r in rows.itertuples()],
                hoverinfo="text", customdata=rows["doc"].astype(str).to_numpy(dtype=object),
                hoverlabel={"align": "right", "bgcolor": "white", "font": {"color": "#212121"},
                            "bordercolor": style["color"]},
                marker={"symbol": style["symbol"], "color": style["color"], "size": 15,
                        "line": {"width": 2, "color": style["color"]}},
            ))
    if is_rank:
        values = list(official[column].dropna()) if column in official else []
        if view == "rank":
            values += list(claims["rank"].dropna())
        worst = float(max(values)) if values else 10.0
        ticks, text = integer_ticks([worst], start_at_one=True)
        # Reversed axis, rank 1 at the top; the range stops short of 0 so no "0th" tick is drawn.
        title_text = (_("{scope} rank (1 = best)").format(scope=scope_label(scope)) if view == "rank"
                      else _("E-participation rank (1 = best)"))
        fig.update_yaxes(range=[worst * 1.06 + 1, 0.5], tickvals=ticks, ticktext=text, title=title_text)
        title = (_("Official UN E-Government Survey rank by edition: {scope}").format(scope=scope_label(scope))
                 if view == "rank" else _("UN E-Government Survey: e-participation rank by edition"))
    elif view == "egdi_group":
        levels = [1, 2, 3, 4]
        fig.update_yaxes(range=[0.5, 4.5], tickvals=levels,
                         ticktext=[_(n) for _f, n in reversed(EGDI_GROUPS)], title=measure_label(view))
        title = _("UN E-Government Survey: EGDI group by edition")
    else:
        ticks = [0, 0.25, 0.5, 0.75, 1.0]
        fig.update_yaxes(title=_("{measure} (0–1, higher is better)").format(measure=measure_label(view)),
                         range=[0, 1.02], tickvals=ticks, ticktext=[number(t, 2) for t in ticks])
        title = (_("UN E-Government Development Index (EGDI) by edition") if view == "egdi"
                 else _("UN E-Government Survey: {measure} by edition").format(measure=measure_label(view)))
    editions = list(range(2004, 2025, 2))
    fig.update_xaxes(title=_("Survey edition"), tickvals=editions, ticktext=[number(e) for e in editions],
                     range=[2002, 2029.5 if is_rtl() else 2026.5])  # room for the longer Arabic line labels
    # Lines carry their names at their end; the legend below explains the claim markers only.
    fig.update_layout(title=title, height=500, hovermode="closest", margin={"r": 110, "l": 110},
                      legend={"title": {"text": ""}, "orientation": "h", "y": -0.22, "x": 0.5, "xanchor": "center"})
    return finish(fig)


def _claim_hover(row: object, names: dict[str, str]) -> str:
    iso = str(row.country_iso3)
    official = ("" if is_missing(row.official_rank)
                else "; " + _("official rank {rank}").format(rank=number(int(row.official_rank))))
    more = ("<br><i>" + html.escape(_("and {n} more article(s) with the same claim").format(n=number(row.articles - 1)))
            + "</i>") if row.articles > 1 else ""
    head = _("Article claim: {country} {scope} rank {rank} in {year}").format(
        country=country(iso, names.get(iso, iso)), scope=scope_label(str(row.scope)), rank=number(int(row.rank)),
        year=number(int(row.survey_year)))
    verdict = _("Verdict: {verdict}").format(verdict=verdict_label(row.verdict))
    return (f"<b>{html.escape(head)}</b><br>"
            f"{html.escape(verdict)}{official}<br>"
            f"{hover_text(row.evidence, 70)}<br>"
            "<i>" + html.escape(_("Article")) + f": {html.escape(str(row.doc))}</i>{more}<br>"
            "<i>" + html.escape(_("Click for the article and its evidence")) + "</i>")


def survey_map(values: pd.DataFrame, view: str, edition: int, names: dict[str, str], height: int = 480) -> go.Figure:
    """Choropleth of one measure for every state in one edition; Bahrain marked with a star.

    values: reference rows of that edition (iso3 and the measure's column). Ranks are shaded dark
    for the best places. customdata holds the ISO3 code (a click opens the state's profile).
    """
    column, _msgid, higher_better = MEASURES[view]
    column = "egdi_rank" if column == "rank" else column  # the reference table's name for the world rank
    rows = values.dropna(subset=[column])
    label = measure_label(view)
    state_names = [country(iso, names.get(iso, iso)) for iso in rows["iso3"].astype(str)]
    fig = go.Figure()
    if view == "egdi_group":
        groups = [egdi_group(v) for v in rows[column]]
        for floor, group in EGDI_GROUPS:
            mask = np.array([g == group for g in groups], dtype=bool)
            if not mask.any():
                continue
            part = rows[mask]
            fig.add_trace(go.Choropleth(
                locations=part["iso3"].astype(str), z=np.ones(mask.sum()), locationmode="ISO-3", name=_(group),
                text=np.array(state_names, dtype=object)[mask], customdata=part["iso3"].astype(str),
                colorscale=[[0, GROUP_COLOURS[group]], [1, GROUP_COLOURS[group]]], showscale=False, showlegend=True,
                hovertemplate=f"%{{text}}: {html.escape(_(group))}<extra></extra>", marker={"line": {"width": 0.4}},
            ))
    else:
        shown = [number(v, None if not higher_better else 3) for v in rows[column]]
        fig.add_trace(go.Choropleth(
            locations=rows["iso3"].astype(str), z=rows[column].astype(float), locationmode="ISO-3", name=label,
            text=[f"{html.escape(n)}: {s}" for n, s in zip(state_names, shown)], customdata=rows["iso3"].astype(str),
            colorscale="Blues", reversescale=not higher_better,
            colorbar={"title": {"text": label}, "thickness": 12, "len": 0.6},
            hovertemplate="%{text}<extra></extra>", marker={"line": {"width": 0.4}},
        ))
    bahrain = rows[rows["iso3"].astype(str) == "BHR"]
    star_hover = country("BHR", "Bahrain")
    if len(bahrain):
        value = bahrain[column].iloc[0]
        star_hover += ": " + (_(egdi_group(value)) if view == "egdi_group"
                              else number(value, None if not higher_better else 3))
    _bahrain_star(fig, country("BHR", "Bahrain"), star_hover)
    fig = _geo_layout(fig, _("{measure}, every state, {year} edition").format(measure=label, year=number(edition)),
                      height, fit=False)
    fig.update_geos(lataxis_range=[-58, 85])
    return fig


BAR_LIMIT = 150  # bars in one delegation chart; more would be unreadable slivers (the table has every event)


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
                         html.escape(_shorten(clean_title(titles.get(str(doc), "")), 80)),
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
    rows = participants[participants["event_id"].isin(events["event_id"])]
    body = rows["via"].astype("string").fillna("") == "gcc_body"
    named = rows[~body].groupby("iso3")["event_id"].nunique()
    hosted = events.groupby(events["host_iso3"].astype("string").fillna(""))["event_id"].nunique()
    reached = rows[body].groupby("iso3")["event_id"].apply(set)
    named_sets = rows[~body].groupby("iso3")["event_id"].apply(set)
    labels = [country(iso, names.get(iso, iso)) for iso in members]
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


def topic_year_table(events: pd.DataFrame) -> pd.DataFrame:
    """Number of events per (topic, year): topics as rows (labels), years as columns."""
    rows = [(topic_label(topic), int(year)) for topics, year in zip(events["topics"], events["year"])
            if not is_missing(year) for topic in split_list(topics)]
    frame = pd.DataFrame(rows, columns=["topic", "year"])
    if frame.empty:
        return pd.DataFrame()
    return pd.crosstab(frame["topic"], frame["year"]).sort_index()


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


def digits_of(text: str) -> str:
    """Re-export for pages: ASCII digits in the chosen digit set."""
    return digits(text)


def participants_by_event(events: pd.DataFrame, participants: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """The participants of `events`, and the positions of each event's rows in that frame (found in
    one pass: a scan of the whole table per event is quadratic, minutes at 10,000 articles; take an
    event's rows with `rows.iloc[positions[event_id]]`)."""
    rows = participants[participants["event_id"].isin(events["event_id"])].reset_index(drop=True)
    return rows, {str(k): v for k, v in rows.groupby("event_id", sort=False).indices.items()}


def gcc_event_rows(events: pd.DataFrame, rows: pd.DataFrame, names: dict[str, str],
                   titles: dict[str, str]) -> pd.DataFrame:
    """`events` with when, kind, host, the states named (`rows`: their participants; not those reached
    through the GCC as a body) and the article title as text, for the GCC page's CSV; labels computed
    once per distinct value, the names joined in one group-by."""
    own = rows[rows["via"].astype("string").fillna("") != "gcc_body"]
    states = pd.Series(map_distinct(lambda iso: country(str(iso), names.get(str(iso), str(iso))), own["iso3"]),
                       index=own.index, dtype=object)
    named = states.groupby(own["event_id"].astype(str).to_numpy(), sort=False).agg(_(", ").join).to_dict()
    basis = events["host_basis"] if "host_basis" in events else pd.Series([""] * len(events))
    return events.assign(when=map_distinct(when_label, events["date"], events["year"]),
                         kind=map_distinct(lambda k: kind_label(str(k)), events["kind"]),
                         host=map_distinct(lambda h, b: host_text(h, b, names), events["host_iso3"], basis),
                         states_named=[named.get(str(e), "") for e in events["event_id"]],
                         title=[clean_title(titles.get(d, "")) for d in events["doc"]])
