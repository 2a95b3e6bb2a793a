"""Numbers in Arabic text: digits, cardinal words ("خمس عشرة") and ordinals ("الثامنة عشرة")."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from core.lexicon import load_table
from core.text.normalize import Token, normalize_chars

WORD_CLASSES = ("card_unit", "ord_unit", "ord_compound", "teen", "tens", "hundred")
SMALL_CLASSES = ("prefix_article", "prefix", "article", "conjunction", "first_half")


@dataclass(frozen=True)
class NumberMatch:
    value: int
    ordinal: bool      # an ordinal word, or a tens word with the article (الخمسين = 50th)
    definite: bool     # the first word carried the article ال
    first: int         # token index of the first word
    last: int          # token index after the last word


@dataclass(frozen=True)
class NumberLexicon:
    words: dict[str, list[tuple[int, str]]]   # normalized form -> [(value, class)]
    prefixes: tuple[str, ...]                 # longest first; those that carry the article first
    article_prefixes: frozenset[str]
    articles: tuple[str, ...]
    conjunctions: tuple[str, ...]
    first_half: frozenset[str]


@lru_cache(maxsize=1)
def number_lexicon() -> NumberLexicon:
    """core/data/number_words.tsv: number words by class, and the parser's small words."""
    words: dict[str, list[tuple[int, str]]] = {}
    small: dict[str, list[str]] = {c: [] for c in SMALL_CLASSES}
    for row in load_table("number_words.tsv", ["form", "value", "class"]):
        try:
            value = int(row["value"])
        except ValueError as exc:
            raise ValueError(f"number_words.tsv:{row['_line']}: value {row['value']!r} is not a number") from exc
        form, cls = normalize_chars(row["form"]), row["class"]
        if cls in SMALL_CLASSES:
            small[cls].append(form)
        elif cls in WORD_CLASSES:
            words.setdefault(form, []).append((value, cls))
        else:
            raise ValueError(f"number_words.tsv:{row['_line']}: unknown class {cls!r}")
    prefixes = tuple(sorted(small["prefix_article"], key=len, reverse=True)) + \
        tuple(sorted(small["prefix"], key=len, reverse=True))
    return NumberLexicon(words, prefixes, frozenset(small["prefix_article"]), tuple(small["article"]),
                         tuple(small["conjunction"]), frozenset(small["first_half"]))


def number_words() -> dict[str, list[tuple[int, str]]]:
    """Normalized form -> [(value, class)] from core/data/number_words.tsv."""
    return number_lexicon().words


@lru_cache(maxsize=200_000)  # every token of a window is tried as a number
def _lookup(token: str) -> tuple[list[tuple[int, str]], str]:
    """Classes of `token` after stripping a prefix; also the stripped prefix."""
    lex = number_lexicon()
    if token in lex.words:
        return lex.words[token], ""
    for p in lex.prefixes:
        if token.startswith(p) and token[len(p):] in lex.words:
            return lex.words[token[len(p):]], p
    return [], ""


def number_at_word(token: str) -> bool:
    """Whether `token` is a number word (with or without a prefix)."""
    return bool(_lookup(token)[0])


def ordinal_word(token: str) -> bool:
    """Whether `token` may start an ordinal ("الثانية", "والخمسين"), with or without a prefix."""
    return any(cls in ("ord_unit", "ord_compound", "tens") for _, cls in _lookup(token)[0])


def _classes(token: str, wanted: str) -> int | None:
    for value, cls in _lookup(token)[0]:
        if cls == wanted:
            return value
    return None


def _teen(token: str) -> int | None:
    """The teen marker (عشر / عشرة) written as is, no prefix."""
    return next((v for v, cls in number_lexicon().words.get(token, []) if cls == "teen"), None)


def _tens_after_wa(texts: Sequence[str], j: int) -> int | None:
    """The tens value of token j when it reads 'و + tens' ("والعشرين", "وعشرون")."""
    lex = number_lexicon()
    if j >= len(texts):
        return None
    word = texts[j]
    rest = next((word[len(c):] for c in lex.conjunctions if word.startswith(c)), None)
    if rest is None:
        return None
    rest = next((rest[len(a):] for a in lex.articles if rest.startswith(a)), rest)
    return _classes(rest, "tens")


def _unit_with_teen_or_tens(unit: int, teen: int | None, tens: int | None, ordinal: bool, definite: bool,
                            i: int) -> NumberMatch | None:
    if teen is not None and unit < 10:
        return NumberMatch(unit + teen, ordinal, definite, i, i + 2)
    if tens is not None and unit < 10:
        return NumberMatch(unit + tens, ordinal, definite, i, i + 2)
    return None


def _hundreds(texts: Sequence[str], i: int, value: int, definite: bool) -> NumberMatch:
    """"مائة وخمسين" = 150: a hundred and a cardinal below 100 after و."""
    nxt = texts[i + 1] if i + 1 < len(texts) else ""
    conj = next((c for c in number_lexicon().conjunctions if nxt.startswith(c)), None)
    if conj is not None:
        rest = number_in([nxt[len(conj):]] + [texts[j] for j in range(i + 2, min(i + 4, len(texts)))], 0)
        if rest and not rest.ordinal and rest.value < 100:
            return NumberMatch(value + rest.value, False, definite, i, i + 1 + (rest.last - rest.first))
    return NumberMatch(value, False, definite, i, i + 1)


class _TextsOf(Sequence):
    """A list of Token read as the list of its texts (each text read when indexed)."""

    __slots__ = ("tokens",)

    def __init__(self, tokens: Sequence[Token]):
        self.tokens = tokens

    def __len__(self) -> int:
        return len(self.tokens)

    def __getitem__(self, j):
        if isinstance(j, slice):
            return [t.text for t in self.tokens[j]]
        return self.tokens[j].text


def parse_number(tokens: Sequence[Token], i: int) -> NumberMatch | None:
    """The number that starts at tokens[i], or None. Digits give a cardinal value. `tokens` is a
    list of Token or the context's columns (core.text.tokens.Tokens: its texts are read, no Token made)."""
    texts = getattr(tokens, "texts", None)
    return number_in(_TextsOf(tokens) if texts is None else texts, i)


def number_in(texts: Sequence[str], i: int) -> NumberMatch | None:
    """parse_number over the tokens' texts: the number that starts at token i, or None."""
    tok = texts[i]
    if tok.isdigit():
        return NumberMatch(int(tok), False, False, i, i + 1) if len(tok) <= 9 else None
    entries, prefix = _lookup(tok)
    if not entries:
        return None
    lex = number_lexicon()
    definite = prefix in lex.article_prefixes
    classes = {cls: value for value, cls in entries}
    teen = _teen(texts[i + 1]) if i + 1 < len(texts) else None
    tens = _tens_after_wa(texts, i + 1)
    for cls in ("ord_unit", "ord_compound"):
        if cls in classes:
            found = _unit_with_teen_or_tens(classes[cls], teen, tens, True, definite, i)
            if found or cls == "ord_unit":
                return found or NumberMatch(classes[cls], True, definite, i, i + 1)
    if "card_unit" in classes:
        found = _unit_with_teen_or_tens(classes["card_unit"], teen, tens, False, definite, i)
        if found:
            return found
        if tok[len(prefix):] in lex.first_half:
            return None  # only ever the first half of a teen
        return NumberMatch(classes["card_unit"], False, definite, i, i + 1)
    if "tens" in classes:
        return NumberMatch(classes["tens"], definite, definite, i, i + 1)
    if "hundred" in classes:
        return _hundreds(texts, i, classes["hundred"], definite)
    return None
