"""A snapshot that is valid Parquet but breaks the declared schema is a miss: rebuilt, never used."""

from __future__ import annotations

import shutil
from pathlib import Path

import pandas as pd
import pytest

from core import tables
from core.run import snapshot
from core.run.snapshot import SnapshotStats
from core.store.cache import ExtractionCache

ROOT = Path(__file__).resolve().parents[1]


def load(folder: Path, tmp_path: Path):
    stats = SnapshotStats()
    corpus = snapshot.load_corpus(folder, cache=ExtractionCache(tmp_path / "cache"),
                                  snapshots=tmp_path / "snapshots", stats=stats)
    return corpus, stats


@pytest.mark.parametrize("damage", [
    lambda f: f.drop(columns=["host_iso3"]),
    lambda f: f.rename(columns={"kind": "type"}),
    lambda f: f.assign(year=f["year"].astype("string")),
    lambda f: pd.concat([f, f.head(1)], ignore_index=True),
], ids=["column missing", "column renamed", "wrong dtype", "key repeated"])
def test_a_snapshot_table_off_its_schema_is_rebuilt_not_used(tmp_path, damage):
    folder = Path(shutil.copytree(ROOT / "seeds", tmp_path / "articles", ignore=shutil.ignore_patterns("reference")))
    first, _ = load(folder, tmp_path)
    [path] = [p for p in (tmp_path / "snapshots").glob("*/*") if not p.name.startswith(".")]
    events = pd.read_parquet(path / "events.parquet")
    damage(events).to_parquet(path / "events.parquet")
    again, stats = load(folder, tmp_path)
    assert (stats.hit, stats.written) == (False, True)
    tables.check_table("events", again.events)
    assert list(again.events["host_iso3"]) == list(first.events["host_iso3"])
