"""Extraction throughput on Dask distributed: a local cluster of 1 and of 2 workers against the local engine.

Run: python bench/dask_throughput.py [--size 1000] [--repeat 3]

Each run extracts the synthetic corpus (bench/corpus.py) with no extraction cache, so every
document goes to the workers; the tables are compared with the local engine's (they must be
equal). Printed per run: wall time of the whole load (reading the folder, cluster start, the
tasks, the tables), the time of the tasks alone, documents per second on the tasks, and the
machine's load average; then the medians and 2 workers ÷ 1. Needs requirements-dask.txt.
No asserts on time: the figures are for BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as synthetic  # noqa: E402  (bench/corpus.py)

OUT = ROOT / "bench" / "out"
TABLES = ("documents", "events", "participants", "rankings")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per configuration (median reported)")
    parser.add_argument("--partition", type=int, default=None, help="documents per task (default: engine's)")
    args = parser.parse_args(argv)
    from pandas.testing import assert_frame_equal

    from core.run import dask_engine

    from core.run import pipeline

    folder = synthetic.build_corpus(args.size)
    print(f"{args.size} articles in {folder.relative_to(ROOT)}; {os.cpu_count()} CPUs; "
          f"load average {os.getloadavg()[0]:.2f}")
    t0, c0 = time.perf_counter(), time.process_time()
    local = pipeline.load_corpus(folder, cache=False)
    local_s, local_cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"local engine, 1 process: {local_s:.2f} s wall, {local_cpu:.2f} s CPU, "
          f"{args.size / local_s:.0f} docs/s ({1000 * local_cpu / args.size:.2f} ms CPU per document)")
    results: dict[int, list[dict]] = {1: [], 2: []}
    for run in range(args.repeat):
        for workers in (1, 2):
            stats = dask_engine.DaskStats()
            corpus = dask_engine.load_corpus(folder, cache=False, workers=workers, partition=args.partition,
                                             stats=stats)
            for name in TABLES:
                assert_frame_equal(getattr(corpus, name), getattr(local, name), check_exact=True)
            row = {"workers": workers, "total_s": stats.total_s, "cluster_s": stats.cluster_s,
                   "extract_s": stats.extract_s, "partitions": stats.partitions,
                   "docs_per_s": args.size / stats.extract_s, "worker_cpu_s": stats.worker_cpu_s,
                   "loadavg": os.getloadavg()[0]}
            results[workers].append(row)
            print(f"run {run + 1}, {workers} worker(s): total {stats.total_s:6.2f} s (cluster start "
                  f"{stats.cluster_s:.2f} s), tasks {stats.extract_s:6.2f} s = {row['docs_per_s']:5.0f} docs/s, "
                  f"{stats.partitions} tasks, workers' CPU {stats.worker_cpu_s:.2f} s "
                  f"({1000 * stats.worker_cpu_s / args.size:.2f} ms per document), load {row['loadavg']:.2f}; "
                  "tables equal to the local engine's")
    med = {w: statistics.median(r["extract_s"] for r in rows) for w, rows in results.items()}
    med_total = {w: statistics.median(r["total_s"] for r in rows) for w, rows in results.items()}
    print(f"\nmedian of {args.repeat}: tasks 1 worker {med[1]:.2f} s ({args.size / med[1]:.0f} docs/s), "
          f"2 workers {med[2]:.2f} s ({args.size / med[2]:.0f} docs/s): speed-up {med[1] / med[2]:.2f}x; "
          f"whole load {med_total[1]:.2f} s vs {med_total[2]:.2f} s ({med_total[1] / med_total[2]:.2f}x)")
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "dask_results.json").write_text(json.dumps({"size": args.size, "local_s": local_s,
                                                       "local_cpu_s": local_cpu, "runs": results}, indent=1),
                                           encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
