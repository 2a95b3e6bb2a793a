"""The parts every page repeats: set-up, the data-sources line, document notices, charts, CSV downloads."""

from __future__ import annotations

import logging

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import core
from ui.data import load_corpus
from ui.figures import GEO_CONFIG
from ui.labels import text_of
from ui.safety import csv_safe, md_escape

LOG = logging.getLogger("egov.dashboard")
NOTICES_SHOWN = 30  # problem documents shown one notice each; the rest are counted in one notice
UN_SOURCE = "UN E-Government Survey 2003–2024 (UN DESA, publicadministration.un.org/egovkb)"


def setup_page(title: str) -> None:
    """Page config (wide layout) and the page title."""
    st.set_page_config(page_title=f"{title} · Bahrain e-government diplomacy", layout="wide")
    st.title(title)


def corpus_or_stop() -> core.Corpus:
    """The shared cached corpus; a failure becomes a short visible error and stops the page.

    The reader sees no traceback and no server path: the details go to the server log.
    """
    try:
        return load_corpus()
    except core.CorpusFolderError:
        LOG.exception("the articles folder cannot be read")
        st.error("The articles folder cannot be read (missing, not a folder, or not readable); the details "
                 "are in the server log. Set EGOV_SEEDS_DIR or restore seeds/.")
    except Exception:  # any other failure: never a traceback on the page
        LOG.exception("loading the articles failed")
        st.error("The articles could not be loaded; the details are in the server log.")
    st.stop()


def data_sources(corpus: core.Corpus, *, reference: bool = True) -> None:
    """The line naming where the page's data come from."""
    # A code span shows its content literally; only a backtick could end it early.
    folder = (corpus.folder.name + "/" if corpus.folder is not None else "seeds/").replace("`", "'")
    parts = [f"{len(corpus.documents)} Arabic news articles in `{folder}` (extracted by this project)"]
    if reference:
        parts.append(UN_SOURCE)
    st.caption("Data: " + " · ".join(parts))


def document_notices(corpus: core.Corpus, *, except_doc: str | None = None) -> None:
    """A visible notice for each problem document (st.error / st.warning) and each folder message.

    `except_doc` is left out: the page shows that document's status next to it. File names and
    messages are untrusted (they quote file names and manifest cells) and are shown as plain text.
    """
    for message in corpus.messages:
        st.warning(f"Articles folder: {md_escape(message)}")
    problems = corpus.documents[corpus.documents["status"].isin(["warning", "error"])]
    if except_doc is not None:
        problems = problems[problems["doc"] != except_doc]
    for row in problems.head(NOTICES_SHOWN).itertuples():
        text = f"**{md_escape(row.doc)}** ({row.status}): {md_escape(text_of(row.message) or 'no detail given')}"
        (st.error if row.status == "error" else st.warning)(text)
    if len(problems) > NOTICES_SHOWN:  # a flood of problem files must not become a flood of alerts
        st.warning(f"{len(problems) - NOTICES_SHOWN:,} more documents with problems are not listed here; "
                   "the Sources page shows each one's status and the documents CSV has every message.")


def chart(fig: go.Figure, key: str, caption: str, *, geo: bool = False) -> None:
    """A Plotly chart with its describing caption, also given to screen readers as alt text."""
    config = GEO_CONFIG if geo else {"displaylogo": False}
    st.plotly_chart(fig, key=key, config=config, alt=caption)
    st.caption(caption)


TABLE_ROWS = 1000


def table(frame: pd.DataFrame, key: str, *, rows: int = TABLE_ROWS) -> None:
    """A dataframe of at most `rows` rows (each rerun sends the table to the browser), saying when it is cut."""
    st.dataframe(frame.head(rows), hide_index=True, key=key)
    if len(frame) > rows:
        st.caption(f"First {rows:,} of {len(frame):,} rows; the CSV download has them all.")


def csv_download(frame: pd.DataFrame, file_name: str, key: str, label: str = "Download CSV") -> None:
    """A CSV download of `frame` (UTF-8 with BOM, so spreadsheet programs read the Arabic).

    The CSV is written only when the button is clicked, and the click does not rerun the page,
    so filters and view stay as they are. Text cells that a spreadsheet would run as a formula
    get a leading apostrophe (ui.safety.csv_safe).
    """
    st.download_button(label, lambda: csv_safe(frame).to_csv(index=False).encode("utf-8-sig"),
                       file_name=file_name, mime="text/csv", key=key, on_click="ignore", icon=":material/download:")
