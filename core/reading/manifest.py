"""manifest.csv: the optional table of publication dates and source addresses of a folder.

Columns file, published (YYYY-MM-DD, YYYY-MM or YYYY) and source_url. Folder-level problems
name manifest.csv and its row; a bad date or address stays with its row, reported on the document.
"""

from __future__ import annotations

import calendar
import csv
import io
import re
import unicodedata
from dataclasses import dataclass, replace
from pathlib import Path
from urllib.parse import urlsplit

from core.reading.decode import INVISIBLE, decode_bytes
from core.reading.folder import DEFAULT_MAX_BYTES, read_limited, shorten, effective_max_bytes

MANIFEST = "manifest.csv"
MANIFEST_COLUMNS = ("file", "published", "source_url")
FLOOD_SHOWN = 20  # problems of one kind listed one by one; more become one grouped message

DATE_RE = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")
DMY_RE = re.compile(r"([0-9]{1,2})[/.]([0-9]{1,2})[/.]([0-9]{4})")
MONTH_YEAR_RE = re.compile(r"([A-Za-z]+)\.?\s+([0-9]{4})")
EASTERN_DIGITS = {**{0x0660 + i: str(i) for i in range(10)}, **{0x06F0 + i: str(i) for i in range(10)}}
MONTH_WORDS = {name.lower(): n for n, name in enumerate(calendar.month_name) if name}
MONTH_WORDS.update({name.lower(): n for n, name in enumerate(calendar.month_abbr) if name})
MIN_YEAR, MAX_YEAR = 1900, 2100



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
    return "", f"published '{shorten(value)}' is not a valid date: use YYYY-MM-DD, YYYY-MM or YYYY{hint}"


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
        return "", f"source_url '{shorten(value)}' is not an http(s) address"
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
        records = list(csv_records(text))
    except csv.Error as exc:
        return _manifest_unusable(f"is not valid CSV ({exc})")
    records = [(n, cells) for n, cells in records if any(c.strip() for c in cells)]
    if not records:
        return _manifest_unusable("has no header line")
    _, header_cells = records[0]
    header = [c.strip().strip(INVISIBLE).lower() for c in header_cells]
    if "file" not in header:
        return _manifest_unusable(f"has no 'file' column (header is {shorten(str(header_cells), 120)})")
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
    header_messages = len(messages)
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
            messages.append(f"{MANIFEST} row {n}: file '{shorten(name)}' must be a plain file name "
                            "without a folder part; row ignored")
            continue
        published, date_problem = validate_published(cell("published"))
        source_url, url_problem = validate_source_url(cell("source_url"))
        problems = tuple(f"{MANIFEST} row {n}: {p}; left empty" for p in (date_problem, url_problem) if p)
        if name in rows:
            first = rows[name]
            same = (first.published, first.source_url) == (published, source_url) and not problems
            messages.append(f"{MANIFEST} row {n}: file {shorten(name)} is already listed in row {first.row} "
                            f"({'same values' if same else 'different values'}); row {n} ignored")
            continue
        rows[name] = ManifestRow(n, name, published, source_url, problems)
    extra_rows = len(messages) - header_messages - FLOOD_SHOWN
    if extra_rows > 0:  # a flood of bad rows: the first ones listed, the rest counted
        del messages[header_messages + FLOOD_SHOWN:]
        messages.append(f"{MANIFEST}: {extra_rows:,} more row problems not listed (rows ignored or cut)")
    return Manifest(rows, tuple(messages), True, True)


def csv_records(text: str):
    reader = csv.reader(io.StringIO(text, newline=""))
    for cells in reader:
        yield reader.line_num, cells


def load_manifest(folder: Path, limit: int = DEFAULT_MAX_BYTES) -> Manifest:
    """Read and validate folder/manifest.csv. Never raises; a missing file is not a problem."""
    path = folder / MANIFEST
    if not path.exists() and not path.is_symlink():
        return Manifest({}, (), False, False)
    raw, problem = read_limited(path, MANIFEST, limit, folder)
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
