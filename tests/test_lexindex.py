"""The token index (core/text/lexindex.py): each kind's candidate positions are exactly the tokens
its test accepts, whatever else the memo holds (sentences written for this project)."""

import pytest

import core  # noqa: F401  (imports every stage, so every kind is registered)
from core.text import lexindex
from core.text.context import build_context
from core.text.lexindex import TokenIndex
from core.text.normalize import normalize, tokenize

SENTENCES = [
    pytest.param("استقبلت المملكة أمس وفدا من دولة الكويت في 12 مارس 2019 بحضور 15 دولة", id="visit-date-number"),
    pytest.param("حلت البحرين في المركز الثامن عشر عالميا والثالث عربيا في مؤشر تطوير الحكومة الإلكترونية",
                 id="ranks"),
    pytest.param("يعقد المؤتمر الشهر المقبل في الرياض، ويشارك فيه ممثلون من السعودية والإمارات", id="future-meeting"),
    pytest.param("وقعت الهيئة مذكرة تفاهم مع سلطنة عمان عام 1434هـ", id="agreement-hijri"),
    pytest.param("نص بلا أي كلمة معروفة تقريبا", id="nothing-much"),
]


def _tokens(text):
    return tokenize(normalize(text))


@pytest.mark.parametrize("text", SENTENCES)
def test_positions_are_the_tokens_each_kind_accepts(text):
    tokens = _tokens(text)
    index = TokenIndex.of(tokens)
    assert len(lexindex._BITS) >= 10  # gazetteer, dates, word groups, numbers, clauses, events, rankings
    for name, bit in lexindex._BITS.items():
        test = next(t for b, t in lexindex._TESTS if b == bit)
        assert index.positions(name) == [i for i, tok in enumerate(tokens) if test(tok.text)], name
        assert [index.has(name, i) for i in range(len(tokens))] == [bool(test(t.text)) for t in tokens]


def test_a_kind_registered_later_is_seen_by_tokens_already_memoized():
    tokens = _tokens("زار وفد من الكويت مملكة البحرين")
    TokenIndex.of(tokens)  # the memo now holds these tokens without the new kind
    name = lexindex.kind("test_starts_with_meem", lambda t: t.startswith("م"))
    try:
        assert TokenIndex.of(tokens).positions(name) == [2, 4]
    finally:
        lexindex._TESTS[:] = [(b, t) for b, t in lexindex._TESTS if b != lexindex._BITS[name]]
        del lexindex._BITS[name]
        lexindex._MASKS.clear()


def test_the_memo_starts_over_when_full(monkeypatch):
    monkeypatch.setattr(lexindex, "MEMO_MAX", 3)
    lexindex._MASKS.clear()
    index = TokenIndex.of(_tokens("زار وفد من الكويت مملكة البحرين في مارس"))
    assert len(lexindex._MASKS) <= 3
    assert index.positions("gazetteer_key") == [3, 4, 5]  # الكويت, مملكة (البحرين), البحرين
    lexindex._MASKS.clear()


def test_the_context_uses_one_index_for_every_stage():
    ctx = build_context("زار وفد من الكويت مملكة البحرين في 25 يونيو 2013", "2013-06-26")
    assert ctx.index.texts == [t.text for t in ctx.tokens]
    assert [m.iso3 for m in ctx.mentions] == ["KWT", "BHR"]
    assert [(d.year, d.month, d.day) for d in ctx.dates] == [(2013, 6, 25)]


# find_all_many keeps per distinct token its one-token match and the next words that may extend a
# phrase (PhraseMatcher.at_token); it must find what each lexicon's own left-to-right find_all finds.
PHRASES = {
    "meetings": [("اجتماع", "meeting"), ("اجتماع اللجنة", "committee"), ("اجتماع اللجنة الوزارية", "ministerial"),
                 ("ورشة عمل", "workshop")],
    "places": [("اللجنة", "committee body"), ("مجلس", "council"), ("مجلس التعاون", "gcc")],
}


