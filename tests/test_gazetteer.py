"""States in text: names, formal prefixes, proclitics, nationality adjectives, the GCC as a body, cities."""

import pytest

from core.text.gazetteer import english_name, find_mentions
from core.text.normalize import normalize, tokenize, tokenize_columns
from core.text.tokens import Tokens


def mentions(text):
    norm = normalize(text)
    found = find_mentions(norm, tokenize(norm))
    for m in found:
        assert text[m.start:m.end] == m.surface
    return [(m.iso3, m.via) for m in found]


POSITIVE = [
    ("official_form", "وصل وفد مملكة البحرين", [("BHR", "name")]),
    ("proclitic_b", "اجتماع بمملكة البحرين", [("BHR", "name")]),
    ("proclitic_l_article", "شكرا للمملكة العربية السعودية", [("SAU", "name")]),
    ("sultanate_and_state", "سلطنة عمان ودولة الكويت", [("OMN", "name"), ("KWT", "name")]),
    ("dual_republics", "ممثلي جمهوريتي تونس وجزر القمر", [("TUN", "name"), ("COM", "name")]),
    ("wa_chain", "فلسطين ولبنان وبروناي دار السلام", [("PSE", "name"), ("LBN", "name"), ("BRN", "name")]),
    ("long_official", "جمهورية ألمانيا الاتحادية وجمهورية الصين الشعبية", [("DEU", "name"), ("CHN", "name")]),
    ("us_spelling", "الولايات المتحدة الأمريكية والمملكة المتحدة", [("USA", "name"), ("GBR", "name")]),
    ("emirates_short", "حلت الإمارات ثانية", [("ARE", "name")]),
    ("demonym_delegation", "الوفد الفلسطيني", [("PSE", "demonym")]),
    ("demonym_feminine", "الحكومة البحرينية", [("BHR", "demonym")]),
    ("gcc_states", "دول مجلس التعاون الخليجي", [("GCC", "gcc_body")]),
    ("gcc_gulf_states", "الدول الخليجية", [("GCC", "gcc_body")]),
    ("gulf_region", "مسؤولون من منطقة الخليج", [("GCC", "gcc_region")]),
    # mledoze/countries' Arabic names (core/data/country_names.tsv) beside CLDR's
    ("dataset_spelling", "من بوروندي ومالاوي", [("BDI", "name"), ("MWI", "name")]),
    ("dataset_common_name", "وفد من المجر", [("HUN", "name")]),
    ("dataset_official_name", "الجمهورية اليمنية وروسيا الاتحادية", [("YEM", "name"), ("RUS", "name")]),
    ("cldr_wins_a_shared_name", "جمهورية الكونغو", [("COG", "name")]),
    ("institution", "شاركت هيئة المعلومات والحكومة الإلكترونية", [("BHR", "institution")]),
    ("gcc_arab_gulf", "دول الخليج العربي", [("GCC", "gcc_body")]),
    ("gcc_official", "مجلس التعاون لدول الخليج العربية", [("GCC", "gcc_body")]),
    ("city_capital", "عقد الاجتماع في مسقط", [("OMN", "city")]),
    ("city_two_words", "تحتضن شرم الشيخ المؤتمر", [("EGY", "city")]),
    ("harakat_in_name", "الْبَحْرَيْن", [("BHR", "name")]),
    ("kaf_proclitic", "كقطر", [("QAT", "name")]),
    ("korea_means_south", "تجربة كوريا وسنغافورة", [("KOR", "name"), ("SGP", "name")]),
    ("inverted_pycountry_name", "جمهورية كوريا الشعبية الديموقراطية", [("PRK", "name")]),
    ("gcc_member_states", "الدول الأعضاء في مجلس التعاون", [("GCC", "gcc_body")]),
]

# Words that look like part of a state name but name none.
SHOULD_NOT_MATCH = [
    ("united_nations", "الأمم المتحدة"),
    ("un_glued", "الأممالمتحدة"),
    ("arab_states", "الدول العربية"),
    ("federal_alone", "الاتحادية"),
    ("arab_united_alone", "العربية المتحدة"),
    ("gulf_adjective", "آفاق التعاون الخليجي الأوروبي"),
    ("kingdom_alone", "أكدت المملكة"),
    ("republic_alone", "رئيس الجمهورية"),
    ("european_union", "الاتحاد الأوروبي"),
    ("arab_league", "جامعة الدول العربية"),
]


