"""Sentences and clauses of normalized text, as token index ranges."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from itertools import repeat
from operator import attrgetter

from core.lexicon import load_table
from core.text.charpos import positions, runs
from core.text.lexindex import Forms, TokenIndex, kind
from core.text.morphology import conjoined, stems
from core.text.normalize import Token, normalize_chars



@lru_cache(maxsize=None)
def marks(group: str) -> str:
    """The marks of one group of core/data/punctuation.tsv, escaped for a regex character class."""
    rows = load_table("punctuation.tsv", ["group", "mark"])
    return re.escape("".join(r["mark"] for r in rows if r["group"] == group))


@lru_cache(maxsize=1)
def patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(sentence end, clause break) from core/data/punctuation.tsv.

    A sentence ends at its marks or a line break; "." between two Latin letters (bahrain.bh),
    between digits (3.5) or after a one-letter abbreviation ("د.الزريقي") does not end one.
    A clause also breaks at a spaced dash.
    """
    return (re.compile(r"[" + marks("sentence_end") + r"\n]+|\.(?!\d)"),
            re.compile(r"[" + marks("clause_break") + r"]|\s-\s"))


@lru_cache(maxsize=None)
def _mark_chars(group: str) -> str:
    """The marks of one group of core/data/punctuation.tsv, as written (not escaped)."""
    return "".join(r["mark"] for r in load_table("punctuation.tsv", ["group", "mark"]) if r["group"] == group)


@lru_cache(maxsize=1)
def _split_patterns() -> tuple[str, str] | None:
    """The two patterns() as searches for single characters, the same matches found by substring
    search (in C; most marks occur a few times in an article) instead of an alternation tried at
    every character: (the characters whose runs end a sentence, besides a dot not before a digit;
    the clause marks, besides a dash before a space). None when the marks would make the two
    differ (a sentence mark that is a dot, a clause mark that is a dash or a space)."""
    sentence_end, clause_break = _mark_chars("sentence_end"), _mark_chars("clause_break")
    if "." in sentence_end or "-" in clause_break or re.search(r"\s", clause_break):
        return None
    return sentence_end + "\n", clause_break


