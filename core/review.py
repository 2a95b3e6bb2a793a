"""Analyst review: the append-only corrections log beside the articles, and applying it to the tables.

The log is `corrections.jsonl` in the articles' folder, one JSON object a line:

    {"v": 1, "id": "<entry id>", "time": "2026-12-02T15:04:05Z", "action": "correct",
     "kind": "event", "record": "ev-1a2b3c4d5e",
     "anchor": {"sha256": "<article content hash>", "doc": "<file name when written>",
                "kind": "event", "start": 0, "end": 243, "value": ""},
     "field": "host_iso3", "old": "BHR", "new": "QAT", "note": "..."}

`action` is confirm | correct | reject | add | undo. Nothing is rewritten: an undo is a new line
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

import dataclasses
import datetime as dt
import fcntl
import hashlib
import json
import os
import re
import threading
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import pycountry

from core import tables
from core.gazetteer import english_name
from core.ingest import CORRECTIONS_LOG
from core.normalize import normalize, tokenize
from core.reference import EDITIONS
from core.segment import sentences

LOG_NAME = CORRECTIONS_LOG
LOCK_NAME = ".corrections.lock"
FORMAT = 1
ACTIONS = ("confirm", "correct", "reject", "add", "undo")
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
    """Ids of every row; the n-th row sharing an anchor gets '#n' in its anchor value (n >= 2)."""
    ids: list[str] = []
    seen: dict[str, int] = {}
    span_cols = ("surface_start", "surface_end") if kind == "ranking" else ("start", "end")
    value_cols = {"participant": ["iso3"], "ranking": ["scope", "country_iso3"], "event": []}[kind]
    columns = ["doc", *span_cols, *value_cols]
    for values in zip(*(frame[c].tolist() for c in columns)):
        row = dict(zip(columns, values))
        sha = sha_of.get(str(row["doc"]), "")
        value = _anchor_value(kind, row)
        rid = record_id(kind, sha, row[span_cols[0]], row[span_cols[1]], value)
        n = seen.get(rid, 0) + 1
        seen[rid] = n
        ids.append(rid if n == 1 else record_id(kind, sha, row[span_cols[0]], row[span_cols[1]], f"{value}#{n}"))
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


# ---------------------------------------------------------------- the log: reading and appending

def log_path(folder: str | Path) -> Path:
    return Path(folder) / LOG_NAME


def read_log(folder: str | Path | None) -> tuple[list[Entry], list[str]]:
    """(entries in file order, problems): every damaged line is a problem naming its number, and skipped."""
    if folder is None:
        return [], []
    path = log_path(folder)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return [], []
    except OSError as exc:
        return [], [f"{LOG_NAME}: cannot be read ({exc.strerror or exc}); no corrections applied"]
    entries: list[Entry] = []
    problems: list[str] = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        try:
            data = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as exc:
            problems.append(f"{LOG_NAME} line {number}: damaged (not a JSON object: {type(exc).__name__}); skipped")
            continue
        why = _entry_problem(data)
        if why:
            problems.append(f"{LOG_NAME} line {number}: {why}; skipped")
            continue
        entries.append(Entry(number, data))
    return entries, problems


def _entry_problem(data: Any) -> str:
    if not isinstance(data, dict):
        return "damaged (not a JSON object)"
    action = data.get("action")
    if action not in ACTIONS:
        return f"unknown action {_shown(action)}"
    if not isinstance(data.get("id"), str) or not data["id"]:
        return "no entry id"
    if action == "undo":
        return "" if isinstance(data.get("target"), str) else "undo without a target entry"
    if data.get("kind") not in KINDS:
        return f"unknown record kind {_shown(data.get('kind'))}"
    anchor = data.get("anchor")
    if not isinstance(anchor, dict) or not isinstance(anchor.get("sha256"), str) or anchor.get("kind") != data["kind"]:
        return "no usable anchor"
    if not isinstance(data.get("record"), str) or data["record"] != anchor_id(anchor):
        return "record id does not match its anchor"
    try:
        if action == "correct":
            value = check_value(data["kind"], str(data.get("field", "")), data.get("new"))
            if value != data.get("new"):
                return f"value {_shown(data.get('new'))} is not in its stored form"
        elif action == "add":
            values = data.get("new")
            if not isinstance(values, dict):
                return "add without values"
            for name, value in values.items():
                check_value(data["kind"], name, value)
            if data["kind"] == "participant" and not isinstance(data.get("parent"), str):
                return "added participant without its event"
    except ReviewError as exc:
        return f"bad value: {exc}"
    return ""


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


class _Locked:
    """Exclusive lock on the folder's lock file (threads and processes); the log stays readable."""

    def __init__(self, folder: Path):
        self.folder = folder

    def __enter__(self) -> _Locked:
        _thread_lock.acquire()
        try:
            self.fd = os.open(self.folder / LOCK_NAME, os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except BaseException:
            _thread_lock.release()
            raise
        return self

    def __exit__(self, *exc: object) -> None:
        try:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
            os.close(self.fd)
        finally:
            _thread_lock.release()


def _write_line(folder: Path, data: dict) -> None:
    """Append one JSON line; the caller holds the lock."""
    line = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":")) + "\n"
    payload = line.encode("utf-8")
    fd = os.open(log_path(folder), os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o644)
    try:
        size = os.fstat(fd).st_size
        if size:
            # A line cut short by a crash must stay a line of its own (reported, skipped).
            with open(log_path(folder), "rb") as fh:
                fh.seek(size - 1)
                if fh.read(1) != b"\n":
                    payload = b"\n" + payload
        written = os.write(fd, payload)
        if written != len(payload):  # a regular file takes the whole write or fails (disk full)
            raise OSError(f"{LOG_NAME}: short write ({written} of {len(payload)} bytes)")
        os.fsync(fd)
    finally:
        os.close(fd)


