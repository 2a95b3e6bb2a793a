"""core.run.pipeline.title_of: a document's title is its first non-empty line, cut at a word boundary."""

import random

from core.run.pipeline import TITLE_MAX, title_of


def _plain_title(text):
    """title_of written plainly: every line of the text, the first non-empty one."""
    for line in text.splitlines():
        line = " ".join(line.split())
        if line:
            return line if len(line) <= TITLE_MAX else line[:TITLE_MAX].rsplit(" ", 1)[0] + " …"
    return ""


def test_title_examples():
    assert title_of("\n\n  زار وفد   من الكويت \nالسطر الثاني") == "زار وفد من الكويت"
    assert title_of(" \t\u2029\r\n") == ""
    long = " ".join(["كلمة"] * 60)
    assert title_of(long).endswith(" …") and len(title_of(long)) <= TITLE_MAX + 2


def test_title_equals_the_first_non_empty_line_over_random_texts():
    """Every line break str.splitlines knows (\\r\\n as one), the spaces that are not line breaks,
    long lines with and without spaces."""
    rng = random.Random(26)
    pieces = ["\n", "\r", "\r\n", "\v", "\f", "\x1c", "\x1d", "\x1e", "\x1f", "\x85", "\u2028", "\u2029",
              " ", "\t", "\xa0", "\u3000", "زار", "وفد", "a", "-", "كلمة" * 30, " " * 90, "كلمة " * 20]
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 40)))
        assert title_of(text) == _plain_title(text), repr(text)
