"""Saving an uploaded article (and its manifest row) into the articles folder."""

from __future__ import annotations

import csv
import hashlib
import io
import re
import unicodedata
from pathlib import Path

from core.reading.decode import (ARTICLE_SUFFIXES, INVISIBLE, Decoded, content_key, is_blank, read_article_bytes,
                         strict_decode, text_signature)
from core.reading.folder import (DEFAULT_MAX_BYTES, effective_max_bytes, folder_lock, list_folder, read_limited,
                         replace_file, safe_name, shorten, too_big_message, write_new)
from core.reading.ingest import read_corpus
from core.reading.manifest import MANIFEST, MANIFEST_COLUMNS, csv_records, load_manifest, parse_manifest, validate_published

# Upload names: controls and bidi marks (used to disguise an extension) are refused.
NAME_BAD_CHARS = re.compile("[\x00-\x1f\x7f%s\u200e\u200f\u202a-\u202e\u2066-\u2069]" % chr(0x061C))
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)}
                             | {f"lpt{i}" for i in range(1, 10)})
MAX_NAME_BYTES = 200  # leaves room for " (999)" under the usual 255-byte limit


def check_upload_name(filename: str) -> tuple[str, str]:
    """(name, problem): the NFC file name to save under, or ('', why it is refused).

    Refused: empty names, any folder part ('/', '\\', ':' -- so no path traversal), '.' and
    '..', hidden names (leading '.'), control and bidi characters, Windows device names, names
    over 200 bytes, and extensions other than .txt, .html, .htm.
    """
    name = unicodedata.normalize("NFC", filename or "").strip()
    if not name:
        return "", "no file name"
    if "/" in name or "\\" in name or ":" in name:
        return "", f"file name '{shorten(name)}' must not contain a folder part ('/', '\\' or ':')"
    if NAME_BAD_CHARS.search(name):
        return "", "file name contains control or text-direction characters"
    if name.startswith("."):
        return "", f"file name '{shorten(name)}' starts with '.' (hidden files are not accepted)"
    if not name.lower().endswith(ARTICLE_SUFFIXES):
        return "", f"file name '{shorten(name)}': only .txt, .html and .htm files are accepted"
    stem = name[: name.rfind(".")].rstrip(" .")
    if not stem or stem.lower() in WINDOWS_RESERVED:
        return "", f"file name '{shorten(name)}' is not usable"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return "", f"file name is longer than {MAX_NAME_BYTES} bytes"
    return name, ""


def _free_name(name: str, taken: set[str]) -> str:
    if name.casefold() not in taken:
        return name
    dot = name.rfind(".")
    stem, suffix = name[:dot], name[dot:]
    for n in range(2, 1000):
        candidate = f"{stem} ({n}){suffix}"
        if candidate.casefold() not in taken:
            return candidate
    return ""


def _manifest_append_plan(folder: Path, limit: int) -> tuple[list[str] | None, bytes, str]:
    """(header cells, existing bytes, problem) for appending a manifest row; header None = create."""
    path = folder / MANIFEST
    if not path.exists() and not path.is_symlink():
        return None, b"", ""
    raw, problem = read_limited(path, MANIFEST, limit, folder)
    if raw is None:
        return None, b"", problem
    text = strict_decode(raw, "utf-8-sig")
    if text is None:
        return None, b"", f"{MANIFEST} is not UTF-8, so a row cannot be added safely"
    if is_blank(text):
        return None, raw, ""
    manifest = parse_manifest(text)
    if not manifest.usable:
        return None, b"", manifest.messages[0]
    header = next(cells for _, cells in csv_records(text) if any(c.strip() for c in cells))
    return header, raw, ""


