"""The whole corpus of a folder kept as one snapshot on disk, so a warm start is one read.

`load_corpus(folder)` returns the same Corpus as core.run.pipeline.load_corpus(folder), but first
looks for a snapshot keyed by the folder's fingerprint (name, size and modification time of every
file directly in the folder -- articles, manifest.csv, corrections -- one stat each, no reads) and
the extractor version (core.store.cache.extractor_version). Found: the tables and messages are read
from it (a few Parquet files; the texts when first used, SnapshotTexts) and no article is opened. Not found (first start, a file
added, removed or edited, new extractor code): the folder is loaded the usual way -- the
per-document extraction cache (core/store/cache.py) means only new or changed articles are extracted
-- and the snapshot is rewritten; snapshots of the same folder under other keys are deleted.

Layout: <cache dir>/snapshots/<folder id>/<key>/ holding one Parquet file per table
(documents, events, participants, rankings -- whatever DataFrames the Corpus carries, so added
columns or tables survive), texts.parquet (doc, text) and meta.json (format, key, messages, the
files). Parquet (pyarrow) because it keeps the pandas dtypes (string, Int64, boolean) exactly, is
columnar and compressed, and is what the export writes (and DuckDB or Spark read) too. A snapshot
is written into a temporary folder and renamed into place, so a reader never sees half of one;
an unreadable or damaged snapshot is a miss (loaded again and rewritten), never an error.
A snapshot is written only when the fingerprint is the same after the load as before it, so a
folder that changed during the load is never stored under its old key.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import shutil
import tempfile
import threading
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from core import tables
from core.store.cache import ExtractionCache, cache_dir, extractor_version
from core.reading.folder import read_limited
from core.reading.ingest import DEFAULT_MAX_BYTES, MAX_BYTES_ENV, effective_max_bytes
from core.run.pipeline import Corpus
from core.run.pipeline import load_corpus as pipeline_load_corpus
from core.run.progress import Progress

FORMAT = 2  # 2: meta.json counts the texts (read on first use)
SNAPSHOT_ENV = "EGOV_SNAPSHOT_DIR"
TEXTS = "texts"
META = "meta.json"
MAX_META_BYTES = 256 * 1024 * 1024  # the messages of a flooded folder stay far below this


def snapshot_dir(folder: str | Path | None = None) -> Path:
    """Where snapshots live: `folder`, else $EGOV_SNAPSHOT_DIR, else <extraction cache dir>/snapshots."""
    if folder is not None:
        return Path(folder).expanduser()
    value = os.environ.get(SNAPSHOT_ENV, "").strip()
    return Path(value).expanduser() if value else cache_dir() / "snapshots"


def folder_fingerprint(folder: str | Path) -> str:
    """Hex digest of (name, size, mtime_ns) of every file directly inside `folder`; '' if unreadable.

    One stat per file and no reads (about 30 ms for 10,000 files): an added, removed, replaced or
    edited file -- an article, manifest.csv, a corrections file -- changes it.
    """
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError:
        return ""
    rows = []
    for entry in entries:
        try:
            if entry.is_file():
                st = entry.stat()
                rows.append(f"{entry.name}\0{st.st_size}\0{st.st_mtime_ns}")
        except OSError:  # removed between scandir and stat
            continue
    rows.sort()
    return hashlib.sha256("\n".join(rows).encode("utf-8", "surrogatepass")).hexdigest()


def snapshot_key(fingerprint: str, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The key a snapshot is stored under: format, extractor version, fingerprint, byte limit."""
    limit, _ = effective_max_bytes(max_bytes)
    parts = [f"snapshot {FORMAT}", extractor_version(), fingerprint, str(limit),
             os.environ.get(MAX_BYTES_ENV, "") if max_bytes == DEFAULT_MAX_BYTES else ""]
    return hashlib.sha256("\0".join(parts).encode()).hexdigest()


def _folder_id(folder: Path) -> str:
    return hashlib.sha256(str(folder.resolve()).encode("utf-8", "surrogatepass")).hexdigest()[:16]


