"""Hostile and careless folders, uploads and caches: one bad file never takes anything down,
nothing is half-written, nothing outside the articles folder is read.

Every test here was written against a finding of a hostile review and failed before its fix.
Article sentences are written for these tests.
"""

from __future__ import annotations

import csv
import errno
import multiprocessing
import os
import pickle
import resource
import shutil
import signal
import subprocess
import sys
import threading
import time
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core import tables

from core.store import cache

from core.reading import guard

from core.reading import ingest

from core.reading import uploads
from core.store.cache import ExtractionCache
from core.reading.ingest import read_corpus
from core.text.normalize import normalize
from core.run.pipeline import extract_document, load_corpus
from core.records import DocumentExtraction, Event, Span
from folder_helpers import _no_env_limit, by_name, write  # noqa: F401 (_no_env_limit: autouse fixture)
from chart_helpers import charts as page_charts

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
VISIT = "زار وفد من سلطنة عمان مملكة البحرين للاطلاع على تجربة الحكومة الإلكترونية في 2015."
OTHER = "استقبلت الهيئة وفدا رسميا من دولة الكويت يوم الأحد وقدمت له عرضا عن الخدمات الذكية."
BAD_NAME = os.fsdecode(b"bad\xff.txt")   # not valid UTF-8: a lone surrogate in Python
SECRET = "SECRET-LINE-OF-A-SERVER-FILE"


# ------------------------------------------------------------------ 1. names that are not UTF-8

def test_non_utf8_file_name_is_reported_by_an_escaped_name_and_others_load(tmp_path):
    write(tmp_path, {"a.txt": VISIT})
    (tmp_path / BAD_NAME).write_bytes(OTHER.encode("utf-8"))
    (tmp_path / os.fsdecode(b"stray\xfe.bin")).write_bytes(b"x")
    docs, messages = read_corpus(tmp_path)
    docs = by_name(docs)
    assert set(docs) == {"a.txt", "bad\\xff.txt"}
    assert docs["a.txt"].status == "ok"
    bad = docs["bad\\xff.txt"]
    assert bad.status == "warning" and bad.text == OTHER
    assert any("file name is not valid UTF-8" in m for m in bad.messages), bad.messages
    for text in [m for d in docs.values() for m in d.messages] + messages:
        text.encode("utf-8")  # nothing unprintable reaches a message
    assert any(m.startswith("stray\\xfe.bin: skipped") for m in messages), messages


def test_build_table_survives_surrogates():
    row = {"doc": BAD_NAME, "title": "t\udcff", "status": "ok", "message": "", "chars": 1}
    frame = tables.build_table("documents", [row])
    assert frame.loc[0, "doc"] == "bad\\xff.txt"


def test_export_survives_a_non_utf8_file_name(tmp_path):
    folder = write(tmp_path / "in", {"a.txt": VISIT})
    (folder / BAD_NAME).write_bytes(OTHER.encode("utf-8"))
    env = {**os.environ, "EGOV_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "core", "export", str(folder), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    documents = pd.read_csv(tmp_path / "out" / "documents.csv")
    assert set(documents["doc"]) == {"a.txt", "bad\\xff.txt"}


def test_streamlit_shows_no_error_details():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


PAGES = {"overview": "dashboard.py", "ranking": "pages/1_Ranking_trajectory.py",
         "delegations": "pages/2_Delegations.py", "gcc": "pages/3_GCC_cooperation.py",
         "sources": "pages/4_Sources.py"}


def page(name: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGES[name]))
    for key, value in params.items():
        at.query_params[key] = value
    at.run(timeout=120)
    return at


def shown_text(at: AppTest) -> str:
    kinds = ("title", "markdown", "caption", "error", "warning", "info", "success", "exception")
    return "\n".join(str(e.value) for kind in kinds for e in getattr(at, kind))


@pytest.mark.parametrize("name", list(PAGES))
def test_every_page_renders_a_folder_with_a_non_utf8_name(tmp_path, monkeypatch, name):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("reference"))
    (folder / BAD_NAME).write_bytes(OTHER.encode("utf-8"))
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(folder))
    at = page(name)
    assert not at.exception, [e.value for e in at.exception]


