"""Dates in Arabic news text: numeric dates, day-month-year phrases (Gregorian, Levantine, Hijri),
years, and relative phrases resolved against the publication date — never against today."""

from __future__ import annotations

import re
from functools import lru_cache

from core.lexicon import load_table
from core.text.charpos import positions
from core.text.datecalc import (HIJRI_MAX, HIJRI_MIN, YEAR_MAX, YEAR_MIN, Published, hijri_to_gregorian,
                                hijri_without_year, resolve_year, shift, valid)
from core.text.lexindex import TokenIndex, kind
from core.text.normalize import Normalized, normalize_chars
from core.text.numbers import ordinal_word
from core.text.tokens import Tokens, columns
from core.records import DateMention, frozen_record

# 2013/06/26 and 26/06/2013, not inside a longer run of digits. The look-behind ("no digit before
# the first digit") is tested after the first digit, (?<!\d\d), the same condition: a pattern that
# starts with a digit lets the regex engine skip to the digits instead of trying every position.
NUMERIC_YMD = re.compile(r"(\d(?<!\d\d)\d{3})[/\-.](\d{1,2})[/\-.](\d{1,2})(?!\d)")
NUMERIC_DMY = re.compile(r"(\d(?<!\d\d)\d?)[/\-.](\d{1,2})[/\-.](\d{4})(?!\d)")
# Both numeric forms hold a digit, a separator and a digit: a text without one has neither.
NUMERIC_ANY = re.compile(r"\d[/\-.]\d")
NUMERIC_SEPARATORS = "/-."
# Where a match of each numeric pattern can start, before its first separator (a digit, a separator
# and a digit): YMD four characters before it, DMY one or two.
NUMERIC_STARTS = ((NUMERIC_YMD, "ymd", (4,)), (NUMERIC_DMY, "dmy", (2, 1)))


def numeric_shapes(text: str) -> list[int]:
    """Offsets of the separators with a digit on each side (NUMERIC_ANY's separators, overlapping
    ones too), ascending: each separator found by substring search (in C) and its two neighbours
    tested, instead of a regex testing every character of the text for a digit."""
    return [k for k in positions(text, NUMERIC_SEPARATORS)
            if k and text[k - 1].isdecimal() and text[k + 1:k + 2].isdecimal()]


def numeric_matches(rx: re.Pattern[str], offsets: tuple[int, ...], text: str, shapes: list[int]) -> list[re.Match[str]]:
    """rx.finditer(text)'s matches, found by trying rx only where one can start: `offsets` characters
    before a separator of `shapes` (every match's first separator is one). Left to right without
    overlap, as finditer takes them; the look-behind still sees the text before the start."""
    found = []
    end = 0
    for start in sorted({p - d for p in shapes for d in offsets if p >= d}):
        if start >= end:
            m = rx.match(text, start)
            if m is not None:
                found.append(m)
                end = m.end()
    return found


@lru_cache(maxsize=1)
def month_names() -> dict[tuple[str, ...], tuple[int, str]]:
    """Normalized month name tokens -> (month number, calendar)."""
    out = {}
    for row in load_table("months.tsv", ["form", "month", "calendar"]):
        month = int(row["month"])
        if not 1 <= month <= 12 or row["calendar"] not in ("gregorian", "hijri"):
            raise ValueError(f"months.tsv:{row['_line']}: bad month or calendar")
        out[tuple(normalize_chars(row["form"]).split())] = (month, row["calendar"])
    return out


@lru_cache(maxsize=1)
def relative_phrases() -> dict[tuple[str, ...], tuple[str, int]]:
    out = {}
    for row in load_table("relative_dates.tsv", ["phrase", "unit", "offset"]):
        if row["unit"] not in ("day", "month", "year"):
            raise ValueError(f"relative_dates.tsv:{row['_line']}: unit must be day, month or year")
        out[tuple(normalize_chars(row["phrase"]).split())] = (row["unit"], int(row["offset"]))
    return out


