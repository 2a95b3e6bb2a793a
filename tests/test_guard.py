"""core.reading.guard.extraction_limit: the count of digits that spares most articles the count of
runs of digits never changes the limit (texts written for this project, and random ones)."""

import random

from core.reading import guard


def _plain_limit(text):
    """extraction_limit's number rule written plainly: every run of digits counted."""
    limit = len(text)
    for n, m in enumerate(guard.NUMBER.finditer(text, 0, limit), start=1):
        if n > guard.MAX_NUMBERS:
            return guard._last_end_before(text, m.start(), max(0, m.start() - guard.MAX_SENTENCE_CHARS))
    return limit


def test_digit_bound_gives_the_plain_limit(monkeypatch):
    """Runs of ASCII, Arabic-Indic and Extended Arabic-Indic digits (NUMBER's), digits of other
    scripts (not NUMBER's), sentence ends, characters beyond the Basic Multilingual Plane; a small
    MAX_NUMBERS so that short texts pass it or stay under it."""
    monkeypatch.setattr(guard, "MAX_NUMBERS", 12)
    rng = random.Random(26)
    pieces = ["1", "25", "٣", "۷۸", "४२", " ", "، ", ". ", "\n", "زار وفد", "😀", "ab"]
    passed = under = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 80)))
        limit, why = guard.extraction_limit(text)
        assert limit == _plain_limit(text), repr(text)
        assert (why == f"over {guard.MAX_NUMBERS:,} numbers") == (limit < len(text))
        passed += limit < len(text)
        under += limit == len(text) and len(guard.NUMBER.findall(text)) > 0
    assert passed > 100 and under > 100
    assert guard._digits("12 ٣٤ ४ 😀 5", 12) == 12  # beyond the plane: no bound
    assert guard._digits("12 ٣٤ ४ x 5", 11) == 5
