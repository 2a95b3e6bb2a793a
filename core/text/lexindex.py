"""One look-up per distinct token: where in a document each lexicon may match.

Every lexicon that a stage scans the tokens for registers a *kind* here: a test over a normalized
token text that is true when the token may start one of its entries (a gazetteer key's first word,
a month name, a relative-date phrase, a word group, a number...). The tests of every kind are run
once per distinct token text and kept as one bit mask (memoized across documents, bounded); a
document's `TokenIndex` then hands each stage the sorted positions of its candidate tokens, so the
stage visits those instead of every token (the masks as one integer array: a kind's positions are
one vectorized test, with no Python call per token). A kind's test must be true wherever the stage could do
anything (it narrows the loop; it never decides).
"""

from __future__ import annotations

from operator import attrgetter
from typing import Callable, Sequence

import numpy as np

_TEXT = attrgetter("text")
MEMO_MAX = 200_000  # distinct token texts remembered before the memo starts over

_BITS: dict[str, int] = {}                      # kind -> its bit
_TESTS: list[tuple[int, Callable[[str], object]]] = []


class _Masks(dict):
    """token text -> bit mask of the kinds it may start; a miss runs every kind's test once."""

    def __missing__(self, text: str) -> int:
        if len(self) >= MEMO_MAX:
            self.clear()
        mask = 0
        for bit, test in _TESTS:
            if test(text):
                mask |= bit
        self[text] = mask
        return mask


_MASKS = _Masks()


def kind(name: str, test: Callable[[str], object]) -> str:
    """Register the kind `name` (its test: may a token with this text start an entry?); returns
    `name`. Registering again replaces the test. Clears the memo, which then holds every kind."""
    if name in _BITS:
        bit = _BITS[name]
        _TESTS[:] = [(b, t) for b, t in _TESTS if b != bit]
    else:
        if len(_BITS) >= 63:  # the masks are 64-bit integers in a document's array
            raise ValueError(f"too many kinds to register {name!r}: 63 at most")
        bit = _BITS[name] = 1 << len(_BITS)
    _TESTS.append((bit, test))
    _MASKS.clear()
    return name


class TokenIndex:
    """The kinds of every token of one document, and each kind's candidate positions (lazily)."""

    __slots__ = ("texts", "_positions", "_array")

    def __init__(self, texts: Sequence[str]):
        self.texts = texts
        # one dict look-up per token, in C, straight into the array every kind's positions are read from
        self._array = np.fromiter(map(_MASKS.__getitem__, texts), dtype=np.int64, count=len(texts))
        self._positions: dict[str, list[int]] = {}

    @classmethod
    def of(cls, tokens) -> "TokenIndex":
        return cls(list(map(_TEXT, tokens)))

    def positions(self, name: str) -> list[int]:
        """Sorted indices of the tokens that may start an entry of kind `name`."""
        found = self._positions.get(name)
        if found is None:
            # np.flatnonzero's own steps (ravel, nonzero) with no Python call between: the array is flat
            found = self._positions[name] = (self._array & _BITS[name]).nonzero()[0].tolist()
        return found

    def positions_going_on(self, name: str, single: str, second: str) -> list[int]:
        """Sorted indices of the tokens of kind `name` that are of kind `single` too or whose next
        token is of kind `second`: the masks and the masks shifted by one token, one vectorized test
        (core.text.phrases.pass_kinds: the tokens a phrase pass can match at)."""
        key = f"{name}\t{single}\t{second}"
        found = self._positions.get(key)
        if found is None:
            a = self._array
            ok = (a & _BITS[single]) != 0
            ok[:-1] |= (a[1:] & _BITS[second]) != 0
            ok &= (a & _BITS[name]) != 0
            found = self._positions[key] = ok.nonzero()[0].tolist()
        return found

    def has(self, name: str, i: int) -> bool:
        """Token i may start an entry of kind `name`."""
        return bool(self._array.item(i) & _BITS[name])  # one element read: no list of every mask made