DATE_WORD_GROUPS = ("range", "next", "prev", "gregorian_suffix", "hijri_suffix", "month_prefix",
                    "relative_prefix", "day_joiner", "of_year", "year_noun", "this")


@lru_cache(maxsize=1)
def date_words() -> dict[str, frozenset[str]]:
    """core/data/date_words.tsv: group -> normalized words (range words, calendar suffixes, proclitics…)."""
    out: dict[str, set[str]] = {g: set() for g in DATE_WORD_GROUPS}
    for row in load_table("date_words.tsv", ["group", "word"]):
        if row["group"] not in out:
            raise ValueError(f"date_words.tsv:{row['_line']}: unknown group {row['group']!r}")
        out[row["group"]].add(normalize_chars(row["word"]))
    return {g: frozenset(w) for g, w in out.items()}


def _strip_proclitic(token: str, group: str) -> str | None:
    """`token` without its one-letter proclitic of `group`, or None when it carries none."""
    return token[1:] if token[:1] in date_words()[group] else None


@lru_cache(maxsize=1)
def _month_firsts() -> frozenset[str]:
    """First words of the month names: a token that is none of them (with or without its prefix)
    starts no month name, and most tokens are tried."""
    return frozenset(k[0] for k in month_names() if k)


def _month_at(tokens: Tokens, i: int) -> tuple[int, str, int] | None:
    """(month, calendar, tokens used) for a month name starting at tokens[i] (a ب/في prefix allowed)."""
    if i >= len(tokens.texts):
        return None
    first, firsts = tokens.texts[i], _month_firsts()
    bare = _strip_proclitic(first, "month_prefix")
    if first not in firsts and bare not in firsts:
        return None
    names = month_names()
    for length in (2, 1):
        if i + length > len(tokens.texts):
            continue
        words = tokens.texts[i:i + length]
        bare = _strip_proclitic(words[0], "month_prefix")
        for cand in (words, [bare] + words[1:] if bare is not None else None):
            if cand and tuple(cand) in names:
                month, cal = names[tuple(cand)]
                return month, cal, length
    return None


def _year(tok: str) -> int | None:
    if tok.isdigit() and len(tok) == 4:
        return int(tok)
    return None


def _mention(norm: Normalized, tokens: Tokens, first: int, last: int, year: int, month: int | None,
             day: int | None, basis: str, cal: str = "gregorian", unit: str = "") -> DateMention:
    """The date of tokens[first:last], its evidence read back in the original; made as the
    constructor makes it (core.records.frozen_record: every field, in the order DateMention declares
    them), with no copy for a relative phrase's unit."""
    nstart, nend = tokens.starts[first], tokens.ends[last - 1]
    surface, start, end = norm.surface(nstart, nend)
    return frozen_record(DateMention, {"year": year, "month": month, "day": day, "basis": basis, "surface": surface,
                                       "start": start, "end": end, "nstart": nstart, "nend": nend,
                                       "calendar": cal, "unit": unit})


DIGITS = kind("digits", str.isdigit)


def _numeric_dates(norm: Normalized, tokens: Tokens, used: set[int], index: TokenIndex) -> list[DateMention]:
    """2013/06/26 and 26/06/2013."""
    found: list[DateMention] = []
    shapes = numeric_shapes(norm.text)
    if not shapes:
        return found
    by_start: dict[int, int] | None = None  # built at the first match: most documents have none
    for rx, order, offsets in NUMERIC_STARTS:
        for m in numeric_matches(rx, offsets, norm.text, shapes):
            if by_start is None:  # a numeric date starts and ends with digits: only digit tokens
                by_start = {tokens.starts[k]: k for k in index.positions(DIGITS)}
                by_end = {tokens.ends[k]: k for k in index.positions(DIGITS)}
            a, b, c = (int(g) for g in m.groups())
            y, mo, d = (a, b, c) if order == "ymd" else (c, b, a)
            k0, k1 = by_start.get(m.start()), by_end.get(m.end())
            if k0 is None or k1 is None or any(k in used for k in range(k0, k1 + 1)) or not valid(y, mo, d):
                continue
            used.update(range(k0, k1 + 1))
            found.append(_mention(norm, tokens, k0, k1 + 1, y, mo, d, "text"))
    return found


