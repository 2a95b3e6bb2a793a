"""GCC cooperation: Gulf Cooperation Council e-government events by member state, topic and year."""

from __future__ import annotations

import hashlib
from html import escape

import streamlit as st

import core

from ui import charts, labels, measures
from ui.data import doc_titles, gcc_members, memo, state_names
from ui.evidence import rtl_block
from ui.filters import URL, active_filters, filter_events, pick_many, show_list, show_years, year_range
from ui.i18n import N_, _, isolate, number
from ui.labels import (state_label, isin, kind_label, split_list, tense_label, text_of, topic_label,
                       via_label, when_label, year_basis_label)
from ui.layout import (chart, corpus_or_stop, csv_download, data_sources, empty_state, filtered_view, follow_click,
                       page_link, setup_page, to_profile)
from ui.layout import SOURCES_PAGE
from ui.messages import note_text
from ui.review import review_mark, reviewed_only

CARDS_PER_PAGE = 10  # a page of ten cards keeps a filter change light (each card is laid out again)

setup_page(N_("GCC cooperation"))
follow_click()
corpus = reviewed_only(corpus_or_stop(), key="gcc_reviewed")
data_sources(corpus, reference=False)


@filtered_view
def gcc_view(corpus: core.Corpus) -> None:
    """The filters, charts, download and event cards: a filter change reruns only these."""
    # What a filter state computes is kept per state (ui.data.memo): back to a state seen before,
    # nothing is recomputed and the charts are sent identical.
    participants = corpus.participants
    gcc_events = memo(corpus, "gcc_events", lambda: filter_events(corpus.events, gcc_only=True))
    names = state_names(corpus)
    members = memo(corpus, "gcc_members", lambda: sorted(gcc_members(), key=lambda iso: state_label(iso, names)))
    topics = memo(corpus, "gcc_topics", lambda: sorted({t for cell in gcc_events["topics"] for t in split_list(cell)},
                                                       key=topic_label))
    modes = {"named": _("named explicitly"), "body": _("including the GCC as a body")}

    with st.sidebar:
        years = year_range(_("Years"), gcc_events["year"], key="gcc_years")
        chosen_members = pick_many(_("Member state"), members, key="gcc_member", placeholder=_("All member states"),
                                   format_func=lambda iso: state_label(iso, names))
        mode = st.radio(_("A member takes part when it is"), list(modes), key="gcc_mode", bind=URL,
                        format_func=modes.get,
                        help=_("Named explicitly: the article names the state, or it hosts. Including the GCC as a "
                               "body: also the events where the article names only the council ('the GCC states'), "
                               "which stands for every member."))
        chosen_topics = pick_many(_("Topic"), topics, key="gcc_topic", placeholder=_("All topics"),
                                  format_func=topic_label)
    state = ("gcc", years, tuple(chosen_members), mode, tuple(chosen_topics))

    def filtered():
        shown = filter_events(gcc_events, years)
        if chosen_members:
            rows = participants[participants["iso3"].isin(chosen_members)]
            if mode == "named":
                rows = rows[rows["via"].astype("string").fillna("") != "gcc_body"]
            shown = shown[isin(shown["event_id"], rows["event_id"]) | isin(shown["host_iso3"], chosen_members)]
        if chosen_topics:
            shown = shown[[bool(set(split_list(cell)) & set(chosen_topics)) for cell in shown["topics"]]]
        return shown

    shown = memo(corpus, (*state, "events"), filtered)
    st.markdown(_("**{n}** of {total} GCC events match the filters.").format(n=number(len(shown)),
                                                                            total=number(len(gcc_events))))
    if shown.empty:
        empty_state(_("GCC events"), active_filters(gcc_events["year"], [
            ("gcc_years", _("Years"), years, None, show_years),
            ("gcc_member", _("Member state"), chosen_members, [], show_list(lambda iso: state_label(iso, names))),
            ("gcc_topic", _("Topic"), chosen_topics, [], show_list(topic_label))]), key="gcc_empty")
        return

    left, right = st.columns([1, 1])
    with left:
        chart(memo(corpus, (*state, "members"), lambda: charts.member_bars(shown, participants, members, names)),
              key="gcc_members", on_click=to_profile,
              caption=_("Stacked bar chart of the GCC events per member state: dark blue = the article names the "
                        "state, light orange = the article names only the GCC as a body, orange = the state hosted. "
                        "Click a state for its profile."))
    with right:
        topic_table = memo(corpus, (*state, "topic_table"), lambda: measures.topic_year_table(shown))
        if not topic_table.empty:
            chart(memo(corpus, (*state, "heatmap"), lambda: charts.topic_heatmap(topic_table)), key="gcc_heatmap",
                  caption=_("Heatmap of topics (rows) by year (columns): each cell counts the GCC events of that "
                            "year whose article discusses the topic; darker green = more events."))
        else:
            st.info(_("No topics recorded for the GCC events that match the filters."))

    titles = doc_titles(corpus)

    def rows_for_export():
        shown_participants, positions = measures.participants_by_event(shown, participants)
        export = measures.gcc_event_rows(shown, shown_participants, names, titles)
        columns = ["when", "kind", "host", "states_named", "organizations", "topics", "title", "event_id", "evidence"]
        return shown_participants, positions, export[columns]

    shown_participants, positions, export = memo(corpus, (*state, "export"), rows_for_export)
    gcc_headers = {"when": _("when"), "kind": _("kind"), "host": _("host"), "states_named": _("states named"),
                   "organizations": _("organizations"), "topics": _("topics"), "title": _("article title"),
                   "event_id": _("event"), "evidence": _("evidence (Arabic)")}
    csv_download(export, "gcc_events.csv", key="gcc_csv", headers=gcc_headers)
    st.subheader(_("Events"))
    ordered = memo(corpus, (*state, "card_order"), lambda: shown.sort_values(["year", "date"], na_position="last"))
    page = card_page(len(ordered), state)
    cards = memo(corpus, (*state, "cards", page), lambda: card_texts(
        ordered.iloc[page * CARDS_PER_PAGE:(page + 1) * CARDS_PER_PAGE], shown_participants, positions, names))
    event_cards(cards)


