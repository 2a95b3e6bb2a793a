"""Print the capability suite's table: one row per capability (cases, accuracy, floor) and its first failures.

    python tools/capabilities.py                 # every capability
    python tools/capabilities.py host rank       # capabilities whose name contains a word
    python tools/capabilities.py --failures 5    # up to five failures each (default 2)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from capabilities.registry import all_capabilities  # noqa: E402
from capabilities.suite import run  # noqa: E402


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("words", nargs="*", help="only capabilities whose name contains one of these")
    parser.add_argument("--failures", type=int, default=2, help="failures shown per capability")
    args = parser.parse_args(argv)
    rows = []
    below = 0
    for capability in all_capabilities():
        if args.words and not any(w in capability.name for w in args.words):
            continue
        result = run(capability)
        rows.append(result)
        below += result.accuracy < capability.floor
    width = max((len(r.capability.name) for r in rows), default=10)
    print(f"{'capability':<{width}}  {'decision':<14} {'cases':>6} {'accuracy':>8} {'floor':>6}")
    for r in rows:
        mark = "" if r.accuracy >= r.capability.floor else "  BELOW FLOOR"
        print(f"{r.capability.name:<{width}}  {r.capability.decision:<14} {r.total:>6} {r.accuracy:>8.3f} "
              f"{r.capability.floor:>6.2f}{mark}")
    for r in rows:
        for failure in r.failures[:args.failures]:
            text = " ".join(failure.case.text.split())
            print(f"- {r.capability.name} [{failure.case.test}]: want {failure.case.expected!r} "
                  f"got {failure.actual!r}: {text[:160]}")
    total = sum(r.total for r in rows)
    print(f"{len(rows)} capabilities, {total} cases, {below} below their floor")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
