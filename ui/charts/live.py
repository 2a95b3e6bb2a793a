"""A Plotly chart that the browser updates in place when its figure changes.

`st.plotly_chart` gives a chart an element id that includes its figure, and Streamlit's browser code
keys the chart on that id: every filter change that changes a figure mounts a new chart, which
Plotly draws from scratch (a world map at 1:50m: 250-1,100 ms in the browser). This component keeps
one chart per key and hands it the new figure: `Plotly.react` on the chart already drawn, which
recomputes what changed (the shading of the states, the markers of the timeline) and keeps the rest
(the base map, the axes, the DOM). A rerun with the same figure sends the same string and draws
nothing.

plotly.js is the copy in the installed `plotly` package (`plotly/package_data/plotly.min.js`, the
version that `requirements.txt` pins), served by Streamlit as the static files of a declared
component: nothing is fetched from outside, and the file is not copied into the project. The
browser loads it once per page and caches it.

Clicks come back as the clicked point's `customdata` (a trigger value, as `st.plotly_chart`'s
selection gave it).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path

import plotly
import streamlit as st
from plotly.io.json import to_json_plotly

LOG = logging.getLogger(__name__)

_ASSETS = "plotly_assets"


def _plotly_dir() -> Path | None:
    """The installed plotly package's folder holding plotly.min.js, if it ships one."""
    folder = Path(plotly.__file__).resolve().parent / "package_data"
    return folder if (folder / "plotly.min.js").is_file() else None


JS = r"""
const SRC = "__SRC__";
function loadPlotly() {
  if (window.Plotly && window.Plotly.react) { return Promise.resolve(window.Plotly); }
  if (!window.__egovPlotly) {
    window.__egovPlotly = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(SRC, document.baseURI).href;
      script.async = true;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { window.__egovPlotly = null; reject(new Error('plotly.js could not be loaded')); };
      document.head.appendChild(script);
    });
  }
  return window.__egovPlotly;
}

export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  if (data && data.preload) { loadPlotly().catch(() => {}); return; }  // start loading while the page runs
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
    """Whether the live chart can be drawn here (plotly.js found, components registered)."""
    global _mount
    if _mount is not None:
        return True
    folder = _plotly_dir()
    if folder is None:
        return False
    try:
        import streamlit.components.v1 as components_v1

        # Declared for its static files only (never mounted): Streamlit serves the folder at
        # component/<module>.<name>/, which is how the browser gets plotly.min.js offline.
        components_v1.declare_component(_ASSETS, path=str(folder))
        src = f"component/{__name__}.{_ASSETS}/plotly.min.js"
        _mount = st.components.v2.component("egov_live_plotly", js=JS.replace("__SRC__", src),
                                             isolate_styles=False)
    except Exception:  # an older or newer Streamlit without these APIs: st.plotly_chart is used
        LOG.exception("the live chart component could not be registered; charts use st.plotly_chart")
        return False
    return True


PRELOAD_KEY = "egov_plotly_preload"


def preload() -> None:
    """Start loading plotly.js in the browser now, before the page's first chart is computed.

    An element that draws nothing, hidden with its gap (a style-only st.html takes no room): the
    browser fetches and compiles plotly.js (4.8 MB) while the server still loads the corpus and
    builds the figures, instead of after the first chart arrives."""
    if available():
        st.html(f"<style>.st-key-{PRELOAD_KEY} {{ display: none; }}</style>")
        _mount(key=PRELOAD_KEY, data={"preload": True}, height="content")


def live_chart(fig, key: str, config: dict, alt: str, on_click: Callable[[dict], None] | None = None) -> None:
    """Draw `fig` (a ui.charts.theme.SpecFigure: the themed figure dict, numbers as lists) in the
    chart kept under `key`; `on_click(point)` when a point with customdata is clicked."""
    figure = getattr(fig, "_live_json", None)
    if figure is None:  # once per figure object: the pages keep their figures per filter state
        figure = to_json_plotly(fig.to_dict())  # numpy arrays and dates as Plotly writes them
        fig._live_json = figure
    data = {"figure": figure, "config": json.dumps(config, separators=(",", ":")), "alt": alt,
            "clickable": on_click is not None}
    callbacks = {}
    if on_click is not None:
        def clicked() -> None:
            value = st.session_state.get(key)
            point = getattr(value, "click", None) if value is not None else None
            if isinstance(point, dict):
                on_click(point)
        callbacks["on_click_change"] = clicked
    _mount(key=key, data=data, height="content", **callbacks)
