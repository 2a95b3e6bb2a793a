"""What every chart shares: colours, the offline map configuration, hover text, the finishing layout
(Arabic on the right, time left to right) and integer ticks."""

from __future__ import annotations

import functools
import html
import json
import math
import textwrap
import zlib
from pathlib import Path

import plotly.graph_objects as go

from ui.i18n import is_rtl, number
from ui.labels import (is_missing, text_of)



HOST_COLOUR = "#d95f02"


BAHRAIN_COLOUR = "#c2185b"


UNKNOWN_COLOUR = "#9e9e9e"


BODY_COLOUR = "#fdae6b"  # states reached only through the GCC as a body


# A colour per state that does not depend on which other states are shown (Our World in Data keeps
# an entity's colour across views the same way). The GCC members have fixed colours; other states
# take one from the palette by a checksum of their ISO3 code, so two other states may share one.
# Peer colours avoid the verdict colours (green, red, purple) so a claim marker never reads as a peer.
FIXED_COLOURS = {"BHR": BAHRAIN_COLOUR, "SAU": "#1f77b4", "ARE": "#ff7f0e", "KWT": "#8c564b", "QAT": "#17becf",
                 "OMN": "#7f7f7f"}


PEER_COLOURS = ["#bcbd22", "#e377c2", "#393b79", "#637939", "#843c39", "#6b6ecf", "#e7969c", "#3182bd",
                "#e6550d", "#31a354", "#756bb1", "#636363", "#9c9ede", "#8ca252", "#bd9e39", "#ad494a"]


GROUP_COLOURS = {"Very high EGDI": "#08519c", "High EGDI": "#4292c6", "Middle EGDI": "#9ecae1",
                 "Low EGDI": "#deebf7"}


# The 1:110m world with the 61 small states it lacks taken from the 1:50m file (tools/build_world_topojson.py):
# every state has a polygon, and a map is drawn or updated in about a tenth of the 1:50m time.
GEO_CONFIG = {"topojsonURL": "/app/static/topojson/small_states/", "displaylogo": False}


@functools.cache
def small_states() -> frozenset[str]:
    """ISO3 codes of the states too small for Natural Earth's 1:110m countries: the ones
    tools/build_world_topojson.py added from the 1:50m file (every state of that file that the plain
    1:110m file, static/topojson/world_110m.json, lacks). Their polygons are a few pixels wide on a
    world map, so the maps also mark them with a dot."""
    static = Path(__file__).resolve().parents[2] / "static" / "topojson"
    ids = [{g.get("id") for g in json.loads((static / folder / "world_110m.json").read_text(encoding="utf-8"))
            ["objects"]["countries"]["geometries"]} for folder in ("small_states", ".")]
    return frozenset(str(i) for i in ids[0] - ids[1] if i)


# Bahrain's position, for the host marker (Natural Earth label point of Bahrain).
BAHRAIN_LON_LAT = (50.55, 26.05)


ARABIC_FONT = "'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif"


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
    # At most about 8 ticks: a round step from the list, else the power of ten that gives 8 or fewer.
    step = next((s for s in (1, 2, 5, 10, 20, 25, 50, 100, 250, 500, 1000) if top / s <= 8),
                None) or 10 ** math.ceil(math.log10(top / 8))
    ticks = list(range(0 if not start_at_one else step, int(top) + step, step))
    if start_at_one:
        ticks = [1] + [t for t in ticks if t > 1]
    return ticks, [number(t) for t in ticks]


def count_ticks(largest: int) -> dict:
    """Colour-bar ticks for a count (the map): every whole number up to 10, else Plotly's own (whole numbers).

    A tick per unit up to thousands (10,000 articles: 3,000 events for one state) made the browser
    measure thousands of labels: minutes before the first chart on the overview.
    """
    return {"dtick": 1} if largest <= 10 else {"tickformat": ",d"}


def shorten(text: object, limit: int) -> str:
    """One line of at most `limit` characters (cheap enough for thousands of hover labels)."""
    line = " ".join(text_of(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"
