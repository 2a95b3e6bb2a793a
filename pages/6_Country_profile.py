"""Country profile: one state's UN E-Government Survey history, the events it took part in or hosted, and
every rank claim the articles make about it with its verdict. Opened by URL (?iso3=OMN) or by clicking a
state on any map, chart or table."""

from __future__ import annotations

import pandas as pd
import streamlit as st

from ui import charts, measures
from ui.data import doc_titles
from ui.i18n import N_, _, frozen, number
from ui.labels import (state_label, SCOPE_ORDER, isin, clean_title, kind_label, map_distinct, scope_label, verdict_label, via_label,
                       when_label)
from ui.layout import (survey_page, chart, csv_download, table,
                       to_evidence)

PARAM = "iso3"  # the URL parameter: ?iso3=OMN
WIDGET = "pf_country"

view_data = survey_page(N_("Country profile"), reviewed_key="pf_reviewed")
corpus, reference, checked, history, names = (view_data.corpus, view_data.reference, view_data.checked,
                                              view_data.history, view_data.names)
codes = set(reference["iso3"].astype(str)) | set(corpus.participants["iso3"].dropna().astype(str)) \
    | {str(h) for h in corpus.events["host_iso3"].dropna() if str(h)}
options = sorted(codes, key=lambda iso: state_label(iso, names))


def _keep_in_url() -> None:
    st.query_params[PARAM] = st.session_state[WIDGET]


wanted = str(st.query_params.get(PARAM, "BHR")).upper()
if WIDGET not in st.session_state or st.session_state.get("_pf_url") != wanted:
    # A new ?iso3= (a click elsewhere, a shared link) chooses the state; the picker then keeps the URL.
    st.session_state[WIDGET] = wanted if wanted in codes else "BHR"
    st.session_state["_pf_url"] = wanted
iso3 = st.selectbox(_("State"), options, key=WIDGET, format_func=frozen(lambda iso: f"{state_label(iso, names)} ({iso})"),
                    on_change=_keep_in_url, help=_("Any state in the UN survey or the articles; the URL keeps it "
                                                   "(?iso3=OMN), so the profile can be shared."))
st.session_state["_pf_url"] = iso3
if st.query_params.get(PARAM) != iso3:
    st.query_params[PARAM] = iso3
name = state_label(iso3, names)
st.header(name)

# ------------------------------------------------------------------ survey history
st.subheader(_("UN E-Government Survey history"))
own = reference[reference["iso3"] == iso3].sort_values("survey_year")
if own.empty:
    st.info(_("{name} is not in the UN E-Government Survey data (2003–2024).").format(name=name))
else:
    latest = own.dropna(subset=["egdi_rank"]).iloc[-1] if own["egdi_rank"].notna().any() else own.iloc[-1]
    c1, c2, c3, c4 = st.columns(4)
    c1.metric(_("World rank {year}").format(year=number(int(latest["survey_year"]))),
              number(latest["egdi_rank"]) or _("n/a"), border=True)
    c2.metric(_("EGDI {year}").format(year=number(int(latest["survey_year"]))), number(latest["egdi"], 3), border=True)
    group = measures.egdi_group(latest["egdi"])
    c3.metric(_("EGDI group"), _(group) if group else _("n/a"), border=True)
    c4.metric(_("Editions assessed"), number(int(own["egdi_rank"].notna().sum())), border=True)
    world = history[(history["source"] == "official") & (history["country_iso3"] == iso3) & (history["scope"] == "world")]
    chart(charts.rank_figure(world, history.iloc[:0], [iso3], names, "rank", "world"), key="pf_rank",
          caption=_("Line chart of the official UN world rank of {name} in each survey edition, rank 1 at the top.")
          .format(name=name))
    official = history[(history["source"] == "official") & (history["country_iso3"] == iso3)]
    regional = (official.pivot_table(index="survey_year", columns="scope", values="rank", aggfunc="first")
                .reindex(columns=[s for s in SCOPE_ORDER if s in set(official["scope"])]))
    survey = own[["survey_year", "egdi_rank", "egdi", "osi", "hci", "tii", "epart_rank"]].set_index("survey_year")
    survey = survey.assign(egdi_group=[_(g) if g else "" for g in map(measures.egdi_group, survey["egdi"])])
    survey = survey.join(regional.drop(columns=["world"], errors="ignore").add_prefix("rank_")).reset_index()
    headers = {"survey_year": _("edition"), "egdi_rank": _("world rank"), "egdi": _("EGDI"), "osi": _("OSI"),
               "hci": _("HCI"), "tii": _("TII"), "epart_rank": _("e-participation rank"), "egdi_group": _("EGDI group"),
               **{f"rank_{s}": _("{scope} rank").format(scope=scope_label(s)) for s in SCOPE_ORDER}}
    table(survey, key="pf_survey", headers=headers)
    st.caption(_("Regional ranks are derived from the world ranks over the membership lists named on the Ranking "
                 "trajectory page; a blank cell: not a member of that region or not assessed."))
    csv_download(survey, f"profile_{iso3}_survey.csv", key="pf_survey_csv", headers=headers)

