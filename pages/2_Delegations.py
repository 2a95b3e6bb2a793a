"""Delegations: per event the states named vs stated, and how often each state came."""

from __future__ import annotations

import streamlit as st

from ui import figures
from ui.data import country_names
from ui.filters import filter_events, pick_many, year_range
from ui.labels import kind_label, map_distinct, when_label
from ui.layout import chart, corpus_or_stop, csv_download, data_sources, setup_page, table
from ui.review import reviewed_only

setup_page("Delegations")
corpus = reviewed_only(corpus_or_stop(), key="dl_reviewed")
data_sources(corpus, reference=False)

events = corpus.events
participants = corpus.participants
names = country_names(participants)
hosts = sorted({str(h) for h in events["host_iso3"].dropna() if str(h)}, key=lambda iso: names.get(iso, iso))

with st.sidebar:
    st.header("Filters")
    years = year_range("Years", events["year"], key="dl_years")
    kinds = pick_many("Kind of event", sorted(events["kind"].dropna().unique()), key="dl_kind",
                      placeholder="All kinds", format_func=kind_label)
    host_choice = pick_many("Host", hosts, key="dl_host", placeholder="All hosts",
                            format_func=lambda iso: names.get(iso, iso))

shown = filter_events(events, years, kinds=kinds, hosts=host_choice)
counts = figures.state_counts(shown, participants, names)

st.markdown(f"**{len(shown)}** events, **{len(counts)}** states named as taking part.")
chart(figures.delegation_bars(shown), key="dl_bars",
      caption="Grouped bar chart, one pair of bars per event: blue = states the article names one by one, "
              "orange = the number of states the article states (e.g. 'a delegation of 21 states'); "
              "each bar carries its value, and no bar and no value means the article gives no such figure.")

left, right = st.columns([1, 2])
with left:
    chart(figures.frequency_bars(counts), key="dl_freq",
          caption="Horizontal bar chart of the number of events each named state took part in, most first.")
with right:
    chart(figures.engagement_map(counts, "Where the named delegations came from", height=380), key="dl_map", geo=True,
          caption="World map of the same counts: darker = more events; dots mark small states; "
                  "Bahrain, the host, is orange with a star.")

st.subheader("Participants as named in the articles")
named = (participants[participants["event_id"].isin(shown["event_id"])]
         .merge(shown[["event_id", "date", "year", "kind", "host_iso3"]], on="event_id", how="left"))
named = named.assign(order=figures.event_dates(named)).sort_values(["order", "event_id", "start"], ignore_index=True)
named = named.assign(
    when=map_distinct(when_label, named["date"], named["year"]),
    state=[names.get(str(iso), str(iso)) for iso in named["iso3"]],
    host=[names.get(str(iso), str(iso)) for iso in named["host_iso3"].fillna("")],
)[["when", "kind", "host", "state", "iso3", "surface", "via", "event_id", "doc", "start", "end", "review", "extracted", "record_id"]]
named = named.rename(columns={"surface": "as written (Arabic)"})
table(named, key="dl_table")
csv_download(named, "delegations.csv", key="dl_csv")
