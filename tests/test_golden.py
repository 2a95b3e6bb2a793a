"""The seeds' extracted records equal the reviewed golden files (regenerate: python tools/regen_golden.py)."""

import json
from pathlib import Path

import pytest

from tools.regen_golden import GOLDEN, golden_records

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

SEED_FILES = sorted(p.name for p in SEEDS.glob("*.txt"))


@pytest.mark.parametrize("doc", SEED_FILES)
def test_seed_matches_golden(seeds_corpus, doc):
    expected = json.loads((GOLDEN / (doc[:-4] + ".json")).read_text(encoding="utf-8"))
    got = json.loads(json.dumps(golden_records(seeds_corpus, doc), ensure_ascii=False, default=int))
    for table in ("events", "participants", "rankings"):
        assert got[table] == expected[table], f"{doc} {table} changed; run tools/regen_golden.py and review the diff"
    assert got["title"] == expected["title"]


def test_every_seed_has_a_golden_file():
    assert sorted(p.name[:-5] + ".txt" for p in GOLDEN.glob("*.json")) == SEED_FILES
    assert (ROOT / "tools" / "regen_golden.py").exists()