@pytest.mark.parametrize("text", [
    pytest.param("عقد اجتماع اللجنة الوزارية في مجلس التعاون", id="longest-phrases"),
    pytest.param("عقد اجتماع، اللجنة الوزارية", id="punctuation-stops-a-phrase"),
    pytest.param("وعقدت ورشة عمل ثم اجتماع", id="phrase-at-the-end"),
    pytest.param("بالاجتماع اللجنة مجلس", id="proclitic-and-one-word-phrases"),
    pytest.param("مجلس", id="one-token-text"),
])
def test_find_all_many_finds_what_each_lexicon_finds_alone(text):
    from core.text.phrases import PhraseMatcher, find_all_many

    matchers = {name: PhraseMatcher.build(pairs) for name, pairs in PHRASES.items()}
    norm = normalize(text)
    tokens = tokenize(norm)
    together = find_all_many(matchers, tokens, norm.text)
    assert together == {name: m.find_all(tokens, norm.text) for name, m in matchers.items()}
    assert any(together.values())


def test_the_rank_cue_kind_is_some_groups_first_word():
    """The rank cue kind (one set of every group's first words) accepts exactly the tokens at which
    some cue group's matcher has a first word: on the words of these sentences and of the groups'
    own phrases, with and without proclitics."""
    from core.rankings.document import _starts_a_cue, cue_matchers

    matchers = cue_matchers().values()
    words = {t.text for s in SENTENCES for t in _tokens(s.values[0])}
    words |= {w for m in matchers for key in list(m.entries)[:40] for w in key}
    words |= {p + w for w in list(words) for p in ("و", "ب", "ل", "ال", "وال", "بال")}
    accepted = [w for w in sorted(words) if _starts_a_cue(w)]
    assert accepted == [w for w in sorted(words) if any(m.first_variants(w) for m in matchers)]
    assert 0 < len(accepted) < len(words)


def test_the_rank_expression_start_kind_reads_the_matchers_first_words():
    """items._could_start and extract._rank_word (the rank nouns', leaders' and verbs of leading's first words in one set)
    accept what asking each of those matchers accepts, on the same kind of word list."""
    from core.rankings.items import _could_start
    from core.rankings.leaders import lead_verb_with_pronoun
    from core.rankings.lexicon import rank_lexicon
    from core.text.numbers import number_at_word

    lex = rank_lexicon()
    matchers = (lex.trigger, lex.trigger_list, lex.leader, lex.lead_verb)
    words = {t.text for s in SENTENCES for t in _tokens(s.values[0])}
    words |= {w for m in matchers for key in list(m.entries)[:40] for w in key}
    words |= {p + w for w in list(words) for p in ("و", "ب", "ل", "ال", "وال", "بال", "ف")}
    words |= {w + "ها" for w in list(words)}

    def asking_each(token):
        return bool(token.isdigit() or token in lex.joiners or token in lex.adverbial or token in lex.was
                    or any(m.first_variants(token) for m in matchers) or number_at_word(token)
                    or lead_verb_with_pronoun(lex, token))

    accepted = [w for w in sorted(words) if _could_start(w)]
    assert accepted == [w for w in sorted(words) if asking_each(w)]
    assert 0 < len(accepted) < len(words)
    # the rank word kind of the ranking stage's "could this article rank" test, the same way
    from core.rankings.extract import _rank_word
    from core.text.numbers import ordinal_word

    article = lex.joiners - lex.and_words
    plain = [w for w in sorted(words) if any(m.first_variants(w) for m in matchers) or ordinal_word(w)
             or lead_verb_with_pronoun(lex, w) or w in article]
    assert [w for w in sorted(words) if _rank_word(w)] == plain and plain


def test_positions_going_on_are_the_plain_shift():
    """positions_going_on(name, single, second): the tokens of kind `name` that are of kind `single`
    or whose next token is of kind `second`, as a plain loop over the tokens reads them, for every
    triple of kinds on random sequences of the test sentences' words."""
    import random

    words = [t.text for s in SENTENCES for t in _tokens(s.values[0])]
    tests = {name: next(t for b, t in lexindex._TESTS if b == bit) for name, bit in lexindex._BITS.items()}
    names = sorted(tests)
    pick = random.Random(27)
    nonempty = 0
    for _ in range(200):
        texts = [pick.choice(words) for _ in range(pick.randint(0, 30))]
        index = TokenIndex(texts)
        name, single, second = (pick.choice(names) for _ in range(3))
        plain = [i for i, t in enumerate(texts) if tests[name](t) and
                 (tests[single](t) or (i + 1 < len(texts) and tests[second](texts[i + 1])))]
        assert index.positions_going_on(name, single, second) == plain
        assert index.positions_going_on(name, single, second) == plain  # kept
        nonempty += bool(plain)
    assert nonempty > 20