def save_upload(folder: str | Path, filename: str, data: bytes, published: str | None = None, *,
                max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[str]]:
    """Save an uploaded article into `folder`; returns (saved_name, messages).

    saved_name is '' when the upload is refused; the messages then say why and nothing was
    written. Checks, in order: the name (check_upload_name), the size (same limit as
    read_corpus), the content (read exactly as read_corpus will: empty, binary, encoding, HTML),
    the optional `published` date (validate_published), and duplicates: an upload with the same
    bytes or the same text as an article already in the folder is refused, naming it.

    Decisions: the bytes are saved unchanged under their own extension -- an .html upload stays
    HTML and a Windows-1256 file stays Windows-1256 -- so the folder keeps the original and
    read_corpus decodes and converts uploaded and copied files the same way. A name already used
    (on disk, ignoring case, or by a manifest row) is never overwritten: the file is saved as
    "name (2).txt", "name (3).txt", ... When `published` is given, a row (file, published) is
    appended to manifest.csv, keeping its existing rows, header and line endings (created with
    the header file,published,source_url when missing); a manifest that is not UTF-8 or has no
    'file' column refuses the upload rather than being rewritten. Raises CorpusFolderError for
    an unusable folder.
    """
    folder = Path(folder)
    limit, messages = effective_max_bytes(max_bytes)
    list_folder(folder)
    name, problem = check_upload_name(filename)
    if problem:
        return "", messages + [f"refused: {problem}"]
    if len(data) > limit:
        return "", messages + ["refused: " + too_big_message(name, len(data), limit)]
    decoded = read_article_bytes(name, data)
    if decoded.status == "error":
        return "", messages + [f"refused: {m}" for m in decoded.messages]
    date = ""
    if published is not None and published.strip():
        date, problem = validate_published(published)
        if problem:
            return "", messages + [f"refused: {problem}"]
    with folder_lock(folder):  # the duplicate check and the writes are one step for every writer
        return _store(folder, name, data, decoded, date, limit, messages)


def _store(folder: Path, name: str, data: bytes, decoded: Decoded, date: str, limit: int,
           messages: list[str]) -> tuple[str, list[str]]:
    """save_upload's second half, under the folder lock: duplicates, the name, the writes."""
    docs, _ = read_corpus(folder, max_bytes=limit)
    digest, key, signature = hashlib.sha256(data).hexdigest(), content_key(decoded.text), text_signature(decoded.text)
    for doc in docs:
        if doc.sha256 == digest:
            return "", messages + [f"refused: same content as {doc.doc}, already in the folder (identical bytes)"]
        # read_corpus gives the key only to texts whose signature another article shares: the others'
        # key is computed here when their signature is the upload's (else their texts differ)
        doc_key = doc.text_sha256 or (content_key(doc.text) if doc.status != "error" and
                                      text_signature(doc.text) == signature else "")
        if doc_key and doc_key == key:
            return "", messages + [f"refused: same text as {doc.doc}, already in the folder"]
    header, existing, problem = (None, b"", "")
    if date:
        header, existing, problem = _manifest_append_plan(folder, limit)
        if problem:
            return "", messages + [f"refused: {problem} (fix it, or upload without a date)"]
    taken = {safe_name(p.name).casefold() for p in folder.iterdir()}
    taken |= {n.casefold() for n in load_manifest(folder, limit).rows}
    saved = _free_name(name, taken)
    if not saved:
        return "", messages + [f"refused: too many files named like {name}"]
    try:
        write_new(folder / saved, data)  # complete or absent; never replaces a file
    except OSError as exc:
        return "", messages + [f"refused: could not write {saved} ({exc.strerror or exc}); nothing was saved"]
    if saved != name:
        messages.append(f"saved as {saved} because {name} is already used")
    messages.extend(m for m in decoded.messages)
    if date:
        try:
            _append_manifest_row(folder, header, existing, saved, date)
        except OSError as exc:
            (folder / saved).unlink(missing_ok=True)
            return "", messages + [f"refused: could not update {MANIFEST} ({exc.strerror or exc}); "
                                   f"{saved} was not kept"]
        messages.append(f"{MANIFEST}: added {saved} published {date}")
    messages.append(f"saved {saved} ({len(data)} bytes)")
    return saved, messages


def _append_manifest_row(folder: Path, header: list[str] | None, existing: bytes, saved: str, date: str) -> None:
    """Write manifest.csv as `existing` plus one row, in one rename (all or nothing)."""
    path = folder / MANIFEST
    newline = "\r\n" if b"\r\n" in existing else "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    if header is None:
        writer.writerow(MANIFEST_COLUMNS)
        header = list(MANIFEST_COLUMNS)
    values = {"file": saved, "published": date}
    writer.writerow([values.get(h.strip().strip(INVISIBLE).lower(), "") for h in header])
    prefix = newline if existing and not existing.endswith((b"\n", b"\r")) else ""
    replace_file(path, existing + (prefix + out.getvalue()).encode("utf-8"))
