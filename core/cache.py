"""Extraction results cached on disk by document content: it stores and fetches, nothing else.

One file per document, named by the SHA-256 of (extractor version, publication date, decoded
text), under a folder per extractor version. The extractor version hashes core/*.py, core/data/*
and the versions of Python and of the packages whose data the gazetteer and dates read, so a change
of code or lexicon starts a new folder and nothing stale is ever returned. Where: the `folder`
argument, else $EGOV_CACHE_DIR, else <repo>/.cache/extract.

A cache file holds (FORMAT, key, DocumentExtraction) as a pickle read back by an unpickler that
only builds core's record classes, so a planted file cannot run code. A missing, unreadable,
truncated or foreign file is a miss: the document is extracted again and the file rewritten.
Writes go through a temporary file and an atomic rename, so concurrent loaders never see half a
file; a cache that cannot be written is reported in the stats, never raised. Folders of other
extractor versions are never read again and may be deleted at any time (nothing prunes them).
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import pickle
import sys
import tempfile
from dataclasses import asdict, dataclass
from importlib import metadata
from pathlib import Path

from core.records import DocumentExtraction

CACHE_ENV = "EGOV_CACHE_DIR"
CORE_DIR = Path(__file__).resolve().parent
DEFAULT_DIR = CORE_DIR.parent / ".cache" / "extract"
FORMAT = 1
# Packages whose data change what is extracted (gazetteer names, Hijri conversion).
DATA_PACKAGES = ("pycountry", "babel", "hijridate")
# Modules whose dataclasses a cache file may contain (the records); anything else makes it a miss.
RECORD_MODULES = ("core.records",)

_version_memo: tuple[tuple, str] | None = None


def cache_dir(folder: str | Path | None = None) -> Path:
    """The cache folder: `folder`, else $EGOV_CACHE_DIR, else <repo>/.cache/extract."""
    if folder is not None:
        return Path(folder).expanduser()
    value = os.environ.get(CACHE_ENV, "").strip()
    return Path(value).expanduser() if value else DEFAULT_DIR


def _source_files() -> list[Path]:
    files = [p for p in CORE_DIR.glob("*.py")] + [p for p in (CORE_DIR / "data").glob("*") if p.is_file()]
    return sorted(files)


def extractor_version() -> str:
    """Hex SHA-256 of core/*.py, core/data/* and the Python and data-package versions.

    Re-hashed only when a file's size or modification time changes (one stat per file).
    """
    global _version_memo
    files = _source_files()
    stamp = tuple((str(p), st.st_size, st.st_mtime_ns) for p in files for st in (p.stat(),))
    if _version_memo is not None and _version_memo[0] == stamp:
        return _version_memo[1]
    digest = hashlib.sha256(f"format {FORMAT}; python {sys.version_info[:2]}".encode())
    for name in DATA_PACKAGES:
        try:
            digest.update(f"; {name} {metadata.version(name)}".encode())
        except metadata.PackageNotFoundError:
            digest.update(f"; {name} missing".encode())
    for p in files:
        digest.update(b"\0" + p.relative_to(CORE_DIR).as_posix().encode() + b"\0")
        digest.update(p.read_bytes())
    _version_memo = (stamp, digest.hexdigest())
    return _version_memo[1]


class _RecordUnpickler(pickle.Unpickler):
    def find_class(self, module: str, name: str):
        if module in RECORD_MODULES:
            found = super().find_class(module, name)
            if isinstance(found, type) and dataclasses.is_dataclass(found):
                return found
        raise pickle.UnpicklingError(f"{module}.{name} is not a record class")


@dataclass
class CacheStats:
    """What one or more loads did: documents looked up, found, extracted, written, bad files."""

    hits: int = 0
    misses: int = 0
    extracted: int = 0     # documents run through extract_document
    written: int = 0
    corrupt: int = 0       # cache files that could not be used (then rewritten)
    write_errors: int = 0

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


class ExtractionCache:
    """Per-document extraction results on disk, keyed by content; counts its work in `stats`."""

    def __init__(self, folder: str | Path | None = None):
        self.folder = cache_dir(folder)
        self.version = extractor_version()
        self.stats = CacheStats()

    def key(self, text: str, published: str) -> str:
        """The document's cache key: SHA-256 of extractor version, publication date and text."""
        digest = hashlib.sha256(f"{self.version}\0{published}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / self.version[:16] / key[:2] / f"{key}.pickle"

    def get(self, key: str) -> DocumentExtraction | None:
        """The cached result for `key`, or None (missing or unusable file: counted, never raised)."""
        try:
            data = self.path(key).read_bytes()
        except OSError:
            self.stats.misses += 1
            return None
        try:
            fmt, stored_key, result = _RecordUnpickler(io.BytesIO(data)).load()
            if fmt != FORMAT or stored_key != key or not isinstance(result, DocumentExtraction):
                raise ValueError("not a cache entry for this key")
        except Exception:  # any damage (truncation, garbage, foreign classes) is a miss
            self.stats.corrupt += 1
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return result

    def put(self, key: str, result: DocumentExtraction) -> None:
        """Store `result` atomically; a failure to write is counted, never raised."""
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
            try:
                with os.fdopen(fd, "wb") as fh:
                    pickle.dump((FORMAT, key, result), fh, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            self.stats.write_errors += 1
            return
        self.stats.written += 1


def open_cache(cache: bool | str | Path | ExtractionCache) -> ExtractionCache | None:
    """The cache load_corpus uses: None for False, the default folder for True, else the given one."""
    if isinstance(cache, ExtractionCache):
        return cache
    if cache is False or cache is None:
        return None
    if cache is True:
        return ExtractionCache()
    return ExtractionCache(cache)
