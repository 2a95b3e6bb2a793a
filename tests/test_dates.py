"""Dates: explicit forms, Levantine and Hijri months, trailing م/هـ, and relative phrases against the publication date."""

import pytest

from core.text.dates import Published, find_dates
from core.text.normalize import normalize, tokenize


def dates(text, published=""):
    norm = normalize(text)
    found = find_dates(norm, tokenize(norm), Published.parse(published))
    for d in found:
        assert text[d.start:d.end] == d.surface
    return [(d.iso or str(d.year), d.basis) for d in found]


CASES = [
    ("numeric_ymd", "نشر في 2013/06/26 مساء", "", [("2013-06-26", "text")]),
    ("numeric_dmy", "بتاريخ 26/06/2013", "", [("2013-06-26", "text")]),
    ("day_range_and", "يومي 25 و26 يونيو 2013", "", [("2013-06-25", "text")]),
    ("day_range_spaced", "يومي 25 و 26 يونيو 2008 م", "", [("2008-06-25", "text")]),
    ("day_range_to", "من 21 إلى 23 ديسمبر 2009", "", [("2009-12-21", "text")]),
    ("levantine", "في 12 حزيران 2013", "", [("2013-06-12", "text")]),
    ("levantine_two_words", "في 3 تشرين الأول 2011", "", [("2011-10-03", "text")]),
    ("month_year", "في مارس 2016", "", [("2016-03", "text")]),
    ("year_with_m", "تقرير 2010م", "", [("2010", "text")]),
    ("arabic_indic", "في ٢٣ يناير ٢٠١٢", "", [("2012-01-23", "text")]),
    ("hijri_full", "الموافق 17 شعبان 1434هـ", "", [("2013-06-26", "text")]),
    ("hijri_year", "عام 1434 هـ", "", [("2013", "text")]),
    ("month_no_year_uses_published", "يوم 25 يونيو", "2013-06-26", [("2013-06-25", "text")]),
    ("next_month", "في يناير المقبل", "2012-03-04", [("2013-01", "relative")]),
    ("next_month_same_year", "في ديسمبر القادم", "2009-05", [("2009-12", "relative")]),
    ("yesterday_day_known", "استقبلت أمس وفدا", "2019-03-10", [("2019-03-09", "relative")]),
    ("yesterday_year_known", "استقبلت أمس وفدا", "2010", [("2010", "relative")]),
    ("day_before_yesterday", "انطلق أمس الأول", "2015-05-12", [("2015-05-10", "relative")]),
    ("last_year", "زيارة العام الماضي", "2015-01", [("2014", "relative")]),
    ("two_years_ago", "قبل عامين", "2024-12", [("2022", "relative")]),
    ("hijri_hyphen_range_next", "من 4-6 محرم القادم", "2009-11-01", [("2009-12-21", "relative")]),
    ("next_week", "تنطلق الأسبوع المقبل", "2015-03-01", [("2015-03-08", "relative")]),
    ("relative_without_published", "زيارة العام الماضي", "", []),
    ("bare_month_name_is_not_a_date", "قال رجب إن", "2013", []),
    # one table row per rule of find_dates (core/data/date_words.tsv), positives beside negatives
    ("month_with_proclitic", "افتتح بيونيو 2014 المعرض", "", [("2014-06", "text")]),
    ("month_with_wa", "وديسمبر 2019 موعد الختام", "", [("2019-12", "text")]),
    ("previous_month_relation", "في نوفمبر الماضي", "2016-02-10", [("2015-11", "relative")]),
    ("day_range_hatta", "من 21 حتى 23 ديسمبر 2009", "", [("2009-12-21", "text")]),
    ("invalid_day_is_not_a_date", "في 31 فبراير 2013", "", [("2013", "text")]),
    ("invalid_numeric_is_not_a_date", "رقم 2013/13/45", "", [("2013", "text")]),
    ("relative_with_proclitic", "وأمس استقبل الوفد", "2019-03-10", [("2019-03-09", "relative")]),
    ("today", "افتتح الوزير اليوم المعرض", "2019-03-10", [("2019-03-10", "relative")]),
    ("day_counted_within_an_event_is_not_today", "في اليوم الثاني من زيارته", "2019-03-10", []),
    ("first_day_is_not_today", "وفي اليوم الأول من المؤتمر", "2019-03-10", []),
    ("month_of_this_year", "خلال شهر نوفمبر من العام الجاري", "2016-06-01", [("2016-11", "relative")]),
    ("month_of_next_year", "في يناير من العام المقبل", "2016-06-01", [("2017-01", "relative")]),
    ("month_of_a_stated_year", "في مارس من عام 2026", "2024-01-01", [("2026-03", "text")]),
    ("month_of_a_year_left_unsaid_is_no_date", "في نوفمبر من عام", "2016-06-01", []),
    ("hijri_year_suffix_word", "عام 1435 هجرية", "", [("2014", "text")]),
    ("year_out_of_range_is_not_a_year", "العدد 11742 والصفحة 1200", "", []),
]


