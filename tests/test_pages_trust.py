"""The defects an analyst found (an empty CSV, unknown drawn as zero, colours that move, no rank-1 tick, empty
cells, a wrong file name, the GCC body counted as named states, upcoming events drawn as past, empty results
zooming onto Bahrain, hash file names and timestamp titles), each checked on the page or the figure it was seen in.

Seed facts used: article 000 reports a 2015 visit of 21 states and mentions a 2014 one of 15 stated, naming
none; article 002 mentions a 2012 workshop that gives no size; articles 003 (the 2013 conference) and 004
reach the GCC members only through "the GCC states"; article 003's title starts with a timestamp.
"""

from __future__ import annotations

import json

import pandas as pd
import pytest
from test_pages import SEED_000, SEED_002, SEED_003, SEED_004, chart, decode, run_page, trace

from ui import charts, measures
from ui.charts.common import HOST_COLOUR
from ui.labels import clean_title
from ui.layout import csv_bytes
from ui.safety import csv_safe
from chart_helpers import charts as page_charts

GCC = {"SAU", "ARE", "KWT", "QAT", "OMN"}


# ------------------------------------------------------------------ CSV of an empty table

def test_csv_of_an_empty_filtered_table_is_a_header_line():
    empty = pd.DataFrame({"state": pd.Series([], dtype="string"), "n": pd.Series([], dtype="Int64")})
    assert csv_safe(empty).empty
    assert csv_bytes(empty) == "\ufeffstate,n\n".encode("utf-8")


def test_csv_safe_still_defuses_formulas_in_string_columns():
    frame = pd.DataFrame({"cell": pd.Series(["=1+1", "ok", None], dtype="string")})
    assert list(csv_safe(frame)["cell"].astype(object))[:2] == ["'=1+1", "ok"]


# ------------------------------------------------------------------ unknown is not zero

def chart_by_key(at, key: str) -> dict:
    """The figure of the chart whose widget key is `key` (titles change; keys do not)."""
    (found,) = [el.figure for el in page_charts(at) if el.id.endswith(key)]
    return found


def test_no_delegation_is_drawn_as_a_bar_of_zero():
    fig = chart_by_key(run_page("delegations"), "dl_bars")
    bars = [t for t in fig["data"] if t["type"] == "bar"]
    assert all(y > 0 for t in bars for y in decode(t["y"])), [decode(t["y"]) for t in bars]
    by_event = {e: y for t in bars for e, y in zip(decode(t["customdata"]), decode(t["y"]))}
    assert by_event[f"{SEED_000}#e2"] == 15  # "15 stated", not "0 named"
    unknown = trace(fig, "size unknown")
    assert decode(unknown["customdata"]) == [f"{SEED_002}#e2"] and unknown["text"] == ["unknown"]
    assert f"{SEED_002}#e2" not in by_event


def test_delegation_size_is_missing_when_the_article_gives_none():
    events = pd.DataFrame({"countries_stated": pd.array([21, None, None], dtype="Int64"),
                           "countries_named": pd.array([0, 3, 0], dtype="Int64")})
    assert measures.delegation_size(events).tolist() == [21, 3, pd.NA]


# ------------------------------------------------------------------ colours and the rank axis

def line_colours(fig: dict) -> dict[str, str]:
    return {t["name"]: t["line"]["color"] for t in fig["data"] if t.get("mode") == "lines+markers"}


def test_a_peer_keeps_its_colour_when_others_are_removed():
    at = run_page("ranking")
    before = line_colours(chart(at, "Official UN E-Government Survey rank"))
    at.multiselect(key="rk_peers").set_value(["SAU", "QAT"]).run()
    after = line_colours(chart(at, "Official UN E-Government Survey rank"))
    assert after["Qatar"] == before["Qatar"] and after["Saudi Arabia"] == before["Saudi Arabia"]
    assert len(set(before.values())) == len(before)  # the default six lines all differ


