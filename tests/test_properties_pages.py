"""Property tests: every ui figure and measure function, and every page under AppTest, works on any
corpus the declared schemas allow (tests/table_strategies.py): missing values in every nullable column,
empty strings, extreme integers, one row, many rows. No exception, no error box."""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import pandas as pd
import pytest
from hypothesis import HealthCheck, example, given, settings
from streamlit.testing.v1 import AppTest

import core
from core import reference
from table_strategies import ISO3, corpora, many_rows
from ui import charts, filters, measures
from ui.evidence import doc_highlights, highlighted_html

ROOT = Path(__file__).resolve().parents[1]
PAGES = ["dashboard.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
# Run time in CI stays modest: the functions take milliseconds, a page run a fraction of a second.
FUNCTIONS = settings(max_examples=25, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
PAGE_RUNS = settings(max_examples=4, deadline=None, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
REFERENCE = reference.load_reference()


def draw_every_figure(corpus: core.Corpus) -> list:
    """Each ui figure and measure function called the way the pages call it; the figures built."""
    events, participants = corpus.events, corpus.participants
    names = {iso: iso for iso in ISO3}
    titles = dict(zip(corpus.documents["doc"], corpus.documents["title"]))
    counts = measures.state_counts(events, participants, names)
    shown = filters.filter_events(events, filters.year_span(events["year"]))
    checked = reference.check_claims(corpus.rankings, REFERENCE)
    history = reference.ranking_history(REFERENCE, checked)
    figures = [
        charts.timeline_figure(events, titles, names),
        charts.engagement_map(counts, "states"),
        charts.frequency_bars(counts),
        charts.delegation_bars(shown, measures.delegation_measure(shown, participants), titles, "size",
                               limit=charts.BAR_LIMIT),
        charts.delegation_bars(events, measures.delegation_measure(events, participants), titles, "date",
                               limit=charts.BAR_LIMIT),
        charts.member_bars(events, participants, ["BHR", "SAU", "QAT"], names),
        charts.topic_heatmap(measures.topic_year_table(events)),
    ]
    for scope in ("world", "gcc"):
        rows = history[history["scope"] == scope]
        figures.append(charts.rank_figure(rows[rows["source"] == "official"], rows[rows["source"] == "article"],
                                          ["BHR", "QAT"], names, "rank", scope))
    for view in measures.MEASURES:
        official = REFERENCE[REFERENCE["iso3"].isin(["BHR", "QAT"])].rename(columns={"iso3": "country_iso3"})
        figures.append(charts.rank_figure(official, history.iloc[:0], ["BHR", "QAT"], names, view, "world"))
        figures.append(charts.survey_map(REFERENCE[REFERENCE["survey_year"] == 2024], view, 2024, names))
    by_event, _positions = measures.participants_by_event(events, participants)
    measures.gcc_event_rows(events, by_event, names, titles)
    measures.event_dates(events), measures.event_labels(events), measures.event_status(events)
    for doc, text in corpus.texts.items():
        highlighted_html(text, doc_highlights(doc, events, participants, corpus.rankings))
    return figures


@FUNCTIONS
@given(corpora())
def test_every_figure_and_measure_works_on_any_schema_valid_corpus(corpus):
    figures = draw_every_figure(corpus)
    assert all(fig.layout.title.text for fig in figures)


def test_every_figure_and_measure_works_on_ten_thousand_events():
    figures = draw_every_figure(many_rows(10_000))
    timeline = figures[0]
    assert sum(len(t.x) for t in timeline.data if t.x is not None) > 0


def run_page(page: str, corpus: core.Corpus) -> AppTest:
    with mock.patch("ui.layout.load_corpus", lambda: corpus):
        return AppTest.from_file(str(ROOT / page)).run(timeout=120)


def assert_drawn(at: AppTest) -> None:
    assert not at.exception, [e.message for e in at.exception]
    failed = [e.value for e in at.error if "could not be loaded" in e.value or "cannot be read" in e.value]
    assert not failed, failed
    assert at.title, "the page drew no heading"


@pytest.mark.parametrize("page", PAGES)
@PAGE_RUNS
@given(corpus=corpora(max_docs=3, max_rows=3))
def test_every_page_draws_any_schema_valid_corpus(page, corpus):
    assert_drawn(run_page(page, corpus))


@pytest.mark.parametrize("page", PAGES)
def test_every_page_draws_ten_thousand_events(page):
    assert_drawn(run_page(page, many_rows(10_000)))


def test_the_review_form_of_a_claim_ranked_beyond_its_range_opens_empty():
    from core import tables
    from core.review.apply import with_review_columns

    claim = {"claim_id": "a.txt#r1", "doc": "a.txt", "country_iso3": "BHR", "survey_year": 2010, "scope": "world",
             "rank": 1_000_000, "start": 0, "end": 5, "surface_start": 0, "surface_end": 5}
    corpus = with_review_columns(core.Corpus(
        documents=tables.build_table("documents", [{"doc": "a.txt", "status": "ok", "sha256": "0" * 64}]),
        events=tables.build_table("events", []), participants=tables.build_table("participants", []),
        rankings=tables.build_table("rankings", [claim]), texts={"a.txt": "البحرين"}))
    at = run_page("pages/5_Review.py", corpus)
    assert_drawn(at)
    assert [n.value for n in at.number_input] == [None]
