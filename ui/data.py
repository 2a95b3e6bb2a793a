"""The one cached loader every page uses: the seeds folder (from its snapshot) and the UN reference, re-read when a file changes."""

from __future__ import annotations

import os
from pathlib import Path

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from concurrent.futures import TimeoutError as FutureTimeout
from typing import TypeVar

import pandas as pd
import streamlit as st

import core
from core import reference
from core.run import snapshot
from ui.i18n import _, number

ROOT = Path(__file__).resolve().parents[1]
SEEDS_ENV = "EGOV_SEEDS_DIR"
LOAD_QUIET_S = 0.5  # a load that ends sooner (the usual warm start) shows nothing
POLL_S = 0.25       # how often a longer load's progress bar is redrawn
T = TypeVar("T")


def seeds_folder() -> Path:
    """The articles folder: $EGOV_SEEDS_DIR when set (tests, benchmarks), else seeds/ next to dashboard.py."""
    value = os.environ.get(SEEDS_ENV, "").strip()
    return Path(value).expanduser().resolve() if value else ROOT / "seeds"


def folder_fingerprint(folder: Path) -> str:
    """core.run.snapshot.folder_fingerprint: a digest of (name, size, mtime_ns) of every file in `folder`.

    One stat per file and no reads (about 30 ms for 10,000 files), so it is computed on every
    rerun: an added, removed, replaced or edited file changes it, and with it the cache key of
    `load_corpus`. A short digest rather than the tuples themselves: Streamlit hashes cache
    arguments slowly (0.25 s for 10,000 tuples).
    """
    return snapshot.folder_fingerprint(folder)


class LoadProgress:
    """(done, total) of the articles extracted so far by the load of one folder state (core.run.progress)."""

    def __init__(self) -> None:
        self.done = self.total = 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total


# The loads under way, by (folder, fingerprint): written by the loading thread, read by every
# session waiting for that load (a rerun or a second session waits for the same load).
_loads_in_flight: dict[tuple[str, str], LoadProgress] = {}


def _in_thread(func: Callable[..., T], *args) -> Future:
    """func(*args) in a daemon thread (a server stopped during a long load does not wait for it)."""
    future: Future = Future()

    def run() -> None:
        try:
            future.set_result(func(*args))
        except BaseException as exc:  # handed to the waiting script, which shows it
            future.set_exception(exc)

    threading.Thread(target=run, name="egov-load", daemon=True).start()
    return future


# cache_resource, not cache_data: cache_data would unpickle a copy on every rerun (0.5 s for a
# 10,000-article folder, whose texts alone are 70 MB). Pages share the object and never modify it.
@st.cache_resource(max_entries=2, show_spinner=False)
def _cached_corpus(folder: str, fingerprint: str) -> core.Corpus:
    # One snapshot read on a warm start (core.run.snapshot); on a change, only new or edited articles
    # are extracted (the per-document cache) and the snapshot is rewritten.
    progress = _loads_in_flight.setdefault((folder, fingerprint), LoadProgress())
    try:
        return snapshot.load_corpus(folder, fingerprint=fingerprint, progress=progress)
    finally:
        _loads_in_flight.pop((folder, fingerprint), None)


def load_corpus() -> core.Corpus:
    """The corpus of the seeds folder, extracted once per state of the folder's files.

    The object is shared by every session and page: treat its tables as read-only.
    Raises core.CorpusFolderError when the folder is missing or not a folder. A load that takes
    longer than LOAD_QUIET_S shows a spinner, and a progress bar with the counts while articles
    are extracted (`wait_for_load`).
    """
    folder = seeds_folder()
    key = (str(folder), folder_fingerprint(folder))
    # The load runs outside the script's thread so that the script can draw its progress meanwhile
    # (an element drawn inside a cached function would be recorded and replayed on every cache hit).
    future = _in_thread(_cached_corpus, *key)
    try:
        return future.result(timeout=LOAD_QUIET_S)
    except FutureTimeout:
        pass
    with st.spinner(_("Reading the articles…")):
        bar = st.empty()
        try:
            return wait_for_load(future, lambda: _loads_in_flight.get(key), lambda done, total: bar.progress(
                done / total, text=load_progress_text(done, total)))
        finally:
            bar.empty()


