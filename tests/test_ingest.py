"""core.reading.ingest: decoding, HTML extraction, manifest validation, folder reading and uploads."""

from __future__ import annotations

import codecs
import os
import random
import unicodedata
from pathlib import Path

import pytest

from core.reading import ingest

from core.reading import uploads
from core.reading.ingest import (CorpusFolderError, decode_bytes, html_to_text, read_article_bytes,
                         read_corpus, read_manifest, validate_published, validate_source_url)
from core.reading.uploads import check_upload_name, save_upload
from folder_helpers import _no_env_limit, by_name, write  # noqa: F401 (_no_env_limit: autouse fixture)

# Sentences written for these tests (e-government visits); none is taken from an article.
VISIT = "زار وفد من سلطنة عمان مملكة البحرين للاطلاع على تجربة الحكومة الإلكترونية."
KUWAIT = "استقبلت الهيئة وفدا رسميا من دولة الكويت يوم الأحد، وقدمت له عرضا عن الخدمات الذكية."
WORKSHOP = "ورشة عمل خليجية حول توحيد رسم الخرائط"   # no غ ف ق ك: valid in both Arabic code pages
SHORT = "وفد"
TWO_WORDS = "رسم الخرائط"
RANK = "حققت المملكة المركز الأول عربيا في مؤشر الأمم المتحدة لعام 2012؛ هل يتكرر ذلك؟"


# --- decoding --------------------------------------------------------------------------------

DECODE_OK = [
    pytest.param(VISIT.encode("utf-8"), VISIT, "utf-8", "ok", "", id="utf8"),
    pytest.param(codecs.BOM_UTF8 + VISIT.encode("utf-8"), VISIT, "utf-8-sig", "ok", "byte order mark",
                 id="utf8-bom"),
    pytest.param(KUWAIT.encode("utf-16"), KUWAIT, "utf-16", "warning", "decoded as UTF-16", id="utf16-bom"),
    pytest.param(codecs.BOM_UTF16_BE + KUWAIT.encode("utf-16-be"), KUWAIT, "utf-16", "warning",
                 "decoded as UTF-16", id="utf16be-bom"),
    pytest.param(RANK.encode("utf-32"), RANK, "utf-32", "warning", "decoded as UTF-32", id="utf32-bom"),
    pytest.param(KUWAIT.encode("utf-16-le"), KUWAIT, "utf_16_le", "warning", "UTF-16LE without a byte order mark",
                 id="utf16le-no-bom"),
    pytest.param("Manama visit, 2013".encode("utf-16-le"), "Manama visit, 2013", "utf_16_le", "warning",
                 "UTF-16LE without a byte order mark", id="utf16le-no-bom-ascii"),
    pytest.param(VISIT.encode("cp1256"), VISIT, "cp1256", "warning", "decoded as Windows-1256", id="cp1256"),
    pytest.param(KUWAIT.encode("cp1256"), KUWAIT, "cp1256", "warning", "decoded as Windows-1256", id="cp1256-2"),
    pytest.param(RANK.encode("cp1256"), RANK, "cp1256", "warning", "decoded as Windows-1256", id="cp1256-rank"),
    pytest.param(SHORT.encode("cp1256"), SHORT, "cp1256", "warning", "Windows-1256", id="cp1256-one-word"),
    pytest.param(WORKSHOP.encode("cp1256"), WORKSHOP, "cp1256", "warning", "Windows-1256",
                 id="cp1256-also-valid-iso"),
    pytest.param(VISIT.encode("iso8859_6"), VISIT, "iso8859_6", "warning", "decoded as ISO-8859-6", id="iso8859-6"),
    pytest.param(KUWAIT.encode("iso8859_6"), KUWAIT, "iso8859_6", "warning", "ISO-8859-6", id="iso8859-6-2"),
    pytest.param(RANK.encode("iso8859_6"), RANK, "iso8859_6", "warning", "ISO-8859-6", id="iso8859-6-rank"),
    pytest.param(SHORT.encode("iso8859_6"), SHORT, "iso8859_6", "warning", "ISO-8859-6", id="iso8859-6-one-word"),
    pytest.param(WORKSHOP.encode("iso8859_6"), WORKSHOP, "iso8859_6", "warning", "ISO-8859-6",
                 id="iso8859-6-thai-first-guess"),
    pytest.param(TWO_WORDS.encode("iso8859_6"), TWO_WORDS, "iso8859_6", "warning", "ISO-8859-6",
                 id="iso8859-6-two-words"),
    pytest.param(b"A delegation from Estonia visited Manama.", "A delegation from Estonia visited Manama.",
                 "utf-8", "ok", "", id="ascii"),
]


@pytest.mark.parametrize("raw, text, encoding, status, message", DECODE_OK)
def test_decode_bytes(raw, text, encoding, status, message):
    decoded = decode_bytes(raw, "a.txt")
    assert (decoded.text, decoded.encoding, decoded.status) == (text, encoding, status)
    if message:
        assert any(message in m and m.startswith("a.txt: ") for m in decoded.messages), decoded.messages
    else:
        assert decoded.messages == ()


def test_decode_bytes_unpacks_as_a_tuple():
    text, encoding, messages, status = decode_bytes(VISIT.encode("cp1256"), "a.txt")
    assert (text, encoding, status) == (VISIT, "cp1256", "warning")
    assert messages == ("a.txt: not UTF-8; decoded as Windows-1256 (detected by charset-normalizer)",)


