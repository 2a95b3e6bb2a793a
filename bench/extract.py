r"""Extraction throughput at scale: floor vs full load_corpus, scaling, memory, 2 processes, incremental.

Run: python bench/extract.py [--sizes 100,1000,10000] [--profile-size 1000] [--repeat 5] [--stages 3]
                             [--folders ../shared/devset,../shared/devset_r] [--instructions 100]

Every measurement runs in its own Python process (so peak memory, ru_maxrss, is that measurement's
alone, and no lexicon or memo is warm from an earlier one) and prints one JSON line; this script
collects them, prints the figures and writes bench/out/extract_results.json.
  bare   read each article file (bytes, UTF-8 decode) + str.translate (harakat and tatweel
         removed) + re.findall(r"\w+"): the cheapest pass that still looks at every word
  floor  read each article file (bytes, UTF-8 decode) + core.text.normalize.normalize + tokenize
  full   core.load_corpus(folder, cache=False, workers=1): ingest, extraction, tables
  ingest core.reading.ingest.read_corpus alone (the serial part load_corpus does before extracting)
  full2  the same as full with workers=2
  cold / warm / incremental  load_corpus with a cache folder: filled (workers=2), all hits, and
         after adding one article (re-extracts exactly one)
With --repeat N, bare and full run N more times in turn at the largest size, and full / bare by CPU
time is printed as min / median / max: on a shared machine one pair of runs can differ by a third
from the next (the bare pass alone took 0.8-1.5 s on 1,000 articles in one hour), so the figure to
hold is the spread, not one run.
With --stages N, load_corpus runs N more times at the largest size (each in its own process, as
full) with every stage timed by CPU time around its call, no profiler (STAGES: the reading, each
step of the analysis pass, the two decision stages, the tables, the reviews and the stories), and
each stage's seconds and share of the run are printed as min / median / max: where the CPU goes,
to compare one change or one machine with another stage by stage.
With --folders A,B, the same bare and full (and --stages) on folders of real articles too, each
folder on its own: the synthetic corpus recombines the seeds' sentences, so 1,000 of its articles
hold under 2,000 distinct words, where real articles bring new words all along, and every new word
is classified once per process (core.text.lexindex); the distinct words of each folder are printed.
With --instructions N (valgrind installed), the instructions that bare and full execute on N synthetic
articles, counted by valgrind's callgrind with a fixed hash seed: the same count for the same code and
articles however loaded the machine is (identical runs agree to 0.1 %, where their CPU times differ by a
fifth), so a change to the extractor shows its effect in one run of each of two checkouts. It is no
clock: the two passes execute instructions at different rates, so their ratio is not the CPU-time one.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as synthetic  # noqa: E402  (bench/corpus.py)

OUT = ROOT / "bench" / "out"
WORD = re.compile(r"\w+")
BARE_DELETE = [0x0640] + list(range(0x064B, 0x0653))  # tatweel and harakat (U+064B..U+0652)
CACHE = OUT / "cache_extract"


def _articles(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix == ".txt")


def bare_words(path: Path, table: dict[int, None]) -> list[str]:
    """The bare pass over one article: its bytes decoded as UTF-8, `table` (harakat and tatweel)
    deleted, its \\w+ words."""
    with open(path, "rb") as fh:
        return WORD.findall(fh.read().decode("utf-8").translate(table))


def _usage() -> dict:
    own = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"maxrss_mb": own.ru_maxrss / 1024, "children_maxrss_mb": kids.ru_maxrss / 1024,
            "cpu_s": own.ru_utime + own.ru_stime, "children_cpu_s": kids.ru_utime + kids.ru_stime}


def measure(kind: str, folder: Path, workers: int = 1) -> dict:
    """One measurement in this process; returns its figures."""
    import core
    from core.store.cache import ExtractionCache
    from core.reading.ingest import read_corpus
    from core.text.normalize import normalize, tokenize

    files = _articles(folder)
    size = sum(p.stat().st_size for p in files)
    extra: dict = {}
    warm = time.perf_counter()
    core.extract_document("زار وفد من الكويت مملكة البحرين في 25 يونيو 2013", "2013")  # lexicons
    extra["warmup_s"] = time.perf_counter() - warm
    start, cpu_start = time.perf_counter(), time.process_time()
    if kind == "bare":
        table = dict.fromkeys(BARE_DELETE, None)
        extra["tokens"] = sum(len(bare_words(path, table)) for path in files)
    elif kind == "floor":
        tokens = 0
        for path in files:
            with open(path, "rb") as fh:
                text = fh.read().decode("utf-8")
            tokens += len(tokenize(normalize(text)))
        extra["tokens"] = tokens
    elif kind == "start":
        pass  # the start-up and the first call alone: what --instructions takes off the other counts
    elif kind == "ingest":
        docs, _ = read_corpus(folder)
        extra["documents"] = len(docs)
    elif kind in ("full", "full2"):
        corpus = core.load_corpus(folder, cache=False, workers=workers)
        extra.update(events=len(corpus.events), rankings=len(corpus.rankings), participants=len(corpus.participants))
    elif kind in ("cold", "warm", "incremental"):
        store = ExtractionCache(CACHE)
        corpus = core.load_corpus(folder, cache=store, workers=workers)
        extra.update(store.stats.as_dict(), events=len(corpus.events))
    else:
        raise SystemExit(f"unknown measurement {kind}")
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return {"kind": kind, "folder": str(folder), "docs": len(files), "bytes": size, "wall_s": wall,
            "measured_cpu_s": cpu, "workers": workers, **extra, **_usage()}


# (module, name looked up there, label, the label of the stage it runs inside; "" for load_corpus itself).
# A stage is timed where its caller looks it up, so a call from elsewhere is not counted twice.
STAGES = [
    ("core.run.pipeline", "read_corpus", "read the folder", ""),
    ("core.run.pipeline", "extract_many", "extraction", ""),
    ("core.run.pipeline", "build_context", "analysis pass (build_context)", "extraction"),
    ("core.text.context", "normalize", "normalize", "analysis pass (build_context)"),
    ("core.text.context", "tokenize_columns", "tokenize", "analysis pass (build_context)"),
    ("core.text.context", "TokenIndex", "lexicon index (TokenIndex)", "analysis pass (build_context)"),
    ("core.text.context", "sentences", "sentences", "analysis pass (build_context)"),
    ("core.text.context", "clauses", "clauses", "analysis pass (build_context)"),
    ("core.text.context", "find_mentions", "state mentions", "analysis pass (build_context)"),
    ("core.text.context", "find_dates", "dates", "analysis pass (build_context)"),
    ("core.text.context", "tag_tokens", "word groups", "analysis pass (build_context)"),
    ("core.text.context", "resolve", "subject and short forms", "analysis pass (build_context)"),
    ("core.run.pipeline", "find_rank_claims", "rank claims", "extraction"),
    ("core.run.pipeline", "find_events", "events", "extraction"),
    ("core.run.pipeline", "build_corpus", "tables", ""),
    ("core.run.pipeline", "apply_reviews", "reviews", ""),
    ("core.run.pipeline", "with_stories", "stories", ""),
]


def _timed(function, label: str, spent: dict[str, float]):
    def timed(*args, **kwargs):
        start = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - start
    return timed


def stages(folder: Path) -> dict:
    """load_corpus(folder, cache=False) with each stage of STAGES timed (CPU time); the seconds by label,
    the run's total under "load_corpus"."""
    import importlib

    import core

    spent = dict.fromkeys([label for _, _, label, _ in STAGES], 0.0)
    originals = []
    try:
        for module_name, name, label, _ in STAGES:
            module = importlib.import_module(module_name)
            if not callable(getattr(module, name, None)):
                raise SystemExit(f"stage {label!r}: {module_name}.{name} is gone; update STAGES in bench/extract.py")
            originals.append((module, name, getattr(module, name)))
            setattr(module, name, _timed(getattr(module, name), label, spent))
        core.extract_document("زار وفد من الكويت مملكة البحرين في 25 يونيو 2013", "2013")  # lexicons
        for label in spent:
            spent[label] = 0.0
        start = time.process_time()
        core.load_corpus(folder, cache=False, workers=1)
        spent["load_corpus"] = time.process_time() - start
    finally:  # the stages as they were (a caller in this process goes on untimed)
        for module, name, function in reversed(originals):
            setattr(module, name, function)
    return spent


