"""Ranking trajectory: Bahrain's official UN E-Government rank by edition, peers, regions and article claims."""

from __future__ import annotations

import streamlit as st

from core import reference
from ui import figures
from ui.data import country_names, gcc_members, load_reference, ranking_tables
from ui.filters import URL, pick_many
from ui.labels import SCOPE_ORDER, scope_label
from ui.layout import chart, corpus_or_stop, csv_download, data_sources, setup_page, table
from ui.review import reviewed_only, with_review

setup_page("Ranking trajectory")
corpus = reviewed_only(corpus_or_stop(), key="rk_reviewed")
data_sources(corpus)

official_ref = load_reference()
checked, history = ranking_tables(corpus.rankings)
names = country_names(corpus.participants)
states = sorted(set(official_ref["iso3"].astype(str)) - {"BHR"}, key=lambda iso: names.get(iso, iso))
bahrain_scopes = set(history.loc[history["country_iso3"] == "BHR", "scope"].dropna())
scopes = [s for s in SCOPE_ORDER if s in bahrain_scopes]

with st.sidebar:
    st.header("View")
    view = st.radio("Measure", ["Rank", "EGDI score"], key="rk_view", bind=URL, horizontal=True,
                    help="Rank: position among the states of the chosen scope (1 = best). EGDI: the UN "
                         "E-Government Development Index, 0–1, the score the ranks are made from.")
    scope = st.selectbox("Ranked among", scopes, key="rk_scope", bind=URL, format_func=scope_label,
                         disabled=view != "Rank",
                         help="World ranks are the UN's; regional ranks are derived from them by ranking "
                              "the members of the region by their world rank.")
    peers = pick_many("Compare with", states, key="rk_peers", placeholder="Bahrain alone",
                      format_func=lambda iso: names.get(iso, iso),
                      default=[iso for iso in gcc_members() if iso != "BHR"])

scope = scope if view == "Rank" else "world"
countries = ["BHR", *peers]
in_scope = history[(history["scope"] == scope) & history["country_iso3"].isin(countries)]
official = in_scope[in_scope["source"] == "official"]
claims = in_scope[in_scope["source"] == "article"]

st.markdown(f"Bahrain and {len(peers)} other state(s), UN E-Government Survey editions 2003–2024. "
            "Markers with a verdict are ranks quoted in the articles, checked against the official data.")
chart(figures.rank_figure(official, claims, countries, names, "rank" if view == "Rank" else "egdi", scope),
      key="rk_chart",
      caption=(f"Line chart of the official {scope_label(scope)} rank of Bahrain (thick line) and the chosen "
               "states in each survey edition, rank 1 at the top. Claims from the articles are drawn as "
               "markers just right of their edition: circle = matches the UN data, cross = differs, open "
               "diamond = cannot be checked; hover a claim for its Arabic sentence, article and verdict.")
      if view == "Rank" else
      ("Line chart of the UN E-Government Development Index (0–1) of Bahrain (thick line) and the chosen "
       "states in each survey edition. Article claims are ranks, so they appear in the rank view only."))

if view == "Rank" and scope != "world":
    st.caption(f"{scope_label(scope)} ranks are derived from the world ranks over this membership list: "
               f"{reference.MEMBERSHIP_SOURCES.get(scope, scope)}.")
missing = [names.get(iso, iso) for iso in countries if iso not in set(official["country_iso3"])]
if missing:
    st.caption(f"No official {scope_label(scope)} rank for: {', '.join(missing)} (not a member of the scope "
               "or not assessed).")
elsewhere = checked[(checked["scope"] != scope) & checked["country_iso3"].isin(countries)]
if view == "Rank" and len(elsewhere):
    per_scope = elsewhere.groupby("scope").size()
    st.caption("Article claims in other scopes (choose the scope to see them): "
               + ", ".join(f"{scope_label(s)} ({n})" for s, n in per_scope.items()) + ".")

st.subheader("The figures behind the chart")
plotted = in_scope.assign(country=[names.get(iso, iso) for iso in in_scope["country_iso3"]])
plotted = plotted[["country", "country_iso3", "survey_year", "scope", "source", "rank", "egdi", "tied",
                   "official_rank", "verdict", "doc", "claim_id", "evidence"]]
plotted = with_review(plotted, corpus.rankings, on="claim_id")
plotted = plotted.sort_values(["source", "country", "survey_year"], ignore_index=True)
table(plotted, key="rk_table")
csv_download(plotted, f"ranking_{scope}.csv", key="rk_csv")
