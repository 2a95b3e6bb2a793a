"""Time the dates and ranking stages on crafted articles that repeat one sentence many times.

Run: python tools/pathological_ranks.py [repeats]   (prints seconds; no assertion: a figure to watch)
A stage that rescans its window for every candidate grows quadratically here; a linear one grows
with the repeat count. The sentences are written for this project.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from core.text.context import build_context  # noqa: E402
from core.run.pipeline import extract_document  # noqa: E402
from core.rankings.extract import find_rank_claims  # noqa: E402

DATES = "عقدت الورشة في 25 و26 يونيو 2013 و1434هـ. "
RANKS = "وحلت البحرين في المركز الثالث عشر عالميا والأول خليجيا في تقرير 2010 بعد أن كانت في المرتبة 42 سابقا. "


def timed(label: str, text: str) -> None:
    """CPU seconds (time.process_time: steadier than wall time on a shared machine)."""
    t0 = time.process_time()
    ctx = build_context(text, "2013-06")
    t1 = time.process_time()
    claims = find_rank_claims(ctx)
    t2 = time.process_time()
    extract_document(text, "2013-06")
    t3 = time.process_time()
    print(f"{label}: {len(text) / 1e6:.2f} MB, {len(ctx.dates)} dates, {len(claims)} claims; "
          f"analysis {t1 - t0:.2f} s, rankings {t2 - t1:.2f} s, whole extraction {t3 - t2:.2f} s (CPU)", flush=True)


def main() -> None:
    repeats = int(sys.argv[1]) if len(sys.argv) > 1 else 31_500
    for scale in (repeats // 4, repeats // 2, repeats):
        timed(f"dates x{scale}", DATES * scale)
        timed(f"ranks x{scale}", RANKS * max(1, scale * len(DATES) // len(RANKS)))


if __name__ == "__main__":
    main()
