"""The one cached loader every page uses: the seeds folder (from its snapshot) and the UN reference, re-read when a file changes."""

from __future__ import annotations

import os
from pathlib import Path

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import TypeVar

import pandas as pd
import streamlit as st

import core
from core import reference
from core.run import snapshot

ROOT = Path(__file__).resolve().parents[1]
SEEDS_ENV = "EGOV_SEEDS_DIR"


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


# cache_resource, not cache_data: cache_data would unpickle a copy on every rerun (0.5 s for a
# 10,000-article folder, whose texts alone are 70 MB). Pages share the object and never modify it.
@st.cache_resource(max_entries=2, show_spinner="Reading the articles…")
def _cached_corpus(folder: str, fingerprint: str) -> core.Corpus:
    # One snapshot read on a warm start (core.run.snapshot); on a change, only new or edited articles
    # are extracted (the per-document cache) and the snapshot is rewritten.
    return snapshot.load_corpus(folder, fingerprint=fingerprint)


def load_corpus() -> core.Corpus:
    """The corpus of the seeds folder, extracted once per state of the folder's files.

    The object is shared by every session and page: treat its tables as read-only.
    Raises core.CorpusFolderError when the folder is missing or not a folder.
    """
    folder = seeds_folder()
    return _cached_corpus(str(folder), folder_fingerprint(folder))


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
    names.update({iso: name for iso, name in zip(named["iso3"], named["name_en"]) if name})
    return names


def gcc_members() -> list[str]:
    """ISO3 codes of the Gulf Cooperation Council states, as core.reference defines the scope."""
    return sorted(reference.membership("gcc"))


T = TypeVar("T")
MEMO_SIZE = 24  # results kept per corpus object: about six filter states (x languages)
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