def _sentence_marks(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of patterns()'s sentence end matches, in order."""
    split = _split_patterns()
    if split is None:
        return [m.span() for m in patterns()[0].finditer(text)]
    found = runs(positions(text, split[0]))  # runs of the marks: consecutive positions joined
    if "." in text:  # a run never holds a dot: the two searches never overlap
        found += [(p, p + 1) for p in positions(text, ".") if not text[p + 1:p + 2].isdecimal()]
        found.sort()
    return found


def _clause_marks(text: str) -> list[int]:
    """Start offsets of patterns()'s clause breaks (a clause mark, or a space-dash-space), in order."""
    split = _split_patterns()
    if split is None:
        return [m.start() for m in patterns()[1].finditer(text)]
    found = positions(text, split[1])
    if "-" in text:
        after = 0  # a spaced dash's three characters are not searched again (matches do not overlap)
        for m in _DASH.finditer(text, 1):
            p = m.start() - 1
            if p >= after and text[p].isspace():
                found.append(p)
                after = p + 3
        found.sort()
    return found


_DASH = re.compile(r"-(?=\s)")


@lru_cache(maxsize=1)
def clause_words() -> frozenset[str]:
    """Words that open a new clause ("فيما", "بينما"): group clause_start of event_context.tsv."""
    return frozenset(normalize_chars(r["word"]) for r in load_table("event_context.tsv", ["group", "word"])
                     if r["group"] == "clause_start")


@lru_cache(maxsize=1)
def wrap_prepositions() -> frozenset[str]:
    """Prepositions that attach the next line to the line before (group wrap_preposition)."""
    return frozenset(normalize_chars(r["word"]) for r in load_table("event_context.tsv", ["group", "word"])
                     if r["group"] == "wrap_preposition")


@lru_cache(maxsize=200_000)
def _opens_clause(token: str) -> bool:
    words = clause_words()
    return any(form in words for form in stems(token))


@dataclass(frozen=True)
class Segment:
    first: int  # token index
    last: int   # token index after the last token
    start: int  # normalized offsets
    end: int


PAREN_SPAN = 200  # characters: a parenthesis in news copy holds a slogan or a name, not paragraphs


class _Parens:
    """Positions of "(" and ")" in a text, found once, to ask "is this offset inside parentheses?"."""

    def __init__(self, text: str):
        self.opens = positions(text, "(")  # by substring search (in C), not a regex over the text
        self.closes = positions(text, ")")

    def inside(self, pos: int) -> bool:
        """Within PAREN_SPAN characters after an unclosed "(" (a stray one does not swallow the text)."""
        k = bisect_left(self.opens, pos)
        if k == 0 or pos - self.opens[k - 1] > PAREN_SPAN:
            return False
        j = bisect_left(self.closes, pos)
        return j == 0 or self.closes[j - 1] < self.opens[k - 1]


def _is_sentence_dot(text: str, pos: int, parens: _Parens | None = None) -> bool:
    if text[pos + 1:pos + 2] == "." or text[pos - 1:pos] == ".":
        return False  # "والتكنولوجيا.. نحو": an ellipsis pauses, it does not end the sentence
    parens = parens or _Parens(text)
    if parens.opens and parens.inside(pos):  # (a text with no "(" has no dot inside parentheses)
        return False  # inside parentheses: "(الوقف والتكنولوجيا. نحو آفاق)"
    before = text[max(0, pos - 2):pos]
    after = text[pos + 1:pos + 2]
    if before[-1:].isascii() and before[-1:].isalpha() and after.isascii() and after.isalpha():
        return False
    if len(before) == 2 and not before[0].isalnum() and before[1].isalpha():
        return False  # one-letter abbreviation
    if pos == 1 and text[0].isalpha():
        return False
    return True


_END, _START = attrgetter("end"), attrgetter("start")


_new_object, _set_attribute = object.__new__, object.__setattr__


def _split(tokens: list[Token], cuts: list[int], text_len: int, ends: list[int] | None = None,
           starts: list[int] | None = None, at: list[Segment] | None = None) -> list[Segment]:
    """Segments of tokens between character cut positions (`ends`, `starts`: the tokens' ends and
    starts, if known); the text's end (`text_len`, past every token) closes the last one. Each Segment
    is made as core.records.frozen_record makes it (its __dict__ set at once), inline: a document
    makes about a hundred. `at`, when given, receives each token's segment, in token order (the
    segments follow one another from token 0: core.text.context's per-token list)."""
    if ends is None:
        ends = list(map(_END, tokens))  # increasing
    if starts is None:
        starts = list(map(_START, tokens))
    # each cut's number of tokens ending at or before it (the searches in C, duplicates dropped in C),
    # ascending: a segment ends at each, one Python step per segment (not per cut)
    bounds = sorted(set(map(bisect_right, repeat(ends), cuts)))
    if bounds and bounds[0] == 0:
        del bounds[0]  # a cut before the first token's end closes no segment
    segments = []
    first = 0
    k = len(ends)  # the text's end (every token ends at or before it) closes the last segment
    if k > first and (not bounds or bounds[-1] < k):
        bounds.append(k)
    for k in bounds:
        segment = _new_object(Segment)
        _set_attribute(segment, "__dict__", {"first": first, "last": k, "start": starts[first], "end": ends[k - 1]})
        segments.append(segment)
        if at is not None:
            at += (segment,) * (k - first)  # a tuple repeated, joined in C
        first = k
    return segments


LONG_LINE = 15  # words: a line this long that stops with no mark was wrapped, not ended
# A shorter line was wrapped when the next one goes on with a coordinated word or a preposition
# (hard-wrapped pages cut every 7 to 14 words: "… للاتصالات⏎وتكنولوجيا المعلومات والإعلام").
WRAPPED_LINE = 7


def _is_sentence_break(text: str, start: int, end: int, parens: _Parens) -> bool:
    """A mark or a line break (text[start:end], a match of patterns()'s sentence end) that ends a
    sentence; a single line break after a long line with no final mark is a wrapped line
    ("المنتدى العالمي للحكومة⏎الإلكترونية")."""
    mark = text[start:end]
    if mark == ".":
        return _is_sentence_dot(text, start, parens)
    if mark.strip(" \t\r") == "\n":
        line = text[text.rfind("\n", 0, start) + 1:start].rstrip()
        if line[-1:] in marks("clause_break"):
            return False  # "ترأس مصر، ممثلة في وزارة الاتصالات،⏎الاجتماع …": a comma goes on
        words = len(line.split())
        if not line[-1:].isalpha():
            return True
        following = text[end:end + 40].split()
        # "… عدد من الوزراء المعنيين⏎من خمس دول": a coordinated word or a preposition goes on
        goes_on = bool(following) and (conjoined(following[0]) or
                                       normalize_chars(following[0]) in wrap_prepositions())
        # "… الذي انعقد بمدينة شرم الشيخ خلال⏎الفترة من 22 إلى 26 أكتوبر": a line that ends with a
        # preposition has its object on the next line
        goes_on = goes_on or bool(following) and normalize_chars(line.split()[-1]) in wrap_prepositions()
        return not (words >= LONG_LINE or (words >= WRAPPED_LINE and goes_on))
    return True


@lru_cache(maxsize=2)
def _sentence_cuts(text: str) -> tuple[int, ...]:
    """Character positions where a sentence ends; kept for the last texts (sentences and clauses
    of one document both need them)."""
    parens = _Parens(text)
    return tuple(start for start, end in _sentence_marks(text) if _is_sentence_break(text, start, end, parens))


def sentences(text: str, tokens: list[Token], ends: list[int] | None = None,
              starts: list[int] | None = None, at: list[Segment] | None = None) -> list[Segment]:
    """Sentences (`at`: as _split's, each token's sentence)."""
    return _split(tokens, list(_sentence_cuts(text)), len(text), ends, starts, at)


CLAUSE_OPENER = kind("clause_opener", _opens_clause, Forms(stems=clause_words))


def clauses(text: str, tokens: list[Token], index: TokenIndex | None = None,
            ends: list[int] | None = None, starts: list[int] | None = None,
            at: list[Segment] | None = None) -> list[Segment]:
    """Clauses: sentences cut again at clause marks and before the words that open a clause (only
    those tokens, from `index`, are looked at). `at`: as _split's, each token's clause."""
    cuts = list(_sentence_cuts(text))
    cuts += _clause_marks(text)
    if starts is None:
        starts = list(map(_START, tokens))
    cuts += [starts[i] - 1 for i in (index or TokenIndex.of(tokens)).positions(CLAUSE_OPENER)]
    return _split(tokens, cuts, len(text), ends, starts, at)


def segment_of(segments: list[Segment], token_index: int) -> Segment:
    """The segment that holds token_index (segments cover every token)."""
    lo, hi = 0, len(segments) - 1
    while lo < hi:
        mid = (lo + hi) // 2
        if segments[mid].last <= token_index:
            lo = mid + 1
        else:
            hi = mid
    return segments[lo]
