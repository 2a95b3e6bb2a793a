"""Analyst review: the append-only corrections log beside the articles, and applying it to the tables.

The log is `corrections.jsonl` in the articles' folder, one JSON object a line:

    {"v": 1, "id": "<entry id>", "time": "2026-12-02T15:04:05Z", "action": "correct",
     "kind": "event", "record": "ev-1a2b3c4d5e",
     "anchor": {"sha256": "<article content hash>", "doc": "<file name when written>",
                "kind": "event", "start": 0, "end": 243, "value": ""},
     "field": "host_iso3", "old": "BHR", "new": "QAT", "note": "..."}

`action` is confirm | correct | reject | add | undo, and join | split for stories (core/review/stories.py). Nothing is rewritten: an undo is a new line
naming the entry it cancels (`"target": "<entry id>"`). Appends are atomic across threads and
processes (an fcntl lock on `.corrections.lock` in the folder, then one os.write of the whole line
to a file opened with O_APPEND). A damaged line is reported by its number and skipped.

A record is anchored on what survives re-extraction, never on a row number: the article's content
hash (documents.sha256), the record kind, its evidence span (start, end) and its identifying value
(a participant's state; a claim's scope and country). The record id the CLI and the pages use is a
short hash of that anchor (`ev-`, `pa-`, `rk-` + 10 hex digits); it does not depend on the file name.

Spans: an event's evidence sentence; a participant's state mention; a ranking claim's rank
expression (surface_start, surface_end), which separates two claims of one sentence.

`apply_reviews` adds to events, participants and rankings the columns of tables.REVIEW_COLUMNS:
record_id, review (unreviewed | confirmed | corrected | added), extracted (a JSON object of the
extracted value of every corrected field, '' when none) and review_note (the latest note). Rejected
records leave the tables for `corpus.rejected` (REJECTED_COLUMNS). A correction whose article
changed or whose record cannot be found is orphaned: listed in `corpus.orphans` (ORPHAN_COLUMNS)
and in corpus.messages, never applied to another record. Damaged lines are in corpus.messages.
"""

from __future__ import annotations

import uuid

from pathlib import Path
from typing import Any

from core.text.normalize import normalize, tokenize
from core.review.apply import _as_text, _cell, _jsonable, _sha_of, apply_reviews, log_problems, reviewed_docs, with_review_columns  # noqa: F401 (the package's face)
from core.review.log import append_entry, log_path, read_log, undo_last  # noqa: F401
from core.review.model import ACTIONS, ALIASES, EVENT_YEARS, Entry, FIELDS, FORMAT, KINDS, LOCK_NAME, LOG_NAME, NOTE_MAX, ORPHAN_COLUMNS, PREFIX, RANK_MAX, REJECTED_COLUMNS, REVIEW_STATES, ROLES, ReviewError, TABLE_OF, TENSES, _note, _shown, anchor_id, anchor_of, canonical_field, check_iso3, check_value, inert, record_id  # noqa: F401
from core.text.segment import sentences


# ---------------------------------------------------------------- writing actions (CLI and pages)

def find_record(corpus, rid: str) -> tuple[str, dict]:
    """(kind, row as a dict) of record id `rid` (also an event_id or claim_id) in a reviewed corpus,
    rejected records included; ReviewError when there is none."""
    rid = rid.strip()
    for kind, name in TABLE_OF.items():
        frame = getattr(corpus, name)
        hit = frame[frame["record_id"] == rid]
        if kind == "event" and hit.empty:
            hit = frame[frame["event_id"] == rid]
        if kind == "ranking" and hit.empty:
            hit = frame[frame["claim_id"] == rid]
        if len(hit) == 1:
            return kind, hit.iloc[0].to_dict()
    if len(corpus.rejected):
        hit = corpus.rejected[corpus.rejected["record_id"] == rid]
        if len(hit) == 1:
            return _rejected_record(corpus, hit.iloc[0].to_dict())
    raise ReviewError(f"no record {_shown(rid)}; `review FOLDER list` shows the record ids")


def _rejected_record(corpus, row: dict) -> tuple[str, dict]:
    return row["record"], {**row, "rejected": True}


def _anchor_for(corpus, kind: str, row: dict) -> dict:
    """The anchor whose id is the row's record id (extracted rows; added rows keep theirs in the log)."""
    sha = _sha_of(corpus.documents).get(str(row["doc"]), "")
    if row.get("review") != "unreviewed" and corpus.folder is not None:
        # added and rejected records: the anchor their log entries carry
        for entry in read_log(corpus.folder)[0]:
            if entry.record == row["record_id"] and entry.action != "undo":
                return dict(entry.anchor)
    anchor = anchor_of(kind, row, sha)
    if anchor_id(anchor) != row["record_id"]:
        # the n-th record sharing an anchor: its value carries '#n'
        for n in range(2, 100):
            candidate = {**anchor, "value": f"{anchor['value']}#{n}"}
            if anchor_id(candidate) == row["record_id"]:
                return candidate
        raise ReviewError(f"record {row['record_id']} has no anchor in this corpus")
    return anchor


def _folder(corpus, folder: str | Path | None) -> Path:
    folder = Path(folder) if folder is not None else corpus.folder
    if folder is None:
        raise ReviewError("the corpus has no folder to keep corrections in")
    return Path(folder)


