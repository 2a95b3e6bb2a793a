"""Streamlit's chart theme applied on the server, so that the browser draws each chart once.

With `st.plotly_chart(theme="streamlit")` the browser themes a chart twice when it mounts it: once
for its first draw and again in an effect right after, on a JSON copy of the figure. The copy has a
new `layout.template` object and new data arrays; Plotly.react compares both by reference, so the
second pass is a full redraw (and wraps the title in `<b>` a second time). A filter change mounts
every chart again (the chart's element id includes its figure), so every chart was drawn twice.

`themed` gives the browser a figure that needs nothing more: the theme Streamlit would apply
(ui/charts/streamlit_theme.json, light or dark) merged under the figure's own values as explicit
layout and trace attributes (no template object), the bold title as `title.font.weight`, a
a constant `layout.datarevision` (arrays of the same revision are not compared by reference; a
chart's data never change while it is mounted, as a changed figure is a new element), numbers as
plain JSON lists (Plotly.react compares a base64 typed array by reference even then: a chart with
a `marker.size` array was still drawn twice), and for a clickable chart the click, hover and drag
modes Streamlit would set. The chart is then passed with `theme=None`: the browser's JSON copy is
equal to what it drew, and Plotly.react only restyles.
"""

from __future__ import annotations

import base64
import json
import threading
from pathlib import Path
from typing import Any

import numpy as np
import plotly.graph_objects as go

THEME_FILE = Path(__file__).with_name("streamlit_theme.json")
SCHEMES = ("light", "dark")
_THEME: dict[str, Any] = {scheme: body for scheme, body in json.loads(THEME_FILE.read_text(encoding="utf-8")).items()
                          if scheme in SCHEMES}
if set(_THEME) != set(SCHEMES) or any(set(_THEME[s]) != {"data", "layout"} for s in SCHEMES):
    raise ValueError(f"{THEME_FILE.name}: expected 'light' and 'dark', each with 'data' and 'layout'")

# Plotly.react recomputes a chart whose data arrays are new objects unless layout.datarevision is
# set and unchanged. A constant is right here: st.plotly_chart's element id includes the figure, so
# new data always arrive in a newly mounted chart, never through Plotly.react on the old one; and an
# unchanged figure keeps an unchanged element id (the browser keeps the chart as drawn).
DATAREVISION = "element"

# Attributes whose mere presence changes a chart when written into it, where a template's only set
# defaults (Plotly reads them as "given by the author"): an axis with `minor` set draws minor grid
# lines and ticks; one with `tickcolor` set draws tick marks. Each is written only when the figure
# sets the attribute named beside it (itself for a container).
PRESENCE_SWITCHES = {"minor": "minor", "rangeselector": "rangeselector", "rangeslider": "rangeslider",
                     "tickcolor": "ticks"}


def missing(defaults: dict, actual: dict) -> dict:
    """The parts of `defaults` that `actual` does not set (nested dicts compared key by key)."""
    out = {}
    for key, value in defaults.items():
        if key in PRESENCE_SWITCHES and actual.get(PRESENCE_SWITCHES[key]) is None:
            continue
        have = actual.get(key)
        if isinstance(value, dict) and (have is None or isinstance(have, dict)):
            sub = missing(value, have or {})
            if sub:
                out[key] = sub
        elif have is None:
            out[key] = value
    return out


def plain_arrays(value: Any) -> Any:
    """`value` (a figure dict) with every base64 typed array ({"dtype", "bdata"[, "shape"]}) as a
    numpy array again, which Plotly's JSON encoder writes as a plain list."""
    if isinstance(value, dict):
        if "bdata" in value and "dtype" in value:
            array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
            if value.get("shape"):
                array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
            return array
        return {key: plain_arrays(item) for key, item in value.items()}
    if isinstance(value, list):
        return [plain_arrays(item) for item in value]
    return value


class PlainArrayFigure(go.Figure):
    """A figure whose dict (what st.plotly_chart sends) has its numbers as plain lists, not base64."""

    def to_dict(self) -> dict:
        return plain_arrays(super().to_dict())


def themed(fig: go.Figure, scheme: str = "light", *, selectable: bool = False) -> PlainArrayFigure:
    """A copy of `fig` with the theme of `scheme` ("light" or "dark", else light) written into it.

    What the chart looks like is what theme="streamlit" drew; pass the result with theme=None.
    `selectable`: the chart is drawn with selection_mode="points" (clicks open a page).
    """
    theme = _THEME[scheme if scheme in SCHEMES else "light"]
    out = PlainArrayFigure(fig)
    out.layout.template = None
    out.update_layout(go.Layout(missing(theme["layout"], out.layout.to_plotly_json()), skip_invalid=True).to_plotly_json())
    seen: dict[str, int] = {}
    for trace in out.data:
        defaults = theme["data"].get(trace.type) or []
        index = seen.get(trace.type, 0)
        seen[trace.type] = index + 1
        if defaults:  # Plotly's rule for a template: the i-th trace of a type takes item i modulo the list
            extra = {k: v for k, v in missing(defaults[index % len(defaults)], trace.to_plotly_json()).items()
                     if k != "type"}
            if extra:
                trace.update(type(trace)(extra, skip_invalid=True).to_plotly_json())
    if out.layout.title.text and out.layout.title.font.weight is None:
        out.update_layout(title_font_weight="bold")  # what Streamlit's <b>…</b> around the title drew
    if selectable:  # what Streamlit sets in the browser for selection_mode="points" when the figure does not
        out.update_layout(clickmode=out.layout.clickmode or "event+select", hovermode=out.layout.hovermode or "closest",
                          dragmode=out.layout.dragmode or "pan")
    if out.layout.datarevision is None:
        out.layout.datarevision = DATAREVISION
    return out


_CACHE: dict[tuple, tuple[go.Figure, PlainArrayFigure]] = {}
_CACHE_LOCK = threading.Lock()


def themed_once(fig: go.Figure, scheme: str, *, selectable: bool) -> PlainArrayFigure:
    """themed(), once per figure object, scheme and selectability: the pages keep their figures per
    filter state (ui.data.memo), so a state seen before costs no copy. The figure is kept with its
    result (its id is not reused while the entry lives); the last 64 entries are kept."""
    key = (id(fig), scheme, selectable)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is fig:
        return hit[1]
    result = themed(fig, scheme, selectable=selectable)
    with _CACHE_LOCK:
        _CACHE[key] = (fig, result)
        while len(_CACHE) > 64:
            _CACHE.pop(next(iter(_CACHE)))
    return result