def test_decode_latin_text_keeps_charset_normalizer_guess():
    decoded = decode_bytes("Délégation française à Manama, visite réussie.".encode("cp1252"), "fr.txt")
    assert decoded.status == "warning"
    assert decoded.text == "Délégation française à Manama, visite réussie."
    assert "not UTF-8; decoded as" in decoded.messages[0]


def test_decode_damaged_utf8_replaces_the_bad_byte():
    raw = VISIT.encode("utf-8")
    cut = raw.index(b" ") + 1  # between two characters
    damaged = raw[:cut] + b"\xff" + raw[cut:] + KUWAIT.encode("utf-8")
    decoded = decode_bytes(damaged, "d.txt")
    assert decoded.status == "warning"
    assert decoded.messages == ("d.txt: 1 invalid UTF-8 byte sequence(s) replaced by U+FFFD",)
    assert decoded.text.count("\ufffd") == 1


def _random_bytes(low: int, high: int, n: int = 4000) -> bytes:
    rng = random.Random(7)
    return bytes(rng.randrange(low, high) for _ in range(n))


DECODE_ERRORS = [
    pytest.param(b"", "empty file (0 bytes)", id="empty"),
    pytest.param(b"  \n\t\r\n ", "empty file (only whitespace)", id="whitespace"),
    pytest.param(codecs.BOM_UTF8 + b" \n", "empty file (only whitespace)", id="bom-and-whitespace"),
    pytest.param("\u200f \n".encode("utf-8"), "empty file (only whitespace)", id="invisible-marks"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + _random_bytes(0, 256), "binary file (contains NUL bytes)",
                 id="png-like"),
    pytest.param(bytes(range(1, 9)) * 50 + VISIT.encode("utf-8"), "control characters", id="control-chars"),
    pytest.param(_random_bytes(128, 256), "binary or undecodable file", id="random-high-bytes"),
    pytest.param(codecs.BOM_UTF16_LE + b"\x00\xd8", "byte order mark but is not valid", id="broken-utf16"),
    pytest.param(b"04\x000", "binary file (contains NUL bytes)", id="nul-reads-as-cjk-utf16"),
]


@pytest.mark.parametrize("raw, message", DECODE_ERRORS)
def test_decode_bytes_errors(raw, message):
    decoded = decode_bytes(raw, "bad.txt")
    assert decoded.status == "error" and decoded.text == "" and decoded.encoding == ""
    assert len(decoded.messages) == 1 and decoded.messages[0].startswith("bad.txt: ")
    assert message in decoded.messages[0]


ARTICLE_BYTES = [
    pytest.param("x.txt", VISIT, "ok", None, id="arabic-text"),
    pytest.param("x.txt", "A delegation from Estonia visited the authority.", "warning",
                 "no Arabic letters found (extracted anyway)", id="no-arabic"),
    pytest.param("x.txt", f"<!DOCTYPE html><html><body><p>{VISIT}</p></body></html>", "warning",
                 "looks like an HTML page saved as .txt", id="html-in-txt"),
    pytest.param("x.txt", f"{VISIT} <script>alert(1)</script>", "ok", None, id="script-in-text-is-text"),
    pytest.param("x.html", f"<p>{VISIT}</p>", "ok", "HTML converted to text", id="html"),
    pytest.param("x.HTM", f"<p>{VISIT}</p>", "ok", "HTML converted to text", id="htm-upper"),
    pytest.param("x.html", "<p>Only English here.</p>", "warning", "no Arabic letters", id="html-no-arabic"),
    pytest.param("x.html", "<script>var a = 1;</script><nav>قائمة</nav>", "error",
                 "no text left after HTML conversion", id="html-nothing-left"),
]


@pytest.mark.parametrize("name, content, status, message", ARTICLE_BYTES)
def test_read_article_bytes(name, content, status, message):
    decoded = read_article_bytes(name, content.encode("utf-8"))
    assert decoded.status == status
    if message:
        assert any(message in m for m in decoded.messages), decoded.messages
    else:
        assert decoded.messages == ()


# --- HTML ------------------------------------------------------------------------------------

HTML_CASES = [
    pytest.param("<p>الأولى</p><p>الثانية</p>", "الأولى\nالثانية", id="paragraphs-on-lines"),
    pytest.param("<div>سطر<br>آخر</div>", "سطر\nآخر", id="br"),
    pytest.param("<p>وفد <b>من</b> <a href='#'>عمان</a></p>", "وفد من عمان", id="inline-stays-on-line"),
    pytest.param("<p>  وفد \n\n   رسمي  </p>", "وفد رسمي", id="whitespace-collapsed"),
    pytest.param("<p>وفد&nbsp;رسمي &amp; خبراء</p>", "وفد رسمي & خبراء", id="entities"),
    pytest.param("<h1>عنوان</h1><ul><li>أ</li><li>ب</li></ul>", "عنوان\nأ\nب", id="headings-lists"),
    pytest.param("<table><tr><td>البحرين</td><td>الأول</td></tr></table>", "البحرين\nالأول", id="table-cells"),
    pytest.param("<p>نص</p><script>alert('x')</script><style>p{}</style><noscript>فعّل</noscript>", "نص",
                 id="script-style-noscript"),
    pytest.param("<header>شعار</header><nav>قائمة</nav><p>نص</p><aside>جانبي</aside>"
                 "<form><input><button>بحث</button></form><footer>حقوق</footer>", "نص",
                 id="page-chrome"),
    pytest.param("<article><header><h1>عنوان الخبر</h1></header><p>نص</p><footer>وسوم</footer></article>",
                 "عنوان الخبر\nنص", id="article-header-kept"),
    pytest.param("<html><head><title>الموقع</title><meta charset='utf-8'></head><body><p>نص</p></body></html>",
                 "نص", id="head-dropped"),
    pytest.param("<!DOCTYPE html><p>نص<!-- تعليق --></p><div hidden>مخفي</div>", "نص", id="comment-hidden"),
    pytest.param("<p>وفد<div>من عمان", "وفد\nمن عمان", id="unclosed-tags"),
    pytest.param("<p>a < b & c</p>", "a < b & c", id="bare-lt-amp"),
    pytest.param("<div>" * 3000 + "عميق" + "</div>" * 3000, "عميق", id="deep-nesting"),
]


