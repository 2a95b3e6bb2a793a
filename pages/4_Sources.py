"""Sources: each article with its metadata and status, the Arabic text with the extracted spans highlighted; upload."""

from __future__ import annotations

import streamlit as st

from ui.data import ranking_tables, seeds_folder
from ui.evidence import doc_highlights, highlighted_html, legend_html, metadata_html, rtl_block
from ui.filters import URL
from ui.labels import text_of
from ui.layout import corpus_or_stop, data_sources, document_notices, setup_page, table
from ui.safety import md_escape
from ui.review import orphan_notice, review_link, reviewed_only
from ui.upload import upload_form, upload_notices

setup_page("Sources")
corpus = reviewed_only(corpus_or_stop(), key="src_reviewed")
data_sources(corpus)
upload_notices()
with st.sidebar:
    upload_form(seeds_folder())
notices = st.container()  # filled once the chosen article is known: its own status is shown beside it

documents = corpus.documents
if documents.empty:
    with notices:
        document_notices(corpus)
    st.info("The articles folder holds no .txt, .html or .htm articles; add one with the form in the sidebar.")
    st.stop()

doc = st.selectbox("Article", list(documents["doc"]), key="src_doc", bind=URL,
                   help="The file name in the articles folder; its extracted title is shown below.")
meta = {column: text_of(value) for column, value in documents[documents["doc"] == doc].iloc[0].items()}
with notices:
    document_notices(corpus, except_doc=doc)

if meta["title"]:
    st.html(rtl_block(meta["title"], heading=True))
status_line = {"ok": st.success, "warning": st.warning, "error": st.error}.get(meta["status"], st.info)
status_line(f"Status: {meta['status']}" + (f" — {md_escape(meta['message'])}" if meta["message"] else ""))
st.html(metadata_html(meta))

events = corpus.events[corpus.events["doc"] == doc]
participants = corpus.participants[corpus.participants["doc"] == doc]
checked, _ = ranking_tables(corpus.rankings)
claims = checked[checked["doc"] == doc]
text = corpus.texts.get(doc, "")

st.markdown("**Article text** (right to left) with the extracted spans highlighted; hover a highlight for "
            "what was extracted from it.")
st.html(legend_html())
if text:
    st.html(highlighted_html(text, doc_highlights(doc, events, participants, claims)))
else:
    st.info("No text could be read from this file.")

st.subheader("Records extracted from this article")
review_link(doc)
orphan_notice(corpus)
tab_events, tab_participants, tab_claims = st.tabs(
    [f"Events ({len(events)})", f"Participants ({len(participants)})", f"Ranking claims ({len(claims)})"])
with tab_events:
    table(events, key="src_events")
with tab_participants:
    table(participants, key="src_participants")
with tab_claims:
    table(claims, key="src_claims")
