"""Finding states in Arabic text: names, official forms, nationality adjectives, the GCC as a body, cities.

Names come from maintained multilingual data (pycountry's Arabic ISO 3166 catalogue, Babel's Arabic
territory names, mledoze/countries' Arabic names in core/data/country_names.tsv) plus
core/data/country_variants.tsv. Every entry goes through the same
`normalize_chars` as the article text, and matching is on normalized tokens, so offsets come from
`Normalized.span`.
"""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from functools import lru_cache

import pycountry
from babel import Locale

from core.lexicon import load_table
from core.text.lexindex import Forms, TokenIndex, kind
from core.text.morphology import stems
from core.text.normalize import TOKEN_RE, Normalized, Token, normalize_chars
from core.text.tokens import columns
from core.records import CountryMention, frozen_record

GCC_MEMBERS = ("BHR", "KWT", "OMN", "QAT", "SAU", "ARE")  # GCC Charter, 1981
GCC = "GCC"
# How a mention reaches the GCC states together: as a body ("دول مجلس التعاون") or as the Gulf region.
GCC_VIA = ("gcc_body", "gcc_region")
# Cities: the project's list (venues CLDR lacks) and the world's capitals and main cities from CLDR.
CITY_FILES = ("cities.tsv", "world_cities.tsv")



def _tokens(text: str) -> tuple[str, ...]:
    return tuple(m.group(0) for m in TOKEN_RE.finditer(normalize_chars(text)))


@dataclass(frozen=True)
class Gazetteer:
    entries: dict[tuple[str, ...], tuple[str, str]]  # tokens -> (iso3 | GCC, via)
    first: frozenset[str]
    longest: int
    prefixes: frozenset[str]
    # keys made by a construct prefix before a listed name ("دولة" + "الإمارات العربية المتحدة"): they name
    # the state, but say nothing of which states a short form ("المملكة") may mean
    composed: frozenset = frozenset()


def _official_names() -> list[tuple[str, str]]:
    """(iso3, Arabic name) pairs from pycountry's gettext catalogue and Babel."""
    pairs: list[tuple[str, str]] = []
    try:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ar"])
    except OSError:  # pragma: no cover - catalogue ships with pycountry
        tr = gettext.NullTranslations()
    territories = Locale("ar").territories
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                translated = tr.gettext(value)
                if translated != value:
                    pairs.append((c.alpha_3, translated))
        if c.alpha_2 in territories:
            pairs.append((c.alpha_3, territories[c.alpha_2]))
    return pairs