def append_entry(folder: str | Path, data: dict) -> dict:
    """Append a complete entry (id and time filled in when absent) atomically; returns the entry."""
    folder = Path(folder)
    entry = {"v": FORMAT, "id": uuid.uuid4().hex[:16], "time": _now(), **data}
    with _Locked(folder):
        _write_line(folder, entry)
    return entry


def undo_last(folder: str | Path, note: str = "") -> dict:
    """Undo the latest entry that is not an undo and not yet undone (read and appended under the lock)."""
    folder = Path(folder)
    with _Locked(folder):
        entries, _ = read_log(folder)
        undone = {e.data["target"] for e in entries if e.action == "undo"}
        target = next((e for e in reversed(entries) if e.action != "undo" and e.data["id"] not in undone), None)
        if target is None:
            raise ReviewError(f"nothing to undo in {LOG_NAME}")
        entry = {"v": FORMAT, "id": uuid.uuid4().hex[:16], "time": _now(), "action": "undo",
                 "target": target.data["id"], "note": _note(note),
                 "undoes": {k: target.data.get(k) for k in ("action", "kind", "record", "field", "new")}}
        _write_line(folder, entry)
    return entry


# ---------------------------------------------------------------- applying the log

def _empty(name: str) -> pd.DataFrame:
    return tables.build_table(name, [])


def with_review_columns(corpus) -> Any:
    """The corpus with record_id, review='unreviewed', extracted='' and review_note='' on every record."""
    sha_of = _sha_of(corpus.documents)
    out = {}
    for kind, name in TABLE_OF.items():
        frame = getattr(corpus, name).copy()
        frame["record_id"] = pd.Series(_record_ids(kind, frame, sha_of), index=frame.index, dtype="string")
        frame["review"] = pd.Series("unreviewed", index=frame.index, dtype="string")
        frame["extracted"] = pd.Series("", index=frame.index, dtype="string")
        frame["review_note"] = pd.Series("", index=frame.index, dtype="string")
        out[name] = _ordered(name, frame)
    return dataclasses.replace(corpus, **out, rejected=pd.DataFrame(columns=REJECTED_COLUMNS),
                               orphans=pd.DataFrame(columns=ORPHAN_COLUMNS))


