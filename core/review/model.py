"""Analyst review, the model: record kinds and fields, record anchors and ids, value checks."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
import threading
from dataclasses import dataclass, field
from typing import Any

import pandas as pd
import pycountry

from core import tables
from core.reading.ingest import CORRECTIONS_LOG
from core.reference import EDITIONS

LOG_NAME = CORRECTIONS_LOG
LOCK_NAME = ".corrections.lock"
FORMAT = 1
ACTIONS = ("confirm", "correct", "reject", "add", "undo", "join", "split")  # join/split: core/review/stories.py
KINDS = ("event", "participant", "ranking")
REVIEW_STATES = ("unreviewed", "confirmed", "corrected", "added")
PREFIX = {"event": "ev", "participant": "pa", "ranking": "rk"}
TABLE_OF = {"event": "events", "participant": "participants", "ranking": "rankings"}
NOTE_MAX = 2000

# Event years: the survey's editions (2003-2024) and the two years after the last, for events an
# article announces before the next edition.
EVENT_YEARS = (EDITIONS[0], EDITIONS[-1] + 2)
RANK_MAX = 250  # the surveys rank at most 193 states; anything above is a typo
ROLES = ("main", "mentioned")
TENSES = ("past", "upcoming")

# Field names the analyst may correct, per record kind, with the short names the CLI accepts.
FIELDS = {
    "event": ("kind", "year", "date", "host_iso3", "role", "tense", "countries_stated", "gcc"),
    "participant": ("iso3",),
    "ranking": ("country_iso3", "survey_year", "scope", "rank"),
}
ALIASES = {
    "event": {"host": "host_iso3", "size": "countries_stated", "delegation": "countries_stated"},
    "participant": {"state": "iso3", "country": "iso3"},
    "ranking": {"country": "country_iso3", "year": "survey_year"},
}

REJECTED_COLUMNS = ["record_id", "record", "doc", "event_id", "claim_id", "iso3", "what", "start", "end",
                    "review_note", "reason"]
ORPHAN_COLUMNS = ["line", "record_id", "record", "doc", "action", "field", "new", "reason", "time", "note"]

_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_thread_lock = threading.Lock()


class ReviewError(ValueError):
    """A review action that cannot be written: bad value, unknown record, unknown field."""


@dataclass(frozen=True)
class Entry:
    """One parsed line of the log."""

    line: int
    data: dict

    @property
    def action(self) -> str:
        return self.data["action"]

    @property
    def record(self) -> str:
        return self.data.get("record", "")

    @property
    def kind(self) -> str:
        return self.data.get("kind", "")

    @property
    def anchor(self) -> dict:
        return self.data.get("anchor") or {}


# ---------------------------------------------------------------- anchors and record ids

def record_id(kind: str, sha256: str, start: Any, end: Any, value: str = "") -> str:
    """The stable id of a record: a short hash of its anchor (content hash, kind, span, value)."""
    key = f"{sha256}|{kind}|{_int_or_blank(start)}|{_int_or_blank(end)}|{value}"
    return f"{PREFIX[kind]}-{hashlib.sha256(key.encode('utf-8')).hexdigest()[:10]}"


def _int_or_blank(value: Any) -> str:
    return "" if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else str(int(value))


def _anchor_value(kind: str, row: dict) -> str:
    if kind == "participant":
        return str(row.get("iso3") or "")
    if kind == "ranking":
        return f"{row.get('scope') or ''}:{row.get('country_iso3') or ''}"
    return ""


def _anchor_span(kind: str, row: dict) -> tuple[Any, Any]:
    if kind == "ranking":
        return row.get("surface_start"), row.get("surface_end")
    return row.get("start"), row.get("end")


def anchor_of(kind: str, row: dict, sha256: str) -> dict:
    """The anchor of an extracted row (a dict of table cells) of article `sha256`."""
    start, end = _anchor_span(kind, row)
    return {"sha256": sha256, "doc": str(row.get("doc") or ""), "kind": kind,
            "start": None if _int_or_blank(start) == "" else int(start),
            "end": None if _int_or_blank(end) == "" else int(end), "value": _anchor_value(kind, row)}


def anchor_id(anchor: dict) -> str:
    return record_id(anchor["kind"], anchor["sha256"], anchor.get("start"), anchor.get("end"),
                     anchor.get("value", ""))


def _record_ids(kind: str, frame: pd.DataFrame, sha_of: dict[str, str]) -> list[str]:
    """Ids of every row; the n-th row sharing an anchor gets '#n' in its anchor value (n >= 2).
    record_id of each row's anchor, read a column at a time with no dict per row; a span end that is
    an int is written as _int_or_blank writes it (str), the others asked of _int_or_blank."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    span_cols = ("surface_start", "surface_end") if kind == "ranking" else ("start", "end")
    if kind == "participant":
        values = [str(v or "") for v in frame["iso3"].tolist()]
    elif kind == "ranking":
        values = [f"{s or ''}:{c or ''}" for s, c in zip(frame["scope"].tolist(), frame["country_iso3"].tolist())]
    else:
        values = [""] * len(frame)
    prefix, sha256 = PREFIX[kind], hashlib.sha256
    for doc, start, end, value in zip(frame["doc"].tolist(), frame[span_cols[0]].tolist(),
                                      frame[span_cols[1]].tolist(), values):
        head = (f"{sha_of.get(str(doc), '')}|{kind}|{start if type(start) is int else _int_or_blank(start)}|"
                f"{end if type(end) is int else _int_or_blank(end)}|")
        rid = f"{prefix}-{sha256((head + value).encode('utf-8')).hexdigest()[:10]}"
        n = seen.get(rid, 0) + 1
        seen[rid] = n
        ids.append(rid if n == 1 else f"{prefix}-{sha256(f'{head}{value}#{n}'.encode('utf-8')).hexdigest()[:10]}")
    return ids


