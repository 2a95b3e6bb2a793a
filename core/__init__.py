"""Bahrain e-government diplomacy: Arabic news articles -> tidy tables (no Streamlit here)."""

from core.ingest import CorpusFolderError
from core.pipeline import Corpus, DocumentExtraction, extract_document, load_corpus

__all__ = ["Corpus", "CorpusFolderError", "DocumentExtraction", "extract_document", "load_corpus"]