@dataclass
class SnapshotStats:
    """What one load_corpus call did (for benchmarks and tests)."""

    hit: bool = False           # the corpus came from a snapshot
    written: bool = False       # a new snapshot was written
    reason: str = ""            # why no snapshot was read or written, if so
    fingerprint_s: float = 0.0
    read_s: float = 0.0         # reading the snapshot
    load_s: float = 0.0         # the folder load (ingest, cache, extraction, tables) on a miss
    write_s: float = 0.0
    extracted: int = 0          # documents extracted on a miss (the others came from the cache)


class SnapshotTexts(Mapping[str, str]):
    """The articles' texts of a snapshot (doc -> text), read from texts.parquet on first use.

    Most pages never show an article's text, and the texts are most of a snapshot's bytes (70 MB
    for 10,000 articles, 0.4-1.4 s to read and turn into strings), so a warm start does not read
    them. The file is opened at once: a snapshot replaced or deleted later by another process
    stays readable through the open handle. After the first use the texts stay in memory in Arrow
    form, and one text becomes a Python string when it is asked for.
    """

    def __init__(self, path: Path, rows: int) -> None:
        import pyarrow.parquet as pq

        self._handle = open(path, "rb")  # noqa: SIM115 -- kept open until the texts are read
        try:  # the footer only: a truncated or foreign file is a miss now, not an error later
            if pq.ParquetFile(self._handle).metadata.num_rows != rows:
                raise ValueError(f"{path.name}: not {rows} texts")
        except BaseException:
            self._handle.close()
            raise
        self._lock = threading.Lock()
        self._index: dict[str, int] | None = None
        self._column = None

    def _rows(self) -> dict[str, int]:
        if self._index is None:
            with self._lock:
                if self._index is None:
                    import pyarrow.parquet as pq

                    with self._handle:
                        table = pq.read_table(self._handle)
                    self._column = table.column("text").combine_chunks()
                    self._index = {doc: i for i, doc in enumerate(table.column("doc").to_pylist())}
        return self._index

    def __getitem__(self, doc: str) -> str:
        row = self._rows()[doc]
        return self._column[row].as_py()

    def __iter__(self) -> Iterator[str]:
        return iter(self._rows())

    def __len__(self) -> int:
        return len(self._rows())

    def __repr__(self) -> str:
        return f"SnapshotTexts({'not read yet' if self._index is None else f'{len(self._index)} texts'})"


def read_snapshot(path: Path, key: str, folder: Path) -> Corpus | None:
    """The Corpus stored at `path`, or None when it is missing, for another key, or damaged."""
    try:
        raw, _ = read_limited(path / META, META, MAX_META_BYTES)  # a regular file, never a FIFO or a huge one
        if raw is None:
            return None
        meta = json.loads(raw.decode("utf-8"))
        if meta.get("format") != FORMAT or meta.get("key") != key:
            return None
        import pyarrow.parquet as pq

        values: dict[str, object] = {}
        for name in meta["frames"]:
            values[name] = pq.read_table(path / f"{name}.parquet").to_pandas()
            if name in tables.SCHEMAS and not _on_schema(name, values[name]):
                return None  # valid Parquet, wrong table (another version, a hand edit): rebuilt
        values["texts"] = SnapshotTexts(path / f"{TEXTS}.parquet", int(meta["texts"]))
        values["messages"] = [str(m) for m in meta["messages"]]
        values["folder"] = folder
        return Corpus(**values)
    except Exception:  # missing, truncated, foreign or from another Corpus shape: a miss
        return None


def _on_schema(name: str, frame: pd.DataFrame) -> bool:
    """True when `frame` has table `name`'s declared columns, dtypes and unique key (core/tables.py)."""
    try:
        tables.check_table(name, frame)
    except tables.SchemaError:
        return False
    return all(str(frame[col].dtype) == tables.DTYPES.get(col, "string") for col in frame.columns)


def _frames(corpus: Corpus) -> dict[str, pd.DataFrame] | None:
    """The DataFrame fields of the corpus, or None if it has a field a snapshot cannot hold."""
    frames = {}
    for f in dataclasses.fields(corpus):
        value = getattr(corpus, f.name)
        if isinstance(value, pd.DataFrame):
            frames[f.name] = value
        elif f.name not in ("texts", "messages", "folder"):
            return None
    return frames


