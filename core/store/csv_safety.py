"""CSV that a spreadsheet program cannot misread: formula cells made text, every field quoted.

Shared by the command line export (core/__main__.py) and the dashboard's downloads (ui/safety.py
re-exports csv_safe), so both escape the same cells the same way. No Streamlit here.

Spreadsheet programs run a cell that starts with '=', '+', '-' or '@' as a formula (OWASP "CSV
injection"; a title or file name may start with '=HYPERLINK('); tab and carriage return also
start one in some programs. Such a text cell gets a leading apostrophe, which spreadsheets show
as text and hide. Every field is quoted, so a bare carriage return or line break inside a file
name or title stays inside its cell instead of ending the row.
"""

from __future__ import annotations

import csv
from pathlib import Path

import pandas as pd

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells cannot run as spreadsheet formulas.

    A text cell starting with '=', '+', '-', '@', tab or carriage return gets a leading apostrophe;
    numbers and other cells are unchanged.
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        cells = values.astype(object)
        risky = cells.map(lambda v: isinstance(v, str) and v.startswith(FORMULA_START)).astype(bool)
        if risky.any():
            out[column] = cells.where(~risky, "'" + cells.astype(str))
    return out


def write_csv(frame: pd.DataFrame, path: str | Path) -> None:
    """Write `frame` as UTF-8 CSV: formula cells escaped (csv_safe), every field quoted, \\n rows."""
    csv_safe(frame).to_csv(path, index=False, encoding="utf-8", quoting=csv.QUOTE_ALL, lineterminator="\n")
