"""core.text.phrases: the phrase matcher's walk over its tree of keys gives the matches of the plain
longest-match search, on random token sequences made of the lexicons' own words."""

from __future__ import annotations

import random

import pytest

from core.events.cues import event_lexicon
from core.rankings.document import cue_matchers
from core.rankings.lexicon import rank_lexicon
from core.text.morphology import stems
from core.text.normalize import normalize, tokenize, tokenize_columns
from core.text.tokens import Tokens
from core.text.phrases import PhraseMatcher


def plain_match(matcher: PhraseMatcher, tokens, i, text=None):
    """The longest phrase at tokens[i] found by growing each first variant's key token by token
    while it is the beginning of some key; the longest wins, the earlier variant at equal length."""
    prefixes = {k[:j] for k in matcher.entries for j in range(1, len(k) + 1)}
    best_length, best_key = 0, None
    for first in [form for form in stems(tokens[i].text) if form in matcher.first]:
        key, length = (first,), 1
        while True:
            if key in matcher.entries and length > best_length:
                best_length, best_key = length, key
            if i + length >= len(tokens):
                break
            a, b = tokens[i + length - 1], tokens[i + length]
            if text is not None and text[a.end:b.start].strip():
                break
            key = key + (b.text,)
            if key not in prefixes:
                break
            length += 1
    return None if best_key is None else (matcher.entries[best_key], best_length)


def _matchers() -> dict[str, PhraseMatcher]:
    lex = event_lexicon()
    found = {"cues": lex.cues, "topics": lex.topics, "organizations": lex.organizations, "rankings": lex.rankings}
    found.update(cue_matchers())
    found.update(rank_lexicon().matchers)  # the groups matched in place too
    return found


MATCHERS = _matchers()
GAPS = [" "] * 8 + ["، ", " - ", "\n", " (", ") ", " «"]
PROCLITICS = ["", "", "", "و", "ب", "ل", "وال", "لل", "بال"]


def _random_text(pick: random.Random, matcher: PhraseMatcher) -> str:
    keys = list(matcher.entries)
    words = [t for k in keys for t in k] + ["في", "من", "الذي", "2024", "عقد"]
    parts = []
    while len(parts) < 40:
        if pick.random() < 0.6:
            key = list(pick.choice(keys))
            if pick.random() < 0.3:
                key = key[:pick.randint(1, len(key))]  # a phrase cut short
            key[0] = pick.choice(PROCLITICS) + key[0]
            parts.extend(key)
        else:
            parts.append(pick.choice(words))
    return "".join(p + pick.choice(GAPS) for p in parts)


@pytest.mark.parametrize("name", sorted(MATCHERS))
def test_walk_gives_the_plain_longest_match(name):
    matcher = MATCHERS[name]
    pick = random.Random(name)
    found = 0
    for _ in range(60):
        norm = normalize(_random_text(pick, matcher))
        tokens = tokenize(norm)
        columns = Tokens(*tokenize_columns(norm))  # as build_context keeps them
        for i in range(len(tokens)):
            for text in (norm.text, None):
                got = matcher.match(tokens, i, text)
                assert got == plain_match(matcher, tokens, i, text), (name, i, tokens[i].text)
                assert matcher.match(columns, i, text) == got
                found += got is not None and got[1] > 1
    # longer phrases were matched, not only single words (in a lexicon that has some)
    assert found > 20 or matcher.longest == 1


def test_one_pass_over_several_lexicons_gives_each_lexicon_own_matches():
    """find_all_many (the events' lexicons in one pass, words that go on with no phrase skipped)
    and the ranking rules' cue pass give each lexicon's find_all, on random texts of their words."""
    from core.rankings.document import _find_cues
    from core.text.context import build_context
    from core.text.phrases import find_all_many

    events = {name: MATCHERS[name] for name in ("cues", "topics", "organizations", "rankings")}
    ranks = cue_matchers()
    pick = random.Random(3)
    found = 0
    for _ in range(40):
        for lexicons in (events, ranks):
            raw = " ".join(_random_text(pick, m) for m in pick.sample(list(lexicons.values()), 4))
            ctx = build_context(raw)
            expected = {name: m.find_all(ctx.tokens, None if name == "index" and lexicons is ranks else ctx.text)
                        for name, m in lexicons.items()}
            if lexicons is events:
                assert find_all_many(lexicons, ctx.tokens, ctx.text) == expected
            else:
                assert _find_cues(ctx, ranks) == expected
            found += sum(map(len, expected.values()))
    assert found > 5000


