"""core.text.tokens.Tokens: the tokenizer's columns read as the list of Token that tokenize makes."""

import random

from core.text.context import build_context
from core.text.normalize import Normalized, Token, normalize, tokenize, tokenize_columns
from core.text.tokens import Tokens, columns

ALPHABET = ["ا", "ب", "ء", "ي", "ى", "ة", "ال", "و", "a", "Z", "0", "9", "٣", " ", " ", "\n", "،", ".", "-",
            "\u064b", "\u0640", "(", "|"]


def _texts(seed: int, count: int):
    rng = random.Random(seed)
    for _ in range(count):
        yield "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 60)))


def test_indexing_slicing_and_iteration_give_the_tokens_of_tokenize():
    """Over random texts: every index (negative ones too), random slices (with steps), iteration,
    length, equality and repr are those of the list tokenize returns."""
    rng = random.Random(28)
    checked = 0
    for raw in _texts(28, 2000):
        norm = normalize(raw)
        plain, view = tokenize(norm), Tokens(*tokenize_columns(norm))
        assert len(view) == len(plain) and list(view) == plain and view == plain and plain == list(view)
        assert repr(view) == repr(plain) and bool(view) == bool(plain)
        for i in range(-len(plain), len(plain)):
            assert view[i] == plain[i] and type(view[i]) is Token
            checked += 1
        for _ in range(5):
            a, b = rng.randrange(-5, len(plain) + 5), rng.randrange(-5, len(plain) + 5)
            step = rng.choice([None, 1, 2, -1])
            assert view[a:b:step] == plain[a:b:step]
        assert columns(plain) == view and columns(view) is view
        assert (view.texts, view.starts, view.ends) == ([t.text for t in plain], [t.start for t in plain],
                                                       [t.end for t in plain])
    assert checked > 10_000


def test_a_changed_token_is_not_equal():
    norm = Normalized("زار وفد", "زار وفد", ())
    view = Tokens(*tokenize_columns(norm))
    assert view != [Token("زار", 0, 3), Token("وفد", 4, 8)]
    assert view != [Token("زار", 0, 3)] and view != Tokens(["زار", "وفد"], [0, 4], [3, 8])
    assert view == Tokens(["زار", "وفد"], [0, 4], [3, 7]) and view != "زار وفد"
    assert view == [Token("زار", 0, 3), Token("وفد", 4, 7)]


def test_a_context_built_from_a_token_list_reads_it_as_columns():
    """DocContext keeps its tokens as Tokens whatever it is given; the context build_context makes
    holds the tokenizer's columns, and its evidence spans read them."""
    from core.text.context import DocContext

    ctx = build_context("زار وفد من الكويت مملكة البحرين في 25 يونيو 2013")
    assert isinstance(ctx.tokens, Tokens) and ctx.tokens == tokenize(ctx.norm)
    assert ctx.memo["token_starts"] is ctx.tokens.starts
    again = DocContext(norm=ctx.norm, tokens=tokenize(ctx.norm), sentences=ctx.sentences, clauses=ctx.clauses,
                       mentions=ctx.mentions, dates=ctx.dates, published=ctx.published)
    assert isinstance(again.tokens, Tokens) and again.tokens == ctx.tokens
    assert again.index.texts == ctx.index.texts
    n = len(ctx.tokens)
    assert [again.span(a, b) for a in range(n) for b in range(a + 1, n + 1)] == \
        [ctx.span(a, b) for a in range(n) for b in range(a + 1, n + 1)]
    assert ctx.span(3, 4).surface == "الكويت"
