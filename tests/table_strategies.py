"""Hypothesis strategies for whole corpora built from core/tables.py's declared schemas.

Every column of every table is drawn from its declared dtype (core.tables.DTYPES: Int64, boolean,
else string); a column that is not part of its table's key may be missing in any row, and string
columns may be empty. Integer columns include extremes (0, negative, the Int64 limits where the
type allows them; years and offsets far outside any article). Columns with a closed vocabulary
(kind, scope, status, role, tense, review state, ISO3 codes) draw from that vocabulary, plus the
empty string and a missing value, so the pages meet every combination the schema lets through.
"""

from __future__ import annotations

import json

import pandas as pd
from hypothesis import strategies as st

import core
from core import tables
from core.review.model import REVIEW_STATES, ROLES, TENSES

INT64_MAX = 2**53  # the largest integer a column with missing values keeps exactly on its way through float
ISO3 = ["BHR", "SAU", "ARE", "KWT", "QAT", "OMN", "EGY", "JOR", "USA", "KOR", "PSE", "SGP"]
VOCABULARY = {
    "kind": list(tables.EVENT_KINDS), "scope": list(tables.SCOPES), "status": list(tables.DOC_STATUSES),
    "role": list(ROLES), "tense": list(TENSES), "review": list(REVIEW_STATES),
    "iso3": ISO3, "country_iso3": ISO3, "host_iso3": ISO3,
    "via": ["name", "demonym", "gcc_body", "review"],
    "year_basis": ["stated", "stated_elsewhere", "relative", "publication_date", "not_stated", "edition"],
    "date_basis": ["text", "published", "relative", "none"],
    "host_basis": ["stated", "stated_elsewhere", "event_name", "virtual", "assumed", "not_stated"],
    "encoding": ["utf-8", "cp1256"],
}
ARABIC = st.text(alphabet=st.sampled_from("البحرين وفد زار المركز الأول عالميا ٢٠١٠ 2010 <b>&\"'`*_#|;\n"),
                 max_size=60)
YEARS = st.one_of(st.integers(2000, 2030), st.sampled_from([0, 1, -1, 1677, 2263, 9999, 10000, 2**31 - 1,
                                                          -(2**31), INT64_MAX, -INT64_MAX]))
COUNTS = st.one_of(st.integers(0, 200), st.sampled_from([-1, 10**6, 2**31 - 1, INT64_MAX]))
OFFSETS = st.one_of(st.integers(0, 80), st.sampled_from([-1, 10**9, INT64_MAX]))
DATES = st.one_of(st.sampled_from(["", "2013-06-25", "2013-06", "2013", "2024-02-29", "0001-01-01", "9999-12-31",
                                   "2013-02-30", "yesterday", " 2013-06-25", "2013-13-01"]), ARABIC)
LISTS = st.lists(st.sampled_from(["UNDESA", "ITU", "national_portal", "capacity_building", "", "a;b"]),
                 max_size=4).map(";".join)
EXTRACTED = st.one_of(st.just(""), st.dictionaries(st.sampled_from(["host_iso3", "kind", "year", "rank"]),
                                                   st.one_of(st.none(), st.integers(), st.text(max_size=8)),
                                                   max_size=3).map(json.dumps), st.sampled_from(["{", "[1]", "null"]))


def _value(column: str) -> st.SearchStrategy:
    """One cell of `column`: its declared dtype, or its vocabulary, or free text."""
    dtype = tables.DTYPES.get(column)
    if dtype == "boolean":
        return st.booleans()
    if dtype == "Int64":
        if column in ("year", "survey_year"):
            return YEARS
        if column in ("start", "end", "surface_start", "surface_end"):
            return OFFSETS
        return COUNTS
    if column in VOCABULARY:
        return st.one_of(st.sampled_from(VOCABULARY[column]), st.just(""))
    if column in ("date", "published"):
        return DATES
    if column in ("topics", "organizations"):
        return LISTS
    if column == "extracted":
        return EXTRACTED
    if column == "record_id":
        return st.text(alphabet="abcdef0123456789-", min_size=1, max_size=12)
    return ARABIC


