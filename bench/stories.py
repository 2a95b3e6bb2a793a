"""The story stage's cost next to extraction's, on a synthetic folder (bench/corpus.py).

Run: python bench/stories.py [--size 10000] [--workers 1]

Prints the extraction time (core.run.pipeline.extract_many over every article, `workers` processes,
no cache), the story stage's time on the whole folder's tables (core.review.stories.with_stories:
records, blocking, pair decisions, grouping, the stories table), their ratio, and how many events,
compared pairs and stories there were. Both are timed in this one process, one after the other.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import corpus as synthetic  # noqa: E402  (bench/corpus.py)

from core.reading.ingest import read_corpus  # noqa: E402
from core.review import apply_reviews  # noqa: E402
from core.review.stories import with_stories  # noqa: E402
from core.run.pipeline import build_corpus, extract_many  # noqa: E402
from core.stories.build import _blocks, story_records  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--workers", type=int, default=1)
    args = parser.parse_args(argv)
    folder = synthetic.build_corpus(args.size)
    docs, messages = read_corpus(folder)
    todo = [i for i, d in enumerate(docs) if d.status != "error" and not d.duplicate_of]
    started = time.perf_counter()
    fresh = extract_many([(docs[i].text, docs[i].published) for i in todo], args.workers)
    extraction = time.perf_counter() - started
    results = [None] * len(docs)
    for i, result in zip(todo, fresh):
        results[i] = result
    corpus = apply_reviews(build_corpus(docs, results, messages, folder), folder)
    started = time.perf_counter()
    storied = with_stories(corpus)
    stories = time.perf_counter() - started
    records = story_records(corpus.events, corpus.participants, corpus.texts)
    pairs = sum(len(block) * (len(block) - 1) // 2 for block in _blocks(records))
    everything = len(records) * (len(records) - 1) // 2
    print(f"articles: {len(docs)}  events: {len(storied.events)}  stories: {len(storied.stories)} "
          f"(of several reports: {int((storied.stories['reports'] > 1).sum())})")
    print(f"pairs compared after blocking: {pairs:,} of {everything:,}")
    print(f"extraction ({args.workers} process{'es' if args.workers > 1 else ''}): {extraction:.2f} s")
    print(f"stories: {stories:.2f} s")
    print(f"stories / extraction: {stories / extraction:.1%}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
