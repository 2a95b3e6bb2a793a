"""Progress on the Dask engine: (done, total) reported as partitions come back, up to the total."""

from __future__ import annotations

from pathlib import Path

import pytest

from core.run import dask_engine

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"

pytest.importorskip("distributed", reason="the Dask engine is optional (requirements-dask.txt)")


def test_dask_load_reports_each_partition():
    calls = []
    stats = dask_engine.DaskStats()
    corpus = dask_engine.load_corpus(SEEDS, workers=1, processes=False, cache=False, partition=2,
                                     stats=stats, progress=lambda done, total: calls.append((done, total)))
    assert len(corpus.documents) == 5 and stats.partitions == 3
    assert calls[0] == (0, 5)
    done = [d for d, _ in calls[1:]]
    assert len(done) == 3 and done == sorted(done) and done[-1] == 5  # partitions of 2, 2 and 1
    assert {total for _, total in calls} == {5}