def card_page(total: int, state: tuple) -> int:
    """The page of event cards chosen (from 0), CARDS_PER_PAGE a page in date order; a choice of pages
    only when more events match than one page holds. A filter change starts again at the first page
    (the widget's key is made from the filter state, so a page beyond the new last one is never kept)."""
    pages = -(-total // CARDS_PER_PAGE)
    if pages <= 1:
        return 0

    def shown_range(page: int) -> str:
        first, last = page * CARDS_PER_PAGE + 1, min(total, (page + 1) * CARDS_PER_PAGE)
        return _("Events {first}–{last} of {n}, by date").format(first=number(first), last=number(last),
                                                                 n=number(total))

    key = "gcc_cards_" + hashlib.sha1(repr(state).encode("utf-8")).hexdigest()[:12]
    return st.selectbox(_("Events shown"), range(pages), key=key, format_func=shown_range)


# A card's text is one HTML block (every value escaped), not a dozen Markdown elements: ten cards are then
# about thirty elements for the browser to lay out again on a filter change.
FADED = "font-size:0.875rem;opacity:0.6;margin:0 0 0.25rem;"
BADGE = ("display:inline-block;font-size:0.875rem;padding:0 0.4rem;margin:0 0.25rem 0.25rem 0;border-radius:0.5rem;"
         "background:rgba(33,195,84,0.16);border:1px solid rgba(33,195,84,0.45);")


def card_texts(rows, shown_participants, positions, names) -> list[dict]:
    """What the event cards of `rows` (one page, in date order) show: computed once per filter state
    and page (ui.data.memo), so that a page seen before only draws the cards."""
    cards = []
    for row in rows.itertuples():
        record = row._asdict()
        named = shown_participants.iloc[positions.get(str(row.event_id), [])]
        # Card text comes from the tables (names, codes, the file name): shown as text, never as markup.
        host = labels.host_text(record.get("host_iso3"), record.get("host_basis"), names)
        facts = [year_basis_label(text_of(record.get("year_basis")) or text_of(record.get("date_basis")))]
        if text_of(record.get("tense")):
            facts.append(_("tense: {tense}").format(tense=tense_label(record["tense"])))
        if text_of(record.get("note")):
            facts.append(_("note: {note}").format(note=note_text(text_of(record["note"]))))
        by_via = {via: _(", ").join(state_label(i, names) for i in group["iso3"])
                  for via, group in named.groupby(named["via"].astype("string").fillna("name"))}
        lines = [_("States named: {states}").format(states=by_via.get("name") or _("none named"))]
        if by_via.get("gcc_body"):
            lines.append(_("Reached {how}: {states}").format(how=via_label("gcc_body"), states=by_via["gcc_body"]))
        organizations = _(", ").join(split_list(row.organizations)) or _("none named")
        lines.append(_("Organizations: {organizations}").format(organizations=organizations))
        topics = "".join(f'<span style="{BADGE}">{escape(topic_label(topic))}</span>'
                         for topic in split_list(row.topics))
        source = _("Evidence from {doc} (characters {start}–{end}); see the Sources page.").format(
            doc=isolate(row.doc), start=number(row.start), end=number(row.end))
        body = (f'<p style="margin:0 0 0.25rem;"><strong>{escape(when_label(row.date, row.year))} · '
                f'{escape(kind_label(str(row.kind)))}</strong> — {escape(host)}</p>'
                f'<p style="{FADED}">{escape(" · ".join(f for f in facts if f))}</p>'
                f'<p style="margin:0 0 0.5rem;">{"<br>".join(escape(line) for line in lines)}</p>'
                + (f"<div>{topics}</div>" if topics else "")
                + rtl_block(row.evidence) + f'<p style="{FADED}">{escape(source)}</p>')
        cards.append({"key": f"gcc_card_{row.Index}", "record": record, "html": body, "doc": row.doc})
    return cards


def event_cards(cards: list[dict]) -> None:
    """The event cards (card_texts): the card's text and evidence, the review mark, the article's link."""
    for card in cards:
        with st.container(border=True, key=card["key"], gap="small"):
            st.html(card["html"])
            review_mark(card["record"])
            page_link(SOURCES_PAGE, _("Open the article and its highlighted evidence"), {"src_doc": card["doc"]},
                      icon=":material/article:")


gcc_view(corpus)
