"""Reading a folder of articles and its manifest into decoded documents, naming every problem.

What a folder holds: article files (*.txt, *.html, *.htm) and an optional manifest.csv with the
columns file, published (YYYY-MM-DD, YYYY-MM or YYYY) and source_url. Every problem becomes a
message that names the file (documents) or manifest.csv and its row (folder messages); one bad
file never stops the others. Only an unusable folder raises (CorpusFolderError).

Statuses: ok (notes may still be attached, e.g. "HTML converted to text"), warning (loaded, but
look: not UTF-8, no Arabic letters, bad manifest date, duplicate), error (not loaded, text '').

Decoding (decode_bytes): byte order marks first (UTF-8/16/32), then strict UTF-8, then
charset-normalizer. Its guesses are verified, because for short Arabic texts it may name
cp932, cp874 or cp1251: every encoding it proposes, plus Windows-1256 and ISO-8859-6, is decoded
strictly and the one whose non-ASCII characters are most Arabic (at least 70%) wins; near ties
(within 5 points) go to the text with more definite articles "ال", then to Windows-1256, the
code page of Arabic Windows and most Arabic news sites. Non-Arabic text keeps
charset-normalizer's first guess.

The byte limit: the max_bytes argument; when it is left at DEFAULT_MAX_BYTES the environment
variable EGOV_MAX_BYTES (a positive whole number) replaces the default.
"""

from __future__ import annotations

import calendar
import codecs
import csv
import hashlib
import io
import os
import re
import stat
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from typing import NamedTuple
from urllib.parse import urlsplit

DEFAULT_MAX_BYTES = 2_000_000
MAX_BYTES_ENV = "EGOV_MAX_BYTES"
MANIFEST = "manifest.csv"
CORRECTIONS_LOG = "corrections.jsonl"  # the analysts' review log (core.review), not an article
MANIFEST_COLUMNS = ("file", "published", "source_url")
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
CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")
# Arabic letters: the Arabic, Arabic Supplement, Extended-A blocks and the presentation forms.
ARABIC_LETTER_RE = re.compile(
    "[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]")
LETTER_RE = re.compile(r"[^\W\d_]")
MIXED_SCRIPT_RE = re.compile("[A-Za-z][\u0600-\u06ff]|[\u0600-\u06ff][A-Za-z]")
ARABIC_BLOCK_RE = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff\ufb50-\ufdff\ufe70-\ufeff]")
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

DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
DMY_RE = re.compile(r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})")
MONTH_YEAR_RE = re.compile(r"([A-Za-z]+)\.?\s+([0-9]{4})")
EASTERN_DIGITS = {**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)}}
MONTH_WORDS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTH_WORDS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MIN_YEAR, MAX_YEAR = 1900, 2100

