"""Delegations: one delegation size per event (with its basis), and how often each state came."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import core

from ui import charts, measures
from ui.data import doc_titles, memo, state_names
from ui.filters import URL, active_filters, filter_events, pick_many, show_list, show_years, year_range
from ui.i18n import N_, _, number
from ui.labels import state_label, clean_title, is_missing, isin, kind_label, map_distinct, via_label, when_label
from ui.review import reviewed_only
from ui.charts.stories import BY_SIZE_AND_YEAR, DOT_THRESHOLD, delegation_dots, story_ranges
from ui.stories import count_switch, one_per_story, reports_text, story_reports
from ui.layout import (chart, corpus_or_stop, csv_download, data_sources, empty_state, filtered_view, follow_click,
                       setup_page, table, to_evidence, to_profile)

setup_page(N_("Delegations"))
follow_click()
corpus = reviewed_only(corpus_or_stop(), key="dl_reviewed")
data_sources(corpus, reference=False)


@filtered_view
def delegations_view(corpus: core.Corpus) -> None:
    """The filters and everything they drive: a filter change reruns only this part of the page."""
    events = corpus.events
    participants = corpus.participants
    # What a filter state computes is kept per state (ui.data.memo): a filter change back to a state seen
    # before recomputes nothing, and its charts are sent identical (the browser keeps them as drawn).
    names = state_names(corpus)
    hosts = memo(corpus, "dl_hosts", lambda: sorted({str(h) for h in events["host_iso3"].dropna() if str(h)},
                                                    key=lambda iso: state_label(iso, names)))
    ORDERS = {"date": _("by date"), "size": _("by delegation size")}

    with st.sidebar:
        years = year_range(_("Years"), memo(corpus, "event_years", lambda: events["year"].unique()), key="dl_years")
        kinds = pick_many(_("Kind of event"), memo(corpus, "event_kinds", lambda: sorted(events["kind"].dropna().unique())),
                          key="dl_kind",
                          placeholder=_("All kinds"), format_func=kind_label)
        host_choice = pick_many(_("Host"), hosts, key="dl_host", placeholder=_("All hosts"),
                                format_func=lambda iso: state_label(iso, names))
        count_mode = count_switch("dl_count")
        order = st.radio(_("Order the events"), list(ORDERS), key="dl_order", bind=URL, format_func=ORDERS.get,
                         horizontal=True)


    def filtered() -> tuple:
        """The events of the filter state (one row per story in "stories": the reports of one occasion
        count once), how many reports they come from, the state counts, the delegation measure and the
        reports of each story told by several (event_id -> text)."""
        reports = filter_events(events, years, kinds=kinds, hosts=host_choice)
        rows = one_per_story(reports) if count_mode == "stories" else reports
        many = rows[rows["reports"] > 1] if count_mode == "stories" else rows.iloc[:0]
        texts = {str(e): reports_text(story_reports(corpus, s)) for e, s in zip(many["event_id"], many["story_id"])}
        return (rows, len(reports), measures.state_counts(rows, participants, names),
                measures.delegation_measure(rows, participants), texts)


    state = ("delegations", years, tuple(kinds), tuple(host_choice), count_mode)
    shown, reports_shown, counts, measure, story_text = memo(corpus, (*state, "tables"), filtered)
    # each shown story's range of stated sizes, for the dot plot and the size table
    ranges = memo(corpus, (*state, "ranges"), lambda: story_ranges(corpus.stories, shown))
    titles = doc_titles(corpus)

    if count_mode == "stories":
        st.markdown(_("**{stories}** stories told by **{reports}** reports (articles reporting the same occasion are "
                      "one story).").format(stories=number(len(shown)), reports=number(reports_shown)))
    st.markdown(_("**{events}** events, **{states}** states named as taking part, **{body}** more reached only through "
                  "the GCC as a body.").format(events=number(len(shown)), states=number(int((counts["named"] > 0).sum())),
                                               body=number(int((counts["named"] == 0).sum()))))
    if shown.empty:
        empty_state(_("events"), active_filters(events["year"], [
            ("dl_years", _("Years"), years, None, show_years),
            ("dl_kind", _("Kind of event"), kinds, [], show_list(kind_label)),
            ("dl_host", _("Host"), host_choice, [], show_list(lambda iso: state_label(iso, names)))]),
            key="dl_empty")
        st.stop()

    if len(shown) > DOT_THRESHOLD:
        known = int((measure["size"].notna() & shown["year"].notna()).sum())
        dots = memo(corpus, (*state, "dots"), lambda: delegation_dots(shown, measure, titles, story_text, ranges))
        if dots.layout.meta == BY_SIZE_AND_YEAR:  # many events: one marker per year, size and basis
            caption = _("Dot plot of {known} of {n} {what} (those of known size and year), too many for a dot each: "
                        "each marker is the {what} of one delegation size in one year, its area their number; x the "
                        "year, y the delegation size (orange: the number stated; blue: the states named; light "
                        "orange: the GCC's members). Hover for the count and an article title, click for that "
                        "article.")
            what = _("stories") if count_mode == "stories" else _("events")
        else:
            caption = _("Dot plot, one dot per {what} of known size and year ({known} of {n}): x the year, y the "
                        "delegation size (orange: the number stated; blue: the states named; light orange: the GCC's "
                        "members). A vertical line spans the different sizes the reports of one story state; hover for "
                        "each outlet's figure, click for the article.")
            what = _("story") if count_mode == "stories" else _("event")
        chart(dots, key="dl_dots", on_click=to_evidence,
              caption=caption.format(what=what, known=number(known), n=number(len(shown))))
    else:
        chart(memo(corpus, (*state, order, "bars"),
                   lambda: charts.delegation_bars(shown, measure, titles, order, limit=charts.BAR_LIMIT)),
              key="dl_bars", on_click=to_evidence,
              caption=_("Bar chart, one bar per event: the delegation size is the number of states the article states "
                        "(orange, e.g. 'a delegation of 21 states'), else the states it names one by one (blue), else the "
                        "GCC's members when it names only the council (light orange); 'unknown' stands where the article "
                        "gives no figure at all, never a bar of 0. Hover for the basis and the article title, click for "
                        "the article."))
        if len(shown) > charts.BAR_LIMIT:
            st.caption(_("The chart draws the first {limit} of {n} events in this order; the table below lists them all.")
                       .format(limit=number(charts.BAR_LIMIT), n=number(len(shown))))

    left, right = st.columns([1, 2])
    with left:
        chart(memo(corpus, (*state, "frequency"), lambda: charts.frequency_bars(counts)), key="dl_freq", on_click=to_profile,
              caption=_("Horizontal bar chart of the number of events each state took part in, most first: dark blue "
                        "= named in the article, light orange = reached only through the GCC as a body. Click a state "
                        "for its profile."))
    with right:
        chart(memo(corpus, (*state, "map"), lambda: charts.engagement_map(counts, _("Where the delegations came from"),
                                                                          height=380)), key="dl_map", geo=True,
              on_click=to_profile,
              caption=_("World map of the same counts: darker = more events naming the state; light orange = reached "
                        "only through the GCC as a body; dots mark small states; Bahrain, the host, is orange with a "
                        "star. Click a state for its profile."))

    st.subheader(_("Delegation size per event"))


    def size_rows() -> pd.DataFrame:
        """The table of delegation sizes, in the chosen order."""
        sizes = shown[["event_id", "date", "year", "kind", "doc", "countries_stated"]].join(measure[["named", "via_body", "size",
                                                                                                    "basis"]])
        sizes = sizes.assign(order=measures.event_dates(sizes))
        sizes = (sizes.sort_values(["size", "order"], ascending=[False, True], na_position="last", kind="stable")
                 if order == "size" else sizes.sort_values("order", na_position="last", kind="stable"))
        # The size as text, so an unknown size reads "unknown" (the order radio sorts the rows by size).
        sizes = sizes.assign(when=map_distinct(when_label, sizes["date"], sizes["year"]),
                             kind=map_distinct(lambda k: kind_label(str(k)), sizes["kind"]),
                             size=map_distinct(lambda v: _("unknown") if is_missing(v) else number(int(v)), sizes["size"]),
                             countries_stated=map_distinct(lambda v: "" if is_missing(v) else number(int(v)),
                                                           sizes["countries_stated"]),
                             basis=map_distinct(lambda b: _(measures.BASIS_LABELS[b]), sizes["basis"]),
                             title=map_distinct(lambda d: clean_title(titles.get(d, "")), sizes["doc"]))
        spans = ranges if count_mode == "stories" else {}
        ids = sizes["event_id"].astype(str).tolist()  # a plain list: no Arrow element read per row
        sizes = sizes.assign(reports=[story_text.get(e, "") for e in ids],
                             size=[f"{number(spans[e][0])}–{number(spans[e][1])}" if e in spans else s
                                   for e, s in zip(ids, sizes["size"].tolist())])
        sizes = sizes[["when", "kind", "size", "reports", "basis", "countries_stated", "named", "via_body", "title", "event_id"]]
        return sizes


    sizes = memo(corpus, (*state, order, "sizes"), size_rows)
    size_headers = {"when": _("when"), "kind": _("kind"), "size": _("delegation size"), "reports": _("reports of the story"), "basis": _("basis"),
                    "countries_stated": _("states stated"), "named": _("states named"),
                    "via_body": _("through the GCC as a body"), "title": _("article title"), "event_id": _("event")}
    table(sizes, key="dl_sizes", headers=size_headers)
    csv_download(sizes, "delegation_sizes.csv", key="dl_sizes_csv", headers=size_headers)

    st.subheader(_("Participants as named in the articles"))


    def participant_rows() -> pd.DataFrame:
        """The participants of the shown events, with their labels."""
        dated = shown[["event_id", "date", "year", "kind", "host_iso3"]]
        dated = dated.assign(order=measures.event_dates(dated))  # once per event, not per participant row
        named = (participants[isin(participants["event_id"], shown["event_id"])]
                 .merge(dated, on="event_id", how="left")
                 .sort_values(["order", "event_id", "start"], ignore_index=True))
        named = named.assign(  # labels once per distinct value: this table has a row per participant
            when=map_distinct(when_label, named["date"], named["year"]),
            kind=map_distinct(lambda k: kind_label(str(k)), named["kind"]),
            state=map_distinct(lambda iso: state_label(iso, names), named["iso3"]),
            host=map_distinct(lambda iso: state_label(iso, names) if str(iso) else _("not stated"),
                              named["host_iso3"].fillna("")),
            via=map_distinct(via_label, named["via"]),
        )[["when", "kind", "host", "state", "iso3", "surface", "via", "event_id", "doc", "start", "end", "review", "extracted", "record_id"]]
        return named


    named = memo(corpus, (*state, "participants"), participant_rows)
    participant_headers = {"when": _("when"), "kind": _("kind"), "host": _("host"), "state": _("state"), "iso3": _("ISO3"),
                           "surface": _("as written (Arabic)"), "via": _("how recognised"), "event_id": _("event"),
                           "doc": _("article"), "start": _("start"), "end": _("end")}
    table(named, key="dl_table", headers=participant_headers)
    csv_download(named, "delegations.csv", key="dl_csv", headers=participant_headers)


delegations_view(corpus)
