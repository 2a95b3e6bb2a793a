"""Warm start from the corpus snapshot vs the per-document cache, on a large synthetic folder.

Run: python bench/snapshot.py [--size 10000] [--cache-dir DIR] [--repeat 5]

Prints (medians of --repeat where repeated): the folder fingerprint (one stat per file); a warm
start from the snapshot (core.run.snapshot.load_corpus, hit); the same load without the snapshot
(core.run.pipeline.load_corpus with every document in the extraction cache: ingest every file + one
cache read per document + the tables); after adding one article, the reload (documents
extracted, time) and the snapshot read after it; then the article is removed again. The cache is
filled first if needed (two processes). No asserts on time: figures for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as synthetic  # noqa: E402  (bench/corpus.py)


def timed(func, repeat: int) -> tuple[float, list[float], object]:
    times, result = [], None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = func()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), times, result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000)
    parser.add_argument("--cache-dir", type=Path, default=None, help="extraction cache to use (kept); default: a new one")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    from core.run import pipeline
    from core.run import snapshot
    from core.store.cache import ExtractionCache

    folder = synthetic.build_corpus(args.size)
    cache = args.cache_dir or Path(tempfile.mkdtemp(prefix="egov-bench-snapshot-"))
    snaps = cache / "snapshots"
    print(f"{args.size} articles; {os.cpu_count()} CPUs; load average {os.getloadavg()[0]:.2f}")
    stats = snapshot.SnapshotStats()
    t0 = time.perf_counter()
    snapshot.load_corpus(folder, cache=cache, snapshots=snaps, workers=2, stats=stats)
    print(f"prepare (fill the cache if empty, write the snapshot): {time.perf_counter() - t0:.1f} s, "
          f"extracted {stats.extracted}, snapshot {'read' if stats.hit else 'written'}")

    med, runs, _ = timed(lambda: snapshot.folder_fingerprint(folder), args.repeat)
    print(f"fingerprint of {args.size + 1} files: median {1000 * med:.1f} ms [{', '.join(f'{1000 * x:.0f}' for x in runs)}]")

    def warm():
        s = snapshot.SnapshotStats()
        snapshot.load_corpus(folder, cache=cache, snapshots=snaps, stats=s)
        assert s.hit
    med, runs, _ = timed(warm, args.repeat)
    print(f"warm start from the snapshot: median {med:.2f} s [{', '.join(f'{x:.2f}' for x in runs)}]")

    def cached():
        store = ExtractionCache(cache)
        pipeline.load_corpus(folder, cache=store)
        assert store.stats.extracted == 0
    med2, runs, _ = timed(cached, max(1, args.repeat // 2))
    print(f"the same without the snapshot (ingest + {args.size} cache reads + tables): median {med2:.2f} s "
          f"[{', '.join(f'{x:.2f}' for x in runs)}]; snapshot {med2 / med:.1f}x faster")

    added = synthetic.add_article(folder)
    try:
        store = ExtractionCache(cache)
        s = snapshot.SnapshotStats()
        t0 = time.perf_counter()
        snapshot.load_corpus(folder, cache=store, snapshots=snaps, stats=s)
        print(f"one article added: reload {time.perf_counter() - t0:.2f} s, {store.stats.extracted} extracted, "
              f"{store.stats.hits} from the cache, snapshot rewritten: {s.written} (write {s.write_s:.2f} s)")
        s2 = snapshot.SnapshotStats()
        t0 = time.perf_counter()
        snapshot.load_corpus(folder, cache=cache, snapshots=snaps, stats=s2)
        print(f"then a warm start: {time.perf_counter() - t0:.2f} s (snapshot hit: {s2.hit})")
    finally:
        synthetic.remove_article(added)
    s3 = snapshot.SnapshotStats()
    snapshot.load_corpus(folder, cache=cache, snapshots=snaps, stats=s3)  # leave a snapshot of the folder as built
    return 0


if __name__ == "__main__":
    sys.exit(main())
