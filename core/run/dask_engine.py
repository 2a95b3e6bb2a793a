"""The per-document extraction on Dask distributed: a local cluster, or an existing scheduler.

Optional: Dask is not needed by the dashboard or the local engine, and is imported only here, only
when this engine runs (`pip install -r requirements-dask.txt`). What runs where:

- this process: reading the folder (core.reading.ingest.read_corpus: decoding, manifest, duplicates --
  whole-folder steps), the extraction-cache look-ups, and building the tables from the results;
- the workers: extract_document on the documents the cache does not hold, in partitions of
  `partition` documents (one task each; each worker loads the lexicons once).

It is core.run.pipeline.load_corpus with its `extract` step handed to the cluster: the same reading,
cache and table building, the same results in the same order, so the same tables. Workers of an
existing cluster must run this project's core at the same extractor version (checked before any
work is sent: a different version would give different tables).
"""

from __future__ import annotations

import logging
import math
import time
from dataclasses import dataclass
from pathlib import Path

from core.store.cache import ExtractionCache, extractor_version
from core.reading.ingest import DEFAULT_MAX_BYTES
from core.run.pipeline import Corpus, extract_many
from core.run.pipeline import load_corpus as pipeline_load_corpus
from core.records import DocumentExtraction
from core.run.progress import Progress

REQUIREMENTS = "requirements-dask.txt"
DEFAULT_PARTITION = 64
CONNECT_TIMEOUT = "30s"  # to reach an existing scheduler


class DaskEngineError(RuntimeError):
    """Dask is not installed, the scheduler cannot be reached, or its workers run other code."""


def import_distributed():
    """The `distributed` module, or DaskEngineError saying how to install it."""
    try:
        import distributed
    except ImportError as exc:
        raise DaskEngineError(
            f"the dask engine needs Dask distributed, which is not installed ({exc}); "
            f"install it with: pip install -r {REQUIREMENTS}") from exc
    return distributed


@dataclass
class DaskStats:
    """What one run did: documents, cache hits, documents sent to workers, partitions, times."""

    documents: int = 0
    extracted: int = 0       # documents sent to the workers (the others came from the cache)
    partitions: int = 0      # tasks
    workers: int = 0
    cluster_s: float = 0.0   # starting the local cluster or connecting, and the version check
    extract_s: float = 0.0   # the tasks, from submission until every result is back
    worker_cpu_s: float = 0.0  # CPU time the workers spent in the tasks (contention changes it less)
    total_s: float = 0.0     # the whole load: reading, cache, cluster, extraction, tables


class _Cluster:
    """A Client on `scheduler`, or on a LocalCluster of `workers` single-threaded processes; closed on exit."""

    def __init__(self, scheduler: str | None, workers: int, processes: bool):
        self.scheduler, self.workers, self.processes = scheduler, workers, processes
        self.cluster = self.client = None

    def __enter__(self):
        distributed = import_distributed()
        try:
            if self.scheduler:
                self.client = distributed.Client(self.scheduler, timeout=CONNECT_TIMEOUT)
            else:
                import dask

                # The workers' statistical profiler samples every thread's stack every 10 ms: on
                # pure-Python extraction it costs a few percent of the CPU, and nothing reads it. Its
                # HTTP endpoints (health, metrics) listen on the loopback only, on a free port.
                with dask.config.set({"distributed.worker.profile.enabled": False}):
                    self.cluster = distributed.LocalCluster(
                        n_workers=self.workers, threads_per_worker=1, processes=self.processes,
                        dashboard_address="127.0.0.1:0", silence_logs=logging.ERROR)
                self.client = distributed.Client(self.cluster)
        except (OSError, TimeoutError) as exc:
            self.__exit__(None, None, None)
            where = self.scheduler or "a local cluster"
            raise DaskEngineError(f"cannot reach the Dask scheduler at {where} ({exc})") from exc
        return self.client

    def __exit__(self, *exc_info):
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()


def check_workers(client) -> int:
    """The number of workers; DaskEngineError when there are none or one runs another extractor version."""
    try:
        versions = client.run(extractor_version)
    except Exception as exc:  # the worker's error comes back as is: most often it cannot import core
        raise DaskEngineError(
            f"the Dask workers cannot run this project's core ({type(exc).__name__}: {exc}); start them from "
            "a checkout of the same version with it on the path, e.g. PYTHONPATH=/path/to/checkout "
            "dask worker ADDRESS") from exc
    if not versions:
        raise DaskEngineError("the Dask cluster has no workers")
    mine = extractor_version()
    other = {worker: version for worker, version in versions.items() if version != mine}
    if other:
        worker, version = next(iter(other.items()))
        raise DaskEngineError(
            f"{len(other)} Dask worker(s) run another version of this project's core (e.g. {worker}: "
            f"extractor {version[:12]}, here {mine[:12]}); install the same checkout on the workers")
    return len(versions)