def _day_at(tokens: Tokens, text: str, i: int) -> tuple[int | None, int]:
    """(day, token after the day or day range) at tokens[i]: "25", "25 و26", "4-6", "21 - 23"."""
    tok = tokens.texts[i]
    if not (tok.isdigit() and len(tok) <= 2 and 1 <= int(tok) <= 31):
        return None, i
    n, words = len(tokens.texts), date_words()
    j = i + 1
    if j < n and tokens.texts[j] in words["range"] and j + 1 < n and tokens.texts[j + 1].isdigit():
        j += 2
    elif j < n and tokens.texts[j].isdigit() and text[tokens.ends[j - 1]:tokens.starts[j]].strip() in ("-", "–"):
        j += 1  # "4-6 محرم"
    elif j < n and (_strip_proclitic(tokens.texts[j], "day_joiner") or "").isdigit():
        j += 1
    return int(tok), j


def _year_tail(tokens: Tokens, k: int, cal: str) -> tuple[int | None, str, str, int]:
    """After a month name: (year, relation next|prev|'', calendar, token after)."""
    n, words = len(tokens.texts), date_words()
    if k < n and _year(tokens.texts[k]):
        year, k = _year(tokens.texts[k]), k + 1
        if k < n and tokens.texts[k] in words["gregorian_suffix"] | words["hijri_suffix"]:
            cal = "hijri" if tokens.texts[k] in words["hijri_suffix"] else cal
            k += 1
        return year, "", cal, k
    if k < n and tokens.texts[k] in words["next"]:
        return None, "next", cal, k + 1
    if k < n and tokens.texts[k] in words["prev"]:
        return None, "prev", cal, k + 1
    # "نوفمبر من العام الجاري", "مارس من عام 2026", "يناير من العام المقبل"
    if k + 2 < n and tokens.texts[k] in words["of_year"] and tokens.texts[k + 1] in words["year_noun"]:
        after = tokens.texts[k + 2]
        if _year(after):
            return _year(after), "", cal, k + 3
        for group, relation in (("this", "this_year"), ("next", "next_year"), ("prev", "prev_year")):
            if after in words[group]:
                return None, relation, cal, k + 3
    return None, "", cal, k


def future_month_at(tokens: Tokens, lo: int, hi: int) -> int | None:
    """Index of a month named with a "next" word ("أبريل المقبل") in tokens[lo:hi]: a time stated as
    to come, whether or not the publication date is known to place it in a year."""
    words = date_words()["next"]
    tokens = columns(tokens)
    for i in range(max(lo, 0), min(hi, len(tokens.texts))):
        month = _month_at(tokens, i)
        if month is None:
            continue
        k = i + month[2]
        if k < min(hi, len(tokens.texts)) and tokens.texts[k] in words:
            return i
    return None


def _month_date(norm, tokens, i, j, day, month, published) -> tuple[DateMention | None, int]:
    """The date of "[day(s)] month [year|relation]" starting at token i (month at j); (None, k) when invalid."""
    text = norm.text
    mnum, cal, mlen = month
    k = j + mlen
    # "ديسمبر/كانون الأول" style double names: skip a second month name after a slash.
    if k < len(tokens.texts) and text[tokens.ends[k - 1]:tokens.starts[k]].strip() == "/" and _month_at(tokens, k):
        k += _month_at(tokens, k)[2]
    year, relation, cal, k = _year_tail(tokens, k, cal)
    if day is None and year is None and not relation:
        return None, -1  # a bare month name ("رجب" is also a first name; "آب" a noun): not a date
    if cal == "hijri":
        if year is not None and HIJRI_MIN <= year <= HIJRI_MAX:
            g = hijri_to_gregorian(year, mnum, day or 1)
        elif year is None and day is not None:
            g = hijri_without_year(mnum, day, relation, published)
        else:
            g = None
        if g is None:
            return None, k
        return _mention(norm, tokens, i, k, g.year, g.month, g.day if day else None,
                        "relative" if relation or year is None else "text", "hijri"), k
    basis = "text"
    if year is None:
        year = resolve_year(mnum, cal, day, relation, published)
        basis = "relative" if relation else "text"
    if year is None or not valid(year, mnum, day):
        return None, k
    return _mention(norm, tokens, i, k, year, mnum, day, basis), k


