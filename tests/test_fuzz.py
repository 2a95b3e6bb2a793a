"""Property tests: decoding and manifest parsing never raise; once core.extract lands, extraction
never raises and every record's offsets slice back to its surface text."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from core.reading.ingest import (decode_bytes, html_to_text, parse_manifest, read_article_bytes,
                         validate_published, validate_source_url)

try:
    import core.run.pipeline  # noqa: F401
    HAVE_EXTRACT, EXTRACT_MISSING = True, ""
except ImportError as exc:
    HAVE_EXTRACT, EXTRACT_MISSING = False, f"core.extract cannot be imported yet: {exc}"

FAST = settings(max_examples=200, deadline=None, database=None,
                suppress_health_check=[HealthCheck.too_slow])

LETTERS = [chr(c) for c in range(0x0621, 0x063B)] + [chr(c) for c in range(0x0641, 0x064B)]
HARAKAT = [chr(c) for c in range(0x064B, 0x0653)] + ["\u0670"]
TATWEEL = ["\u0640"]
DIGITS = [str(d) for d in range(10)] + [chr(c) for c in range(0x0660, 0x066A)]
SPACES = [" ", " ", "\n", "\u00a0", "\u200f"]
PUNCTUATION = list("،؛؟.,:;!-()\"'«»/%")
WORDS = ["دولة", "وفد", "المركز", "عالميا", "2010", "الأول", "البحرين", "مملكة", "الحكومة", "الإلكترونية",
         "الأمم المتحدة", "الثالث عشر", "عربيا", "خليجيا", "زار", "من", "في", "عام", "2013", "يونيو",
         "٢٠١٢", "21 دولة", "السعودية", "وعمان", "بمملكة", "الأممالمتحدة", "أمس", "الماضي"]

arabic_like = st.lists(
    st.one_of(st.sampled_from(WORDS), st.sampled_from(LETTERS + HARAKAT + TATWEEL + DIGITS + SPACES + PUNCTUATION)),
    max_size=120,
).map("".join)
words_only = st.lists(st.sampled_from(WORDS + ["،", ".", "\n"]), max_size=80).map(" ".join)


@FAST
@given(st.binary(max_size=3000))
def test_decode_bytes_never_raises(raw):
    text, encoding, messages, status = decode_bytes(raw, "x.txt")
    assert status in ("ok", "warning", "error")
    assert all(m.startswith("x.txt: ") for m in messages)
    assert (text == "") == (status == "error")
    assert (encoding == "") == (status == "error")


@FAST
@given(st.text(max_size=500), st.sampled_from(["utf-8", "utf-16", "cp1256", "iso8859_6"]))
def test_decode_bytes_round_trips_text(text, encoding):
    try:
        raw = text.encode(encoding)
    except UnicodeEncodeError:
        return
    decoded = decode_bytes(raw, "x.txt")
    if decoded.status != "error" and encoding == "utf-8":
        assert decoded.text == text.removeprefix("\ufeff")  # a leading U+FEFF is a byte order mark
    if decoded.status != "error" and encoding == "utf-16":
        assert decoded.text == text


@FAST
@given(st.one_of(st.text(max_size=500), arabic_like))
def test_article_reading_never_raises(text):
    for name in ("x.txt", "x.html"):
        decoded = read_article_bytes(name, text.encode("utf-8", "surrogatepass"))
        assert decoded.status in ("ok", "warning", "error")
    assert isinstance(html_to_text(text), str)


@FAST
@given(st.lists(st.sampled_from(["<p>", "</p>", "<div>", "</div>", "<br>", "<script>", "</script>", "<nav>",
                                 "<!--", "-->", "<![CDATA[", "]]>", "&nbsp;", "&#x41;", "<", ">", "وفد", " "]),
                max_size=60).map("".join))
def test_html_to_text_never_raises_on_tag_soup(markup):
    text = html_to_text(markup)
    assert "\n\n" not in text and text == text.strip()


@FAST
@given(st.text(max_size=300))
def test_manifest_parsing_never_raises(text):
    manifest = parse_manifest("file,published,source_url\n" + text)
    for row in manifest.rows.values():
        assert row.published == "" or validate_published(row.published) == (row.published, "")
        assert row.source_url == "" or validate_source_url(row.source_url) == (row.source_url, "")
    parse_manifest(text)


def check_offsets(text: str, result) -> None:
    for ev in result.events:
        assert text[ev.evidence.start:ev.evidence.end] == ev.evidence.surface
        for p in ev.participants:
            assert text[p.start:p.end] == p.surface
    for rc in result.rankings:
        assert text[rc.evidence.start:rc.evidence.end] == rc.evidence.surface
        assert text[rc.surface_start:rc.surface_end] == rc.surface


needs_extract = pytest.mark.skipif(not HAVE_EXTRACT, reason=EXTRACT_MISSING or "core.extract missing")


@needs_extract
@FAST
@given(st.text(max_size=400))
def test_extract_never_raises_on_any_text(text):
    from core import extract_document
    check_offsets(text, extract_document(text))


@needs_extract
@FAST
@given(st.one_of(arabic_like, words_only))
def test_extract_offsets_slice_back_on_arabic_like_text(text):
    from core import extract_document
    check_offsets(text, extract_document(text))


@needs_extract
@FAST
@given(words_only, st.sampled_from(["", "2013", "2013-06", "2013-06-26"]))
def test_extract_with_publication_date(text, published):
    from core import extract_document
    check_offsets(text, extract_document(text, published))


@needs_extract
@FAST
@given(st.lists(st.one_of(arabic_like, words_only), max_size=6).map(" ".join))
def test_guard_cuts_a_prefix_and_offsets_still_slice_back(text):
    """With tiny limits every text is a pathological one: the guard keeps a prefix, says so, and
    every offset found in it is an offset of the whole text."""
    from core import extract_document
    from core.reading import guard

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(guard, "MAX_EXTRACT_CHARS", 300)
        mp.setattr(guard, "MAX_SENTENCE_CHARS", 60)
        mp.setattr(guard, "MAX_NUMBERS", 5)
        limit, why = guard.extraction_limit(text)
        assert 0 <= limit <= len(text)
        assert (limit < len(text)) == bool(why)
        result = extract_document(text)
    assert bool(result.warnings) == bool(why)
    check_offsets(text, result)
