"""Decoding article bytes into text (encodings, byte order marks, binary files) and HTML to text.

Decoding (decode_bytes): byte order marks first (UTF-8/16/32), then strict UTF-8, then
charset-normalizer. Its guesses are verified, because for short Arabic texts it may name
cp932, cp874 or cp1251: every encoding it proposes, plus Windows-1256 and ISO-8859-6, is decoded
strictly and the one whose non-ASCII characters are most Arabic (at least 70%) wins; near ties
(within 5 points) go to the text with more definite articles "ال", then to Windows-1256, the
code page of Arabic Windows and most Arabic news sites. Non-Arabic text keeps
charset-normalizer's first guess.
"""

from __future__ import annotations

import codecs
import hashlib
import re
import threading
import unicodedata
from collections import OrderedDict
from functools import lru_cache
from typing import NamedTuple

TEXT_SUFFIXES = (".txt",)
HTML_SUFFIXES = (".html", ".htm")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES
STATUS_RANK = {"ok": 0, "warning": 1, "error": 2}

# Arabic code pages checked even when charset-normalizer does not propose them; order = preference.
ARABIC_CODEPAGES = ("cp1256", "iso8859_6")
ENCODING_LABELS = {
    "utf-8": "UTF-8", "utf_8": "UTF-8", "utf-8-sig": "UTF-8 with byte order mark",
    "utf-16": "UTF-16", "utf_16": "UTF-16", "utf_16_le": "UTF-16LE", "utf_16_be": "UTF-16BE",
    "utf-32": "UTF-32", "utf_32": "UTF-32", "utf_32_le": "UTF-32LE", "utf_32_be": "UTF-32BE",
    "cp1256": "Windows-1256", "iso8859_6": "ISO-8859-6", "cp720": "CP720 (DOS Arabic)",
    "cp864": "CP864 (DOS Arabic)", "mac_arabic": "Mac Arabic",
}
BOMS = (  # longest first: the UTF-32LE mark starts with the UTF-16LE one
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
)
# A file is binary when more than this share of its characters are control characters
# (Unicode category Cc, less tab, line feed, vertical tab, form feed and carriage return).
MAX_CONTROL_SHARE = 0.05
# Parsing time grows with the number of tags, not the bytes: a crafted page of tiny elements took
# seconds per megabyte. A news article has a few thousand tags; past this bound the page is refused
# before it is parsed.
MAX_HTML_TAGS = 100_000
TAG_RE = re.compile(r"<[/!?]?[A-Za-z]")
# Converted texts kept by the hash of their markup, so a folder re-read (after a review save, an
# upload) converts no page twice; bounded by the characters kept.
HTML_CACHE_CHARS = 32 * 1024 * 1024
_html_cache: OrderedDict[str, str] = OrderedDict()
_html_cache_lock = threading.Lock()
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Arabic letters: the Arabic, Arabic Supplement, Extended-A blocks and the presentation forms.
# (Raw strings: the regular expression reads the \\u escapes, so no Arabic character is in the code.)
ARABIC_LETTER_RE = re.compile(
    r"[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    r"\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]")
