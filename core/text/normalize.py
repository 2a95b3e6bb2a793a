"""Arabic text normalization that keeps a map back to the original offsets.

Every matcher in core works on `Normalized.text`; `Normalized.span()` turns a half-open
normalized span into a half-open span of the original article, so evidence can always be
sliced out of the original text unchanged.

The steps, in this order (each a tiny named function over one character or one token):
strip_invisible (zero-width marks, bidi embeddings, overrides and isolates, U+061C), strip_harakat, strip_tatweel, unify_alef, unify_ya, unify_ta_marbuta, unify_hamza_carriers,
digits_to_ascii, lower_latin, then split_glued_words (the only step that inserts characters).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate

import numpy as np

from core.lexicon import load_table
from core.text.charpos import class_runs, plane_matches, positions, runs, utf16_units

# Harakat (fathatan .. sukun), superscript alef, Quranic marks: deleted (code points, not letters).
HARAKAT = set(chr(c) for c in range(0x064B, 0x0653)) | {chr(0x0670)} | set(chr(c) for c in range(0x06D6, 0x06DD))
TATWEEL = chr(0x0640)
# Zero-width and bidi controls that scraped pages carry: deleted. The isolates U+2066-U+2069 and the
# Arabic letter mark U+061C too: inside a word they would hide it from every matcher.
BIDI_ISOLATES = {"\u2066", "\u2067", "\u2068", "\u2069", chr(0x061C)}
INVISIBLE = {"\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\ufeff", "\u202a", "\u202b", "\u202c",
             "\u202d", "\u202e", "\u00ad"} | BIDI_ISOLATES
DELETED = frozenset(HARAKAT | {TATWEEL} | INVISIBLE)


def _letter_variants() -> dict[str, dict[str, str]]:
    """step -> {variant: letter}, from core/data/letter_variants.tsv."""
    steps: dict[str, dict[str, str]] = {}
    for row in load_table("letter_variants.tsv", ["step", "variant", "letter"]):
        if len(row["variant"]) != 1 or len(row["letter"]) != 1:
            raise ValueError(f"letter_variants.tsv line {row['_line']}: one letter per cell")
        steps.setdefault(row["step"], {})[row["variant"]] = row["letter"]
    return steps


LETTER_VARIANTS = _letter_variants()


def strip_invisible(ch: str) -> str:
    return "" if ch in INVISIBLE else ch


def strip_harakat(ch: str) -> str:
    return "" if ch in HARAKAT else ch


def strip_tatweel(ch: str) -> str:
    return "" if ch == TATWEEL else ch


def unify_alef(ch: str) -> str:
    return LETTER_VARIANTS["unify_alef"].get(ch, ch)  # alef with madda, hamza or wasla -> bare alef


def unify_ya(ch: str) -> str:
    return LETTER_VARIANTS["unify_ya"].get(ch, ch)  # alef maqsura (and Farsi yeh) -> yeh


def unify_ta_marbuta(ch: str) -> str:
    return LETTER_VARIANTS["unify_ta_marbuta"].get(ch, ch)  # ta marbuta -> heh


def unify_hamza_carriers(ch: str) -> str:
    # hamza on waw / on yeh: spelling variants meet on the bare carrier.
    return LETTER_VARIANTS["unify_hamza_carriers"].get(ch, ch)


def digits_to_ascii(ch: str) -> str:
    o = ord(ch)
    if 0x0660 <= o <= 0x0669:
        return chr(o - 0x0660 + 48)
    if 0x06F0 <= o <= 0x06F9:
        return chr(o - 0x06F0 + 48)
    return ch


def lower_latin(ch: str) -> str:
    return ch.lower() if "A" <= ch <= "Z" else ch


CHAR_STEPS = (strip_invisible, strip_harakat, strip_tatweel, unify_alef, unify_ya, unify_ta_marbuta,
              unify_hamza_carriers, digits_to_ascii, lower_latin)


def _build_char_table() -> dict[int, str]:
    """Compose the per-character steps into one table (applied with a single pass)."""
    table: dict[int, str] = {}
    candidates = set(DELETED) | {ch for variants in LETTER_VARIANTS.values() for ch in variants}
    candidates |= {chr(c) for c in range(0x0660, 0x066A)} | {chr(c) for c in range(0x06F0, 0x06FA)}
    candidates |= {chr(c) for c in range(ord("A"), ord("Z") + 1)}
    for ch in candidates:
        out = ch
        for step in CHAR_STEPS:
            out = "".join(step(c) for c in out)
        if out != ch:
            table[ord(ch)] = out
    table.update({ord(c): "" for c in INVISIBLE})
    return table


CHAR_TABLE = _build_char_table()
_CHANGED = re.compile("[" + re.escape("".join(chr(k) for k in CHAR_TABLE)) + "]")
_ONE_TO_ONE = all(len(v) <= 1 for v in CHAR_TABLE.values())
_REPLACEMENTS = tuple((chr(k), v) for k, v in CHAR_TABLE.items())
_CHAINABLE = not {chr(k) for k in CHAR_TABLE} & set("".join(CHAR_TABLE.values()))
_DELETED_CHARS = tuple(chr(k) for k, v in CHAR_TABLE.items() if not v)
_DELETED_RUN = re.compile("[" + re.escape("".join(_DELETED_CHARS)) + "]+")


def deleted_runs(text: str) -> list[tuple[int, int]]:
    """The spans of _DELETED_RUN's matches in `text` (maximal runs of characters the steps delete),
    in order: each deleted character found by substring search (in C; most are absent from a text),
    the positions then joined into runs, instead of the regex testing every character of the text."""
    return runs(positions(text, _DELETED_CHARS))


@lru_cache(maxsize=1)
def _bmp_tables() -> tuple[np.ndarray, np.ndarray] | None:
    """(mapped, deleted): each code unit of the Basic Multilingual Plane as CHAR_TABLE maps it, and
    the ones it deletes; None when a character would become two or lies beyond that plane (then
    normalize_chars and deleted_runs do the work)."""
    if any(k > 0xFFFF or len(v) > 1 or v > "\uffff" for k, v in CHAR_TABLE.items()):
        return None
    mapped, deleted = np.arange(0x10000, dtype=np.uint16), np.zeros(0x10000, dtype=bool)
    for k, v in CHAR_TABLE.items():
        if v:
            mapped[k] = ord(v)
        deleted[k] = not v
    return mapped, deleted


def _bmp_changes(text: str) -> tuple[str, list[tuple[int, int]]] | None:
    """(normalize_chars(text), deleted_runs(text)) read from the text's UTF-16 units in a few array
    operations (each unit mapped, the deleted ones dropped and their positions kept), instead of a
    substring search for each of CHAR_TABLE's characters and a str.replace for each that occurs.
    None for a text with a character beyond the Basic Multilingual Plane, or whose lone surrogates
    would pair up once the characters between them are deleted."""
    tables, units = _bmp_tables(), utf16_units(text)
    if tables is None or units is None:
        return None
    mapped, deleted = tables
    gone = np.take(deleted, units)  # np.take: the same gather as deleted[units], twice as fast
    kept = np.take(mapped, units)[~gone]
    out = kept.tobytes().decode("utf-16-le", "surrogatepass")
    if len(out) != len(kept):
        return None
    return out, runs(np.flatnonzero(gone).tolist())


@lru_cache(maxsize=1)
def glued_words() -> tuple[re.Pattern[str] | None, dict[str, str]]:
    """Glued forms from core/data/glued_words.tsv, normalized with the same character steps."""
    rows = load_table("glued_words.tsv", ["glued", "split"])
    mapping: dict[str, str] = {}
    for row in rows:
        glued = normalize_chars(row["glued"])
        split = normalize_chars(row["split"])
        if glued.replace(" ", "") != split.replace(" ", ""):
            raise ValueError(f"glued_words.tsv line {row['_line']}: split form must only add spaces")
        mapping[glued] = split
    if not mapping:
        return None, mapping
    alternation = "|".join(sorted((re.escape(k) for k in mapping), key=len, reverse=True))
    return re.compile(alternation), mapping


@lru_cache(maxsize=1)
def _glued_tests() -> tuple[str, ...]:
    """The glued forms that hold no other glued form: a text holds some glued form exactly when it
    holds one of these (a form holding another is found with it), so normalize tests only these."""
    forms = list(glued_words()[1])
    return tuple(f for f in forms if not any(g != f and g in f for g in forms))


def normalize_chars(text: str) -> str:
    """Character steps only (no offsets kept): for lexicon entries and quick comparisons."""
    if not _CHAINABLE:
        return text.translate(CHAR_TABLE)
    # str.translate looks every character up in a dict, which is slow on Arabic text; one C-level
    # str.replace per character that occurs gives the same result, since no replacement is replaced.
    for old, new in _REPLACEMENTS:
        if old in text:
            text = text.replace(old, new)
    return text


class OffsetMap(Sequence):
    """For each normalized character, its index in the original, kept as the runs of deleted
    characters rather than one integer per character: normalized position p is original position
    p + (characters deleted before it). Indexing gives the same integers a tuple would."""

    __slots__ = ("_cuts", "_shifts", "_len")

    def __init__(self, length: int, deleted_runs: Sequence[tuple[int, int]] = ()):
        """`length`: of the original; `deleted_runs`: (start, end) original spans deleted, in order."""
        cuts, shifts, deleted = [], [], 0
        for a, b in deleted_runs:
            cuts.append(a - deleted)  # the normalized position of the character after the run
            deleted += b - a
            shifts.append(deleted)
        self._cuts, self._shifts, self._len = cuts, shifts, length - deleted + 1

    def __len__(self) -> int:
        return self._len

    def with_insertions(self, inserted: Sequence[int]) -> "OffsetMap":
        """The map of the text with characters inserted at `inserted` (positions in the new text,
        ascending), each pointing at the original index of the real character after it: new position
        q reads old position q - (insertions before q). Kept as runs, the same entries a list would get."""
        n = len(inserted)
        length = self._len + n
        # The shift (entry - position) changes only after an inserted character, or where an old cut lands.
        candidates = {q + 1 for q in inserted}
        j = 0
        for cut in self._cuts:
            while j < n and inserted[j] < cut + j:
                j += 1
            candidates.add(cut + j)
        cuts, shifts, shift = [], [], 0
        for q in sorted(candidates):
            if q >= length:
                break
            new_shift = self[q - bisect_left(inserted, q)] - q
            if new_shift != shift:
                cuts.append(q)
                shifts.append(new_shift)
                shift = new_shift
        out = OffsetMap.__new__(OffsetMap)
        out._cuts, out._shifts, out._len = cuts, shifts, length
        return out

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self._all()[i]
        if i < 0:
            i += self._len
        if not 0 <= i < self._len:
            raise IndexError("OffsetMap index out of range")
        k = bisect_right(self._cuts, i)
        return i + self._shifts[k - 1] if k else i

    def _all(self) -> tuple[int, ...]:
        """Every entry, one integer per normalized character (ranges between the runs)."""
        out: list[int] = []
        prev = shift = 0
        for cut, next_shift in zip(self._cuts, self._shifts):
            out.extend(range(prev + shift, cut + shift))
            prev, shift = cut, next_shift
        out.extend(range(prev + shift, self._len + shift))
        return tuple(out)

    def __iter__(self):
        return iter(self._all())

    def __eq__(self, other) -> bool:
        if isinstance(other, OffsetMap):
            return (self._len, self._cuts, self._shifts) == (other._len, other._cuts, other._shifts)
        return isinstance(other, Sequence) and self._all() == tuple(other)

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())


@dataclass(frozen=True)
class Normalized:
    """Normalized text plus, for each normalized character, its index in the original.

    `index` has len(text) + 1 entries; the last one is len(original).
    """

    original: str
    text: str
    index: Sequence[int]  # an OffsetMap, or a tuple when normalization inserted characters

    def span(self, start: int, end: int) -> tuple[int, int]:
        """Original half-open span for normalized [start, end). Trailing deleted marks
        (harakat, tatweel) after the last character are included."""
        if end <= start:
            o = self.index[start]
            return o, o
        index = self.index
        if index.__class__ is OffsetMap and 0 <= start and end < index._len:
            # the three entries read from the runs at once (OffsetMap.__getitem__, inlined)
            cuts, shifts = index._cuts, index._shifts
            k = bisect_right(cuts, start)
            o_start = start + shifts[k - 1] if k else start
            if k == len(cuts) or cuts[k] > end:  # no run deleted inside the span or right after it
                return o_start, end + o_start - start
            k = bisect_right(cuts, end - 1, k)
            o_end = end + shifts[k - 1] if k else end  # the entry of end - 1, plus one
            k = bisect_right(cuts, end, k)
            nxt = end + shifts[k - 1] if k else end
        else:
            o_start = index[start]
            o_end = index[end - 1] + 1
            nxt = index[end]
        # Extend over characters that normalization deleted (harakat after the last letter).
        while o_end < nxt and o_end < len(self.original) and self.original[o_end] in DELETED:
            o_end += 1
        return o_start, o_end

    def surface(self, start: int, end: int) -> tuple[str, int, int]:
        """(original text, start, end) for normalized [start, end)."""
        s, e = self.span(start, end)
        return self.original[s:e], s, e


def _glued_spans(text: str, mapping: dict[str, str]) -> list[tuple[int, int]]:
    """The spans the alternation of the glued forms (longest first) matches, left to right, without
    overlap: each form's occurrences found by substring search (in C), then at each place the
    leftmost, longest one, as the regex engine would take them (it tries every position of the text)."""
    found = []
    for glued in mapping:
        k = text.find(glued)
        while k != -1:
            found.append((k, -len(glued)))
            k = text.find(glued, k + 1)
    found.sort()
    spans: list[tuple[int, int]] = []
    pos = 0
    for start, minus_length in found:
        if start >= pos:
            pos = start - minus_length
            spans.append((start, pos))
    return spans


def _split_glued(text: str, mapping: dict[str, str]) -> tuple[str, list[int]]:
    """(text with a space inserted inside each glued form, the positions of the inserted spaces in it,
    ascending). A space of the split form that is already in the text is kept, not inserted."""
    out: list[str] = []
    inserted: list[int] = []
    pos = 0
    for start, end in _glued_spans(text, mapping):
        out.append(text[pos:start])
        k = start
        for ch in mapping[text[start:end]]:
            if ch == " " and (k >= end or text[k] != " "):
                inserted.append(k + len(inserted))  # its position in the new text
                out.append(" ")
            else:
                out.append(text[k])
                k += 1
        pos = end
    out.append(text[pos:])
    return "".join(out), inserted


def normalize(original: str) -> Normalized:
    """Normalize `original`, keeping the map to original offsets. Never raises on str input."""
    if not _CHANGED.search(original):
        text = original
        index = OffsetMap(len(original))
    elif _ONE_TO_ONE:
        # Every step maps a character to one character or deletes it: translate in C, and keep
        # the runs of deleted characters (the map to the original, with no integer per character).
        found = _bmp_changes(original)
        if found is None:
            text, deleted = normalize_chars(original), deleted_runs(original)
        else:
            text, deleted = found
        index = OffsetMap(len(original), deleted)
    else:
        out: list[str] = []
        index = []
        table = CHAR_TABLE
        for i, ch in enumerate(original):
            rep = table.get(ord(ch))
            if rep is None:
                out.append(ch)
                index.append(i)
            elif rep:
                for r in rep:
                    out.append(r)
                    index.append(i)
        text = "".join(out)
        index.append(len(original))
    pattern, mapping = glued_words()
    # The glued forms are literal strings: one substring search each (in C) is much cheaper than the
    # regex alternation trying every position, and most texts hold none.
    if pattern is not None and any(glued in text for glued in _glued_tests()):
        text, inserted = _split_glued(text, mapping)
        # an inserted space points at the next real character: new position q reads old q - (insertions before q)
        if isinstance(index, OffsetMap):
            index = index.with_insertions(inserted)  # still runs, no integer per character
        else:
            index = [index[q - bisect_left(inserted, q)] for q in range(len(text) + 1)]
    return Normalized(original=original, text=text, index=index if isinstance(index, OffsetMap) else tuple(index))


# Tokens: runs of Arabic letters, Latin letters or digits.
LETTER = r"[\u0621-\u064a\u066e-\u06d3\u06fa-\u06ffA-Za-z]"
TOKEN_RE = re.compile(LETTER + r"+|\d+")


@dataclass(slots=True)  # not frozen: a frozen dataclass costs 3x to build, and a document makes thousands
class Token:
    text: str   # normalized
    start: int  # normalized offsets
    end: int


# The same pattern as a capturing group: split() alternates gaps and tokens, so the offsets are the
# running sum of the parts' lengths (computed in C, with no match object per token).
_TOKEN_SPLIT = re.compile("(" + TOKEN_RE.pattern + ")")


def tokenize(norm: Normalized) -> list[Token]:
    """Tokens of the normalized text, each remembering its normalized span."""
    return list(map(Token, *tokenize_columns(norm)))


def tokenize_columns(norm: Normalized) -> tuple[list[str], list[int], list[int]]:
    """The tokens as columns (their texts, starts, ends), with no Token made: the stages read the
    columns (core.text.tokens.Tokens makes a Token only where one is indexed)."""
    text = norm.text
    units, classes = utf16_units(text), _char_classes()
    if units is None or classes is None:  # TOKEN_RE's split
        parts = _TOKEN_SPLIT.split(text)  # gap, token, gap, token, ..., gap
        offsets = list(accumulate(map(len, parts), initial=0))
        return parts[1::2], offsets[1:-1:2], offsets[2::2]
    # the same runs, from each character's class (a few array operations over the text)
    starts, ends = class_runs(units, classes)
    return [text[a:b] for a, b in zip(starts, ends)], starts, ends


@lru_cache(maxsize=1)
def _char_classes() -> np.ndarray | None:
    """TOKEN_RE's two kinds of run for every character of the Basic Multilingual Plane, as the regex
    itself tells them (1: a LETTER, 2: a digit, 0: neither); None if a character were both."""
    letters, digits = plane_matches(LETTER + "+"), plane_matches(r"\d")
    if (letters & digits).any():
        return None
    return letters.astype(np.int8) + 2 * digits.astype(np.int8)
