"""Matching lists of Arabic phrases against normalized tokens (shared by every cue-driven stage)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterable

from core.text.morphology import stems
from core.text.normalize import TOKEN_RE, Token, normalize_chars

MEMO_MAX = 200_000  # distinct tokens remembered per matcher before the memo starts over


def phrase_tokens(phrase: str) -> tuple[str, ...]:
    """A phrase from a data file, normalized like article text and split into tokens."""
    return tuple(m.group(0) for m in TOKEN_RE.finditer(normalize_chars(phrase)))


@dataclass
class PhraseMatcher:
    """Longest-match lookup of token sequences; the first token may carry proclitics.

    The first token is looked up in each of its forms from core.text.morphology.stems (so a phrase
    listed with the article also matches "للمنافسة"); later tokens must match as written.
    """

    entries: dict[tuple[str, ...], object]
    longest: int
    first: frozenset[str]
    # token -> first_variants(token): most tokens are looked up by every matcher in every document.
    _memo: dict[str, list[str]] = field(default_factory=dict, repr=False, compare=False)
    # Every key and every beginning of a key: a match grows token by token while it stays in here.
    _prefixes: frozenset[tuple[str, ...]] = field(init=False, repr=False, compare=False)

    # First words that start no phrase longer than one token: their match never looks further.
    _alone: frozenset[str] = field(init=False, repr=False, compare=False)
    # first word -> the second words of its longer phrases
    _followers: dict[str, set[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._prefixes = frozenset(k[:j] for k in self.entries for j in range(1, len(k) + 1))
        self._alone = self.first - {k[0] for k in self.entries if len(k) > 1}
        self._followers = {}
        for key in self.entries:
            if len(key) > 1:
                self._followers.setdefault(key[0], set()).add(key[1])

    @classmethod
    def build(cls, pairs) -> "PhraseMatcher":
        entries: dict[tuple[str, ...], object] = {}
        for phrase, value in pairs:
            key = phrase_tokens(phrase)
            if key and key not in entries:
                entries[key] = value
        longest = max((len(k) for k in entries), default=1)
        return cls(entries, longest, frozenset(k[0] for k in entries))

    def first_variants(self, token: str) -> list[str]:
        """The forms of `token` (itself, or without a prefix) that start a phrase; memoized."""
        found = self._memo.get(token)
        if found is None:
            if len(self._memo) >= MEMO_MAX:
                self._memo.clear()
            found = self._memo[token] = self._first_variants(token)
        return found

    def _first_variants(self, token: str) -> list[str]:
        return [form for form in stems(token) if form in self.first]

    def at_token(self, token: str) -> tuple[tuple[object, int] | None, frozenset[str]]:
        """(what `match` returns at a token with this text when the next token extends no phrase,
        the texts of the next token that may extend one): a pass keeps this per distinct token and
        calls `match` only when the next token is one of those texts."""
        firsts = self.first_variants(token)
        single = next(((self.entries[(f,)], 1) for f in firsts if (f,) in self.entries), None)
        return single, frozenset().union(*(self._followers.get(f, ()) for f in firsts))

    def match(self, tokens: list[Token], i: int, text: str | None = None) -> tuple[object, int] | None:
        """(value, number of tokens) of the longest phrase starting at tokens[i], else None.

        With `text`, a phrase may not run across punctuation between its tokens.
        """
        firsts = self._memo.get(tokens[i].text)
        if firsts is None:
            firsts = self.first_variants(tokens[i].text)
        if not firsts:
            return None
        # The longest phrase wins; at equal length, the earlier variant in `firsts`. Each variant's
        # phrase grows token by token while it is the beginning of a key and no punctuation
        # intervenes (punctuation between two tokens rules out every longer phrase as well).
        limit = min(self.longest, len(tokens) - i)
        best_length, best_key = 0, None
        for first in firsts:
            key = (first,)
            if first in self._alone:
                if key in self.entries and best_length < 1:
                    best_length, best_key = 1, key
                continue
            length = 1
            while True:
                if key in self.entries and length > best_length:
                    best_length, best_key = length, key
                if length == limit:
                    break
                a, b = tokens[i + length - 1], tokens[i + length]
                if text is not None and text[a.end:b.start].strip():
                    break
                key = key + (b.text,)
                if key not in self._prefixes:
                    break
                length += 1
        if best_key is None:
            return None
        return self.entries[best_key], best_length

    def find_all(self, tokens: list[Token], text: str | None = None, lo: int = 0, hi: int | None = None):
        """Non-overlapping (token index, length, value) matches in tokens[lo:hi], left to right."""
        hi = len(tokens) if hi is None else hi
        out = []
        memo = self._memo
        i = lo
        while i < hi:
            firsts = memo.get(tokens[i].text)  # inline fast path: most tokens start no phrase
            if firsts is not None and not firsts:
                i += 1
                continue
            m = self.match(tokens, i, text)
            if m and i + m[1] <= hi:
                out.append((i, m[1], m[0]))
                i += m[1]
            else:
                i += 1
        return out


def find_all_many(matchers: dict[str, "PhraseMatcher"], tokens: list[Token], text: str | None = None,
                  positions: Iterable[int] | None = None, texts: list[str] | None = None
                  ) -> dict[str, list[tuple[int, int, object]]]:
    """find_all of several lexicons in one pass over the tokens: each token is looked up once for
    the lexicons it can start a phrase of (memoized per distinct token), most tokens start none.
    `positions` (sorted) limits the pass to the tokens that may start a phrase of some lexicon;
    `texts`, the tokens' texts as a list, when the caller has it."""
    hits: dict[str, list[tuple[int, int, object]]] = {name: [] for name in matchers}
    free = dict.fromkeys(matchers, 0)  # the first token each lexicon may match at again
    key = tuple(sorted(matchers))
    starts = _STARTS.setdefault(key, {})
    if len(starts) >= MEMO_MAX:
        starts.clear()
    if texts is None:
        texts = [t.text for t in tokens]
    n_tokens = len(texts)
    for i in range(n_tokens) if positions is None else positions:
        word = texts[i]
        names = starts.get(word)
        if names is None:  # (lexicon, its one-token match, the next tokens that may extend a phrase)
            names = starts[word] = tuple((n, *matchers[n].at_token(word)) for n in key
                                         if matchers[n].first_variants(word))
        after = texts[i + 1] if i + 1 < n_tokens else None  # None extends no phrase
        for name, single, followers in names:
            if i < free[name]:
                continue
            found = matchers[name].match(tokens, i, text) if after in followers else single
            if found:
                hits[name].append((i, found[1], found[0]))
                free[name] = i + found[1]
    return hits


_STARTS: dict[tuple[str, ...], dict[str, tuple[tuple[str, object, frozenset[str]], ...]]] = {}