@pytest.mark.parametrize("markup, expected", HTML_CASES)
def test_html_to_text(markup, expected):
    assert html_to_text(markup) == expected


# --- manifest values -------------------------------------------------------------------------

PUBLISHED = [
    pytest.param("2013", "2013", "", id="year"),
    pytest.param("2013-06", "2013-06", "", id="month"),
    pytest.param("2013-06-26", "2013-06-26", "", id="day"),
    pytest.param(" 2012-02-29 ", "2012-02-29", "", id="leap-day-stripped"),
    pytest.param("", "", "", id="empty"),
    pytest.param("2013-13-45", "", "there is no month 13", id="month-13"),
    pytest.param("2013-02-29", "", "there is no day 29 in 2013-02", id="not-leap"),
    pytest.param("2013-00", "", "there is no month 0", id="month-0"),
    pytest.param("1850", "", "year outside 1900–2100", id="too-old"),
    pytest.param("June 2013", "", "write 2013-06", id="month-name"),
    pytest.param("26/06/2013", "", "if it is day/month/year, write 2013-06-26", id="dmy"),
    pytest.param("2013/06/26", "", "use YYYY-MM-DD, YYYY-MM or YYYY", id="slashes"),
    pytest.param("13-6-2013", "", "use YYYY-MM-DD, YYYY-MM or YYYY", id="dmy-dashes"),
    pytest.param("٢٠١٣-٠٦", "", "write 2013-06 with ASCII digits", id="arabic-indic-digits"),
]


@pytest.mark.parametrize("value, published, problem", PUBLISHED)
def test_validate_published(value, published, problem):
    got, why = validate_published(value)
    assert got == published
    assert (problem in why) if problem else why == ""
    if problem:
        assert why.startswith(f"published '{value.strip()}'")


SOURCE_URLS = [
    pytest.param("https://example.org/a", True, id="https"),
    pytest.param("http://alwatannews.net/article/87097/وفد-أممي", True, id="arabic-path"),
    pytest.param("javascript:alert(1)", False, id="javascript"),
    pytest.param("data:text/html,<script>alert(1)</script>", False, id="data"),
    pytest.param("example.org/a", False, id="no-scheme"),
    pytest.param("ftp://example.org/a", False, id="ftp"),
    pytest.param("http://", False, id="no-host"),
    pytest.param("https://example.org/a b", False, id="space"),
]


@pytest.mark.parametrize("value, kept", SOURCE_URLS)
def test_validate_source_url(value, kept):
    got, why = validate_source_url(value)
    assert (got == value and why == "") if kept else (got == "" and "is not an http(s) address" in why)


# --- manifest files --------------------------------------------------------------------------

ARTICLES = {"a.txt": VISIT, "b.txt": KUWAIT}

