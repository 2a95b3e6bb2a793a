"""Extraction time of the three pathological ~2 MB articles (tools/make_bad_corpus.py builds them).

Run: python bench/pathological.py [--scale 1.0] [--timeout 300] [--no-guard]

--no-guard lifts the per-article guard (core/reading/guard.py) in the child processes, so the figures are
those of the extraction stages on the whole text: they show whether the stages are linear.

Each article is extracted by core.run.pipeline.extract_document in its own Python process (so one
that stalls can be stopped at --timeout without stopping the others); the script prints, per
article, its size, the seconds extract_document took, the records found and the document's
warnings (the per-article guard's "too long to extract fully" when it applied).
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tools.make_bad_corpus import pathological_texts  # noqa: E402

CHILD = """
import json, sys, time
sys.path.insert(0, {root!r})
import core.reading.guard
if {no_guard!r}:
    core.reading.guard.MAX_EXTRACT_CHARS = core.reading.guard.MAX_SENTENCE_CHARS = core.reading.guard.MAX_NUMBERS = 10 ** 12
from core.run.pipeline import extract_document
from tools.make_bad_corpus import pathological_texts
text = pathological_texts({scale!r})[{name!r}]
extract_document("تجربة")  # lexicons loaded before the clock starts
t0 = time.perf_counter()
result = extract_document(text, "2014-01-01")
seconds = time.perf_counter() - t0
print(json.dumps({{"seconds": seconds, "events": len(result.events), "rankings": len(result.rankings),
                  "warnings": list(getattr(result, "warnings", ()))}}, ensure_ascii=False))
"""


def measure(name: str, scale: float, timeout: float, no_guard: bool = False) -> dict:
    code = CHILD.format(root=str(ROOT), scale=scale, name=name, no_guard=no_guard)
    try:
        done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"seconds": None, "error": f"still running after {timeout:.0f} s (stopped)"}
    if done.returncode != 0:
        return {"seconds": None, "error": done.stderr.strip().splitlines()[-1:]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of the full ~2 MB size")
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds before an article is stopped")
    parser.add_argument("--no-guard", action="store_true", help="lift the per-article guard: time the stages alone")
    args = parser.parse_args(argv)
    for name, text in pathological_texts(args.scale).items():
        figures = measure(name, args.scale, args.timeout, args.no_guard)
        size = len(text.encode("utf-8"))
        if figures.get("seconds") is None:
            print(f"{name}: {size:,} bytes, {len(text):,} characters: {figures['error']}")
            continue
        warn = "; ".join(figures["warnings"]) or "none"
        print(f"{name}: {size:,} bytes, {len(text):,} characters: {figures['seconds']:.1f} s "
              f"({figures['events']} events, {figures['rankings']} ranking claims; warnings: {warn})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
