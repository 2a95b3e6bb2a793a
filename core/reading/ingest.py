"""Reading a folder of articles and its manifest into decoded documents, naming every problem.

What a folder holds: article files (*.txt, *.html, *.htm) and an optional manifest.csv with the
columns file, published (YYYY-MM-DD, YYYY-MM or YYYY) and source_url. Every problem becomes a
message that names the file (documents) or manifest.csv and its row (folder messages); one bad
file never stops the others. Only an unusable folder raises (CorpusFolderError).

Statuses: ok (notes may still be attached, e.g. "HTML converted to text"), warning (loaded, but
look: not UTF-8, no Arabic letters, bad manifest date, duplicate), error (not loaded, text '').

Decoding lives in core.reading.decode, manifest.csv in core.reading.manifest, safe file access and the byte
limit in core.reading.folder, uploads in core.reading.uploads; the names used elsewhere stay importable from here.
"""

from __future__ import annotations

import hashlib
import os
import unicodedata
from collections import Counter
from dataclasses import dataclass, replace
from pathlib import Path

from core.reading.decode import (ARTICLE_SUFFIXES, HTML_SUFFIXES, TEXT_SUFFIXES, Decoded,  # noqa: F401
                         content_key, decode_bytes, encoding_label, has_arabic_letters,
                         html_to_text, read_article_bytes, text_signature, worst)
from core.reading.folder import (DEFAULT_MAX_BYTES, MAX_BYTES_ENV, CorpusFolderError,  # noqa: F401
                         effective_max_bytes, inside, is_dir, list_folder, read_limited, safe_name,
                         shorten, too_big_message)
from core.reading.manifest import (FLOOD_SHOWN, MANIFEST, MANIFEST_COLUMNS, Manifest, ManifestRow,  # noqa: F401
                           load_manifest, parse_manifest, read_manifest, validate_published,
                           validate_source_url)

CORRECTIONS_LOG = "corrections.jsonl"  # the analysts' review log (core.review), not an article


@dataclass(frozen=True)
class SourceDocument:
    doc: str                 # file name inside the folder
    text: str                # decoded text ('' when the file could not be read)
    status: str              # ok | warning | error
    messages: tuple[str, ...]
    encoding: str
    sha256: str              # of the raw bytes ('' when they could not be read)
    published: str           # YYYY-MM-DD, YYYY-MM, YYYY or ''
    source_url: str
    duplicate_of: str = ""
    text_sha256: str = ""    # of the normalized text (content_key), for duplicate detection; '' when no
                             # other article of the folder has its text_signature (so none has its text)
    size: int = 0            # bytes on disk (0 when unknown)



def _read_document(folder: Path, real: str, name: str, limit: int, real_folder: str | None = None,
                   link: bool = True) -> SourceDocument:
    """The document of the entry `real`, shown as `name` (safe_name of `real`); `real_folder`:
    the folder's resolved path, when the caller resolved it once for every entry; `link`: False
    when the folder's listing says the entry is not a symbolic link (read_limited's `entry`)."""
    raw, problem = read_limited(folder / real, name, limit, folder, real_folder=real_folder,
                                entry=None if link else real)
    if raw is None:
        size = 0
        try:
            if inside(folder / real, folder):
                size = os.stat(folder / real).st_size
        except OSError:
            pass
        return SourceDocument(doc=name, text="", status="error", messages=(problem,), encoding="",
                              sha256="", published="", source_url="", size=size)
    text, encoding, messages, status = read_article_bytes(name, raw)
    if name != real:
        status = worst(status, "warning")
        messages = (f"{name}: file name is not valid UTF-8 (shown with \\xNN for each bad byte); "
                    "rename the file to give it a manifest row", *messages)
    return SourceDocument(doc=name, text=text, status=status, messages=messages, encoding=encoding,
                          sha256=hashlib.sha256(raw).hexdigest(), published="", source_url="", size=len(raw))


def _with_text_keys(docs: list[SourceDocument]) -> list[SourceDocument]:
    """`docs`, each readable one whose text_signature another readable one shares given its content_key
    (text_sha256): only those can have the same text as another article."""
    signatures = [text_signature(d.text) if d.status != "error" else None for d in docs]
    shared = Counter(s for s in signatures if s is not None)
    return [replace(d, text_sha256=content_key(d.text)) if s is not None and shared[s] > 1 else d
            for d, s in zip(docs, signatures)]


def _with(doc: SourceDocument, status: str, message: str, **changes) -> SourceDocument:
    return replace(doc, status=worst(doc.status, status), messages=(*doc.messages, message), **changes)


def _mark_duplicates(docs: list[SourceDocument]) -> list[SourceDocument]:
    by_bytes: dict[str, str] = {}
    by_text: dict[str, str] = {}
    out = []
    for doc in docs:
        if doc.status == "error":
            out.append(doc)
            continue
        if doc.sha256 in by_bytes:
            first = by_bytes[doc.sha256]
            doc = _with(doc, "warning", f"{doc.doc}: duplicate of {first} (identical bytes); not extracted",
                        duplicate_of=first)
        elif doc.text_sha256 and doc.text_sha256 in by_text:
            first = by_text[doc.text_sha256]
            doc = _with(doc, "warning", f"{doc.doc}: duplicate of {first} (same text); not extracted",
                        duplicate_of=first)
        else:
            by_bytes[doc.sha256] = doc.doc
            if doc.text_sha256:  # '' : no other article has this text
                by_text[doc.text_sha256] = doc.doc
        out.append(doc)
    return out


