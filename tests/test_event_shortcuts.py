"""The events stage's short cuts give the events the plain rules give.

Each short cut skips work whose answer cannot change the result (a host read for a draft that no
other place could keep, an edition read again, a participant's exclusion rules where no rule's word
stands). Here each is switched back to the plain version and the events of many generated
articles compared: articles made of three to seven sentences of the capability suite's cases
(tests/capabilities, written for this project), in random order, with and without a publication
date, so that one article holds many cues of several kinds, places and years.
"""

from __future__ import annotations

import random

import pytest

from capabilities import events as event_capabilities
from core import extract_document
from core.events import editions, extract, participants, rules, timing

ARTICLES = 400


def _articles() -> list[tuple[str, str]]:
    sentences = [case.text for cap in event_capabilities.CAPABILITIES for case in cap.cases]
    dates = ["", "2011-03-02", "2024-06-15", "2019"]
    pick = random.Random(24)
    out = []
    for _ in range(ARTICLES):
        chosen = pick.sample(sentences, pick.randint(3, 7))
        out.append(("\n".join(chosen), pick.choice(dates)))
    return out


def _events(articles):
    return [repr(extract_document(text, published).events) for text, published in articles]


def _plain_mentioned_time(ctx, lo, cue_first, hi):
    dates = timing.usable_dates(ctx, cue_first, hi) or timing.usable_dates(ctx, lo, cue_first)
    return timing.time_decision(timing.first_date(dates), "stated"), bool(dates)


PLAIN = {
    # a mentioned event's dates read in its window even where no date starts
    "dates": (timing, "mentioned_time", _plain_mentioned_time),
    # each mention of the window read for a state other than the main host
    "other states": (rules, "names_other_than",
                     lambda ctx, iso3, lo, hi: any(ctx.mention_at[a].iso3 != iso3 for a in ctx.mentions_in(lo, hi))),
    # the host of every draft read, whatever names stand near it
    "host": (rules, "mentioned_host_elsewhere", lambda *args: True),
    # the edition after a cue read each time it is asked for
    "edition": (editions, "edition_of", lambda ctx, last, gap: editions._edition_of(ctx, last, gap)),
    # every cue's draft made, whatever its widest window holds
    "unanchored": (extract, "_unanchored", lambda *args: False),
    # every exclusion rule tried at every mention
    "exclusions": (participants, "_no_exclusion_word", lambda ctx, a, m: False),
}


@pytest.fixture(scope="module")
def articles():
    return _articles()


@pytest.fixture(scope="module")
def fast(articles):
    return _events(articles)


@pytest.mark.parametrize("name", sorted(PLAIN))
def test_short_cut_gives_the_plain_events(name, articles, fast, monkeypatch):
    module, attribute, plain = PLAIN[name]
    monkeypatch.setattr(module, attribute, plain)
    assert _events(articles) == fast


def test_generated_articles_exercise_the_short_cuts(articles, monkeypatch):
    """The comparison above means something: the articles hold mentioned events of their own, drafts
    whose host is skipped and drafts whose host is read."""
    asked = {True: 0, False: 0}
    real = rules.mentioned_host_elsewhere

    def counting(*args):
        found = real(*args)
        asked[found] += 1
        return found

    monkeypatch.setattr(rules, "mentioned_host_elsewhere", counting)
    found = [extract_document(text, published).events for text, published in articles]
    assert sum(e.role == "mentioned" for events in found for e in events) >= 50
    assert asked[True] >= 100 and asked[False] >= 100


def test_numbers_parsed_when_asked_are_the_numbers_of_the_document(articles):
    """DocContext.memo_numbers parses lazily, span by span: the same positions as parsing every token
    that may start a number, and number_at is parse_number."""
    from core.text.context import NUMBER_START, build_context
    from core.text.numbers import parse_number

    pick = random.Random(7)
    for text, published in articles[:150]:
        ctx = build_context(text, published)
        every = [i for i in ctx.index.positions(NUMBER_START) if parse_number(ctx.tokens, i)]
        n = len(ctx.tokens)
        for _ in range(20):
            lo, hi = sorted(pick.randint(-3, n + 3) for _ in range(2))
            assert ctx.memo_numbers(lo, hi) == [i for i in every if max(lo, 0) <= i < hi]
        assert [i for i in range(n) if ctx.number_at(i)] == [i for i in range(n) if parse_number(ctx.tokens, i)]
        assert all(ctx.number_at(i) == parse_number(ctx.tokens, i) for i in range(n))


def test_any_of_several_groups_is_any_group(articles):
    """DocContext.has_any (the groups' tokens merged once) answers as has() of each group."""
    from core.text.context import build_context

    pick = random.Random(9)
    groups = [("future", "present_host", "past"), ("future", "present_host"), ("comparison",), ("past", "survey")]
    answers = []
    for text, published in articles[:100]:
        ctx = build_context(text, published)
        n = len(ctx.tokens)
        for _ in range(40):
            lo, hi = sorted(pick.randint(-3, n + 3) for _ in range(2))
            for names in groups:
                found = ctx.has_any(names, lo, hi)
                assert found == any(ctx.has(g, lo, hi) for g in names)
                answers.append(found)
    assert answers.count(True) > 500 and answers.count(False) > 500


