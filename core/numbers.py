"""Numbers in Arabic text: digits, cardinal words ("خمس عشرة") and ordinals ("الثامنة عشرة")."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.lexicon import load_table
from core.normalize import Token, normalize_chars

# Prefixes a number word may carry: article, conjunction, prepositions (normalized spelling).
NUMBER_PREFIXES = ("وال", "بال", "فال", "كال", "لل", "ال", "و", "ب", "ل", "ف")


@dataclass(frozen=True)
class NumberMatch:
    value: int
    ordinal: bool      # an ordinal word, or a tens word with the article (الخمسين = 50th)
    definite: bool     # the first word carried the article ال
    first: int         # token index of the first word
    last: int          # token index after the last word


@lru_cache(maxsize=1)
def number_words() -> dict[str, list[tuple[int, str]]]:
    """Normalized form -> [(value, class)] from core/data/number_words.tsv."""
    table: dict[str, list[tuple[int, str]]] = {}
    for row in load_table("number_words.tsv", ["form", "value", "class"]):
        try:
            value = int(row["value"])
        except ValueError as exc:
            raise ValueError(f"number_words.tsv:{row['_line']}: value {row['value']!r} is not a number") from exc
        table.setdefault(normalize_chars(row["form"]), []).append((value, row["class"]))
    return table


@lru_cache(maxsize=200_000)  # every token of a window is tried as a number
def _lookup(token: str) -> tuple[list[tuple[int, str]], str]:
    """Classes of `token` after stripping a prefix; also the stripped prefix."""
    words = number_words()
    if token in words:
        return words[token], ""
    for p in NUMBER_PREFIXES:
        if token.startswith(p) and token[len(p):] in words:
            return words[token[len(p):]], p
    return [], ""


def _classes(token: str, wanted: str) -> int | None:
    for value, cls in _lookup(token)[0]:
        if cls == wanted:
            return value
    return None


def _tens_after_wa(tokens: list[Token], j: int) -> int | None:
    """The tens value of tokens[j] when it reads 'و + tens' ("والعشرين", "وعشرون")."""
    if j >= len(tokens) or not tokens[j].text.startswith("و"):
        return None
    rest = tokens[j].text[1:]
    if rest.startswith("ال"):
        rest = rest[2:]
    return _classes(rest, "tens")


def parse_number(tokens: list[Token], i: int) -> NumberMatch | None:
    """The number that starts at tokens[i], or None. Digits give a cardinal value."""
    tok = tokens[i].text
    if tok.isdigit():
        return NumberMatch(int(tok), False, False, i, i + 1) if len(tok) <= 9 else None
    entries, prefix = _lookup(tok)
    if not entries:
        return None
    definite = prefix.endswith("ال") or prefix == "لل"
    classes = {cls: value for value, cls in entries}
    nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
    teen = _classes(nxt, "teen") if nxt in ("عشر", "عشره") else None
    tens = _tens_after_wa(tokens, i + 1)
    for cls in ("ord_unit", "ord_compound"):
        if cls in classes:
            unit = classes[cls]
            if teen is not None and unit < 10:
                return NumberMatch(unit + 10, True, definite, i, i + 2)
            if tens is not None and unit < 10:
                return NumberMatch(unit + tens, True, definite, i, i + 2)
            if cls == "ord_unit":
                return NumberMatch(unit, True, definite, i, i + 1)
    if "card_unit" in classes:
        unit = classes["card_unit"]
        if teen is not None and unit < 10:
            return NumberMatch(unit + 10, False, definite, i, i + 2)
        if tens is not None and unit < 10:
            return NumberMatch(unit + tens, False, definite, i, i + 2)
        if tok.endswith(("اثنا", "اثني", "اثنتا", "اثنتي")) or tok in ("احد", "احدي"):
            return None  # only ever the first half of a teen
        return NumberMatch(unit, False, definite, i, i + 1)
    if "tens" in classes:
        return NumberMatch(classes["tens"], definite, definite, i, i + 1)
    if "hundred" in classes:
        value = classes["hundred"]
        if i + 1 < len(tokens) and tokens[i + 1].text.startswith("و"):
            rest = parse_number([Token(tokens[i + 1].text[1:], 0, 0)] + tokens[i + 2:i + 4], 0)
            if rest and not rest.ordinal and rest.value < 100:
                return NumberMatch(value + rest.value, False, definite, i, i + 1 + (rest.last - rest.first))
        return NumberMatch(value, False, definite, i, i + 1)
    return None