@pytest.mark.parametrize("text,expected", [c[1:] for c in POSITIVE], ids=[c[0] for c in POSITIVE])
def test_finds_states(text, expected):
    assert mentions(text) == expected


@pytest.mark.parametrize("text", [c[1] for c in SHOULD_NOT_MATCH], ids=[c[0] for c in SHOULD_NOT_MATCH])
def test_should_not_match(text):
    assert mentions(text) == []


def test_prefix_word_is_part_of_the_evidence():
    text = "المدير العام بدولة الكويت"
    norm = normalize(text)
    (m,) = find_mentions(norm, tokenize(norm))
    assert m.surface == "بدولة الكويت"


@pytest.mark.parametrize("iso3,name", [("PSE", "Palestine"), ("BRN", "Brunei"), ("COM", "Comoros"),
                                       ("ARE", "United Arab Emirates"), ("XXX", "")])
def test_english_names(iso3, name):
    assert english_name(iso3) == name


def _plain_mentions(norm, tokens):
    """find_mentions written plainly (every token tried, every form's keys grown as tuples, the
    punctuation of each key checked): the reference the memoized and tree walks must equal."""
    from core.records import CountryMention
    from core.text.gazetteer import _is_prefix_word, gazetteer, key_forms, key_prefixes

    gz, prefixes, text = gazetteer(), key_prefixes(), norm.text
    out, i = [], 0
    while i < len(tokens):
        hit = None
        for first in key_forms(tokens[i].text):
            keys = [(first,)]
            for j in range(i + 1, min(i + gz.longest, len(tokens))):
                if keys[-1] + (tokens[j].text,) not in prefixes:
                    break
                keys.append(keys[-1] + (tokens[j].text,))
            for key in reversed(keys):
                seq = tokens[i:i + len(key)]
                if key in gz.entries and not any(text[a.end:b.start].strip() for a, b in zip(seq, seq[1:])):
                    hit = (len(key), gz.entries[key])
                    break
            if hit:
                break
        if not hit:
            i += 1
            continue
        length, (iso3, via) = hit
        first = i - 1 if via == "name" and i > 0 and not text[tokens[i - 1].end:tokens[i].start].strip() \
            and _is_prefix_word(tokens[i - 1].text) else i
        surface, start, end = norm.surface(tokens[first].start, tokens[i + length - 1].end)
        out.append(CountryMention(iso3, surface, start, end, via, tokens[first].start, tokens[i + length - 1].end))
        i += length
    return out


def test_mentions_equal_the_plain_walk_over_generated_texts():
    """Multi-word keys cut by punctuation, prefix words, keys that a longer key begins, several forms
    of one token: generated sentences from the gazetteer's own keys and their pieces."""
    import random

    from core.text.gazetteer import gazetteer
    from text_soup import phrase_variant

    rng = random.Random(26)
    keys = sorted(gazetteer().entries)
    multi = [k for k in keys if len(k) > 1]
    pieces = ["و", "ب", "ل", "مملكه", "دوله", "بدوله", "في", "زار", "وفد", "،", ".", "-", "(", ")", "2013"]
    for _ in range(400):
        words = []
        for _ in range(rng.randrange(1, 25)):
            r = rng.random()
            if r < 0.35:
                key = phrase_variant(rng, rng.choice(multi), cut=0.4, punctuate=0.3, marks="،.-")
                words += [rng.choice(["", "و", "ب", "ل"]) + key[0]] + key[1:]
            elif r < 0.55:
                words.append(rng.choice(rng.choice(keys)))
            else:
                words.append(rng.choice(pieces))
        norm = normalize(" ".join(words))
        tokens = tokenize(norm)
        plain = _plain_mentions(norm, tokens)
        assert find_mentions(norm, tokens) == plain
        assert find_mentions(norm, Tokens(*tokenize_columns(norm))) == plain  # the columns, as build_context gives them
