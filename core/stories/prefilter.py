"""A block's pairs that may join, found with arrays: the cheap necessary conditions of core.stories.rules.

A block of a large archive holds thousands of events (one kind family, one year); comparing its
pairs one by one in Python costs seconds per block. Every condition here is implied by the rules
(a refusal that holds, or too little evidence, means no join), so the pairs it drops are pairs
`join_basis` would refuse; the pairs it keeps are decided by `join_basis` itself. Name similarity
is rapidfuzz's `cdist` (the same token-set ratio as the rules, computed in C++ for the whole block).
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from core.stories.records import StoryRecord
from core.stories.rules import MIN_NAME_WORDS, NAME_DIFFERENT, NAME_SIMILAR


def _codes(values: list) -> np.ndarray:
    """Each value as an integer code; None and '' as -1 (unknown)."""
    index: dict = {}
    return np.array([-1 if v in (None, "") else index.setdefault(v, len(index)) for v in values], dtype=np.int64)


def _same(codes: np.ndarray) -> np.ndarray:
    known = codes >= 0
    return (codes[:, None] == codes[None, :]) & known[:, None] & known[None, :]


def _differ(codes: np.ndarray) -> np.ndarray:
    known = codes >= 0
    return (codes[:, None] != codes[None, :]) & known[:, None] & known[None, :]


def joinable_pairs(block: list[StoryRecord]) -> list[tuple[int, int]]:
    """(i, j), i < j, of the block's records whose pair passes every array-checkable condition."""
    n = len(block)
    if n < 2:
        return []
    doc, year, edition = _codes([r.doc for r in block]), _codes([r.year for r in block]), _codes([r.edition for r in block])
    month = _codes([r.month for r in block])
    year_equal = year[:, None] == year[None, :]  # unknown equals unknown, as `a.year == b.year` in the rules
    host, tense = _codes([r.host for r in block]), _codes([r.tense for r in block])
    side = np.array([r.sidelines for r in block])
    named = np.array([len(r.name) >= MIN_NAME_WORDS for r in block])
    names = [" ".join(r.name) for r in block]
    score = process.cdist(names, names, scorer=fuzz.token_set_ratio, dtype=np.float32) if named.any() \
        else np.zeros((n, n), dtype=np.float32)
    both_named = named[:, None] & named[None, :]
    same_year, same_edition = _same(year), _same(edition)
    refused = (_same(doc) | _differ(year) | (_differ(month) & year_equal) | _differ(host) | _differ(edition)
               | (side[:, None] != side[None, :]) | (_differ(tense) & ~same_edition)
               | (both_named & (score < NAME_DIFFERENT)))
    evidence = (same_year.astype(np.int8) + same_edition + (_same(month) & year_equal) + _same(host)
                + (both_named & (score >= NAME_SIMILAR)))
    keep = ~refused & (same_year | same_edition) & (evidence >= 2)
    i, j = np.nonzero(np.triu(keep, k=1))
    return list(zip(i.tolist(), j.tolist()))
