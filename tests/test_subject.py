"""The subject's visitor test returns at once when no word that could make a state the other side
stands before it; its answers are those of the plain version (tests/test_context.py) on every
mention of generated articles: three to seven sentences of the capability suite's cases
(tests/capabilities, written for this project) in random order."""

from __future__ import annotations

import random

from capabilities import events as event_capabilities
from capabilities import rankings as ranking_capabilities
from core.text.context import build_context
from core.text.subject import SUBJECT_VIA, _visitor
from test_context import _visitor_by_every_candidate


def test_visitor_gives_the_plain_answers_on_generated_articles():
    sentences = [case.text for cap in event_capabilities.CAPABILITIES + ranking_capabilities.CAPABILITIES
                 for case in cap.cases]
    pick = random.Random(5)
    answers = []
    for _ in range(400):
        ctx = build_context("\n".join(pick.sample(sentences, pick.randint(3, 7))))
        for a, m in ctx.mention_at.items():
            if m.via in SUBJECT_VIA:
                found = _visitor(ctx, a)
                assert found == _visitor_by_every_candidate(ctx, a), (a, ctx.tokens[a].text)
                answers.append(found)
    assert answers.count(True) >= 200 and answers.count(False) >= 200


def test_the_context_map_holds_each_mention_at_its_first_token():
    """resolve() reads each mention's first token from ctx.mention_at when it holds as many entries
    as there are mentions: then it is each mention at token_index(its start), in text order."""
    sentences = [case.text for cap in event_capabilities.CAPABILITIES for case in cap.cases]
    pick = random.Random(6)
    checked = 0
    for _ in range(300):
        ctx = build_context("\n".join(pick.sample(sentences, pick.randint(3, 7))))
        if len(ctx.mention_at) == len(ctx.mentions):
            assert sorted(ctx.mention_at.items()) == [(ctx.token_index(m.nstart), m) for m in ctx.mentions]
            checked += 1
    assert checked >= 250
