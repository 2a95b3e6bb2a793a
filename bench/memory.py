"""Peak memory of `python -m core export` on a synthetic corpus (default 10,000 articles; target <= 1 GB).

Run: python bench/memory.py [--size 10000] [--workers 1,2] [--format csv]

Each case runs in a fresh measuring process (`--measure`), whose only child is the export, with an
empty extraction cache (every article is extracted) and no progress bar. Figures per case:
  peak_rss_mb   resource.getrusage(RUSAGE_CHILDREN).ru_maxrss of the measuring process: the peak
                resident set of the largest single process among the export and the worker
                processes it started (the kernel's figure, not sampled)
  tree_peak_mb  the largest sum of VmRSS over the export and its worker processes, sampled from
                /proc every 50 ms (with --workers 2 the processes share pages: this overcounts)
  wall_s, cpu_s the export's elapsed time and its CPU time, children included
Prints one line per case and writes bench/out/memory_results.json.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import corpus as synthetic  # noqa: E402  (bench/corpus.py)

OUT = ROOT / "bench" / "out"
TARGET_MB = 1024
SAMPLE_S = 0.05


def vm_rss_mb(pid: int) -> float:
    """VmRSS of a process in MB from /proc/<pid>/status (0 when it has ended)."""
    try:
        with open(f"/proc/{pid}/status", encoding="utf-8") as fh:
            for line in fh:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def descendants(pid: int) -> list[int]:
    """pid and every process below it, from /proc/<pid>/task/<tid>/children (Linux 3.5+)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="utf-8") as fh:
                    todo.extend(int(child) for child in fh.read().split())
        except OSError:
            continue
    return found


def sample_tree(pid: int, stop: threading.Event, peak: list[float]) -> None:
    while not stop.is_set():
        peak[0] = max(peak[0], sum(vm_rss_mb(p) for p in descendants(pid)))
        stop.wait(SAMPLE_S)


def measure(folder: Path, workers: int, fmt: str) -> dict:
    """Run the export as this process's only child; its figures (see the module doc)."""
    scratch = Path(tempfile.mkdtemp(prefix="egov-bench-memory-"))
    env = {**os.environ, "EGOV_CACHE_DIR": str(scratch / "cache"), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "core", "export", str(folder), "--out", str(scratch / "out"),
           "--workers", str(workers), "--format", fmt, "--quiet"]
    peak, stop = [0.0], threading.Event()
    try:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        sampler = threading.Thread(target=sample_tree, args=(proc.pid, stop, peak), daemon=True)
        sampler.start()
        out, err = proc.communicate()
        wall = time.perf_counter() - start
        stop.set()
        sampler.join()
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"workers": workers, "format": fmt, "returncode": proc.returncode, "wall_s": wall,
            "cpu_s": usage.ru_utime + usage.ru_stime, "peak_rss_mb": usage.ru_maxrss / 1024,
            "tree_peak_mb": peak[0], "stdout": out.strip()[-300:], "stderr": err.strip()[-300:]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=10000, help="synthetic articles (bench/corpus.py)")
    parser.add_argument("--workers", default="1", help="comma-separated --workers of the export, one case each")
    parser.add_argument("--format", choices=("csv", "parquet"), default="csv", dest="fmt")
    parser.add_argument("--measure", type=Path, default=None, help=argparse.SUPPRESS)  # one case, in a child
    args = parser.parse_args(argv)
    if args.measure is not None:
        print(json.dumps(measure(args.measure, int(args.workers), args.fmt)))
        return 0
    folder = synthetic.build_corpus(args.size)
    files = sorted(folder.glob("*.txt"))
    mb = sum(p.stat().st_size for p in files) / 1e6
    print(f"{len(files):,} articles ({mb:.1f} MB) in {folder.relative_to(ROOT)}; {os.cpu_count()} CPUs, "
          f"load average {os.getloadavg()[0]:.2f}")
    results = []
    for workers in (int(w) for w in args.workers.split(",")):
        child = subprocess.run([sys.executable, __file__, "--measure", str(folder), "--workers", str(workers),
                                "--format", args.fmt], capture_output=True, text=True, check=True)
        r = json.loads(child.stdout.splitlines()[-1])
        r.update(articles=len(files), megabytes=mb, loadavg_after=os.getloadavg()[0])
        results.append(r)
        verdict = "within" if r["peak_rss_mb"] <= TARGET_MB else "OVER"
        print(f"workers {workers} ({args.fmt}): peak RSS {r['peak_rss_mb']:.0f} MB largest process "
              f"({verdict} the {TARGET_MB} MB target), {r['tree_peak_mb']:.0f} MB all processes (sampled); "
              f"{r['wall_s']:.1f} s wall, {r['cpu_s']:.1f} s CPU; exit {r['returncode']}"
              + (f"\n  stderr: {r['stderr']}" if r["returncode"] else ""))
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "memory_results.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(f"figures written to {(OUT / 'memory_results.json').relative_to(ROOT)}")
    return 0 if all(r["returncode"] == 0 for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