def _plain_stated_size(ctx, lo, hi):
    """sizes.stated_size as it read every number of the span and skipped those no count of states."""
    from core.events import sizes as S

    toks = ctx.tokens
    for i in ctx.memo_numbers(lo, hi):
        num = ctx.number_at(i)
        if num is None or num.ordinal or not S.MIN_STATES <= num.value < S.MAX_STATES:
            continue
        if ctx.has("size_negative", i - S.SIZE_CONTEXT_BEFORE, i):
            continue
        if num.last < len(toks) and ctx.tagged(num.last, "state_noun"):
            if ctx.has("size_negative", num.last + 1, num.last + 1 + S.SIZE_NEGATIVE_AFTER):
                continue
            if any(rule(ctx, i, num.last) for rule in S.SIZE_RULES):
                return num.value, ctx.has("lower_bound", i - S.LOWER_BOUND_BEFORE, i)
        elif S.size_definite_states(ctx, i, num.last):
            return num.value, False
    return S.size_dual(ctx, lo, hi)


def test_sizes_read_from_the_counts_of_states_are_the_plain_sizes(articles):
    from core.events.sizes import stated_size
    from core.text.context import build_context

    pick = random.Random(4)
    sizes = []
    for text, published in articles:
        ctx = build_context(text, published)
        n = len(ctx.tokens)
        for _ in range(10):
            lo, hi = sorted(pick.randint(-3, n + 3) for _ in range(2))
            found = stated_size(ctx, lo, hi)
            assert found == _plain_stated_size(ctx, lo, hi)
            sizes.append(found[0])
        assert stated_size(ctx, 0, n) == _plain_stated_size(ctx, 0, n)
    assert sum(size is not None for size in sizes) >= 100


def test_date_and_state_look_ups_by_bisect_are_the_plain_scans(articles):
    """DocContext.date_starts_in and rules._names_other_than answer as scanning the dates and the
    mentions of the span."""
    from core.text.context import build_context

    pick = random.Random(11)
    answers = []
    for text, published in articles[:150]:
        ctx = build_context(text, published)
        n = len(ctx.tokens)
        states = sorted({m.iso3 for m in ctx.mention_at.values()}) + ["", "BHR"]
        for _ in range(30):
            lo, hi = sorted(pick.randint(-3, n + 3) for _ in range(2))
            found = ctx.date_starts_in(lo, hi)
            assert found == any(max(lo, 0) <= a < hi for a, _, _ in ctx.date_tokens)
            answers.append(found)
            iso3 = pick.choice(states)
            found = rules.names_other_than(ctx, iso3, lo, hi)
            assert found == any(ctx.mention_at[a].iso3 != iso3 for a in ctx.mentions_in(lo, hi))
            answers.append(found)
    assert answers.count(True) > 500 and answers.count(False) > 500


def test_clauses_found_by_bisect_are_the_clauses_scanned(articles):
    """DocContext.clauses_starting_in (the earlier editions' clauses) is the plain filter over the
    clauses, in text order or not."""
    from core.text.context import build_context

    pick = random.Random(13)
    found = 0
    for text, published in articles[:100]:
        ctx = build_context(text, published)
        n = len(ctx.tokens)
        for shuffled in (False, True):
            if shuffled:
                ctx.clauses = pick.sample(ctx.clauses, len(ctx.clauses))
                ctx.memo.pop("clause_firsts", None)
            for _ in range(30):
                lo, hi = sorted(pick.randint(-3, n + 3) for _ in range(2))
                if pick.random() < 0.2:
                    lo, hi = hi, lo
                got = ctx.clauses_starting_in(lo, hi)
                assert got == [c for c in ctx.clauses if lo <= c.first < hi]
                found += len(got)
    assert found > 1000


def test_no_exclusion_rule_fires_where_no_exclusion_word_stands(articles):
    """participants._no_exclusion_word is true only where every exclusion rule returns None, and
    the rules are spared at most mentions."""
    from core.text.context import build_context

    spared = asked = 0
    for text, published in articles:
        ctx = build_context(text, published)
        for a, m in ctx.mention_at.items():
            if participants._no_exclusion_word(ctx, a, m):
                spared += 1
                assert all(rule(ctx, a, m) is None for rule in participants.EXCLUSION_RULES), (text, a)
            else:
                asked += 1
    assert spared > 1000 and asked > 200


def test_a_cue_nothing_anchors_makes_no_draft(articles, monkeypatch):
    """extract._unanchored is true only where _mentioned_draft returns None, and for many cues; every
    window lies in its reach."""
    from core.events import windows

    real_window, real_draft, real_unanchored = windows.window, extract._mentioned_draft, extract._unanchored
    said = {True: 0, False: 0}

    def checked_window(ctx, cue, next_first):
        lo, hi = real_window(ctx, cue, next_first)
        a, b = windows.reach(ctx, cue, next_first)
        assert a <= lo and hi <= b
        return lo, hi

    def checked(ctx, cue, next_first, main):
        unanchored = real_unanchored(ctx, cue, next_first, main)
        draft = real_draft(ctx, cue, next_first, main)
        assert not (unanchored and draft is not None)
        said[unanchored] += 1
        return draft

    monkeypatch.setattr(extract, "window", checked_window)
    monkeypatch.setattr(extract, "_unanchored", lambda *args: False)
    monkeypatch.setattr(extract, "_mentioned_draft", checked)
    for text, published in articles:
        extract_document(text, published)
    assert said[True] >= 200 and said[False] >= 200