def stage_table(runs: list[dict]) -> str:
    """The stages of several runs: seconds and share of load_corpus, min / median / max, nested by parent;
    "other" is what a stage spends outside the stages timed inside it."""
    def line(label: str, values: list[float], depth: int) -> str:
        shares = [v / r["load_corpus"] for v, r in zip(values, runs)]
        return (f"  {'  ' * depth}{label:<{34 - 2 * depth}} {spread(values):>23} s   "
                f"{min(shares):6.1%} / {statistics.median(shares):6.1%} / {max(shares):6.1%}")

    lines = [f"  {'stage':<34} {'CPU s min / median / max':>23}     share of load_corpus"]

    def walk(parent: str, depth: int) -> None:
        children = [label for _, _, label, up in STAGES if up == parent]
        for label in children:
            lines.append(line(label, [r[label] for r in runs], depth))
            walk(label, depth + 1)
        if children:
            total = [r[parent or "load_corpus"] - sum(r[c] for c in children) for r in runs]
            lines.append(line("other", total, depth))

    lines.append(line("load_corpus", [r["load_corpus"] for r in runs], 0))
    walk("", 1)
    return "\n".join(lines)


def distinct_words(folder: Path) -> int:
    """The distinct words of a folder's articles, as the bare pass reads them."""
    table = dict.fromkeys(BARE_DELETE, None)
    return len(set().union(*(bare_words(path, table) for path in _articles(folder))))


