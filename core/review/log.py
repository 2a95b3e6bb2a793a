"""Analyst review, the log: corrections.jsonl beside the articles, read and appended atomically."""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import stat
import uuid

from pathlib import Path
from typing import Any

from core.reading.folder import inside, read_limited
from core.review.model import ACTIONS, Entry, FORMAT, KINDS, LOCK_NAME, LOG_NAME, NOTE_MAX, ReviewError, _note, _shown, _thread_lock, anchor_id, canonical_field, check_value


# ---------------------------------------------------------------- the log: reading and appending

# The log is read whole: a bound keeps a runaway or hostile file from taking the memory (a year of a
# busy team's corrections is a few megabytes).
MAX_LOG_BYTES = 64 * 1024 * 1024
# A JSON value nested deeper than this is no entry the project writes; refused before parsing, so a
# line of 100,000 brackets costs a scan, not a RecursionError.
MAX_DEPTH = 32
MESSAGES_SHOWN = 20  # messages listed one by one; the rest are counted in one more
_OPENERS = {ord("["): 1, ord("{"): 1, ord("]"): -1, ord("}"): -1}


def log_path(folder: str | Path) -> Path:
    return Path(folder) / LOG_NAME


def read_log(folder: str | Path | None) -> tuple[list[Entry], list[str]]:
    """(entries in file order, problems): every damaged line is a problem naming its number, and skipped.

    The log is read like an article: a regular file inside the folder (a link out of it, a FIFO or a
    device is refused without being opened for long), at most MAX_LOG_BYTES. Each entry passes a
    schema check and its values are normalized as the CLI normalizes them ("qat" -> "QAT", "no" -> False).
    """
    if folder is None:
        return [], []
    path = log_path(folder)
    if not os.path.lexists(path):
        return [], []
    raw, why = read_limited(path, LOG_NAME, MAX_LOG_BYTES, Path(folder))
    if raw is None:
        if "exceeds the limit" in why:  # read_limited names the articles' setting; the log's bound is fixed
            why = f"{LOG_NAME}: larger than the limit of {MAX_LOG_BYTES} bytes"
        return [], [f"{why}; no corrections applied"]
    entries: list[Entry] = []
    problems: list[str] = []
    for number, line in enumerate(raw.split(b"\n"), start=1):
        if not line.strip():
            continue
        if _depth(line) > MAX_DEPTH:
            problems.append(f"{LOG_NAME} line {number}: damaged (nested deeper than {MAX_DEPTH}); skipped")
            continue
        try:
            data = json.loads(line.decode("utf-8"))
        except (UnicodeDecodeError, ValueError, RecursionError) as exc:
            problems.append(f"{LOG_NAME} line {number}: damaged (not a JSON object: {type(exc).__name__}); skipped")
            continue
        try:
            why = _entry_problem(data)
        except (TypeError, ValueError, OverflowError, RecursionError) as exc:  # a value of an unexpected type
            why = f"damaged ({type(exc).__name__} in an entry field)"
        if why:
            problems.append(f"{LOG_NAME} line {number}: {why}; skipped")
            continue
        entries.append(Entry(number, data))
    return entries, capped(problems, f"{LOG_NAME}: {{n}} more damaged lines not listed; skipped")


def capped(messages: list[str], more: str) -> list[str]:
    """The first MESSAGES_SHOWN messages and, past them, one line `more` with n, the number left out:
    a flooded log gives a bounded list, as the folder's notices are."""
    if len(messages) <= MESSAGES_SHOWN:
        return messages
    return [*messages[:MESSAGES_SHOWN], more.format(n=len(messages) - MESSAGES_SHOWN)]


def _depth(line: bytes) -> int:
    """The deepest nesting of brackets in `line` (brackets inside strings counted too: an upper bound)."""
    depth = deepest = 0
    for byte in line.translate(None, _NOT_BRACKETS):
        depth += _OPENERS[byte]
        deepest = max(deepest, depth)
    return deepest


_NOT_BRACKETS = bytes(b for b in range(256) if b not in _OPENERS)


def _span_value(value: Any) -> bool:
    return value is None or (isinstance(value, int) and not isinstance(value, bool))


def _entry_problem(data: Any) -> str:
    if not isinstance(data, dict):
        return "damaged (not a JSON object)"
    action = data.get("action")
    if action not in ACTIONS:
        return f"unknown action {_shown(action)}"
    if not isinstance(data.get("id"), str) or not data["id"]:
        return "no entry id"
    note = data.get("note", "")
    if not isinstance(note, str) or len(note) > NOTE_MAX:  # the CLI and the page never write a longer one
        return f"note is not text of at most {NOTE_MAX} characters"
    if action == "undo":
        return "" if isinstance(data.get("target"), str) else "undo without a target entry"
    if data.get("kind") not in KINDS:
        return f"unknown record kind {_shown(data.get('kind'))}"
    anchor = data.get("anchor")
    if not isinstance(anchor, dict) or not isinstance(anchor.get("sha256"), str) or anchor.get("kind") != data["kind"]:
        return "no usable anchor"
    if not (_span_value(anchor.get("start")) and _span_value(anchor.get("end"))
            and isinstance(anchor.get("value", ""), str) and isinstance(anchor.get("doc", ""), str)):
        return "no usable anchor (start and end must be whole numbers, doc and value text)"
    if not isinstance(data.get("record"), str) or data["record"] != anchor_id(anchor):
        return "record id does not match its anchor"
    if action in ("join", "split"):
        return "" if data["kind"] == "event" else "a story action names events"
    try:
        if action == "correct":
            # Stored normalized, exactly as the CLI would have written it.
            data["new"] = check_value(data["kind"], str(data.get("field", "")), data.get("new"))
        elif action == "add":
            values = data.get("new")
            if not isinstance(values, dict):
                return "add without values"
            data["new"] = {canonical_field(data["kind"], name): check_value(data["kind"], name, value)
                           for name, value in values.items()}
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
    if not inside(log_path(folder), folder):
        raise ReviewError(f"{LOG_NAME}: a link to a file outside the articles folder; nothing written")
    try:  # O_NONBLOCK: a FIFO without a reader fails at once instead of hanging the save
        fd = os.open(log_path(folder), os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o644)
    except OSError as exc:
        raise ReviewError(f"{LOG_NAME}: cannot be written ({exc.strerror or exc})") from None
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise ReviewError(f"{LOG_NAME}: not a regular file; nothing written")
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
        try:
            os.fsync(fd)
        except OSError:  # the line is in the file, as every reader sees it: reporting "not saved" would make a
            pass         # retry write it twice (a disk that fills after the write fails here)
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