MANIFESTS = [
    pytest.param(b"file,published,source_url\na.txt,2013-06,https://example.org/a\nb.txt,2014,\n",
                 [], {"a.txt": ("ok", "2013-06"), "b.txt": ("ok", "2014")}, id="good"),
    pytest.param(codecs.BOM_UTF8 + b"File , Published,SOURCE_URL\r\na.txt,2013,\r\nb.txt,2014,\r\n",
                 [], {"a.txt": ("ok", "2013"), "b.txt": ("ok", "2014")}, id="bom-crlf-header-case"),
    pytest.param(b"\x00\x01\x02PK\x03\x04" * 20, ["manifest.csv: cannot be read: binary file",
                                                  "articles loaded without manifest metadata"],
                 {"a.txt": ("ok", ""), "b.txt": ("ok", "")}, id="binary"),
    pytest.param(b"", ["manifest.csv: cannot be read: empty file"], {"a.txt": ("ok", "")}, id="empty"),
    pytest.param("هذا الملف ليس جدول بيانات بل نص عادي.\n".encode("utf-8"),
                 ["manifest.csv: has no 'file' column", "without manifest metadata"],
                 {"a.txt": ("ok", "")}, id="not-csv"),
    pytest.param(b"name,published\na.txt,2013\n", ["manifest.csv: has no 'file' column"],
                 {"a.txt": ("ok", "")}, id="no-file-column"),
    pytest.param(b"file\na.txt\n", ["manifest.csv: no 'published' column", "manifest.csv: no 'source_url' column"],
                 {"a.txt": ("ok", "")}, id="only-file-column"),
    pytest.param(b"file,published\na.txt,2013\n", ["manifest.csv: no 'source_url' column"],
                 {"a.txt": ("ok", "2013")}, id="no-source-url-column"),
    pytest.param(b"file,published,source_url,notes,\na.txt,2013,,x,\n",
                 ["manifest.csv: column(s) 'notes', (unnamed) ignored"], {"a.txt": ("ok", "2013")},
                 id="extra-columns"),
    pytest.param(b"file,published,file\na.txt,2013,b.txt\n", ["column 'file' appears more than once"],
                 {"a.txt": ("ok", "2013"), "b.txt": ("ok", "")}, id="repeated-column"),
    pytest.param(b"file,published\na.txt,2013-13-45\nb.txt,26/06/2013\n", [],
                 {"a.txt": ("warning", ""), "b.txt": ("warning", "")}, id="bad-dates"),
    pytest.param(b"file,published\na.txt,2013\nc.txt,2014\n", ["manifest.csv row 3: file c.txt not found"],
                 {"a.txt": ("ok", "2013")}, id="missing-file"),
    pytest.param(b"file,published\nA.TXT,2013\n", ["manifest.csv row 2: file A.TXT not found (did you mean a.txt?)"],
                 {"a.txt": ("ok", "")}, id="missing-file-case-hint"),
    pytest.param(b"file,published\na.txt,2013\nb.txt,2014\na.txt,2015\n",
                 ["manifest.csv row 4: file a.txt is already listed in row 2 (different values); row 4 ignored"],
                 {"a.txt": ("ok", "2013")}, id="duplicate-row"),
    pytest.param(b"file,published\na.txt,2013\n\n\na.txt,2013\n",
                 ["manifest.csv row 5: file a.txt is already listed in row 2 (same values)"],
                 {"a.txt": ("ok", "2013")}, id="duplicate-row-same-blank-lines"),
    pytest.param(b"file,published\n../a.txt,2013\n", ["manifest.csv row 2: file '../a.txt' must be a plain file name"],
                 {"a.txt": ("ok", "")}, id="folder-part"),
    pytest.param(b"file,published\n,2013\n", ["manifest.csv row 2: empty 'file' cell; row ignored"],
                 {"a.txt": ("ok", "")}, id="empty-file-cell"),
    pytest.param(b"file,published\na.txt,2013,extra,cells\n", ["manifest.csv row 2: 4 cells for 2 columns"],
                 {"a.txt": ("ok", "2013")}, id="too-many-cells"),
    pytest.param(b"file,published\nnotes.pdf,2013\n", ["manifest.csv row 2: notes.pdf is not an article file"],
                 {"a.txt": ("ok", "")}, id="non-article-row"),
    pytest.param("file,published,note\na.txt,2013,زيارة وفد\n".encode("cp1256"),
                 ["manifest.csv: not UTF-8; decoded as Windows-1256"], {"a.txt": ("ok", "2013")},
                 id="cp1256-manifest"),
    pytest.param(b'file,published\n"a.txt,2013\nb.txt,2014\n',
                 ["manifest.csv row 3: file a.txt,2013\\x0ab.txt,2014 not found"],
                 {"a.txt": ("ok", "")}, id="unbalanced-quote"),
]


@pytest.mark.parametrize("manifest, folder_messages, expected", MANIFESTS)
def test_manifest(tmp_path, manifest, folder_messages, expected):
    write(tmp_path, {**ARTICLES, "notes.pdf": b"%PDF", "manifest.csv": manifest})
    docs, messages = read_corpus(tmp_path)
    docs = by_name(docs)
    assert set(docs) == set(ARTICLES)
    for part in folder_messages:
        assert any(part in m for m in messages), messages
    for name, (status, published) in expected.items():
        assert (docs[name].status, docs[name].published) == (status, published), docs[name].messages
        assert docs[name].text == ARTICLES[name]


def test_manifest_bad_date_and_address_are_document_messages(tmp_path):
    write(tmp_path, {**ARTICLES, "manifest.csv": "file,published,source_url\n"
                     "a.txt,2013-13-45,https://example.org/a\nb.txt,2014,javascript:alert(1)\n"})
    docs = by_name(read_corpus(tmp_path)[0])
    a, b = docs["a.txt"], docs["b.txt"]
    assert (a.status, a.published, a.source_url) == ("warning", "", "https://example.org/a")
    assert a.messages == ("a.txt: manifest.csv row 2: published '2013-13-45' is not a valid date: "
                          "there is no month 13; left empty",)
    assert (b.status, b.published, b.source_url) == ("warning", "2014", "")
    assert b.messages == ("b.txt: manifest.csv row 3: source_url 'javascript:alert(1)' is not an "
                          "http(s) address; left empty",)


def test_article_without_manifest_row_is_ok_with_a_folder_note(tmp_path):
    write(tmp_path, {**ARTICLES, "manifest.csv": "file,published,source_url\na.txt,2013,\n"})
    docs, messages = read_corpus(tmp_path)
    assert [(d.doc, d.status, d.messages) for d in docs] == [("a.txt", "ok", ()), ("b.txt", "ok", ())]
    assert messages == ["manifest.csv: no row for 1 article(s) (no publication date): b.txt"]


def test_no_manifest(tmp_path):
    write(tmp_path, ARTICLES)
    docs, messages = read_corpus(tmp_path)
    assert [d.status for d in docs] == ["ok", "ok"]
    assert messages == ["no manifest.csv: articles have no publication date or source address"]


def test_manifest_that_is_a_folder(tmp_path):
    write(tmp_path, ARTICLES)
    (tmp_path / "manifest.csv").mkdir()
    docs, messages = read_corpus(tmp_path)
    assert [d.status for d in docs] == ["ok", "ok"]
    assert any("manifest.csv: not a regular file" in m for m in messages), messages


