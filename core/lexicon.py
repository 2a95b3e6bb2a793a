"""Loading the language data files in core/data/ (TSV with '#' source lines), validated on load."""

from __future__ import annotations

import csv
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"


class LexiconError(ValueError):
    """A data file is malformed; the message names the file, the line and the column."""


@lru_cache(maxsize=None)
def _read(name: str) -> tuple[tuple[str, ...], tuple[dict[str, str], ...]]:
    path = DATA_DIR / name
    if not path.exists():
        raise LexiconError(f"{path}: data file is missing")
    lines = path.read_text(encoding="utf-8").splitlines()
    body = [(n, line) for n, line in enumerate(lines, start=1) if line.strip() and not line.startswith("#")]
    if not any(line.startswith("#") for line in lines[:5]):
        raise LexiconError(f"{path}: the first lines must say where the data comes from ('# source: ...')")
    if not body:
        raise LexiconError(f"{path}: no header row")
    header_no, header_line = body[0]
    header = tuple(h.strip() for h in header_line.split("\t"))
    rows = []
    for n, line in body[1:]:
        cells = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(cells) > len(header):
            raise LexiconError(f"{path}:{n}: {len(cells)} cells for {len(header)} columns {header}")
        row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
        row["_line"] = str(n)
        rows.append(row)
    return header, tuple(rows)


def load_table(name: str, required: list[str] | tuple[str, ...]) -> list[dict[str, str]]:
    """Rows of core/data/<name> as dicts (plus '_line'); every `required` column present and non-empty."""
    header, rows = _read(name)
    missing = [c for c in required if c not in header]
    if missing:
        raise LexiconError(f"{DATA_DIR / name}: missing column(s) {missing}; header is {list(header)}")
    for row in rows:
        for c in required:
            if not row[c]:
                raise LexiconError(f"{DATA_DIR / name}:{row['_line']}: column '{c}' is empty")
    return [dict(r) for r in rows]
