"""Matching lists of Arabic phrases against normalized tokens (shared by every cue-driven stage)."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Callable, Iterable

from core.text.lexindex import Forms, kind
from core.text.morphology import stems
from core.text.normalize import TOKEN_RE, Token, normalize_chars
from core.text.tokens import columns

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
    # The keys as a tree, token by token: first word -> node, a node is [value or NO_PHRASE, {next token: node}].
    _tree: dict[str, list] = field(init=False, repr=False, compare=False)
    # token -> the tree a match walks from it: its first variants' nodes merged; memoized like _memo.
    _walks: dict[str, list | None] = field(init=False, repr=False, compare=False)
    # first word -> the second words of its longer phrases
    _followers: dict[str, set[str]] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._tree, self._walks, self._followers = {}, {}, {}
        for key, value in self.entries.items():
            node = self._tree.setdefault(key[0], [NO_PHRASE, {}])
            for token in key[1:]:
                node = node[1].setdefault(token, [NO_PHRASE, {}])
            node[0] = value
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

    def next_nodes(self, token: str) -> dict[str, list]:
        """The tree nodes a match walks to from a token with this text, by the next token's text
        (none when the token starts no phrase of two tokens or more)."""
        node = self._walks.get(token, NO_WALK)
        if node is NO_WALK:
            node = self._walk_of(token)
        return {} if node is None else node[1]

    def match(self, tokens: list[Token], i: int, text: str | None = None) -> tuple[object, int] | None:
        """(value, number of tokens) of the longest phrase starting at tokens[i], else None.

        With `text`, a phrase may not run across punctuation between its tokens.
        """
        cols = columns(tokens)  # the texts, starts and ends as lists (no Token made)
        texts = cols.texts
        word = texts[i]
        node = self._walks.get(word, NO_WALK)
        if node is NO_WALK:
            node = self._walk_of(word)
        if node is None:
            return None
        # The tree walked token by token while the next token continues some phrase and no
        # punctuation intervenes; the deepest phrase that ends on the way wins.
        best = None if node[0] is NO_PHRASE else (node[0], 1)
        return walk_on(node[1], i, i, best, texts, cols.starts, cols.ends, text)

    def _walk_of(self, token: str) -> list | None:
        """The tree of the phrases a token starts: the nodes of its first variants merged, an earlier
        variant's phrase before a later one's of the same length (as stems() orders them)."""
        if len(self._walks) >= MEMO_MAX:
            self._walks.clear()
        nodes = [self._tree[f] for f in self.first_variants(token)]
        found = self._walks[token] = (nodes[0] if len(nodes) == 1 else _merged(nodes)) if nodes else None
        return found

    def find_all(self, tokens: list[Token], text: str | None = None, lo: int = 0, hi: int | None = None):
        """Non-overlapping (token index, length, value) matches in tokens[lo:hi], left to right."""
        tokens = columns(tokens)
        texts = tokens.texts
        hi = len(texts) if hi is None else hi
        out = []
        memo = self._memo
        i = lo
        while i < hi:
            firsts = memo.get(texts[i])  # inline fast path: most tokens start no phrase
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


def first_words(matchers: Iterable["PhraseMatcher"]) -> frozenset[str]:
    """Every first word of these matchers' phrases, together: a token may start a phrase of one of them
    when one of its stems is here (as `first_variants` reads it)."""
    return frozenset().union(*(m.first for m in matchers))


NO_PHRASE = object()  # a tree node where no phrase ends
NO_WALK = object()    # a token whose tree is not yet known


def _merged(nodes: list[list]) -> list:
    """One tree node from several, in order: the value of the first that has one, the children merged."""
    value = next((n[0] for n in nodes if n[0] is not NO_PHRASE), NO_PHRASE)
    children: dict[str, list] = {}
    for token in dict.fromkeys(t for n in nodes for t in n[1]):
        children[token] = _merged([n[1][token] for n in nodes if token in n[1]])
    return [value, children]


def walk_on(children: dict, i: int, j: int, best: tuple[object, int] | None, texts: list[str],
            starts: list[int], ends: list[int], text: str | None) -> tuple[object, int] | None:
    """The walk of a phrase that starts at token i and has reached token j (its tree's `children`
    there): on token by token while the next token continues some phrase and, with `text`, no
    punctuation intervenes; the deepest phrase that ends on the way wins over `best`."""
    last = len(texts) - 1
    while children and j < last:
        if text is not None and text[ends[j]:starts[j + 1]].strip():
            break
        node = children.get(texts[j + 1])
        if node is None:
            break
        j += 1
        if node[0] is not NO_PHRASE:
            best = (node[0], j - i + 1)
        children = node[1]
    return best


def find_all_many(matchers: dict[str, "PhraseMatcher"], tokens: list[Token], text: str | None = None,
                  positions: Iterable[int] | None = None, texts: list[str] | None = None,
                  loose: Iterable[str] = ()) -> dict[str, list[tuple[int, int, object]]]:
    """find_all of several lexicons in one pass over the tokens: each token is looked up once for
    the lexicons it can start a phrase of (memoized per distinct token), most tokens start none.
    `positions` (sorted) limits the pass to the tokens that may start a phrase of some lexicon;
    `texts`, the tokens' texts as a list, when the caller has it; the lexicons named in `loose` match
    with no `text` (their phrases may run across punctuation). A phrase of two tokens that no longer
    phrase extends is read from the first token's tree with no walk, a longer one walked on from the
    node the second token reached (`match` would give the same, walking again from the first token).
    The lexicons are kept by their place in sorted order: lists, not dicts by name, in the loop."""
    key = tuple(sorted(matchers))
    hits: dict[str, list[tuple[int, int, object]]] = {name: [] for name in matchers}
    # per lexicon (by its place in `key`): where its matches go, the first token it may match at
    # again, the text it matches with (None: across punctuation too)
    add = [hits[name].append for name in key]
    free = [0] * len(key)
    text_of = [None if name in loose else text for name in key]
    starts = _STARTS.setdefault(key, {})
    if len(starts) >= MEMO_MAX:
        starts.clear()
    tokens = columns(tokens)  # (itself for a document's tokens)
    if texts is None:
        texts = tokens.texts
    token_starts, token_ends = tokens.starts, tokens.ends
    n_tokens = len(texts)
    last = n_tokens - 1
    for i in range(n_tokens) if positions is None else positions:
        word = texts[i]
        known = starts.get(word)
        if known is None:  # (lexicon's place, its one-token match, its tree's nodes by the next token), ...
            names = tuple((k, matchers[n].at_token(word)[0], matchers[n].next_nodes(word))
                          for k, n in enumerate(key) if matchers[n].first_variants(word))
            known = starts[word] = (names, any(single for _, single, _ in names),
                                    frozenset().union(*(nodes for _, _, nodes in names)))
        names, some_single, some_followers = known
        after = texts[i + 1] if i < last else None  # None extends no phrase
        if not some_single and after not in some_followers:
            continue  # the word starts only longer phrases, and none goes on with the next word
        for k, single, nodes in names:
            if i < free[k]:
                continue
            node = nodes.get(after)
            if node is None:
                found = single
            elif (name_text := text_of[k]) is not None and name_text[token_ends[i]:token_starts[i + 1]].strip():
                found = single  # punctuation between: the phrase stops at the first token
            else:  # PhraseMatcher.match's walk, on from the second token
                found = single if node[0] is NO_PHRASE else (node[0], 2)
                if node[1]:
                    found = walk_on(node[1], i, i + 1, found, texts, token_starts, token_ends, name_text)
            if found:
                add[k]((i, found[1], found[0]))
                free[k] = i + found[1]
    return hits


_STARTS: dict[tuple[str, ...], dict[str, tuple[tuple[tuple[int, object, dict[str, list]], ...], bool, frozenset[str]]]] = {}


def pass_kinds(name: str, matchers: Callable[[], Iterable[PhraseMatcher]]) -> tuple[str, str]:
    """Two kinds of core.text.lexindex for a find_all_many pass over the lexicons `matchers()` (read
    on first use): `name:single`, a token one of whose forms (stems) is a phrase of one token of some
    lexicon, and `name:second`, a token that is, as written, the second word of some lexicon's phrase.
    The pass matches at a token only where it is of the first kind or the next token of the second
    (elsewhere it starts only longer phrases the next word does not continue, and find_all_many passes
    over it): TokenIndex.positions_going_on lists those tokens for the whole document at once."""

    @lru_cache(maxsize=1)
    def words() -> tuple[frozenset[str], frozenset[str]]:
        keys = [k for m in matchers() for k in m.entries]
        return frozenset(k[0] for k in keys if len(k) == 1), frozenset(k[1] for k in keys if len(k) > 1)

    def single(token: str) -> bool:
        singles = words()[0]
        return any(form in singles for form in stems(token))

    def second(token: str) -> bool:
        return token in words()[1]

    return (kind(f"{name}:single", single, Forms(stems=lambda: words()[0])),
            kind(f"{name}:second", second, Forms(written=lambda: words()[1])))