# ------------------------------------------------------------------ events
st.subheader(_("Events in the articles"))
events = corpus.events
titles = doc_titles(corpus)
took_part = corpus.participants[corpus.participants["iso3"] == iso3][["event_id", "via"]].drop_duplicates("event_id")
hosted = events[events["host_iso3"].astype("string").fillna("") == iso3]["event_id"]
hosted_ids = set(hosted.tolist())
involved = events[isin(events["event_id"], set(took_part["event_id"].tolist()) | hosted_ids)]
if involved.empty:
    st.info(_("No article names {name} as taking part in or hosting an event.").format(name=name))
else:
    # The look-ups built once (a set of the hosted events made again for every row was quadratic: 130 s
    # for Bahrain at 10,000 articles), the columns read as plain lists, each label once per distinct value.
    via = dict(zip(took_part["event_id"].tolist(), took_part["via"].tolist()))
    rows = involved.assign(
        when=map_distinct(when_label, involved["date"], involved["year"]),
        kind=map_distinct(lambda k: kind_label(str(k)), involved["kind"]),
        role_of_state=[_("host") if e in hosted_ids else via_label(via.get(e, "name"))
                       for e in involved["event_id"].tolist()],
        title=map_distinct(lambda d: clean_title(titles.get(d, "")), involved["doc"]),
    )
    rows = rows.assign(order=measures.event_dates(rows)).sort_values("order", na_position="last")
    rows = rows[["when", "kind", "role_of_state", "title", "event_id", "doc"]]
    event_headers = {"when": _("when"), "kind": _("kind"), "role_of_state": _("how it took part"),
                     "title": _("article title"), "event_id": _("event"), "doc": _("article")}
    chart(charts.timeline_figure(involved, titles, names), key="pf_timeline", on_click=to_evidence,
          caption=_("Timeline of the {n} events {name} took part in or hosted; click an event for its article.")
          .format(n=number(len(involved)), name=name))
    table(rows, key="pf_events", headers=event_headers)
    csv_download(rows, f"profile_{iso3}_events.csv", key="pf_events_csv", headers=event_headers)

# ------------------------------------------------------------------ claims
st.subheader(_("Rank claims about {name} in the articles").format(name=name))
claims = checked[checked["country_iso3"] == iso3]
if claims.empty:
    st.info(_("No article quotes a rank of {name}.").format(name=name))
else:
    quoted = claims.assign(scope=[scope_label(s) for s in claims["scope"]],
                           verdict=[verdict_label(v) for v in claims["verdict"]])
    keep = [c for c in ("survey_year", "scope", "rank", "official_rank", "verdict", "doc", "evidence") if c in quoted]
    quoted = quoted[keep].sort_values(["survey_year", "scope"], ignore_index=True)
    claim_headers = {"survey_year": _("edition"), "scope": _("scope"), "rank": _("rank claimed"),
                     "official_rank": _("official rank"), "verdict": _("verdict"), "doc": _("article"),
                     "evidence": _("sentence (Arabic)")}
    table(pd.DataFrame(quoted), key="pf_claims", headers=claim_headers)
    csv_download(quoted, f"profile_{iso3}_claims.csv", key="pf_claims_csv", headers=claim_headers)
