"""Dashboard pages under Streamlit's AppTest: each renders, each filter changes what is drawn, URLs seed filters.

Expected values come from the five seed articles and the official UN data (Bahrain: world rank 13 in 2010,
54 in 2022, 18 in 2024). Also unit tests of the pure ui helpers (figures, evidence HTML, loader fingerprint).
"""

from __future__ import annotations

import base64
import json
import re
import shutil
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ui import charts as ui_charts, measures
from ui.data import folder_fingerprint
from ui.evidence import Highlight, highlighted_html
from chart_helpers import charts as page_charts

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "overview": "dashboard.py",
    "ranking": "pages/1_Ranking_trajectory.py",
    "delegations": "pages/2_Delegations.py",
    "gcc": "pages/3_GCC_cooperation.py",
    "sources": "pages/4_Sources.py",
}
SEED_000, SEED_001, SEED_002, SEED_003, SEED_004 = (
    "000_9c6121f5688704d6.txt", "001_5381bd0356d4e17e.txt", "002_00978ef207b782b4.txt",
    "003_895a194b73b9021e.txt", "004_2b448d70e5f7c8b7.txt")
GCC_PEERS = {"SAU", "ARE", "KWT", "QAT", "OMN"}


def decode(value):
    """A Plotly spec array as a list: plotly 7 may write {"dtype", "bdata"(base64)[, "shape"]}."""
    if isinstance(value, dict) and "bdata" in value:
        array = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if "shape" in value:
            array = array.reshape([int(n) for n in str(value["shape"]).split(",")])
        return array.tolist()
    return value


def charts(at: AppTest) -> list[dict]:
    """The figure of every chart on the page, in page order."""
    return [el.figure for el in page_charts(at)]


def chart(at: AppTest, title_start: str) -> dict:
    found = [fig for fig in charts(at) if fig["layout"]["title"]["text"].startswith(title_start)]
    assert len(found) == 1, [fig["layout"]["title"]["text"] for fig in charts(at)]
    return found[0]


def trace(fig: dict, name: str) -> dict:
    found = [t for t in fig["data"] if t.get("name") == name]
    assert len(found) == 1, [t.get("name") for t in fig["data"]]
    return found[0]


def run_page(page: str, **params: str | list[str]) -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGES[page]))
    for key, value in params.items():
        at.query_params[key] = value
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def timeline_docs(at: AppTest) -> set[str]:
    fig = chart(at, "Events by date and kind")
    return {event_id.split("#")[0] for t in fig["data"] for event_id in decode(t["customdata"])}


def map_states(fig: dict) -> set[str]:
    return set(decode(trace(fig, "states engaged")["locations"]))


# ------------------------------------------------------------------ every page renders

@pytest.mark.parametrize("page", list(PAGES))
def test_page_renders_with_sources_line(page):
    at = run_page(page)
    assert not at.error, [e.value for e in at.error]
    captions = " ".join(c.value for c in at.caption)
    assert "Arabic news articles in `seeds/`" in captions
    if page in ("overview", "ranking", "sources"):
        assert "UN E-Government Survey 2003–2024 (UN DESA" in captions
    if page != "sources":
        assert charts(at), "no chart drawn"
        for fig in charts(at):
            assert fig["layout"]["title"]["text"], "every chart has a title"


def test_every_widget_has_a_key():
    for page in PAGES:
        at = run_page(page)
        widgets = [*at.slider, *at.multiselect, *at.toggle, *at.radio, *at.selectbox]
        assert widgets, page
        assert all(w.key for w in widgets), page


# ------------------------------------------------------------------ overview

def test_chart_captions_are_drawn_by_the_live_chart_once():
    """The caption travels with the live chart (drawn under it by the browser) and is not also sent as
    an st.caption: a filter change that keeps a chart sends and redraws nothing of it."""
    at = run_page("overview")
    drawn = {el.figure["layout"]["title"]["text"].split(" (")[0]: el for el in page_charts(at)}
    timeline, states = drawn["Events by date and kind"], drawn["States engaged: events per state"]
    assert timeline.caption.startswith("Timeline of ") and timeline.caption == timeline.alt
    assert states.caption.startswith("World map of the ") and states.caption == states.alt
    assert not [c.value for c in at.caption if c.value.startswith(("Timeline of ", "World map of "))]


