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


def _plain_parse(tokens, i):
    """parse_number as it was written over Token objects (tokens[i].text), the reference the
    column reading (number_in over the texts) is compared with."""
    from core.text.normalize import Token
    from core.text.numbers import NumberMatch, _classes, _lookup, _teen, _unit_with_teen_or_tens, number_lexicon

    def tens_after_wa(j):
        lex = number_lexicon()
        if j >= len(tokens):
            return None
        rest = next((tokens[j].text[len(c):] for c in lex.conjunctions if tokens[j].text.startswith(c)), None)
        if rest is None:
            return None
        rest = next((rest[len(a):] for a in lex.articles if rest.startswith(a)), rest)
        return _classes(rest, "tens")

    tok = tokens[i].text
    if tok.isdigit():
        return NumberMatch(int(tok), False, False, i, i + 1) if len(tok) <= 9 else None
    entries, prefix = _lookup(tok)
    if not entries:
        return None
    lex = number_lexicon()
    definite = prefix in lex.article_prefixes
    classes = {cls: value for value, cls in entries}
    teen = _teen(tokens[i + 1].text) if i + 1 < len(tokens) else None
    tens = tens_after_wa(i + 1)
    for cls in ("ord_unit", "ord_compound"):
        if cls in classes:
            found = _unit_with_teen_or_tens(classes[cls], teen, tens, True, definite, i)
            if found or cls == "ord_unit":
                return found or NumberMatch(classes[cls], True, definite, i, i + 1)
    if "card_unit" in classes:
        found = _unit_with_teen_or_tens(classes["card_unit"], teen, tens, False, definite, i)
        if found:
            return found
        if tok[len(prefix):] in lex.first_half:
            return None
        return NumberMatch(classes["card_unit"], False, definite, i, i + 1)
    if "tens" in classes:
        return NumberMatch(classes["tens"], definite, definite, i, i + 1)
    if "hundred" in classes:
        value = classes["hundred"]
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else ""
        conj = next((c for c in lex.conjunctions if nxt.startswith(c)), None)
        if conj is not None:
            rest = _plain_parse([Token(nxt[len(conj):], 0, 0)] + tokens[i + 2:i + 4], 0)
            if rest and not rest.ordinal and rest.value < 100:
                return NumberMatch(value + rest.value, False, definite, i, i + 1 + (rest.last - rest.first))
        return NumberMatch(value, False, definite, i, i + 1)
    return None


def test_number_read_from_columns_as_from_tokens():
    """parse_number over a list of Token, over the columns (Tokens) and number_in over the texts give
    the plain reading's match at every token of 3,000 generated texts of number words (with their
    prefixes, conjunctions and articles), digits and other words."""
    import random

    from core.text.normalize import tokenize_columns
    from core.text.numbers import number_in, number_lexicon
    from core.text.tokens import Tokens

    lex = number_lexicon()
    words = sorted(lex.words)
    glue = list(lex.prefixes) + list(lex.conjunctions) + list(lex.articles) + [""] * 6
    other = ["وفد", "المركز", "دولة", "عام", "18", "2024", "1234567890", "، ", "و", "مائة"]
    rng = random.Random(24)
    checked = matched = 0
    for _ in range(3000):
        parts = []
        for _ in range(rng.randrange(1, 9)):
            if rng.random() < 0.7:
                parts.append(rng.choice(glue) + rng.choice(words))
            else:
                parts.append(rng.choice(other))
        norm = normalize(" ".join(parts))
        texts, starts, ends = tokenize_columns(norm)
        listed, cols = tokenize(norm), Tokens(texts, starts, ends)
        for i in range(len(texts)):
            want = _plain_parse(listed, i)
            assert parse_number(listed, i) == want
            assert parse_number(cols, i) == want
            assert number_in(texts, i) == want
            checked += 1
            matched += want is not None
    assert checked > 10_000 and matched > 3_000  # the texts hold many numbers, of every shape
