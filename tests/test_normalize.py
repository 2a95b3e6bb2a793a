"""Normalization: each step, and offsets that always lead back to the original text."""

import pytest

from core.text.normalize import normalize, normalize_chars, tokenize

CASES = [
    ("harakat", "مُحَمَّدٌ", "محمد"),
    ("shadda", "الشَّبَكة", "الشبكه"),
    ("tatweel", "الحكومــــة", "الحكومه"),
    ("alef_forms", "أإآٱ", "اااا"),
    ("alef_maqsura", "منتدى", "منتدي"),
    ("ta_marbuta", "ورشة", "ورشه"),
    ("hamza_carriers", "مسؤول مسئول", "مسوول مسيول"),
    ("arabic_indic_digits", "٢٠١٣/٠٦/٢٦", "2013/06/26"),
    ("persian_digits", "۲۰۲۴", "2024"),
    ("latin_case", "UNDESA", "undesa"),
    ("zero_width", "البح\u200cرين", "البحرين"),
    ("glued_un", "منتدى الأممالمتحدة للخدمة", "منتدي الامم المتحده للخدمه"),
    ("glued_gcc", "دول مجلسالتعاون", "دول مجلس التعاون"),
]


@pytest.mark.parametrize("original,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_normalized_text(original, expected):
    assert normalize(original).text == expected


@pytest.mark.parametrize("original", [c[1] for c in CASES], ids=[c[0] for c in CASES])
def test_every_token_maps_back_to_the_original(original):
    norm = normalize(original)
    for tok in tokenize(norm):
        surface, start, end = norm.surface(tok.start, tok.end)
        assert original[start:end] == surface
        assert normalize_chars(surface).lower().replace(" ", "") == tok.text.replace(" ", "")


def test_trailing_harakat_stay_inside_the_span():
    norm = normalize("وفدٌ كبيرٌ")
    surface, start, end = norm.surface(0, 3)
    assert surface == "وفدٌ" and (start, end) == (0, 4)


def test_inserted_space_has_no_width_in_the_original():
    text = "الأممالمتحدة"
    norm = normalize(text)
    toks = tokenize(norm)
    assert [t.text for t in toks] == ["الامم", "المتحده"]
    assert [norm.surface(t.start, t.end)[0] for t in toks] == ["الأمم", "المتحدة"]


def test_empty_and_plain_text():
    assert normalize("").text == ""
    assert normalize("abc 123").text == "abc 123"


def test_offset_map_gives_every_original_index():
    from core.text.normalize import OffsetMap

    original = "قَالَ الــوزير\u200f"  # harakat, tatweel and a direction mark are deleted
    norm = normalize(original)
    expected = [i for i, ch in enumerate(original) if ch not in "\u064e\u0640\u200f"] + [len(original)]
    assert isinstance(norm.index, OffsetMap)
    assert list(norm.index) == expected and len(norm.index) == len(expected) == len(norm.text) + 1
    assert [norm.index[i] for i in range(len(expected))] == expected
    assert norm.index[-1] == len(original) and norm.index[1:4] == tuple(expected[1:4])
    assert norm.index == tuple(expected) and hash(norm.index) == hash(tuple(expected))
    with pytest.raises(IndexError):
        norm.index[len(expected)]
    assert norm.surface(0, 3) == ("قَالَ", 0, 5)  # the fatha after the last letter comes with it


def test_offset_map_with_nothing_deleted_is_the_identity():
    norm = normalize("abc def")
    assert list(norm.index) == list(range(8))


def test_tokenize_columns_are_the_tokens_fields():
    from core.text.normalize import tokenize_columns

    norm = normalize("زار وفدٌ من الكويت، 12 مارس")
    texts, starts, ends = tokenize_columns(norm)
    tokens = tokenize(norm)
    assert texts == [t.text for t in tokens] == ["زار", "وفد", "من", "الكويت", "12", "مارس"]
    assert starts == [t.start for t in tokens] and ends == [t.end for t in tokens]


def _per_character_map(original):
    """The map as one integer per character, built the plain way (the reference the runs must equal):
    deleted characters dropped, then a space inserted inside each glued form pointing at the next
    real character."""
    from core.text.normalize import CHAR_TABLE, glued_words

    text, index = [], []
    for i, ch in enumerate(original):
        for r in CHAR_TABLE.get(ord(ch), ch):
            text.append(r)
            index.append(i)
    text, index = "".join(text), index + [len(original)]
    pattern, mapping = glued_words()
    out, out_index, pos = [], [], 0
    for m in pattern.finditer(text):
        out.append(text[pos:m.start()])
        out_index.extend(index[pos:m.start()])
        k = m.start()
        for ch in mapping[m.group(0)]:
            if ch == " " and (k >= m.end() or text[k] != " "):
                out.append(" ")
                out_index.append(index[k])
            else:
                out.append(text[k])
                out_index.append(index[k])
                k += 1
        pos = m.end()
    out.append(text[pos:])
    out_index.extend(index[pos:])
    return "".join(out), tuple(out_index)


def test_offset_map_with_glued_words_gives_every_original_index():
    """Glued forms split by inserted spaces keep the map as runs, with the entries a per-character map has
    (random texts of glued forms, harakat, tatweel, marks and letters)."""
    import random

    from core.text.normalize import OffsetMap

    pieces = ["الأممالمتحدة", "مجلسالتعاون", "للأممالمتحدة", "ِ", "ـ", "\u200f", " ", "،", "ب", "ة", "وزير", "أ"]
    rng = random.Random(24)
    texts = ["الأممالمتحدة", "ـالأممالمتحدةَ", " مجلسالتعاون", "ِمجلسالتعاونِ"] + \
        ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 14))) for _ in range(400)]
    glued = 0
    for original in texts:
        norm = normalize(original)
        text, expected = _per_character_map(original)
        assert norm.text == text, original
        assert isinstance(norm.index, OffsetMap)
        assert tuple(norm.index) == expected and norm.index == expected and len(norm.index) == len(expected)
        assert [norm.index[i] for i in range(len(expected))] == list(expected), original
        glued += len(text) > len(normalize_chars(original))
    assert glued > 100  # most texts held a glued form


