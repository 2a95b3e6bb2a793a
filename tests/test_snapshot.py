"""The corpus snapshot: same corpus as a plain load, one read on a warm start, rewritten on a change."""

from __future__ import annotations

import dataclasses
import os
import shutil
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest
from pandas.testing import assert_frame_equal

from core.run import pipeline

from core.run import snapshot
from core.store.cache import ExtractionCache
from core.run.snapshot import SnapshotStats, folder_fingerprint

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TABLES = ("documents", "events", "participants", "rankings")


def assert_same_corpus(a, b) -> None:
    """Every DataFrame field (the four tables and whatever other lanes add, e.g. review's), texts, messages."""
    frames = [f.name for f in dataclasses.fields(a) if isinstance(getattr(a, f.name), pd.DataFrame)]
    assert set(TABLES) <= set(frames)
    for name in frames:
        assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)
    assert a.texts == b.texts
    assert a.messages == b.messages
    assert a.folder == b.folder


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return Path(shutil.copytree(SEEDS, tmp_path / "articles", ignore=shutil.ignore_patterns("reference")))


def load(folder: Path, tmp_path: Path, store: ExtractionCache | None = None):
    stats = SnapshotStats()
    corpus = snapshot.load_corpus(folder, cache=store or ExtractionCache(tmp_path / "cache"),
                                  snapshots=tmp_path / "snapshots", stats=stats)
    return corpus, stats


def snapshot_folders(tmp_path: Path) -> list[Path]:
    return [p for p in (tmp_path / "snapshots").glob("*/*") if not p.name.startswith(".")]


def test_snapshot_equals_plain_load_cold_and_warm(folder, tmp_path):
    plain = pipeline.load_corpus(folder, cache=False)
    cold, cold_stats = load(folder, tmp_path)
    warm, warm_stats = load(folder, tmp_path)
    assert (cold_stats.hit, cold_stats.written, cold_stats.extracted) == (False, True, 5)
    assert (warm_stats.hit, warm_stats.written) == (True, False)
    assert_same_corpus(plain, cold)
    assert_same_corpus(plain, warm)
    assert len(snapshot_folders(tmp_path)) == 1


def test_warm_start_reads_no_article_and_no_cache_entry(folder, tmp_path, monkeypatch):
    load(folder, tmp_path)

    def refuse(*args, **kwargs):
        raise AssertionError("a warm start must not load the folder")

    monkeypatch.setattr(snapshot, "pipeline_load_corpus", refuse)
    monkeypatch.setattr(ExtractionCache, "get", refuse)
    warm, stats = load(folder, tmp_path)
    assert stats.hit
    assert_same_corpus(pipeline.load_corpus(folder, cache=False), warm)


def test_adding_an_article_extracts_only_it_and_rewrites_the_snapshot(folder, tmp_path):
    load(folder, tmp_path)
    before = snapshot_folders(tmp_path)
    source = sorted(SEEDS.glob("*.txt"))[0]
    # A new article: an existing one with a sentence of its own added, so its content is new.
    (folder / "zz_new.txt").write_text(source.read_text(encoding="utf-8") + "\nخبر إضافي للاختبار.\n",
                                       encoding="utf-8")
    store = ExtractionCache(tmp_path / "cache")
    added, stats = load(folder, tmp_path, store)
    assert (stats.hit, stats.written) == (False, True)
    assert store.stats.extracted == 1 and store.stats.hits == 5
    assert "zz_new.txt" in set(added.documents["doc"])
    assert_same_corpus(pipeline.load_corpus(folder, cache=False), added)
    after = snapshot_folders(tmp_path)
    assert len(after) == 1 and after != before  # the old snapshot is gone
    again, again_stats = load(folder, tmp_path)
    assert again_stats.hit
    assert_same_corpus(added, again)


@pytest.mark.parametrize("change", [
    lambda f: (f / "manifest.csv").write_text((f / "manifest.csv").read_text(encoding="utf-8") + "\n",
                                              encoding="utf-8"),
    lambda f: (f / "corrections.jsonl").write_text("{}\n", encoding="utf-8"),
    lambda f: os.utime(sorted(f.glob("*.txt"))[0], ns=(1, 1)),
    lambda f: sorted(f.glob("*.txt"))[0].unlink(),
], ids=["manifest edited", "corrections added", "mtime changed", "article removed"])
def test_fingerprint_follows_every_file(folder, change):
    before = folder_fingerprint(folder)
    assert before == folder_fingerprint(folder)
    change(folder)
    assert folder_fingerprint(folder) != before


