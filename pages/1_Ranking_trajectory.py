"""Ranking trajectory: Bahrain's UN E-Government Survey measures by edition, peers, regions, article claims;
a map and a table of every state in one edition."""

from __future__ import annotations

import streamlit as st

from core import reference
from ui import charts, measures
from ui.data import gcc_members
from ui.filters import URL, pick_many
from ui.i18n import N_, _, frozen, number
from ui.labels import state_label, SCOPE_ORDER, scope_label, verdict_label
from ui.review import with_review
from ui.layout import (survey_page, chart, csv_download, open_profile_row, table, to_profile, to_record)

view_data = survey_page(N_("Ranking trajectory"), reviewed_key="rk_reviewed")
corpus, official_ref, checked, history, names = (view_data.corpus, view_data.reference, view_data.checked,
                                                 view_data.history, view_data.names)
states = sorted(set(official_ref["iso3"].astype(str)) - {"BHR"}, key=lambda iso: state_label(iso, names))
bahrain_scopes = set(history.loc[history["country_iso3"] == "BHR", "scope"].dropna())
scopes = [s for s in SCOPE_ORDER if s in bahrain_scopes]
editions = sorted(int(y) for y in official_ref["survey_year"].dropna().unique())

with st.sidebar:
    st.header(_("View"))
    view = st.selectbox(_("Measure"), list(measures.MEASURES), key="rk_view", bind=URL,
                        format_func=frozen(measures.measure_label),
                        help=_("Rank: position among the states of the chosen scope (1 = best). EGDI: the UN "
                               "E-Government Development Index, 0–1, the mean of its three sub-indices: online "
                               "services (OSI), human capital (HCI) and telecommunication infrastructure (TII). "
                               "E-participation rank: computed from the E-Participation Index. EGDI group: the "
                               "UN's four bands of the EGDI."))
    scope = st.selectbox(_("Ranked among"), scopes, key="rk_scope", bind=URL, format_func=frozen(scope_label),
                         disabled=view != "rank",
                         help=_("World ranks are the UN's; regional ranks are derived from them by ranking "
                                "the members of the region by their world rank."))
    peers = pick_many(_("Compare with"), states, key="rk_peers", placeholder=_("Bahrain alone"),
                      format_func=lambda iso: state_label(iso, names),
                      default=[iso for iso in gcc_members() if iso != "BHR"])

scope = scope if view == "rank" else "world"
countries = ["BHR", *peers]
if view == "rank":
    in_scope = history[(history["scope"] == scope) & history["country_iso3"].isin(countries)]
    official = in_scope[in_scope["source"] == "official"]
    claims = in_scope[in_scope["source"] == "article"]
else:
    official = (official_ref[official_ref["iso3"].isin(countries)]
                .rename(columns={"iso3": "country_iso3"}))
    claims = history.iloc[:0]
column = measures.MEASURES[view][0]

tab_chart, tab_map, tab_table = st.tabs([_("Chart"), _("Map"), _("Table")])

