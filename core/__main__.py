"""Command line: `python -m core export FOLDER --out DIR` and `python -m core evaluate GOLD_DIR`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.csv_safety import write_csv
from core.ingest import CorpusFolderError
from core.pipeline import load_corpus

TABLES = ("documents", "events", "participants", "rankings")


def export(folder: Path, out: Path) -> int:
    try:
        corpus = load_corpus(folder)
    except CorpusFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for message in corpus.messages:
        print(f"warning: {message}", file=sys.stderr)
    for row in corpus.documents.itertuples(index=False):
        if row.status != "ok":
            print(f"{row.status}: {row.doc}: {row.message}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    for name in TABLES:
        write_csv(getattr(corpus, name), out / f"{name}.csv")  # formulas escaped, every field quoted
    from core.reference import export_reference_tables
    written = export_reference_tables(corpus.rankings, out)
    names = [f"{n}.csv" for n in TABLES] + [p.name for p in written]
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
    p_eval = sub.add_parser("evaluate", help="score extraction against gold JSON annotations")
    p_eval.add_argument("folder", type=Path, help="articles (*.txt) with manifest.csv; gold JSON beside them")
    p_eval.add_argument("--gold", type=Path, default=None, help="gold JSON folder if not FOLDER itself")
    args = parser.parse_args(argv)
    if args.command == "export":
        return export(args.folder, args.out)
    return evaluate_cmd(args.folder, args.gold)


if __name__ == "__main__":
    sys.exit(main())
