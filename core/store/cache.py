"""Extraction results cached on disk by document content: it stores and fetches, nothing else.

One file per document, named by the SHA-256 of (extractor version, publication date, decoded
text), under a folder per extractor version. The extractor version hashes core/*.py, core/data/*
and the versions of Python and of the packages whose data the gazetteer and dates read, so a change
of code or lexicon starts a new folder and nothing stale is ever returned. Where: the `folder`
argument, else $EGOV_CACHE_DIR, else <repo>/.cache/extract.

A cache file holds (FORMAT, key, SHA-256 of the text, DocumentExtraction) as a pickle read back
by an unpickler that only builds core's record classes, so a planted file cannot run code. Before
a file is used it is checked: a regular file (opened without blocking, so a FIFO never hangs a
load; not a link), at most MAX_ENTRY_BYTES (a huge junk file is never read), this format and key,
the text's hash, every field of every record of its declared type (records.py annotations), and
every span (surface, start, end) slicing the text to its surface. A file failing any check --
missing, unreadable, truncated, foreign or wrong in content -- is a miss: the document is
extracted again and the file rewritten.
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
import stat
import sys
import tempfile
import types
import typing
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import metadata
from pathlib import Path

from core.records import DocumentExtraction

CACHE_ENV = "EGOV_CACHE_DIR"
CORE_DIR = Path(__file__).resolve().parents[1]
DEFAULT_DIR = CORE_DIR.parent / ".cache" / "extract"
FORMAT = 2
MAX_ENTRY_BYTES = 64 * 1024 * 1024  # an entry is a few kB; anything near this is not one
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
    files = [p for p in CORE_DIR.rglob("*.py")] + [p for p in (CORE_DIR / "data").glob("*") if p.is_file()]
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
        self.write_problem = ""  # why the first failed write failed (strerror), '' when none did

    def key(self, text: str, published: str) -> str:
        """The document's cache key: SHA-256 of extractor version, publication date and text."""
        digest = hashlib.sha256(f"{self.version}\0{published}\0".encode())
        digest.update(text.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    def path(self, key: str) -> Path:
        return self.folder / self.version[:16] / key[:2] / f"{key}.pickle"

    def get(self, key: str, text: str | None = None) -> DocumentExtraction | None:
        """The cached result for `key`, or None (missing or unusable file: counted, never raised).

        With `text` (the document's text), the entry must have been stored for that text and its
        spans must slice it.
        """
        data = self._read(self.path(key))
        if data is None:
            self.stats.misses += 1
            return None
        try:
            fmt, stored_key, text_hash, result = _RecordUnpickler(io.BytesIO(data)).load()
            if fmt != FORMAT or stored_key != key or not isinstance(result, DocumentExtraction):
                raise ValueError("not a cache entry for this key")
            if not valid_record(result):
                raise ValueError("a record field is not of its declared type")
            if text is not None and (text_hash != _text_hash(text) or not spans_fit(result, text)):
                raise ValueError("not an entry for this text")
        except Exception:  # any damage (truncation, garbage, foreign classes, wrong contents) is a miss
            self.stats.corrupt += 1
            self.stats.misses += 1
            return None
        self.stats.hits += 1
        return result

    def _read(self, path: Path) -> bytes | None:
        """The entry's bytes; None when it is missing, or is not a regular file of a plausible size
        (then counted as corrupt). Never blocks on a FIFO and never reads a huge file."""
        flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_CLOEXEC", 0)
        try:
            fd = os.open(path, flags)
        except FileNotFoundError:
            return None
        except OSError:
            self.stats.corrupt += 1
            return None
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode) or info.st_size > MAX_ENTRY_BYTES:
                self.stats.corrupt += 1
                return None
            with os.fdopen(fd, "rb") as fh:
                fd = -1  # the file object closes it now
                data = fh.read(MAX_ENTRY_BYTES + 1)
        except OSError:
            self.stats.corrupt += 1
            return None
        finally:
            if fd >= 0:
                os.close(fd)
        return data if len(data) <= MAX_ENTRY_BYTES else None

    def put(self, key: str, result: DocumentExtraction, text: str | None = None) -> None:
        """Store `result` (extracted from `text`) atomically; a failure to write is counted, never raised."""
        path = self.path(key)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".pickle")
            try:
                with os.fdopen(fd, "wb") as fh:
                    entry = (FORMAT, key, _text_hash(text) if text is not None else "", result)
                    pickle.dump(entry, fh, protocol=pickle.HIGHEST_PROTOCOL)
                try:
                    os.replace(tmp, path)  # also replaces a FIFO, link or junk file planted there
                except IsADirectoryError:  # an empty folder planted as an entry is replaced too
                    os.rmdir(path)
                    os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError as exc:
            self.stats.write_errors += 1
            self.write_problem = self.write_problem or (exc.strerror or type(exc).__name__)
            return
        self.stats.written += 1


def _text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


@lru_cache(maxsize=None)
def _hints(cls: type) -> dict[str, object]:
    return typing.get_type_hints(cls)


def _fits(value: object, hint: object) -> bool:
    """Whether `value` is of the annotated type `hint` (records' annotations: str, int, float, bool,
    None, unions, tuple[X, ...], record classes); an annotation of another form is not checked."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        return any(_fits(value, arg) for arg in typing.get_args(hint))
    if hint is type(None):
        return value is None
    if origin is tuple:
        args = typing.get_args(hint)
        if len(args) == 2 and args[1] is Ellipsis:
            return isinstance(value, tuple) and all(_fits(v, args[0]) for v in value)
        return isinstance(value, tuple) and len(value) == len(args) and all(map(_fits, value, args))
    if origin is not None:
        return isinstance(value, origin)
    if isinstance(hint, type):
        if dataclasses.is_dataclass(hint):
            return isinstance(value, hint) and valid_record(value)
        if hint is float:
            return isinstance(value, (int, float)) and not isinstance(value, bool)
        if hint is int:
            return isinstance(value, int) and not isinstance(value, bool)
        return isinstance(value, hint)
    return True


def valid_record(record: object) -> bool:
    """Every field of `record` (a record dataclass) and of the records inside it is of its declared type."""
    hints = _hints(type(record))
    return all(_fits(getattr(record, f.name), hints.get(f.name, typing.Any))
               for f in dataclasses.fields(record))


def spans_fit(record: object, text: str) -> bool:
    """Every object with surface, start and end inside `record` has text[start:end] == surface."""
    stack = [record]
    while stack:
        obj = stack.pop()
        if isinstance(obj, tuple):
            stack.extend(obj)
        elif dataclasses.is_dataclass(obj) and not isinstance(obj, type):
            names = {f.name for f in dataclasses.fields(obj)}
            if {"surface", "start", "end"} <= names and text[obj.start:obj.end] != obj.surface:
                return False
            stack.extend(getattr(obj, name) for name in names)
    return True


def open_cache(cache: bool | str | Path | ExtractionCache) -> ExtractionCache | None:
    """The cache load_corpus uses: None for False, the default folder for True, else the given one."""
    if isinstance(cache, ExtractionCache):
        return cache
    if cache is False or cache is None:
        return None
    if cache is True:
        return ExtractionCache()
    return ExtractionCache(cache)