with tab_chart:
    st.markdown(_("Bahrain and {n} other state(s), UN E-Government Survey editions 2003–2024. Markers with a "
                  "verdict are ranks quoted in the articles, checked against the official data.").format(
        n=number(len(peers))))
    caption = {
        "rank": _("Line chart of the official {scope} rank of Bahrain (thick line) and the chosen states in each "
                  "survey edition, rank 1 at the top, each line labelled at its end. Claims from the articles are "
                  "drawn as markers just right of their edition: circle = matches the UN data, cross = differs, "
                  "open diamond = cannot be checked; hover a claim for its Arabic sentence, article and verdict, "
                  "click it for the article.").format(scope=scope_label(scope)),
        "egdi_group": _("Line chart of the UN's EGDI group (low, middle, high, very high) of Bahrain (thick line) "
                        "and the chosen states in each survey edition, each line labelled at its end."),
    }.get(view, _("Line chart of the {measure} of Bahrain (thick line) and the chosen states in each survey "
                  "edition, each line labelled at its end. Article claims are ranks, so they appear in the rank "
                  "view only.").format(measure=measures.measure_label(view)))
    chart(charts.rank_figure(official, claims, countries, names, view, scope), key="rk_chart", caption=caption,
          on_click=to_record)

    undated = int(claims["survey_year"].isna().sum()) if view == "rank" else 0
    if undated:
        st.caption(_("{n} claim(s) name no survey edition and are not drawn; they are listed in the table of "
                     "claims below.").format(n=number(undated)))
    if view == "rank" and scope != "world":
        st.caption(_("{scope} ranks are derived from the world ranks over this membership list: {source}.").format(
            scope=scope_label(scope), source=reference.MEMBERSHIP_SOURCES.get(scope, scope)))
    assessed = set(official.dropna(subset=[column])["country_iso3"].tolist())  # once, not once per state
    missing = [state_label(iso, names) for iso in countries if iso not in assessed]
    if missing:
        st.caption(_("No official figure for: {states} (not a member of the scope or not assessed).").format(
            states=_(", ").join(missing)))
    elsewhere = checked[(checked["scope"] != scope) & checked["country_iso3"].isin(countries)]
    if view == "rank" and len(elsewhere):
        per_scope = elsewhere.groupby("scope").size()
        st.caption(_("Article claims in other scopes (choose the scope to see them): {scopes}.").format(
            scopes=_(", ").join(f"{scope_label(s)} ({number(n)})" for s, n in per_scope.items())))

    st.subheader(_("The figures behind the chart"))
    plotted = official.assign(country=[state_label(iso, names) for iso in official["country_iso3"]])
    keep = ["country", "country_iso3", "survey_year"] + (["scope", "rank", "tied"] if view == "rank" else [column])
    plotted = plotted[keep].dropna(subset=[keep[-2] if view == "rank" else column])
    if view == "egdi_group":
        plotted = plotted.assign(egdi_group=[_(measures.egdi_group(v)) for v in plotted[column]])
    if "scope" in plotted:
        plotted = plotted.assign(scope=[scope_label(s) for s in plotted["scope"]])
    plotted = plotted.sort_values(["country", "survey_year"], ignore_index=True)
    headers = {"country": _("country"), "country_iso3": _("ISO3"), "survey_year": _("edition"), "scope": _("scope"),
               "rank": _("rank"), "tied": _("tied"), "egdi": _("EGDI"), "osi": _("OSI"), "hci": _("HCI"),
               "tii": _("TII"), "epart_rank": _("e-participation rank"), "egdi_group": _("EGDI group")}
    table(plotted, key="rk_table", headers=headers)
    csv_download(plotted, f"{view}_{scope}.csv" if view == "rank" else f"{view}.csv", key="rk_csv", headers=headers)
    if view == "rank" and len(claims):
        st.subheader(_("Rank claims quoted in the articles"))
        quoted = claims.assign(country=[state_label(iso, names) for iso in claims["country_iso3"]],
                               verdict=[verdict_label(v) for v in claims["verdict"]],
                               scope=[scope_label(s) for s in claims["scope"]])
        quoted = with_review(quoted[["country", "survey_year", "scope", "rank", "official_rank", "verdict", "doc",
                                     "evidence", "claim_id"]], corpus.rankings, on="claim_id")
        claim_headers = {**headers, "official_rank": _("official rank"), "verdict": _("verdict"),
                         "doc": _("article"), "evidence": _("sentence (Arabic)")}
        table(quoted.sort_values(["survey_year", "country"], ignore_index=True), key="rk_claims", headers=claim_headers)
        csv_download(quoted, f"claims_{scope}.csv", key="rk_claims_csv", headers=claim_headers)

with tab_map:
    edition = st.select_slider(_("Edition"), editions, value=editions[-1], key="rk_edition", bind=URL,
                               format_func=frozen(number))
    of_edition = official_ref[official_ref["survey_year"] == edition]
    chart(charts.survey_map(of_edition, view, edition, names), key="rk_map", geo=True, on_click=to_profile,
          caption=_("World map of the {measure} of every state assessed in the {year} edition; darker = better; "
                    "Bahrain is marked with a star. Click a state for its profile.").format(
              measure=measures.measure_label(view), year=number(edition)))

with tab_table:
    st.caption(_("Every state assessed in the {year} edition (the edition chosen on the Map tab). Sort by any "
                 "column; select a row for the country's profile.").format(year=number(edition)))
    every = of_edition.assign(country=[state_label(iso, names) for iso in of_edition["iso3"].astype(str)],
                              egdi_group=[_(g) if g else "" for g in map(measures.egdi_group, of_edition["egdi"])])
    every = every[["country", "iso3", "egdi_rank", "egdi", "egdi_group", "osi", "hci", "tii", "epart_rank"]]
    every = every.sort_values("egdi_rank", na_position="last", ignore_index=True)
    every_headers = {"country": _("country"), "iso3": _("ISO3"), "egdi_rank": _("EGDI rank"), "egdi": _("EGDI"),
                     "egdi_group": _("EGDI group"), "osi": _("OSI"), "hci": _("HCI"), "tii": _("TII"),
                     "epart_rank": _("e-participation rank")}
    table(every, key="rk_every", headers=every_headers, on_select=open_profile_row("rk_every", every["iso3"]),
          selection_mode="single-row")
    csv_download(every, f"un_egov_survey_{edition}.csv", key="rk_every_csv", headers=every_headers)
