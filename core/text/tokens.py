"""A document's tokens as three columns (texts, starts, ends), with a Token made only when indexed.

The tokenizer finds each token's text and normalized span as lists; a document has thousands of
tokens and the stages read most of them through these lists (by position), so no Token object is
made for them. `Tokens` is the sequence the stages are handed: indexing it gives a Token (a new one
each time, equal to the one `tokenize` makes), a slice a list of them, and its `texts`, `starts`
and `ends` are the columns themselves, for the loops that read many tokens.
"""

from __future__ import annotations

from collections.abc import Sequence

from core.text.normalize import Token


class Tokens(Sequence):
    """Tokens kept as columns; `tokens[i]` is Token(texts[i], starts[i], ends[i])."""

    __slots__ = ("texts", "starts", "ends")

    def __init__(self, texts: list[str], starts: list[int], ends: list[int]):
        self.texts, self.starts, self.ends = texts, starts, ends

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return list(map(Token, self.texts[i], self.starts[i], self.ends[i]))
        return Token(self.texts[i], self.starts[i], self.ends[i])

    def __iter__(self):
        return map(Token, self.texts, self.starts, self.ends)

    def __eq__(self, other) -> bool:
        if isinstance(other, Tokens):
            return (self.texts, self.starts, self.ends) == (other.texts, other.starts, other.ends)
        return isinstance(other, (list, tuple)) and len(other) == len(self) and all(map(_same, self, other))

    __hash__ = None

    def __repr__(self) -> str:
        return repr(list(self))  # as the list of Token it stands for


def _same(a: Token, b) -> bool:
    return a == b


def columns(tokens: Sequence[Token]) -> Tokens:
    """`tokens` as a Tokens (itself when it is one; else its columns read once)."""
    if isinstance(tokens, Tokens):
        return tokens
    return Tokens([t.text for t in tokens], [t.start for t in tokens], [t.end for t in tokens])
