"""The ranking stage's short cuts give the claims the plain stage gives.

RankDoc finds the cue groups the item pass reads when it is built and the others the first time
one is asked for; a document with no rank expression returns no claim without reading them or the
edition. Compared here with every group found at once and the claims read in full, on generated
articles: three to seven sentences of the capability suite's ranking and event cases (tests/capabilities,
written for this project) in random order, with and without a publication date.
"""

from __future__ import annotations

import random

import pytest

from capabilities import events as event_capabilities
from capabilities import rankings as ranking_capabilities
from core.rankings import document as D
from core.rankings import extract as R
from core.text.context import build_context

ARTICLES = 300


def _articles() -> list[tuple[str, str]]:
    sentences = [case.text for suite in (ranking_capabilities, event_capabilities)
                 for cap in suite.CAPABILITIES for case in cap.cases]
    dates = ["", "2011-03-02", "2024-06-15", "2019"]
    pick = random.Random(26)
    return [("\n".join(pick.sample(sentences, pick.randint(3, 7))), pick.choice(dates)) for _ in range(ARTICLES)]


@pytest.fixture(scope="module")
def contexts():
    return [build_context(text, published) for text, published in _articles()]


def _every_group():
    from core.rankings.lexicon import rank_lexicon

    lex = rank_lexicon()
    return {**lex.matchers, "index": lex.indexes}


def _plain_claims(ctx):
    """find_rank_claims as it was: every cue group of the lexicon found when the document is built,
    the edition and the claim rules read whether or not an item was found."""
    if not R.could_rank(ctx):
        return []
    doc = D.RankDoc.build(ctx)
    doc.cues = dict(D._find_cues(ctx, _every_group(), list(range(len(ctx.tokens)))))
    doc.cue_pos = {group: [h[0] for h in hits] for group, hits in doc.cues.items()}
    return R.claims_from_items(doc, R.find_items(doc), R.find_edition(doc))


def test_cue_groups_found_in_two_passes_are_the_groups_found_at_once(contexts):
    asked = 0
    for ctx in contexts:
        every = D._find_cues(ctx, D.cue_matchers())
        doc = D.RankDoc.build(ctx)
        assert set(doc.cues) == set(D.ITEM_GROUPS)  # the other groups are not read yet
        for group in D.ITEM_GROUPS:
            assert doc.cues[group] == every[group]
        for group in sorted(every, reverse=True):
            assert doc.cues[group] == every[group]
            assert doc.cue_pos[group] == [h[0] for h in every[group]]
            asked += len(every[group])
        assert doc.index_classes == frozenset(h[2] for h in every["index"])
        with pytest.raises(KeyError):
            doc.cues["no such group"]
    assert asked > 3000


def test_claims_with_the_short_cuts_are_the_plain_claims(contexts):
    claims = [R.find_rank_claims(ctx) for ctx in contexts]
    assert claims == [_plain_claims(ctx) for ctx in contexts]
    with_claims = sum(bool(c) for c in claims)
    assert with_claims >= 50 and len(contexts) - with_claims >= 50  # both paths taken
