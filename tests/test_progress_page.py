"""The dashboard's first load of a folder that needs extraction: a progress bar with the counts
(ui.data.load_corpus), in English and Arabic; a quick load shows none."""

from __future__ import annotations

import shutil
import threading
import time
from concurrent.futures import Future
from pathlib import Path

import pytest
from streamlit.delta_generator import DeltaGenerator
from streamlit.testing.v1 import AppTest

from core.run import pipeline
from ui import data, i18n
from chart_helpers import charts as page_charts

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


def fake_load(future: Future, progress: data.LoadProgress, steps: list[tuple[int, int]]) -> None:
    """A load in another thread that reports `steps` (done, total) a little apart, then returns 'corpus'."""
    for done, total in steps:
        progress(done, total)
        time.sleep(0.05)
    future.set_result("corpus")


@pytest.mark.parametrize("steps, drawn", [
    ([(0, 3), (1, 3), (2, 3), (3, 3)], True),
    ([(0, 0), (0, 0)], False),  # everything came from the cache or the snapshot: no bar
], ids=["extracting", "nothing-to-extract"])
def test_wait_for_load_draws_the_counts_while_the_load_extracts(steps, drawn):
    future, progress, draws = Future(), data.LoadProgress(), []
    threading.Thread(target=fake_load, args=(future, progress, steps)).start()
    result = data.wait_for_load(future, lambda: progress, lambda done, total: draws.append((done, total)), poll_s=0.01)
    assert result == "corpus"
    assert bool(draws) is drawn
    if drawn:
        assert {total for _, total in draws} == {3}
        assert [done for done, _ in draws] == sorted(done for done, _ in draws)


@pytest.mark.parametrize("language, digits, done, total, text", [
    ("en", "western", 120, 3000, "120 of 3000 articles read"),
    ("en", "western", 12000, 30000, "12,000 of 30,000 articles read"),  # grouped from 10,000 (ui.i18n.number)
    ("ar", "western", 120, 3000, "قُرئت 120 من أصل 3000 مقالة"),
    ("ar", "arabic_indic", 120, 3000, "قُرئت ١٢٠ من أصل ٣٠٠٠ مقالة"),
], ids=["en", "en-grouped", "ar", "ar-indic"])
def test_load_progress_text(language, digits, done, total, text):
    i18n.set_language(language, digits)
    try:
        assert data.load_progress_text(done, total) == text
    finally:
        i18n.set_language("en")


@pytest.fixture
def drawn_bars(monkeypatch):
    """Every st.progress drawn during the test, as (value, text)."""
    calls: list[tuple[float, str]] = []
    original = DeltaGenerator.progress

    def progress(self, value, text=None, **kwargs):
        calls.append((value, text))
        return original(self, value, text=text, **kwargs)

    monkeypatch.setattr(DeltaGenerator, "progress", progress)
    return calls


def first_load(tmp_path: Path, monkeypatch, lang: str | None, per_article_s: float) -> AppTest:
    folder = tmp_path / "articles"
    shutil.copytree(SEEDS, folder)
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(folder))
    monkeypatch.setenv("EGOV_CACHE_DIR", str(tmp_path / "cache"))  # nothing extracted yet
    slow = pipeline.extract_document

    def extract_document(text, published=""):
        time.sleep(per_article_s)  # a long article, so that the load outlasts the quiet period
        return slow(text, published)

    monkeypatch.setattr(pipeline, "extract_document", extract_document)
    monkeypatch.setattr(data, "POLL_S", 0.02)
    at = AppTest.from_file(str(ROOT / "dashboard.py"))
    if lang:
        at.query_params["lang"] = lang
    return at.run(timeout=120)


@pytest.mark.parametrize("lang, pattern", [
    (None, "{done} of 5 articles read"),
    ("ar", "قُرئت {done} من أصل 5 مقالة"),
], ids=["en", "ar"])
def test_first_load_of_a_folder_shows_the_counts(tmp_path, monkeypatch, drawn_bars, lang, pattern):
    at = first_load(tmp_path, monkeypatch, lang, per_article_s=0.3)
    assert not at.exception, [e.value for e in at.exception]
    counts = [(value, text) for value, text in drawn_bars]
    assert counts, "no progress bar was drawn"
    for value, text in counts:
        done = round(value * 5)
        assert text == pattern.format(done=done) and 0 <= done <= 5
    assert [v for v, _ in counts] == sorted(v for v, _ in counts)
    assert page_charts(at), "the page was not drawn after the load"
    assert not [el for el in at.main if el.type == "progress"], "the bar was left on the page"


def test_a_loaded_folder_shows_no_bar(tmp_path, monkeypatch, drawn_bars):
    at = first_load(tmp_path, monkeypatch, None, per_article_s=0.0)
    assert not at.exception
    drawn_bars.clear()
    at.run(timeout=60)  # the same folder again: the loaded corpus is reused
    assert not at.exception and page_charts(at)
    assert drawn_bars == []