def _ordered(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    declared = [c for c in tables.SCHEMAS[name] if c in frame.columns]
    return frame[declared + [c for c in frame.columns if c not in declared]]


def _sha_of(documents: pd.DataFrame) -> dict[str, str]:
    return {str(d): str(s) for d, s in zip(documents["doc"], documents["sha256"].fillna(""))}


@dataclass
class _State:
    kind: str
    fields: dict[str, tuple[Any, Entry]] = field(default_factory=dict)
    status: str = ""  # '' | confirm | reject
    note: str = ""
    entries: list[Entry] = field(default_factory=list)


def apply_reviews(corpus, folder: str | Path | None = None):
    """The corpus with the corrections log of `folder` (default corpus.folder) applied.

    Returns a new Corpus (the input is not modified) whose events, participants and rankings carry
    tables.REVIEW_COLUMNS, without the rejected records, which are in `rejected`; `orphans` lists
    the entries not applied. Damaged lines and orphaned entries are also added to `messages`,
    naming the log line. Never raises on a damaged log.
    """
    folder = Path(folder) if folder is not None else corpus.folder
    corpus = with_review_columns(corpus)
    entries, problems = read_log(folder)
    if not entries:
        return dataclasses.replace(corpus, messages=[*corpus.messages, *problems])
    frames = {name: getattr(corpus, name).copy() for name in TABLE_OF.values()}
    docs_by_sha: dict[str, str] = {}
    for d, s, dup in zip(corpus.documents["doc"], corpus.documents["sha256"].fillna(""),
                         corpus.documents["duplicate_of"].fillna("")):
        if s and not dup:
            docs_by_sha.setdefault(str(s), str(d))
    names = set(corpus.documents["doc"].astype(str))
    undone = {e.data["target"] for e in entries if e.action == "undo"}
    active = [e for e in entries if e.action != "undo" and e.data["id"] not in undone]
    orphans: list[dict] = []

    def orphan(entry: Entry, reason: str) -> None:
        orphans.append({"line": entry.line, "record_id": entry.record, "record": entry.kind,
                        "doc": entry.anchor.get("doc", ""), "action": entry.action,
                        "field": entry.data.get("field", ""), "new": _as_text(entry.data.get("new")),
                        "reason": reason, "time": entry.data.get("time", ""), "note": entry.data.get("note", "")})

    def article_of(entry: Entry) -> str | None:
        sha = entry.anchor.get("sha256", "")
        if sha in docs_by_sha:
            return docs_by_sha[sha]
        doc = entry.anchor.get("doc", "")
        orphan(entry, "article changed since the review" if doc in names else "article not in the folder")
        return None

    # Added records first (an entry on an added record always follows its add), events before participants.
    for kind in ("event", "ranking", "participant"):
        for entry in (e for e in active if e.action == "add" and e.kind == kind):
            doc = article_of(entry)
            if doc is None:
                continue
            why = _add_record(frames, corpus, entry, doc)
            if why:
                orphan(entry, why)
    states: dict[str, _State] = {}
    for entry in active:
        if entry.action == "add":
            continue
        states.setdefault(entry.record, _State(entry.kind)).entries.append(entry)
    added_ids = {e.record for e in active if e.action == "add"}
    for rid, state in states.items():
        frame = frames[TABLE_OF[state.kind]]
        where = frame.index[frame["record_id"] == rid]
        if len(where) != 1:
            for entry in state.entries:
                if article_of(entry) is not None:
                    orphan(entry, "record no longer extracted from the article" if rid not in added_ids
                           else "its added record is gone")
            continue
        for entry in state.entries:
            if entry.action == "confirm":
                state.status = "confirm"
            elif entry.action == "reject":
                state.status = "reject"
            else:
                state.fields[entry.data["field"]] = (entry.data.get("new"), entry)
                if state.status == "reject":
                    state.status = ""
            if entry.data.get("note"):
                state.note = str(entry.data["note"])
        why = _apply_state(frames, where[0], state, corpus.texts)
        if why:
            for entry in state.entries:
                orphan(entry, why)
    rejected = _take_rejected(frames, states)
    events = frames["events"]
    counts = frames["participants"].groupby("event_id").size()
    events["countries_named"] = events["event_id"].map(counts).fillna(0).astype("Int64")
    orphan_frame = pd.DataFrame(orphans, columns=ORPHAN_COLUMNS).sort_values("line", ignore_index=True)
    messages = [*corpus.messages, *problems]
    for row in orphan_frame.itertuples():
        messages.append(f"{LOG_NAME} line {row.line}: orphaned {row.action} of {row.record} {row.record_id} "
                        f"in {row.doc or 'an unknown article'} ({row.reason}); not applied")
    return dataclasses.replace(corpus, events=events.reset_index(drop=True),
                               participants=frames["participants"].reset_index(drop=True),
                               rankings=frames["rankings"].reset_index(drop=True),
                               messages=messages, rejected=pd.DataFrame(rejected, columns=REJECTED_COLUMNS),
                               orphans=orphan_frame)


def reviewed_docs(corpus) -> list[str]:
    """Articles with at least one applied review (a reviewed record in a table, or a rejected one)."""
    docs: set[str] = set()
    for name in TABLE_OF.values():
        frame = getattr(corpus, name)
        if "review" in frame.columns:
            docs |= set(frame.loc[frame["review"] != "unreviewed", "doc"].astype(str))
    if len(corpus.rejected):
        docs |= set(corpus.rejected["doc"].astype(str))
    return sorted(docs)


def log_problems(corpus) -> list[str]:
    """The messages about damaged lines of the log (also in corpus.messages)."""
    return [m for m in corpus.messages if m.startswith(f"{LOG_NAME} line ") and ": orphaned " not in m
            or m.startswith(f"{LOG_NAME}: ")]


def _as_text(value: Any) -> str:
    if isinstance(value, dict):
        return ", ".join(f"{k}={v}" for k, v in value.items())
    return "" if value is None else str(value)


def _cell(value: Any) -> Any:
    return None if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)) else value


