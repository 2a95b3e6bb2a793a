"""World maps: states engaged (offline topojson) and the official survey values by state."""

from __future__ import annotations

import html

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from ui.labels import state_label
from ui.i18n import _, country, number

from ui.charts.common import BAHRAIN_LON_LAT, BODY_COLOUR, GROUP_COLOURS, HOST_COLOUR, count_ticks, finish, small_states
from ui.measures import EGDI_GROUPS, MEASURES, egdi_group, measure_label


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
    fig.update_geos(resolution=110, showcountries=True, countrycolor="#9e9e9e", showcoastlines=False,
                    showland=True, landcolor="#eeeeee", showframe=False, projection_type="natural earth",
                    fitbounds="locations" if fit else False, visible=True)
    fig.update_layout(title=title, height=height, margin={"l": 0, "r": 0, "t": 50, "b": 0},
                      legend={"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.8)"})
    return finish(fig, geo=True)


def engagement_map(counts: pd.DataFrame, title: str, host_iso3: str = "BHR", host_name: str | None = None,
                   height: int = 460) -> go.Figure:
    """World choropleth of events per state named, the states reached only through the GCC as a body
    in their own colour, and the host in its own colour.

    Uses the 1:110m topojson with the small states added from the 1:50m file (the plain 1:110m file
    has no Bahrain) and a dot at the centroid of each small state engaged (common.small_states), so
    that it stays visible; a larger state's shading needs none (and each dot is drawn again on every
    filter change). The chart needs
    GEO_CONFIG (the offline topojson; ui.layout.chart passes it with geo=True).
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
    dots = counts[counts["iso3"].astype(str).isin(small_states())] if len(counts) else counts
    if len(dots):  # the small states only: a larger state's shading shows without one
        fig.add_trace(go.Scattergeo(
            locations=dots["iso3"], locationmode="ISO-3", mode="markers", name=_("state engaged (dot)"),
            text=dots["name"], customdata=dots["iso3"], showlegend=False,
            marker={"size": 6, "color": np.where(dots.get("named", dots["events"]) > 0, "#08306b",
                                                 HOST_COLOUR).astype(object),
                    "line": {"width": 1, "color": "white"}},
            hovertemplate="%{text}<extra></extra>",
        ))
    _bahrain_star(fig, host_name, _("{name}: host").format(name=host_name))
    return _geo_layout(fig, title, height, fit=len(counts) > 0)


def survey_map(values: pd.DataFrame, view: str, edition: int, names: dict[str, str], height: int = 480) -> go.Figure:
    """Choropleth of one measure for every state in one edition; Bahrain marked with a star.

    values: reference rows of that edition (iso3 and the measure's column). Ranks are shaded dark
    for the best places. customdata holds the ISO3 code (a click opens the state's profile).
    """
    column, _msgid, higher_better = MEASURES[view]
    column = "egdi_rank" if column == "rank" else column  # the reference table's name for the world rank
    rows = values.dropna(subset=[column])
    label = measure_label(view)
    state_names = [state_label(iso, names) for iso in rows["iso3"].astype(str)]
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
