"""Bahrain e-government diplomacy: Arabic news articles -> tidy tables (no Streamlit here)."""

from core.reading.ingest import CorpusFolderError
from core.run.pipeline import Corpus, extract_document, load_corpus
from core.records import DocumentExtraction

__all__ = ["Corpus", "CorpusFolderError", "DocumentExtraction", "extract_document", "load_corpus"]
