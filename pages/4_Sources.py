"""Sources: each article with its metadata and status, the Arabic text with the extracted spans highlighted; upload."""

from __future__ import annotations

import streamlit as st

from ui.data import ranking_tables, seeds_folder
from ui.evidence import doc_highlights, highlighted_html, legend_html, metadata_html, rtl_block
from ui.i18n import N_, _, number
from ui.labels import clean_title, column_headers, status_label, text_of, when_label
from ui.layout import corpus_or_stop, data_sources, document_notices, setup_page, table
from ui.messages import document_message
from ui.safety import md_escape
from ui.review import orphan_notice, review_link, reviewed_only
from ui.upload import upload_form, upload_notices
from ui.stories import also_reported

setup_page(N_("Sources"))
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
    st.info(_("The articles folder holds no .txt, .html or .htm articles; add one with the form in the sidebar."))
    st.stop()



def article_label(doc: str, title: object, published: object) -> str:
    """'<published> · <title without dateline>' (the file name when there is no title)."""
    year, _sep, rest = text_of(published).partition("-")
    when = when_label(text_of(published), year) if text_of(published) else _("undated")
    name = clean_title(title)
    return f"{when} · {name[:90] + ('…' if len(name) > 90 else '')}" if name else f"{when} · {doc}"


labels = {doc: article_label(doc, title, published)
          for doc, title, published in zip(documents["doc"], documents["title"], documents["published"])}
# Options stay file names (the URL names the file, ?src_doc=...); the list shows date and title.
doc_names = list(documents["doc"])
if st.session_state.get("src_doc") not in doc_names or st.query_params.get("src_doc") != st.session_state.get("_src_url"):
    # ?src_doc= names the file; a new one (a click on another page, a shared link) chooses the article.
    wanted = st.query_params.get("src_doc")
    if wanted in doc_names:
        st.session_state["src_doc"] = wanted
    elif st.session_state.get("src_doc") not in doc_names:
        st.session_state["src_doc"] = doc_names[0]
doc = st.selectbox(_("Article"), doc_names, key="src_doc", format_func=labels.get,
                   help=_("Each article by its publication date and title (the news agency's dateline and the "
                          "page's timestamp removed); the file name is shown below."))
# The URL names the file (not the label the list shows), so a link to an article survives a new title.
if doc != doc_names[0] or "src_doc" in st.query_params:
    st.query_params["src_doc"] = doc
st.session_state["_src_url"] = st.query_params.get("src_doc")
meta = {column: text_of(value) for column, value in documents[documents["doc"] == doc].iloc[0].items()}
with notices:
    document_notices(corpus, except_doc=doc)

if meta["title"]:
    st.html(rtl_block(clean_title(meta["title"]), heading=True))
status_line = {"ok": st.success, "warning": st.warning, "error": st.error}.get(meta["status"], st.info)
status_line(_("Status: {status}").format(status=status_label(meta["status"]))
            + (" — " + md_escape(document_message(meta["message"], doc)) if meta["message"] else ""))
st.html(metadata_html(meta))

events = corpus.events[corpus.events["doc"] == doc]
participants = corpus.participants[corpus.participants["doc"] == doc]
checked, _history = ranking_tables(corpus.rankings)
claims = checked[checked["doc"] == doc]
text = corpus.texts.get(doc, "")

also = also_reported(corpus, events, doc)
if also:
    st.markdown(_("**Also reported by:**") + " " + " · ".join(also))

st.markdown(_("**Article text** (right to left) with the extracted spans highlighted; hover a highlight for "
              "what was extracted from it."))
st.html(legend_html())
if text:
    st.html(highlighted_html(text, doc_highlights(doc, events, participants, claims)))
else:
    st.info(_("No text could be read from this file."))

st.subheader(_("Records extracted from this article"))
review_link(doc)
orphan_notice(corpus)
tab_events, tab_participants, tab_claims = st.tabs(
    [_("Events ({n})").format(n=number(len(events))), _("Participants ({n})").format(n=number(len(participants))),
     _("Ranking claims ({n})").format(n=number(len(claims)))])
with tab_events:
    table(events, key="src_events", headers=column_headers(events))
with tab_participants:
    table(participants, key="src_participants", headers=column_headers(participants))
with tab_claims:
    table(claims, key="src_claims", headers=column_headers(claims))
