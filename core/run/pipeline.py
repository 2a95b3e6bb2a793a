"""The orchestrator: one function extracts a document, one loads a whole folder into tables."""

from __future__ import annotations

import math
import re
import threading
from collections.abc import Callable, Mapping
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, field
from multiprocessing import get_all_start_methods, get_context
from pathlib import Path

import pandas as pd

from core import tables
from core.store.cache import ExtractionCache, open_cache
from core.text.context import build_context
from core.events.extract import find_events
from core.text.gazetteer import english_name
from core.reading.guard import extraction_limit, guard_warning
from core.reading.ingest import DEFAULT_MAX_BYTES, SourceDocument, read_corpus
from core.rankings.extract import find_rank_claims
from core.records import DocumentExtraction
from core.run.collector import fewer_collections
from core.run.progress import Progress
from core.review import apply_reviews
from core.review.stories import with_stories

TITLE_MAX = 160
MIN_PER_WORKER = 8      # fewer misses than workers * this are extracted in this process
MAX_CHUNK = 64          # documents sent to a worker process at a time


@dataclass
class Corpus:
    """The tidy tables of a folder (documents, events, participants, rankings; stories), plus the decoded texts the offsets index into."""

    documents: pd.DataFrame
    events: pd.DataFrame
    participants: pd.DataFrame
    rankings: pd.DataFrame
    texts: Mapping[str, str] = field(default_factory=dict)  # a dict, or a snapshot's texts read on first use
    messages: list[str] = field(default_factory=list)
    folder: Path | None = None
    rejected: pd.DataFrame = field(default_factory=pd.DataFrame)  # core.review: records analysts rejected
    orphans: pd.DataFrame = field(default_factory=pd.DataFrame)  # core.review: log entries not applied
    stories: pd.DataFrame = field(default_factory=lambda: tables.build_table("stories", []))  # core.stories


def extract_document(text: str, published: str = "") -> DocumentExtraction:
    """Extract events, participants and ranking claims from one article's text.

    `published` (YYYY-MM-DD, YYYY-MM, YYYY or '') anchors relative dates; today is never used.
    Never raises on str input.
    """
    limit, why = extraction_limit(text)  # the per-article guard (core/reading/guard.py)
    ctx = build_context(text[:limit] if why else text, published)
    claims = find_rank_claims(ctx)
    events = find_events(ctx, claims)
    warnings = (guard_warning(text, limit, why),) if why else ()
    return DocumentExtraction(title=title_of(text), events=tuple(events), rankings=tuple(claims),
                              warnings=warnings)


def title_of(text: str) -> str:
    """The first non-empty line, cut to a readable length at a word boundary. That line is the one
    holding the text's first non-space character (every line break is a space), read from there to
    the next line break, instead of splitting the whole article into lines; and only its first
    2 * TITLE_MAX characters when their words already make more than TITLE_MAX (the words of a
    line's beginning begin the words of the line)."""
    first = _NOT_SPACE.search(text)
    if first is None:
        return ""
    start = first.start()
    window = start + 2 * TITLE_MAX
    end = _LINE_BREAK.search(text, start, window)
    line = " ".join(text[start:end.start() if end else window].split())
    if end is None and len(line) <= TITLE_MAX and window < len(text):  # a long line, mostly spaces
        end = _LINE_BREAK.search(text, start)
        line = " ".join(text[start:end.start() if end else len(text)].split())
    if len(line) <= TITLE_MAX:
        return line
    cut = line[:TITLE_MAX].rsplit(" ", 1)[0]
    return cut + " …"


_NOT_SPACE = re.compile(r"\S")  # str.split's spaces (str.isspace), as re's \s
_LINE_BREAK = re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")  # where str.splitlines breaks


def _extract_chunk(jobs: list[tuple[str, str]]) -> list[DocumentExtraction]:
    with fewer_collections():
        return [extract_document(text, published) for text, published in jobs]


def extract_many(jobs: list[tuple[str, str]], workers: int = 1,
                 progress: Progress | None = None) -> list[DocumentExtraction]:
    """extract_document over (text, published) pairs, in order; in `workers` processes when > 1.

    Worker processes start only when there is enough work to pay for their start-up, by 'fork'
    from a single-threaded process (cheap: lexicons already loaded are shared) and by 'spawn'
    otherwise (forking a threaded server such as Streamlit can deadlock). Results are identical
    either way. `progress(done, len(jobs))` (core.run.progress) is called after each document in
    this process, after each chunk that comes back from a worker.
    """
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive int, not {workers!r}")
    if workers == 1 or len(jobs) < workers * MIN_PER_WORKER:
        if progress is None:
            return _extract_chunk(jobs)
        results = []
        with fewer_collections():
            for text, published in jobs:
                results.append(extract_document(text, published))
                progress(len(results), len(jobs))
        return results
    size = max(1, min(MAX_CHUNK, math.ceil(len(jobs) / (workers * 4))))
    chunks = [jobs[k:k + size] for k in range(0, len(jobs), size)]
    method = "fork" if "fork" in get_all_start_methods() and threading.active_count() == 1 else "spawn"
    with ProcessPoolExecutor(max_workers=workers, mp_context=get_context(method)) as pool:
        futures = [pool.submit(_extract_chunk, chunk) for chunk in chunks]
        if progress is not None:  # counted as chunks finish, in any order; the results stay in order
            done = 0
            for future in as_completed(futures):
                done += len(future.result())
                progress(done, len(jobs))
        return [result for future in futures for result in future.result()]