def _may_start_month_date(tok: str) -> bool:
    """Digits (a day) or the first word of a month name, its prefix allowed."""
    month_firsts = _month_firsts()
    return tok.isdigit() or tok in month_firsts or _strip_proclitic(tok, "month_prefix") in month_firsts


MONTH_DATE = kind("month_date", _may_start_month_date)


def _month_dates(norm: Normalized, tokens: Tokens, published: Published, used: set[int],
                 index: TokenIndex) -> list[DateMention]:
    """Day(s) + month name (+ year / relation / calendar suffix), and month name + year."""
    found = []
    i = 0
    for cand in index.positions(MONTH_DATE):
        if cand < i or cand in used:
            continue  # inside the date just found, or claimed by an earlier rule
        i = cand
        day, j = _day_at(tokens, norm.text, i)
        month = _month_at(tokens, j)
        if month is None:
            continue
        mention, k = _month_date(norm, tokens, i, j, day, month, published)
        if k < 0:
            continue
        if mention is not None:
            found.append(mention)
            used.update(range(i, k))
        i = k
    return found


def _relative_at(tokens: Tokens, i: int, phrases, longest: int):
    """(length, (unit, offset)) of the longest relative phrase at tokens[i], a proclitic allowed (at
    equal length the token as written first). Each reading of the first token grows token by token
    while it begins some phrase."""
    tokens = columns(tokens)
    limit = min(longest, len(tokens.texts) - i)
    if limit <= 0:
        return None
    prefixes = _relative_prefixes()
    first = tokens.texts[i]
    best_length, best_key = 0, None
    for start in (first, _strip_proclitic(first, "relative_prefix")):
        if start is None:
            continue
        key, length = (start,), 1
        while key in prefixes:
            if length > best_length and key in phrases:
                best_length, best_key = length, key
            if length == limit:
                break
            key += (tokens.texts[i + length],)
            length += 1
    return None if best_key is None else (best_length, phrases[best_key])


_RELATIVE_ALONE: dict[str, tuple] = {}  # token text -> _relative_alone(token)


def _relative_alone(token: str) -> tuple[tuple[int, tuple[str, int]] | None, frozenset[str]]:
    """What _relative_at gives at a token with this text when the next token continues no phrase
    (a phrase of one token, the token as written first, or None), and the words that may continue
    one of its readings; kept in _RELATIVE_ALONE (which starts over past 200,000 texts)."""
    phrases = relative_phrases()
    readings = [r for r in (token, _strip_proclitic(token, "relative_prefix")) if r is not None]
    single = next(((1, phrases[(r,)]) for r in readings if (r,) in phrases), None)
    followers = frozenset(p[1] for p in phrases if len(p) > 1 and p[0] in readings)
    if len(_RELATIVE_ALONE) >= 200_000:
        _RELATIVE_ALONE.clear()
    found = _RELATIVE_ALONE[token] = (single, followers)
    return found


@lru_cache(maxsize=1)
def _relative_prefixes() -> frozenset[tuple[str, ...]]:
    """Every beginning of a relative phrase (the phrases themselves included)."""
    return frozenset(p[:j] for p in relative_phrases() for j in range(1, len(p) + 1))


@lru_cache(maxsize=1)
def _relative_firsts() -> frozenset[str]:
    return frozenset(p[0] for p in relative_phrases() if p)  # a phrase can only start at one of these


