"""The bad-input corpus (tools/make_bad_corpus.py) next to the seeds: every problem is named,
and the seeds load exactly as they do alone."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from core.reading import ingest
from core.reading.ingest import read_corpus

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
LIMIT = 200_000

_spec = importlib.util.spec_from_file_location("make_bad_corpus", ROOT / "tools" / "make_bad_corpus.py")
make_bad_corpus = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make_bad_corpus)

try:
    import core.run.pipeline  # noqa: F401
    HAVE_EXTRACT, EXTRACT_MISSING = True, ""
except ImportError as exc:
    HAVE_EXTRACT, EXTRACT_MISSING = False, f"core.extract cannot be imported yet: {exc}"

# (file, status, parts every one of which is in some message of that document, duplicate_of)
EXPECTED = [
    ("article.txt", "ok", (), ""),
    ("binary.txt", "error", ("binary.txt: binary file (contains NUL bytes)",), ""),
    ("broken_link.txt", "error", ("broken_link.txt: could not be read (No such file or directory)",), ""),
    ("controls.txt", "error", ("controls.txt: binary file", "control characters"), ""),
    ("cp1256.txt", "warning", ("cp1256.txt: not UTF-8; decoded as Windows-1256",
                               "cp1256.txt: manifest.csv row 3: published '2013-13-45' is not a valid date"), ""),
    ("damaged_utf8.txt", "warning", ("damaged_utf8.txt: 1 invalid UTF-8 byte sequence(s) replaced",), ""),
    ("duplicate.txt", "warning", ("duplicate.txt: duplicate of article.txt (identical bytes)",), "article.txt"),
    ("duplicate_crlf.txt", "warning", ("duplicate_crlf.txt: duplicate of article.txt (same text)",), "article.txt"),
    ("empty.txt", "error", ("empty.txt: empty file (0 bytes)",), ""),
    ("huge.txt", "error", (f"exceeds the limit of {LIMIT} bytes (set the EGOV_MAX_BYTES environment "
                           "variable or the max_bytes argument to change)",), ""),
    ("iso8859_6.txt", "warning", ("iso8859_6.txt: not UTF-8; decoded as ISO-8859-6",
                                  "manifest.csv row 5: published '26/06/2013' is not a valid date",
                                  "write 2013-06-26"), ""),
    ("no_arabic.txt", "warning", ("no_arabic.txt: no Arabic letters found (extracted anyway)",), ""),
    ("page.html", "ok", ("page.html: note: HTML converted to text",), ""),
    ("saved_page.txt", "warning", ("saved_page.txt: looks like an HTML page saved as .txt",), ""),
    ("utf16.txt", "warning", ("utf16.txt: not UTF-8; decoded as UTF-16",
                              "manifest.csv row 4: published 'June 2013' is not a valid date"), ""),
    ("utf8_bom.txt", "ok", ("utf8_bom.txt: note: UTF-8 with a byte order mark",), ""),
    ("whitespace.txt", "error", ("whitespace.txt: empty file (only whitespace)",), ""),
    ("name\\xff.txt", "warning", ("name\\xff.txt: file name is not valid UTF-8",), ""),
    ("outside_link.txt", "error", ("outside_link.txt: a link to a file outside the articles folder; not read",), ""),
    ("pathological_dates.txt", "ok", (), ""),
    ("pathological_ranks.txt", "ok", (), ""),
    ("pathological_sentence.txt", "ok", (), ""),
    ("xss.txt", "warning", ("xss.txt: manifest.csv row 8: source_url 'javascript:alert(1)' is not an http(s) "
                            "address; left empty",), ""),
]

# Over the per-article guard's limits even at the bad corpus's scale (a sentence over 20,000
# characters; over 5,000 numbers); pathological_ranks.txt stays under them and is extracted whole.
GUARDED = ("pathological_dates.txt", "pathological_sentence.txt")

FOLDER_MESSAGES = [
    "manifest.csv row 6: file missing.txt not found",
    "manifest.csv row 7: file article.txt is already listed in row 2 (same values); row 7 ignored",
    "manifest.csv: column(s) 'notes' ignored (known columns: file, published, source_url)",
    "notes.pdf: skipped (only .txt, .html and .htm files are read)",
]

ENCODINGS = {"article.txt": "utf-8", "cp1256.txt": "cp1256", "iso8859_6.txt": "iso8859_6",
             "utf16.txt": "utf-16", "utf8_bom.txt": "utf-8-sig", "page.html": "utf-8"}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return make_bad_corpus.build(tmp_path_factory.mktemp("bad"), seeds=SEEDS)


@pytest.fixture(scope="module")
def corpus(folder):
    with pytest.MonkeyPatch.context() as mp:
        mp.delenv(ingest.MAX_BYTES_ENV, raising=False)
        docs, messages = read_corpus(folder, max_bytes=LIMIT)
    return {d.doc: d for d in docs}, messages


@pytest.fixture(scope="module")
def seeds_alone():
    docs, _ = read_corpus(SEEDS, max_bytes=LIMIT)
    return {d.doc: d for d in docs}


@pytest.mark.parametrize("name, status, parts, duplicate_of", EXPECTED, ids=[row[0] for row in EXPECTED])
def test_bad_file(corpus, name, status, parts, duplicate_of):
    doc = corpus[0][name]
    assert doc.status == status, doc.messages
    assert doc.duplicate_of == duplicate_of
    for part in parts:
        assert any(part in m for m in doc.messages), (part, doc.messages)
    assert all(m.startswith(f"{name}: ") for m in doc.messages)
    assert (doc.text == "") == (status == "error")


def test_every_article_file_is_a_document(folder, corpus):
    docs = corpus[0]
    article_files = {ingest.safe_name(p.name) for p in folder.iterdir() if p.suffix in (".txt", ".html")}
    assert set(docs) == article_files
    assert {name for name, *_ in EXPECTED} | {p.name for p in SEEDS.glob("*.txt")} == article_files


@pytest.mark.parametrize("message", FOLDER_MESSAGES)
def test_folder_message(corpus, message):
    assert message in corpus[1]


@pytest.mark.parametrize("name, encoding", ENCODINGS.items())
def test_encodings(corpus, name, encoding):
    assert corpus[0][name].encoding == encoding


@pytest.mark.parametrize("name, text", [
    ("article.txt", make_bad_corpus.ARTICLE),
    ("cp1256.txt", make_bad_corpus.CP1256),
    ("iso8859_6.txt", make_bad_corpus.ISO8859_6),
    ("utf16.txt", make_bad_corpus.UTF16),
    ("utf8_bom.txt", make_bad_corpus.UTF8_BOM),
    ("no_arabic.txt", make_bad_corpus.NO_ARABIC),
    ("xss.txt", make_bad_corpus.XSS),
    ("page.html", "\n".join((make_bad_corpus.PAGE_TITLE, *make_bad_corpus.PAGE_BODY))),
])
def test_text_is_decoded_exactly(corpus, name, text):
    assert corpus[0][name].text == text


def test_page_chrome_is_dropped(corpus):
    text = corpus[0]["page.html"].text
    for chrome in ("الصفحة الرئيسية", "محليات", "الأكثر قراءة", "بحث", "جميع الحقوق", "إعلان", "tracker",
                   "comment", "font-family"):
        assert chrome not in text


def test_xss_text_is_kept_verbatim(corpus):
    text = corpus[0]["xss.txt"].text
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[هنا](javascript:alert(1))",
                    "**رائدة**"):
        assert payload in text
    assert corpus[0]["xss.txt"].published == "2014" and corpus[0]["xss.txt"].source_url == ""


def test_manifest_metadata(corpus):
    docs = corpus[0]
    assert (docs["article.txt"].published, docs["article.txt"].source_url) == ("2013-06-26", "https://example.org/news/1")
    assert (docs["page.html"].published, docs["page.html"].source_url) == ("2012-05", "https://example.org/news/2")
    for name in ("cp1256.txt", "utf16.txt", "iso8859_6.txt"):
        assert docs[name].published == ""


def test_seeds_load_unchanged_next_to_bad_files(corpus, seeds_alone):
    assert len(seeds_alone) == 5
    for name, alone in seeds_alone.items():
        doc = corpus[0][name]
        assert doc.status == "ok" and doc.messages == ()
        assert doc == alone


def test_huge_file_loads_under_the_default_limit(folder, monkeypatch):
    monkeypatch.delenv(ingest.MAX_BYTES_ENV, raising=False)
    docs = {d.doc: d for d in read_corpus(folder)[0]}
    assert docs["huge.txt"].status == "ok" and docs["huge.txt"].size > LIMIT


def test_limit_from_the_environment(folder, monkeypatch):
    monkeypatch.setenv(ingest.MAX_BYTES_ENV, str(LIMIT))
    docs = {d.doc: d for d in read_corpus(folder)[0]}
    assert docs["huge.txt"].status == "error"
    assert f"exceeds the limit of {LIMIT} bytes" in docs["huge.txt"].messages[0]


def test_command_line(tmp_path):
    out = tmp_path / "out"
    done = subprocess.run([sys.executable, str(ROOT / "tools" / "make_bad_corpus.py"), str(out)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    names = {p.name for p in out.iterdir()}
    assert {"empty.txt", "binary.txt", "cp1256.txt", "iso8859_6.txt", "utf16.txt", "utf8_bom.txt", "page.html",
            "huge.txt", "no_arabic.txt", "duplicate.txt", "xss.txt", "manifest.csv"} <= names
    assert (out / "huge.txt").stat().st_size >= 300_000
    assert not any(p.name.startswith("00") for p in out.iterdir())  # no seeds without --seeds


@pytest.mark.skipif(not HAVE_EXTRACT, reason=EXTRACT_MISSING or "core.extract missing")
def test_seed_tables_unchanged_next_to_bad_files(folder, monkeypatch):
    from core import load_corpus

    monkeypatch.delenv(ingest.MAX_BYTES_ENV, raising=False)
    alone = load_corpus(SEEDS, max_bytes=LIMIT)
    mixed = load_corpus(folder, max_bytes=LIMIT)
    seeds = set(alone.documents["doc"])
    for table in ("events", "participants", "rankings"):
        expected = getattr(alone, table).reset_index(drop=True)
        got = getattr(mixed, table)
        got = got[got["doc"].isin(seeds)].reset_index(drop=True)
        assert expected.equals(got), table
    documents = mixed.documents.set_index("doc")
    for name, status, *_ in EXPECTED:
        if name in GUARDED:  # read fine, then cut by the per-article guard
            assert documents.loc[name, "status"] == "warning"
            assert f"{name}: too long to extract fully" in documents.loc[name, "message"]
            continue
        assert documents.loc[name, "status"] == status
    for name in seeds:
        assert documents.loc[name, "status"] == "ok"
    # Duplicates and errors are not extracted; the page and the XSS article are.
    extracted_docs = set(mixed.events["doc"]) | set(mixed.rankings["doc"])
    assert not extracted_docs & {"duplicate.txt", "duplicate_crlf.txt", "empty.txt", "binary.txt", "huge.txt"}
    assert mixed.texts["xss.txt"] == make_bad_corpus.XSS


def test_outside_link_target_is_never_shown(corpus):
    docs, messages = corpus
    target = make_bad_corpus.OUTSIDE_LINK[1]
    assert docs["outside_link.txt"].text == ""
    assert target not in repr(docs) + repr(messages)


def test_stale_row_flood_is_one_message(tmp_path, monkeypatch):
    monkeypatch.delenv(ingest.MAX_BYTES_ENV, raising=False)
    folder = make_bad_corpus.build(tmp_path / "flood", flood=True)
    docs, messages = read_corpus(folder)  # the default limit: the flooded manifest is about 1 MB
    stale = [m for m in messages if "name missing files" in m]
    assert len(stale) == 1 and stale[0].startswith(
        f"manifest.csv: {make_bad_corpus.STALE_ROWS + 1:,} rows name missing files — first 20 listed, "
        "all in manifest.csv: ")
    assert len(messages) < 12, messages
    assert by_doc(docs)["article.txt"].published == "2013-06-26"


def by_doc(docs):
    return {d.doc: d for d in docs}


@pytest.mark.skipif(not HAVE_EXTRACT, reason=EXTRACT_MISSING or "core.extract missing")
def test_poisoned_cache_entries_are_misses_that_get_rewritten(tmp_path, monkeypatch):
    from core import load_corpus
    from core.store.cache import ExtractionCache

    monkeypatch.delenv(ingest.MAX_BYTES_ENV, raising=False)
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in sorted(SEEDS.glob("*.txt")):
        (folder / name.name).write_bytes(name.read_bytes())
    planted = make_bad_corpus.poison_cache(folder, tmp_path / "cache")
    assert len(planted) == 3
    store = ExtractionCache(tmp_path / "cache")
    poisoned = load_corpus(folder, cache=store)
    assert poisoned.events.equals(load_corpus(folder, cache=False).events)
    assert store.stats.corrupt == 3 and store.stats.written == 5
    assert all(p.is_file() and p.stat().st_size < 1_000_000 for p in planted)  # overwritten
