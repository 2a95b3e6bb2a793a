"""GCC cooperation: Gulf Cooperation Council e-government events by member state, topic and year."""

from __future__ import annotations

import streamlit as st

from ui import figures
from ui.data import country_names, gcc_members
from ui.evidence import rtl_block
from ui.filters import filter_events, pick_many, year_range
from ui.labels import kind_label, split_list, text_of, topic_label, when_label
from ui.layout import chart, corpus_or_stop, data_sources, setup_page
from ui.review import review_mark, reviewed_only
from ui.safety import md_escape

CARD_LIMIT = 50  # each card is several elements; thousands would make every rerun slow

setup_page("GCC cooperation")
corpus = reviewed_only(corpus_or_stop(), key="gcc_reviewed")
data_sources(corpus, reference=False)

gcc_events = filter_events(corpus.events, gcc_only=True)
participants = corpus.participants
names = country_names(participants)
members = sorted(gcc_members(), key=lambda iso: names.get(iso, iso))
topics = sorted({t for cell in gcc_events["topics"] for t in split_list(cell)}, key=topic_label)

with st.sidebar:
    st.header("Filters")
    years = year_range("Years", gcc_events["year"], key="gcc_years")
    chosen_members = pick_many("Member state", members, key="gcc_member", placeholder="All member states",
                               format_func=lambda iso: names.get(iso, iso))
    chosen_topics = pick_many("Topic", topics, key="gcc_topic", placeholder="All topics", format_func=topic_label)

shown = filter_events(gcc_events, years)
if chosen_members:
    # A member is involved when the article names it as a participant or as the host.
    involved = set(participants.loc[participants["iso3"].isin(chosen_members), "event_id"])
    shown = shown[shown["event_id"].isin(involved) | shown["host_iso3"].isin(chosen_members)]
if chosen_topics:
    shown = shown[[bool(set(split_list(cell)) & set(chosen_topics)) for cell in shown["topics"]]]

st.markdown(f"**{len(shown)}** of {len(gcc_events)} GCC events match the filters.")
topic_table = figures.topic_year_table(shown)
if not topic_table.empty:
    chart(figures.topic_heatmap(topic_table), key="gcc_heatmap",
          caption="Heatmap of topics (rows) by year (columns): each cell counts the GCC events of that year "
                  "whose article discusses the topic; darker green = more events.")
else:
    st.info("No topics recorded for the GCC events that match the filters.")

st.subheader("Events")
cards = shown.sort_values(["year", "date"], na_position="last")
if len(cards) > CARD_LIMIT:
    st.caption(f"The first {CARD_LIMIT} of {len(cards)} events by date; narrow the filters to see the others.")
for row in cards.head(CARD_LIMIT).itertuples():
    named = participants[participants["event_id"] == row.event_id]
    with st.container(border=True, key=f"gcc_card_{row.Index}"):
        # Card text comes from the tables (names, codes, the file name): shown as text, never as Markdown.
        host = names.get(text_of(row.host_iso3), text_of(row.host_iso3)) or "not stated"
        st.markdown(f"**{md_escape(when_label(row.date, row.year))} · {md_escape(kind_label(str(row.kind)))}** — "
                    f"host: {md_escape(host)}")
        states = ", ".join(names.get(str(i), str(i)) for i in named["iso3"]) or "none named"
        organizations = ", ".join(split_list(row.organizations)) or "none named"
        st.markdown(f"States named: {md_escape(states)}  \nOrganizations: {md_escape(organizations)}")
        if split_list(row.topics):
            with st.container(horizontal=True, gap="small"):
                for topic in split_list(row.topics):
                    st.badge(topic_label(topic), color="green")
        review_mark(row._asdict())
        st.html(rtl_block(row.evidence))
        st.caption(f"Evidence from {md_escape(row.doc)} (characters {row.start}–{row.end}); see the Sources page.")
