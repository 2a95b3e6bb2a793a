"""The per-article guard: how much of one article the extraction stages are given.

The stages are meant to be linear in the article's length, but a crafted or broken article (one
2 MB sentence without punctuation, the same date or ranking sentence repeated 30,000 times) must
never hold a load or a dashboard session, whatever a stage does. So before the stages run, one
linear scan measures the article against three documented limits:

- MAX_EXTRACT_CHARS characters in all (200,000: about 40 times a long news article);
- MAX_SENTENCE_CHARS characters in one sentence (20,000; a sentence ends at . ! ? ؟ ؛ or a line
  break; real sentences stay under 2,000);
- MAX_NUMBERS runs of digits (5,000; the candidates of dates, ranks and sizes: a news article has
  tens).

When one is passed, only a prefix is extracted: the text up to the last sentence end before the
first limit passed (or, in a sentence that is itself too long, up to the last space before
MAX_SENTENCE_CHARS of it), and the document gets the warning "too long to extract fully". The
prefix is a prefix of the original text, so every offset found in it is an offset of the article.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np

from core.text.charpos import plane_matches, utf16_units
from core.text.segment import marks

MAX_EXTRACT_CHARS = 200_000
MAX_SENTENCE_CHARS = 20_000
MAX_NUMBERS = 5_000
# Where a too-long article may be cut: the marks of group guard_cut in core/data/punctuation.tsv
# (. ! ? and the Arabic question mark and semicolon) and a line break.
SENTENCE_END = re.compile("[%s\n]" % marks("guard_cut"))
# Code points, not literals: Arabic-Indic and Extended Arabic-Indic digits.
NUMBER = re.compile("[0-9%s-%s%s-%s]+" % (chr(0x0660), chr(0x0669), chr(0x06F0), chr(0x06F9)))
SPACE = re.compile(r"\s")


def _last_end_before(text: str, pos: int, floor: int = 0) -> int:
    """The offset just after the last sentence end in text[floor:pos], else pos."""
    for k in range(pos - 1, floor - 1, -1):  # scans back only within the current sentence
        if SENTENCE_END.match(text, k):
            return k + 1
    return pos


def _long_sentence_cut(text: str, limit: int) -> int | None:
    """Where to cut in the first sentence of text[:limit] longer than MAX_SENTENCE_CHARS: at the last
    space before MAX_SENTENCE_CHARS of it (None when there is no such sentence)."""
    if limit <= MAX_SENTENCE_CHARS:
        return None  # no sentence of text[:limit] can be longer (most articles: no scan)
    start = 0
    for m in SENTENCE_END.finditer(text, 0, limit):
        if m.start() - start > MAX_SENTENCE_CHARS:
            break
        start = m.end()
    else:
        if limit - start <= MAX_SENTENCE_CHARS:
            return None
    end = start + MAX_SENTENCE_CHARS
    return max((s.start() for s in SPACE.finditer(text, end - 200, end)), default=end)


def extraction_limit(text: str) -> tuple[int, str]:
    """(how many leading characters of `text` to extract, the limit passed or '').

    len(text) and '' for every article within the limits. Linear in len(text).
    """
    limit, why = len(text), ""
    if limit > MAX_EXTRACT_CHARS:
        limit, why = _last_end_before(text, MAX_EXTRACT_CHARS, MAX_EXTRACT_CHARS - MAX_SENTENCE_CHARS), \
            f"over {MAX_EXTRACT_CHARS:,} characters"
    # counted in C first: only an article over the limit is scanned for where the limit is passed; a
    # text of L characters holds at most (L + 1) // 2 runs of digits, so a short one is not counted
    numbers = NUMBER.finditer(text, 0, limit) if (limit + 1) // 2 > MAX_NUMBERS and \
        _digits(text, limit) > MAX_NUMBERS and len(NUMBER.findall(text, 0, limit)) > MAX_NUMBERS else ()
    for n, m in enumerate(numbers, start=1):
        if n > MAX_NUMBERS:
            limit, why = _last_end_before(text, m.start(), max(0, m.start() - MAX_SENTENCE_CHARS)), \
                f"over {MAX_NUMBERS:,} numbers"
            break
    cut = _long_sentence_cut(text, limit)
    if cut is not None and cut < limit:
        limit, why = cut, f"a sentence over {MAX_SENTENCE_CHARS:,} characters"
    return limit, why


@lru_cache(maxsize=1)
def _digit_flags() -> np.ndarray:
    """NUMBER's digits, as flags over the Basic Multilingual Plane (as the regex itself tells them)."""
    return plane_matches(NUMBER)


def _digits(text: str, limit: int) -> int:
    """How many of NUMBER's digits text[:limit] holds (a bound on its runs of digits: a run holds
    one at least), counted over the text's UTF-16 units at once; `limit` itself when the text has a
    character beyond the Basic Multilingual Plane (no bound then)."""
    units = utf16_units(text[:limit])
    return limit if units is None else int(np.count_nonzero(_digit_flags()[units]))


def guard_warning(text: str, limit: int, why: str) -> str:
    return (f"too long to extract fully ({why}): only the first {limit:,} of {len(text):,} "
            "characters were extracted")