# ---------------------------------------------------------------- validation

def canonical_field(kind: str, name: str) -> str:
    """The table column for a field name or alias of `kind`; ReviewError for one that cannot be corrected."""
    if kind not in FIELDS:
        raise ReviewError(f"unknown record kind {kind!r} (one of {', '.join(KINDS)})")
    name = name.strip()
    name = ALIASES[kind].get(name, name)
    if name not in FIELDS[kind]:
        raise ReviewError(f"{kind} field {name!r} cannot be corrected; fields: {', '.join(FIELDS[kind])}")
    return name


def check_iso3(value: Any, *, allow_empty: bool = False) -> str:
    text = "" if value is None else str(value).strip().upper()
    if not text and allow_empty:
        return ""
    if not re.fullmatch(r"[A-Z]{3}", text) or pycountry.countries.get(alpha_3=text) is None:
        raise ReviewError(f"{_shown(value)} is not an ISO 3166 alpha-3 country code (e.g. BHR, QAT, SAU)")
    return text


def _int(value: Any, what: str, low: int, high: int, *, allow_empty: bool = False) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        if allow_empty:
            return None
        raise ReviewError(f"{what} is required")
    if isinstance(value, bool):
        raise ReviewError(f"{what} must be a whole number, not {_shown(value)}")
    try:
        number = int(str(value).strip()) if not isinstance(value, int) else value
    except ValueError:
        raise ReviewError(f"{what} must be a whole number, not {_shown(value)}") from None
    if not low <= number <= high:
        raise ReviewError(f"{what} {number} is outside {low}–{high}")
    return number


def _bool(value: Any, what: str) -> bool:
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "1"):
        return True
    if text in ("false", "no", "0"):
        return False
    raise ReviewError(f"{what} must be true or false, not {_shown(value)}")


def _choice(value: Any, what: str, options: tuple[str, ...]) -> str:
    text = "" if value is None else str(value).strip().lower()
    if text not in options:
        raise ReviewError(f"{what} {_shown(value)} is not one of {', '.join(options)}")
    return text


def _date(value: Any) -> str:
    text = "" if value is None else str(value).strip()
    if not text:
        return ""
    match = _DATE.match(text)
    if not match:
        raise ReviewError(f"date {_shown(value)} must be YYYY-MM-DD, YYYY-MM or YYYY")
    year, month, day = (int(g) if g else None for g in match.groups())
    _int(year, "date year", *EVENT_YEARS)
    try:
        dt.date(year, month or 1, day or 1)
    except ValueError:
        raise ReviewError(f"date {_shown(value)} is not a real date") from None
    return text


def check_value(kind: str, name: str, value: Any) -> Any:
    """`value` for field `name` of a `kind` record as stored in the log; ReviewError with a clear message."""
    name = canonical_field(kind, name)
    if name in ("host_iso3",):
        return check_iso3(value, allow_empty=True)
    if name in ("iso3", "country_iso3"):
        return check_iso3(value)
    if name == "kind":
        return _choice(value, "kind", tables.EVENT_KINDS)
    if name == "scope":
        return _choice(value, "scope", tables.SCOPES)
    if name == "role":
        return _choice(value, "role", ROLES)
    if name == "tense":
        return _choice(value, "tense", TENSES)
    if name == "year":
        return _int(value, "year", *EVENT_YEARS, allow_empty=True)
    if name == "survey_year":
        year = _int(value, "survey year", EDITIONS[0], EDITIONS[-1], allow_empty=True)
        if year is not None and year not in EDITIONS:
            raise ReviewError(f"survey year {year} had no edition; editions: {', '.join(map(str, EDITIONS))}")
        return year
    if name == "rank":
        return _int(value, "rank", 1, RANK_MAX)
    if name == "countries_stated":
        return _int(value, "delegation size", 1, 250, allow_empty=True)
    if name == "gcc":
        return _bool(value, "GCC flag")
    if name == "date":
        return _date(value)
    raise ReviewError(f"{kind} field {name!r} cannot be corrected")  # pragma: no cover - FIELDS is exhaustive


def _note(note: Any) -> str:
    text = "" if note is None else str(note)
    if len(text) > NOTE_MAX:
        raise ReviewError(f"note is longer than {NOTE_MAX} characters")
    return text


def _shown(value: Any) -> str:
    """A value for a message: quoted, control and direction characters made visible, cut at 60."""
    text = repr(str(value)) if not isinstance(value, (int, float)) or isinstance(value, bool) else str(value)
    text = _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", text)
    return text if len(text) <= 60 else text[:57] + "…'"


def inert(text: Any) -> str:
    """Untrusted text (a note, a file name) for a terminal: control and direction characters shown as escapes."""
    return _CONTROL.sub(lambda m: f"\\u{ord(m.group(0)):04x}", "" if text is None else str(text))