@pytest.mark.parametrize("page, widget, value", [("overview", "ov_gcc", True), ("delegations", "dl_count", True),
                                                 ("gcc", "gcc_mode", "body")])
def test_the_filters_heading_is_written_once_outside_the_fragment(page, widget, value):
    at = run_page(page)
    assert [h.value for h in at.sidebar.header] == ["Filters"]
    changed = next(w for w in [*at.sidebar.toggle, *at.sidebar.radio] if w.key == widget)
    changed.set_value(value).run(timeout=60)
    assert not at.exception
    assert [h.value for h in at.sidebar.header] == ["Filters"]


def test_the_headline_row_keeps_its_order_after_a_filter_change():
    at = run_page("overview")
    at.toggle(key="ov_gcc").set_value(True).run(timeout=60)
    assert not at.exception
    assert [m.label for m in at.metric] == ["Stories", "States engaged", "Bahrain UN rank 2024", "Claims matching UN"]
    assert int(at.metric[1].value) == len(map_states(chart(at, "States engaged")))


def test_overview_headline_figures(seeds_corpus):
    at = run_page("overview")
    metrics = {m.label: m for m in at.metric}
    assert metrics["Bahrain UN rank 2024"].value == "18"
    assert "+36 places since 2022" in metrics["Bahrain UN rank 2024"].proto.delta
    assert int(metrics["States engaged"].value) == len(map_states(chart(at, "States engaged")))
    # The fourth, filled after the charts (dashboard.claims_metric), stays in the fourth column.
    from core import reference
    checked = reference.check_claims(seeds_corpus.rankings, reference.load_reference())
    matching = int((checked["verdict"] == "matches").sum())
    assert 0 < matching <= len(checked)
    assert metrics["Claims matching UN"].value == f"{matching} of {len(checked)}"
    assert [m.label for m in at.metric] == ["Stories", "States engaged", "Bahrain UN rank 2024", "Claims matching UN"]
    # Also when the filters leave no event.
    at = run_page("overview", ov_years=["2014", "2015"], ov_kind="workshop")
    assert not page_charts(at)
    assert {m.label: m.value for m in at.metric}["Claims matching UN"] == f"{matching} of {len(checked)}"


def test_overview_kind_filter_leaves_the_workshops():
    at = run_page("overview")
    assert timeline_docs(at) == {SEED_000, SEED_001, SEED_002, SEED_003, SEED_004}
    at.multiselect(key="ov_kind").set_value(["workshop"]).run()
    assert timeline_docs(at) == {SEED_002, SEED_003, SEED_004}
    fig = chart(at, "Events by date and kind")
    assert {y for t in fig["data"] for y in decode(t["y"])} == {"workshop"}


def test_overview_year_filter_changes_timeline_and_map():
    at = run_page("overview")
    at.slider(key="ov_years").set_value((2014, 2015)).run()
    assert timeline_docs(at) == {SEED_000}  # the 2015 UN visit and the 2014 visit it mentions
    xs = [x for t in chart(at, "Events by date and kind")["data"] for x in decode(t["x"])]
    assert sorted(x[:4] for x in xs) == ["2014", "2015"]
    assert "states engaged" not in [t.get("name") for t in chart(at, "States engaged")["data"]]  # none named


def test_overview_gcc_toggle_keeps_gcc_events_and_members():
    at = run_page("overview")
    at.toggle(key="ov_gcc").set_value(True).run()
    assert timeline_docs(at) == {SEED_003, SEED_004}
    assert map_states(chart(at, "States engaged")) == GCC_PEERS


def test_overview_url_seeds_filters():
    at = run_page("overview", ov_kind="visit", ov_years=["2010", "2012"])
    assert at.multiselect(key="ov_kind").value == ["visit"]
    assert at.slider(key="ov_years").value == (2010, 2012)
    assert timeline_docs(at) == {SEED_001}
    assert map_states(chart(at, "States engaged")) == {"PSE", "LBN", "BRN"}


