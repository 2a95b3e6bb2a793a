"""Bare web and e-mail addresses in untrusted text (notes, manifest values, file names) stay plain text:
md_escape leaves no address that Markdown would turn into a link (the browser test checks the page)."""

from __future__ import annotations

import re

import pytest

from ui.safety import md_escape

# What GitHub-flavoured Markdown links without brackets, once backslash escapes are resolved.
AUTOLINK = re.compile(r"www\.|[A-Za-z0-9._%+-]@[A-Za-z0-9-]+\.|[A-Za-z]+://")


@pytest.mark.parametrize("text", ["www.example.com", "someone@example.org", "http://example.net/x",
                                  "https://t.co", "ftp://x.org", "see www.example.com/a?b=c and a.b@c.org"])
def test_an_address_is_not_a_link_after_escaping(text):
    shown = md_escape(text)
    assert not AUTOLINK.search(shown.replace("\\", ""))
    assert shown.replace("\\", "").replace("\u2060", "") == text  # the same characters are shown
