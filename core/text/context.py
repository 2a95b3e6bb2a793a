"""The analysis pass: everything the extraction stages share about one document, computed once.

A document is normalized, tokenized, segmented, searched for states and dates, and every word
group of core/data/event_context.tsv is tagged on its tokens (through core.text.morphology.stems) in
one pass. Stages then ask the context which tags, mentions or dates lie in a token span (sorted
positions and bisect), instead of scanning the text again for every candidate.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache, reduce
from operator import attrgetter, iadd, itemgetter, le, lt, mul, sub

from core.text.dates import Published, find_dates
from core.text.gazetteer import find_mentions
from core.lexicon import load_table
from core.text.lexindex import Forms, TokenIndex, kind
from core.text.morphology import stems
from core.text.normalize import Normalized, normalize, tokenize_columns
from core.text.numbers import NumberMatch, number_at_word, number_in
from core.records import CountryMention, DateMention, Span
from core.text.phrases import phrase_tokens
from core.text.segment import Segment, clauses, sentences
from core.text.subject import resolve
from core.text.tokens import Tokens, columns

WORD_GROUPS = "event_context.tsv"
_FIRST, _LAST = attrgetter("first"), attrgetter("last")
_FIRST_ITEM = itemgetter(0)


@dataclass(frozen=True)
class WordGroups:
    """Every word group of the context file: one-token words by form, longer phrases by first token."""

    single: dict[str, frozenset[str]]                           # word -> groups
    multi: dict[str, tuple[tuple[tuple[str, ...], str], ...]]   # first token -> ((rest...), group)
    names: frozenset[str]

    def words(self, group: str) -> frozenset[str]:
        return _words_of(group)


@lru_cache(maxsize=None)
def _words_of(group: str) -> frozenset[str]:
    return frozenset(w for w, names in word_groups().single.items() if group in names)


@lru_cache(maxsize=1)
def word_groups() -> WordGroups:
    single: dict[str, set[str]] = {}
    multi: dict[str, list[tuple[tuple[str, ...], str]]] = {}
    names: set[str] = set()
    for row in load_table(WORD_GROUPS, ["group", "word"]):
        key = phrase_tokens(row["word"])
        if not key:
            continue
        names.add(row["group"])
        if len(key) == 1:
            single.setdefault(key[0], set()).add(row["group"])
        else:
            multi.setdefault(key[0], []).append((key[1:], row["group"]))
    return WordGroups({k: frozenset(v) for k, v in single.items()},
                      {k: tuple(sorted(v, key=lambda e: -len(e[0]))) for k, v in multi.items()},
                      frozenset(names))


@lru_cache(maxsize=200_000)
def _groups_of(token: str) -> tuple[frozenset[str], tuple[tuple[tuple[str, ...], str], ...]]:
    """(groups the token is a word of, multi-token phrases it may start), over its stems; memoized."""
    groups = word_groups()
    single: set[str] = set()
    multi: list[tuple[tuple[str, ...], str]] = []
    for form in stems(token):
        single.update(groups.single.get(form, ()))
        multi.extend(groups.multi.get(form, ()))
    return frozenset(single), tuple(multi)


class _Groups(dict):
    """token text -> _groups_of(token), for tag_tokens: one dict look-up (in C) per tagged token
    instead of a call through the memoized function; starts over past 200,000 texts."""

    def __missing__(self, token: str):
        if len(self) >= 200_000:
            self.clear()
        found = self[token] = _groups_of(token)
        return found


_GROUPS = _Groups()


@lru_cache(maxsize=200_000)
def _may_start_number(token: str) -> bool:
    return token.isdigit() or number_at_word(token)


def _in_a_group(token: str) -> bool:
    single, multi = _groups_of(token)
    return bool(single or multi)


WORD_GROUP = kind("word_group", _in_a_group,  # a word of a group, or the first of a group's phrase
                  Forms(stems=lambda: [*word_groups().single, *word_groups().multi]))
NUMBER_START = kind("number_start", _may_start_number)


def tag_tokens(tokens: Tokens, text: str, index: TokenIndex | None = None
               ) -> tuple[dict[str, list[int]], dict[tuple[str, int], int]]:
    """(group -> sorted token indices tagged with it, (group, index) -> tokens the phrase spans).

    A token is tagged with a group when it, or one of its stems, is a word of the group; a phrase
    of several tokens is tagged on its first token when the rest follows with no punctuation.
    Only the tokens that are a word of some group or start a group's phrase are looked at.
    """
    positions: dict[str, list[int]] = {name: [] for name in word_groups().names}
    lengths: dict[tuple[str, int], int] = {}
    tokens = columns(tokens)  # the tokens' texts, starts and ends, as lists
    texts, starts, ends = tokens.texts, tokens.starts, tokens.ends
    index = index or TokenIndex(texts)
    groups_of = _GROUPS
    for i in index.positions(WORD_GROUP):
        single, multi = groups_of[texts[i]]
        if multi:
            found = set(single)
            for rest, group in multi:
                end = i + 1 + len(rest)
                if end <= len(texts) and tuple(texts[i + 1:end]) == rest and \
                        not any(text[a:b].strip() for a, b in zip(ends[i:end], starts[i + 1:end])):
                    found.add(group)
                    lengths[(group, i)] = max(lengths.get((group, i), 1), len(rest) + 1)
        else:
            found = single
        for group in found:
            positions[group].append(i)
    return positions, lengths


@dataclass
class DocContext:
    norm: Normalized
    tokens: Tokens  # (a list of Token is read as one)
    sentences: list[Segment]
    clauses: list[Segment]
    mentions: list[CountryMention]
    dates: list[DateMention]
    published: Published
    mention_at: dict[int, CountryMention] = field(default_factory=dict)  # first token index -> mention
    mention_tokens: dict[int, tuple[int, int]] = field(default_factory=dict)  # first token -> (first, last)
    date_tokens: list[tuple[int, int, DateMention]] = field(default_factory=list)
    # Word-group tags (group -> sorted token indices) and the length of multi-token tags.
    tags: dict[str, list[int]] = field(default_factory=dict)
    tag_lengths: dict[tuple[str, int], int] = field(default_factory=dict)
    # Per-document results a stage computes once and asks for many times (e.g. events' survey sentences).
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)
    # Candidate positions of every lexicon (core.text.lexindex), looked up once per distinct token.
    index: TokenIndex | None = field(default=None, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.tokens = columns(self.tokens)
        if self.index is None:
            self.index = TokenIndex(self.tokens.texts)

    def tagged(self, i: int, group: str) -> bool:
        """Token i carries `group` (it, or a stem of it, is a word of the group)."""
        found = self.tags[group]
        k = bisect_left(found, i)
        return k < len(found) and found[k] == i

    def first_tag(self, group: str, lo: int, hi: int) -> int | None:
        """The first token index in [lo, hi) tagged with `group`, else None."""
        found = self.tags[group]
        k = bisect_left(found, lo if lo > 0 else 0)
        return found[k] if k < len(found) and found[k] < hi else None

    def has(self, group: str, lo: int, hi: int) -> bool:
        """Some token in [lo, hi) carries `group` (first_tag, inlined: rules ask this very often)."""
        found = self.tags[group]
        k = bisect_left(found, lo if lo > 0 else 0)
        return k < len(found) and found[k] < hi

    def has_any(self, groups: tuple[str, ...], lo: int, hi: int) -> bool:
        """Some token in [lo, hi) carries one of `groups` (has() of each, in one look-up: the groups'
        tokens merged once per document)."""
        key = "tags " + " ".join(groups)
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = sorted(set().union(*(self.tags[group] for group in groups)))
        k = bisect_left(found, lo if lo > 0 else 0)
        return k < len(found) and found[k] < hi

    def tag_positions(self, group: str, lo: int, hi: int) -> list[int]:
        """Every token index in [lo, hi) tagged with `group`, in order."""
        found = self.tags[group]
        return found[bisect_left(found, lo if lo > 0 else 0):bisect_left(found, hi)]

    def tag_length(self, group: str, i: int) -> int:
        """How many tokens the `group` tag at token i covers (1 for a one-word tag)."""
        return self.tag_lengths.get((group, i), 1)

    def words(self, group: str) -> frozenset[str]:
        """The one-token words of a group, as written in the data file (normalized)."""
        return word_groups().words(group)

    def memo_numbers(self, lo: int, hi: int) -> list[int]:
        """Token indices in [lo, hi) where a number (digits or number words) starts; each token that
        may start one is parsed once per document, when a span holding it is first asked for."""
        starts = self.index.positions(NUMBER_START)
        number_at = self.number_at
        return [i for i in starts[bisect_left(starts, max(lo, 0)):bisect_left(starts, hi)] if number_at(i)]

    def number_at(self, i: int) -> NumberMatch | None:
        """core.text.numbers.parse_number at token i (read from the texts: no Token made), kept per document."""
        found = self.memo.get("numbers")
        if found is None:
            found = self.memo["numbers"] = {}
        if i not in found:
            found[i] = number_in(self.tokens.texts, i)
        return found[i]

    def mentions_in(self, lo: int, hi: int) -> list[int]:
        """First token indices of the mentions starting in [lo, hi), in order."""
        starts = self.memo.get("mention_starts")
        if starts is None:
            starts = self.memo["mention_starts"] = sorted(self.mention_at)
        return starts[bisect_left(starts, max(lo, 0)):bisect_left(starts, hi)]

    def dates_in_span(self, lo: int, hi: int) -> list[tuple[int, int, DateMention]]:
        """(first, last, date) of the dates lying wholly inside tokens [lo, hi)."""
        starts = self.memo.get("date_starts")
        if starts is None:
            starts = self.memo["date_starts"] = [a for a, _, _ in self.date_tokens]
        k, end = bisect_left(starts, max(lo, 0)), bisect_left(starts, hi)
        return [item for item in self.date_tokens[k:end] if item[1] <= hi]

    def clauses_starting_in(self, lo: int, hi: int) -> list[Segment]:
        """The clauses that start in tokens [lo, hi), in order: by bisect in their first tokens when
        the clauses are in text order (as core.text.segment makes them), else by looking at each."""
        firsts = self.memo.get("clause_firsts")
        if firsts is None:
            firsts = self.memo["clause_firsts"] = list(map(_FIRST, self.clauses))
            if any(map(lt, firsts[1:], firsts)):
                firsts = self.memo["clause_firsts"] = ()
        if firsts == ():
            return [c for c in self.clauses if lo <= c.first < hi]
        return self.clauses[bisect_left(firsts, lo):bisect_left(firsts, max(lo, hi))]

    def date_starts_in(self, lo: int, hi: int) -> bool:
        """Some date starts in tokens [lo, hi) (else dates_in_span of any span inside it is empty)."""
        starts = self.memo.get("date_starts")
        if starts is None:
            starts = self.memo["date_starts"] = [a for a, _, _ in self.date_tokens]
        k = bisect_left(starts, max(lo, 0))
        return k < len(starts) and starts[k] < hi

    @property
    def text(self) -> str:
        return self.norm.text

    def token_index(self, nstart: int) -> int:
        """Index of the token starting at or after normalized offset nstart."""
        starts = self.memo.get("token_starts")
        if starts is None:
            starts = self.memo["token_starts"] = self.tokens.starts
        return bisect_left(starts, nstart)

    def token_at_original(self, offset: int) -> int:
        """Index of the first token whose original start is at or after `offset`."""
        lo, hi = 0, len(self.tokens)
        starts, index = self.tokens.starts, self.norm.index
        while lo < hi:
            mid = (lo + hi) // 2
            if index[starts[mid]] < offset:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, len(self.tokens) - 1)

    def sentence_of(self, i: int) -> Segment:
        if i >= 0:  # the per-token list, once built: one look-up (rules ask very often)
            try:
                return self.memo["sentence_at"][i]
            except (KeyError, IndexError, TypeError):  # not built yet, [] (segments with gaps), past it
                pass
        return self._segment_of("sentence_at", self.sentences, i)

    def clause_of(self, i: int) -> Segment:
        if i >= 0:
            try:
                return self.memo["clause_at"][i]
            except (KeyError, IndexError, TypeError):
                pass
        return self._segment_of("clause_at", self.clauses, i)

    def _segment_of(self, key: str, segments: list[Segment], i: int) -> Segment:
        """segment.segment_of by bisect over the segments' ends. Segments that follow one another from
        token 0 (as segment.sentences and clauses make them) give each token's segment to the memo,
        then one list look-up answers; an index past them, or other segments, by bisect."""
        at = self.segments_by_token(key, segments)
        if 0 <= i < len(at):
            return at[i]
        return segments[min(bisect_right([seg.last for seg in segments], i), len(segments) - 1)]

    def segments_by_token(self, key: str, segments: list[Segment]) -> list[Segment]:
        """Each token's segment, in a list kept in the memo under `key` ("sentence_at" / "clause_at"
        for the sentences / clauses); [] when the segments do not follow one another from token 0."""
        at = self.memo.get(key)
        if at is None:
            firsts, lasts = list(map(_FIRST, segments)), list(map(_LAST, segments))
            follow = firsts[1:] == lasts[:-1] and all(map(le, firsts, lasts)) and (not segments or firsts[0] == 0)
            # the list built in C, with no Python step per segment: each segment as a tuple repeated over
            # its tokens, the tuples joined by list +=
            at = self.memo[key] = reduce(iadd, map(mul, zip(segments), map(sub, lasts, firsts)), []) \
                if follow else []
        return at

    def span(self, first: int, last: int) -> Span:
        """Evidence for tokens[first:last] in original offsets."""
        surface, start, end = self.norm.surface(self.tokens.starts[first], self.tokens.ends[last - 1])
        return Span(surface, start, end)

    def sentence_span(self, i: int) -> Span:
        s = self.sentence_of(i)
        return self.span(s.first, s.last)


def build_context(text: str, published: str = "") -> DocContext:
    norm = normalize(text)
    texts, starts, ends = tokenize_columns(norm)
    tokens = Tokens(texts, starts, ends)  # the columns; a Token is made only where one is indexed
    pub = Published.parse(published)
    index = TokenIndex(texts)
    spans: list[tuple[int, int]] = []  # each mention's tokens, as the gazetteer found them
    sentence_at: list[Segment] = []    # each token's sentence and clause, as the segments are made
    clause_at: list[Segment] = []      # (segments_by_token's lists: they follow one another from token 0)
    ctx = DocContext(norm=norm, tokens=tokens, sentences=sentences(norm.text, tokens, ends, starts, sentence_at),
                     clauses=clauses(norm.text, tokens, index, ends, starts, clause_at),
                     mentions=find_mentions(norm, tokens, index, spans),
                     dates=find_dates(norm, tokens, pub, index), published=pub, index=index)
    ctx.memo["token_starts"] = starts  # token_index's bisect list
    ctx.memo["sentence_at"], ctx.memo["clause_at"] = sentence_at, clause_at
    ctx.tags, ctx.tag_lengths = tag_tokens(tokens, norm.text, index)
    # A mention's first token is the one starting at its nstart and the token after it the first one
    # starting at or after its nend: what token_index(nstart), token_index(nend) would find by bisect.
    firsts = list(map(_FIRST_ITEM, spans))  # (zips in C, no generator step per mention)
    ctx.mention_at.update(zip(firsts, ctx.mentions))
    ctx.mention_tokens.update(zip(firsts, spans))
    # each date's tokens: token_index(nstart), token_index(nend) (the bisect over `starts`), inline
    ctx.date_tokens += [(bisect_left(starts, d.nstart), bisect_left(starts, d.nend), d) for d in ctx.dates]
    ctx.date_tokens.sort(key=_FIRST_ITEM)
    ctx.memo["subject"] = resolve(ctx)
    return ctx