def real_folders(folders: list[Path], rounds: int, stage_runs: int) -> dict:
    """bare and full `rounds` times in turn on each folder of real articles (and `stage_runs` stage
    splits); prints a line per folder and returns the figures."""
    results: dict = {}
    print(f"\nfolders of real articles ({rounds} rounds of bare and full in turn, CPU time, min / median / max):")
    for folder in folders:
        bares, fulls = [], []
        for _ in range(rounds):
            bares.append(run_child("bare", str(folder), "1"))
            fulls.append(run_child("full", str(folder), "1"))
        cpu_bare = [r["measured_cpu_s"] for r in bares]
        cpu_full = [r["measured_cpu_s"] for r in fulls]
        ratios = [b / f for b, f in zip(cpu_bare, cpu_full)]
        docs, size = fulls[0]["docs"], fulls[0]["bytes"]
        results[str(folder)] = {"docs": docs, "bytes": size, "distinct_words": distinct_words(folder),
                                "bare_cpu_s": cpu_bare, "full_cpu_s": cpu_full, "full_over_bare_cpu": ratios}
        print(f"  {folder.name}: {docs} articles, {size / 1e6:.2f} MB, {results[str(folder)]['distinct_words']} "
              f"distinct words; bare {spread(cpu_bare)} s; full {spread(cpu_full)} s "
              f"({docs / statistics.median(cpu_full):.0f} articles/s); full/bare {spread(ratios)}")
        if stage_runs:
            runs = [run_child("stages", str(folder), "1") for _ in range(stage_runs)]
            results[str(folder)]["stages"] = runs
            print(stage_table(runs))
    return results


def profile(folder: Path, top: int = 15) -> str:
    """cProfile of load_corpus(folder, cache=False): top functions by cumulative and by own time."""
    import core

    core.extract_document("زار وفد من الكويت مملكة البحرين", "2015")  # lexicons loaded outside the profile
    prof = cProfile.Profile()
    prof.enable()
    core.load_corpus(folder, cache=False)
    prof.disable()
    out = io.StringIO()
    stats = pstats.Stats(prof, stream=out)
    stats.strip_dirs()
    for order in ("cumulative", "tottime"):
        out.write(f"\n--- top {top} by {order} ---\n")
        stats.sort_stats(order).print_stats(top)
    return out.getvalue()