def test_overview_tables_are_sent_only_while_their_expander_is_open(seeds_corpus):
    at = run_page("overview")
    assert [e.label for e in at.expander] == ["The extracted tables"]
    assert len(at.dataframe) == 0  # closed: nothing sent before (or after) the charts
    at = run_page("overview", ov_tables="true")  # opened (a click on it writes this to the URL)
    assert [t.label for t in at.tabs] == ["documents", "events", "participants", "rankings", "stories"]
    assert [len(df.value) for df in at.dataframe] == [len(seeds_corpus.documents), len(seeds_corpus.events),
                                                     len(seeds_corpus.participants), len(seeds_corpus.rankings),
                                                     len(seeds_corpus.stories)]


def test_overview_map_is_offline_with_every_state():
    at = run_page("overview")
    el = page_charts(at)[1]
    fig, config = el.figure, json.loads(el.config)
    assert config["topojsonURL"] == "/app/static/topojson/small_states/"
    assert fig["layout"]["geo"]["resolution"] == 110
    assert decode(trace(fig, "Bahrain (host)")["locations"]) == ["BHR"]
    assert (ROOT / "static" / "topojson" / "small_states" / "world_110m.json").is_file()


# ------------------------------------------------------------------ ranking trajectory

def bahrain_points(fig: dict) -> dict[int, float]:
    t = trace(fig, "Bahrain")
    return dict(zip(decode(t["x"]), decode(t["y"])))


def edition(claims: dict) -> list[int]:
    """Claim markers sit a little right of their edition (ui.charts.CLAIM_DODGE)."""
    return [round(x - ui_charts.CLAIM_DODGE) for x in decode(claims["x"])]


def test_ranking_default_world_view_with_gcc_peers_and_claims():
    at = run_page("ranking")
    fig = chart(at, "Official UN E-Government Survey rank")
    points = bahrain_points(fig)
    assert (points[2010], points[2022], points[2024]) == (13, 54, 18)
    assert len(points) == 12  # editions 2003-2024
    lines = {t["name"] for t in fig["data"] if t["mode"] == "lines+markers"}
    assert lines == {"Bahrain", "Saudi Arabia", "United Arab Emirates", "Kuwait", "Qatar", "Oman"}
    assert fig["layout"]["yaxis"]["range"][0] > fig["layout"]["yaxis"]["range"][1]  # rank 1 on top
    claims = trace(fig, "claim matches UN data")
    assert sorted(zip(edition(claims), decode(claims["y"]))) == [(2010, 13), (2024, 18)]
    assert "المركز" in " ".join(claims["hovertext"])  # the Arabic sentence is in the hover


def test_ranking_peers_filter_changes_lines():
    at = run_page("ranking")
    at.multiselect(key="rk_peers").set_value(["SGP"]).run()
    fig = chart(at, "Official UN E-Government Survey rank")
    assert {t["name"] for t in fig["data"] if t["mode"] == "lines+markers"} == {"Bahrain", "Singapore"}


def test_ranking_scope_gcc_shows_derived_ranks_and_the_gcc_claim():
    at = run_page("ranking")
    at.selectbox(key="rk_scope").set_value("gcc").run()
    fig = chart(at, "Official UN E-Government Survey rank")
    assert fig["layout"]["title"]["text"].endswith("GCC")
    assert bahrain_points(fig)[2010] == 1
    claims = trace(fig, "claim matches UN data")
    assert list(zip(edition(claims), decode(claims["y"]))) == [(2010, 1)]
    assert max(y for t in fig["data"] for y in decode(t["y"])) <= 6  # six GCC states


def test_ranking_egdi_view():
    at = run_page("ranking")
    at.selectbox(key="rk_view").set_value("egdi").run()
    fig = chart(at, "UN E-Government Development Index")
    assert bahrain_points(fig)[2024] == pytest.approx(0.91958, abs=1e-4)
    assert all(0 <= y <= 1 for t in fig["data"] for y in decode(t["y"]))
    assert not [t for t in fig["data"] if t["name"].startswith("claim")]