def test_a_page_that_catches_an_error_shows_no_server_path(tmp_path, monkeypatch):
    from ui import data

    marker = "srvsecretdir"   # no punctuation, so Markdown escaping cannot hide it
    secret_path = str(tmp_path / marker / "path")

    def broken(*args, **kwargs):
        raise RuntimeError(f"cannot open {secret_path}/x.txt")

    monkeypatch.setattr(data, "_cached_corpus", broken)
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(write(tmp_path / "seeds", {"a.txt": VISIT})))
    at = page("overview")
    assert not at.exception
    text = shown_text(at)
    assert marker not in text and "Traceback" not in text
    assert any("server log" in e.value for e in at.error), text
    monkeypatch.undo()
    monkeypatch.setenv("EGOV_SEEDS_DIR", secret_path)  # a folder that does not exist
    at = page("sources")
    assert not at.exception
    assert marker not in shown_text(at)
    assert any("articles folder" in e.value for e in at.error)


# ------------------------------------------------------------------ 2. pathological texts

def test_one_sentence_over_the_guard_is_extracted_from_a_bounded_prefix():
    words = "زار وفد من سلطنة عمان مملكة البحرين في 12 مارس 2014 "
    text = words * (guard.MAX_SENTENCE_CHARS // len(words) + 50)
    result = extract_document(text, "2014-03-20")
    assert any("too long to extract fully" in w for w in result.warnings), result.warnings
    for ev in result.events:
        assert ev.evidence.end <= guard.MAX_SENTENCE_CHARS + len(words)
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.surface


def test_too_many_number_candidates_are_bounded():
    unit = "عقدت الورشة في 25 و26 يونيو 2013. "
    text = unit * (guard.MAX_NUMBERS // 3 + 20)
    result = extract_document(text)
    assert any("too long to extract fully" in w for w in result.warnings), result.warnings


@pytest.mark.parametrize("numbers,expected", [(guard.MAX_NUMBERS, ""), (guard.MAX_NUMBERS + 1, "numbers")])
def test_the_number_limit_is_passed_by_one_number_more(numbers, expected):
    """Exactly MAX_NUMBERS runs of digits pass; one more is cut before its sentence."""
    text = "عقدت الورشة في 25 يونيو. " * numbers
    limit, why = guard.extraction_limit(text)
    assert expected in why and (limit < len(text)) == bool(expected)
    if expected:
        assert text[:limit].endswith(".") and len(guard.NUMBER.findall(text[:limit])) == guard.MAX_NUMBERS


def test_the_densest_numbers_are_counted_at_the_length_bound():
    """A text too short to hold more than MAX_NUMBERS runs of digits is not counted: at the densest
    ("1.1.1…", one run every two characters) the guard still cuts one run past the limit, and the
    text of exactly MAX_NUMBERS runs (2 * MAX_NUMBERS - 1 characters, the longest not counted) passes."""
    at_bound = ".".join(["1"] * guard.MAX_NUMBERS)  # (len + 1) // 2 == MAX_NUMBERS: not counted
    assert len(at_bound) == 2 * guard.MAX_NUMBERS - 1 and guard.extraction_limit(at_bound) == (len(at_bound), "")
    for tail in (".1", ".1.", "1"):  # one run more, or the same runs in a text one character longer
        text = at_bound + tail
        runs = len(guard.NUMBER.findall(text))
        limit, why = guard.extraction_limit(text)
        assert ("numbers" in why) == (runs > guard.MAX_NUMBERS), tail
        assert len(guard.NUMBER.findall(text[:limit])) <= guard.MAX_NUMBERS


def test_the_number_count_bound_gives_the_plain_limits(monkeypatch):
    """extraction_limit with the length bound before counting gives what counting every text gives,
    on random strings of digits, marks and letters around the bound (MAX_NUMBERS set to 6)."""
    import random

    def plain(text):
        limit, why = len(text), ""
        for n, m in enumerate(guard.NUMBER.finditer(text), start=1):
            if n > guard.MAX_NUMBERS:
                return guard._last_end_before(text, m.start(), max(0, m.start() - guard.MAX_SENTENCE_CHARS)), \
                    f"over {guard.MAX_NUMBERS:,} numbers"
        return limit, why

    monkeypatch.setattr(guard, "MAX_NUMBERS", 6)
    rnd = random.Random(30)
    cut = 0
    for _ in range(20_000):
        text = "".join(rnd.choice(["1.", "١ ", "9\n", "ب", "1", "."]) for _ in range(rnd.randint(0, 10)))
        assert guard.extraction_limit(text) == plain(text), text
        cut += guard.extraction_limit(text)[1] != ""
    assert 500 < cut < 19_000  # both answers well represented


@pytest.mark.parametrize("length,cut", [(guard.MAX_SENTENCE_CHARS, False), (guard.MAX_SENTENCE_CHARS + 1, True)])
def test_the_sentence_limit_is_passed_by_one_character_more(length, cut):
    """A text of exactly MAX_SENTENCE_CHARS characters with no sentence end passes; one more is cut at a space."""
    text = ("وفد " * length)[:length]
    limit, why = guard.extraction_limit(text)
    assert (limit < len(text)) == cut and ("sentence" in why) == cut


def test_a_normal_article_has_no_guard_warning():
    assert extract_document(VISIT * 20, "2015-01-01").warnings == ()


def test_the_guard_warning_reaches_the_documents_table(tmp_path):
    unit = "عقدت الورشة في 25 و26 يونيو 2013. "
    write(tmp_path, {"a.txt": VISIT, "long.txt": unit * (guard.MAX_NUMBERS // 3 + 20)})
    corpus = load_corpus(tmp_path, cache=False)
    docs = corpus.documents.set_index("doc")
    assert docs.loc["long.txt", "status"] == "warning"
    assert "long.txt: too long to extract fully" in docs.loc["long.txt", "message"]
    assert docs.loc["a.txt", "status"] == "ok"


# ------------------------------------------------------------------ 3. symlinks

def test_symlink_out_of_the_folder_is_an_error_and_never_read(tmp_path):
    outside = write(tmp_path / "elsewhere", {"secret.txt": SECRET + "\n" + VISIT, "inside_ok.txt": OTHER})
    folder = write(tmp_path / "articles", {"a.txt": VISIT, "real.txt": OTHER + " 2016"})
    os.symlink(outside / "secret.txt", folder / "leak.txt")
    os.symlink("real.txt", folder / "alias.txt")   # stays inside: read like any file
    os.symlink(outside, folder / "sub_link")       # a folder link: skipped like a folder
    docs, messages = read_corpus(folder)
    docs = by_name(docs)
    assert docs["leak.txt"].status == "error" and docs["leak.txt"].text == ""
    assert docs["leak.txt"].messages == ("leak.txt: a link to a file outside the articles folder; not read",)
    assert docs["alias.txt"].status == "ok" and docs["real.txt"].duplicate_of == "alias.txt"
    everything = repr(docs) + repr(messages)
    assert SECRET not in everything and str(outside) not in everything


def test_entry_listed_as_a_file_then_replaced_by_a_link_out_is_refused(tmp_path):
    """read_limited's `entry` (a name the listing showed is not a link: opened without following links,
    no resolution of each part of the path) falls back to resolving the path when a link is found
    there, so a link swapped in after the listing is refused as a listed link is; a plain entry reads
    the same bytes and messages as with the path resolved."""
    from core.reading.folder import read_limited

    outside = write(tmp_path / "elsewhere", {"secret.txt": SECRET + "\n" + VISIT})
    folder = write(tmp_path / "articles", {"a.txt": VISIT, "real.txt": OTHER})
    real_folder = os.path.realpath(folder)
    for name in ("a.txt", "real.txt", "missing.txt"):
        assert read_limited(folder / name, name, 10_000, folder, real_folder=real_folder, entry=name) == \
            read_limited(folder / name, name, 10_000, folder)
    assert read_limited(folder / "a.txt", "a.txt", 5, folder, real_folder=real_folder, entry="a.txt") == \
        (None, f"a.txt: {len(VISIT.encode())} bytes exceeds the limit of 5 bytes "
               "(set the EGOV_MAX_BYTES environment variable or the max_bytes argument to change)")
    os.remove(folder / "a.txt")
    os.symlink(outside / "secret.txt", folder / "a.txt")  # after the listing
    assert read_limited(folder / "a.txt", "a.txt", 10_000, folder, real_folder=real_folder, entry="a.txt") == \
        (None, "a.txt: a link to a file outside the articles folder; not read")
    os.remove(folder / "a.txt")
    os.symlink("real.txt", folder / "a.txt")  # a link inside: read like any file
    assert read_limited(folder / "a.txt", "a.txt", 10_000, folder, real_folder=real_folder,
                        entry="a.txt") == (OTHER.encode("utf-8"), "")


def test_symlinked_manifest_outside_is_refused(tmp_path):
    outside = write(tmp_path / "elsewhere", {"m.csv": SECRET + ",x\n"})
    folder = write(tmp_path / "articles", {"a.txt": VISIT})
    os.symlink(outside / "m.csv", folder / "manifest.csv")
    docs, messages = read_corpus(folder)
    assert docs[0].status == "ok"
    assert any("manifest.csv: a link to a file outside the articles folder; not read" in m for m in messages)
    assert SECRET not in repr(messages)


# ------------------------------------------------------------------ 4. all-or-nothing writes

def test_a_failed_write_leaves_nothing(tmp_path, monkeypatch):
    folder = write(tmp_path, {"a.txt": VISIT, "manifest.csv": "file,published,source_url\na.txt,2015,\n"})
    before = {p.name: p.read_bytes() for p in folder.iterdir()}

    def disk_full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", disk_full)
    saved, messages = uploads.save_upload(folder, "new.txt", OTHER.encode("utf-8"), "2016")
    assert saved == "" and any("No space left on device" in m for m in messages), messages
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


def _save_under_a_file_size_limit(folder: str, data: bytes, queue) -> None:
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # EFBIG instead of a kill
    resource.setrlimit(resource.RLIMIT_FSIZE, (200, 200))
    try:
        queue.put(uploads.save_upload(folder, "big.txt", data))
    except BaseException as exc:  # reported to the test, which fails
        queue.put(("raised", repr(exc)))


def test_a_size_limit_hit_while_writing_leaves_nothing(tmp_path):
    folder = write(tmp_path, {"a.txt": VISIT})
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    proc = ctx.Process(target=_save_under_a_file_size_limit, args=(str(folder), (OTHER * 10).encode(), queue))
    proc.start()
    saved, messages = queue.get(timeout=60)
    proc.join(60)
    assert saved == "" and any("could not write" in m for m in messages), messages
    assert sorted(p.name for p in folder.iterdir()) == ["a.txt"]


def _slow_read_corpus():
    """read_corpus that waits after reading, so two uploads both check before either writes."""
    real = uploads.read_corpus

    def slow(*args, **kwargs):
        out = real(*args, **kwargs)
        time.sleep(0.3)
        return out
    uploads.read_corpus = slow
    return real


def _upload_in_process(folder: str, name: str, data: bytes, published: str | None, barrier, queue) -> None:
    _slow_read_corpus()
    barrier.wait(30)
    queue.put(uploads.save_upload(folder, name, data, published))


def test_two_threads_uploading_the_same_article_save_one(tmp_path, monkeypatch):
    folder = write(tmp_path, {"a.txt": VISIT})
    real = uploads.read_corpus
    monkeypatch.setattr(uploads, "read_corpus", lambda *a, **k: (real(*a, **k), time.sleep(0.3))[0])
    barrier = threading.Barrier(2)
    results = []

    def run():
        barrier.wait(30)
        results.append(uploads.save_upload(folder, "same.txt", OTHER.encode("utf-8")))

    threads = [threading.Thread(target=run) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert sorted(bool(saved) for saved, _ in results) == [False, True], results
    assert sorted(p.name for p in folder.glob("*.txt")) == ["a.txt", "same.txt"]


def test_two_processes_uploading_the_same_article_save_one(tmp_path):
    folder = write(tmp_path, {"a.txt": VISIT})
    ctx = multiprocessing.get_context("fork")
    barrier, queue = ctx.Barrier(2), ctx.Queue()
    procs = [ctx.Process(target=_upload_in_process,
                         args=(str(folder), "same.txt", OTHER.encode("utf-8"), None, barrier, queue))
             for _ in range(2)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=60) for _ in procs]
    for p in procs:
        p.join(60)
    assert sorted(bool(saved) for saved, _ in results) == [False, True], results
    assert sorted(p.name for p in folder.glob("*.txt")) == ["a.txt", "same.txt"]


def test_eight_writers_leave_one_manifest_header_and_every_row(tmp_path):
    folder = write(tmp_path, {"a.txt": VISIT})
    ctx = multiprocessing.get_context("fork")
    barrier, queue = ctx.Barrier(8), ctx.Queue()
    procs = [ctx.Process(target=_upload_in_process,
                         args=(str(folder), f"visit{n}.txt", f"{OTHER} رقم {n}".encode("utf-8"),
                               f"201{n}", barrier, queue))
             for n in range(8)]
    for p in procs:
        p.start()
    results = [queue.get(timeout=120) for _ in procs]
    for p in procs:
        p.join(60)
    assert all(saved for saved, _ in results), results
    rows = list(csv.reader((folder / "manifest.csv").read_text(encoding="utf-8").splitlines()))
    assert rows[0] == ["file", "published", "source_url"]
    assert sorted(rows[1:]) == sorted([f"visit{n}.txt", f"201{n}", ""] for n in range(8))
    docs = by_name(read_corpus(folder)[0])
    assert all(docs[f"visit{n}.txt"].published == f"201{n}" for n in range(8))


# ------------------------------------------------------------------ 5. floods

def flood_folder(folder: Path, stale: int, stray: int) -> Path:
    write(folder, {"a.txt": VISIT})
    rows = "".join(f"gone{n}.txt,2015,\n" for n in range(stale))
    (folder / "manifest.csv").write_text("file,published,source_url\na.txt,2015,\n" + rows, encoding="utf-8")
    for n in range(stray):
        (folder / f"stray{n}.bin").write_bytes(b"x")
    return folder


def test_folder_messages_are_grouped_and_capped(tmp_path):
    folder = flood_folder(tmp_path, stale=3_400, stray=500)
    docs, messages = read_corpus(folder)
    assert docs[0].status == "ok"
    assert len(messages) <= 10, messages[:12]
    missing = [m for m in messages if "name missing files" in m]
    assert missing and missing[0].startswith("manifest.csv: 3,400 rows name missing files — first 20 listed")
    assert "gone19.txt" in missing[0] and "gone20.txt" not in missing[0]
    skipped = [m for m in messages if "skipped" in m]
    assert skipped and skipped[0].startswith("500 files skipped")


def test_few_folder_messages_stay_one_per_problem(tmp_path):
    folder = flood_folder(tmp_path, stale=3, stray=2)
    _, messages = read_corpus(folder)
    assert "manifest.csv row 3: file gone0.txt not found" in messages
    assert "stray1.bin: skipped (only .txt, .html and .htm files are read)" in messages


def test_sources_page_caps_its_alerts(tmp_path, monkeypatch):
    folder = flood_folder(tmp_path / "seeds", stale=34_000, stray=300)
    for n in range(200):
        (folder / f"empty{n}.txt").write_bytes(b"")
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(folder))
    at = page("sources")
    assert not at.exception, [e.value for e in at.exception]
    alerts = len(at.error) + len(at.warning) + len(at.info)
    assert alerts <= 40, alerts
    assert any("more documents with problems" in e.value for e in [*at.warning, *at.info, *at.error])


# ------------------------------------------------------------------ 6. the cache checks what it reads

@pytest.fixture
def store(tmp_path) -> ExtractionCache:
    return ExtractionCache(tmp_path / "cache")


def plant(store: ExtractionCache, key: str, payload) -> Path:
    path = store.path(key)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(pickle.dumps(payload))
    return path


def test_an_entry_of_valid_classes_with_wrong_contents_is_a_miss(store):
    key = store.key(VISIT, "")
    bad = DocumentExtraction(title=5, events=("not an event",), rankings=None)  # type: ignore[arg-type]
    plant(store, key, (cache.FORMAT, key, bad))
    assert store.get(key) is None
    assert store.stats.corrupt == 1


def test_an_entry_whose_spans_do_not_fit_the_text_is_a_miss(store):
    good = extract_document(VISIT, "")
    key = store.key(VISIT, "")
    store.put(key, good, VISIT)
    assert store.get(key, VISIT) == good
    other = ExtractionCache(store.folder)
    wrong = Event(**{**good.events[0].__dict__, "evidence": Span("x" * 5, 10_000, 10_005)})
    other.put(key, DocumentExtraction(title=good.title, events=(wrong,), rankings=good.rankings), VISIT)
    assert other.get(key, VISIT) is None and other.stats.corrupt == 1


def test_load_corpus_overwrites_a_poisoned_entry(tmp_path, store):
    folder = write(tmp_path / "articles", {"a.txt": VISIT})
    clean = load_corpus(folder, cache=False)
    load_corpus(folder, cache=store)
    for path in store.folder.rglob("*.pickle"):
        fmt, key, *rest = pickle.loads(path.read_bytes())
        bad = DocumentExtraction(title="", events=("junk",), rankings=())  # type: ignore[arg-type]
        path.write_bytes(pickle.dumps((fmt, key, *rest[:-1], bad)))
    again = ExtractionCache(store.folder)
    assert load_corpus(folder, cache=again).events.equals(clean.events)
    assert again.stats.corrupt == 1 and again.stats.written == 1
    third = ExtractionCache(store.folder)
    load_corpus(folder, cache=third)
    assert third.stats.hits == 1


def test_a_fifo_entry_never_hangs(store):
    key = store.key(VISIT, "")
    path = store.path(key)
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    done = []
    worker = threading.Thread(target=lambda: done.append(store.get(key)), daemon=True)
    worker.start()
    worker.join(10)
    hung = worker.is_alive()
    if hung:  # release the reader so the test run can finish
        fd = os.open(path, os.O_WRONLY | os.O_NONBLOCK)
        os.close(fd)
    assert not hung and done == [None]


def test_a_huge_junk_entry_is_not_read_whole(tmp_path):
    code = f"""
import os, resource, sys
sys.path.insert(0, {str(ROOT)!r})
from core.store.cache import ExtractionCache
store = ExtractionCache({str(tmp_path / 'cache')!r})
key = store.key("x", "")
path = store.path(key)
path.parent.mkdir(parents=True)
with open(path, "wb") as fh:
    fh.truncate(1_500_000_000)   # sparse: 1.5 GB of zeros, no disk used
resource.setrlimit(resource.RLIMIT_AS, (1_000_000_000, 1_000_000_000))
print(store.get(key), store.stats.corrupt)
"""
    env = {**os.environ, "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=env)
    assert done.returncode == 0, done.stderr[-1500:]
    assert done.stdout.split() == ["None", "1"]


def test_a_read_only_cache_is_reported_once(tmp_path):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = write(tmp_path / "articles", {"a.txt": VISIT, "b.txt": OTHER})
    ro = tmp_path / "cache"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        corpus = load_corpus(folder, cache=ro)
    finally:
        ro.chmod(0o755)
    notes = [m for m in corpus.messages if "extraction cache" in m]
    assert len(notes) == 1 and str(ro) not in notes[0], corpus.messages


def test_a_read_only_cache_is_reported_once_even_as_root(tmp_path, monkeypatch):
    folder = write(tmp_path / "articles", {"a.txt": VISIT, "b.txt": OTHER})

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")

    monkeypatch.setattr(cache.tempfile, "mkstemp", refuse)
    corpus = load_corpus(folder, cache=tmp_path / "cache")
    notes = [m for m in corpus.messages if "extraction cache" in m]
    assert len(notes) == 1 and "Permission denied" in notes[0], corpus.messages
    assert str(tmp_path) not in notes[0]


# ------------------------------------------------------------------ 7. CSVs, bidi controls, URL ranges

def test_cli_csvs_escape_formulas_and_quote_every_field(tmp_path):
    folder = write(tmp_path / "in", {"a.txt": "=HYPERLINK(\"http://x\",\"y\")\n" + VISIT,
                                     "b\rc.txt": OTHER, "@d.txt": VISIT + " 2017"})
    env = {**os.environ, "EGOV_CACHE_DIR": str(tmp_path / "cache")}
    done = subprocess.run([sys.executable, "-m", "core", "export", str(folder), "--out", str(tmp_path / "out")],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    raw = (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8")
    with open(tmp_path / "out" / "documents.csv", newline="", encoding="utf-8") as fh:
        rows = list(csv.reader(fh))
    assert all(len(r) == len(tables.DOCUMENTS) for r in rows), rows
    assert len(rows) == 4
    titles = {r[0]: r[1] for r in rows[1:]}
    assert titles["a.txt"].startswith("'=HYPERLINK(")
    assert "'@d.txt" in titles and "b\rc.txt" in titles
    assert raw.startswith('"doc","title"')
    for name in ("claims.csv", "rejected.csv", "events.csv"):  # every CSV the export writes
        with open(tmp_path / "out" / name, newline="", encoding="utf-8") as fh:
            cells = [cell for row in csv.reader(fh) for cell in row]
        assert not any(cell.startswith(("=", "@")) for cell in cells), name
        assert (tmp_path / "out" / name).read_text(encoding="utf-8").startswith('"'), name


def test_ui_and_cli_share_one_formula_escape():
    from core.store import csv_safety
    from ui import safety

    assert safety.csv_safe is csv_safety.csv_safe


@pytest.mark.parametrize("mark", ["\u2066", "\u2067", "\u2068", "\u2069", "\u061c"])
def test_bidi_isolates_are_normalized_away_with_offsets_kept(mark):
    original = f"سلطنة ع{mark}مان"
    norm = normalize(original)
    assert norm.text == normalize("سلطنة عمان").text
    start = norm.text.index("عمان")
    assert norm.surface(start, start + 4)[0] == f"ع{mark}مان"


def test_a_name_with_a_bidi_isolate_is_extracted():
    plain = extract_document(VISIT)
    marked = extract_document(VISIT.replace("عمان", "ع\u2068مان\u2069"))
    iso = lambda r: sorted(p.iso3 for e in r.events for p in e.participants)  # noqa: E731
    assert iso(marked) == iso(plain) and "OMN" in iso(plain)


def test_a_reversed_year_range_in_the_url_is_swapped_with_a_note(tmp_path, monkeypatch):
    folder = tmp_path / "seeds"
    shutil.copytree(SEEDS, folder, ignore=shutil.ignore_patterns("reference"))
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(folder))
    straight = page("overview", ov_years=["2010", "2024"])
    reversed_ = page("overview", ov_years=["2024", "2010"])
    assert not reversed_.exception
    assert any("reversed" in e.value for e in [*reversed_.caption, *reversed_.info, *reversed_.warning])
    drawn = lambda at: [el.spec for el in page_charts(at)]  # noqa: E731
    assert drawn(reversed_) == drawn(straight)


def test_a_fifo_in_the_corpus_snapshot_never_hangs(tmp_path, monkeypatch):
    from core.run import snapshot

    folder = Path(shutil.copytree(SEEDS, tmp_path / "seeds", ignore=shutil.ignore_patterns("reference")))
    monkeypatch.setenv("EGOV_CACHE_DIR", str(tmp_path / "cache"))
    snapshot.load_corpus(folder)
    (meta,) = (tmp_path / "cache").rglob(f"snapshots/*/*/{snapshot.META}")
    meta.unlink()
    os.mkfifo(meta)
    done = []
    worker = threading.Thread(target=lambda: done.append(snapshot.load_corpus(folder)), daemon=True)
    worker.start()
    worker.join(30)
    hung = worker.is_alive()
    if hung:  # release the reader so the test run can finish
        os.close(os.open(meta, os.O_WRONLY | os.O_NONBLOCK))
        worker.join(30)
    assert not hung and len(done[0].documents) == 5
