"""Command line: `python -m core export FOLDER --out DIR` and `python -m core evaluate GOLD_DIR`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.ingest import CorpusFolderError


def export(folder: Path, out: Path, *, engine: str = "local", scheduler: str | None = None,
           workers: int | None = None, fmt: str = "csv") -> int:
    from core.engine import load, write_csv, write_parquet
    try:
        corpus = load(folder, engine=engine, scheduler=scheduler, workers=workers)
    except CorpusFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:  # core.dask_engine.DaskEngineError: Dask missing, scheduler unreachable
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for message in corpus.messages:
        print(f"warning: {message}", file=sys.stderr)
    for row in corpus.documents.itertuples(index=False):
        if row.status != "ok":
            print(f"{row.status}: {row.doc}: {row.message}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    names = write_parquet(corpus, out) if fmt == "parquet" else write_csv(corpus, out)
    from core.reference import export_reference_tables
    written = export_reference_tables(corpus.rankings, out)
    names += [p.name for p in written]
    print(f"wrote {', '.join(names)} to {out} ({len(corpus.documents)} documents, {len(corpus.events)} events, "
          f"{len(corpus.participants)} participants, {len(corpus.rankings)} ranking claims)")
    return 0


def evaluate_cmd(folder: Path, gold: Path | None) -> int:
    from core.evaluate import evaluate
    try:
        result = evaluate(folder, gold)
    except CorpusFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for line in result.lines():
        print(line)
    if result.misses:
        print("misses:")
        for miss in result.misses:
            print(f"  {miss}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m core", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    p_export = sub.add_parser("export", help="extract FOLDER's articles and write the tables as CSV")
    p_export.add_argument("folder", type=Path)
    p_export.add_argument("--out", type=Path, required=True)
    p_export.add_argument("--engine", choices=("local", "dask"), default="local",
                          help="local: processes on this machine; dask: Dask distributed (requirements-dask.txt)")
    p_export.add_argument("--scheduler", default=None, metavar="ADDRESS",
                          help="Dask scheduler address (e.g. tcp://host:8786); default: a local cluster")
    p_export.add_argument("--workers", type=int, default=None,
                          help="processes: local engine default 1, local Dask cluster default 2")
    p_export.add_argument("--format", choices=("csv", "parquet"), default="csv", dest="fmt",
                          help="csv: one file per table; parquet: a folder of part files per table")
    p_eval = sub.add_parser("evaluate", help="score extraction against gold JSON annotations")
    p_eval.add_argument("folder", type=Path, help="articles (*.txt) with manifest.csv; gold JSON beside them")
    p_eval.add_argument("--gold", type=Path, default=None, help="gold JSON folder if not FOLDER itself")
    args = parser.parse_args(argv)
    if args.command == "export":
        if args.workers is not None and args.workers < 1:
            parser.error("--workers must be at least 1")
        if args.scheduler and args.engine != "dask":
            parser.error("--scheduler needs --engine dask")
        return export(args.folder, args.out, engine=args.engine, scheduler=args.scheduler, workers=args.workers,
                      fmt=args.fmt)
    return evaluate_cmd(args.folder, args.gold)


if __name__ == "__main__":
    sys.exit(main())