def set_field(corpus, rid: str, name: str, value: Any, note: str = "", folder: str | Path | None = None) -> dict:
    """Append a correction of field `name` of record `rid` to `value` (validated); returns the entry."""
    kind, row = find_record(corpus, rid)
    column = canonical_field(kind, name)
    if row.get("rejected"):
        raise ReviewError(f"record {row['record_id']} is rejected; confirm it (or undo) before correcting it")
    if column not in row:
        raise ReviewError(f"the {TABLE_OF[kind]} table has no column {column} in this version")
    new = check_value(kind, column, value)
    if kind == "participant" and column == "iso3" and new != row["iso3"]:
        frame = corpus.participants
        if ((frame["event_id"] == row["event_id"]) & (frame["iso3"] == new)).any():
            raise ReviewError(f"{new} is already a participant of {row['event_id']}")
    return append_entry(_folder(corpus, folder), {
        "action": "correct", "kind": kind, "record": row["record_id"], "anchor": _anchor_for(corpus, kind, row),
        "field": column, "old": _jsonable(row.get(column)), "new": new, "note": _note(note)})


def set_status(corpus, rid: str, action: str, note: str = "", folder: str | Path | None = None) -> dict:
    """Append a confirm or reject of record `rid`; returns the entry."""
    if action not in ("confirm", "reject"):
        raise ReviewError(f"unknown action {_shown(action)}")
    kind, row = find_record(corpus, rid)
    return append_entry(_folder(corpus, folder), {
        "action": action, "kind": kind, "record": row["record_id"], "anchor": _anchor_for(corpus, kind, row),
        "note": _note(note)})


def add_participant(corpus, event: str, iso3: str, note: str = "", span: tuple[int, int] | None = None,
                    folder: str | Path | None = None) -> dict:
    """Append a participant `iso3` of event `event` (record id or event_id), taken from `span`
    (default: the event's evidence sentence); returns the entry. Its record id is the entry's `record`."""
    kind, row = find_record(corpus, event)
    if kind != "event":
        raise ReviewError(f"{_shown(event)} is a {kind}, not an event")
    code = check_iso3(iso3)
    if ((corpus.participants["event_id"] == row["event_id"]) & (corpus.participants["iso3"] == code)).any():
        raise ReviewError(f"{code} is already a participant of {row['event_id']}")
    start, end = span if span is not None else (int(row["start"]), int(row["end"]))
    return _add(corpus, "participant", row["doc"], start, end, f"added:{row['record_id']}:{code}", {"iso3": code},
                note, folder, parent=row["record_id"])


def add_event(corpus, doc: str, span: tuple[int, int], values: dict, note: str = "",
              folder: str | Path | None = None) -> dict:
    """Append an event of article `doc` read from the sentence `span`, with `values` (field -> value)."""
    checked = {canonical_field("event", k): check_value("event", k, v) for k, v in values.items()}
    checked.setdefault("kind", "other")
    return _add(corpus, "event", doc, span[0], span[1], f"added:{uuid.uuid4().hex[:12]}", checked, note, folder)


def add_claim(corpus, doc: str, span: tuple[int, int], values: dict, note: str = "",
              folder: str | Path | None = None) -> dict:
    """Append a ranking claim of article `doc` read from the sentence `span` (country, survey year, scope, rank)."""
    checked = {canonical_field("ranking", k): check_value("ranking", k, v) for k, v in values.items()}
    for required in ("country_iso3", "scope", "rank"):
        if checked.get(required) in (None, ""):
            raise ReviewError(f"an added claim needs {required}")
    return _add(corpus, "ranking", doc, span[0], span[1], f"added:{uuid.uuid4().hex[:12]}", checked, note, folder)


def _add(corpus, kind: str, doc: str, start: int, end: int, value: str, values: dict, note: str,
         folder: str | Path | None, parent: str | None = None) -> dict:
    sha = _sha_of(corpus.documents).get(str(doc), "")
    if not sha:
        raise ReviewError(f"no article {_shown(doc)}")
    text = corpus.texts.get(doc, "")
    if not (0 <= start < end <= len(text)):
        raise ReviewError(f"span {start}–{end} is outside the article ({len(text)} characters)")
    anchor = {"sha256": sha, "doc": doc, "kind": kind, "start": int(start), "end": int(end), "value": value}
    data = {"action": "add", "kind": kind, "record": anchor_id(anchor), "anchor": anchor, "new": values,
            "note": _note(note)}
    if parent:
        data["parent"] = parent
    return append_entry(_folder(corpus, folder), data)


def record_summary(kind: str, row: dict) -> str:
    """One line of English describing a record (a table row as a dict), for lists and labels."""
    def v(name: str) -> str:
        value = _cell(row.get(name))
        return "" if value is None else str(value)
    if kind == "event":
        size = f", {v('countries_stated')} states stated" if v("countries_stated") else ""
        return (f"{v('event_id')}: {v('role')} {v('kind')} {v('date') or v('year') or 'undated'}, "
                f"host {v('host_iso3') or 'not stated'}{size}{', GCC' if v('gcc') == 'True' else ''}")
    if kind == "participant":
        return f"{v('iso3')} {v('name_en')} in {v('event_id')}"
    return f"{v('claim_id')}: {v('country_iso3')} {v('scope')} rank {v('rank')} in {v('survey_year') or '?'}"


def article_sentences(text: str) -> list[tuple[int, int, str]]:
    """(start, end, sentence) of every sentence of an article, in original offsets."""
    norm = normalize(text)
    tokens = tokenize(norm)
    out = []
    for seg in sentences(norm.text, tokens):
        surface, start, end = norm.surface(tokens[seg.first].start, tokens[seg.last - 1].end)
        out.append((start, end, surface))
    return out