def test_ranking_url_seeds_view_scope_and_peers():
    at = run_page("ranking", rk_scope="Arab states", rk_peers=["Qatar", "Egypt"])
    assert at.selectbox(key="rk_scope").value == "arab"
    assert at.multiselect(key="rk_peers").value == ["QAT", "EGY"]
    fig = chart(at, "Official UN E-Government Survey rank")
    assert {t["name"] for t in fig["data"] if t["mode"] == "lines+markers"} == {"Bahrain", "Qatar", "Egypt"}


def test_ranking_tables_and_csv_downloads():
    at = run_page("ranking")
    official, claims = at.dataframe[0].value, at.dataframe[1].value
    assert set(official["country"]) == {"Bahrain", "Saudi Arabia", "United Arab Emirates", "Kuwait", "Qatar", "Oman"}
    assert set(claims["verdict"]) == {"matches"} and "sentence (Arabic)" in claims.columns
    assert len(at.get("download_button")) == 3  # figures, claims, every state of the edition


# ------------------------------------------------------------------ delegations

def bar_events(at: AppTest) -> set[str]:
    fig = chart(at, "Delegation size per event")
    return {event_id.split("#")[0] for t in fig["data"] for event_id in decode(t["customdata"])}


def test_delegations_one_size_per_event_with_its_basis():
    at = run_page("delegations")
    fig = chart(at, "Delegation size per event")
    stated, named = trace(fig, "number stated in the article"), trace(fig, "states named in the article")
    assert dict(zip(decode(stated["customdata"]), decode(stated["y"])))[f"{SEED_000}#e1"] == 21
    assert dict(zip(decode(named["customdata"]), decode(named["y"])))[f"{SEED_001}#e1"] == 3
    body = trace(fig, "the GCC's members (named only as a body)")
    assert decode(body["customdata"]) == [f"{SEED_003}#e2", f"{SEED_004}#e1"]


def test_delegations_chart_draws_the_first_events_in_the_chosen_order_and_says_so(monkeypatch, seeds_corpus):
    monkeypatch.setattr(ui_charts, "BAR_LIMIT", 2)
    at = run_page("delegations")
    at.radio(key="dl_order").set_value("size").run()
    fig = chart(at, "Delegation size per event")
    drawn = [event for t in fig["data"] for event in decode(t["customdata"])]
    assert drawn == [f"{SEED_000}#e1", f"{SEED_000}#e2"]  # the two largest: 21 and 15 states stated
    total = len(seeds_corpus.events)
    assert any(f"first 2 of {total} events" in c.value for c in at.caption)
    assert len(at.dataframe[0].value) == total  # the table keeps every event
    monkeypatch.setattr(ui_charts, "BAR_LIMIT", 150)
    assert not any("first 150" in c.value for c in run_page("delegations").caption)


def test_delegations_kind_and_year_filters():
    at = run_page("delegations")
    at.multiselect(key="dl_kind").set_value(["visit"]).run()
    assert bar_events(at) == {SEED_000, SEED_001}
    freq = chart(at, "Events per state")
    assert set(decode(freq["data"][0]["y"])) == {"Palestine", "Lebanon", "Brunei"}
    at.slider(key="dl_years").set_value((2014, 2024)).run()
    assert bar_events(at) == {SEED_000}


def test_delegations_host_filter_and_url():
    at = run_page("delegations", dl_host="Bahrain", dl_kind="workshop")
    assert at.multiselect(key="dl_host").value == ["BHR"]
    assert bar_events(at) == {SEED_002, SEED_003, SEED_004}
    table = at.dataframe[1].value
    assert {"state", "as written (Arabic)"} <= set(table.columns)
    assert "تونس" in " ".join(table["as written (Arabic)"])


# ------------------------------------------------------------------ GCC cooperation

def heatmap(at: AppTest) -> dict:
    return chart(at, "Topics discussed at GCC events")["data"][0]


def test_gcc_heatmap_topics_by_year():
    at = run_page("gcc")
    hm = heatmap(at)
    assert decode(hm["x"]) == ["2013", "2023"]
    assert {"Cloud", "AI", "Digital identity", "E-payment", "Data exchange"} <= set(decode(hm["y"]))


