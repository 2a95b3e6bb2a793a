"""Regenerate tests/golden/<seed>.json: the records extracted from each seed, for review as a diff.

Run: python tools/regen_golden.py   (then `git diff tests/golden` shows what extraction changed)
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from core import load_corpus, tables  # noqa: E402

GOLDEN = ROOT / "tests" / "golden"


def golden_records(corpus, doc: str) -> dict:
    """The per-document records compared by tests/test_golden.py (JSON-ready, stable order)."""
    def rows(frame):
        out = frame[frame["doc"] == doc].astype(object).where(frame[frame["doc"] == doc].notna(), None)
        return [{k: v for k, v in r.items() if k != "doc" and k not in tables.REVIEW_COLUMNS} for r in out.to_dict("records")]
    docs = corpus.documents[corpus.documents["doc"] == doc]
    meta = docs[["title", "published", "status"]].astype(object).to_dict("records")[0]
    return {"doc": doc, **meta, "events": rows(corpus.events), "participants": rows(corpus.participants),
            "rankings": rows(corpus.rankings)}


def main() -> int:
    corpus = load_corpus(ROOT / "seeds")
    GOLDEN.mkdir(parents=True, exist_ok=True)
    for doc in corpus.documents["doc"]:
        path = GOLDEN / (Path(doc).stem + ".json")
        path.write_text(json.dumps(golden_records(corpus, doc), ensure_ascii=False, indent=1, default=int) + "\n",
                        encoding="utf-8")
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
