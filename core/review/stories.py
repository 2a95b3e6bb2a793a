"""Analyst review of stories: join two stories, take a report out of one; and the stories of a reviewed corpus.

Two actions of the corrections log, under its rules (append-only, anchored, undo is a line):

    {"action": "join", "kind": "event", "record": "<ev- id>", "anchor": {...},
     "with": {"record": "<ev- id>", "anchor": {...}}, "note": "..."}
    {"action": "split", "kind": "event", "record": "<ev- id>", "anchor": {...}, "note": "..."}

Both name events by their anchors (article content hash and evidence span), so they survive
re-extraction and renamed files like every other entry. Applied in log order: a join links the two
events' stories whatever the rules say; a split takes the event out of its story (no automatic link
and no earlier join of it holds; a later join may put it into a story again).
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

from core.review.log import append_entry, read_log
from core.review.model import LOG_NAME, ReviewError, _note, _shown, anchor_id
from core.stories import build_stories

STORY_ACTIONS = ("join", "split")


def story_entry_problem(data: dict) -> str:
    """'' or why a join entry cannot be used (its second event's anchor is missing or wrong)."""
    if data.get("action") != "join":
        return ""
    other = data.get("with")
    if not isinstance(other, dict) or not isinstance(other.get("anchor"), dict):
        return "join without its second event"
    anchor = other["anchor"]
    if not isinstance(anchor.get("sha256"), str) or anchor.get("kind") != "event":
        return "join: no usable anchor for its second event"
    if other.get("record") != anchor_id(anchor):
        return "join: second record id does not match its anchor"
    return ""


def story_links(folder: str | Path | None, record_ids: set[str]) -> tuple[list[tuple[str, str]], set[str], list[str]]:
    """(joined pairs, events taken out, messages) from the active join/split entries of the log,
    in log order; an entry naming an event no longer extracted is reported and not applied."""
    entries, _ = read_log(folder)
    undone = {e.data["target"] for e in entries if e.action == "undo"}
    must: list[tuple[str, str]] = []
    alone: set[str] = set()
    messages: list[str] = []
    for entry in entries:
        if entry.action not in STORY_ACTIONS or entry.data["id"] in undone:
            continue
        why = story_entry_problem(entry.data)
        other = (entry.data.get("with") or {}).get("record", "")
        missing = [r for r in (entry.record, other) if r and r not in record_ids]
        if why or missing:
            messages.append(f"{LOG_NAME} line {entry.line}: orphaned {entry.action} of event "
                            f"{_shown(missing[0] if missing else entry.record)} ({why or 'record no longer extracted'}); not applied")
            continue
        if entry.action == "join":
            must.append((entry.record, other))
        else:
            alone.add(entry.record)
            must = [p for p in must if entry.record not in p]
    return must, alone, messages


def with_stories(corpus):
    """The corpus with events.story_id and the stories table, the folder's story actions applied."""
    events = corpus.events
    ids = set(events["record_id" if "record_id" in events.columns else "event_id"].astype(str).tolist())
    must, alone, messages = story_links(corpus.folder, ids)
    events, stories = build_stories(events, corpus.participants, must, alone, corpus.texts)
    return dataclasses.replace(corpus, events=events, stories=stories, messages=[*corpus.messages, *messages])


def _event(corpus, ref: str) -> dict:
    """The events row named by a record id, an event_id, or a story id (its first main report)."""
    ref = str(ref).strip()
    events = corpus.events
    for column in ("record_id", "event_id"):
        hit = events[events[column].astype(str) == ref]
        if len(hit) == 1:
            return hit.iloc[0].to_dict()
    hit = events[events["story_id"].astype(str) == ref]
    if len(hit):
        hit = hit.assign(_main=hit["role"] != "main").sort_values(["_main", "event_id"])
        return hit.iloc[0].to_dict()
    raise ReviewError(f"no event or story {_shown(ref)}; `review FOLDER stories` lists them")


def _anchor(corpus, row: dict) -> dict:
    from core.review import _anchor_for  # the package's anchor of a reviewed row
    return _anchor_for(corpus, "event", row)


def _folder(corpus, folder) -> Path:
    folder = Path(folder) if folder is not None else corpus.folder
    if folder is None:
        raise ReviewError("the corpus has no folder to keep corrections in")
    return Path(folder)


def join_stories(corpus, first: str, second: str, note: str = "", folder: str | Path | None = None) -> dict:
    """Append a join of the stories of `first` and `second` (event record ids, event_ids or story ids)."""
    a, b = _event(corpus, first), _event(corpus, second)
    if a["story_id"] == b["story_id"]:
        raise ReviewError(f"{_shown(first)} and {_shown(second)} are already one story ({a['story_id']})")
    return append_entry(_folder(corpus, folder), {
        "action": "join", "kind": "event", "record": a["record_id"], "anchor": _anchor(corpus, a),
        "with": {"record": b["record_id"], "anchor": _anchor(corpus, b)}, "note": _note(note)})


def split_report(corpus, event: str, note: str = "", folder: str | Path | None = None) -> dict:
    """Append the taking of report `event` (record id or event_id) out of its story."""
    row = _event(corpus, event)
    if str(event).startswith("st-"):
        raise ReviewError("name the report (an event) to take out, not the story")
    if int((corpus.events["story_id"] == row["story_id"]).sum()) < 2:
        raise ReviewError(f"{row['event_id']} is the only report of its story")
    return append_entry(_folder(corpus, folder), {
        "action": "split", "kind": "event", "record": row["record_id"], "anchor": _anchor(corpus, row),
        "note": _note(note)})



def story_lines(corpus, every: bool = False) -> list[str]:
    """Each story of several reports (every story when `every`), then one line per report."""
    out: list[str] = []
    stories = corpus.stories
    if not every:
        stories = stories[stories["reports"] > 1]
    events = corpus.events.set_index("event_id", drop=False)
    for row in stories.itertuples(index=False):
        size = f", stated sizes {row.sizes.replace(';', ', ')}" if row.sizes else ""
        out.append(f"{row.story_id}  {row.kind} {row.first_date or 'undated'}, host {row.host_iso3 or 'not stated'}, "
                   f"{row.reports} report(s){size}" + (f"  [{row.basis}]" if row.basis else ""))
        for event_id in str(row.event_ids).split(";"):
            ev = events.loc[event_id]
            out.append(f"    {ev['record_id']}  {event_id}  {ev['role']}")
    return out
