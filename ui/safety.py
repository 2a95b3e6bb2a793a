"""Untrusted text (article text, titles, file names, manifest values) made inert for Markdown and CSV.

HTML is built only with html.escape (ui/evidence.py, ui/figures.py). This module covers the two
other ways text can act: Streamlit renders Markdown in st.markdown, st.caption, st.error,
st.warning, st.success and st.info even without unsafe_allow_html (links, images that would be
fetched from outside, emphasis, colour directives, LaTeX), and spreadsheet programs run a CSV
cell that starts with '=', '+', '-' or '@' as a formula.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them
# also covers Streamlit's own syntax (':red[…]', ':material/…:', '$…$').
MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# OWASP "CSV injection": cells starting with these are formulas in Excel, LibreOffice and Sheets.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def md_escape(text: object) -> str:
    """`text` as Markdown that renders as exactly those characters, on one line.

    Every ASCII punctuation character is backslash-escaped and line breaks become spaces, so no
    link, image, HTML tag, emphasis, heading, list, directive or formula survives.
    """
    flat = LINE_BREAKS.sub(" ", "" if text is None else str(text))
    return MARKDOWN_SPECIAL.sub(r"\\\1", flat)


def csv_safe(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy of `frame` whose text cells cannot run as spreadsheet formulas.

    A text cell starting with '=', '+', '-', '@', tab or carriage return gets a leading apostrophe
    (which spreadsheets show as text and hide); numbers and other cells are unchanged.
    """
    out = frame.copy()
    for column in out.columns:
        values = out[column]
        if not (pd.api.types.is_object_dtype(values) or pd.api.types.is_string_dtype(values)):
            continue
        # A plain bool array: Series.map on an empty string column returns string dtype, whose
        # .any() raises "Cannot perform reduction 'any' with string dtype".
        risky = np.fromiter((isinstance(v, str) and v.startswith(FORMULA_START) for v in values),
                            dtype=bool, count=len(values))
        if risky.any():
            out[column] = values.astype(object).where(~risky, "'" + values.astype(str))
    return out