def test_no_number_spans_more_tokens_than_the_counts_of_states_look_at():
    """sizes._state_counts parses only the numbers with a state noun at most NUMBER_TOKENS tokens
    after them: no number of number words (each with any conjunction, prefix or article), however
    chained, spans more, and the longest one spans exactly that many."""
    from core.events.sizes import NUMBER_TOKENS
    from core.text.normalize import normalize, tokenize_columns
    from core.text.numbers import number_in, number_lexicon

    lex = number_lexicon()
    words = sorted(lex.words)
    glue = list(lex.conjunctions) + list(lex.prefixes) + [""] * 4
    pick = random.Random(11)
    spans = set()
    for _ in range(50_000):
        texts = [pick.choice(words)] + [pick.choice(glue) + pick.choice(words) for _ in range(6)]
        found = number_in(texts, 0)
        if found is not None:
            spans.add(found.last - found.first)
    assert number_in(tokenize_columns(normalize("مائة وخمسة عشر دولة"))[0], 0).last == NUMBER_TOKENS
    assert max(spans) == NUMBER_TOKENS and len(spans) == NUMBER_TOKENS


def _plain_no_exclusion_word(ctx, a, m):
    """participants._no_exclusion_word as the context's look-ups read it (tagged, has, sentence_of, clause_of)."""
    postings, ends, words, surveys = (participants.posting_tokens(ctx), participants.organization_ends(ctx),
                                      sorted(set().union(*(ctx.tags[g] for g in participants.EXCLUSION_WORDS))),
                                      participants.survey_sentences(ctx))
    if m.via == "demonym" or a in postings or a in ends or a - 1 in ends or \
            ctx.tagged(ctx.mention_tokens[a][1], "decline_verb"):
        return False
    if m.via == "name" and ctx.sentence_of(a).first in surveys:
        return False
    if any(a - participants.NEAR_EXCLUSION <= w < a for w in words):
        return False
    return not ctx.has("performer", a - participants.PERFORMER_WINDOW, a) and \
        not ctx.has("leader_verb", ctx.clause_of(a).first, a)


def _plain_survey_sentences(ctx):
    return {s.first for s in ctx.sentences
            if ctx.has("survey", s.first, s.last) and not ctx.has("delegation", s.first, s.last)}


def test_no_exclusion_word_reads_what_the_context_gives(articles):
    """_no_exclusion_word (the exclusion words found by bisect) and survey_sentences (no sentence asked
    when the document has no survey word): the same answers as the plain readings, at every mention of
    the generated articles, also on contexts whose segments do not follow one another (the per-token
    lists empty: sentence_of and clause_of bisect)."""
    from core.text.context import build_context

    answers = set()
    for n, (text, published) in enumerate(articles):
        ctx = build_context(text, published)
        if n % 5 == 0:  # segments that leave gaps: the per-token lists are empty, sentence_of bisects
            ctx.sentences = [s for k, s in enumerate(ctx.sentences) if k % 2 == 0] or ctx.sentences
            ctx.memo.pop("sentence_at", None)
            ctx.memo.pop("survey_sentences", None)
        assert participants.survey_sentences(ctx) == _plain_survey_sentences(ctx)
        for a, m in ctx.mention_at.items():
            got = participants._no_exclusion_word(ctx, a, m)
            assert got == _plain_no_exclusion_word(ctx, a, m), (text, a)
            answers.add(got)
    assert answers == {True, False}


def test_anchors_answer_what_the_three_look_ups_answer(articles):
    """extract._anchors: a token of the list in [lo, hi) exactly when a date starts there, a time word
    stands there or a state other than the host is named there, on random spans (some out of range,
    some empty) of the generated articles, for every state they name and none."""
    from bisect import bisect_left

    from core.text.context import build_context

    pick = random.Random(5)
    seen = set()
    for text, published in articles[:150]:
        ctx = build_context(text, published)
        n = len(ctx.tokens.texts)
        for host in {m.iso3 for m in ctx.mention_at.values()} | {"", None}:
            anchors = extract._anchors(ctx, host)
            for _ in range(40):
                lo, hi = pick.randint(-5, n + 5), pick.randint(-5, n + 5)
                if pick.random() < 0.7:
                    hi = lo + pick.randint(0, 12)
                k = bisect_left(anchors, max(lo, 0))
                got = k < len(anchors) and anchors[k] < hi
                plain = ctx.date_starts_in(lo, hi) or ctx.has_any(extract.TIME_WORDS, lo, hi) or \
                    rules.names_other_than(ctx, host, lo, hi)
                assert got == plain, (text, host, lo, hi)
                seen.add(got)
    assert seen == {True, False}