def test_glued_spans_are_the_alternations_matches():
    """The glued forms found by substring search are the spans the regex alternation (longest first)
    matches, on random texts of overlapping forms ("بالأممالمتحدة" holds "الأممالمتحدة")."""
    import random

    from core.text.normalize import _glued_spans, glued_words

    pattern, mapping = glued_words()
    pieces = list(mapping) + ["ب", "و", "ل", " ", "ال", "امم", "التعاون"]
    rng = random.Random(7)
    for _ in range(2000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 12)))
        assert _glued_spans(text, mapping) == [m.span() for m in pattern.finditer(text)], text


def test_glued_tests_find_a_text_with_a_glued_form_as_every_form_would():
    """normalize asks only the glued forms holding no other form; on random texts of forms, halves of
    forms and letters, the answer is the one asking every form (and a form is left out)."""
    import random

    from core.text.normalize import _glued_tests, glued_words

    mapping = glued_words()[1]
    tests = _glued_tests()
    assert set(tests) < set(mapping)
    halves = [f[:len(f) // 2] for f in mapping] + [f[len(f) // 2:] for f in mapping]
    pieces = list(mapping) + halves + ["ب", "و", "ل", " ", "ال", "ه"]
    rng = random.Random(28)
    found = 0
    for _ in range(3000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 8)))
        expected = any(f in text for f in mapping)
        assert any(f in text for f in tests) == expected, text
        found += expected
    assert 500 < found < 2500


def test_span_reads_the_runs_as_the_entries_would():
    """Normalized.span over an OffsetMap (read from the runs directly) gives what the same map as a
    tuple gives, for every span of random texts, the ends and past them included."""
    import random

    from core.text.normalize import Normalized

    pieces = ["الأممالمتحدة", "ِ", "ـ", "\u200f", " ", "،", "ب", "وزير", "أ", "مجلسالتعاون", "ّ"]
    rng = random.Random(5)
    for _ in range(300):
        original = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 8)))
        norm = normalize(original)
        plain = Normalized(norm.original, norm.text, tuple(norm.index))
        for a in range(-2, len(norm.text) + 2):
            for b in range(a, len(norm.text) + 3):
                try:
                    expected = plain.span(a, b)
                except IndexError:
                    with pytest.raises(IndexError):
                        norm.span(a, b)
                    continue
                assert norm.span(a, b) == expected, (original, a, b)


