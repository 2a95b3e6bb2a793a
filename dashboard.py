"""Entry point: the language switch, the page menu (st.navigation) and the Overview page (headline figures,
timeline, map)."""

from __future__ import annotations

import streamlit as st

from ui import plotly_loader

# First, before the imports below (pandas, plotly, the extractor: most of a second on a new server):
# the browser starts fetching and compiling plotly.js while the server works.
plotly_loader.preload()

import core  # noqa: E402
from ui import charts, measures  # noqa: E402
from ui.data import doc_titles, load_reference, memo, ranking_tables, state_names  # noqa: E402
from ui.filters import (URL, active_filters, filter_events, pick_many, show_flag, show_list, show_years,  # noqa: E402
                        year_range)
from ui.i18n import N_, _, number  # noqa: E402
from ui.labels import column_headers, kind_label  # noqa: E402
from ui.review import reviewed_only  # noqa: E402
from ui.stories import count_switch, one_per_story  # noqa: E402
from ui.layout import (NAVIGATED, chart, corpus_or_stop, csv_download, data_sources, empty_state,  # noqa: E402
                       filtered_view, follow_click, language_switch, setup_page, table, to_evidence, to_profile)


def overview() -> None:
    """Headline figures, a timeline of the events and a world map of the states engaged."""
    setup_page(N_("Bahrain e-government diplomacy"))
    follow_click()
    corpus = reviewed_only(corpus_or_stop(), key="ov_reviewed")
    data_sources(corpus)
    st.markdown(_("UN study visits, foreign delegations and GCC e-government workshops reported in Arabic news, "
                  "next to Bahrain's official rank in the UN E-Government Survey. Pages in the sidebar go deeper."))

    problems = corpus.documents[corpus.documents["status"].isin(["warning", "error"])]
    if len(problems):
        st.warning(_("{n} of {total} articles have problems; the Sources page lists them.").format(
            n=number(len(problems)), total=number(len(corpus.documents))))

    # The headline row: the first two figures follow the filters and are written by the fragment; the
    # other two do not, and are written once per full run (a filter change neither sends nor redraws them).
    events_cell, states_cell, rank_cell, claims_cell = st.columns(4)
    overview_view(corpus, events_cell, states_cell)
    rank_metric(rank_cell, corpus)
    # Last: checking every claim against the UN data (a second at 10,000 articles on a first run)
    # does not depend on the filters, and the charts need not wait for it.
    claims_metric(claims_cell, corpus)

    # Drawn only while open (a closed expander sends nothing): four tables of up to 1,000 rows each
    # would otherwise be sent and laid out before the first chart, and again on every rerun.
    tables_box = st.expander(_("The extracted tables"), key="ov_tables", on_change="rerun", bind=URL)
    if tables_box.open:
        with tables_box:
            extracted_tables(corpus)


@filtered_view
def overview_view(corpus: core.Corpus, events_cell, states_cell) -> None:
    """The filters, the two headline figures they drive (in the cells given), timeline and map: a filter
    change reruns only these."""
    events = corpus.events
    names = state_names(corpus)

    with st.sidebar:
        years = year_range(_("Years"), memo(corpus, "event_years", lambda: events["year"].unique()), key="ov_years")
        kinds = pick_many(_("Kind of event"), memo(corpus, "event_kinds", lambda: sorted(events["kind"].dropna().unique())),
                          key="ov_kind", placeholder=_("All kinds"), format_func=kind_label)
        gcc_only = st.toggle(_("GCC events only"), key="ov_gcc", bind=URL,
                             help=_("Events the article ties to the Gulf Cooperation Council."))
        count_mode = count_switch("ov_count")
    state = ("overview", years, tuple(kinds), gcc_only, count_mode)  # ui.data.memo: nothing recomputed for a state seen before
    shown = memo(corpus, (*state, "events"), lambda: filter_events(events, years, kinds=kinds, gcc_only=gcc_only))
    if count_mode == "stories":  # a story is drawn once: its reports and the mentions of it are one marker
        reports = shown
        shown = memo(corpus, (*state, "stories"), lambda: one_per_story(reports))
    counts = memo(corpus, (*state, "counts"), lambda: measures.state_counts(shown, corpus.participants, names))

    if shown.empty:
        empty_state(_("events"), active_filters(events["year"], [
            ("ov_years", _("Years"), years, None, show_years),
            ("ov_kind", _("Kind of event"), kinds, [], show_list(kind_label)),
            ("ov_gcc", _("GCC events only"), gcc_only, False, show_flag)]), key="ov_empty")
    else:
        titles = doc_titles(corpus)
        timeline = memo(corpus, (*state, "timeline"), lambda: charts.timeline_figure(shown, titles, names))
        period = charts.period_name(timeline.layout.meta)
        if period is None:
            caption = _("Timeline of {n} events: each marker is an event placed at the start of the period the "
                        "article gives (day, month or year), on the row of its kind; its area grows with the number "
                        "of states in the delegation (the number stated, else the states named; grey when the "
                        "article gives neither). Open circles are earlier events an article mentions, open "
                        "diamonds upcoming ones. Hover for the host, how the host and year were found, and the "
                        "article title; click for the article.")
        else:  # many events: one marker per period and kind (charts.timeline_by_period)
            caption = _("Timeline of {n} events, too many for a marker each: each marker is the events of one kind "
                        "in one period ({period}), placed at the period's start; its area is the number of events. "
                        "Open circles are earlier events articles mention, open diamonds upcoming ones. Hover for the "
                        "count, the states in their delegations and an article title; click for that article.")
        chart(timeline, key="ov_timeline", on_click=to_evidence,
              caption=caption.format(n=number(len(shown)), period=period))
        chart(memo(corpus, (*state, "map"), lambda: charts.engagement_map(counts, _("States engaged: events per state"))),
              key="ov_map", geo=True,
              on_click=to_profile,
              caption=_("World map of the {n} states taking part in these events, shaded by the number of events "
                        "that name them (darker = more); light orange: states reached only through the GCC as a "
                        "body; dots mark small states; Bahrain, the host, is orange with a star. Click a state for "
                        "its profile.").format(n=number(len(counts))))
    # The two figures go to cells of the row above the charts, outside this fragment: sent after the
    # charts, so that the browser starts drawing those first.
    engaged = memo(corpus, (*state, "engaged"), lambda: int((counts["named"] > 0).sum()))
    filtered_metrics(events_cell, states_cell, len(shown), engaged, count_mode)