def test_manifest_nfd_name_matches_nfc_file(tmp_path):
    name = unicodedata.normalize("NFC", "café.txt")
    write(tmp_path, {name: VISIT, "manifest.csv": "file,published\n" + unicodedata.normalize("NFD", name) + ",2013\n"})
    (doc,), messages = read_corpus(tmp_path)
    assert doc.published == "2013"
    assert not any("not found" in m or "no row" in m for m in messages), messages


def test_read_manifest_keeps_its_old_shape(tmp_path):
    write(tmp_path, {"manifest.csv": "file,published,source_url\na.txt,2013-13,\nb.txt,2014,https://x.org\n"})
    rows, messages = read_manifest(tmp_path)
    assert rows == {"a.txt": {"published": "", "source_url": ""},
                    "b.txt": {"published": "2014", "source_url": "https://x.org"}}
    assert messages == []


# --- folders, limits, duplicates -------------------------------------------------------------

@pytest.mark.parametrize("make", [
    pytest.param(lambda p: p / "nope", id="missing"),
    pytest.param(lambda p: write(p, {"f.txt": VISIT}) / "f.txt", id="a-file"),
])
def test_unusable_folder_raises_with_the_path(tmp_path, make):
    path = make(tmp_path)
    with pytest.raises(CorpusFolderError, match=str(path)):
        read_corpus(path)


def test_folder_entries(tmp_path):
    write(tmp_path, {"a.txt": VISIT, "B.TXT": KUWAIT, "c.htm": f"<p>{RANK}</p>", ".hidden.txt": VISIT,
                     ".DS_Store": b"\x00\x01", "image.png": b"\x89PNG", "Manifest.CSV": "file\n"})
    (tmp_path / "sub.txt").mkdir()
    docs, messages = read_corpus(tmp_path)
    assert [d.doc for d in docs] == ["B.TXT", "a.txt", "c.htm"]
    assert "image.png: skipped (only .txt, .html and .htm files are read)" in messages
    assert any(m.startswith("Manifest.CSV: skipped") and "named manifest.csv" in m for m in messages)
    assert not any("hidden" in m or "DS_Store" in m or "sub.txt" in m for m in messages)


def test_broken_link_and_fifo_are_errors(tmp_path):
    write(tmp_path, {"a.txt": VISIT})
    os.symlink("nowhere.txt", tmp_path / "link.txt")
    os.mkfifo(tmp_path / "pipe.txt")
    docs = by_name(read_corpus(tmp_path)[0])
    assert docs["a.txt"].status == "ok"
    assert docs["link.txt"].status == "error"
    assert docs["link.txt"].messages == ("link.txt: could not be read (No such file or directory)",)
    assert docs["pipe.txt"].messages == ("pipe.txt: not a regular file",)


def test_oserror_while_reading_is_a_document_error(tmp_path, monkeypatch):
    write(tmp_path, {"a.txt": VISIT, "b.txt": KUWAIT, "c.txt": VISIT + " 2014"})
    real_open, real_read = os.open, os.read
    reading: dict[int, str] = {}

    def failing_open(path, *args, **kwargs):
        if str(path).endswith("a.txt"):
            raise PermissionError(13, "Permission denied")
        fd = real_open(path, *args, **kwargs)
        reading[fd] = str(path)
        return fd

    def failing_read(fd, n):
        if reading.get(fd, "").endswith("c.txt"):
            raise OSError(5, "Input/output error")
        return real_read(fd, n)

    monkeypatch.setattr(os, "open", failing_open)
    monkeypatch.setattr(os, "read", failing_read)
    docs = by_name(read_corpus(tmp_path)[0])
    assert docs["a.txt"].status == "error"
    assert docs["a.txt"].messages == ("a.txt: could not be read (Permission denied)",)
    assert docs["c.txt"].status == "error"
    assert docs["c.txt"].messages == ("c.txt: could not be read (Input/output error)",)
    assert docs["b.txt"].status == "ok" and docs["b.txt"].text == KUWAIT


def test_file_grown_after_its_size_was_read_is_read_to_the_limit(tmp_path, monkeypatch):
    """read_limited asks for the size fstat gives plus one, then reads on: a file that grew since (here
    fstat reports fewer bytes) is read whole, or refused once it passes the limit."""
    from core.reading import folder as folder_module

    write(tmp_path, {"a.txt": VISIT})
    size = len(VISIT.encode("utf-8"))
    real_fstat = os.fstat
    monkeypatch.setattr(folder_module, "READ_CHUNK", 7)
    monkeypatch.setattr(os, "fstat", lambda fd: os.stat_result((*real_fstat(fd)[:6], 10, *real_fstat(fd)[7:])))
    assert folder_module.read_limited(tmp_path / "a.txt", "a.txt", size) == (VISIT.encode("utf-8"), "")
    assert folder_module.read_limited(tmp_path / "a.txt", "a.txt", size - 1) == \
        (None, folder_module.too_big_message("a.txt", f"more than {size - 1}", size - 1))


LIMITS = [  # (max_bytes argument, EGOV_MAX_BYTES, status of a 300-byte file, message part)
    pytest.param(100, None, "error", "300 bytes exceeds the limit of 100 bytes (set the EGOV_MAX_BYTES "
                 "environment variable or the max_bytes argument to change)", id="argument"),
    pytest.param(1000, None, "ok", None, id="under-argument"),
    pytest.param(ingest.DEFAULT_MAX_BYTES, "100", "error", "exceeds the limit of 100 bytes", id="env"),
    pytest.param(1000, "100", "ok", None, id="argument-beats-env"),
    pytest.param(ingest.DEFAULT_MAX_BYTES, "1_000", "ok", None, id="env-underscores"),
]