def collected(stderr: str) -> int:
    """The instruction count on callgrind's "==pid== Collected : N" line of its report (stderr)."""
    found = re.findall(r"^==\d+== Collected : (\d+)\s*$", stderr, re.MULTILINE)
    if len(found) != 1:
        raise ValueError(f"{len(found)} 'Collected :' lines in callgrind's report, not one")
    return int(found[0])


def count_instructions(valgrind: str, kind: str, folder: Path) -> int:
    """The instructions one measurement process (`kind` on `folder`, start-up included) executes, counted
    by valgrind's callgrind, with a fixed hash seed (sets and dicts of strings iterate in one order)."""
    with tempfile.TemporaryDirectory() as tmp:
        proc = _measurement((kind, str(folder), "1"), timeout=7200, env={**os.environ, "PYTHONHASHSEED": "0"},
                            under=(valgrind, "--tool=callgrind", f"--callgrind-out-file={tmp}/callgrind.out"))
    return collected(proc.stderr)


def instructions(valgrind: str, folder: Path) -> dict:
    """Instructions of bare and full on `folder` beyond the start-up (a process that only starts and makes
    the first call), in millions; each count in its own process, one after the other."""
    start = count_instructions(valgrind, "start", folder)
    bare, full = (count_instructions(valgrind, kind, folder) - start for kind in ("bare", "full"))
    docs = len(_articles(folder))
    return {"docs": docs, "start_m": start / 1e6, "bare_m": bare / 1e6, "full_m": full / 1e6,
            "full_per_article_m": full / 1e6 / docs, "bare_over_full": bare / full}


def _measurement(args: tuple[str, ...], timeout: float = 3600, env: dict[str, str] | None = None,
                 under: tuple[str, ...] = ()) -> subprocess.CompletedProcess:
    """One measurement (this script's `--child` arguments) in a fresh interpreter, run `under` another
    command (valgrind) when given; the finished process, or SystemExit with the end of its stderr."""
    proc = subprocess.run([*under, sys.executable, __file__, "--child", *args], capture_output=True, text=True,
                          timeout=timeout, cwd=ROOT, env=env)
    if proc.returncode != 0:
        how = f" under {Path(under[0]).name}" if under else ""
        raise SystemExit(f"measurement {args}{how} failed:\n{proc.stderr[-3000:]}")
    return proc


def run_child(*args: str) -> dict:
    """Run one measurement in a fresh interpreter; returns its JSON figures plus the load average."""
    load_before = os.getloadavg()[0]
    proc = _measurement(args)
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result["loadavg_before"] = load_before
    result["loadavg_after"] = os.getloadavg()[0]
    return result


