"""Number words: cardinals and ordinals, masculine and feminine, compound and with the article."""

import pytest

from core.text.normalize import normalize, tokenize
from core.text.numbers import parse_number

CASES = [
    ("digits", "18", 18, False),
    ("first_m", "الأول", 1, True),
    ("first_f", "الأولى", 1, True),
    ("third_m", "الثالث", 3, True),
    ("thirteenth_m", "الثالث عشر", 13, True),
    ("eighteenth_f", "الثامنة عشرة", 18, True),
    ("eleventh_f", "الحادية عشرة", 11, True),
    ("twenty_first", "الحادي والعشرين", 21, True),
    ("thirty_first", "الحادي والثلاثين", 31, True),
    ("forty_second", "الثاني والأربعين", 42, True),
    ("fiftieth_as_tens", "الخمسين", 50, True),
    ("wa_third", "والثالث", 3, True),
    ("fifteen_f", "خمس عشرة", 15, False),
    ("fifteen_m", "خمسة عشر", 15, False),
    ("twelve_f", "اثنتي عشرة", 12, False),
    ("twelve_m", "اثنا عشر", 12, False),
    ("twenty_one", "واحد وعشرين", 21, False),
    ("twenty", "عشرين", 20, False),
    ("hundred_fifty", "مائة وخمسين", 150, False),
    ("eight", "ثماني", 8, False),
    ("eleven_f_ihda", "إحدى عشرة", 11, False),
    ("with_bal_prefix", "بالثالث", 3, True),
    ("with_lil_prefix", "للخامسة", 5, True),
    ("wa_tens", "والخمسين", 50, True),
    ("twenty_second_f", "الثانية والعشرين", 22, True),
]


@pytest.mark.parametrize("text,value,ordinal", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_parse_number(text, value, ordinal):
    toks = tokenize(normalize(text))
    num = parse_number(toks, 0)
    assert (num.value, num.ordinal) == (value, ordinal)
    assert num.last == len(toks)


@pytest.mark.parametrize("text", ["الحكومة", "اثنا", "المركز", "وفد", "إحدى", "واثنتي"])
def test_not_numbers(text):
    assert parse_number(tokenize(normalize(text)), 0) is None
