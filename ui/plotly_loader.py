"""plotly.js for the browser: where it is served from, the loader the live charts share, and the
preload that the entry point emits before it imports anything heavy.

The file is the copy in the installed `plotly` package (`plotly/package_data/plotly.min.js`, the
version `requirements.txt` pins), served by Streamlit as the static files of a declared component:
nothing is fetched from outside and nothing is copied into the project. This module imports only
Streamlit: the entry point calls `preload()` first, so that the browser fetches and compiles
plotly.js (4.8 MB, about a second of CPU) while the server still imports pandas, plotly and the
extractor, loads the corpus and builds the first figures.
"""

from __future__ import annotations

import logging
from importlib.util import find_spec
from pathlib import Path

import streamlit as st

LOG = logging.getLogger(__name__)

ASSETS = "plotly_assets"
PRELOAD_KEY = "egov_plotly_preload"

# One loader for the page: the preload and every live chart share the promise, so the file is
# fetched and evaluated once however many ask for it, and in whichever order.
LOADER_JS = r"""
function loadPlotly() {
  if (window.Plotly && window.Plotly.react) { return Promise.resolve(window.Plotly); }
  if (!window.__egovPlotly) {
    window.__egovPlotly = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL("__SRC__", document.baseURI).href;
      script.async = true;
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { window.__egovPlotly = null; reject(new Error('plotly.js could not be loaded')); };
      document.head.appendChild(script);
    });
  }
  return window.__egovPlotly;
}
"""

# The container and the layout wrapper Streamlit puts around it (which would keep a gap's room).
PRELOAD_CSS = (f".st-key-{PRELOAD_KEY}, [data-testid=stLayoutWrapper]:has(> .st-key-{PRELOAD_KEY}) "
               "{ display: none; }")

_url: str | None = None


def plotly_dir() -> Path | None:
    """The installed plotly package's folder holding plotly.min.js, if it ships one (found without
    importing plotly)."""
    spec = find_spec("plotly")
    if spec is None or not spec.submodule_search_locations:
        return None
    folder = Path(next(iter(spec.submodule_search_locations))).resolve() / "package_data"
    return folder if (folder / "plotly.min.js").is_file() else None


def script_url() -> str | None:
    """The page-relative address of plotly.min.js, its folder declared once; None without it."""
    global _url
    if _url is None:
        folder = plotly_dir()
        if folder is None:
            return None
        try:
            import streamlit.components.v1 as components_v1

            # Declared for its static files only (never mounted): Streamlit serves the folder at
            # component/<module>.<name>/.
            components_v1.declare_component(ASSETS, path=str(folder))
        except Exception:  # a Streamlit without declared components: charts use st.plotly_chart
            LOG.exception("plotly.js could not be served; charts use st.plotly_chart")
            return None
        _url = f"component/{__name__}.{ASSETS}/plotly.min.js"
    return _url


def loader_js() -> str | None:
    """LOADER_JS with the file's address, or None when plotly.js cannot be served."""
    url = script_url()
    return None if url is None else LOADER_JS.replace("__SRC__", url)


def preload_script() -> str | None:
    """The page's own script that starts loading plotly.js (no article text in it), or None."""
    loader = loader_js()
    return None if loader is None else f"<script>{loader}\nloadPlotly().catch(() => {{}});</script>"


def preload() -> None:
    """Start loading plotly.js in the browser now: a script in a hidden container (a style-only
    st.html takes no room), run as soon as the browser receives it. Without plotly.js, nothing."""
    script = preload_script()
    if script is None:
        return
    st.html(f"<style>{PRELOAD_CSS}</style>")
    with st.container(key=PRELOAD_KEY):
        st.html(script, unsafe_allow_javascript=True)