# The values _doc_rows gives each table, in this order (tables.build_table_from_tuples).
_FIELDS = {
    "documents": ["doc", "title", "published", "source_url", "chars", "status", "message", "encoding", "sha256",
                  "duplicate_of"],
    "events": ["event_id", "doc", "role", "kind", "tense", "year", "year_basis", "date", "date_basis", "host_iso3",
               "host_basis", "countries_stated", "countries_stated_lower_bound", "countries_named", "gcc",
               "organizations", "topics", "evidence", "start", "end", "note"],
    "participants": ["event_id", "doc", "iso3", "name_en", "surface", "start", "end", "via"],
    "rankings": ["claim_id", "doc", "country_iso3", "survey_year", "scope", "rank", "evidence", "start", "end",
                 "surface", "surface_start", "surface_end", "year_basis", "note"],
    "stories": [],
}


def _doc_rows(doc: SourceDocument, result: DocumentExtraction | None, rows: dict[str, list[tuple]]) -> None:
    """Append the document's rows to `rows`, each a tuple of _FIELDS[table]'s values."""
    warnings = tuple(f"{doc.doc}: {w}" for w in (result.warnings if result else ()))
    rows["documents"].append((
        doc.doc, result.title if result else "", doc.published, doc.source_url, len(doc.text),
        "warning" if warnings and doc.status == "ok" else doc.status, "; ".join(doc.messages + warnings),
        doc.encoding, doc.sha256, doc.duplicate_of,
    ))
    if result is None:
        return
    events, participants = rows["events"], rows["participants"]
    for n, ev in enumerate(result.events, start=1):
        event_id = f"{doc.doc}#e{n}"
        evidence = ev.evidence
        events.append((
            event_id, doc.doc, ev.role, ev.kind, ev.tense, ev.year, ev.year_basis, ev.date, ev.date_basis,
            ev.host_iso3, ev.host_basis, ev.countries_stated, ev.countries_stated_lower_bound,
            len(ev.participants), ev.gcc, ";".join(ev.organizations), ";".join(ev.topics),
            evidence.surface, evidence.start, evidence.end, ev.note,
        ))
        for p in ev.participants:
            participants.append((event_id, doc.doc, p.iso3, english_name(p.iso3), p.surface, p.start, p.end, p.via))
    for n, rc in enumerate(result.rankings, start=1):
        rows["rankings"].append((
            f"{doc.doc}#r{n}", doc.doc, rc.country_iso3, rc.survey_year, rc.scope, rc.rank, rc.evidence.surface,
            rc.evidence.start, rc.evidence.end, rc.surface, rc.surface_start, rc.surface_end, rc.year_basis, rc.note,
        ))


def build_corpus(docs: list[SourceDocument], results: list[DocumentExtraction | None],
                 messages: list[str], folder: Path | None = None) -> Corpus:
    """Assemble the tables from per-document results (None for a document not extracted)."""
    rows: dict[str, list[tuple]] = {name: [] for name in tables.SCHEMAS}
    for doc, result in zip(docs, results):
        _doc_rows(doc, result, rows)
    built = {name: tables.build_table_from_tuples(name, _FIELDS[name], rows[name]) for name in tables.SCHEMAS}
    return Corpus(documents=built["documents"], events=built["events"],
                  participants=built["participants"], rankings=built["rankings"],
                  texts={d.doc: d.text for d in docs}, messages=list(messages), folder=folder)


@fewer_collections()  # the tables and stories too allocate many objects, freed by reference counting
def load_corpus(folder: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES,
                cache: bool | str | Path | ExtractionCache = True, workers: int = 1,
                extract: Callable[[list[tuple[str, str]]], list[DocumentExtraction]] | None = None,
                progress: Progress | None = None) -> Corpus:
    """Read every article in `folder` (with its manifest.csv) and extract the four tables.

    A file with problems becomes a documents row with status warning/error and a message;
    it never stops the others. Raises core.reading.ingest.CorpusFolderError only for an unusable folder.

    `cache`: results are kept per document content (core.store.cache), so only new or changed
    articles are extracted: True uses $EGOV_CACHE_DIR or <repo>/.cache/extract, a path that
    folder, an ExtractionCache that object (its `stats` count hits and extractions), False none.
    The tables are the same with or without the cache. `workers` > 1 extracts the documents the
    cache does not hold in that many processes. `extract`: a function that does what
    extract_many does for those (text, published) pairs, elsewhere (core.run.dask_engine: on Dask).
    `progress`: called with (done, total) of the articles to extract (core.run.progress): (0, total)
    here before they start, then by extract_many, or by `extract`, which reports its own.
    """
    folder = Path(folder)
    docs, messages = read_corpus(folder, max_bytes=max_bytes)
    store = open_cache(cache)
    failed_before = store.stats.write_errors if store is not None else 0
    results: list[DocumentExtraction | None] = [None] * len(docs)
    todo: list[tuple[int, str]] = []  # (document index, cache key)
    for i, d in enumerate(docs):
        if d.status == "error" or d.duplicate_of:
            continue
        key = store.key(d.text, d.published) if store is not None else ""
        results[i] = store.get(key, d.text) if store is not None else None
        if results[i] is None:
            todo.append((i, key))
    jobs = [(docs[i].text, docs[i].published) for i, _ in todo]
    if progress is not None:
        progress(0, len(jobs))
    fresh = extract(jobs) if extract is not None else extract_many(jobs, workers, progress)
    for (i, key), result in zip(todo, fresh):
        results[i] = result
        if store is not None:
            store.put(key, result, docs[i].text)
    if store is not None:
        store.stats.extracted += len(todo)
        if store.stats.write_errors > failed_before:  # once per load, not once per document
            messages = [*messages, f"the extraction cache cannot be written ({store.write_problem}); "
                        "articles are extracted again on every load"]
    # stories join events across articles: built on the whole folder's reviewed tables
    return with_stories(apply_reviews(build_corpus(docs, results, messages, folder), folder))