@pytest.mark.parametrize("max_bytes, env, status, message", LIMITS)
def test_size_limit(tmp_path, monkeypatch, max_bytes, env, status, message):
    if env is not None:
        monkeypatch.setenv(ingest.MAX_BYTES_ENV, env)
    write(tmp_path, {"big.txt": ("و" * 150).encode("utf-8"), "a.txt": "وفد"})
    docs = by_name(read_corpus(tmp_path, max_bytes=max_bytes)[0])
    assert docs["big.txt"].status == status
    assert docs["big.txt"].size == 300
    if message:
        assert docs["big.txt"].messages[0] == f"big.txt: {message}" or message in docs["big.txt"].messages[0]
    assert docs["a.txt"].status == "ok"


@pytest.mark.parametrize("env", ["abc", "-5", "0"])
def test_invalid_env_limit_is_reported_and_ignored(tmp_path, monkeypatch, env):
    monkeypatch.setenv(ingest.MAX_BYTES_ENV, env)
    write(tmp_path, {"a.txt": VISIT})
    docs, messages = read_corpus(tmp_path)
    assert docs[0].status == "ok"
    assert f"EGOV_MAX_BYTES={env!r} is not a positive whole number of bytes" in messages[0]


@pytest.mark.parametrize("max_bytes", [0, -1, True, 1.5])
def test_bad_max_bytes_argument(tmp_path, max_bytes):
    with pytest.raises(ValueError, match="max_bytes"):
        read_corpus(tmp_path, max_bytes=max_bytes)


DUPLICATES = [  # files (sorted by name), expected duplicate_of per file, message part
    pytest.param({"a.txt": VISIT, "b.txt": VISIT}, {"a.txt": "", "b.txt": "a.txt"}, "identical bytes", id="bytes"),
    pytest.param({"a.txt": VISIT, "b.txt": VISIT.encode("cp1256")}, {"b.txt": "a.txt"}, "same text",
                 id="other-encoding"),
    pytest.param({"a.txt": VISIT + "\n", "b.txt": "  " + VISIT.replace(" ", "\r\n ") + "\r\n"},
                 {"b.txt": "a.txt"}, "same text", id="layout"),
    pytest.param({"a.txt": "وفـــدٌ رسميّ", "b.txt": "وفد رسمي"}, {"b.txt": "a.txt"}, "same text",
                 id="tatweel-harakat"),
    pytest.param({"a.html": f"<p>{VISIT}</p>", "b.txt": VISIT}, {"b.txt": "a.html"}, "same text", id="html-and-txt"),
    pytest.param({"a.txt": VISIT, "b.txt": VISIT, "c.txt": VISIT}, {"b.txt": "a.txt", "c.txt": "a.txt"},
                 "duplicate of a.txt", id="three"),
    pytest.param({"a.txt": b"", "b.txt": b""}, {"a.txt": "", "b.txt": ""}, None, id="errors-are-not-duplicates"),
    pytest.param({"a.txt": VISIT, "b.txt": KUWAIT}, {"a.txt": "", "b.txt": ""}, None, id="different"),
]


@pytest.mark.parametrize("files, expected, message", DUPLICATES)
def test_duplicates(tmp_path, files, expected, message):
    write(tmp_path, files)
    docs = by_name(read_corpus(tmp_path)[0])
    for name, first in expected.items():
        assert docs[name].duplicate_of == first
        if first:
            assert docs[name].status == "warning"
            assert f"{name}: duplicate of {first}" in docs[name].messages[-1]
            assert message in docs[name].messages[-1]


# --- uploads ---------------------------------------------------------------------------------

BAD_NAMES = [
    pytest.param("../../etc/passwd", "must not contain a folder part", id="traversal"),
    pytest.param("..\\x.txt", "must not contain a folder part", id="backslash-traversal"),
    pytest.param("a/b.txt", "must not contain a folder part", id="subfolder"),
    pytest.param("/etc/x.txt", "must not contain a folder part", id="absolute"),
    pytest.param("C:\\Users\\x.txt", "must not contain a folder part", id="windows-path"),
    pytest.param("a.txt:stream", "must not contain a folder part", id="colon"),
    pytest.param(".hidden.txt", "hidden files are not accepted", id="hidden"),
    pytest.param("..", "hidden files are not accepted", id="dotdot"),
    pytest.param("notes.pdf", "only .txt, .html and .htm files are accepted", id="pdf"),
    pytest.param("script.txt.exe", "only .txt, .html and .htm files are accepted", id="double-extension"),
    pytest.param("manifest.csv", "only .txt, .html and .htm files are accepted", id="manifest"),
    pytest.param("noext", "only .txt, .html and .htm files are accepted", id="no-extension"),
    pytest.param("", "no file name", id="empty"),
    pytest.param("   ", "no file name", id="blank"),
    pytest.param("a\x00.txt", "control or text-direction characters", id="nul"),
    pytest.param("exe.\u202etxt", "control or text-direction characters", id="rtl-override"),
    pytest.param("CON.txt", "is not usable", id="windows-device"),
    pytest.param(" .txt", "hidden files are not accepted", id="only-extension"),
    pytest.param("خبر" * 40 + ".txt", "longer than 200 bytes", id="too-long"),
]