LETTER_RE = re.compile(r"[^\W\d_]")
MIXED_SCRIPT_RE = re.compile(r"[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]")
ARABIC_BLOCK_RE = re.compile(r"[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
# Alef + lam, the definite article: how often it occurs tells real Arabic from a wrong code page.
ARTICLE = chr(0x0627) + chr(0x0644)
SCORE_SAMPLE = 200_000  # characters scored per candidate encoding
INVISIBLE = "\ufeff\u200b\u200c\u200d\u200e\u200f\u2060"
HTML_START_RE = re.compile(r"\A\s*<(!doctype\s+html|html[\s>])", re.IGNORECASE)

HTML_DROPPED = ("script", "style", "nav", "header", "footer", "aside", "form", "noscript",
                "template", "iframe", "svg", "object", "embed", "button", "select", "textarea", "head")
HTML_BLOCKS = frozenset((
    "address", "article", "blockquote", "caption", "dd", "details", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "li", "main", "ol", "p",
    "pre", "section", "summary", "table", "tbody", "thead", "tfoot", "tr", "ul", "header", "body",
    "html", "title", "td", "th"))



class Decoded(NamedTuple):
    """Result of decode_bytes; unpacks as (text, encoding, messages, status)."""

    text: str
    encoding: str
    messages: tuple[str, ...]
    status: str



def worst(*statuses: str) -> str:
    """The most severe of the given statuses."""
    return max(statuses, key=STATUS_RANK.__getitem__, default="ok")


def encoding_label(encoding: str) -> str:
    return ENCODING_LABELS.get(encoding, encoding)


def has_arabic_letters(text: str) -> bool:
    # search, not a count: only "none at all" matters, and counting cost 0.8 ms per article
    return ARABIC_LETTER_RE.search(text) is not None


def _arabic_score(text: str) -> tuple[float, int]:
    """(share of the non-ASCII visible characters that are Arabic, count of the definite article
    ال), on a sample. The candidate encodings all agree on ASCII, so only the other characters
    tell them apart. 0.0 for a long sample without spaces (high bytes that are not words) and
    for Arabic letters glued to Latin ones."""
    sample = text[:SCORE_SAMPLE]
    spaces = sum(1 for ch in sample if ch.isspace())
    if len(sample) > 40 and spaces < 0.03 * len(sample):
        return 0.0, 0
    high = [ch for ch in sample if ch > "\x7f" and not ch.isspace()]
    if not high:
        return 0.0, 0
    arabic = sum(1 for ch in high if ARABIC_BLOCK_RE.match(ch))
    # Real Arabic words do not touch Latin letters; "Dىlىgation" is French read in an Arabic code page.
    if len(MIXED_SCRIPT_RE.findall(sample)) > 0.05 * arabic:
        return 0.0, 0
    return arabic / len(high), sample.count(ARTICLE)


def _control_share(text: str, utf8: bytes | None = None) -> float:
    """Share of `text`'s characters that CONTROL_RE matches. `utf8`: the bytes `text` was strictly
    decoded from as UTF-8 (a byte order mark allowed), when it was: there the controls below U+0080
    are single bytes (never inside a multi-byte sequence), counted by deleting them in C, and the
    ones from U+0080 (C2 80 to C2 9F) are counted at each C2 byte (a lead byte in valid UTF-8, so
    C2 and the byte after it are one character; «» are C2 AB and C2 BB), not by the regex."""
    if not text:
        return 0.0
    if utf8 is not None:
        count = len(utf8) - len(utf8.translate(None, _ASCII_CONTROL_BYTES))
        k = utf8.find(b"\xc2")
        while k != -1:
            if 0x80 <= utf8[k + 1] <= 0x9F:  # k + 1 exists: a strictly decoded C2 is never last
                count += 1
            k = utf8.find(b"\xc2", k + 2)
        return count / len(text)
    return len(CONTROL_RE.findall(text)) / len(text)


_ASCII_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F])


def is_blank(text: str) -> bool:
    return not text.strip().strip(INVISIBLE).strip()


def strict_decode(raw: bytes, encoding: str) -> str | None:
    try:
        return raw.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _proposals(raw: bytes) -> list[str]:
    """Encodings charset-normalizer proposes, best first ([] when it gives up or fails)."""
    try:
        import charset_normalizer
        matches = list(charset_normalizer.from_bytes(raw))
    except Exception:  # a detector bug must not stop the corpus; the caller reports "undecodable"
        return []
    proposed: list[str] = []
    for match in matches:
        for enc in (match.encoding, *match.could_be_from_charset):
            if enc not in proposed:
                proposed.append(enc)
    return proposed


def _detect_legacy(raw: bytes) -> tuple[str, str, str] | None:
    """(text, encoding, how) for bytes that are not UTF-8, or None when nothing fits."""
    proposed = _proposals(raw)
    candidates = proposed + [e for e in ARABIC_CODEPAGES if e not in proposed]
    scored = []
    for order, enc in enumerate(candidates):
        text = strict_decode(raw, enc)
        if text is None:
            continue
        share, articles = _arabic_score(text)
        preference = ARABIC_CODEPAGES.index(enc) if enc in ARABIC_CODEPAGES else len(ARABIC_CODEPAGES)
        scored.append((enc, text, share, articles, preference, order))
    arabic = [s for s in scored if s[2] >= 0.7]
    if arabic:
        top = max(s[2] for s in arabic)
        near = [s for s in arabic if s[2] >= top - 0.05]
        enc, text, _, _, _, _ = min(near, key=lambda s: (-s[3], s[4], s[5]))
        if proposed and enc == proposed[0]:
            how = "detected by charset-normalizer"
        elif proposed:
            how = (f"charset-normalizer's first guess {encoding_label(proposed[0])} does not give "
                   f"Arabic text; {encoding_label(enc)} does")
        else:
            how = f"charset-normalizer found no encoding; {encoding_label(enc)} gives Arabic text"
        return text, enc, how
    for enc, text, *_ in scored:
        if enc == (proposed[0] if proposed else None):
            return text, enc, "detected by charset-normalizer"
    return None