# Upload names: controls and bidi marks (used to disguise an extension) are refused.
NAME_BAD_CHARS = re.compile("[\x00-\x1f\x7f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
WINDOWS_RESERVED = frozenset({"con", "prn", "aux", "nul"} | {f"com{i}" for i in range(1, 10)}
                             | {f"lpt{i}" for i in range(1, 10)})
MAX_NAME_BYTES = 200  # leaves room for " (999)" under the usual 255-byte limit


class CorpusFolderError(ValueError):
    """The folder itself cannot be used (missing, not a folder, cannot be listed)."""


@dataclass(frozen=True)
class SourceDocument:
    doc: str                 # file name inside the folder
    text: str                # decoded text ('' when the file could not be read)
    status: str              # ok | warning | error
    messages: tuple[str, ...]
    encoding: str
    sha256: str              # of the raw bytes ('' when they could not be read)
    published: str           # YYYY-MM-DD, YYYY-MM, YYYY or ''
    source_url: str
    duplicate_of: str = ""
    text_sha256: str = ""    # of the normalized text (content_key), for duplicate detection
    size: int = 0            # bytes on disk (0 when unknown)


class Decoded(NamedTuple):
    """Result of decode_bytes; unpacks as (text, encoding, messages, status)."""

    text: str
    encoding: str
    messages: tuple[str, ...]
    status: str


@dataclass(frozen=True)
class ManifestRow:
    row: int           # line number in manifest.csv (the header is line 1)
    file: str
    published: str     # validated ('' when missing or invalid)
    source_url: str    # validated ('' when missing or invalid)
    problems: tuple[str, ...]  # document-level messages (bad date, bad address)


@dataclass(frozen=True)
class Manifest:
    rows: dict[str, ManifestRow]   # by NFC file name; first row wins
    messages: tuple[str, ...]      # folder-level messages about manifest.csv
    usable: bool                   # False when the file is missing or unreadable/malformed
    present: bool


def worst(*statuses: str) -> str:
    """The most severe of the given statuses."""
    return max(statuses, key=STATUS_RANK.__getitem__, default="ok")


def effective_max_bytes(max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[int, list[str]]:
    """The byte limit in force and messages about EGOV_MAX_BYTES.

    An explicit `max_bytes` other than DEFAULT_MAX_BYTES wins; otherwise EGOV_MAX_BYTES (a
    positive whole number) when set; otherwise DEFAULT_MAX_BYTES. An invalid variable is reported
    and ignored. Raises ValueError when `max_bytes` itself is not a positive int.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive int, not {max_bytes!r}")
    if max_bytes != DEFAULT_MAX_BYTES:
        return max_bytes, []
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return max_bytes, []
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if limit <= 0:
        return max_bytes, [f"{MAX_BYTES_ENV}={value!r} is not a positive whole number of bytes; "
                           f"using the default limit of {DEFAULT_MAX_BYTES} bytes"]
    return limit, []


def too_big_message(name: str, size: int | str, limit: int) -> str:
    return (f"{name}: {size} bytes exceeds the limit of {limit} bytes "
            f"(set the {MAX_BYTES_ENV} environment variable or the max_bytes argument to change)")


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
    return arabic / len(high), sample.count("\u0627\u0644")


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    return len(CONTROL_RE.findall(text)) / len(text)


def _is_blank(text: str) -> bool:
    return not text.strip().strip(INVISIBLE).strip()


def _strict(raw: bytes, encoding: str) -> str | None:
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
        text = _strict(raw, enc)
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
    for bom, enc in BOMS:
        if raw.startswith(bom):
            text = _strict(raw, enc)
            if text is None:
                label = encoding_label(enc)
                return Decoded("", "", (f"{name}: starts with a {label} byte order mark but is not "
                                        f"valid {label}; binary or damaged file",), "error")
            encoding = enc
            if enc == "utf-8-sig":
                messages.append(f"{name}: note: UTF-8 with a byte order mark (removed)")
            else:
                status = "warning"
                messages.append(f"{name}: not UTF-8; decoded as {encoding_label(enc)} "
                                "(detected by its byte order mark)")
            break
    if text is None and b"\x00" in raw:
        proposed = _proposals(raw)
        if proposed and proposed[0].startswith(("utf_16", "utf_32")):
            text = _strict(raw, proposed[0])
        # Without a byte order mark, accept only what reads as Arabic or plain ASCII text.
        if (text is None or _control_share(text) > MAX_CONTROL_SHARE or not LETTER_RE.search(text)
                or not (text.isascii() or _arabic_score(text)[0] >= 0.7)):
            return Decoded("", "", (f"{name}: binary file (contains NUL bytes), not text",), "error")
        encoding = proposed[0]
        status = "warning"
        messages.append(f"{name}: not UTF-8; decoded as {encoding_label(encoding)} without a byte "
                        "order mark (detected by charset-normalizer)")
    if text is None:
        text = _strict(raw, "utf-8")
        encoding = "utf-8"
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
    share = _control_share(text)
    if share > MAX_CONTROL_SHARE:
        return Decoded("", "", (f"{name}: binary file ({share:.0%} control characters), not text",), "error")
    if _is_blank(text):
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


def content_key(text: str) -> str:
    """Hash of the text as read, ignoring layout: NFC, the core.normalize character steps
    (harakat, tatweel, letter variants), invisible marks and whitespace runs."""
    from core.normalize import normalize_chars

    flat = " ".join(normalize_chars(unicodedata.normalize("NFC", text)).split())
    return hashlib.sha256(flat.encode("utf-8")).hexdigest()


def read_article_bytes(name: str, raw: bytes) -> Decoded:
    """Decode one article file's bytes and, for .html/.htm, convert to text. Never raises.

    Adds the "no Arabic letters" warning and, for a .txt that is really an HTML page, a hint.
    """
    decoded = decode_bytes(raw, name)
    if decoded.status == "error":
        return decoded
    text, encoding, messages, status = decoded.text, decoded.encoding, list(decoded.messages), decoded.status
    if name.lower().endswith(HTML_SUFFIXES):
        try:
            converted = html_to_text(text)
        except Exception as exc:  # html.parser is lenient; anything left is reported, not raised
            return Decoded("", encoding, (*messages, f"{name}: HTML could not be parsed ({exc})"), "error")
        if _is_blank(converted):
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


def _shorten(value: str, limit: int = 80) -> str:
    """A user-supplied value for a one-line message: control characters escaped, cut at `limit`."""
    value = re.sub("[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", value)
    return value if len(value) <= limit else value[:limit - 1] + "…"


def validate_published(value: str) -> tuple[str, str]:
    """(published, problem): the value when it is YYYY-MM-DD, YYYY-MM or YYYY (a real date,
    years 1900–2100), else ('', a sentence saying why, with a hint when the intent is clear)."""
    value = (value or "").strip()
    if not value:
        return "", ""
    m = DATE_RE.fullmatch(value)
    if m:
        year, month, day = int(m.group(1)), m.group(2), m.group(3)
        why = ""
        if not MIN_YEAR <= year <= MAX_YEAR:
            why = f"year outside {MIN_YEAR}–{MAX_YEAR}"
        elif month is not None and not 1 <= int(month) <= 12:
            why = f"there is no month {int(month)}"
        elif day is not None and not 1 <= int(day) <= calendar.monthrange(year, int(month))[1]:
            why = f"there is no day {int(day)} in {year:04d}-{int(month):02d}"
        if not why:
            return value, ""
        return "", f"published '{value}' is not a valid date: {why}"
    hint = ""
    ascii_digits = value.translate(EASTERN_DIGITS)
    if ascii_digits != value and validate_published(ascii_digits)[0]:
        hint = f"; write {ascii_digits} with ASCII digits"
    dmy = DMY_RE.fullmatch(value)
    my = MONTH_YEAR_RE.fullmatch(value)
    if dmy:
        day, month, year = (int(g) for g in dmy.groups())
        if 1 <= month <= 12 and 1 <= day <= 31:
            hint = f"; if it is day/month/year, write {year:04d}-{month:02d}-{day:02d}"
    elif my and my.group(1).lower() in MONTH_WORDS:
        hint = f"; write {int(my.group(2)):04d}-{MONTH_WORDS[my.group(1).lower()]:02d}"
    return "", f"published '{_shorten(value)}' is not a valid date: use YYYY-MM-DD, YYYY-MM or YYYY{hint}"


def validate_source_url(value: str) -> tuple[str, str]:
    """(source_url, problem): only absolute http(s) addresses are kept (a javascript: or data:
    address would be a live link in the dashboard)."""
    value = (value or "").strip()
    if not value:
        return "", ""
    try:
        parts = urlsplit(value)
        ok = parts.scheme.lower() in ("http", "https") and bool(parts.netloc)
    except ValueError:
        ok = False
    if not ok or re.search(r"[\s\x00-\x1f\x7f]", value):
        return "", f"source_url '{_shorten(value)}' is not an http(s) address"
    return value, ""


def _manifest_unusable(reason: str) -> Manifest:
    return Manifest({}, (f"{MANIFEST}: {reason}; articles loaded without manifest metadata",), False, True)


def parse_manifest(text: str) -> Manifest:
    """Validate manifest text (already decoded). Never raises.

    Rows are keyed by NFC file name; the first row for a file wins. Row numbers are line numbers
    in the file (header = 1). Folder-level problems go to `messages`; a bad date or address stays
    with its row (`problems`) so it can be reported on the document.
    """
    messages: list[str] = []
    try:
        records = list(_csv_records(text))
    except csv.Error as exc:
        return _manifest_unusable(f"is not valid CSV ({exc})")
    records = [(n, cells) for n, cells in records if any(c.strip() for c in cells)]
    if not records:
        return _manifest_unusable("has no header line")
    _, header_cells = records[0]
    header = [c.strip().strip(INVISIBLE).lower() for c in header_cells]
    if "file" not in header:
        return _manifest_unusable(f"has no 'file' column (header is {_shorten(str(header_cells), 120)})")
    index: dict[str, int] = {}
    for i, col in enumerate(header):
        if col in index:
            messages.append(f"{MANIFEST}: column '{col}' appears more than once; the first is used")
        else:
            index[col] = i
    for col in MANIFEST_COLUMNS[1:]:
        if col not in index:
            messages.append(f"{MANIFEST}: no '{col}' column; documents have no {col}")
    extra = [c for c in index if c not in MANIFEST_COLUMNS]
    if extra:
        shown = ", ".join(f"'{c}'" if c else "(unnamed)" for c in extra)
        messages.append(f"{MANIFEST}: column(s) {shown} ignored (known columns: {', '.join(MANIFEST_COLUMNS)})")
    rows: dict[str, ManifestRow] = {}
    for n, cells in records[1:]:
        def cell(col: str) -> str:
            i = index.get(col)
            return cells[i].strip() if i is not None and i < len(cells) else ""
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            messages.append(f"{MANIFEST} row {n}: {len(cells)} cells for {len(header)} columns; "
                            "extra cells ignored")
        name = unicodedata.normalize("NFC", cell("file"))
        if not name:
            messages.append(f"{MANIFEST} row {n}: empty 'file' cell; row ignored")
            continue
        if "/" in name or "\\" in name:
            messages.append(f"{MANIFEST} row {n}: file '{_shorten(name)}' must be a plain file name "
                            "without a folder part; row ignored")
            continue
        published, date_problem = validate_published(cell("published"))
        source_url, url_problem = validate_source_url(cell("source_url"))
        problems = tuple(f"{MANIFEST} row {n}: {p}; left empty" for p in (date_problem, url_problem) if p)
        if name in rows:
            first = rows[name]
            same = (first.published, first.source_url) == (published, source_url) and not problems
            messages.append(f"{MANIFEST} row {n}: file {_shorten(name)} is already listed in row {first.row} "
                            f"({'same values' if same else 'different values'}); row {n} ignored")
            continue
        rows[name] = ManifestRow(n, name, published, source_url, problems)
    return Manifest(rows, tuple(messages), True, True)


def _csv_records(text: str):
    reader = csv.reader(io.StringIO(text, newline=""))
    for cells in reader:
        yield reader.line_num, cells


def load_manifest(folder: Path, limit: int = DEFAULT_MAX_BYTES) -> Manifest:
    """Read and validate folder/manifest.csv. Never raises; a missing file is not a problem."""
    path = folder / MANIFEST
    if not path.exists() and not path.is_symlink():
        return Manifest({}, (), False, False)
    raw, problem = _read_limited(path, MANIFEST, limit)
    if raw is None:
        return _manifest_unusable(problem.removeprefix(f"{MANIFEST}: "))
    decoded = decode_bytes(raw, MANIFEST)
    if decoded.status == "error":
        return _manifest_unusable("cannot be read: " + "; ".join(m.removeprefix(f"{MANIFEST}: ")
                                                                 for m in decoded.messages))
    manifest = parse_manifest(decoded.text)
    notes = tuple(m for m in decoded.messages if ": note:" not in m)
    return replace(manifest, messages=notes + manifest.messages)


def read_manifest(folder: Path) -> tuple[dict[str, dict[str, str]], list[str]]:
    """Manifest rows by file name ({'published', 'source_url'}, validated) and messages about it."""
    manifest = load_manifest(Path(folder), effective_max_bytes()[0])
    rows = {name: {"published": r.published, "source_url": r.source_url} for name, r in manifest.rows.items()}
    return rows, list(manifest.messages)


def _read_limited(path: Path, name: str, limit: int) -> tuple[bytes | None, str]:
    """(bytes, '') or (None, message naming `name`). Never reads more than limit + 1 bytes."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None, f"{name}: not a regular file"
        if info.st_size > limit:
            return None, too_big_message(name, info.st_size, limit)
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        return None, f"{name}: could not be read ({exc.strerror or exc})"
    if len(raw) > limit:
        return None, too_big_message(name, f"more than {limit}", limit)
    return raw, ""


def _list_folder(folder: Path) -> list[os.DirEntry]:
    if not folder.exists():
        raise CorpusFolderError(f"{folder}: folder not found")
    if not folder.is_dir():
        raise CorpusFolderError(f"{folder}: not a folder")
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        raise CorpusFolderError(f"{folder}: cannot list the folder ({exc.strerror or exc})") from exc


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False


def _read_document(folder: Path, name: str, limit: int) -> SourceDocument:
    raw, problem = _read_limited(folder / name, name, limit)
    if raw is None:
        size = 0
        try:
            size = os.stat(folder / name).st_size
        except OSError:
            pass
        return SourceDocument(doc=name, text="", status="error", messages=(problem,), encoding="",
                              sha256="", published="", source_url="", size=size)
    text, encoding, messages, status = read_article_bytes(name, raw)
    return SourceDocument(doc=name, text=text, status=status, messages=messages, encoding=encoding,
                          sha256=hashlib.sha256(raw).hexdigest(), published="", source_url="",
                          text_sha256=content_key(text) if status != "error" else "", size=len(raw))


def _with(doc: SourceDocument, status: str, message: str, **changes) -> SourceDocument:
    return replace(doc, status=worst(doc.status, status), messages=(*doc.messages, message), **changes)


def _mark_duplicates(docs: list[SourceDocument]) -> list[SourceDocument]:
    by_bytes: dict[str, str] = {}
    by_text: dict[str, str] = {}
    out = []
    for doc in docs:
        if doc.status == "error":
            out.append(doc)
            continue
        if doc.sha256 in by_bytes:
            first = by_bytes[doc.sha256]
            doc = _with(doc, "warning", f"{doc.doc}: duplicate of {first} (identical bytes); not extracted",
                        duplicate_of=first)
        elif doc.text_sha256 in by_text:
            first = by_text[doc.text_sha256]
            doc = _with(doc, "warning", f"{doc.doc}: duplicate of {first} (same text); not extracted",
                        duplicate_of=first)
        else:
            by_bytes[doc.sha256] = doc.doc
            by_text[doc.text_sha256] = doc.doc
        out.append(doc)
    return out


def _name_list(names: list[str], shown: int = 10) -> str:
    more = f" and {len(names) - shown} more" if len(names) > shown else ""
    return ", ".join(names[:shown]) + more


def read_corpus(folder: str | Path, *, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[list[SourceDocument], list[str]]:
    """Every article file in `folder` (sorted by name) and folder-level messages.

    One SourceDocument per *.txt/*.html/*.htm entry (hidden files and subfolders are skipped;
    other files get a folder message); a problem file is a document with status error and a
    message, never an exception. Duplicates (same bytes, or the same text after normalization)
    get status warning and duplicate_of = the first by name. Raises CorpusFolderError only when
    the folder itself is unusable, and ValueError for a non-positive max_bytes.
    """
    folder = Path(folder)
    limit, messages = effective_max_bytes(max_bytes)
    entries = _list_folder(folder)
    manifest = load_manifest(folder, limit)
    messages.extend(manifest.messages)
    docs: list[SourceDocument] = []
    present: dict[str, str] = {}  # NFC name -> real name, every entry
    for entry in entries:
        name = entry.name
        present[unicodedata.normalize("NFC", name)] = name
        if name in (MANIFEST, CORRECTIONS_LOG) or name.startswith(".") or _is_dir(entry):
            continue
        if not name.lower().endswith(ARTICLE_SUFFIXES):
            hint = f"; a manifest must be named {MANIFEST}" if name.lower() == MANIFEST else ""
            messages.append(f"{name}: skipped (only .txt, .html and .htm files are read{hint})")
            continue
        docs.append(_read_document(folder, name, limit))
    docs = _mark_duplicates(docs)
    article_names = {unicodedata.normalize("NFC", d.doc): i for i, d in enumerate(docs)}
    lower_names = {n.lower(): n for n in present}
    for key, row in manifest.rows.items():
        i = article_names.get(key)
        if i is None:
            if key in present:
                messages.append(f"{MANIFEST} row {row.row}: {_shorten(key)} is not an article file "
                                "(.txt, .html, .htm); row ignored")
            else:
                near = lower_names.get(key.lower())
                hint = f" (did you mean {present[near]}?)" if near else ""
                messages.append(f"{MANIFEST} row {row.row}: file {_shorten(key)} not found{hint}")
            continue
        doc = replace(docs[i], published=row.published, source_url=row.source_url)
        for problem in row.problems:
            doc = _with(doc, "warning", f"{doc.doc}: {problem}")
        docs[i] = doc
    if not manifest.present:
        if docs:
            messages.append(f"no {MANIFEST}: articles have no publication date or source address")
    elif manifest.usable:
        unlisted = [d.doc for d in docs if unicodedata.normalize("NFC", d.doc) not in manifest.rows
                    and d.status != "error" and not d.duplicate_of]
        if unlisted:
            messages.append(f"{MANIFEST}: no row for {len(unlisted)} article(s) (no publication date): "
                            f"{_name_list(unlisted)}")
    return docs, messages


def check_upload_name(filename: str) -> tuple[str, str]:
    """(name, problem): the NFC file name to save under, or ('', why it is refused).

    Refused: empty names, any folder part ('/', '\\', ':' -- so no path traversal), '.' and
    '..', hidden names (leading '.'), control and bidi characters, Windows device names, names
    over 200 bytes, and extensions other than .txt, .html, .htm.
    """
    name = unicodedata.normalize("NFC", filename or "").strip()
    if not name:
        return "", "no file name"
    if "/" in name or "\\" in name or ":" in name:
        return "", f"file name '{_shorten(name)}' must not contain a folder part ('/', '\\' or ':')"
    if NAME_BAD_CHARS.search(name):
        return "", "file name contains control or text-direction characters"
    if name.startswith("."):
        return "", f"file name '{_shorten(name)}' starts with '.' (hidden files are not accepted)"
    if not name.lower().endswith(ARTICLE_SUFFIXES):
        return "", f"file name '{_shorten(name)}': only .txt, .html and .htm files are accepted"
    stem = name[: name.rfind(".")].rstrip(" .")
    if not stem or stem.lower() in WINDOWS_RESERVED:
        return "", f"file name '{_shorten(name)}' is not usable"
    if len(name.encode("utf-8")) > MAX_NAME_BYTES:
        return "", f"file name is longer than {MAX_NAME_BYTES} bytes"
    return name, ""


def _free_name(name: str, taken: set[str]) -> str:
    if name.casefold() not in taken:
        return name
    dot = name.rfind(".")
    stem, suffix = name[:dot], name[dot:]
    for n in range(2, 1000):
        candidate = f"{stem} ({n}){suffix}"
        if candidate.casefold() not in taken:
            return candidate
    return ""


def _manifest_append_plan(folder: Path, limit: int) -> tuple[list[str] | None, bytes, str]:
    """(header cells, existing bytes, problem) for appending a manifest row; header None = create."""
    path = folder / MANIFEST
    if not path.exists() and not path.is_symlink():
        return None, b"", ""
    raw, problem = _read_limited(path, MANIFEST, limit)
    if raw is None:
        return None, b"", problem
    text = _strict(raw, "utf-8-sig")
    if text is None:
        return None, b"", f"{MANIFEST} is not UTF-8, so a row cannot be added safely"
    if _is_blank(text):
        return None, raw, ""
    manifest = parse_manifest(text)
    if not manifest.usable:
        return None, b"", manifest.messages[0]
    header = next(cells for _, cells in _csv_records(text) if any(c.strip() for c in cells))
    return header, raw, ""


def save_upload(folder: str | Path, filename: str, data: bytes, published: str | None = None, *,
                max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, list[str]]:
    """Save an uploaded article into `folder`; returns (saved_name, messages).

    saved_name is '' when the upload is refused; the messages then say why and nothing was
    written. Checks, in order: the name (check_upload_name), the size (same limit as
    read_corpus), the content (read exactly as read_corpus will: empty, binary, encoding, HTML),
    the optional `published` date (validate_published), and duplicates: an upload with the same
    bytes or the same text as an article already in the folder is refused, naming it.

    Decisions: the bytes are saved unchanged under their own extension -- an .html upload stays
    HTML and a Windows-1256 file stays Windows-1256 -- so the folder keeps the original and
    read_corpus decodes and converts uploaded and copied files the same way. A name already used
    (on disk, ignoring case, or by a manifest row) is never overwritten: the file is saved as
    "name (2).txt", "name (3).txt", ... When `published` is given, a row (file, published) is
    appended to manifest.csv, keeping its existing rows, header and line endings (created with
    the header file,published,source_url when missing); a manifest that is not UTF-8 or has no
    'file' column refuses the upload rather than being rewritten. Raises CorpusFolderError for
    an unusable folder.
    """
    folder = Path(folder)
    limit, messages = effective_max_bytes(max_bytes)
    _list_folder(folder)
    name, problem = check_upload_name(filename)
    if problem:
        return "", messages + [f"refused: {problem}"]
    if len(data) > limit:
        return "", messages + ["refused: " + too_big_message(name, len(data), limit)]
    decoded = read_article_bytes(name, data)
    if decoded.status == "error":
        return "", messages + [f"refused: {m}" for m in decoded.messages]
    date = ""
    if published is not None and published.strip():
        date, problem = validate_published(published)
        if problem:
            return "", messages + [f"refused: {problem}"]
    docs, _ = read_corpus(folder, max_bytes=limit)
    digest, key = hashlib.sha256(data).hexdigest(), content_key(decoded.text)
    for doc in docs:
        if doc.sha256 == digest:
            return "", messages + [f"refused: same content as {doc.doc}, already in the folder (identical bytes)"]
        if doc.text_sha256 and doc.text_sha256 == key:
            return "", messages + [f"refused: same text as {doc.doc}, already in the folder"]
    header, existing, problem = (None, b"", "")
    if date:
        header, existing, problem = _manifest_append_plan(folder, limit)
        if problem:
            return "", messages + [f"refused: {problem} (fix it, or upload without a date)"]
    taken = {p.name.casefold() for p in folder.iterdir()}
    taken |= {n.casefold() for n in load_manifest(folder, limit).rows}
    saved = _free_name(name, taken)
    if not saved:
        return "", messages + [f"refused: too many files named like {name}"]
    try:
        with open(folder / saved, "xb") as fh:  # "x": never replaces a file created meanwhile
            fh.write(data)
    except OSError as exc:
        return "", messages + [f"refused: could not write {saved} ({exc.strerror or exc})"]
    if saved != name:
        messages.append(f"saved as {saved} because {name} is already used")
    messages.extend(m for m in decoded.messages)
    if date:
        try:
            _append_manifest_row(folder, header, existing, saved, date)
        except OSError as exc:
            (folder / saved).unlink(missing_ok=True)
            return "", messages + [f"refused: could not update {MANIFEST} ({exc.strerror or exc}); "
                                   f"{saved} was not kept"]
        messages.append(f"{MANIFEST}: added {saved} published {date}")
    messages.append(f"saved {saved} ({len(data)} bytes)")
    return saved, messages


def _append_manifest_row(folder: Path, header: list[str] | None, existing: bytes, saved: str, date: str) -> None:
    path = folder / MANIFEST
    newline = "\r\n" if b"\r\n" in existing else "\n"
    out = io.StringIO()
    writer = csv.writer(out, lineterminator=newline)
    if header is None:
        writer.writerow(MANIFEST_COLUMNS)
        header = list(MANIFEST_COLUMNS)
    values = {"file": saved, "published": date}
    writer.writerow([values.get(h.strip().strip(INVISIBLE).lower(), "") for h in header])
    prefix = newline if existing and not existing.endswith((b"\n", b"\r")) else ""
    with open(path, "ab") as fh:
        fh.write((prefix + out.getvalue()).encode("utf-8"))
