"""Vocabularies shared by core and the dashboard, each read once from its data file."""

from __future__ import annotations

from functools import lru_cache

from core.lexicon import LexiconError, load_table


@lru_cache(maxsize=1)
def event_kinds() -> dict[str, tuple[str, int]]:
    """kind -> (English label, coordination priority) from core/data/event_kinds.tsv, in file order."""
    out: dict[str, tuple[str, int]] = {}
    for row in load_table("event_kinds.tsv", ["kind", "label", "coordination"]):
        try:
            out[row["kind"]] = (row["label"], int(row["coordination"]))
        except ValueError as exc:
            raise LexiconError(f"event_kinds.tsv:{row['_line']}: coordination must be a whole number") from exc
    return out