@pytest.mark.parametrize("filename, problem", BAD_NAMES)
def test_upload_refuses_unsafe_names(tmp_path, filename, problem):
    folder = write(tmp_path / "corpus", {"a.txt": VISIT})
    before = sorted(p.name for p in tmp_path.rglob("*"))
    saved, messages = save_upload(folder, filename, KUWAIT.encode("utf-8"))
    assert saved == ""
    assert any(m.startswith("refused: ") and problem in m for m in messages), messages
    assert sorted(p.name for p in tmp_path.rglob("*")) == before


GOOD_NAMES = [
    pytest.param("خبر الزيارة.txt", "خبر الزيارة.txt", id="arabic"),
    pytest.param(unicodedata.normalize("NFD", "café.txt"), unicodedata.normalize("NFC", "café.txt"), id="nfd-to-nfc"),
    pytest.param("  Report.HTML ", "Report.HTML", id="stripped-upper-ext"),
    pytest.param("page.htm", "page.htm", id="htm"),
]


@pytest.mark.parametrize("filename, name", GOOD_NAMES)
def test_check_upload_name_accepts(filename, name):
    assert check_upload_name(filename) == (name, "")


def test_upload_saves_bytes_unchanged_and_reads_back(tmp_path):
    raw = KUWAIT.encode("cp1256")
    saved, messages = save_upload(tmp_path, "kuwait.txt", raw)
    assert saved == "kuwait.txt"
    assert (tmp_path / saved).read_bytes() == raw
    assert "kuwait.txt: not UTF-8; decoded as Windows-1256 (detected by charset-normalizer)" in messages
    assert messages[-1] == f"saved kuwait.txt ({len(raw)} bytes)"
    (doc,), _ = read_corpus(tmp_path)
    assert (doc.doc, doc.text, doc.encoding) == ("kuwait.txt", KUWAIT, "cp1256")


def test_upload_html_stays_html(tmp_path):
    page = f"<html><body><nav>قائمة</nav><p>{VISIT}</p></body></html>".encode("utf-8")
    saved, messages = save_upload(tmp_path, "page.html", page)
    assert saved == "page.html" and (tmp_path / saved).read_bytes() == page
    assert any("HTML converted to text" in m for m in messages)
    assert read_corpus(tmp_path)[0][0].text == VISIT


def test_upload_never_overwrites(tmp_path):
    write(tmp_path, {"a.txt": VISIT})
    first, _ = save_upload(tmp_path, "a.txt", KUWAIT.encode("utf-8"))
    second, messages = save_upload(tmp_path, "A.TXT", RANK.encode("utf-8"))
    assert (first, second) == ("a (2).txt", "A (3).TXT")
    assert "saved as A (3).TXT because A.TXT is already used" in messages
    assert (tmp_path / "a.txt").read_text(encoding="utf-8") == VISIT
    assert (tmp_path / "a (2).txt").read_text(encoding="utf-8") == KUWAIT


@pytest.mark.parametrize("data, problem", [
    pytest.param(VISIT.encode("utf-8"), "refused: same content as a.txt, already in the folder (identical bytes)",
                 id="same-bytes"),
    pytest.param(VISIT.encode("utf-16"), "refused: same text as a.txt, already in the folder", id="same-text"),
    pytest.param(b"", "refused: x.txt: empty file (0 bytes)", id="empty"),
    pytest.param(b"\x00\x01\x02\x03" * 100, "refused: x.txt: binary file", id="binary"),
    pytest.param(("و" * 600).encode("utf-8"), "refused: x.txt: 1200 bytes exceeds the limit of 1000 bytes", id="size"),
])
def test_upload_refuses_content(tmp_path, data, problem):
    write(tmp_path, {"a.txt": VISIT})
    saved, messages = save_upload(tmp_path, "x.txt", data, max_bytes=1000)
    assert saved == ""
    assert any(m.startswith(problem) for m in messages), messages
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_upload_appends_to_the_manifest_keeping_rows(tmp_path):
    original = ("file,published,source_url,notes\r\n"
                "a.txt,2013-06,https://example.org/a,أول\r\n").encode("utf-8")
    write(tmp_path, {"a.txt": VISIT, "manifest.csv": original})
    saved, messages = save_upload(tmp_path, "b.txt", KUWAIT.encode("utf-8"), published="2014-02-03")
    assert saved == "b.txt"
    assert "manifest.csv: added b.txt published 2014-02-03" in messages
    manifest = (tmp_path / "manifest.csv").read_bytes()
    assert manifest == original + b"b.txt,2014-02-03,,\r\n"
    docs = by_name(read_corpus(tmp_path)[0])
    assert docs["b.txt"].published == "2014-02-03" and docs["a.txt"].published == "2013-06"


def test_upload_creates_the_manifest_and_adds_a_missing_newline(tmp_path):
    saved, _ = save_upload(tmp_path, "b.txt", KUWAIT.encode("utf-8"), published="2014")
    assert (tmp_path / "manifest.csv").read_text(encoding="utf-8") == "file,published,source_url\nb.txt,2014,\n"
    (tmp_path / "manifest.csv").write_bytes(b"file,published\nb.txt,2014")
    saved, _ = save_upload(tmp_path, "c.txt", VISIT.encode("utf-8"), published="2015-01")
    assert (tmp_path / "manifest.csv").read_bytes() == b"file,published\nb.txt,2014\nc.txt,2015-01\n"