def test_rank_axis_has_a_tick_at_rank_one_at_the_top():
    fig = chart(run_page("ranking"), "Official UN E-Government Survey rank")
    axis = fig["layout"]["yaxis"]
    assert 1 in axis["tickvals"] and axis["range"][1] < 1 < axis["range"][0]


def test_each_line_is_labelled_at_its_end():
    fig = chart(run_page("ranking"), "Official UN E-Government Survey rank")
    labels = {a["text"].replace("<b>", "").replace("</b>", "") for a in fig["layout"]["annotations"]}
    assert {"Bahrain", "Qatar", "Oman"} <= labels


# ------------------------------------------------------------------ the figures table and its CSV

@pytest.mark.parametrize("view", ["rank", "egdi"])
def test_the_figures_table_has_no_empty_cells(view):
    at = run_page("ranking", rk_view=measures.MEASURES[view][1])
    table = at.dataframe[0].value
    assert len(table) and not table.isna().any().any(), table[table.isna().any(axis=1)]


def test_the_csv_is_named_after_the_measure():
    at = run_page("ranking", rk_view="EGDI score")
    helps = [b.proto.help for b in at.get("download_button")]
    assert "egdi.csv" in helps[0] and not any("ranking_world" in h for h in helps)


# ------------------------------------------------------------------ the GCC as a body

def test_states_reached_only_through_the_gcc_are_drawn_apart():
    at = run_page("overview", ov_years=["2023", "2024"])  # 002 names Tunisia and Comoros, 004 only "the GCC"
    fig = chart(at, "States engaged")
    assert set(decode(trace(fig, "states engaged")["locations"])) == {"TUN", "COM"}
    assert set(decode(trace(fig, "reached only through the GCC as a body")["locations"])) == GCC


def test_gcc_member_filter_named_explicitly_keeps_only_the_event_that_names_it():
    at = run_page("gcc", gcc_member="Qatar")
    cards = [b for b in at.get("html") if 'dir="rtl"' in b.proto.body]
    assert len(cards) == 1  # only 003's workshop names Qatar; the other two name the council
    at.radio(key="gcc_mode").set_value("body").run()
    assert len([b for b in at.get("html") if 'dir="rtl"' in b.proto.body]) == 3


def test_gcc_page_has_events_by_member_chart_and_csv():
    at = run_page("gcc")
    fig = chart(at, "GCC events by member state")
    named = trace(fig, "named explicitly")
    assert dict(zip(named["y"], decode(named["x"])))["Qatar"] == 1
    assert dict(zip(named["y"], decode(trace(fig, "only through the GCC as a body")["x"])))["Qatar"] == 2
    assert any("gcc_events.csv" in b.proto.help for b in at.get("download_button"))


# ------------------------------------------------------------------ mentioned events: tense and host

def test_an_upcoming_event_is_not_drawn_as_an_earlier_event_hosted_by_bahrain():
    events = pd.DataFrame({
        "event_id": ["a#e1", "a#e2"], "doc": ["a", "a"], "role": ["main", "mentioned"], "kind": ["workshop"] * 2,
        "date": ["", ""], "year": pd.array([2024, 2026], dtype="Int64"),
        "countries_stated": pd.array([None, None], dtype="Int64"), "countries_named": pd.array([2, 0], dtype="Int64"),
        "host_iso3": ["BHR", ""], "host_basis": ["assumed", "not_stated"], "year_basis": ["publication_date", "stated"],
        "tense": ["past", "upcoming"], "note": ["", ""]})
    fig = charts.timeline_figure(events, {"a": "عنوان"}, {"BHR": "Bahrain"}).to_dict()
    names = [t["name"] for t in fig["data"]]
    assert "earlier event mentioned" not in names and "upcoming event mentioned" in names
    upcoming = next(t for t in fig["data"] if t["name"] == "upcoming event mentioned")
    assert "host not stated" in upcoming["hovertext"][0] and "Bahrain" not in upcoming["hovertext"][0]
    reported = next(t for t in fig["data"] if t["name"] == "event reported")["hovertext"][0]
    assert "host assumed: Bahrain" in reported and "year from the publication date" in reported


