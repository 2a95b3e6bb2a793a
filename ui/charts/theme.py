"""Streamlit's chart theme applied on the server, so that the browser draws each chart once.

With `st.plotly_chart(theme="streamlit")` the browser themes a chart twice when it mounts it: once
for its first draw and again in an effect right after, on a JSON copy of the figure. The copy has a
new `layout.template` object and new data arrays; Plotly.react compares both by reference, so the
second pass is a full redraw (and wraps the title in `<b>` a second time). A filter change mounts
every chart again (the chart's element id includes its figure), so every chart was drawn twice.

`themed` gives the browser a figure that needs nothing more: the theme Streamlit would apply
(ui/charts/streamlit_theme.json, light or dark) merged under the figure's own values as explicit
layout and trace attributes (no template object), the bold title as `title.font.weight`,
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
import re
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


# Tick labels past the edge of the chart: for an axis of dates or numbers with its labels outside,
# Plotly's default `ticklabeloverflow` ("hide past div") measures the box of every tick label on each
# draw (a forced layout per label) to hide those past the chart's edge. The axes here push the margins
# out to their labels (`automargin`, from the theme), so no label is past the edge and "allow" draws the
# same labels without measuring them: 7 of the 30 ms Plotly.react takes on the 10,000-article
# timeline's filter change, 3 of 17 ms on the seeds' (a page benchmark, BENCHMARKS.md). An axis with
# its labels inside (default "hide past domain") or its own value keeps it.
AXIS_KEY = re.compile(r"[xy]axis\d*")


def _labels_unmeasured(layout: dict) -> dict:
    """`layout` with ticklabeloverflow="allow" on every cartesian axis whose labels are outside and
    that does not set it (the axis dicts copied, not changed)."""
    out = dict(layout)
    for key, axis in layout.items():
        if (AXIS_KEY.fullmatch(key) and isinstance(axis, dict) and axis.get("ticklabeloverflow") is None
                and "inside" not in str(axis.get("ticklabelposition") or "")):
            out[key] = {**axis, "ticklabeloverflow": "allow"}
    return out


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


class SpecFigure(go.Figure):
    """A figure sent as a prepared dict: st.plotly_chart reads a figure through `to_dict()` only, and
    this one returns its prepared dict (no copy of the data arrays, no base64) instead of rebuilding it."""

    def __init__(self, spec: dict) -> None:
        super().__init__()
        self._spec = spec

    def to_dict(self) -> dict:
        return {key: value for key, value in self._spec.items()}


def _valid_layout(layout: dict) -> dict:
    return go.Layout(layout, skip_invalid=True).to_plotly_json()  # drops what Plotly does not know (title.color)


def _valid_trace(trace_type: str, item: dict) -> dict:
    body = {k: v for k, v in item.items() if k != "type"}
    return go.Figure({"data": [{"type": trace_type, **body}]}, skip_invalid=True).data[0].to_plotly_json()


# The theme as Plotly accepts it, validated once: the layout and, per trace type, its list of items.
_VALID = {scheme: {"layout": _valid_layout(_THEME[scheme]["layout"]),
                   "data": {t: [{k: v for k, v in _valid_trace(t, item).items() if k != "type"} for item in items]
                            for t, items in _THEME[scheme]["data"].items()}}
          for scheme in SCHEMES}


def merge(base: dict, extra: dict) -> dict:
    """`base` with `extra` added (nested dicts merged; `extra` holds only keys `base` lacks)."""
    out = dict(base)
    for key, value in extra.items():
        out[key] = merge(out[key], value) if isinstance(value, dict) and isinstance(out.get(key), dict) else value
    return out


def themed(fig: go.Figure, scheme: str = "light", *, selectable: bool = False) -> SpecFigure:
    """`fig` with the theme of `scheme` ("light" or "dark", else light) written into it, as the
    figure dict st.plotly_chart will send (`fig` itself is not changed).

    What the chart looks like is what theme="streamlit" drew; pass the result with theme=None.
    `selectable`: the chart is drawn with selection_mode="points" (clicks open a page).
    """
    theme = _VALID[scheme if scheme in SCHEMES else "light"]
    spec = plain_arrays(fig.to_dict())  # what st.plotly_chart would have sent, numbers as lists
    layout = {k: v for k, v in spec.get("layout", {}).items() if k != "template"}
    layout = merge(layout, missing(theme["layout"], layout))
    seen: dict[str, int] = {}
    data = []
    for trace in spec.get("data", []):
        kind = trace.get("type", "scatter")
        defaults = theme["data"].get(kind) or []
        index = seen.get(kind, 0)
        seen[kind] = index + 1
        if defaults:  # Plotly's rule for a template: the i-th trace of a type takes item i modulo the list
            trace = merge(trace, missing(defaults[index % len(defaults)], trace))
        data.append(trace)
    title = layout.get("title")
    if isinstance(title, dict) and title.get("text") and (title.get("font") or {}).get("weight") is None:
        layout["title"] = merge(title, {"font": merge(title.get("font") or {}, {"weight": "bold"})})  # Streamlit's <b>…</b>
    if selectable:  # what Streamlit sets in the browser for selection_mode="points" when the figure does not
        layout = merge(layout, missing({"clickmode": "event+select", "hovermode": "closest", "dragmode": "pan"}, layout))
    layout = _labels_unmeasured(layout)
    layout.setdefault("datarevision", DATAREVISION)
    return SpecFigure({**spec, "data": data, "layout": layout})


_CACHE: dict[tuple, tuple[go.Figure, SpecFigure]] = {}
_CACHE_LOCK = threading.Lock()


def themed_once(fig: go.Figure, scheme: str, *, selectable: bool) -> SpecFigure:
    """themed(), once per figure object, scheme and selectability: the pages keep their figures per
    filter state (ui.data.memo), so a state seen before costs no copy. The figure is kept with its
    result (its id is not reused while the entry lives); the last 32 entries are kept (each holds the
    arrays of its figure's dict; ui.data.memo keeps 24 results)."""
    key = (id(fig), scheme, selectable)
    hit = _CACHE.get(key)
    if hit is not None and hit[0] is fig:
        return hit[1]
    result = themed(fig, scheme, selectable=selectable)
    with _CACHE_LOCK:
        _CACHE[key] = (fig, result)
        while len(_CACHE) > 32:
            _CACHE.pop(next(iter(_CACHE)))
    return result
