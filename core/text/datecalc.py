"""Calendar arithmetic for the date rules (core.text.dates): the publication date, validity,
Hijri to Gregorian, the year of a month named without one, relative shifts. No tokens, no text."""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from hijridate import Gregorian, Hijri

YEAR_MIN, YEAR_MAX = 1990, 2100
HIJRI_MIN, HIJRI_MAX = 1410, 1500


@dataclass(frozen=True)
class Published:
    """The article's publication date at the precision the manifest gives."""

    year: int | None = None
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: str | None) -> "Published":
        m = re.fullmatch(r"\s*(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?\s*", value or "")
        if not m:
            return cls()
        y, mo, d = (int(g) if g else None for g in m.groups())
        try:
            if d:
                dt.date(y, mo, d)
            elif mo and not 1 <= mo <= 12:
                return cls()
        except ValueError:
            return cls()
        return cls(y, mo, d)


def valid(y: int, m: int, d: int | None) -> bool:
    if not (YEAR_MIN <= y <= YEAR_MAX and 1 <= m <= 12):
        return False
    return d is None or 1 <= d <= calendar.monthrange(y, m)[1]


def hijri_to_gregorian(hy: int, hm: int, hd: int) -> dt.date | None:
    try:
        g = Hijri(hy, hm, hd).to_gregorian()
        return dt.date(g.year, g.month, g.day)
    except (ValueError, OverflowError):
        return None


def resolve_year(month: int, cal: str, day: int | None, relation: str, pub: Published) -> int | None:
    """Year of a month named without one: the next/previous occurrence, else the publication year."""
    if pub.year is None:
        return None
    if cal == "hijri":
        return None  # handled by the caller with the Hijri calendar
    if relation in ("this_year", "next_year", "prev_year"):
        return pub.year + {"this_year": 0, "next_year": 1, "prev_year": -1}[relation]
    if relation == "next" and pub.month is not None and month < pub.month:
        return pub.year + 1
    if relation == "prev" and pub.month is not None and month > pub.month:
        return pub.year - 1
    return pub.year


def hijri_without_year(hm: int, hd: int, relation: str, pub: Published) -> dt.date | None:
    """The first Gregorian date of Hijri (hm, hd) on or after the publication date (before it for 'prev')."""
    if pub.year is None:
        return None
    anchor = dt.date(pub.year, pub.month or 1, pub.day or 1)
    try:
        h = Gregorian(anchor.year, anchor.month, anchor.day).to_hijri()
    except (ValueError, OverflowError):
        return None
    for hy in (h.year - 1, h.year, h.year + 1):
        g = hijri_to_gregorian(hy, hm, hd)
        if g is None:
            continue
        if relation == "prev" and g <= anchor and (anchor - g).days < 360:
            return g
        if relation != "prev" and g >= anchor:
            return g
    return None


def shift(pub: Published, unit: str, offset: int) -> tuple[int, int | None, int | None] | None:
    if pub.year is None:
        return None
    if unit == "year":
        return pub.year + offset, None, None
    if unit == "month":
        if pub.month is None:
            return None
        total = pub.year * 12 + (pub.month - 1) + offset
        return total // 12, total % 12 + 1, None
    if pub.day is None:
        # Day-level phrase, day unknown: keep what is known (the month, or the year).
        return (pub.year, pub.month, None) if offset == 0 or pub.month is None else (pub.year, pub.month, None)
    d = dt.date(pub.year, pub.month, pub.day) + dt.timedelta(days=offset)
    return d.year, d.month, d.day