def test_gcc_topic_and_year_filters():
    at = run_page("gcc")
    at.multiselect(key="gcc_topic").set_value(["cloud"]).run()
    assert decode(heatmap(at)["x"]) == ["2023"]
    at = run_page("gcc")
    at.slider(key="gcc_years").set_value((2013, 2020)).run()
    assert decode(heatmap(at)["x"]) == ["2013"]


def gcc_cards(at: AppTest) -> list:
    return [b for b in at.get("html") if 'dir="rtl"' in b.proto.body]


def test_gcc_event_rows_name_the_states_of_each_event_without_the_body(seeds_corpus):
    events, participants = seeds_corpus.events, seeds_corpus.participants
    gcc = events[events["gcc"].fillna(False).astype(bool)]
    rows, positions = measures.participants_by_event(gcc, participants)
    assert set(rows["event_id"]) <= set(gcc["event_id"]) and len(positions) == rows["event_id"].nunique()
    for event, where in positions.items():
        assert set(rows.iloc[where]["event_id"]) == {event}
    names = {"SAU": "Saudi Arabia", "ARE": "United Arab Emirates", "KWT": "Kuwait", "QAT": "Qatar", "OMN": "Oman"}
    table = measures.gcc_event_rows(gcc, rows, names, {})
    for event, cell in zip(table["event_id"], table["states_named"]):  # the slow scan it replaces, as the oracle
        own = participants[(participants["event_id"] == event) & (participants["via"] != "gcc_body")]
        assert cell == ", ".join(names.get(i, i) for i in own["iso3"]), event
    assert any(table["states_named"]) and len(table) == len(gcc)
    assert set(table["kind"]) <= {"conference", "workshop", "meeting", "visit", "award", "training"}


def test_gcc_member_filter_and_cards(seeds_corpus):
    gcc = seeds_corpus.events[seeds_corpus.events["gcc"].fillna(False).astype(bool)]
    kuwait = seeds_corpus.participants.query("iso3 == 'KWT'")
    at = run_page("gcc", gcc_member="Kuwait", gcc_mode="including the GCC as a body")
    assert at.multiselect(key="gcc_member").value == ["KWT"]
    assert len(gcc_cards(at)) == len(set(kuwait["event_id"]) & set(gcc["event_id"]))


# ------------------------------------------------------------------ sources

def article_html(at: AppTest) -> str:
    bodies = [b.proto.body for b in at.get("html") if 'class="article-text"' in b.proto.body]
    assert len(bodies) == 1
    return bodies[0]


def test_sources_url_selects_article_and_highlights_spans(seeds_corpus):
    at = run_page("sources", src_doc=SEED_001)
    assert at.selectbox(key="src_doc").value == SEED_001
    body = article_html(at)
    assert body.startswith('<div dir="rtl" lang="ar"')
    for kind in ("event", "participant", "claim", "rank"):
        assert f'class="hl-{kind}"' in body
    assert "الثالث عشر عالميا" in body
    claims = at.dataframe[2].value  # tabs: events, participants, ranking claims
    assert set(claims["scope"]) == {"world", "asia", "middle_east", "arab", "gcc"}
    assert set(claims["verdict"]) == {"matches"}


def test_sources_selectbox_changes_article():
    at = run_page("sources")
    first = article_html(at)
    at.selectbox(key="src_doc").set_value(SEED_004).run()
    assert article_html(at) != first
    assert "ورشة خليجية" in article_html(at)


def test_sources_shows_problem_documents(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", folder, ignore=shutil.ignore_patterns("reference"))
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 binary \xff\xfe")
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(folder))
    at = run_page("sources")
    notices = [re.sub(r"\\(.)", r"\1", e.value) for e in [*at.error, *at.warning]]  # file names are md-escaped
    assert any("broken.txt" in n for n in notices), notices


# ------------------------------------------------------------------ the shared loader

def test_loader_follows_env_var_and_notices_an_added_file(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", folder, ignore=shutil.ignore_patterns("reference"))
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(folder))
    at = run_page("delegations")
    assert "5 Arabic news articles" in at.caption[0].value
    shutil.copy(folder / SEED_001, folder / "005_copy.txt")
    at.run(timeout=60)
    assert "6 Arabic news articles" in at.caption[0].value


