"""Untrusted text (article text, titles, file names, manifest values) made inert for Markdown and CSV.

HTML is built only with html.escape (ui/evidence.py, ui/charts/). This module covers the two
other ways text can act: Streamlit renders Markdown in st.markdown, st.caption, st.error,
st.warning, st.success and st.info even without unsafe_allow_html (links, images that would be
fetched from outside, emphasis, colour directives, LaTeX), and spreadsheet programs run a CSV
cell that starts with '=', '+', '-' or '@' as a formula.
"""

from __future__ import annotations

import re

# csv_safe (formula cells made text) is core's, shared with the command line export.
from core.store.csv_safety import FORMULA_START, csv_safe  # noqa: F401

# Every ASCII punctuation character may be backslash-escaped in CommonMark; escaping all of them
# also covers Streamlit's own syntax (':red[…]', ':material/…:', '$…$').
MARKDOWN_SPECIAL = re.compile(r"([!-/:-@\[-`{-~])")
LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029]+")
# Streamlit turns bare addresses into links even when every punctuation mark is backslash-escaped
# (www.x.org, a@b.org, http://x.org; character references do not help either, checked in chromium):
# an invisible WORD JOINER (U+2060) where an address would start -- before the '.' of 'www.', an
# '@', the ':' of '://' -- keeps them plain text; elsewhere the escape is the usual backslash.
JOINER = "\u2060"


def _escape(match: re.Match) -> str:
    char, at, text = match.group(1), match.start(), match.string
    starts_address = (char == "@" or (char == "." and text[max(0, at - 3):at].lower() == "www")
                      or (char == ":" and text.startswith("//", at + 1)))
    return (JOINER if starts_address else "") + "\\" + char


def md_escape(text: object) -> str:
    """`text` as Markdown that renders as exactly those characters, on one line.

    Every ASCII punctuation character is backslash-escaped and line breaks become spaces, so no
    link, image, HTML tag, emphasis, heading, list, directive or formula survives.
    """
    flat = LINE_BREAKS.sub(" ", "" if text is None else str(text))
    return MARKDOWN_SPECIAL.sub(_escape, flat)