def write_snapshot(corpus: Corpus, root: Path, key: str) -> Path | None:
    """Store `corpus` under root/key (atomically); the others under root are deleted. None if not written."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    frames = _frames(corpus)
    if frames is None:
        return None
    final = root / key
    root.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(dir=root, prefix=".tmp-"))
    try:
        for name, frame in frames.items():
            pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), tmp / f"{name}.parquet")
        docs = list(corpus.texts)
        pq.write_table(pa.table({"doc": pa.array(docs, pa.string()),
                                 "text": pa.array([corpus.texts[d] for d in docs], pa.large_string())}),
                       tmp / f"{TEXTS}.parquet")
        meta = {"format": FORMAT, "key": key, "frames": list(frames), "messages": list(corpus.messages),
                "rows": {name: len(frame) for name, frame in frames.items()}, "texts": len(docs)}
        (tmp / META).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        if final.exists():  # a damaged snapshot under this key (a good one would have been read)
            trash = Path(tempfile.mkdtemp(dir=root, prefix=".tmp-old-"))
            try:
                os.replace(final, trash / "old")
            except OSError:
                pass
            shutil.rmtree(trash, ignore_errors=True)
        try:
            os.rename(tmp, final)
        except OSError:  # another process wrote the same key first: theirs is as good
            shutil.rmtree(tmp, ignore_errors=True)
            if not final.is_dir():
                return None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    for other in root.iterdir():
        if other.name != key and not other.name.startswith(".tmp-"):
            shutil.rmtree(other, ignore_errors=True)
    return final


def load_corpus(folder: str | Path, *, cache: bool | str | Path | ExtractionCache = True, workers: int = 1,
                max_bytes: int = DEFAULT_MAX_BYTES, snapshots: str | Path | None = None,
                fingerprint: str | None = None, stats: SnapshotStats | None = None,
                progress: Progress | None = None) -> Corpus:
    """core.run.pipeline.load_corpus(folder) read from, or stored as, a snapshot (see the module doc).

    `fingerprint`: folder_fingerprint(folder) if the caller has just computed it. `snapshots`:
    the snapshot folder (default snapshot_dir()). Raises core.reading.ingest.CorpusFolderError only for an
    unusable folder, like core.run.pipeline.load_corpus. `progress`: as that function's (core.run.progress);
    never called when the snapshot is read.
    """
    stats = stats if stats is not None else SnapshotStats()
    folder = Path(folder)
    t0 = time.perf_counter()
    if fingerprint is None:
        fingerprint = folder_fingerprint(folder)
    stats.fingerprint_s = time.perf_counter() - t0
    root = snapshot_dir(snapshots) / _folder_id(folder)
    key = snapshot_key(fingerprint, max_bytes) if fingerprint else ""
    if key:
        t0 = time.perf_counter()
        found = read_snapshot(root / key, key, folder)
        stats.read_s = time.perf_counter() - t0
        if found is not None:
            stats.hit = True
            return found
    t0 = time.perf_counter()
    store = cache
    if cache is True or isinstance(cache, (str, Path)):
        store = ExtractionCache(None if cache is True else cache)
    corpus = pipeline_load_corpus(folder, max_bytes=max_bytes, cache=store, workers=workers, progress=progress)
    stats.load_s = time.perf_counter() - t0
    if isinstance(store, ExtractionCache):
        stats.extracted = store.stats.extracted
    if not key:
        stats.reason = "folder could not be fingerprinted"
    elif folder_fingerprint(folder) != fingerprint:
        stats.reason = "folder changed during the load; snapshot not written"
    else:
        t0 = time.perf_counter()
        try:
            stats.written = write_snapshot(corpus, root, key) is not None
            if not stats.written:
                stats.reason = "corpus has a field a snapshot cannot hold"
        except OSError as exc:  # a read-only or full disk: the corpus is still returned
            stats.reason = f"snapshot not written ({exc.strerror or exc})"
        stats.write_s = time.perf_counter() - t0
    return corpus