def test_gcc_cards_show_the_year_basis():
    at = run_page("gcc")
    cards = " ".join(b.proto.body for b in at.get("html") if 'dir="rtl"' in b.proto.body)
    assert "year from the publication date" in cards


# ------------------------------------------------------------------ empty results

def test_an_empty_result_names_its_filters_and_resets_them():
    at = run_page("overview", ov_years=["2014", "2015"], ov_kind="workshop")
    assert not page_charts(at)  # no map zoomed onto Bahrain, no axis from -1 to 5
    (info,) = at.info
    assert "Years: 2014–2015" in info.value and "Kind of event: workshop" in info.value
    at.button(key="ov_empty_reset").click().run()
    assert at.multiselect(key="ov_kind").value == [] and len(page_charts(at)) == 2


def test_the_map_marks_only_small_states_with_a_dot():
    # Natural Earth's 1:110m countries have Saudi Arabia and Qatar but not Bahrain, Singapore or Malta.
    counts = pd.DataFrame({"iso3": ["SAU", "QAT", "BHR", "SGP", "MLT"], "name": ["a", "b", "c", "d", "e"],
                           "events": [4, 3, 2, 1, 1], "named": [4, 3, 2, 1, 0], "via_body": [0, 0, 0, 0, 1]})
    fig = charts.engagement_map(counts, "t")
    (dots,) = [t for t in fig.data if t.name == "state engaged (dot)"]
    assert list(dots.locations) == ["BHR", "SGP", "MLT"]
    assert list(dots.marker.color) == ["#08306b", "#08306b", HOST_COLOUR]  # Malta: through the GCC only
    shaded = [t for t in fig.data if t.name == "states engaged"][0]
    assert list(shaded.locations) == ["SAU", "QAT", "BHR", "SGP"]
    large = counts[counts["iso3"].isin(["SAU", "QAT"])]
    assert not [t for t in charts.engagement_map(large, "t").data if t.name == "state engaged (dot)"]


def test_a_map_with_no_state_shows_the_world():
    empty = pd.DataFrame(columns=["iso3", "name", "events", "named", "via_body"])
    assert charts.engagement_map(empty, "t").layout.geo.fitbounds is False


@pytest.mark.parametrize(("page", "params", "what"), [
    ("delegations", {"dl_years": ["2014", "2015"], "dl_kind": "workshop"}, "Kind of event: workshop"),
    ("gcc", {"gcc_years": ["2013", "2013"], "gcc_topic": "Cloud"}, "Topic: Cloud"),
])
def test_every_page_has_an_empty_state(page, params, what):
    at = run_page(page, **params)
    assert what in at.info[0].value and at.button(key=f"{'dl' if page == 'delegations' else 'gcc'}_empty_reset")


# ------------------------------------------------------------------ article titles

def test_timestamp_and_dateline_are_cleaned_off_a_title():
    assert clean_title("2013/06/26 - 53 : 08 PM المنامة في 26 يونيو/ بنا / كشف مسئولون خليجيون") == \
        "كشف مسئولون خليجيون"
    assert clean_title("ورشة خليجية توصي بتوحيد") == "ورشة خليجية توصي بتوحيد"


def test_articles_are_listed_by_date_and_title():
    box = run_page("sources", src_doc=SEED_003).selectbox(key="src_doc")
    assert box.value == SEED_003
    assert not any(".txt" in o or "2013/06/26" in o for o in box.options), box.options
    assert any(o.startswith("26 June 2013 · كشف مسئولون خليجيون") for o in box.options), box.options


def test_a_click_opens_the_evidence_of_an_event():
    from ui.layout import to_evidence, to_profile
    assert to_evidence({"customdata": f"{SEED_004}#e1"}) == ("pages/4_Sources.py", {"src_doc": SEED_004})
    assert to_profile({"customdata": "OMN"}) == ("pages/6_Country_profile.py", {"iso3": "OMN"})
    assert to_profile({"customdata": SEED_003}) is None