def wait_for_load(future: Future, progress: Callable[[], LoadProgress | None],
                  draw: Callable[[int, int], None], poll_s: float | None = None) -> core.Corpus:
    """future's result; meanwhile draw(done, total) every `poll_s` while the load extracts articles.

    `progress()` is the load's LoadProgress (None before it starts or after it ends); nothing is
    drawn while it has nothing to extract (reading the folder, a snapshot, the cache).
    """
    while True:
        try:
            return future.result(timeout=POLL_S if poll_s is None else poll_s)
        except FutureTimeout:
            pass
        current = progress()
        if current is not None and current.total:
            draw(current.done, current.total)


def load_progress_text(done: int, total: int) -> str:
    """'120 of 3,000 articles read', in the run's language and digits."""
    return _("{done} of {total} articles read").format(done=number(done), total=number(total))


@st.cache_data(show_spinner=False)
def load_reference() -> pd.DataFrame:
    """Official UN E-Government Survey results 2003–2024 (core.reference.load_reference)."""
    return reference.load_reference()


@st.cache_data(max_entries=4, show_spinner=False)
def ranking_tables(rankings: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(article claims with their verdict against the UN data, ranking history official + article).

    Cached on the content of `rankings`, so it is recomputed only when the claims change.
    """
    ref = load_reference()
    checked = reference.check_claims(rankings, ref)
    return checked, reference.ranking_history(ref, checked)


@st.cache_data(show_spinner=False)
def country_names(participants: pd.DataFrame) -> dict[str, str]:
    """English name by ISO3: the extractor's names of participants first, then the UN survey's names."""
    ref = load_reference().sort_values("survey_year")
    names = dict(zip(ref["iso3"].astype(str), ref["country"].astype(str).str.strip()))
    named = participants.dropna(subset=["iso3", "name_en"])
    # tolist(): one conversion per column, not one Arrow scalar per row (0.34 s at 10,000 articles)
    names.update({iso: name for iso, name in zip(named["iso3"].tolist(), named["name_en"].tolist()) if name})
    return names


def gcc_members() -> list[str]:
    """ISO3 codes of the Gulf Cooperation Council states, as core.reference defines the scope."""
    return sorted(reference.membership("gcc"))


# Results kept per corpus object: about four filter states of a page (x languages) and the few
# figures that do not depend on the filters.
MEMO_SIZE = 32
_memo_lock = threading.Lock()


def memo(corpus: core.Corpus, key: Hashable, compute: Callable[[], T]) -> T:
    """compute() once per corpus object, `key` (e.g. the filter values) and interface language.

    A rerun that changes nothing (or returns to an earlier filter state) reuses the filtered
    tables and the built figures instead of recomputing them: at 10,000 articles a timeline and
    the state counts are 0.5-1 s each. The results live on the shared corpus object (dropped with
    it when the folder changes), the last MEMO_SIZE of them; treat them as read-only.
    """
    from ui import i18n

    full = (key, i18n.language(), i18n._digits.get())
    with _memo_lock:
        store = corpus.__dict__.setdefault("_ui_memo", OrderedDict())
        if full in store:
            store.move_to_end(full)
            return store[full]
    value = compute()
    with _memo_lock:
        store[full] = value
        while len(store) > MEMO_SIZE:
            store.popitem(last=False)
    return value


def doc_titles(corpus: core.Corpus) -> dict[str, str]:
    """File name -> article title, once per corpus object (memo; the pages' hovers and cards read it)."""
    return memo(corpus, "titles", lambda: dict(zip(corpus.documents["doc"], corpus.documents["title"])))


def state_names(corpus: core.Corpus) -> dict[str, str]:
    """country_names of the corpus's participants, once per corpus object (memo: the filtered pages
    read it on every rerun, and the cache would hash the participants table each time)."""
    return memo(corpus, "names", lambda: country_names(corpus.participants))