@lru_cache(maxsize=1)
def _name_split() -> re.Pattern[str]:
    """The commas that split pycountry's inverted names (core/data/punctuation.tsv)."""
    marks = [r["mark"] for r in load_table("punctuation.tsv", ["group", "mark"]) if r["group"] == "name_separator"]
    return re.compile("[" + re.escape("".join(marks)) + "]")


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The token index of every state name variant, demonym form, GCC phrase and city."""
    prefix_rows = load_table("state_prefixes.tsv", ["prefix", "form"])
    prefixes = frozenset(_tokens(r["prefix"])[0] for r in prefix_rows)
    construct = [_tokens(r["prefix"])[0] for r in prefix_rows if r["form"] == "construct"]
    blocked = {_tokens(r["residue"]) for r in load_table("name_blocklist.tsv", ["residue"])}
    entries: dict[tuple[str, ...], tuple[str, str]] = {}
    residues: set[tuple[str, ...]] = set()  # names left when a formal prefix word is dropped
    direct: set[tuple[str, ...]] = set()    # names listed as they are

    def add(key: tuple[str, ...], value: tuple[str, str], overwrite: bool = False) -> None:
        if key and (overwrite or key not in entries):
            entries[key] = value

    # A published dataset's names first: pycountry's and CLDR's, then the project's variants, win where they differ.
    names = [(r["iso3"], r["name"]) for r in load_table("country_names.tsv", ["iso3", "name"])] + \
        _official_names() + [(r["iso3"], r["variant"]) for r in load_table("country_variants.tsv", ["iso3", "variant"])]
    for iso3, full in names:
        # pycountry writes some names inverted ("كوريا، جمهوريّة كوريا"): index both parts; where two
        # states share a first part (كوريا), country_variants.tsv settles it.
        parts = [p for p in _name_split().split(full) if p.strip()]
        for n, name in enumerate(parts[:2]):
            key = _tokens(name)
            add(key, (iso3, "name"), overwrite=(n == 0))
            direct.add(key)
            if len(key) > 1 and key[0] in prefixes and key[1:] not in blocked:
                add(key[1:], (iso3, "name"))
                residues.add(key[1:])
    # "ودولة الإمارات العربية المتحدة": a construct prefix before any name of the state (one mention)
    composed: set[tuple[str, ...]] = set()
    for key, (iso3, via) in list(entries.items()):
        if via == "name" and key[0] not in prefixes:
            for word in construct:
                if (word,) + key not in entries:
                    composed.add((word,) + key)
                    add((word,) + key, (iso3, "name"))
    forms = load_table("demonym_forms.tsv", ["part"])
    suffixes = [normalize_chars(r["value"]) for r in forms if r["part"] == "suffix"]
    articles = [normalize_chars(r["value"]) for r in forms if r["part"] == "article"]
    for row in load_table("demonyms.tsv", ["iso3", "stem"]):
        stem = _tokens(row["stem"])[0]
        # masculine, feminine, accusative ("وفدا سعوديا"), plurals — with and without the article
        # "الإيطالية" left over from "الجمهورية الإيطالية" is an adjective, not a name; a real name
        # that looks like a form ("كوريا") stays a name
        for form in (stem + suffix for suffix in suffixes):
            for key in [(form,)] + [(article + form,) for article in articles]:
                add(key, (row["iso3"], "demonym"), overwrite=key in residues and key not in direct)
    for row in load_table("gcc_phrases.tsv", ["phrase", "names"]):
        add(_tokens(row["phrase"]), (GCC, "gcc_region" if row["names"] == "region" else "gcc_body"), overwrite=True)
    # A national body whose name is its own names its state ("هيئة المعلومات والحكومة الإلكترونية").
    for row in load_table("institutions.tsv", ["name", "iso3"]):
        add(_tokens(row["name"]), (row["iso3"], "institution"))
    # Cities after states: a city spelled like a state ("الكويت", "عمّان" read as Oman) stays the state.
    for name in CITY_FILES:
        for row in load_table(name, ["city", "iso3"]):
            add(_tokens(row["city"]), (row["iso3"], "city"))
    first = frozenset(k[0] for k in entries)
    return Gazetteer(entries=entries, first=first, longest=max(len(k) for k in entries), prefixes=prefixes,
                     composed=frozenset(composed))


@lru_cache(maxsize=200_000)
def key_forms(token: str) -> tuple[str, ...]:
    """The variants of `token` that start a gazetteer key, in stems order (most tokens: none)."""
    first = gazetteer().first
    return tuple(v for v in stems(token, article=False) if v in first)


@lru_cache(maxsize=1)
def key_prefixes() -> frozenset[tuple[str, ...]]:
    """Every beginning of a gazetteer key (the keys themselves included)."""
    return frozenset(key[:j] for key in gazetteer().entries for j in range(1, len(key) + 1))


KEY_START = kind("gazetteer_key", key_forms, Forms(bare_stems=lambda: gazetteer().first))  # a form starts a key


@lru_cache(maxsize=200_000)
def _alone(token: str) -> tuple[tuple[int, tuple[str, str]] | None, frozenset[str]]:
    """What a key-starting token gives when the next token cannot extend any key it starts, decided
    once per token text: (the one-token match of its first form that is a key, or None; the words that
    can follow one of its forms inside a key). A one-token key needs no punctuation check."""
    entries, second = gazetteer().entries, _second_words()
    forms = key_forms(token)
    hit = next(((1, entries[(form,)]) for form in forms if (form,) in entries), None)
    return hit, frozenset().union(*(second.get(form, ()) for form in forms))


@lru_cache(maxsize=1)
def _second_words() -> dict[str, frozenset[str]]:
    """A key's first word -> the words that follow it in the keys longer than one word."""
    second: dict[str, set[str]] = {}
    for key in gazetteer().entries:
        if len(key) > 1:
            second.setdefault(key[0], set()).add(key[1])
    return {word: frozenset(words) for word, words in second.items()}


@lru_cache(maxsize=200_000)
def _is_prefix_word(token: str) -> bool:
    """A form of `token` (article kept) is a formal prefix word ("بدولة", "جمهوريتي"); memoized."""
    prefixes = gazetteer().prefixes
    return any(v in prefixes for v in stems(token, article=False))


