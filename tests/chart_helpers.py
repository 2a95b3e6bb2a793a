"""The charts of a page run by AppTest, whichever way they were sent.

ui.layout.chart draws a figure with the live chart component (ui.charts.live: the browser updates
it in place) and falls back to st.plotly_chart when the component cannot be registered. AppTest
shows the first as an element of type "bidi_component" whose JSON data holds the figure and the
config as strings; these helpers give both kinds the same face."""

from __future__ import annotations

import json
from dataclasses import dataclass


@dataclass(frozen=True)
class Chart:
    id: str       # the element id (it ends with the chart's key)
    spec: str     # the figure as JSON
    config: str   # the Plotly config as JSON
    alt: str      # the caption given to screen readers
    caption: str | None = None  # the caption the live chart draws under itself (None: an st.caption follows)

    @property
    def figure(self) -> dict:
        return json.loads(self.spec)


def charts(at) -> list[Chart]:
    """Every chart of the page, in page order."""
    out = []
    for el in at.get("bidi_component") + at.get("plotly_chart"):
        proto = el.proto
        if hasattr(proto, "component_name"):
            if proto.component_name != "egov_live_plotly":
                continue
            data = json.loads(proto.json)
            out.append(Chart(proto.id, data["figure"], data["config"], data.get("alt", ""), data.get("caption")))
        else:
            out.append(Chart(proto.id, proto.spec, proto.config, getattr(proto, "alt", "")))
    return out
