"""Where given characters stand in a text, found by substring search (in C, and most of them are
absent from any one text) instead of a character class tried at every character: the positions,
and the maximal runs of consecutive positions. normalize (the deleted characters), segment (the
sentence and clause marks) and dates (the numeric dates' separators) read them. And a text as its
UTF-16 code units, for the questions asked of every character at once (array operations over a
table of the Basic Multilingual Plane, plane_matches): normalize's changed characters and its tokens'
runs, the guard's digits."""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np


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


def utf16_units(text: str) -> np.ndarray | None:
    """The text's characters as UTF-16 code units, one per character; None for a text with a
    character beyond the Basic Multilingual Plane (two units: the offsets would not be the text's)."""
    units = np.frombuffer(text.encode("utf-16-le", "surrogatepass"), dtype=np.uint16)
    return units if len(units) == len(text) else None


def plane_matches(pattern: str | re.Pattern[str]) -> np.ndarray:
    """Flags over the Basic Multilingual Plane: the characters `pattern` (a character class, or
    one repeated) matches, as the regex itself tells them, for tables read by utf16_units."""
    flags = np.zeros(0x10000, dtype=bool)
    for m in re.finditer(pattern, "".join(map(chr, range(0x10000)))):
        flags[m.start():m.end()] = True
    return flags


def class_runs(units: np.ndarray, classes: np.ndarray) -> tuple[list[int], list[int]]:
    """(starts, ends) of the maximal runs of characters of one class, class 0 left out: `classes`
    gives each code unit of the plane its class."""
    n = len(units)
    if not n:
        return [], []
    kind = np.take(classes, units)  # the same gather as classes[units], faster
    # where a run begins: the first character, and each one whose class is not its predecessor's;
    # the text's end closes the last run (nonzero on the flat array: no Python wrapper between)
    change = np.empty(n + 1, dtype=bool)
    change[0] = change[n] = True
    np.not_equal(kind[1:], kind[:-1], out=change[1:n])
    bounds = change.nonzero()[0]
    firsts = bounds[:-1]
    keep = kind[firsts] != 0
    return firsts[keep].tolist(), bounds[1:][keep].tolist()