@pytest.mark.parametrize("text,published,expected", [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_find_dates(text, published, expected):
    assert dates(text, published) == expected


@pytest.mark.parametrize("value,expected", [
    ("2013-06-26", (2013, 6, 26)), ("2024-12", (2024, 12, None)), ("2010", (2010, None, None)),
    ("", (None, None, None)), ("2013-13-45", (None, None, None)), ("June 2013", (None, None, None)),
])
def test_published_parse(value, expected):
    p = Published.parse(value)
    assert (p.year, p.month, p.day) == expected


def test_numeric_patterns_match_as_the_look_behind_forms():
    """The numeric date patterns test "no digit before" after their first digit: the matches and
    groups of the plain look-behind forms, on random strings of digits and separators."""
    import random
    import re

    from core.text.dates import NUMERIC_DMY, NUMERIC_YMD

    plain_ymd = re.compile(r"(?<!\d)(\d{4})[/\-.](\d{1,2})[/\-.](\d{1,2})(?!\d)")
    plain_dmy = re.compile(r"(?<!\d)(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})(?!\d)")
    rnd = random.Random(24)
    texts = ["".join(rnd.choice("0123456789/-. ب") for _ in range(rnd.randint(0, 20))) for _ in range(50_000)]
    texts += ["12013/06/26", "2013/06/26", "1/2/2013", "11/12/20134", "9 26/06/2013 و2013-6-1"]
    for text in texts:
        for new, old in ((NUMERIC_YMD, plain_ymd), (NUMERIC_DMY, plain_dmy)):
            assert [(m.span(), m.groups()) for m in new.finditer(text)] == \
                [(m.span(), m.groups()) for m in old.finditer(text)], text
    assert NUMERIC_YMD.search("12013/06/26") is None and NUMERIC_DMY.findall("26/06/2013") == [("26", "06", "2013")]


def test_numeric_shapes_and_matches_are_the_regexs():
    """numeric_shapes (each separator found and its neighbours tested) gives every separator with a
    digit on each side, and numeric_matches (each pattern tried only before those separators) gives
    finditer's matches and groups, on random strings of digits (ASCII, Arabic-Indic), separators,
    spaces and letters."""
    import random
    import re

    from core.text.dates import NUMERIC_ANY, NUMERIC_STARTS, numeric_matches, numeric_shapes

    separators = re.compile(r"(?<=\d)[/\-.](?=\d)")
    rnd = random.Random(25)
    texts = ["".join(rnd.choice("0129/-. ب٣a") for _ in range(rnd.randint(0, 24))) for _ in range(30_000)]
    pieces = ["2013/", "2013", "12013.", "06-", "6/", "26", "26.", "/", "-", " ", "1", "٣", "ب"]  # date-like runs
    texts += ["".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14))) for _ in range(20_000)]
    texts += ["", "1", "/1", "1/", "1/2", "ب-1", "٣.٣", "12013/06/26", "2013/06/26", "1/2/2013", "11/12/20134",
              "9 26/06/2013 و2013-6-1", "2013/06/26/2014/1/1"]
    shaped = matched = 0
    for text in texts:
        shapes = numeric_shapes(text)
        assert shapes == [m.start() for m in separators.finditer(text)], text
        assert bool(shapes) == (NUMERIC_ANY.search(text) is not None), text
        shaped += bool(shapes)
        for rx, _, offsets in NUMERIC_STARTS:
            expected = [(m.span(), m.groups()) for m in rx.finditer(text)]
            assert [(m.span(), m.groups()) for m in numeric_matches(rx, offsets, text, shapes)] == expected, text
            matched += len(expected)
    assert 1000 < shaped < len(texts) - 1000 and matched > 1000  # both answers, and matches, well represented


def test_relative_phrase_at_a_token_is_the_longest_of_either_reading():
    """dates._relative_at grows the phrase token by token; it finds what trying every length from
    the longest down finds (the token as written before its proclitic-less reading), on random
    runs of the relative phrases' own words with proclitics."""
    import random

    from core.text.dates import _relative_at, _strip_proclitic, date_words, relative_phrases
    from core.text.normalize import Token

    phrases = relative_phrases()
    longest = max(len(p) for p in phrases)

    def every_length(tokens, i):
        for length in range(min(longest, len(tokens) - i), 0, -1):
            words = tuple(t.text for t in tokens[i:i + length])
            bare = _strip_proclitic(words[0], "relative_prefix")
            for cand in (words, (bare,) + words[1:] if bare is not None else None):
                if cand and cand in phrases:
                    return length, phrases[cand]
        return None

    words = sorted({w for p in phrases for w in p}) + ["في", "من", "الاجتماع"]
    clitics = sorted(date_words()["relative_prefix"]) + [""]
    rng = random.Random(11)
    found = 0
    for _ in range(3000):
        texts = [rng.choice(clitics) + rng.choice(words) for _ in range(rng.randint(1, 6))]
        tokens = [Token(t, 0, 0) for t in texts]
        for i in range(len(tokens)):
            assert _relative_at(tokens, i, phrases, longest) == every_length(tokens, i), texts
            found += every_length(tokens, i) is not None
    assert found > 1000