def machine() -> dict:
    model = ""
    with open("/proc/cpuinfo", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo", encoding="utf-8") as fh:
        mem_kb = int(next(line for line in fh if line.startswith("MemTotal")).split()[1])
    return {"nproc": os.cpu_count(), "memory_gb": round(mem_kb / 1024 / 1024, 1), "cpu": model,
            "python": sys.version.split()[0]}


def rate(r: dict, clock: str = "wall_s") -> tuple[float, float]:
    """(documents/s, MB/s) of a measurement, by wall time or (clock="measured_cpu_s") CPU time."""
    return r["docs"] / r[clock], r["bytes"] / 1e6 / r[clock]


def spread(values: list[float]) -> str:
    """min / median / max of `values`."""
    return f"{min(values):.3f} / {statistics.median(values):.3f} / {max(values):.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,10000", help="comma-separated corpus sizes")
    parser.add_argument("--profile-size", type=int, default=1000, help="corpus size to profile (0: no profile)")
    parser.add_argument("--repeat", type=int, default=0,
                        help="bare and full again this many times, in turn, at the largest size (spread of full/bare)")
    parser.add_argument("--stages", type=int, default=0,
                        help="time each stage of load_corpus this many times at the largest size (min / median / max)")
    parser.add_argument("--folders", default="",
                        help="comma-separated folders of real articles to measure too (bare, full, --stages)")
    parser.add_argument("--instructions", type=int, default=0,
                        help="count the instructions of bare and full on this many articles (valgrind)")
    parser.add_argument("--child", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        kind, folder, workers = args.child[0], Path(args.child[1]), int(args.child[2])
        if kind == "profile":
            print(json.dumps({"kind": "profile", "text": profile(folder)}))
        elif kind == "stages":
            print(json.dumps(stages(folder)))
        else:
            print(json.dumps(measure(kind, folder, workers)))
        return 0

    sizes = [int(s) for s in args.sizes.split(",") if s.strip()]
    info = machine()
    print(f"machine: {info['nproc']} CPUs ({info['cpu']}), {info['memory_gb']} GB, Python {info['python']}; "
          f"load average now {os.getloadavg()[0]:.2f}")
    folders = {n: synthetic.build_corpus(n) for n in sizes}
    results: dict = {"machine": info, "sizes": {}}
    print("\nthroughput after start-up (imports, lexicons) by wall time; [by CPU time of the process]")
    header = (f"{'docs':>6} {'MB':>6} | {'floor docs/s':>12} {'MB/s':>13} | {'full docs/s':>11} {'MB/s':>13} | "
              f"{'full/floor MB/s':>15} | {'full/bare':>15} | {'peak RSS MB':>11} | load")
    print(header + "\n" + "-" * len(header))
    for n in sizes:
        bare = run_child("bare", str(folders[n]), "1")
        floor = run_child("floor", str(folders[n]), "1")
        full = run_child("full", str(folders[n]), "1")
        results["sizes"][n] = {"bare": bare, "floor": floor, "full": full}
        (fd, fm), (ud, um), bm = rate(floor), rate(full), rate(bare)[1]
        fmc, umc = rate(floor, "measured_cpu_s")[1], rate(full, "measured_cpu_s")[1]
        bmc = rate(bare, "measured_cpu_s")[1]
        print(f"{n:>6} {full['bytes'] / 1e6:>6.1f} | {fd:>12.0f} {fm:>5.2f} [{fmc:>5.2f}] | {ud:>11.0f} "
              f"{um:>5.2f} [{umc:>5.2f}] | {um / fm:>6.3f} [{umc / fmc:.3f}] | {um / bm:>6.3f} [{umc / bmc:.3f}] | "
              f"{full['maxrss_mb']:>11.0f} | {full['loadavg_before']:.1f}")
    print(f"start-up of the extractor (lexicons, first call): {full['warmup_s']:.2f} s; "
          "peak RSS includes the interpreter, pandas and the lexicons")
    largest, folder = sizes[-1], folders[sizes[-1]]
    if len(sizes) > 1:
        small = sizes[-2]
        scale = rate(results["sizes"][largest]["full"])[0] / rate(results["sizes"][small]["full"])[0]
        scale_cpu = (rate(results["sizes"][largest]["full"], "measured_cpu_s")[0]
                     / rate(results["sizes"][small]["full"], "measured_cpu_s")[0])
        results["scaling"] = {"from": small, "to": largest, "throughput_ratio": scale, "cpu_ratio": scale_cpu}
        print(f"\nscaling {small} -> {largest} docs: throughput ratio {scale:.2f} by wall time, {scale_cpu:.2f} "
              "by CPU time (1.00 = linear)")

    if args.repeat:
        ratios, bares, fulls = [], [], []
        for _ in range(args.repeat):
            bare, full = run_child("bare", str(folder), "1"), run_child("full", str(folder), "1")
            bares.append(bare["measured_cpu_s"])
            fulls.append(full["measured_cpu_s"])
            ratios.append(rate(full, "measured_cpu_s")[1] / rate(bare, "measured_cpu_s")[1])
        results["repeat"] = {"size": largest, "full_over_bare_cpu": ratios, "bare_cpu_s": bares, "full_cpu_s": fulls}
        print(f"\n{largest} docs, bare and full {args.repeat} more times in turn (CPU time, min / median / max): "
              f"full/bare {spread(ratios)}; bare {spread(bares)} s; full {spread(fulls)} s")

    if args.stages:
        runs = [run_child("stages", str(folder), "1") for _ in range(args.stages)]
        results["stages"] = {"size": largest, "runs": runs}
        print(f"\n{largest} docs, where load_corpus's CPU goes ({args.stages} runs, each in its own process; "
              "timed around each stage's call, no profiler):")
        print(stage_table(runs))

    if args.instructions:
        valgrind = shutil.which("valgrind")
        if valgrind is None:
            print("\n--instructions: valgrind is not installed (Debian: apt install valgrind); not counted")
        else:
            counts = results["instructions"] = instructions(valgrind, synthetic.build_corpus(args.instructions))
            print(f"\ninstructions on {counts['docs']} articles (valgrind callgrind, PYTHONHASHSEED=0; millions, "
                  f"beyond a start-up of {counts['start_m']:,.0f}): bare {counts['bare_m']:,.0f}, full "
                  f"{counts['full_m']:,.0f} ({counts['full_per_article_m']:.1f} per article); bare/full "
                  f"{counts['bare_over_full']:.3f} by instructions (a count, not a clock: see bench/extract.py's docstring)")

    if args.folders:
        real = [Path(f).expanduser() for f in args.folders.split(",") if f.strip()]
        results["folders"] = real_folders(real, max(args.repeat, 3), args.stages)

    ingest = run_child("ingest", str(folder), "1")
    full1 = results["sizes"][largest]["full"]
    full2 = run_child("full2", str(folder), "2")
    speedup = full1["wall_s"] / full2["wall_s"]
    extract_speedup = (full1["wall_s"] - ingest["wall_s"]) / max(1e-9, full2["wall_s"] - ingest["wall_s"])
    results["workers"] = {"ingest": ingest, "full2": full2, "speedup": speedup, "extract_speedup": extract_speedup}
    print(f"\n{largest} docs, 2 processes: {full2['wall_s']:.1f} s vs {full1['wall_s']:.1f} s on one -> "
          f"speed-up {speedup:.2f}x (extraction stage alone {extract_speedup:.2f}x; the serial ingest "
          f"read_corpus takes {ingest['wall_s']:.1f} s); peak RSS parent {full2['maxrss_mb']:.0f} MB, "
          f"largest worker {full2['children_maxrss_mb']:.0f} MB; load {full2['loadavg_before']:.1f}")

    shutil.rmtree(CACHE, ignore_errors=True)
    cold = run_child("cold", str(folder), "2")
    warm = run_child("warm", str(folder), "1")
    added = synthetic.add_article(folder)
    try:
        incremental = run_child("incremental", str(folder), "1")
    finally:
        synthetic.remove_article(added)
    results["incremental"] = {"cold": cold, "warm": warm, "incremental": incremental}
    print(f"\ncache, {largest} docs: fill {cold['wall_s']:.1f} s (2 processes, {cold['extracted']} extracted); "
          f"warm load {warm['wall_s']:.1f} s ({warm['hits']} hits, {warm['extracted']} extracted); "
          f"after adding one article {incremental['wall_s']:.1f} s ({incremental['extracted']} re-extracted, "
          f"{incremental['hits']} hits); ingest alone {ingest['wall_s']:.1f} s")

    if args.profile_size:
        pfolder = synthetic.build_corpus(args.profile_size)
        prof = run_child("profile", str(pfolder), "1")
        results["profile"] = prof["text"]
        print(f"\nprofile of load_corpus on {args.profile_size} docs (cProfile; times inflated by profiling):")
        print(prof["text"])
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "extract_results.json").write_text(json.dumps(results, indent=1, default=str), encoding="utf-8")
    print(f"figures written to {(OUT / 'extract_results.json').relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
