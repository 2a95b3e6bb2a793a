"""Review: confirm, correct, reject or add the events, participants and ranking claims of an article."""

from __future__ import annotations

from ui.data import seeds_folder
from ui.layout import corpus_or_stop, data_sources, setup_page
from ui.review_page import review_page

setup_page("Review")
corpus = corpus_or_stop()
data_sources(corpus, reference=False)
review_page(corpus, seeds_folder())
