"""Extraction of one document: normalize -> gazetteer/dates -> rankings -> events, in that order."""

from __future__ import annotations

from core.context import build_context
from core.events import find_events
from core.pipeline import DocumentExtraction
from core.rankings import find_rank_claims

TITLE_MAX = 160


def title_of(text: str) -> str:
    """The first non-empty line, cut to a readable length at a word boundary."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            if len(line) <= TITLE_MAX:
                return line
            cut = line[:TITLE_MAX].rsplit(" ", 1)[0]
            return cut + " …"
    return ""


def extract(text: str, published: str = "") -> DocumentExtraction:
    """All records of one article; see core.pipeline.extract_document for the contract."""
    ctx = build_context(text, published)
    claims = find_rank_claims(ctx)
    events = find_events(ctx, claims)
    return DocumentExtraction(title=title_of(text), events=tuple(events), rankings=tuple(claims))
