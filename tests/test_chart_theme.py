"""Streamlit's chart theme written into the figures on the server (ui/charts/theme.py), so that the
browser draws a chart once per filter change: what the figure carries, and what the Overview sends."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from ui.charts.theme import THEME_FILE, missing, themed, themed_once
from chart_helpers import charts as page_charts

ROOT = Path(__file__).resolve().parents[1]
THEME = json.loads(THEME_FILE.read_text(encoding="utf-8"))


def test_the_theme_file_was_read_from_the_installed_streamlit():
    import streamlit

    # The theme is what this version's browser code applies; another version may theme differently.
    assert THEME["streamlit_version"] == streamlit.__version__, "re-read ui/charts/streamlit_theme.json"


def figure() -> go.Figure:
    fig = go.Figure(go.Scatter(x=np.array([1, 2, 3]), y=np.array([2.5, 1.0, 4.0]), mode="markers",
                               marker={"size": np.array([5.0, 9.0, 12.0])}, customdata=["a", "b", "c"]))
    fig.update_layout(title="Events by kind", height=360, margin={"t": 60, "b": 40})
    return fig


def test_the_theme_is_written_into_the_layout_and_the_figure_keeps_its_own_values():
    spec = themed(figure(), "light").to_dict()
    layout = spec["layout"]
    assert "template" not in layout  # a template object would be a new object in the browser's copy
    assert layout["paper_bgcolor"] == THEME["light"]["layout"]["paper_bgcolor"]
    assert layout["font"]["family"] == THEME["light"]["layout"]["font"]["family"]
    assert layout["title"] == {**layout["title"], "text": "Events by kind"}  # the text untouched
    assert layout["title"]["font"]["weight"] == "bold"  # what Streamlit's <b>…</b> drew
    assert layout["margin"]["t"] == 60 and layout["margin"]["b"] == 40  # the figure's own values win
    assert layout["margin"]["l"] == THEME["light"]["layout"]["margin"]["l"]  # the theme fills the rest
    assert layout["height"] == 360
    assert layout["datarevision"] is not None


def test_dark_and_light_differ_and_an_unknown_scheme_is_light():
    light, dark = themed(figure(), "light").to_dict(), themed(figure(), "dark").to_dict()
    assert light["layout"]["paper_bgcolor"] != dark["layout"]["paper_bgcolor"]
    assert dark["layout"]["paper_bgcolor"] == THEME["dark"]["layout"]["paper_bgcolor"]
    assert themed(figure(), "sepia").to_dict()["layout"]["paper_bgcolor"] == light["layout"]["paper_bgcolor"]


def test_numbers_go_as_plain_lists_not_base64():
    spec = themed(figure(), "light").to_dict()
    assert "bdata" not in json.dumps(spec, default=lambda v: v.tolist())
    assert np.asarray(spec["data"][0]["marker"]["size"]).tolist() == [5.0, 9.0, 12.0]
    assert np.asarray(spec["data"][0]["y"]).tolist() == [2.5, 1.0, 4.0]
    grid = go.Figure(go.Heatmap(z=np.array([[1, 2], [3, 4]])))
    assert np.asarray(themed(grid).to_dict()["data"][0]["z"]).tolist() == [[1, 2], [3, 4]]


def test_trace_defaults_of_the_theme_apply_under_the_trace():
    spec = themed(figure(), "light").to_dict()
    expected = THEME["light"]["data"]["scatter"][0]["marker"]["line"]["width"]
    assert spec["data"][0]["marker"]["line"]["width"] == expected
    own = go.Figure(go.Scatter(x=[1], y=[1], marker={"line": {"width": 3}}))
    assert themed(own).to_dict()["data"][0]["marker"]["line"]["width"] == 3


@pytest.mark.parametrize("defaults, actual, expected", [
    ({"a": 1, "b": {"c": 2, "d": 3}}, {"b": {"c": 9}}, {"a": 1, "b": {"d": 3}}),
    ({"a": 1}, {"a": 0}, {}),  # a value the figure sets, even a falsy one, is kept
    ({"minor": {"gridcolor": "#eee"}}, {}, {}),  # an axis given `minor` draws minor grid lines
    ({"minor": {"gridcolor": "#eee"}}, {"minor": {"ticks": "inside"}}, {"minor": {"gridcolor": "#eee"}}),
    ({"tickcolor": "#eee"}, {}, {}),  # an axis given `tickcolor` draws tick marks
    ({"tickcolor": "#eee"}, {"ticks": "outside"}, {"tickcolor": "#eee"}),
], ids=["nested", "falsy-kept", "minor-left-out", "minor-when-set", "tickcolor-left-out", "tickcolor-with-ticks"])
def test_missing(defaults, actual, expected):
    assert missing(defaults, actual) == expected


def test_a_theme_tick_colour_does_not_switch_tick_marks_on():
    layout = themed(figure()).to_dict()["layout"]
    assert "tickcolor" not in layout.get("xaxis", {}) and "minor" not in layout.get("xaxis", {})
    assert layout["xaxis"]["showgrid"] == THEME["light"]["layout"]["xaxis"]["showgrid"]


def test_outside_tick_labels_are_drawn_without_measuring_each_one():
    fig = figure()
    fig.update_layout(xaxis2={"ticklabelposition": "inside"}, yaxis2={"ticklabeloverflow": "hide past div"})
    layout = themed(fig).to_dict()["layout"]
    # the theme's automargin keeps outside labels inside the chart: nothing to hide, so no label measured
    assert layout["xaxis"]["automargin"] is True and layout["yaxis"]["automargin"] is True
    assert (layout["xaxis"]["ticklabeloverflow"], layout["yaxis"]["ticklabeloverflow"]) == ("allow", "allow")
    assert "ticklabeloverflow" not in layout["xaxis2"]  # inside labels keep Plotly's "hide past domain"
    assert layout["yaxis2"]["ticklabeloverflow"] == "hide past div"  # the figure's own value is kept
    assert "ticklabeloverflow" not in fig.layout.xaxis.to_plotly_json()  # the figure itself is not changed
    assert "ticklabeloverflow" not in layout.get("geo", {})


def test_a_clickable_chart_carries_the_modes_streamlit_would_set():
    layout = themed(figure(), selectable=True).to_dict()["layout"]
    assert (layout["clickmode"], layout["hovermode"], layout["dragmode"]) == ("event+select", "closest", "pan")
    mine = figure()
    mine.update_layout(hovermode="x")
    assert themed(mine, selectable=True).to_dict()["layout"]["hovermode"] == "x"
    assert "clickmode" not in themed(figure()).to_dict()["layout"]


def test_themed_once_reuses_the_copy_of_a_figure_and_never_changes_the_original():
    fig = figure()
    before = fig.to_dict()
    first = themed_once(fig, "light", selectable=False)
    assert themed_once(fig, "light", selectable=False) is first
    assert themed_once(fig, "dark", selectable=False) is not first
    assert fig.to_dict() == before
    # The same figure built again (a page without memo) is sent identical: the browser keeps its chart.
    assert themed(figure()).to_json() == first.to_json()


def test_the_overview_sends_themed_figures_without_a_template_or_base64():
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    assert not at.exception
    elements = page_charts(at)
    assert len(elements) == 2
    for el in elements:
        spec = el.figure
        assert "template" not in spec["layout"] and "bdata" not in el.spec
        assert spec["layout"]["paper_bgcolor"] == THEME["light"]["layout"]["paper_bgcolor"]
        assert spec["layout"]["title"]["font"]["weight"] == "bold"
        assert spec["layout"]["clickmode"] == "event+select"  # both charts open a page on click


def test_the_page_starts_loading_plotly_js_first_with_the_loader_the_charts_use():
    from ui import plotly_loader
    from ui.charts import live

    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    assert not at.exception
    scripts = [h.proto.body for h in at.get("html") if "loadPlotly" in h.proto.body]
    assert scripts == [plotly_loader.preload_script()] and scripts[0].startswith("<script>")
    url = "component/ui.plotly_loader.plotly_assets/plotly.min.js"
    assert plotly_loader.script_url() == url and f'new URL("{url}"' in scripts[0]
    assert plotly_loader.loader_js() in scripts[0]  # the same loader (and promise) as the charts'
    assert live.available() and (plotly_loader.plotly_dir() / "plotly.min.js").stat().st_size > 1_000_000
    # In a container hidden by its key (the style goes to the event container: no room taken).
    hidden = [h.proto.body for h in at.get("html") if f".st-key-{plotly_loader.PRELOAD_KEY}" in h.proto.body]
    assert hidden == [f"<style>{plotly_loader.PRELOAD_CSS}</style>"]
    assert len(page_charts(at)) == 2


def test_without_the_live_component_the_charts_are_sent_by_st_plotly_chart(monkeypatch):
    from ui import plotly_loader
    from ui.charts import live

    monkeypatch.setattr(live, "_mount", None)
    monkeypatch.setattr(plotly_loader, "_url", None)
    monkeypatch.setattr(plotly_loader, "plotly_dir", lambda: None)  # plotly.js not found: no live chart
    at = AppTest.from_file(str(ROOT / "dashboard.py"), default_timeout=120)
    at.run()
    assert not at.exception
    assert not at.get("bidi_component")
    assert not any("loadPlotly" in h.proto.body for h in at.get("html"))  # nothing to preload
    elements = at.get("plotly_chart")
    assert len(elements) == 2
    for el in elements:
        assert el.proto.theme == ""  # theme=None: the browser applies nothing more
        assert json.loads(el.proto.spec)["layout"]["title"]["font"]["weight"] == "bold"
    assert [c.figure for c in page_charts(at)] == [json.loads(el.proto.spec) for el in elements]