def _apply_state(frames: dict[str, pd.DataFrame], index: Any, state: _State, texts: dict[str, str]) -> str:
    """Write the state's corrections into its row; '' or why the corrections cannot apply."""
    frame = frames[TABLE_OF[state.kind]]
    row = frame.loc[index]
    extracted = json.loads(row["extracted"]) if row["extracted"] else {}
    changed = False
    for name, (value, _entry) in state.fields.items():
        if name not in frame.columns:
            return f"the {TABLE_OF[state.kind]} table has no column {name} in this version"
        if state.kind == "participant" and name == "iso3" and value != row["iso3"]:
            same_event = frame[(frame["event_id"] == row["event_id"]) & (frame["iso3"] == value)]
            if len(same_event):
                return f"{value} is already a participant of {row['event_id']}"
        original = extracted.get(name, _cell(row[name]))
        if _cell(original) != _cell(value) and not (original in ("", None) and value in ("", None)):
            extracted.setdefault(name, _jsonable(original))
            changed = True
        else:
            extracted.pop(name, None)
        frame.at[index, name] = pd.NA if value is None else value
        if state.kind == "participant" and name == "iso3":
            frame.at[index, "name_en"] = english_name(value)
    if state.status == "reject":
        frame.at[index, "review"] = "rejected"
    elif row["review"] != "added":
        frame.at[index, "review"] = "corrected" if changed and extracted else "confirmed"
    frame.at[index, "extracted"] = json.dumps(extracted, ensure_ascii=False, sort_keys=True) if extracted else ""
    frame.at[index, "review_note"] = state.note
    return ""


def _jsonable(value: Any) -> Any:
    value = _cell(value)
    if hasattr(value, "item"):
        return value.item()
    return value