def test_deleted_runs_are_the_regexs_matches():
    """deleted_runs (substring search per deleted character, positions joined into runs) gives the
    spans the character-class regex matches, on random texts of harakat, tatweel, invisible marks
    (alone, in runs, at both ends) and letters."""
    import random

    from core.text.normalize import _DELETED_CHARS, _DELETED_RUN, deleted_runs

    pieces = list(_DELETED_CHARS) + ["ب", "ة", " ", "وزير", "1", "\n", "أ", "ـــ", "َّ"]
    rng = random.Random(11)
    texts = ["", "ب", "ـ", "ـب", "بـ", "ـَـ"] + \
        ["".join(rng.choice(pieces) for _ in range(rng.randint(0, 20))) for _ in range(3000)]
    runs = 0
    for text in texts:
        expected = [m.span() for m in _DELETED_RUN.finditer(text)]
        assert deleted_runs(text) == expected, text
        runs += len(expected)
    assert runs > 3000


def test_tokens_by_character_class_equal_the_regex_split():
    """tokenize_columns finds tokens from each character's class; over random texts of Arabic and
    Latin letters, digits of several scripts, marks, spaces, lone surrogates and characters outside
    the Basic Multilingual Plane (then the regex itself splits), the columns equal TOKEN_RE's matches."""
    import random

    from core.text.charpos import utf16_units
    from core.text.normalize import TOKEN_RE, Normalized, tokenize_columns

    rng = random.Random(26)
    alphabet = ["ا", "ب", "ء", "ي", "ى", "ة", "ٮ", "ۓ", "ۺ", "ۿ", "a", "Z", "0", "9", "٣", "۷", "४", "߀",
                " ", "\n", "،", ".", "-", "\u064b", "\u0640", "\u200c", "_", "é", "\ud800", "\U0001d7ce", "😀"]
    seen_fallback = seen_classes = 0
    for _ in range(3000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        if rng.random() < 0.5:
            text = text.replace("\U0001d7ce", "").replace("😀", "")
        texts, starts, ends = tokenize_columns(Normalized(text, text, ()))
        tokens = tokenize(Normalized(text, text, ()))
        matches = list(TOKEN_RE.finditer(text))
        assert texts == [m.group() for m in matches]
        assert starts == [m.start() for m in matches] and ends == [m.end() for m in matches]
        assert [(t.text, t.start, t.end) for t in tokens] == list(zip(texts, starts, ends))
        if utf16_units(text) is None:
            seen_fallback += 1
        else:
            seen_classes += 1
    assert seen_fallback > 100 and seen_classes > 1000


def test_changes_read_from_utf16_units_equal_the_plain_steps():
    """normalize's array reading of the changed and deleted characters gives normalize_chars and
    deleted_runs exactly, over random texts of CHAR_TABLE's characters, others, lone surrogates and
    characters beyond the Basic Multilingual Plane (then None: the plain steps run). normalize
    itself equals the plain steps whichever path it takes."""
    import random

    from core.text.normalize import CHAR_TABLE, _bmp_changes, deleted_runs

    rng = random.Random(26)
    alphabet = [chr(k) for k in CHAR_TABLE] + ["ا", "ب", "ه", "ي", " ", "\n", "1", "a", "\ud800", "\udc00", "😀"]
    seen = 0
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 50)))
        found = _bmp_changes(text)
        if "😀" in text:
            assert found is None
            continue
        if found is None:  # a lone high and low surrogate that deleting would join
            assert "\ud800" in text and "\udc00" in text
            continue
        seen += 1
        assert found == (normalize_chars(text), deleted_runs(text))
        assert normalize(text).text == found[0]
    for text in ["\ud800\u064b\udc00", "a\ud800\udc00", "\ud800\u0640\u0640\udc00x"]:
        assert normalize(text).text == normalize_chars(text) and len(normalize(text).text) == len(text) - text.count("\u064b") - text.count("\u0640")
    assert seen > 1000
