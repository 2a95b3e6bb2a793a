"""The extraction cache: same tables with or without it, only changed articles re-extracted, bad files survived."""

from __future__ import annotations

import pickle
import shutil
from pathlib import Path

import pytest
from pandas.testing import assert_frame_equal

from core import load_corpus

from core.store import cache

from core.run import pipeline
from core.store.cache import ExtractionCache, extractor_version
from core.run.pipeline import extract_many

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
TABLES = ("documents", "events", "participants", "rankings")


def assert_same_corpus(a, b) -> None:
    for name in TABLES:
        assert_frame_equal(getattr(a, name), getattr(b, name), check_exact=True)
    assert a.texts == b.texts
    assert a.messages == b.messages


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """A copy of the seeds that a test may change."""
    return Path(shutil.copytree(SEEDS, tmp_path / "articles", ignore=shutil.ignore_patterns("reference")))


@pytest.fixture
def store(tmp_path: Path) -> ExtractionCache:
    return ExtractionCache(tmp_path / "cache")


def cache_files(store: ExtractionCache) -> list[Path]:
    return sorted(store.folder.rglob("*.pickle"))


def test_seeds_equal_with_and_without_cache(tmp_path):
    plain = load_corpus(SEEDS, cache=False)
    cold_store = ExtractionCache(tmp_path / "cache")
    cold = load_corpus(SEEDS, cache=cold_store)
    warm_store = ExtractionCache(tmp_path / "cache")
    warm = load_corpus(SEEDS, cache=warm_store)
    assert_same_corpus(plain, cold)
    assert_same_corpus(plain, warm)
    assert cold_store.stats.extracted == 5 and cold_store.stats.written == 5
    assert warm_store.stats.hits == 5 and warm_store.stats.extracted == 0


def test_cache_given_as_a_path_and_by_the_environment(tmp_path, monkeypatch):
    plain = load_corpus(SEEDS, cache=False)
    assert_same_corpus(plain, load_corpus(SEEDS, cache=tmp_path / "by_path"))
    assert len(list((tmp_path / "by_path").rglob("*.pickle"))) == 5
    monkeypatch.setenv(cache.CACHE_ENV, str(tmp_path / "by_env"))
    assert_same_corpus(plain, load_corpus(SEEDS))
    assert len(list((tmp_path / "by_env").rglob("*.pickle"))) == 5


def test_changing_one_file_re_extracts_exactly_one(folder, store):
    load_corpus(folder, cache=store)
    assert store.stats.extracted == 5
    first = sorted(folder.glob("*.txt"))[0]
    first.write_text(first.read_text(encoding="utf-8") + "\nوزار وفد من الكويت مملكة البحرين.\n", encoding="utf-8")
    store.stats = cache.CacheStats()
    changed = load_corpus(folder, cache=store)
    assert (store.stats.extracted, store.stats.hits) == (1, 4)
    assert_same_corpus(changed, load_corpus(folder, cache=False))


def test_adding_one_file_extracts_only_it(folder, store):
    load_corpus(folder, cache=store)
    (folder / "new.txt").write_text("زار وفد من سلطنة عمان مملكة البحرين للاطلاع على تجربتها.\n", encoding="utf-8")
    store.stats = cache.CacheStats()
    added = load_corpus(folder, cache=store)
    assert (store.stats.extracted, store.stats.hits) == (1, 5)
    assert_same_corpus(added, load_corpus(folder, cache=False))


def test_publication_date_is_part_of_the_key(store):
    assert store.key("نص", "2013") != store.key("نص", "2014")
    assert store.key("نص", "2013") != store.key("نص ", "2013")


class Planted:
    """A class outside core's records: a cache file holding it must not be loaded."""

    def __reduce__(self):
        return (shutil.rmtree, ("/nonexistent-folder-never-removed",))


@pytest.mark.parametrize("damage", [
    pytest.param(lambda path: path.write_bytes(b"not a pickle at all"), id="garbage"),
    pytest.param(lambda path: path.write_bytes(path.read_bytes()[:40]), id="truncated"),
    pytest.param(lambda path: path.write_bytes(b""), id="empty"),
    pytest.param(lambda path: path.write_bytes(pickle.dumps({"some": "dict"})), id="other-object"),
    pytest.param(lambda path: path.write_bytes(pickle.dumps((cache.FORMAT, "wrong key", None))), id="wrong-key"),
    pytest.param(lambda path: path.write_bytes(pickle.dumps(Planted())), id="foreign-class"),
    pytest.param(lambda path: path.write_bytes(pickle.dumps((cache.FORMAT, path.stem, load_corpus))),
                 id="function-from-core"),
    pytest.param(lambda path: (path.unlink(), path.mkdir()), id="folder-instead-of-file"),
])
def test_a_damaged_cache_file_is_ignored_and_rewritten(folder, store, damage):
    plain = load_corpus(folder, cache=False)
    load_corpus(folder, cache=store)
    victim = cache_files(store)[0]
    damage(victim)
    store.stats = cache.CacheStats()
    again = load_corpus(folder, cache=store)
    assert_same_corpus(plain, again)
    assert store.stats.extracted == 1 and store.stats.hits == 4
    if victim.is_file():  # rewritten: the next load finds all five
        store.stats = cache.CacheStats()
        load_corpus(folder, cache=store)
        assert (store.stats.hits, store.stats.corrupt) == (5, 0)


def test_an_unwritable_cache_is_counted_not_raised(tmp_path):
    blocker = tmp_path / "cache"
    blocker.write_text("a file where the cache folder should be")
    store = ExtractionCache(blocker)
    corpus = load_corpus(SEEDS, cache=store)
    plain = load_corpus(SEEDS, cache=False)
    note = "the extraction cache cannot be written (Not a directory); articles are extracted again on every load"
    assert corpus.messages == plain.messages + [note]  # said once, not once per document
    corpus.messages = plain.messages
    assert_same_corpus(corpus, plain)
    assert store.stats.write_errors == 5 and store.stats.written == 0


def test_version_changes_with_code_or_lexicon(tmp_path, monkeypatch):
    core_copy = Path(shutil.copytree(ROOT / "core", tmp_path / "core", ignore=shutil.ignore_patterns("__pycache__")))
    monkeypatch.setattr(cache, "CORE_DIR", core_copy)
    before = extractor_version()
    assert extractor_version() == before
    data_file = sorted((core_copy / "data").glob("*.tsv"))[0]
    data_file.write_text(data_file.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    after_data = extractor_version()
    assert after_data != before
    (core_copy / "events" / "extract.py").write_text((core_copy / "events" / "extract.py").read_text(encoding="utf-8") + "\n# changed\n",
                                         encoding="utf-8")
    assert extractor_version() not in (before, after_data)


def test_versions_use_separate_folders(tmp_path):
    store = ExtractionCache(tmp_path)
    key = store.key("نص", "")
    assert store.path(key).parent.parent.name == store.version[:16]


def test_worker_processes_give_the_same_tables(folder, monkeypatch):
    monkeypatch.setattr(pipeline, "MIN_PER_WORKER", 1)  # five documents are enough to start the pool
    assert_same_corpus(load_corpus(folder, cache=False, workers=2), load_corpus(folder, cache=False))


@pytest.mark.parametrize("workers", [0, -1, 1.5, True])
def test_workers_must_be_a_positive_int(workers):
    with pytest.raises(ValueError, match="workers"):
        extract_many([("نص", "")], workers)
