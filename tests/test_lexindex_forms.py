"""The merged table of the token index (core/text/lexindex.py, Forms): a token's mask read from the
forms of every kind is the mask its kinds' own tests give, for every word the lexicons list, each with
every proclitic in front of it, for every token of the seed articles and for made-up words; and stems,
which now tries only the prefixes of a token's first letter, gives what trying every prefix gives."""

from __future__ import annotations

from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import core  # noqa: F401  (imports every stage, so every kind is registered)
from core.text import lexindex
from core.text.morphology import MIN_STEM, _prefixes, stems
from core.text.normalize import normalize, tokenize_columns
from core.text.phrases import phrase_tokens

ROOT = Path(__file__).resolve().parents[1]
# Letters of the prefixes and of common endings, with the article, so that made-up words meet the
# prefixes and the lexicons' words often.
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهويةىءأإآؤئ"
WORDS = st.text(alphabet=LETTERS, min_size=1, max_size=9)


def by_tests(token: str) -> int:
    """The mask as the kinds' own tests give it, one by one."""
    mask = 0
    for bit, test in lexindex._TESTS:
        if test(token):
            mask |= bit
    return mask


def by_index(token: str) -> int:
    """The mask as the index computes it for a token it has not seen (a memo of its own)."""
    return lexindex._Masks()[token]


def lexicon_words() -> set[str]:
    """Every word of every data file of core/data (each cell's tokens) and every form of the merged
    table, and each with every proclitic of core/data/proclitics.tsv before it."""
    plan = lexindex._plan_now()
    forms = set(plan.by_stem) | set(plan.by_bare_stem) | set(plan.by_written)
    for path in sorted((ROOT / "core" / "data").glob("*.tsv")):
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.startswith("#"):
                for cell in line.split("\t"):
                    forms.update(phrase_tokens(cell))
    prefixes = {prefix for prefix, _ in _prefixes(True)}
    words = set(forms)
    for form in forms:
        words.update(prefix + form for prefix in prefixes)
        if form.startswith("ال"):  # li- swallows the article's alef: "للحكومة"
            words.update(prefix + form[1:] for prefix in prefixes if prefix.endswith("ل"))
    return words


def test_most_kinds_are_read_from_the_merged_table():
    said = {name for name, bit in lexindex._BITS.items()
            if any(b == bit and test in lexindex._FORMS for b, test in lexindex._TESTS)}
    assert {"gazetteer_key", "clause_opener", "word_group", "short_form", "event_phrase", "rank_cue",
            "rank_item_cue", "rank_item_start", "rank_word"} <= said
    plan = lexindex._plan_now()
    assert plan.by_stem and plan.by_bare_stem and plan.by_written


def test_every_lexicon_word_with_every_proclitic_gets_the_mask_of_the_tests():
    words = lexicon_words()
    assert len(words) > 10_000
    wrong = [w for w in sorted(words) if by_index(w) != by_tests(w)]
    assert wrong == []


def test_every_token_of_the_seed_articles_gets_the_mask_of_the_tests():
    tokens = set()
    for path in sorted((ROOT / "seeds").glob("*.txt")):
        tokens.update(tokenize_columns(normalize(path.read_text(encoding="utf-8")))[0])
    assert len(tokens) > 1_000
    assert [t for t in sorted(tokens) if by_index(t) != by_tests(t)] == []
    some = lexindex._plan_now()
    assert any(by_index(t) & ~sum(b for b, _ in some.tests) for t in tokens)  # kinds found through the table


@settings(max_examples=400, deadline=None)
@given(WORDS, st.sampled_from(["", "و", "ال", "وال", "بال", "لل", "ب", "ف", "ك"]))
def test_made_up_words_get_the_mask_of_the_tests(word, prefix):
    assert by_index(prefix + word) == by_tests(prefix + word)


def plain_stems(token: str, article: bool = True) -> tuple[str, ...]:
    """stems as it was written before it read the prefixes by first letter: every prefix tried."""
    out, bare = [token], []
    for prefix, restore in _prefixes(article):
        if token.startswith(prefix) and len(token) - len(prefix) >= MIN_STEM:
            stem = restore + token[len(prefix):]
            if stem not in out:
                out.append(stem)
            if article and restore:
                bare.append(token[len(prefix):])
    out.extend(b for b in dict.fromkeys(bare) if b not in out)
    return tuple(out)


@settings(max_examples=400, deadline=None)
@given(WORDS, st.sampled_from(["", "و", "ال", "وال", "بال", "لل", "ولل", "فب", "ك", "كال"]), st.booleans())
def test_stems_by_first_letter_are_the_stems_of_every_prefix(word, prefix, article):
    assert stems(prefix + word, article) == plain_stems(prefix + word, article)
    assert stems.__wrapped__(prefix + word, article=article) == plain_stems(prefix + word, article)


def test_a_kind_said_as_forms_and_registered_again_without_them_is_read_by_its_test():
    name = lexindex.kind("test_forms_then_test", lambda t: t == "زيارة", lexindex.Forms(written=lambda: ["زيارة"]))
    try:
        bit = lexindex._BITS[name]
        assert by_index("زيارة") & bit and not by_index("زيارات") & bit
        lexindex.kind(name, lambda t: t == "زيارات")  # no forms: the new test decides
        assert not by_index("زيارة") & bit and by_index("زيارات") & bit
    finally:
        lexindex._TESTS[:] = [(b, t) for b, t in lexindex._TESTS if b != lexindex._BITS[name]]
        del lexindex._BITS[name]
        lexindex._MASKS.clear()