def _cell(column: str, key: list[str]) -> st.SearchStrategy:
    value = _value(column)
    return value if column in key else st.one_of(st.none(), value)


@st.composite
def rows(draw, name: str, fixed: dict[str, object]) -> dict[str, object]:
    """One row of table `name`: `fixed` columns as given, every other column drawn for its schema."""
    key = tables.KEYS[name]
    return {column: fixed[column] if column in fixed else draw(_cell(column, key))
            for column in tables.SCHEMAS[name]}


@st.composite
def corpora(draw, max_docs: int = 4, max_rows: int = 4) -> core.Corpus:
    """A Corpus whose four tables keep their schema and keys, with ids that refer to each other
    (events and claims to documents, participants to events) and a text for every document."""
    n_docs = draw(st.integers(1, max_docs))
    docs = [f"{i:03d}_{draw(st.sampled_from(['a', 'مقال', 'x y', '<b>']))}.txt" for i in range(n_docs)]
    documents = [draw(rows("documents", {"doc": doc})) for doc in docs]
    events, participants, rankings = [], [], []
    for doc in docs:
        for e in range(draw(st.integers(0, max_rows))):
            event_id = f"{doc}#e{e + 1}"
            events.append(draw(rows("events", {"event_id": event_id, "doc": doc})))
            states = draw(st.lists(st.sampled_from(ISO3), unique=True, max_size=max_rows))
            participants += [draw(rows("participants", {"event_id": event_id, "doc": doc, "iso3": iso}))
                             for iso in states]
        rankings += [draw(rows("rankings", {"claim_id": f"{doc}#r{r + 1}", "doc": doc}))
                     for r in range(draw(st.integers(0, max_rows)))]
    texts = {doc: draw(ARABIC) for doc in docs}
    return core.Corpus(documents=tables.build_table("documents", documents),
                       events=tables.build_table("events", events),
                       participants=tables.build_table("participants", participants),
                       rankings=tables.build_table("rankings", rankings), texts=texts)


def many_rows(n_events: int) -> core.Corpus:
    """A deterministic large corpus: `n_events` events over 100 documents, two participants and one claim
    each in every tenth event; every other cell missing in turn, so each nullable column is empty somewhere."""
    docs = [f"{i:03d}.txt" for i in range(100)]
    documents = [{"doc": d, "status": "ok", "published": "2015-01"} for d in docs]
    events, participants, rankings = [], [], []
    for i in range(n_events):
        doc = docs[i % len(docs)]
        event_id = f"{doc}#e{i}"
        events.append({"event_id": event_id, "doc": doc, "role": ROLES[i % len(ROLES)],
                       "kind": tables.EVENT_KINDS[i % len(tables.EVENT_KINDS)],
                       "year": None if i % 7 == 0 else 2003 + i % 22, "host_iso3": ISO3[i % len(ISO3)] if i % 3 else None,
                       "date": "" if i % 5 else f"{2003 + i % 22}-06-25", "gcc": None if i % 4 == 0 else bool(i % 2),
                       "countries_stated": None if i % 2 else i % 50, "topics": "national_portal" if i % 3 else "",
                       "evidence": "زار وفد البحرين", "start": 0, "end": 10, "review": "unreviewed"})
        if i % 10 == 0:
            participants += [{"event_id": event_id, "doc": doc, "iso3": iso, "name_en": None if i % 20 else "x",
                              "via": "name", "review": "unreviewed"} for iso in ISO3[:2]]
            rankings.append({"claim_id": f"{doc}#r{i}", "doc": doc, "country_iso3": "BHR",
                             "survey_year": None if i % 30 == 0 else 2010, "scope": tables.SCOPES[i % 9],
                             "rank": i % 193 + 1, "review": "unreviewed"})
    return core.Corpus(documents=tables.build_table("documents", documents),
                       events=tables.build_table("events", events),
                       participants=tables.build_table("participants", participants),
                       rankings=tables.build_table("rankings", rankings), texts={d: "زار وفد البحرين" for d in docs})
