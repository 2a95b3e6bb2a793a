"""Sentences: which marks and line breaks end one (sentences written for this project)."""

import pytest

from core.text.normalize import normalize, tokenize
from core.text.segment import sentences


def count(text):
    norm = normalize(text)
    return len(sentences(norm.text, tokenize(norm)))


@pytest.mark.parametrize("text, n", [
    pytest.param("افتتح المنتدى أمس. وحضره الوزراء.", 2, id="full-stop"),
    pytest.param("أقيم تحت شعار (المعرفة. نحو الغد) في المنامة.", 1, id="dot-inside-parentheses"),
    pytest.param("أقيم تحت شعار المعرفة.. نحو الغد في المنامة.", 1, id="ellipsis"),
    pytest.param("عنوان قصير\nافتتح المنتدى أمس.", 2, id="headline-line"),
    pytest.param("افتتح المنتدى العالمي للحكومة الرقمية أمس بحضور الوزراء وكبار المسؤولين من الدول الأعضاء "
                 "والمنظمات الدولية\nالمعنية بالتحول الرقمي.", 1, id="wrapped-long-line"),
    pytest.param("قال (المدير " + "كلمة " * 60 + "انتهى. ثم بدأ الحفل.", 2, id="stray-parenthesis-does-not-swallow"),
    pytest.param("زر الموقع bahrain.bh للاطلاع. انتهى.", 2, id="domain-dot"),
    pytest.param("شارك الوزير في الاجتماع السنوي للجنة الخدمات الرقمية\nوالبيانات المفتوحة في الرباط.", 1,
                 id="hard-wrapped-line-goes-on-with-wa"),
    pytest.param("افتتح الوزير أمس أعمال الملتقى،\nبحضور عدد من المسؤولين.", 1, id="line-ends-with-comma"),
    pytest.param("تصدرت الدولة مؤشر الخدمات الرقمية في المنطقة هذا العام\nأكد الوزير أهمية التحول.", 2,
                 id="headline-of-seven-words-then-a-verb"),
])
def test_sentence_count(text, n):
    assert count(text) == n


def test_split_searches_find_the_matches_of_the_two_patterns():
    """The searches for single characters give exactly the matches of patterns()'s two alternations
    (random strings of marks, spaces, dashes, digits and letters; overlapping spaced dashes)."""
    import random

    from core.text.segment import _clause_marks, _sentence_marks, _split_patterns, patterns

    assert _split_patterns() is not None  # the shipped punctuation data allows the split
    sentence_end, clause_break = patterns()
    rnd = random.Random(24)
    alphabet = [" ", "-", "\n", ".", "،", "a", "1", "!", "؟", "\t", "\u00a0", "ب", ":", "?", "\r", "٣", "«", "\""]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 24))) for _ in range(20_000)]
    texts += [" - - ", "ا - - - ب", "زار الوفد - الكويت -\nثم عاد. 3.5 و... ؟!"]
    for text in texts:
        assert _sentence_marks(text) == [m.span() for m in sentence_end.finditer(text)], text
        assert _clause_marks(text) == [m.start() for m in clause_break.finditer(text)], text
    assert _clause_marks(" - - ") == [0]  # the second dash's space was taken by the first match


def test_split_makes_the_segments_of_the_plain_cut_loop():
    """segment._split (cuts deduplicated, the text's end closing the last segment, each Segment's
    __dict__ set at once) makes the segments the plain loop makes with the constructor, with and
    without the token columns, on random token layouts and cuts (before, inside, between and after
    the tokens, repeated)."""
    import random
    from bisect import bisect_right

    from core.text.normalize import Token
    from core.text.segment import Segment, _split

    def plain(tokens, cuts, text_len):
        segments, ends, k, first = [], [t.end for t in tokens], 0, 0
        for cut in sorted(set(cuts)) + [text_len + 1]:
            k = bisect_right(ends, cut, k)
            if k > first:
                segments.append(Segment(first, k, tokens[first].start, tokens[k - 1].end))
                first = k
        return segments

    rnd = random.Random(26)
    for _ in range(3000):
        tokens, pos = [], 0
        for _ in range(rnd.randint(0, 12)):
            pos += rnd.randint(0, 3)
            end = pos + rnd.randint(1, 4)
            tokens.append(Token("x", pos, end))
            pos = end
        text_len = pos + rnd.randint(0, 3)
        cuts = [rnd.randint(-1, text_len) for _ in range(rnd.randint(0, 10))]
        expected = plain(tokens, cuts, text_len)
        assert _split(tokens, cuts, text_len) == expected
        at = []
        got = _split(tokens, cuts, text_len, [t.end for t in tokens], [t.start for t in tokens], at)
        assert got == expected and [s.__dict__ for s in got] == [s.__dict__ for s in expected]
        # each token's segment, as the context's per-token list reads it: the segments themselves
        plain_at = [seg for seg in got for _ in range(seg.last - seg.first)]
        assert len(at) == len(tokens) == len(plain_at) and all(a is b for a, b in zip(at, plain_at))
        assert repr(got) == repr(expected) and all(hash(a) == hash(b) for a, b in zip(got, expected))


def test_parentheses_found_by_search_are_the_regex_matches():
    import random
    import re

    from core.text.segment import _Parens

    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice("(()) ا.ب\n،x") for _ in range(rng.randrange(0, 30)))
        parens = _Parens(text)
        assert parens.opens == [m.start() for m in re.finditer(r"\(", text)]
        assert parens.closes == [m.start() for m in re.finditer(r"\)", text)]


def test_sentence_cuts_read_dots_as_the_dot_rule_does():
    """_sentence_cuts equals _is_sentence_break asked at every mark, on random texts of dots, ellipses,
    parentheses, Latin and Arabic letters, digits, one-letter abbreviations and line breaks; and
    _is_sentence_dot's short cut holds: in a text with no "(", no position is inside parentheses."""
    import random

    from core.text.segment import _is_sentence_break, _Parens, _sentence_cuts, _sentence_marks

    rng = random.Random(11)
    pieces = [".", ".", "..", " ", " ", "\n", "\n\n", "(", ")", "ا", "ب", "د", "a", "Z", "3", "٣", "،", "؟", "-",
              "وزارة", "bahrain", "د.", " ."]
    dots = 0
    for _ in range(6000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 20)))
        parens = _Parens(text)
        plain = tuple(start for start, end in _sentence_marks(text) if _is_sentence_break(text, start, end, parens))
        assert _sentence_cuts.__wrapped__(text) == plain, text
        if not parens.opens:
            assert not any(parens.inside(pos) for pos in range(len(text) + 1)), text
        dots += text.count(".")
    assert dots > 10000