def _not_passed_over(matchers: dict[str, PhraseMatcher], texts: list[str]) -> list[int]:
    """The plain reading of the tokens find_all_many does not pass over: a form of the token is a
    phrase of one token of some lexicon, or the next token goes on with a phrase one of its forms starts."""
    out = []
    for i, word in enumerate(texts):
        after = texts[i + 1] if i + 1 < len(texts) else None
        for m in matchers.values():
            firsts = [f for f in stems(word) if f in m.first]
            if any((f,) in m.entries for f in firsts) or any(k[:2] == (f, after) for f in firsts for k in m.entries):
                out.append(i)
                break
    return out


def test_the_passes_read_only_tokens_a_phrase_can_go_on_from():
    """The phrase passes read only positions_going_on (pass_kinds: a one-token phrase, or a next word
    that is some phrase's second word): every token find_all_many would not pass over is among them,
    and the events' pass, the ranking item cues' pass and the other cue groups' pass find each
    lexicon's own find_all, on random texts of their words."""
    from core.events import cues as E
    from core.rankings import document as D
    from core.text.context import build_context

    events = {name: MATCHERS[name] for name in ("cues", "organizations", "topics", "rankings")}
    items = D._item_matchers()
    passes = [(events, E.EVENT_PHRASE, E.EVENT_SINGLE, E.EVENT_SECOND),
              (items, D.RANK_ITEM_CUE, D.ITEM_CUE_SINGLE, D.ITEM_CUE_SECOND),
              (D.cue_matchers(), D.RANK_CUE, D.CUE_SINGLE, D.CUE_SECOND)]
    pick = random.Random(27)
    skipped = found = 0
    for _ in range(30):
        for lexicons, name, single, second in passes:
            raw = " ".join(_random_text(pick, m) for m in pick.sample(list(lexicons.values()), min(4, len(lexicons))))
            ctx = build_context(raw)
            going_on = ctx.index.positions_going_on(name, single, second)
            assert set(_not_passed_over(lexicons, ctx.index.texts)) <= set(going_on)
            assert set(going_on) <= set(ctx.index.positions(name))
            skipped += len(ctx.index.positions(name)) - len(going_on)
            expected = {g: m.find_all(ctx.tokens, None if g == "index" else ctx.text) for g, m in lexicons.items()}
            found += sum(map(len, expected.values()))
            if lexicons is events:
                assert {g: E.phrase_hits(ctx, g) for g in events} == expected
            elif lexicons is items:
                assert dict(D._Cues(ctx)) == expected
            else:
                assert D._find_cues(ctx, lexicons) == expected
    assert found > 3000 and skipped > 100  # phrases were found, and tokens were passed over


def test_the_pass_walks_as_match_does_for_any_lexicons_strict_or_loose():
    """find_all_many walks a phrase of three tokens or more itself (from the node its second token
    reached, not by calling PhraseMatcher.match): over random sets of the lexicons, some of them
    matched across punctuation (`loose`), every token read (no positions) and only some (random
    positions), each lexicon's matches are those of its own find_all from the same tokens."""
    from core.text.phrases import find_all_many

    names = sorted(MATCHERS)
    pick = random.Random(41)
    long_found = 0
    for _ in range(150):
        chosen = {name: MATCHERS[name] for name in pick.sample(names, pick.randint(1, 5))}
        loose = {name for name in chosen if pick.random() < 0.4}
        raw = " ".join(_random_text(pick, m) for m in chosen.values())
        norm = normalize(raw)
        tokens = Tokens(*tokenize_columns(norm))
        n = len(tokens.texts)
        for positions in (None, sorted(pick.sample(range(n), pick.randint(0, n)))):
            got = find_all_many(chosen, tokens, norm.text, positions, loose=loose)
            for name, m in chosen.items():
                text = None if name in loose else norm.text
                if positions is None:
                    expected = m.find_all(tokens, text)
                else:  # the plain pass over the given positions: match at each, left to right
                    expected, free = [], 0
                    for i in positions:
                        found = m.match(tokens, i, text) if i >= free else None
                        if found:
                            expected.append((i, found[1], found[0]))
                            free = i + found[1]
                assert got[name] == expected, name
                long_found += sum(length > 2 for _, length, _ in expected)
    assert long_found > 100
