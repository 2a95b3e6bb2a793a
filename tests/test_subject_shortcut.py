"""The subject's short cut gives what the plain reading gives: `_visitor` is asked only of the
mentions `_may_be_visitors` keeps (right after another mention, or with a deciding word close enough
before them); here it is asked of every mention too, on articles made of three to seven random
sentences of the capability suite's cases (tests/capabilities, written for this project)."""

from __future__ import annotations

import random

from capabilities import events as event_capabilities
from capabilities import rankings as rank_capabilities
from core import extract_document
from core.text import subject
from core.text.context import build_context


def _articles(n: int = 300) -> list[str]:
    sentences = [case.text for caps in (event_capabilities, rank_capabilities)
                 for cap in caps.CAPABILITIES for case in cap.cases]
    pick = random.Random(27)
    return ["\n".join(pick.sample(sentences, pick.randint(3, 7))) for _ in range(n)]


def test_visitor_is_false_for_every_mention_the_short_cut_leaves_out():
    asked = left_out = visitors = 0
    for text in _articles():
        ctx = build_context(text)
        firsts = sorted(a for a, m in ctx.mention_at.items() if m.via in subject.SUBJECT_VIA)
        kept = subject._may_be_visitors(ctx, firsts)
        assert set(kept) <= set(firsts)
        for a in firsts:
            plain = subject._visitor(ctx, a)
            assert not plain or a in kept, (text, a)
            visitors += plain
        asked += len(kept)
        left_out += len(firsts) - len(kept)
    assert visitors > 100 and left_out > 1000 and asked > visitors  # both sides occur often


def _read(text: str) -> str:
    ctx = build_context(text)
    d = extract_document(text)
    return repr((ctx.memo["subject"], ctx.mentions, d.events, d.rankings))


def test_subjects_and_mentions_are_those_of_the_plain_reading(monkeypatch):
    articles = _articles(150)
    fast = [_read(t) for t in articles]
    monkeypatch.setattr(subject, "_may_be_visitors", lambda ctx, firsts: firsts)
    plain = [_read(t) for t in articles]
    assert fast == plain
    assert len({r.split(",", 1)[0] for r in plain}) >= 5  # articles of several subjects