def test_folder_fingerprint_changes_with_content(tmp_path):
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    before = folder_fingerprint(tmp_path)
    (tmp_path / "a.txt").write_text("xy", encoding="utf-8")
    assert folder_fingerprint(tmp_path) != before
    assert folder_fingerprint(tmp_path / "missing") == ""


# ------------------------------------------------------------------ pure helpers

def test_highlighted_html_escapes_article_text_and_never_nests():
    text = 'قال <script>alert("x")</script> & مرحبا\nسطر'
    html_out = highlighted_html(text, [Highlight(0, len(text), "event", "e <1>"), Highlight(4, 12, "participant", "p"),
                                       Highlight(-5, 2, "rank", "clipped"), Highlight(3, 3, "claim", "empty")])
    assert "<script>" not in html_out and "&lt;script&gt;" in html_out
    assert "&amp;" in html_out and "<br>" in html_out and 'title="event evidence — e &lt;1&gt;"' in html_out
    assert html_out.count("<mark") == html_out.count("</mark>") == 4  # rank, event, participant, event
    assert all("<mark" not in inner for inner in re.findall(r"<mark[^>]*>(.*?)</mark>", html_out))


def test_event_dates_use_the_precision_given():
    events = pd.DataFrame({"date": ["2013-06-25", "2023-07", "", None], "year": [2013, 2023, 2015, pd.NA]})
    dates = measures.event_dates(events)
    assert [str(d.date()) if not pd.isna(d) else None for d in dates] == \
        ["2013-06-25", "2023-07-01", "2015-01-01", None]


def test_rank_figure_gives_each_verdict_its_own_symbol_and_colour():
    official = pd.DataFrame({"country_iso3": ["BHR", "BHR"], "survey_year": [2010, 2012], "rank": [13, 36],
                             "egdi": [0.73, 0.69], "tied": [False, False]})
    claims = pd.DataFrame({"country_iso3": ["BHR"] * 3, "survey_year": [2010, 2012, 2012], "scope": ["world"] * 3,
                           "rank": [13, 1, 5], "verdict": ["matches", "differs", "unverifiable"],
                           "official_rank": pd.array([13, 36, None], dtype="Int64"),
                           "evidence": ["<b>جملة</b>", "x", "y"], "doc": ["a.txt", "b.txt", "c.txt"]})
    fig = ui_charts.rank_figure(official, claims, ["BHR"], {"BHR": "Bahrain"}, "rank", "world").to_dict()
    markers = {t["name"]: t["marker"] for t in fig["data"] if t["mode"] == "markers"}
    assert set(markers) == {"claim matches UN data", "claim differs from UN data", "claim unverifiable"}
    assert len({m["symbol"] for m in markers.values()}) == len({m["color"] for m in markers.values()}) == 3
    hover = next(t for t in fig["data"] if t["name"] == "claim matches UN data")["hovertext"][0]
    assert "&lt;b&gt;جملة&lt;/b&gt;" in hover  # article text is escaped in the hover


def test_timeline_marker_size_is_the_delegation_size():
    events = pd.DataFrame({"event_id": ["a#e1", "a#e2", "b#e1"], "doc": ["a", "a", "b"], "role": ["main"] * 3,
                           "kind": ["visit", "visit", "workshop"], "date": ["2015-01", "", ""],
                           "year": pd.array([2015, 2014, None], dtype="Int64"),
                           "countries_stated": pd.array([21, None, None], dtype="Int64"),
                           "countries_named": pd.array([0, 3, 2], dtype="Int64")})
    fig = json.loads(ui_charts.timeline_figure(events, {"a": "عنوان"}).to_json())
    (scatter,) = fig["data"]
    assert decode(scatter["customdata"]) == ["a#e1", "a#e2"]  # the undated event is left out
    assert decode(scatter["marker"]["size"]) == [21, 3]
    assert "عنوان" in scatter["hovertext"][0] and "21 states stated" in scatter["hovertext"][0]
