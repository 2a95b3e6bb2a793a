"""Command line: `python -m core export FOLDER --out DIR`, `python -m core evaluate GOLD_DIR`,
`python -m core review FOLDER ACTION ...` (analyst corrections) and `python -m core gold FOLDER --out DIR`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from core.store.csv_safety import write_csv
from core.reading.ingest import CorpusFolderError
from core.run.pipeline import load_corpus


def export(folder: Path, out: Path, *, engine: str = "local", scheduler: str | None = None,
           workers: int | None = None, fmt: str = "csv", quiet: bool = False) -> int:
    """Extract `folder` and write its tables to `out`; a progress bar on stderr when it is a terminal
    and not `quiet` (core.run.progress.TerminalBar). The exit code: 0, or 2 for an unusable folder."""
    from core.run.engine import load, write_parquet, write_tables_csv
    from core.run.progress import TerminalBar
    bar = None if quiet or not sys.stderr.isatty() else TerminalBar(sys.stderr)
    try:
        corpus = load(folder, engine=engine, scheduler=scheduler, workers=workers, progress=bar)
    except CorpusFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except RuntimeError as exc:  # core.run.dask_engine.DaskEngineError: Dask missing, scheduler unreachable
        print(f"error: {exc}", file=sys.stderr)
        return 2
    finally:
        if bar is not None:
            bar.close()
    for message in corpus.messages:
        print(f"warning: {message}", file=sys.stderr)
    for row in corpus.documents.itertuples(index=False):
        if row.status != "ok":
            print(f"{row.status}: {row.doc}: {row.message}", file=sys.stderr)
    out.mkdir(parents=True, exist_ok=True)
    # CSV: core.store.csv_safety (formulas escaped, every field quoted); Parquet: typed columns, kept as they are.
    names = write_parquet(corpus, out) if fmt == "parquet" else write_tables_csv(corpus, out)
    from core.reference import export_reference_tables
    written = export_reference_tables(corpus.rankings, out)
    names += [p.name for p in written] + write_review_tables(corpus, out)
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


def write_review_tables(corpus, out: Path) -> list[str]:
    """rejected.csv: the records the analysts rejected (core.review); the file names written."""
    write_csv(corpus.rejected, out / "rejected.csv")  # formulas escaped, every field quoted
    return ["rejected.csv"]


def _record_line(row, kind: str) -> str:
    from core.review import inert, record_summary
    mark = {"corrected": " [corrected by analyst; extracted " + inert(row.get("extracted")) + "]"}.get(row["review"], "")
    return f"  {row['record_id']}  {kind:<11} {row['review']:<10} {inert(record_summary(kind, row))}{mark}"


def review_cmd(args: argparse.Namespace) -> int:
    from core import review
    folder: Path = args.folder
    try:
        corpus = load_corpus(folder)
    except CorpusFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    try:
        if args.action == "list":
            return _review_list(corpus, args.doc)
        if args.action == "stories":
            from core.review.stories import story_lines
            for line in story_lines(corpus, every=args.all):
                print(review.inert(line))
            return 0
        if args.action == "sentences":
            if args.doc not in corpus.texts:
                raise review.ReviewError(f"no article {review.inert(args.doc)!r} in {folder}")
            for start, end, sentence in review.article_sentences(corpus.texts[args.doc]):
                print(f"{start}:{end}  {review.inert(sentence)}")
            return 0
        if args.action == "undo":
            entry = review.undo_last(folder, args.note)
            done = entry["undoes"]
            print(f"undid {done['action']} of {done['kind']} {done['record']}"
                  + (f" ({done['field']})" if done.get("field") else ""))
            return 0
        if args.action == "set":
            name, sep, value = args.assignment.partition("=")
            if not sep:
                raise review.ReviewError(f"write FIELD=VALUE, not {review.inert(args.assignment)!r}")
            entry = review.set_field(corpus, args.record, name, value, args.note)
            print(f"corrected {entry['field']} of {entry['kind']} {entry['record']}: "
                  f"{review.inert(entry['old'])!s} -> {review.inert(entry['new'])!s}")
        elif args.action in ("confirm", "reject"):
            entry = review.set_status(corpus, args.record, args.action, args.note)
            print(f"{'confirmed' if args.action == 'confirm' else 'rejected'} {entry['kind']} {entry['record']}")
        elif args.action in ("join", "split"):
            from core.review.stories import join_stories, split_report
            if args.action == "join":
                entry = join_stories(corpus, args.first, args.second, args.note)
                print(f"joined the stories of {entry['record']} and {entry['with']['record']}")
            else:
                entry = split_report(corpus, args.event, args.note)
                print(f"took {entry['record']} out of its story")
        elif args.action == "add-participant":
            entry = review.add_participant(corpus, args.event, args.iso3, args.note)
            print(f"added participant {entry['new']['iso3']} to event {args.event}: record {entry['record']}")
        elif args.action in ("add-event", "add-claim"):
            start, sep, end = args.span.partition(":")
            if not sep or not start.strip().isdigit() or not end.strip().isdigit():
                raise review.ReviewError(f"a span is START:END (see `sentences DOC`), not {review.inert(args.span)!r}")
            values = {}
            for item in args.values:
                name, sep, value = item.partition("=")
                if not sep:
                    raise review.ReviewError(f"write FIELD=VALUE, not {review.inert(item)!r}")
                values[name] = value
            add = review.add_event if args.action == "add-event" else review.add_claim
            entry = add(corpus, args.doc, (int(start), int(end)), values, args.note)
            print(f"added {entry['kind']} to {review.inert(args.doc)}: record {entry['record']}")
    except review.ReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except OSError as exc:
        print(f"error: {review.LOG_NAME} in {folder} cannot be written: {exc.strerror or exc}", file=sys.stderr)
        return 2
    return 0


def _review_list(corpus, doc: str | None) -> int:
    from core import review
    docs = list(corpus.documents["doc"])
    if doc is not None:
        if doc not in docs:
            print(f"error: no article {review.inert(doc)!r} in {corpus.folder}", file=sys.stderr)
            return 2
        docs = [doc]
    for problem in review.log_problems(corpus):
        print(f"warning: {review.inert(problem)}", file=sys.stderr)
    for name in docs:
        print(review.inert(name))
        for kind, table in review.TABLE_OF.items():
            frame = getattr(corpus, table)
            for row in frame[frame["doc"] == name].to_dict("records"):
                print(_record_line(row, kind))
        rejected = corpus.rejected[corpus.rejected["doc"] == name]
        for row in rejected.to_dict("records"):
            print(f"  {row['record_id']}  {row['record']:<11} rejected   {review.inert(row['what'])}"
                  + (f" ({row['reason']})" if row["reason"] != "rejected" else ""))
    orphans = corpus.orphans if doc is None else corpus.orphans[corpus.orphans["doc"] == doc]
    if len(orphans):
        print(f"orphaned corrections ({len(orphans)}), not applied:")
        for row in orphans.to_dict("records"):
            print(f"  line {row['line']}: {row['action']} {row['record']} {row['record_id']} in "
                  f"{review.inert(row['doc'])}: {row['reason']}")
    return 0


def gold_cmd(folder: Path, out: Path) -> int:
    from core.review import ReviewError
    from core.review.gold import write_gold
    try:
        corpus = load_corpus(folder)
    except CorpusFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for message in corpus.messages:
        print(f"warning: {message}", file=sys.stderr)
    try:
        docs = write_gold(corpus, out)
    except ReviewError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"wrote {len(docs)} reviewed article(s) as gold to {out}; measure with: python -m core evaluate {out}")
    return 0


def _add_review_parser(sub) -> None:
    p_review = sub.add_parser("review", help="analyst review: list records, correct, confirm, reject, add, join or split stories, undo")
    p_review.add_argument("folder", type=Path, help="the articles folder; corrections go to its corrections.jsonl")
    actions = p_review.add_subparsers(dest="action", required=True)
    p_list = actions.add_parser("list", help="every record with its id and review state, and orphaned corrections")
    p_list.add_argument("--doc", default=None, help="only this article (file name)")
    p_sent = actions.add_parser("sentences", help="the sentences of an article with their START:END spans")
    p_sent.add_argument("doc")
    p_set = actions.add_parser("set", help="correct a field: FIELD=VALUE")
    p_set.add_argument("record", help="record id (ev-…, pa-…, rk-…), event_id or claim_id")
    p_set.add_argument("assignment", metavar="FIELD=VALUE")
    for name in ("reject", "confirm"):
        p = actions.add_parser(name, help=f"{name} a record")
        p.add_argument("record")
    p_add = actions.add_parser("add-participant", help="add a state missed as a participant of an event")
    p_add.add_argument("event", help="the event's record id or event_id")
    p_add.add_argument("iso3")
    for name, what in (("add-event", "an event"), ("add-claim", "a ranking claim")):
        p = actions.add_parser(name, help=f"add {what} read from a sentence (FIELD=VALUE ...)")
        p.add_argument("doc")
        p.add_argument("span", metavar="START:END", help="the sentence's span (see `sentences DOC`)")
        p.add_argument("values", nargs="*", metavar="FIELD=VALUE")
    p_stories = actions.add_parser("stories", help="the stories (events of several articles joined) and their reports")
    p_stories.add_argument("--all", action="store_true", help="also the stories of a single report")
    p_join = actions.add_parser("join", help="join two stories (name each by a story id, an event's record id or event_id)")
    p_join.add_argument("first")
    p_join.add_argument("second")
    p_split = actions.add_parser("split", help="take a report (an event) out of its story")
    p_split.add_argument("event", help="the event's record id or event_id")
    actions.add_parser("undo", help="undo the latest entry (a new line in the log)")
    for p in actions.choices.values():
        if p.prog.split()[-1] not in ("list", "sentences", "stories"):
            p.add_argument("--note", default="", help="why (kept in the log; shown as text)")
    p_gold = sub.add_parser("gold", help="write every reviewed article as gold JSON for `evaluate`")
    p_gold.add_argument("folder", type=Path)
    p_gold.add_argument("--out", type=Path, required=True)


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
    p_export.add_argument("--quiet", action="store_true",
                          help="no progress bar (it is drawn only when stderr is a terminal)")
    p_eval = sub.add_parser("evaluate", help="score extraction against gold JSON annotations")
    p_eval.add_argument("folder", type=Path, help="articles (*.txt) with manifest.csv; gold JSON beside them")
    p_eval.add_argument("--gold", type=Path, default=None, help="gold JSON folder if not FOLDER itself")
    _add_review_parser(sub)
    args = parser.parse_args(argv)
    if args.command == "export":
        if args.workers is not None and args.workers < 1:
            parser.error("--workers must be at least 1")
        if args.scheduler and args.engine != "dask":
            parser.error("--scheduler needs --engine dask")
        return export(args.folder, args.out, engine=args.engine, scheduler=args.scheduler, workers=args.workers,
                      fmt=args.fmt, quiet=args.quiet)
    if args.command == "review":
        return review_cmd(args)
    if args.command == "gold":
        return gold_cmd(args.folder, args.out)
    return evaluate_cmd(args.folder, args.gold)


if __name__ == "__main__":
    sys.exit(main())