def extract_on_dask(client, jobs: list[tuple[str, str]], partition: int = DEFAULT_PARTITION,
                    stats: DaskStats | None = None, progress: Progress | None = None) -> list[DocumentExtraction]:
    """extract_document over (text, published) pairs on the cluster's workers, results in order.

    `progress(done, len(jobs))` (core.run.progress) is called in this thread as each partition's
    results arrive, in the order they finish.
    """
    if not jobs:
        return []
    size = max(1, partition)
    chunks = [jobs[k:k + size] for k in range(0, len(jobs), size)]
    if stats is not None:
        stats.partitions = len(chunks)
    # The texts go to the workers by scatter (not inside the task graph, which the scheduler would
    # hold); pure=False: every partition is its own task even if two were equal.
    try:
        data = client.scatter(chunks)
        futures = client.map(_extract_partition, data, pure=False)
        if progress is not None:
            size_of = {future.key: len(chunk) for future, chunk in zip(futures, chunks)}
            done = 0
            for future in import_distributed().as_completed(futures):
                done += size_of[future.key]
                progress(done, len(jobs))
        results = client.gather(futures)
    except Exception as exc:
        if "deserializ" not in str(exc):
            raise
        raise DaskEngineError(
            "the Dask scheduler could not read the tasks: it must be able to import this project's core too; "
            "start it from the same checkout, e.g. PYTHONPATH=/path/to/checkout dask scheduler") from exc
    if stats is not None:
        stats.worker_cpu_s = sum(cpu for cpu, _ in results)
    return [result for _, chunk in results for result in chunk]


def _extract_partition(jobs: list[tuple[str, str]]) -> tuple[float, list[DocumentExtraction]]:
    """One task: (CPU seconds the worker spent, extract_many(jobs))."""
    started = time.process_time()
    results = extract_many(jobs)
    return time.process_time() - started, results


def load_corpus(folder: str | Path, *, scheduler: str | None = None, workers: int = 2,
                cache: bool | str | Path | ExtractionCache = True, max_bytes: int = DEFAULT_MAX_BYTES,
                partition: int | None = None, processes: bool = True, client=None,
                stats: DaskStats | None = None, progress: Progress | None = None) -> Corpus:
    """core.run.pipeline.load_corpus with the extraction of uncached documents on Dask.

    `scheduler`: address of an existing Dask scheduler (e.g. tcp://10.0.0.5:8786); None starts a
    LocalCluster of `workers` processes (threads when processes=False) for this call, only if
    something is left to extract. `client`: an open distributed.Client to use instead (left open).
    `partition`: documents per task (default: up to 64, at least four tasks per worker). Raises
    CorpusFolderError for an unusable folder and DaskEngineError when Dask is missing or the
    cluster cannot be used. `progress`: as core.run.pipeline.load_corpus's (core.run.progress).
    """
    stats = stats if stats is not None else DaskStats()
    if isinstance(workers, bool) or not isinstance(workers, int) or workers < 1:
        raise ValueError(f"workers must be a positive int, not {workers!r}")
    import_distributed()  # fail before reading a large folder

    def extract(jobs: list[tuple[str, str]]) -> list[DocumentExtraction]:
        stats.extracted = len(jobs)
        if not jobs:
            return []
        t0 = time.perf_counter()
        if client is not None:
            return _run(client, jobs, partition, stats, t0, progress)
        with _Cluster(scheduler, workers, processes) as own:
            return _run(own, jobs, partition, stats, t0, progress)

    t0 = time.perf_counter()
    corpus = pipeline_load_corpus(folder, cache=cache, max_bytes=max_bytes, extract=extract, progress=progress)
    stats.total_s = time.perf_counter() - t0
    stats.documents = len(corpus.documents)
    return corpus


def _run(client, jobs, partition, stats: DaskStats, started: float,
         progress: Progress | None = None) -> list[DocumentExtraction]:
    stats.workers = check_workers(client)
    stats.cluster_s = time.perf_counter() - started
    if partition is None:
        partition = max(1, min(DEFAULT_PARTITION, math.ceil(len(jobs) / (stats.workers * 4))))
    t0 = time.perf_counter()
    fresh = extract_on_dask(client, jobs, partition, stats, progress)
    stats.extract_s = time.perf_counter() - t0
    return fresh
