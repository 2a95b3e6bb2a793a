"""Entry point: the page menu (st.navigation) and the Overview page (headline figures, timeline, map)."""

from __future__ import annotations

import streamlit as st

import core
from ui import figures
from ui.data import country_names, load_reference, ranking_tables
from ui.filters import URL, filter_events, pick_many, year_range
from ui.labels import kind_label
from ui.layout import chart, corpus_or_stop, csv_download, data_sources, setup_page, table


def overview() -> None:
    """Headline figures, a timeline of the events and a world map of the states engaged."""
    setup_page("Bahrain e-government diplomacy")
    corpus = corpus_or_stop()
    data_sources(corpus)
    st.markdown("UN study visits, foreign delegations and GCC e-government workshops reported in Arabic news, "
                "next to Bahrain's official rank in the UN E-Government Survey. Pages in the sidebar go deeper.")

    problems = corpus.documents[corpus.documents["status"].isin(["warning", "error"])]
    if len(problems):
        st.warning(f"{len(problems)} of {len(corpus.documents)} articles have problems; the Sources page lists them.")

    events = corpus.events
    names = country_names(corpus.participants)

    with st.sidebar:
        st.header("Filters")
        years = year_range("Years", events["year"], key="ov_years")
        kinds = pick_many("Kind of event", sorted(events["kind"].dropna().unique()), key="ov_kind",
                          placeholder="All kinds", format_func=kind_label)
        gcc_only = st.toggle("GCC events only", key="ov_gcc", bind=URL,
                             help="Events the article ties to the Gulf Cooperation Council.")

    shown = filter_events(events, years, kinds=kinds, gcc_only=gcc_only)
    counts = figures.state_counts(shown, corpus.participants, names)

    headline_metrics(len(shown), len(counts), corpus)

    timeline = figures.timeline_figure(shown, dict(zip(corpus.documents["doc"], corpus.documents["title"])))
    by_month = any(trace.type == "scattergl" for trace in timeline.data)  # many events: one marker per month
    chart(timeline, key="ov_timeline",
          caption=f"Timeline of {len(shown)} events: each marker is an event placed at the start of the period "
                  "the article gives (day, month or year), on the row of its kind; its area grows with the number "
                  "of states in the delegation (the number stated, else the states named). Open markers are earlier "
                  "events an article mentions. Hover for the article title." if not by_month else
                  f"Timeline of {len(shown)} events, too many for a marker each: each marker is the events of one "
                  "kind in one month (placed at the start of the period the article gives), its area the number of "
                  "events. Open markers are earlier events articles mention. Hover for the count, the states in "
                  "their delegations and an article title.")
    chart(figures.engagement_map(counts, "States engaged: events per state"), key="ov_map", geo=True,
          caption=f"World map of the {len(counts)} states named as taking part in these events, shaded by number "
                  "of events (darker = more); dots mark small states; Bahrain, the host, is orange with a star.")

    with st.expander("The extracted tables"):
        tables = {"documents": corpus.documents, "events": corpus.events, "participants": corpus.participants,
                  "rankings": corpus.rankings}
        for tab, (name, frame) in zip(st.tabs(list(tables)), tables.items()):
            with tab:
                table(frame, key=f"ov_table_{name}")
                csv_download(frame, f"{name}.csv", key=f"ov_csv_{name}")


def headline_metrics(events: int, states: int, corpus: core.Corpus) -> None:
    """Four headline figures: filtered events and states, Bahrain's latest UN rank, claims that match."""
    c1, c2, c3, c4 = st.columns(4)
    c1.metric("Events", events, help="Events reported in the articles, after the filters.", border=True)
    c2.metric("States engaged", states, help="Distinct states named as taking part, after the filters.", border=True)
    reference = load_reference()
    bahrain = reference[reference["iso3"] == "BHR"].dropna(subset=["egdi_rank"]).sort_values("survey_year")
    if len(bahrain):
        latest = bahrain.iloc[-1]
        delta = None
        if len(bahrain) > 1:
            previous = bahrain.iloc[-2]
            change = int(previous["egdi_rank"]) - int(latest["egdi_rank"])  # positive = moved up
            delta = f"{change:+d} places since {int(previous['survey_year'])}"
        c3.metric(f"Bahrain UN rank {int(latest['survey_year'])}", int(latest["egdi_rank"]), delta=delta,
                  help="Bahrain's official UN E-Government Development Index world rank among "
                       f"{int(latest['ranked_countries'])} countries; a positive change means it moved up.",
                  border=True)
    else:
        c3.metric("Bahrain UN rank", "n/a", border=True)
    checked, _ = ranking_tables(corpus.rankings)
    matching = int((checked["verdict"] == "matches").sum())
    c4.metric("Claims matching UN", f"{matching} of {len(checked)}",
              help="Ranks quoted in the articles, checked against the official data (Ranking trajectory page).",
              border=True)


# No page icons: Streamlit fetches icon images for the favicon from outside hosts, and the
# dashboard must work offline.
navigation = st.navigation([
    st.Page(overview, title="Overview", default=True),
    st.Page("pages/1_Ranking_trajectory.py", title="Ranking trajectory"),
    st.Page("pages/2_Delegations.py", title="Delegations"),
    st.Page("pages/3_GCC_cooperation.py", title="GCC cooperation"),
    st.Page("pages/4_Sources.py", title="Sources"),
])
navigation.run()
