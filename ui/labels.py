"""English display labels for the codes the tables carry (event kinds, scopes, topics, verdicts)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

import pandas as pd

T = TypeVar("T")

SCOPE_LABELS = {
    "world": "World", "asia": "Asia", "western_asia": "Western Asia", "middle_east": "Middle East",
    "mena": "MENA", "arab": "Arab states", "gcc": "GCC", "africa": "Africa", "regional": "Regional",
}
# Order of the scope selector: the world first, then the regions the news quotes most.
SCOPE_ORDER = ["world", "arab", "gcc", "asia", "middle_east", "western_asia", "mena", "africa"]

TOPIC_LABELS = {"e_payment": "E-payment"}
ACRONYMS = {"ai", "api", "gcc", "ict", "it", "un"}

VERDICT_LABELS = {"matches": "matches", "differs": "differs", "unverifiable": "unverifiable"}

MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]


def map_distinct(func: Callable[..., T], *columns: pd.Series) -> list[T]:
    """func(*row values) for every row of the aligned columns, computed once per distinct combination.

    Tables of 100,000 rows hold a few hundred distinct dates or kinds; a label per row would not.
    """
    keys = list(zip(*(column.tolist() for column in columns)))
    results = {key: func(*key) for key in set(keys)}
    return [results[key] for key in keys]


def scope_label(scope: str) -> str:
    return SCOPE_LABELS.get(scope, scope.replace("_", " ").title())


def topic_label(topic: str) -> str:
    """'digital_identity' -> 'Digital identity', 'un_survey' -> 'UN survey', 'ai' -> 'AI'."""
    if topic in TOPIC_LABELS:
        return TOPIC_LABELS[topic]
    words = [w.upper() if w in ACRONYMS else w for w in topic.split("_") if w]
    return " ".join(words)[:1].upper() + " ".join(words)[1:]


def kind_label(kind: str) -> str:
    return kind.replace("_", " ")


def is_missing(value: object) -> bool:
    """None, NaN, NaT or pd.NA (the table cells that hold no value)."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def text_of(value: object) -> str:
    """A cell as text: '' for a missing value."""
    return "" if is_missing(value) else str(value)


def split_list(value: object) -> list[str]:
    """The items of a ';'-joined cell (organizations, topics); [] for empty or missing."""
    return [item.strip() for item in text_of(value).split(";") if item.strip()]


def when_label(date: object, year: object) -> str:
    """'25 June 2013', 'June 2013', '2013' or 'undated', at the precision the event has."""
    text = text_of(date)
    parts = text.split("-") if text else []
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        month = MONTHS[int(parts[1]) - 1]
        if len(parts) == 3 and parts[2].isdigit():
            return f"{int(parts[2])} {month} {parts[0]}"
        return f"{month} {parts[0]}"
    if parts and parts[0].isdigit():
        return parts[0]
    if not is_missing(year):
        return str(int(year))
    return "undated"
