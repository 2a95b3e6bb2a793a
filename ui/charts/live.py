"""A Plotly chart that the browser updates in place when its figure changes.

`st.plotly_chart` gives a chart an element id that includes its figure, and Streamlit's browser code
keys the chart on that id: every filter change that changes a figure mounts a new chart, which
Plotly draws from scratch (a world map at 1:50m: 250-1,100 ms in the browser). This component keeps
one chart per key and hands it the new figure: `Plotly.react` on the chart already drawn, which
recomputes what changed (the shading of the states, the markers of the timeline) and keeps the rest
(the base map, the axes, the DOM). A rerun with the same figure sends the same string and draws
nothing.

plotly.js is the copy in the installed `plotly` package, served and loaded as ui.plotly_loader says
(the entry point starts loading it before anything else; the charts share its loader).

Clicks come back as the clicked point's `customdata` (a trigger value, as `st.plotly_chart`'s
selection gave it).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable

import streamlit as st
from plotly.io.json import to_json_plotly

from ui import plotly_loader

LOG = logging.getLogger(__name__)

JS = r"""
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (!data || typeof data.figure !== 'string') { return; }
  let gd = parentElement.querySelector(':scope > .egov-live-chart');
  if (!gd) {
    gd = document.createElement('div');
    gd.className = 'egov-live-chart';
    gd.style.width = '100%';
    parentElement.appendChild(gd);
    gd.__egovChain = Promise.resolve();
    gd.__egovRevision = 0;
    // A chart drawn while hidden (a closed tab or expander) or in a column that changes width is
    // fitted again when its box's width differs by a pixel or more from the width Plotly drew with
    // (Plotly itself only follows the window's size); a column's fractional width, or a box that
    // grows in height as the chart is drawn, is no reason to draw again.
    if (window.ResizeObserver) {
      const observer = new ResizeObserver((entries) => {
        const now = entries[0].contentRect.width;
        const drawn = gd._fullLayout && gd._fullLayout.width;
        if (now > 0 && drawn && Math.abs(now - drawn) >= 1 && window.Plotly) {
          window.Plotly.Plots.resize(gd);
        }
      });
      observer.observe(gd);
    }
  }
  // The caption under the chart, drawn here as plain text: one element fewer for Streamlit to send and
  // render again on every filter change, and never read as markdown.
  if (typeof data.caption === 'string') {
    let caption = parentElement.querySelector(':scope > .egov-live-caption');
    if (!caption) {
      caption = document.createElement('p');
      caption.className = 'egov-live-caption';
      caption.style.cssText = 'margin: 0.25rem 0 0; font-size: 0.875rem; line-height: 1.5; opacity: 0.6; '
        + 'overflow-wrap: break-word;';
      parentElement.appendChild(caption);
    }
    if (caption.textContent !== data.caption) { caption.textContent = data.caption; }
  }
  gd.setAttribute('role', 'figure');
  gd.setAttribute('aria-label', data.alt || '');
  gd.__egovTrigger = setTriggerValue;
  if (gd.__egovFigure === data.figure && gd.__egovConfig === data.config) { return; }  // nothing changed
  gd.__egovFigure = data.figure;
  gd.__egovConfig = data.config;
  const figure = JSON.parse(data.figure);
  const config = Object.assign({responsive: true}, JSON.parse(data.config || '{}'));
  const layout = figure.layout || {};
  // A new revision tells Plotly.react that the data arrays are new (they are parsed anew).
  gd.__egovRevision += 1;
  layout.datarevision = gd.__egovRevision;
  delete layout.width;  // the chart fills its column (responsive)
  gd.style.height = (layout.height || 450) + 'px';
  gd.__egovChain = gd.__egovChain.then(loadPlotly).then((Plotly) => {
    if (gd.__egovFigure !== data.figure) { return null; }  // a newer figure came meanwhile
    return Plotly.react(gd, figure.data || [], layout, config);
  }).then(() => {
    if (data.clickable && !gd.__egovClickBound && gd.on) {
      gd.__egovClickBound = true;
      gd.on('plotly_click', (event) => {
        const point = event && event.points && event.points[0];
        if (point && point.customdata !== undefined && gd.__egovTrigger) {
          gd.__egovTrigger('click', {customdata: point.customdata});
        }
      });
    }
  }).catch((error) => { console.error(error); });
}
"""

_mount = None


def available() -> bool:
    """Whether the live chart can be drawn here (plotly.js served, the component registered)."""
    global _mount
    if _mount is not None:
        return True
    loader = plotly_loader.loader_js()
    if loader is None:
        return False
    try:
        _mount = st.components.v2.component("egov_live_plotly", js=loader + JS, isolate_styles=False)
    except Exception:  # an older or newer Streamlit without this API: st.plotly_chart is used
        LOG.exception("the live chart component could not be registered; charts use st.plotly_chart")
        return False
    return True


def live_chart(fig, key: str, config: dict, alt: str, on_click: Callable[[dict], None] | None = None,
               caption: str | None = None) -> None:
    """Draw `fig` (a ui.charts.theme.SpecFigure: the themed figure dict, numbers as lists) in the
    chart kept under `key`, with `caption` as plain text under it; `on_click(point)` when a point with
    customdata is clicked."""
    figure = getattr(fig, "_live_json", None)
    if figure is None:  # once per figure object: the pages keep their figures per filter state
        figure = to_json_plotly(fig.to_dict())  # numpy arrays and dates as Plotly writes them
        fig._live_json = figure
    data = {"figure": figure, "config": json.dumps(config, separators=(",", ":")), "alt": alt,
            "clickable": on_click is not None}
    if caption is not None:
        data["caption"] = caption
    callbacks = {}
    if on_click is not None:
        def clicked() -> None:
            value = st.session_state.get(key)
            point = getattr(value, "click", None) if value is not None else None
            if isinstance(point, dict):
                on_click(point)
        callbacks["on_click_change"] = clicked
    _mount(key=key, data=data, height="content", **callbacks)