def _name_list(names: list[str], shown: int = 10) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def grouped(messages: list[str], summary: str, items: list[str], where: str = "") -> list[str]:
    """`messages` (one per problem) when there are at most FLOOD_SHOWN of them, else one message:
    `summary` (with {n} for the count), the first FLOOD_SHOWN `items` listed, `where` the rest are."""
    if len(messages) <= FLOOD_SHOWN:
        return messages
    listed = ", ".join(items[:FLOOD_SHOWN])
    return [f"{summary.format(n=f'{len(messages):,}')} — first {FLOOD_SHOWN} listed{where}: {listed}"]


def _scan(folder: Path, entries: list[os.DirEntry], limit: int):
    """(documents, skipped-file messages, skipped names, NFC name -> shown name of every entry)."""
    docs: list[SourceDocument] = []
    skipped: list[str] = []
    skipped_names: list[str] = []
    present: dict[str, str] = {}
    real_folder = os.path.realpath(folder)  # once, not once per file
    for entry in entries:
        name = safe_name(entry.name)
        present[unicodedata.normalize("NFC", name)] = name
        if entry.name in (MANIFEST, CORRECTIONS_LOG) or name.startswith(".") or is_dir(entry):
            continue
        if not name.lower().endswith(ARTICLE_SUFFIXES):
            hint = f"; a manifest must be named {MANIFEST}" if name.lower() == MANIFEST else ""
            skipped.append(f"{name}: skipped (only .txt, .html and .htm files are read{hint})")
            skipped_names.append(shorten(name))
            continue
        docs.append(_read_document(folder, entry.name, name, limit, real_folder, _is_link(entry)))
    return docs, skipped, skipped_names, present


def _is_link(entry: os.DirEntry) -> bool:
    """The listing's answer (no system call where the file system gives the entry's type); True when unsure."""
    try:
        return entry.is_symlink()
    except OSError:
        return True


def _apply_manifest(docs: list[SourceDocument], manifest: Manifest, present: dict[str, str]) -> list[str]:
    """Give documents their manifest rows (in place); messages about rows naming no article."""
    article_names = {unicodedata.normalize("NFC", d.doc): i for i, d in enumerate(docs)}
    lower_names = {n.lower(): n for n in present}
    missing, missing_items, not_articles, not_article_items = [], [], [], []
    for key, row in manifest.rows.items():
        i = article_names.get(key)
        if i is None:
            if key in present:
                not_articles.append(f"{MANIFEST} row {row.row}: {shorten(key)} is not an article file "
                                    "(.txt, .html, .htm); row ignored")
                not_article_items.append(f"row {row.row} {shorten(key)}")
            else:
                near = lower_names.get(key.lower())
                hint = f" (did you mean {present[near]}?)" if near else ""
                missing.append(f"{MANIFEST} row {row.row}: file {shorten(key)} not found{hint}")
                missing_items.append(f"row {row.row} {shorten(key)}")
            continue
        doc = replace(docs[i], published=row.published, source_url=row.source_url)
        for problem in row.problems:
            doc = _with(doc, "warning", f"{doc.doc}: {problem}")
        docs[i] = doc
    return (grouped(missing, MANIFEST + ": {n} rows name missing files", missing_items, f", all in {MANIFEST}")
            + grouped(not_articles, MANIFEST + ": {n} rows name files that are not articles; rows ignored",
                      not_article_items))


def read_corpus(folder: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[SourceDocument], list[str]]:
    """Every article file in `folder` (sorted by name) and folder-level messages.

    One SourceDocument per *.txt/*.html/*.htm entry (hidden files and subfolders are skipped;
    other files get a folder message); a problem file is a document with status error and a
    message, never an exception. Only regular files inside the folder are read (a link out of it
    is an error naming the link). A name that is not valid UTF-8 is shown escaped (safe_name).
    Duplicates (same bytes, or the same text after normalization) get status warning and
    duplicate_of = the first by name. Folder messages of one kind over FLOOD_SHOWN (stale
    manifest rows, skipped files) become one message listing the first FLOOD_SHOWN. Raises
    CorpusFolderError only when the folder itself is unusable, and ValueError for a non-positive
    max_bytes.
    """
    folder = Path(folder)
    limit, messages = effective_max_bytes(max_bytes)
    entries = list_folder(folder)
    manifest = load_manifest(folder, limit)
    messages.extend(manifest.messages)
    docs, skipped, skipped_names, present = _scan(folder, entries, limit)
    messages.extend(grouped(skipped, "{n} files skipped (only .txt, .html and .htm files are read)",
                            skipped_names))
    docs = _mark_duplicates(_with_text_keys(docs))
    messages.extend(_apply_manifest(docs, manifest, present))
    if not manifest.present:
        if docs:
            messages.append(f"no {MANIFEST}: articles have no publication date or source address")
    elif manifest.usable:
        unlisted = [d.doc for d in docs if unicodedata.normalize("NFC", d.doc) not in manifest.rows
                    and d.status != "error" and not d.duplicate_of]
        if unlisted:
            messages.append(f"{MANIFEST}: no row for {len(unlisted)} article(s) (no publication date): "
                            f"{_name_list(unlisted)}")
    return docs, messages
