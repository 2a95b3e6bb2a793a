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
    tokens, texts, starts, ends = tokenize_columns(norm)
    assert tokens == tokenize(norm)
    assert texts == [t.text for t in tokens] == ["زار", "وفد", "من", "الكويت", "12", "مارس"]
    assert starts == [t.start for t in tokens] and ends == [t.end for t in tokens]