def test_upload_without_date_leaves_the_manifest_alone(tmp_path):
    write(tmp_path, {"manifest.csv": "file,published\n"})
    assert save_upload(tmp_path, "b.txt", KUWAIT.encode("utf-8"))[0] == "b.txt"
    assert save_upload(tmp_path, "c.txt", VISIT.encode("utf-8"), published="  ")[0] == "c.txt"
    assert (tmp_path / "manifest.csv").read_text(encoding="utf-8") == "file,published\n"


def test_upload_avoids_a_name_held_by_a_stale_manifest_row(tmp_path):
    write(tmp_path, {"manifest.csv": "file,published\nb.txt,2013\n"})
    saved, _ = save_upload(tmp_path, "b.txt", KUWAIT.encode("utf-8"), published="2014")
    assert saved == "b (2).txt"


@pytest.mark.parametrize("manifest, published, problem", [
    pytest.param(None, "2013-13-45", "refused: published '2013-13-45' is not a valid date", id="bad-date"),
    pytest.param(None, "June 2013", "write 2013-06", id="month-name"),
    pytest.param(b"name,date\n", "2013", "has no 'file' column", id="manifest-without-file-column"),
    pytest.param("file,published\n".encode("utf-16"), "2013", "manifest.csv is not UTF-8", id="manifest-utf16"),
])
def test_upload_refuses_dates_it_cannot_record(tmp_path, manifest, published, problem):
    if manifest is not None:
        write(tmp_path, {"manifest.csv": manifest})
    before = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    saved, messages = save_upload(tmp_path, "b.txt", KUWAIT.encode("utf-8"), published=published)
    assert saved == ""
    assert any(problem in m for m in messages), messages
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == before


def test_upload_to_an_unusable_folder(tmp_path):
    with pytest.raises(CorpusFolderError, match="folder not found"):
        save_upload(tmp_path / "nope", "a.txt", VISIT.encode("utf-8"))


def test_control_share_from_utf8_bytes_is_the_regexs_count():
    """The control share of a strictly decoded UTF-8 text, counted on its bytes (ASCII controls deleted
    in C, the C1 controls at each C2 byte), equals the regex count over the text, on random texts
    of controls (C0, DEL, C1), tabs and line breaks, Arabic and Latin letters, guillemets and other
    characters written with a C2 or C3 lead byte, with and without a byte
    order mark; decode_bytes gives the same status and messages either way."""
    import random

    from core.reading.decode import _control_share, decode_bytes

    pieces = ["\x00", "\x01", "\x08", "\t", "\n", "\x0b", "\r", "\x0e", "\x1b", "\x1f", "\x7f", "\x80",
              "\x85", "\x9f", "\xa0", "é", "a", " ", "ب", "الكويت", "\ufeff", "€", "«", "»", "Â", "\xc2"]
    rnd = random.Random(28)
    controls = 0
    for _ in range(4000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 30)))
        raw = text.encode("utf-8")
        for data, decoded in ((raw, text), (b"\xef\xbb\xbf" + raw, text)):
            assert _control_share(decoded, data) == _control_share(decoded), text
        controls += _control_share(text) > 0
    assert controls > 2000
    arabic = ("وزار الوفد " * 40 + "\x1b\x07").encode("utf-8")
    assert decode_bytes(arabic, "a.txt").messages == ("a.txt: contains 2 control character(s)",)


def test_text_keys_only_where_a_signature_is_shared_mark_the_same_duplicates():
    """read_corpus computes the content key only for texts whose text_signature another readable text
    shares: on random folders of near-identical texts (harakat, tatweel, letter variants, layout,
    invisible marks, NFD, unreadable files, byte duplicates), the duplicates, statuses and messages are
    those found with every key computed, and equal keys always come with equal signatures."""
    from dataclasses import replace

    from core.reading.decode import content_key, text_signature
    from core.reading.ingest import SourceDocument, _mark_duplicates, _with_text_keys

    words = [["وفد", "وفـد", "وَفْد"], ["أرسل", "ارسل", "إرسل"], ["منتدى", "منتدي"], ["آب", "\u0627\u0653ب"],
             ["بيت", "بيت\u200f"], ["ثبت"], ["ءا"], ["مدرسة", "مدرسه"], ["١٢", "12"], ["Bahrain", "bahrain"]]
    gaps = [" ", "  ", "\n", "\t ", " \u200f", ""]
    rnd = random.Random(29)
    keyed = 0
    for _ in range(400):
        docs = []
        for n in range(rnd.randint(0, 9)):
            text = rnd.choice(gaps) + rnd.choice(gaps).join(
                rnd.choice(rnd.choice(words[:rnd.randint(1, len(words))])) for _ in range(rnd.randint(1, 3)))
            error = rnd.random() < 0.1
            docs.append(SourceDocument(doc=f"{n:02}.txt", text="" if error else text,
                                       status="error" if error else "ok", messages=(), encoding="utf-8",
                                       sha256=f"{rnd.randint(0, 12)}", published="", source_url=""))
        every = [replace(d, text_sha256=content_key(d.text)) if d.status != "error" else d for d in docs]
        seen = [(d.doc, d.status, d.messages, d.duplicate_of) for d in _mark_duplicates(_with_text_keys(docs))]
        assert seen == [(d.doc, d.status, d.messages, d.duplicate_of) for d in _mark_duplicates(every)]
        keyed += sum(1 for d in _with_text_keys(docs) if d.text_sha256)
        for a in every:
            for b in every:
                if a.status != "error" and b.status != "error" and a.text_sha256 == b.text_sha256:
                    assert text_signature(a.text) == text_signature(b.text), (a.text, b.text)
    assert keyed > 300