def decode_bytes(raw: bytes, name: str) -> Decoded:
    """Decode an article's (or the manifest's) bytes. Never raises.

    Status error (text '') for an empty, whitespace-only or binary file; warning when the
    encoding is not UTF-8 (the message names the detected encoding) or when invalid UTF-8 bytes
    were replaced; ok for UTF-8 (with or without byte order mark). Messages start with `name`.
    """
    if not raw:
        return Decoded("", "", (f"{name}: empty file (0 bytes)",), "error")
    messages: list[str] = []
    text: str | None = None
    encoding = ""
    status = "ok"
    utf8: bytes | None = None  # the bytes, when the text is their strict UTF-8 decoding
    for bom, enc in BOMS:
        if raw.startswith(bom):
            text = strict_decode(raw, enc)
            if text is None:
                label = encoding_label(enc)
                return Decoded("", "", (f"{name}: starts with a {label} byte order mark but is not "
                                        f"valid {label}; binary or damaged file",), "error")
            encoding = enc
            if enc == "utf-8-sig":
                utf8 = raw
                messages.append(f"{name}: note: UTF-8 with a byte order mark (removed)")
            else:
                status = "warning"
                messages.append(f"{name}: not UTF-8; decoded as {encoding_label(enc)} "
                                "(detected by its byte order mark)")
            break
    if text is None and b"\x00" in raw:
        proposed = _proposals(raw)
        if proposed and proposed[0].startswith(("utf_16", "utf_32")):
            text = strict_decode(raw, proposed[0])
        # Without a byte order mark, accept only what reads as Arabic or plain ASCII text.
        if (text is None or _control_share(text) > MAX_CONTROL_SHARE or not LETTER_RE.search(text)
                or not (text.isascii() or _arabic_score(text)[0] >= 0.7)):
            return Decoded("", "", (f"{name}: binary file (contains NUL bytes), not text",), "error")
        encoding = proposed[0]
        status = "warning"
        messages.append(f"{name}: not UTF-8; decoded as {encoding_label(encoding)} without a byte "
                        "order mark (detected by charset-normalizer)")
    if text is None:
        text = strict_decode(raw, "utf-8")
        encoding = "utf-8"
        utf8 = raw if text is not None else None
    if text is None:
        lenient = raw.decode("utf-8", errors="replace")
        bad = lenient.count("\ufffd") - raw.count(b"\xef\xbf\xbd")
        good = sum(1 for ch in lenient if ord(ch) > 0x7F and ch != "\ufffd")
        if good >= 20 and good >= 10 * bad:  # a damaged UTF-8 file, not another encoding
            text, encoding, status = lenient, "utf-8", "warning"
            messages.append(f"{name}: {bad} invalid UTF-8 byte sequence(s) replaced by U+FFFD")
    if text is None:
        found = _detect_legacy(raw)
        if found is None:
            return Decoded("", "", (f"{name}: binary or undecodable file (no text encoding fits)",), "error")
        text, encoding, how = found
        status = "warning"
        messages.append(f"{name}: not UTF-8; decoded as {encoding_label(encoding)} ({how})")
    share = _control_share(text, utf8)
    if share > MAX_CONTROL_SHARE:
        return Decoded("", "", (f"{name}: binary file ({share:.0%} control characters), not text",), "error")
    if is_blank(text):
        return Decoded("", "", (f"{name}: empty file (only whitespace)",), "error")
    if share:
        status = worst(status, "warning")
        count = round(share * len(text))
        messages.append(f"{name}: contains {count} control character(s)")
    return Decoded(text, encoding, tuple(messages), status)


def html_to_text(markup: str) -> str:
    """Visible article text of an HTML page: one line per block element, whitespace collapsed.

    Dropped with their content: script, style, nav, header, footer, aside, form, noscript (and
    head, template, iframe, svg, object, embed, button, select, textarea, [hidden] elements). A
    <header> inside <article> or <main> is kept: it usually holds the headline. Comments and
    doctype are not text. Uses BeautifulSoup's html.parser; walks the tree without recursion.
    """
    from bs4 import BeautifulSoup, CData, NavigableString, Tag

    soup = BeautifulSoup(markup, "html.parser")
    for tag in soup.find_all(HTML_DROPPED):
        if tag.decomposed:
            continue
        if tag.name == "header" and tag.find_parent(("article", "main")) is not None:
            continue
        tag.decompose()
    for tag in soup.find_all(hidden=True):
        if not tag.decomposed:
            tag.decompose()
    parts: list[str] = []
    stack: list[tuple[object, bool]] = [(soup, True)]
    while stack:
        node, entering = stack.pop()
        if isinstance(node, Tag):
            block = node.name in HTML_BLOCKS
            if not entering:
                if block:
                    parts.append("\n")
                continue
            if block or node.name == "br":
                parts.append("\n")
            stack.append((node, False))
            stack.extend((child, True) for child in reversed(node.contents))
        elif type(node) is NavigableString or isinstance(node, CData):
            parts.append(str(node).replace("\n", " "))  # source line breaks are just spaces
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def clear_html_cache() -> None:
    """Forget every converted page (tests; a long-running process never needs it)."""
    with _html_cache_lock:
        _html_cache.clear()