@lru_cache(maxsize=1)
def _longest_relative() -> int:
    """Tokens in the longest relative phrase (once, not once per document)."""
    return max(len(p) for p in relative_phrases())


def _may_start_relative(tok: str) -> bool:
    firsts = _relative_firsts()
    return tok in firsts or _strip_proclitic(tok, "relative_prefix") in firsts


RELATIVE = kind("relative_date", _may_start_relative)


def _relative_dates(norm: Normalized, tokens: Tokens, published: Published, used: set[int],
                    index: TokenIndex) -> list[DateMention]:
    """Relative phrases ("أمس", "العام الماضي") resolved against the publication date."""
    found = []
    phrases = relative_phrases()
    longest = _longest_relative()
    texts = tokens.texts
    n, alone = len(texts), _RELATIVE_ALONE
    i = 0
    for cand in index.positions(RELATIVE):
        if cand < i or cand in used:
            continue
        i = cand
        try:
            hit, followers = alone[texts[i]]
        except KeyError:
            hit, followers = _relative_alone(texts[i])
        if i + 1 < n and texts[i + 1] in followers:  # a longer phrase may go on: the whole walk
            hit = _relative_at(tokens, i, phrases, longest)
        if not hit:
            continue
        length, (unit, offset) = hit
        if i + length < len(tokens.texts) and ordinal_word(tokens.texts[i + length]):
            i += length  # "في اليوم الأول من زيارته": a day counted within an event, not today
            continue
        shifted = shift(published, unit, offset)
        if shifted is not None:
            found.append(_mention(norm, tokens, i, i + length, *shifted, "relative", unit=unit))
        used.update(range(i, i + length))
        i += length
    return found


def _four_digits(tok: str) -> bool:
    return tok.isdigit() and len(tok) == 4


FOUR_DIGITS = kind("four_digits", _four_digits)


def _bare_years(norm: Normalized, tokens: Tokens, used: set[int], index: TokenIndex) -> list[DateMention]:
    """Years on their own ("2010", "2010م", "عام 2013") and Hijri years ("1434هـ")."""
    found = []
    text, n, words = norm.text, len(tokens.texts), date_words()
    for i in index.positions(FOUR_DIGITS):
        if i in used:
            continue
        end = tokens.ends[i]
        y = int(tokens.texts[i])
        nxt = tokens.texts[i + 1] if i + 1 < n and (tokens.starts[i + 1] == end
                                                    or not text[end:tokens.starts[i + 1]].strip()) else ""
        if nxt in words["hijri_suffix"] and HIJRI_MIN <= y <= HIJRI_MAX:
            # A Hijri year spans two Gregorian years; the one holding its middle holds most of it.
            g = hijri_to_gregorian(y, 6, 15)
            if g:
                found.append(_mention(norm, tokens, i, i + 2, g.year, None, None, "text", "hijri"))
            continue
        if YEAR_MIN <= y <= YEAR_MAX:
            last = i + 2 if nxt in words["gregorian_suffix"] else i + 1
            found.append(_mention(norm, tokens, i, last, y, None, None, "text"))
    return found


def find_dates(norm: Normalized, tokens: Tokens, published: Published,
               index: TokenIndex | None = None) -> list[DateMention]:
    """Every date-like expression, left to right, with its precision and basis (text | relative).

    Rules in order, each claiming its tokens so a later rule never reads them again: numeric dates,
    month-name dates, relative phrases, bare years. Each rule visits only the tokens that may start
    its expressions (`index`, built here when not given).
    """
    tokens = columns(tokens)  # the texts, starts and ends as lists: the rules read those
    index = index or TokenIndex(tokens.texts)
    used: set[int] = set()  # token indexes already part of a date
    found = _numeric_dates(norm, tokens, used, index)
    found += _month_dates(norm, tokens, published, used, index)
    found += _relative_dates(norm, tokens, published, used, index)
    found += _bare_years(norm, tokens, used, index)
    found.sort(key=lambda d: d.nstart)
    return found
