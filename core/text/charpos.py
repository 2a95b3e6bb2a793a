"""Where given characters stand in a text, found by substring search (in C, and most of them are
absent from any one text) instead of a character class tried at every character: the positions,
and the maximal runs of consecutive positions. normalize (the deleted characters), segment (the
sentence and clause marks) and dates (the numeric dates' separators) read them."""

from __future__ import annotations

from collections.abc import Iterable


def positions(text: str, chars: Iterable[str]) -> list[int]:
    """Every offset of `text` holding one of `chars`, ascending."""
    found: list[int] = []
    for ch in set(chars):
        k = text.find(ch)
        while k != -1:
            found.append(k)
            k = text.find(ch, k + 1)
    found.sort()
    return found


def runs(offsets: list[int]) -> list[tuple[int, int]]:
    """Ascending offsets joined into maximal runs of consecutive ones: (start, end) spans, in order."""
    if not offsets:
        return []
    spans: list[tuple[int, int]] = []
    start = prev = offsets[0]
    for p in offsets[1:]:
        if p != prev + 1:
            spans.append((start, prev + 1))
            start = p
        prev = p
    spans.append((start, prev + 1))
    return spans
