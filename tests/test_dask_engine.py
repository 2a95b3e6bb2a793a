"""The Dask engine: the same tables as the local engine (seeds, 1,000 synthetic articles) on a
two-worker local cluster; Parquet export; clear errors when Dask is missing or the workers differ."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from pandas.testing import assert_frame_equal

from core.run import dask_engine

from core.run import engine

from core.run import pipeline
from core.store.cache import ExtractionCache
from core.run.dask_engine import DaskEngineError, DaskStats

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TABLES = ("documents", "events", "participants", "rankings")

distributed = pytest.importorskip("distributed", reason="the Dask engine is optional (requirements-dask.txt)")


def assert_same_tables(a, b) -> None:
    for name in TABLES:
        assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)
    assert a.texts == b.texts
    assert a.messages == b.messages


@pytest.fixture(scope="module")
def client():
    """Two single-threaded worker processes, started once for the module (a few seconds)."""
    import dask

    with dask.config.set({"distributed.worker.profile.enabled": False}):
        cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                           dashboard_address="127.0.0.1:0", silence_logs=50)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


def test_seeds_same_tables_as_local(client):
    stats = DaskStats()
    on_dask = dask_engine.load_corpus(SEEDS, cache=False, client=client, stats=stats)
    assert_same_tables(pipeline.load_corpus(SEEDS, cache=False), on_dask)
    assert stats.workers == 2 and stats.extracted == 5 and stats.partitions >= 2


def test_thousand_synthetic_articles_same_tables_as_local(client, tmp_path):
    sys.path.insert(0, str(ROOT / "bench"))
    try:
        import corpus as synthetic  # bench/corpus.py
    finally:
        sys.path.remove(str(ROOT / "bench"))
    folder = synthetic.build_corpus(1000, tmp_path / "corpus_1000")
    stats = DaskStats()
    on_dask = dask_engine.load_corpus(folder, cache=False, client=client, stats=stats)
    local = pipeline.load_corpus(folder, cache=False)
    assert len(local.documents) == 1000 and len(local.events) > 1000
    assert_same_tables(local, on_dask)
    assert stats.extracted == 1000 and stats.partitions >= 8  # both workers had work


def test_cache_is_shared_with_the_local_engine(client, tmp_path):
    store = ExtractionCache(tmp_path / "cache")
    pipeline.load_corpus(SEEDS, cache=store)
    stats = DaskStats()
    again = dask_engine.load_corpus(SEEDS, cache=ExtractionCache(tmp_path / "cache"), client=client, stats=stats)
    assert stats.extracted == 0 and stats.partitions == 0  # nothing sent to the cluster
    assert_same_tables(pipeline.load_corpus(SEEDS, cache=False), again)


def test_workers_with_another_extractor_version_are_refused():
    class OtherCode:
        def run(self, function):
            return {"tcp://10.0.0.9:4000": "0" * 64}

    with pytest.raises(DaskEngineError, match="another version"):
        dask_engine.check_workers(OtherCode())

    class CannotImport:
        def run(self, function):
            raise ModuleNotFoundError("No module named 'core'")

    with pytest.raises(DaskEngineError, match="cannot run this project's core.*PYTHONPATH"):
        dask_engine.check_workers(CannotImport())

    class NoWorkers:
        def run(self, function):
            return {}

    with pytest.raises(DaskEngineError, match="no workers"):
        dask_engine.check_workers(NoWorkers())


def test_missing_dask_is_a_clear_error(monkeypatch, tmp_path):
    monkeypatch.setitem(sys.modules, "distributed", None)  # import distributed -> ImportError
    with pytest.raises(DaskEngineError, match="requirements-dask.txt"):
        dask_engine.load_corpus(SEEDS, cache=False)
    # The dashboard and the local engine do not need it.
    assert len(engine.load(SEEDS, engine="local", cache=False).documents) == 5


def test_parquet_parts_read_back_as_the_tables(tmp_path):
    corpus = pipeline.load_corpus(SEEDS, cache=False)
    names = engine.write_parquet(corpus, tmp_path, partition_docs=2)
    assert names[0] == "documents/ (3 parts)"
    for name in TABLES:
        assert len(list((tmp_path / name).glob("part-*.parquet"))) == 3
        assert_frame_equal(engine.read_parquet(tmp_path, name), getattr(corpus, name), check_exact=True)
        # Any Parquet reader takes the folder as one table.
        assert len(pd.read_parquet(tmp_path / name)) == len(getattr(corpus, name))


def run_cli(*args, env=None):
    import os
    return subprocess.run([sys.executable, "-m", "core", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def test_cli_dask_engine_writes_the_local_engines_csv_and_parquet(tmp_path):
    empty_cache = {"EGOV_CACHE_DIR": str(tmp_path / "cache")}  # so the local cluster really extracts
    local = run_cli("export", str(SEEDS), "--out", str(tmp_path / "local"), env=empty_cache)
    assert local.returncode == 0, local.stderr
    dask_csv = run_cli("export", str(SEEDS), "--out", str(tmp_path / "dask"), "--engine", "dask",
                       "--workers", "2", env={"EGOV_CACHE_DIR": str(tmp_path / "cache2")})
    assert dask_csv.returncode == 0, dask_csv.stderr
    for name in (*TABLES, "ranking_history", "claims"):
        assert (tmp_path / "dask" / f"{name}.csv").read_bytes() == (tmp_path / "local" / f"{name}.csv").read_bytes()
    dask_pq = run_cli("export", str(SEEDS), "--out", str(tmp_path / "pq"), "--engine", "dask", "--format", "parquet",
                      env=empty_cache)
    assert dask_pq.returncode == 0, dask_pq.stderr
    corpus = pipeline.load_corpus(SEEDS, cache=False)
    for name in TABLES:
        assert_frame_equal(engine.read_parquet(tmp_path / "pq", name), getattr(corpus, name), check_exact=True)


def test_cli_refuses_a_scheduler_without_the_dask_engine(tmp_path):
    proc = run_cli("export", str(SEEDS), "--out", str(tmp_path), "--scheduler", "tcp://127.0.0.1:8786")
    assert proc.returncode == 2 and "--scheduler needs --engine dask" in proc.stderr


def test_unreachable_scheduler_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(dask_engine, "CONNECT_TIMEOUT", "2s")
    with pytest.raises(DaskEngineError, match="cannot reach the Dask scheduler at tcp://127.0.0.1:9"):
        dask_engine.load_corpus(SEEDS, cache=False, scheduler="tcp://127.0.0.1:9")