def extracted_tables(corpus: core.Corpus) -> None:
    """The four extracted tables, a tab each, with their CSV downloads."""
    tables = {_("documents"): corpus.documents, _("events"): corpus.events,
              _("participants"): corpus.participants, _("rankings"): corpus.rankings, _("stories"): corpus.stories}
    files = ["documents", "events", "participants", "rankings", "stories"]
    for tab, (name, frame), file in zip(st.tabs(list(tables)), tables.items(), files):
        with tab:
            table(frame, key=f"ov_table_{file}", headers=column_headers(frame))
            csv_download(frame, f"{file}.csv", key=f"ov_csv_{file}", headers=column_headers(frame))


def filtered_metrics(c1, c2, events: int, states: int, count_mode: str = "reports") -> None:
    """The two headline figures the filters drive: events (or stories) and states engaged."""
    if count_mode == "stories":
        c1.metric(_("Stories"), number(events), border=True,
                  help=_("Occasions reported in the articles, after the filters: the articles that report the same "
                         "occasion count once."))
    else:
        c1.metric(_("Events"), number(events), help=_("Events reported in the articles, after the filters."), border=True)
    c2.metric(_("States engaged"), number(states),
              help=_("Distinct states the articles name as taking part, after the filters (states reached only "
                     "through the GCC as a body are not counted)."), border=True)


def rank_metric(c3, corpus: core.Corpus) -> None:
    """The third headline figure: Bahrain's latest official UN rank and its change since the edition before."""
    ranks = memo(corpus, "bahrain_ranks", lambda: bahrain_ranks(load_reference()))
    if ranks:
        year, rank, ranked = ranks[-1]
        delta = None
        if len(ranks) > 1:
            previous_year, previous_rank, _ranked = ranks[-2]
            change = previous_rank - rank  # positive = moved up
            delta = _("{change} places since {year}").format(change=f"{change:+d}", year=number(previous_year))
        c3.metric(_("Bahrain UN rank {year}").format(year=number(year)), number(rank), delta=delta,
                  help=_("Bahrain's official UN E-Government Development Index world rank among {n} countries; a "
                         "positive change means it moved up.").format(n=number(ranked)), border=True)
    else:
        c3.metric(_("Bahrain UN rank"), _("n/a"), border=True)


def bahrain_ranks(reference) -> list[tuple[int, int, int]]:
    """Bahrain's official world ranks as (survey year, rank, countries ranked), oldest first."""
    bahrain = reference[reference["iso3"] == "BHR"].dropna(subset=["egdi_rank"]).sort_values("survey_year")
    return [(int(year), int(rank), int(ranked)) for year, rank, ranked
            in zip(bahrain["survey_year"], bahrain["egdi_rank"], bahrain["ranked_countries"])]


def claims_metric(cell, corpus: core.Corpus) -> None:
    """The fourth headline figure, in `cell`: the article rank claims that match the UN data."""
    def count() -> tuple[int, int]:
        checked, _history = memo(corpus, "ranking_tables", lambda: ranking_tables(corpus.rankings))
        return int((checked["verdict"] == "matches").sum()), len(checked)

    matching, total = memo(corpus, "claims_matching", count)
    cell.metric(_("Claims matching UN"), _("{n} of {total}").format(n=number(matching), total=number(total)),
                help=_("Ranks quoted in the articles, checked against the official data (Ranking trajectory page)."),
                border=True)


# The language switch comes first: the menu's page names are in the chosen language.
st.session_state[NAVIGATED] = True
language_switch()
# No page icons: Streamlit fetches icon images for the favicon from outside hosts, and the
# dashboard must work offline. url_path keeps the addresses English in both languages.
navigation = st.navigation([
    st.Page(overview, title=_("Overview"), default=True),
    st.Page("pages/1_Ranking_trajectory.py", title=_("Ranking trajectory"), url_path="Ranking_trajectory"),
    st.Page("pages/2_Delegations.py", title=_("Delegations"), url_path="Delegations"),
    st.Page("pages/3_GCC_cooperation.py", title=_("GCC cooperation"), url_path="GCC_cooperation"),
    st.Page("pages/4_Sources.py", title=_("Sources"), url_path="Sources"),
    st.Page("pages/5_Review.py", title=_("Review"), url_path="Review"),
    st.Page("pages/6_Country_profile.py", title=_("Country profile"), url_path="Country_profile"),
])
navigation.run()
