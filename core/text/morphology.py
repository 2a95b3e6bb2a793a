"""The one morphology function every matcher uses: a token's forms without its proclitics."""

from __future__ import annotations

from functools import lru_cache

from core.lexicon import load_table
from core.text.normalize import normalize_chars

MIN_STEM = 2  # a stem shorter than this is no word ("وب" is not "و" + "ب")


@lru_cache(maxsize=2)
def _prefixes(article: bool) -> tuple[tuple[str, str], ...]:
    """(prefix, letters restored on the stem) from core/data/proclitics.tsv, longest first;
    without the prefixes that end in the article when `article` is False."""
    rows = load_table("proclitics.tsv", ["prefix"])
    out = [(normalize_chars(r["prefix"]), normalize_chars(r.get("restore", ""))) for r in rows
           if article or r.get("article") != "yes"]
    return tuple(sorted(out, key=lambda p: -len(p[0])))


@lru_cache(maxsize=1)
def definite_article() -> str:
    """The definite article on its own: the shortest prefix marked `article` in core/data/proclitics.tsv."""
    rows = load_table("proclitics.tsv", ["prefix"])
    return min((normalize_chars(r["prefix"]) for r in rows if r.get("article") == "yes"), key=len)


@lru_cache(maxsize=2)
def _prefixes_by_letter(article: bool) -> dict[str, tuple[tuple[str, str], ...]]:
    """_prefixes(article) by their first letter, each letter's in the same order (longest first): a
    token can only start with the prefixes that start with its own first letter."""
    by_letter: dict[str, list[tuple[str, str]]] = {}
    for prefix, restore in _prefixes(article):
        by_letter.setdefault(prefix[:1], []).append((prefix, restore))
    return {letter: tuple(found) for letter, found in by_letter.items()}


@lru_cache(maxsize=500_000)
def stems(token: str, article: bool = True) -> tuple[str, ...]:
    """`token` itself, then every form of it with one listed proclitic group removed, longest first.

    With `article=False` the article stays on (for lists whose entries carry their own article).
    "وللحكومة" -> ("وللحكومة", "الحكومة", "للحكومة", ...): a matcher keeps the forms it knows.
    The order is stable, so a matcher that prefers the first known form is deterministic.
    """
    out = [token]
    bare = []  # "للاجتماع" = li + al + اجتماع: with the article stripped too, the bare noun (last)
    by_letter = _prefixes_by_letter(article)
    candidates = _prefixes(article) if "" in by_letter else by_letter.get(token[:1], ())
    for prefix, restore in candidates:
        if token.startswith(prefix) and len(token) - len(prefix) >= MIN_STEM:
            stem = restore + token[len(prefix):]
            if stem not in out:
                out.append(stem)
            if article and restore and len(token) - len(prefix) >= MIN_STEM:
                bare.append(token[len(prefix):])
    out.extend(b for b in dict.fromkeys(bare) if b not in out)
    return tuple(out)


@lru_cache(maxsize=1)
def _enclitics() -> tuple[tuple[str, ...], tuple[tuple[str, str], ...]]:
    rows = load_table("enclitics.tsv", ["form", "role"])
    pronouns = sorted((normalize_chars(r["form"]) for r in rows if r["role"] == "pronoun"), key=len, reverse=True)
    ends = tuple((normalize_chars(r["form"]), normalize_chars(r["restore"])) for r in rows if r["role"] == "stem_end")
    return tuple(pronouns), ends


def without_enclitic(token: str) -> tuple[str, ...]:
    """`token` without one attached pronoun (core/data/enclitics.tsv): "زيارته" -> ("زيارت", "زياره"),
    the stem's own last letter given back where it changes before a pronoun (the ta marbuta, ت -> ة,
    normalized ه); () when none is attached."""
    pronouns, ends = _enclitics()
    out: list[str] = []
    for suffix in pronouns:
        if token.endswith(suffix) and len(token) - len(suffix) >= MIN_STEM:
            stem = token[:-len(suffix)]
            out.append(stem)
            out.extend(stem[:-len(end)] + restore for end, restore in ends if stem.endswith(end))
    return tuple(dict.fromkeys(out))


@lru_cache(maxsize=1)
def _conjunctions() -> tuple[str, ...]:
    rows = load_table("proclitics.tsv", ["prefix"])
    return tuple(normalize_chars(r["prefix"]) for r in rows if r.get("conjunction") == "yes")


@lru_cache(maxsize=200_000)
def conjoined(token: str) -> bool:
    """The token opens with a conjunction ("والسعودية", "فالكويت"): it continues a list. Memoized by
    token text (the subject, the cues and the participants ask it of the same words again and again)."""
    return any(token.startswith(p) and len(token) - len(p) >= MIN_STEM for p in _conjunctions())


def in_group(token: str, group: frozenset[str]) -> bool:
    """True when `token` or one of its stems is in `group` ("للحكومة" counts as "الحكومة")."""
    return any(s in group for s in stems(token))
