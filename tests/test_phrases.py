"""core.text.phrases: the phrase matcher's walk over its tree of keys gives the matches of the plain
longest-match search, on random token sequences made of the lexicons' own words."""

from __future__ import annotations

import random

import pytest

from core.events.cues import event_lexicon
from core.rankings.document import cue_matchers
from core.rankings.lexicon import rank_lexicon
from core.text.morphology import stems
from core.text.normalize import normalize, tokenize
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
        for i in range(len(tokens)):
            for text in (norm.text, None):
                got = matcher.match(tokens, i, text)
                assert got == plain_match(matcher, tokens, i, text), (name, i, tokens[i].text)
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