def _take_rejected(frames: dict[str, pd.DataFrame], states: dict[str, _State]) -> list[dict]:
    """Remove rejected rows (and the participants of rejected events) from the frames; their rows."""
    out: list[dict] = []
    events, participants, rankings = frames["events"], frames["participants"], frames["rankings"]
    gone_events = events[events["review"] == "rejected"]
    for row in gone_events.itertuples(index=False):
        out.append({"record_id": row.record_id, "record": "event", "doc": row.doc, "event_id": row.event_id,
                    "claim_id": "", "iso3": "", "what": f"{row.role} {row.kind} {_cell(row.year) or ''}".strip(),
                    "start": row.start, "end": row.end, "review_note": row.review_note, "reason": "rejected"})
    orphaned_parts = participants["event_id"].isin(set(gone_events["event_id"]))
    for row in participants[(participants["review"] == "rejected") | orphaned_parts].itertuples(index=False):
        reason = "rejected" if row.review == "rejected" else "its event was rejected"
        out.append({"record_id": row.record_id, "record": "participant", "doc": row.doc, "event_id": row.event_id,
                    "claim_id": "", "iso3": row.iso3, "what": f"{row.iso3} {row.name_en}", "start": row.start,
                    "end": row.end, "review_note": row.review_note, "reason": reason})
    for row in rankings[rankings["review"] == "rejected"].itertuples(index=False):
        out.append({"record_id": row.record_id, "record": "ranking", "doc": row.doc, "event_id": "",
                    "claim_id": row.claim_id, "iso3": row.country_iso3,
                    "what": f"{row.scope} rank {row.rank} in {_cell(row.survey_year) or '?'}",
                    "start": row.start, "end": row.end, "review_note": row.review_note, "reason": "rejected"})
    frames["events"] = events[events["review"] != "rejected"]
    frames["participants"] = participants[(participants["review"] != "rejected") & ~orphaned_parts]
    frames["rankings"] = rankings[rankings["review"] != "rejected"]
    return out


def _add_record(frames: dict[str, pd.DataFrame], corpus, entry: Entry, doc: str) -> str:
    """Append the added record of `entry` to its frame; '' or why it cannot be added."""
    kind, anchor, values = entry.kind, entry.anchor, dict(entry.data["new"])
    text = corpus.texts.get(doc, "")
    start, end = anchor.get("start"), anchor.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        return "its sentence is outside the article"
    rid = entry.record
    name = TABLE_OF[kind]
    frame = frames[name]
    if (frame["record_id"] == rid).any():
        return "added twice"
    surface = text[start:end]
    base = {"doc": doc, "record_id": rid, "review": "added", "extracted": "", "review_note": entry.data.get("note", "")}
    if kind == "event":
        row = {**base, "event_id": f"{doc}#{rid}", "role": values.get("role", "mentioned"),
               "kind": values.get("kind", "other"), "year": values.get("year"), "date": values.get("date", ""),
               "date_basis": "text" if values.get("year") or values.get("date") else "none",
               "host_iso3": values.get("host_iso3", ""), "countries_stated": values.get("countries_stated"),
               "countries_stated_lower_bound": False, "countries_named": 0, "gcc": bool(values.get("gcc", False)),
               "organizations": "", "topics": "", "evidence": surface, "start": start, "end": end,
               "note": "added by an analyst"}
        if "tense" in frame.columns:
            row["tense"] = values.get("tense", "past")
    elif kind == "ranking":
        row = {**base, "claim_id": f"{doc}#{rid}", "country_iso3": values.get("country_iso3", ""),
               "survey_year": values.get("survey_year"), "scope": values.get("scope", "world"),
               "rank": values.get("rank"), "evidence": surface, "start": start, "end": end, "surface": surface,
               "surface_start": start, "surface_end": end, "note": "added by an analyst"}
    else:
        events = frames["events"]
        parent = events[events["record_id"] == entry.data["parent"]]
        if len(parent) != 1:
            return "its event is not in the tables (rejected, changed or removed)"
        event_id = parent["event_id"].iloc[0]
        iso3 = values.get("iso3", "")
        if ((frame["event_id"] == event_id) & (frame["iso3"] == iso3)).any():
            return f"{iso3} is already a participant of {event_id}"
        row = {**base, "event_id": event_id, "iso3": iso3, "name_en": english_name(iso3), "surface": surface,
               "start": start, "end": end, "via": "analyst"}
    added = pd.DataFrame([{c: row.get(c) for c in frame.columns}])
    for column in frame.columns:
        added[column] = added[column].astype(frame[column].dtype)
    frames[name] = pd.concat([frame, added], ignore_index=True)
    return ""


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
