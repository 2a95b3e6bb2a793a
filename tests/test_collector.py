"""core.run.collector: the collection threshold is raised inside a batch and restored after."""

import gc
import threading

import pytest

from core.run.collector import BATCH_THRESHOLD, fewer_collections
from core.run.pipeline import extract_document, extract_many


@pytest.fixture
def default_threshold():
    """The process's thresholds set to CPython's defaults (700, 10, 10) for the test, restored after."""
    before = gc.get_threshold()
    gc.set_threshold(700, 10, 10)
    yield
    gc.set_threshold(*before)


def test_threshold_raised_inside_and_restored_after(default_threshold):
    with fewer_collections():
        assert gc.get_threshold() == (BATCH_THRESHOLD, 10, 10)
    assert gc.get_threshold() == (700, 10, 10)


def test_nested_batches_restore_only_at_the_last_exit(default_threshold):
    with fewer_collections():
        with fewer_collections():
            assert gc.get_threshold()[0] == BATCH_THRESHOLD
        assert gc.get_threshold()[0] == BATCH_THRESHOLD  # the outer batch is still running
    assert gc.get_threshold() == (700, 10, 10)


def test_overlapping_batches_in_threads_restore_the_original(default_threshold):
    inside, release = threading.Event(), threading.Event()

    def batch():
        with fewer_collections():
            inside.set()
            release.wait(5)

    worker = threading.Thread(target=batch)
    worker.start()
    inside.wait(5)
    with fewer_collections():  # starts after the thread's batch, ends before it
        pass
    assert gc.get_threshold()[0] == BATCH_THRESHOLD
    release.set()
    worker.join(5)
    assert gc.get_threshold() == (700, 10, 10)


def test_a_higher_or_disabled_threshold_is_left_alone(default_threshold):
    gc.set_threshold(BATCH_THRESHOLD * 2, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == BATCH_THRESHOLD * 2
    gc.set_threshold(0, 10, 10)
    with fewer_collections():
        assert gc.get_threshold()[0] == 0
    assert gc.get_threshold() == (0, 10, 10)


def test_extract_many_restores_the_threshold_and_extracts():
    before = gc.get_threshold()
    text = "زار وفد من الكويت مملكة البحرين في 25 يونيو 2013"
    results = extract_many([(text, "2013")])
    assert gc.get_threshold() == before
    assert results == [extract_document(text, "2013")]  # the same extraction as outside a batch
    assert len(results[0].events) == 1


def test_load_corpus_reads_and_builds_its_tables_inside_a_batch(default_threshold, monkeypatch, tmp_path):
    import core.run.pipeline as pipeline

    seen = {}
    build = pipeline.build_corpus

    def spy(*args, **kwargs):
        seen["build_corpus"] = gc.get_threshold()[0]
        return build(*args, **kwargs)

    monkeypatch.setattr(pipeline, "build_corpus", spy)
    (tmp_path / "a.txt").write_text("زار وفد من الكويت مملكة البحرين في 25 يونيو 2013", encoding="utf-8")
    corpus = pipeline.load_corpus(tmp_path, cache=False)
    assert seen == {"build_corpus": BATCH_THRESHOLD}
    assert len(corpus.documents) == 1
    assert gc.get_threshold() == (700, 10, 10)
