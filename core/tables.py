"""Declared schemas of the output tables and the checks every built table passes."""

from __future__ import annotations

import pandas as pd

from core.vocabulary import event_kinds

DOCUMENTS = ["doc", "title", "published", "source_url", "chars", "status", "message",
             "encoding", "sha256", "duplicate_of"]
EVENTS = ["event_id", "doc", "role", "kind", "tense", "year", "year_basis", "date", "date_basis", "host_iso3",
          "host_basis", "countries_stated", "countries_stated_lower_bound", "countries_named", "gcc",
          "organizations", "topics", "evidence", "start", "end", "note"]
PARTICIPANTS = ["event_id", "doc", "iso3", "name_en", "surface", "start", "end", "via"]
# One row per story: the events of the folder that report the same occasion (core/stories).
# participants: "ISO3:reports naming it" by count; sizes: "N@doc" every stated size with its article.
STORIES = ["story_id", "kind", "first_date", "first_date_precision", "last_date", "last_date_precision",
           "year", "host_iso3", "host_basis", "participants", "sizes", "size_min", "size_max", "reports",
           "docs", "event_ids", "basis"]
EVENTS.append("story_id")  # the event's story (core/stories), filled when the whole folder is read
RANKINGS = ["claim_id", "doc", "country_iso3", "survey_year", "scope", "rank", "evidence",
            "start", "end", "surface", "surface_start", "surface_end", "year_basis", "note"]

# Added by core.review.apply_reviews (load_corpus always applies it): the stable record id, the
# review state (unreviewed | confirmed | corrected | added), the extracted values of corrected
# fields as a JSON object ('' when none) and the analyst's latest note.
REVIEW_COLUMNS = ["record_id", "review", "extracted", "review_note"]
EVENTS += REVIEW_COLUMNS
PARTICIPANTS += REVIEW_COLUMNS
RANKINGS += REVIEW_COLUMNS

KEYS = {
    "documents": ["doc"],
    "events": ["event_id"],
    "participants": ["event_id", "iso3"],
    "rankings": ["claim_id"],
    "stories": ["story_id"],
}
SCHEMAS = {"documents": DOCUMENTS, "events": EVENTS, "participants": PARTICIPANTS, "rankings": RANKINGS,
           "stories": STORIES}

EVENT_KINDS = tuple(event_kinds())  # core/data/event_kinds.tsv
SCOPES = ("world", "asia", "middle_east", "mena", "arab", "gcc", "africa", "regional", "g20", "americas", "europe", "oceania")
DOC_STATUSES = ("ok", "warning", "error")

DTYPES = {
    "chars": "Int64", "year": "Int64", "countries_stated": "Int64", "countries_named": "Int64",
    "start": "Int64", "end": "Int64", "survey_year": "Int64", "rank": "Int64",
    "surface_start": "Int64", "surface_end": "Int64", "size_min": "Int64", "size_max": "Int64", "reports": "Int64",
    "gcc": "boolean", "countries_stated_lower_bound": "boolean",
}


class SchemaError(ValueError):
    """A built table breaks its declared schema or key."""


def build_table(name: str, rows: list[dict]) -> pd.DataFrame:
    """A DataFrame with exactly the declared columns, typed, and its key checked unique."""
    columns = SCHEMAS[name]
    try:
        frame = pd.DataFrame.from_records(rows, columns=columns)
    except UnicodeEncodeError:  # a lone surrogate (a file name that is not UTF-8): shown as \\xNN
        rows = [{key: _printable(value) for key, value in row.items()} for row in rows]
        frame = pd.DataFrame.from_records(rows, columns=columns)
    return _typed(name, frame)


def build_table_from_tuples(name: str, fields: list[str], rows: list[tuple]) -> pd.DataFrame:
    """build_table(name, [dict(zip(fields, row)) for row in rows]) without a dict per row: the rows'
    values in `fields`' order, turned into columns at once (the schema's other columns empty), each
    made in its declared dtype (`pd.array`) instead of an inferred one converted after."""
    columns = list(zip(*rows)) if rows else [()] * len(fields)
    empty = [None] * len(rows)
    given = dict(zip(fields, columns))
    data = {col: list(given[col]) if col in given else empty for col in SCHEMAS[name]}
    try:
        frame = _frame(data)
    except UnicodeEncodeError:  # a lone surrogate (a file name that is not UTF-8): shown as \\xNN
        frame = _frame({col: [_printable(v) for v in values] for col, values in data.items()})
    check_table(name, frame)
    return frame


def _frame(data: dict[str, list]) -> pd.DataFrame:
    """The columns' values as a DataFrame, each column in its dtype (DTYPES, else "string"): what
    _typed gives for the frame of these lists."""
    return pd.DataFrame({col: pd.array(values, dtype=DTYPES.get(col, "string")) for col, values in data.items()},
                        copy=False)


def _typed(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    for col in SCHEMAS[name]:
        if col in DTYPES:
            frame[col] = frame[col].astype(DTYPES[col])
        else:
            frame[col] = frame[col].astype("string")
    check_table(name, frame)
    return frame


def _printable(value: object) -> object:
    """`value` with each lone surrogate (an undecodable file-name byte) written as \\xNN."""
    if not isinstance(value, str):
        return value
    try:
        return value.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a surrogate that is not an escaped byte
        return value.encode("utf-8", "backslashreplace").decode("utf-8")


def check_table(name: str, frame: pd.DataFrame) -> None:
    """Raise SchemaError when columns differ from the schema or the key is not unique."""
    if list(frame.columns) != SCHEMAS[name]:
        raise SchemaError(f"{name}: columns {list(frame.columns)} != schema {SCHEMAS[name]}")
    key = KEYS[name]
    dup = frame.duplicated(subset=key, keep=False)
    if dup.any():
        raise SchemaError(f"{name}: key {key} not unique: {frame.loc[dup, key].head(5).to_dict('records')}")