def test_fingerprint_of_an_unreadable_folder_is_empty_and_nothing_is_stored(tmp_path):
    assert folder_fingerprint(tmp_path / "missing") == ""
    empty = tmp_path / "empty"
    empty.mkdir()
    corpus, stats = load(empty, tmp_path)
    assert stats.written and len(corpus.documents) == 0


def test_new_extractor_version_is_a_new_key(folder, tmp_path, monkeypatch):
    load(folder, tmp_path)
    monkeypatch.setattr(snapshot, "extractor_version", lambda: "another version")
    _, stats = load(folder, tmp_path)
    assert (stats.hit, stats.written) == (False, True)


def test_warm_texts_are_read_on_first_use_and_survive_a_replaced_snapshot(folder, tmp_path, monkeypatch):
    plain = pipeline.load_corpus(folder, cache=False)
    load(folder, tmp_path)
    reads = []

    real_read = pq.read_table
    monkeypatch.setattr(pq, "read_table", lambda source, *a, **k: reads.append(getattr(source, "name", source))
                        or real_read(source, *a, **k))
    warm, stats = load(folder, tmp_path)
    assert stats.hit
    assert not any(str(name).endswith("texts.parquet") for name in reads)  # the tables only
    shutil.rmtree(tmp_path / "snapshots")  # another process replaced the snapshot meanwhile
    doc = sorted(plain.texts)[2]
    assert warm.texts[doc] == plain.texts[doc] and "الحكومة" in warm.texts[doc]
    assert [str(name).endswith("texts.parquet") for name in reads].count(True) == 1
    assert sorted(warm.texts) == sorted(plain.texts) and len(warm.texts) == len(plain.texts)
    assert warm.texts.get("no such article.txt", "") == ""
    assert reads.count(reads[-1]) == 1  # read once, kept


@pytest.mark.parametrize("damage", [
    lambda p: (p / "events.parquet").write_bytes((p / "events.parquet").read_bytes()[:100]),
    lambda p: (p / "texts.parquet").unlink(),
    lambda p: (p / "texts.parquet").write_bytes((p / "texts.parquet").read_bytes()[:-20]),
    lambda p: (p / "meta.json").write_text("{not json", encoding="utf-8"),
    lambda p: (p / "meta.json").write_text('{"format": 1, "key": "other"}', encoding="utf-8"),
], ids=["truncated table", "missing texts", "truncated texts", "garbage meta", "foreign key"])
def test_damaged_snapshot_is_a_miss_and_rewritten(folder, tmp_path, damage):
    load(folder, tmp_path)
    [path] = snapshot_folders(tmp_path)
    damage(path)
    again, stats = load(folder, tmp_path)
    assert (stats.hit, stats.written) == (False, True)
    assert_same_corpus(pipeline.load_corpus(folder, cache=False), again)
    _, third = load(folder, tmp_path)
    assert third.hit


def test_folder_changed_during_the_load_is_not_stored(folder, tmp_path, monkeypatch):
    real = snapshot.pipeline_load_corpus

    def load_then_change(*args, **kwargs):
        corpus = real(*args, **kwargs)
        (folder / "late.txt").write_text("نص متأخر", encoding="utf-8")
        return corpus

    monkeypatch.setattr(snapshot, "pipeline_load_corpus", load_then_change)
    _, stats = load(folder, tmp_path)
    assert not stats.written and "changed" in stats.reason
    assert snapshot_folders(tmp_path) == []


def test_snapshot_dir_from_the_environment(folder, tmp_path, monkeypatch):
    monkeypatch.setenv(snapshot.SNAPSHOT_ENV, str(tmp_path / "by_env"))
    snapshot.load_corpus(folder, cache=ExtractionCache(tmp_path / "cache"))
    assert len(list((tmp_path / "by_env").glob("*/*/meta.json"))) == 1