def cached_html_to_text(markup: str) -> str:
    """html_to_text(markup), converted once per content: the result is kept by the SHA-256 of `markup`."""
    key = hashlib.sha256(markup.encode("utf-8", "surrogatepass")).hexdigest()
    with _html_cache_lock:
        if key in _html_cache:
            _html_cache.move_to_end(key)
            return _html_cache[key]
    converted = html_to_text(markup)
    with _html_cache_lock:
        _html_cache[key] = converted
        kept = sum(len(v) for v in _html_cache.values())
        while kept > HTML_CACHE_CHARS and len(_html_cache) > 1:
            kept -= len(_html_cache.popitem(last=False)[1])
    return converted


def content_key(text: str) -> str:
    """Hash of the text as read, ignoring layout: NFC, the core.text.normalize character steps
    (harakat, tatweel, letter variants), invisible marks and whitespace runs."""
    from core.text.normalize import normalize_chars

    flat = " ".join(normalize_chars(unicodedata.normalize("NFC", text)).split())
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()


SIGNATURE_LETTERS = 3  # letters counted by text_signature


@lru_cache(maxsize=1)
def _signature_letters() -> str:
    """The first SIGNATURE_LETTERS Arabic letters (from U+0621, by code point) that the character steps
    of core.text.normalize neither delete, replace nor produce (so content_key keeps every one)."""
    from core.text.normalize import CHAR_TABLE

    touched = {chr(k) for k in CHAR_TABLE} | set("".join(CHAR_TABLE.values()))
    letters = [chr(c) for c in range(0x0621, 0x064B) if chr(c) not in touched and not chr(c).isspace()]
    return "".join(letters[:SIGNATURE_LETTERS])


def text_signature(text: str) -> tuple[int, ...]:
    """How many times each of a few letters occurs in the NFC text. Two texts with the same content_key
    have the same signature (neither the character steps nor the whitespace collapse adds or removes
    one of these letters), so a text whose signature no other text has cannot share its content key
    with one: its key need not be computed. Counting three letters costs a third of the key."""
    nfc = unicodedata.normalize("NFC", text)
    return tuple(nfc.count(letter) for letter in _signature_letters())


def read_article_bytes(name: str, raw: bytes) -> Decoded:
    """Decode one article file's bytes and, for .html/.htm, convert to text. Never raises.

    Adds the "no Arabic letters" warning and, for a .txt that is really an HTML page, a hint.
    """
    decoded = decode_bytes(raw, name)
    if decoded.status == "error":
        return decoded
    text, encoding, messages, status = decoded.text, decoded.encoding, list(decoded.messages), decoded.status
    if name.lower().endswith(HTML_SUFFIXES):
        tags = len(TAG_RE.findall(text))
        if tags > MAX_HTML_TAGS:
            return Decoded("", encoding, (*messages, f"{name}: HTML with more than {MAX_HTML_TAGS} tags ({tags}); "
                                          "not converted (save the article's text as .txt)"), "error")
        try:
            converted = cached_html_to_text(text)
        except Exception as exc:  # html.parser is lenient; anything left is reported, not raised
            return Decoded("", encoding, (*messages, f"{name}: HTML could not be parsed ({exc})"), "error")
        if is_blank(converted):
            return Decoded("", encoding, (*messages, f"{name}: no text left after HTML conversion"), "error")
        messages.append(f"{name}: note: HTML converted to text ({len(converted)} characters kept "
                        f"of {len(text)})")
        text = converted
    elif HTML_START_RE.match(text):
        status = worst(status, "warning")
        messages.append(f"{name}: looks like an HTML page saved as .txt; read as plain text "
                        "(rename it to .html to have it converted)")
    if not has_arabic_letters(text):
        status = worst(status, "warning")
        messages.append(f"{name}: no Arabic letters found (extracted anyway)")
    return Decoded(text, encoding, tuple(messages), status)