def find_mentions(norm: Normalized, tokens: list[Token], index: TokenIndex | None = None,
                  token_spans: list[tuple[int, int]] | None = None) -> list[CountryMention]:
    """Every state-like mention, longest match first, left to right; offsets into the original.
    Only the tokens that start a key (`index`, built here when not given) are tried. `token_spans`,
    when given, receives each mention's (first token, token after its last), in the same order."""
    longest = gazetteer().longest
    text, original, span = norm.text, norm.original, norm.span
    mentions: list[CountryMention] = []
    i = 0
    tokens = columns(tokens)  # the tokens' texts, starts and ends as lists
    texts, starts, ends = tokens.texts, tokens.starts, tokens.ends
    n = len(texts)
    index = index or TokenIndex(texts)
    alone = _ALONE
    for cand in index.positions(KEY_START):
        if cand < i:
            continue  # inside the mention just found
        i = cand
        hit, followers, roots = alone[texts[i]]
        # (a token with followers starts a key of two words at least, so i + 1 is within the longest key)
        if i + 1 < n and texts[i + 1] in followers:
            hit = _longest_key(texts, starts, ends, text, i, min(i + longest, n), roots)
        if not hit:
            continue
        length, (iso3, via) = hit
        start_tok = i
        # Include a formal prefix word in the evidence ("بدولة الكويت", "جمهوريتي تونس").
        if via == "name" and i > 0:
            if not text[ends[i - 1]:starts[i]].strip() and _is_prefix_word(texts[i - 1]):
                start_tok = i - 1
        nstart, nend = starts[start_tok], ends[i + length - 1]
        start, end = span(nstart, nend)  # norm.surface, its slice inline
        mentions.append(frozen_record(CountryMention, {"iso3": iso3, "surface": original[start:end], "start": start,
                                                       "end": end, "via": via, "nstart": nstart, "nend": nend}))
        if token_spans is not None:
            token_spans.append((start_tok, i + length))
        i += length
    return mentions


class _Alone(dict):
    """token text -> _alone(token) and the key tree's nodes its forms start (_key_roots): one dict
    look-up (in C) per candidate token instead of calls through memoized functions; starts over past
    200,000 texts."""

    def __missing__(self, token: str):
        if len(self) >= 200_000:
            self.clear()
        found = self[token] = (*_alone(token), _key_roots(token))
        return found


_ALONE = _Alone()


def _longest_key(texts: list[str], starts: list[int], ends: list[int], text: str, i: int, stop: int,
                 roots: tuple[list, ...] | None = None) -> tuple[int, tuple[str, str]] | None:
    """(length, value) of the longest key that the tokens [i, stop) (`texts`, `starts`, `ends`) begin with, only spaces between its
    tokens, over the forms of the first token in stems order (the first form with a match wins);
    None when none matches. The keys are walked as a tree, one word at a time: a punctuation mark
    between two tokens ends the walk (every longer key would hold it). `roots`: the tree's nodes of
    the first token's forms, in that order, when the caller has them (_key_roots)."""
    for node in _key_roots(texts[i]) if roots is None else roots:
        best = (1, node[0]) if node[0] is not None else None
        j = i + 1
        while j < stop:
            node = node[1].get(texts[j])
            if node is None or text[ends[j - 1]:starts[j]].strip():
                break
            j += 1
            if node[0] is not None:
                best = (j - i, node[0])
        if best:
            return best
    return None


def _key_roots(token: str) -> tuple[list, ...]:
    """The key tree's nodes of the token's forms that start a key (key_forms), in stems order."""
    tree = _key_tree()
    return tuple(tree[first] for first in key_forms(token))


@lru_cache(maxsize=1)
def _key_tree() -> dict[str, list]:
    """The gazetteer's keys as a tree: first word -> [value or None, {next word: node}]."""
    tree: dict[str, list] = {}
    for key, value in gazetteer().entries.items():
        node = tree.setdefault(key[0], [None, {}])
        for word in key[1:]:
            node = node[1].setdefault(word, [None, {}])
        node[0] = value
    return tree


@lru_cache(maxsize=1)
def _english_overrides() -> dict[str, str]:
    return {r["iso3"]: r["name_en"] for r in load_table("english_names.tsv", ["iso3", "name_en"])}


@lru_cache(maxsize=512)
def english_name(iso3: str) -> str:
    """Short English name of a state ('' for an unknown code)."""
    if iso3 in _english_overrides():
        return _english_overrides()[iso3]
    country = pycountry.countries.get(alpha_3=iso3)
    if country is None:
        return ""
    return Locale("en").territories.get(country.alpha_2) or getattr(country, "common_name", None) or country.name