def test_dates_made_as_the_constructor_makes_them():
    """dates._mention builds each DateMention with frozen_record (and a relative phrase's unit with
    it, no copy): over 2,000 generated dates and evidence spans, the same object as the constructor
    with dataclasses.replace for the unit (equality, hash, repr, fields, pickle)."""
    import dataclasses
    import pickle
    import random

    from core.records import DateMention
    from core.text.dates import _mention
    from core.text.normalize import tokenize_columns
    from core.text.tokens import Tokens

    pick = random.Random(5)
    words = ["في", "25", "يونيو", "2013", "،", "العام", "الماضي", "(", "غدا", "1434", "هـ"]
    for _ in range(2000):
        norm = normalize(" ".join(pick.choice(words) for _ in range(pick.randint(1, 12))))
        tokens = Tokens(*tokenize_columns(norm))
        n = len(tokens.texts)
        if not n:
            continue
        first = pick.randrange(n)
        last = pick.randint(first + 1, n)
        year, month, day = pick.randint(1990, 2030), pick.choice([None, 1, 6, 12]), pick.choice([None, 1, 30])
        basis, cal, unit = pick.choice(["text", "relative"]), pick.choice(["gregorian", "hijri"]), pick.choice(["", "day", "year"])
        made = _mention(norm, tokens, first, last, year, month, day, basis, cal, unit=unit)
        nstart, nend = tokens.starts[first], tokens.ends[last - 1]
        surface, start, end = norm.surface(nstart, nend)
        plain = DateMention(year=year, month=month, day=day, basis=basis, surface=surface, start=start, end=end,
                            nstart=nstart, nend=nend, calendar=cal)
        if unit:
            plain = dataclasses.replace(plain, unit=unit)
        assert made == plain and hash(made) == hash(plain) and repr(made) == repr(plain)
        assert dataclasses.asdict(made) == dataclasses.asdict(plain) and pickle.loads(pickle.dumps(made)) == plain
        assert made.iso == plain.iso


def test_relative_dates_read_alone_where_no_longer_phrase_goes_on():
    """_relative_dates takes a candidate's one-token reading from a memo and walks (_relative_at)
    only where the next word may continue a phrase: the dates equal those of _relative_at asked at
    every candidate, on random texts of the phrases' words (cut short, with and without proclitics,
    at the text's end) and other words, with several publication dates."""
    import random

    from core.text import dates as D
    from core.text.lexindex import TokenIndex
    from core.text.normalize import tokenize_columns
    from core.text.tokens import Tokens

    def plain(norm, tokens, published, used, index):
        found, phrases, longest, i = [], D.relative_phrases(), D._longest_relative(), 0
        for cand in index.positions(D.RELATIVE):
            if cand < i or cand in used:
                continue
            i = cand
            hit = D._relative_at(tokens, i, phrases, longest)
            if not hit:
                continue
            length, (unit, offset) = hit
            if i + length < len(tokens.texts) and D.ordinal_word(tokens.texts[i + length]):
                i += length
                continue
            shifted = D.shift(published, unit, offset)
            if shifted is not None:
                found.append(D._mention(norm, tokens, i, i + length, *shifted, "relative", unit=unit))
            used.update(range(i, i + length))
            i += length
        return found

    rng = random.Random(5)
    phrases = list(D.relative_phrases())
    words = sorted({w for p in phrases for w in p}) + ["في", "الأول", "زار", "2019", "،", "الثاني"]
    pubs = [Published.parse(v) for v in ("", "2020-05-01", "2019", "2018-02")]
    found = 0
    for _ in range(3000):
        parts = []
        for _ in range(rng.randrange(1, 12)):
            if rng.random() < 0.5:
                phrase = list(rng.choice(phrases))
                phrase = phrase[:rng.randint(1, len(phrase))] if rng.random() < 0.3 else phrase
                phrase[0] = rng.choice(["", "", "و", "ب"]) + phrase[0]
                parts += phrase
            else:
                parts.append(rng.choice(words))
        norm = normalize(" ".join(parts))
        tokens = Tokens(*tokenize_columns(norm))
        index = TokenIndex(tokens.texts)
        published = rng.choice(pubs)
        expected = plain(norm, tokens, published, set(), index)
        assert D._relative_dates(norm, tokens, published, set(), index) == expected
        found += len(expected)
    assert found > 1000
