"""Analyst review, applied: the corrections log turned into reviewed tables, rejected records and orphans."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from core import tables
from core.text.gazetteer import english_name
from core.review.log import MESSAGES_SHOWN, read_log
from core.review.model import Entry, LOG_NAME, ORPHAN_COLUMNS, REJECTED_COLUMNS, TABLE_OF, _record_ids, record_id


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
    return {str(d): str(s) for d, s in zip(documents["doc"].tolist(), documents["sha256"].fillna("").tolist())}


@dataclass
class _State:
    kind: str
    fields: dict[str, tuple[Any, Entry]] = field(default_factory=dict)
    status: str = ""  # '' | confirm | reject
    note: str = ""
    entries: list[Entry] = field(default_factory=list)


class _Orphans:
    """The log entries that cannot be applied, with the reason; finds each entry's article."""

    def __init__(self, corpus):
        self.rows: list[dict] = []
        self.by_sha: dict[str, str] = {}
        for d, s, dup in zip(corpus.documents["doc"], corpus.documents["sha256"].fillna(""),
                             corpus.documents["duplicate_of"].fillna("")):
            if s and not dup:
                self.by_sha.setdefault(str(s), str(d))
        self.names = set(corpus.documents["doc"].astype(str))

    def add(self, entry: Entry, reason: str) -> None:
        self.rows.append({"line": entry.line, "record_id": entry.record, "record": entry.kind,
                          "doc": entry.anchor.get("doc", ""), "action": entry.action,
                          "field": entry.data.get("field", ""), "new": _as_text(entry.data.get("new")),
                          "reason": reason, "time": entry.data.get("time", ""), "note": entry.data.get("note", "")})

    def article_of(self, entry: Entry) -> str | None:
        """The article the entry was made on, by content hash; None (and an orphan) if it changed."""
        sha = entry.anchor.get("sha256", "")
        if sha in self.by_sha:
            return self.by_sha[sha]
        doc = entry.anchor.get("doc", "")
        self.add(entry, "article changed since the review" if doc in self.names else "article not in the folder")
        return None


def _apply_added(frames: dict[str, pd.DataFrame], corpus, active: list[Entry], orphans: _Orphans) -> None:
    """Added records first (an entry on an added record always follows its add), events before participants."""
    for kind in ("event", "ranking", "participant"):
        for entry in (e for e in active if e.action == "add" and e.kind == kind):
            doc = orphans.article_of(entry)
            if doc is None:
                continue
            why = _add_record(frames, corpus, entry, doc)
            if why:
                orphans.add(entry, why)


def _state_of(kind: str, entries: list[Entry]) -> _State:
    """The review state one record's entries leave, in log order (a later correction undoes a reject)."""
    state = _State(kind)
    state.entries = entries
    for entry in entries:
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
    return state


def _apply_states(frames: dict[str, pd.DataFrame], corpus, active: list[Entry], orphans: _Orphans) -> dict[str, _State]:
    """Confirm, correct and reject each existing record; entries on a record no longer found are orphans."""
    by_record: dict[str, list[Entry]] = {}
    for entry in active:
        if entry.action != "add":
            by_record.setdefault(entry.record, []).append(entry)
    added_ids = {e.record for e in active if e.action == "add"}
    states: dict[str, _State] = {}
    for rid, entries in by_record.items():
        state = states[rid] = _state_of(entries[0].kind, entries)
        frame = frames[TABLE_OF[state.kind]]
        where = frame.index[frame["record_id"] == rid]
        if len(where) != 1:
            for entry in entries:
                if orphans.article_of(entry) is not None:
                    orphans.add(entry, "record no longer extracted from the article" if rid not in added_ids
                                else "its added record is gone")
            continue
        why = _apply_state(frames, where[0], state, corpus.texts)
        if why:
            for entry in entries:
                orphans.add(entry, why)
    return states


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
    undone = {e.data["target"] for e in entries if e.action == "undo"}
    # join and split shape stories, not records: core.review.stories applies them
    active = [e for e in entries if e.action not in ("undo", "join", "split") and e.data["id"] not in undone]
    orphans = _Orphans(corpus)
    _apply_added(frames, corpus, active, orphans)
    states = _apply_states(frames, corpus, active, orphans)
    rejected = _take_rejected(frames, states)
    events = frames["events"]
    counts = frames["participants"].groupby("event_id").size()
    events["countries_named"] = events["event_id"].map(counts).fillna(0).astype("Int64")
    orphan_frame = pd.DataFrame(orphans.rows, columns=ORPHAN_COLUMNS).sort_values("line", ignore_index=True)
    orphaned = [f"{LOG_NAME} line {row.line}: orphaned {row.action} of {row.record} {row.record_id} "
                f"in {row.doc or 'an unknown article'} ({row.reason}); not applied"
                for row in orphan_frame.head(MESSAGES_SHOWN).itertuples()]
    if len(orphan_frame) > MESSAGES_SHOWN:  # every orphan stays in corpus.orphans; the messages are capped
        orphaned.append(f"{LOG_NAME}: {len(orphan_frame) - MESSAGES_SHOWN} more orphaned entries not listed; "
                        "not applied")
    messages = [*corpus.messages, *problems, *orphaned]
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
        if name == "host_iso3" and "host_basis" in frame.columns and _cell(original) != _cell(value):
            frame.at[index, "host_basis"] = "reviewed"  # the analyst's host, no longer stated or assumed
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
