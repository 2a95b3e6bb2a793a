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
from core.stories.rules import EVIDENCE, MIN_NAME_WORDS, NAME_DIFFERENT, NAME_SIMILAR, _has


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


def _matrices(block: list[StoryRecord]) -> tuple[np.ndarray, list[np.ndarray], np.ndarray]:
    """(refused by an array-checkable rule, the evidence matrices in rules.EVIDENCE order, both named)."""
    n = len(block)
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
    found = [same_year, same_edition, _same(month) & year_equal, _same(host), both_named & (score >= NAME_SIMILAR)]
    return refused, found, both_named


def refusal_matrix(block: list[StoryRecord]) -> np.ndarray:
    """refusal_matrix(block)[i, j] is True when rules.refusal(block[i], block[j]) names a refusal
    (for records of one kind family): the array-checkable refusals and the names' qualifiers, the
    latter computed once per distinct (first word, name)."""
    refused, _found, both_named = _matrices(block)
    names = sorted({r.name for r in block})
    firsts = sorted({r.name[0] for r in block if r.name})
    where = {name: k for k, name in enumerate(names)}
    has = np.array([[_has(f, name) for name in names] for f in firsts], dtype=bool).reshape(len(firsts), len(names))
    first_at = {f: k for k, f in enumerate(firsts)}
    f_idx = np.array([first_at.get(r.name[0], 0) if r.name else 0 for r in block])
    n_idx = np.array([where[r.name] for r in block])
    a_in_b = has[f_idx[:, None], n_idx[None, :]] if len(firsts) else np.ones((len(block), len(block)), dtype=bool)
    qualifier = both_named & ~a_in_b & ~a_in_b.T
    return refused | qualifier


def joinable_pairs(block: list[StoryRecord]) -> list[tuple[int, int, str]]:
    """(i, j, basis), i < j, of the block's records whose pair passes every array-checkable condition;
    basis names the evidence found, as rules.join_basis does. What arrays cannot check is the names'
    qualifiers (rules.qualifier_conflict): the caller checks it on these pairs."""
    if len(block) < 2:
        return []
    refused, found, _both = _matrices(block)
    same_year, same_edition = found[0], found[1]
    evidence = sum(f.astype(np.int8) for f in found)
    keep = ~refused & (same_year | same_edition) & (evidence >= 2)
    i, j = np.nonzero(np.triu(keep, k=1))
    bits = np.stack([f[i, j] for f in found], axis=1) if len(i) else np.zeros((0, len(found)), dtype=bool)
    names = [rule.__name__ for rule in EVIDENCE]
    bases: dict[bytes, str] = {}
    out = []
    for a, b, row in zip(i.tolist(), j.tolist(), bits):
        key = row.tobytes()
        if key not in bases:
            bases[key] = "+".join(n for n, hit in zip(names, row) if hit)
        out.append((a, b, bases[key]))
    return out
