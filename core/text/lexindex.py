"""One look-up per distinct token: where in a document each lexicon may match.

Every lexicon that a stage scans the tokens for registers a *kind* here: a test over a normalized
token text that is true when the token may start one of its entries (a gazetteer key's first word,
a month name, a relative-date phrase, a word group, a number...). Most kinds say their test as forms
too (`Forms`: a stem of the token, or the token as written, is one of a lexicon's words), and those
make one merged table, form -> the kinds it starts: a new token's stems are looked up there once for
all of them, and only the other tests run one by one. Every distinct token text is classified once,
kept as one bit mask (memoized across documents, bounded); a
document's `TokenIndex` then hands each stage the sorted positions of its candidate tokens, so the
stage visits those instead of every token (the masks as one integer array: a kind's positions are
one vectorized test, with no Python call per token). A kind's test must be true wherever the stage could do
anything (it narrows the loop; it never decides).
"""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter
from typing import Callable, Iterable, Sequence

import numpy as np

from core.text.morphology import stems

_TEXT = attrgetter("text")
MEMO_MAX = 200_000  # distinct token texts remembered before the memo starts over

_BITS: dict[str, int] = {}                      # kind -> its bit
_TESTS: list[tuple[int, Callable[[str], object]]] = []


@dataclass(frozen=True)
class Forms:
    """A kind's test said as forms, so that a token is looked up once for every such kind: the test is
    true exactly when one of the token's stems (core.text.morphology.stems) is in `stems()`, one of its
    stems with the article kept on (stems(token, article=False)) is in `bare_stems()`, the token as
    written is in `written()`, or `rest(token)` is true. Each is optional; the first three are read once
    (lexicons), when the merged table is built."""

    stems: Callable[[], Iterable[str]] | None = None
    bare_stems: Callable[[], Iterable[str]] | None = None
    written: Callable[[], Iterable[str]] | None = None
    rest: Callable[[str], object] | None = None


_FORMS: dict[Callable[[str], object], Forms] = {}  # a registered test -> the same test as forms


@dataclass
class _Plan:
    """Every kind at once: form -> the bits of the kinds it makes true (one table per way of reading the
    token), and the tests left to run one by one (kinds with no forms, and the `rest` of the others)."""

    by_stem: dict[str, int]
    by_bare_stem: dict[str, int]
    by_written: dict[str, int]
    tests: list[tuple[int, Callable[[str], object]]]


_plan: _Plan | None = None


def _plan_now() -> _Plan:
    """The merged table of the kinds registered now (kept until the memo is cleared)."""
    global _plan
    if _plan is None:
        tables: tuple[dict[str, int], dict[str, int], dict[str, int]] = ({}, {}, {})
        tests = []
        for bit, test in _TESTS:
            forms = _FORMS.get(test)
            if forms is None:
                tests.append((bit, test))
                continue
            for table, source in zip(tables, (forms.stems, forms.bare_stems, forms.written)):
                for form in source() if source is not None else ():
                    table[form] = table.get(form, 0) | bit
            if forms.rest is not None:
                tests.append((bit, forms.rest))
        _plan = _Plan(*tables, tests)
    return _plan


class _Masks(dict):
    """token text -> bit mask of the kinds it may start; a miss looks the token's forms up once in the
    merged table of every kind said as forms, and runs the other tests once each."""

    def __missing__(self, text: str) -> int:
        if len(self) >= MEMO_MAX:
            dict.clear(self)  # (the table stays: the kinds are the same)
        plan = _plan_now()
        mask = plan.by_written.get(text, 0)
        by_stem, by_bare_stem = plan.by_stem, plan.by_bare_stem
        if by_stem:
            for form in stems(text):
                mask |= by_stem.get(form, 0)
        if by_bare_stem:
            for form in stems(text, article=False):
                mask |= by_bare_stem.get(form, 0)
        for bit, test in plan.tests:
            if not mask & bit and test(text):
                mask |= bit
        self[text] = mask
        return mask

    def clear(self) -> None:
        """Forget every token, and the merged table (a kind was added or replaced)."""
        global _plan
        _plan = None
        dict.clear(self)


_MASKS = _Masks()


def kind(name: str, test: Callable[[str], object], forms: Forms | None = None) -> str:
    """Register the kind `name` (its test: may a token with this text start an entry?); returns
    `name`. `forms`, when given, says the same test as forms (Forms): the index then reads the kind
    from the merged table instead of calling `test` for every new token (tests/test_lexindex.py checks
    the two agree). Registering again replaces the test. Clears the memo, which then holds every kind."""
    if name in _BITS:
        bit = _BITS[name]
        _TESTS[:] = [(b, t) for b, t in _TESTS if b != bit]
    else:
        if len(_BITS) >= 63:  # the masks are 64-bit integers in a document's array
            raise ValueError(f"too many kinds to register {name!r}: 63 at most")
        bit = _BITS[name] = 1 << len(_BITS)
    _TESTS.append((bit, test))
    if forms is not None:
        _FORMS[test] = forms
    else:
        _FORMS.pop(test, None)
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
