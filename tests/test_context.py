"""core.text.context: the segment of a token (per-token memo) is the one segment_of finds by
bisect, for every token and past the ends (sentences written for this project)."""

import pytest

from core.text.context import build_context
from core.text.segment import Segment, segment_of

TEXT = ("استقبلت المملكة أمس وفدا من دولة الكويت، فيما زار الوزير مصر. وقال المسؤول إن المنتدى "
        "سيعقد في الرياض - الشهر المقبل - بحضور 15 دولة.\nعنوان آخر")


def test_sentence_and_clause_of_every_token():
    ctx = build_context(TEXT, "2019")
    n = len(ctx.tokens)
    assert len(ctx.sentences) == 3 and len(ctx.clauses) > len(ctx.sentences)
    for i in range(-2, n + 3):
        j = min(max(i, 0), n - 1)
        assert ctx.sentence_of(i) == segment_of(ctx.sentences, j)
        assert ctx.clause_of(i) == segment_of(ctx.clauses, j)
    assert ctx.sentence_of(0) == Segment(0, ctx.sentences[0].last, 0, ctx.sentences[0].end)


def test_segments_with_a_gap_are_found_by_bisect():
    ctx = build_context(TEXT, "2019")
    n = len(ctx.tokens)
    ctx.sentences = [Segment(0, 3, 0, 10), Segment(5, n, 20, 30)]  # tokens 3 and 4 in no segment
    ctx.memo.pop("sentence_at", None)
    assert ctx.sentence_of(2).first == 0
    assert ctx.sentence_of(3).first == 5  # the next segment, as the bisect over the ends says
    assert ctx.sentence_of(n + 4).first == 5


def test_mentions_and_segments_are_the_objects_their_constructors_make():
    """core.records.frozen_record builds the gazetteer's mentions and the sentences and clauses without
    the frozen constructor: every field set, in the declared order, so equality, hash, repr and pickle
    are the constructor's."""
    import pickle
    from dataclasses import fields

    from core.records import CountryMention
    from core.text.context import build_context
    from core.text.segment import Segment

    ctx = build_context("زار وفد من دولة الكويت مملكة البحرين، واطلع على تجربة سنغافورة. ثم التقى الوزير.", "")
    records = [(m, CountryMention) for m in ctx.mentions] + [(s, Segment) for s in ctx.sentences + ctx.clauses]
    assert {cls for _, cls in records} == {CountryMention, Segment} and len(ctx.mentions) >= 3
    for obj, cls in records:
        made = cls(**vars(obj))
        assert list(vars(obj)) == [f.name for f in fields(cls)]
        assert obj == made and hash(obj) == hash(made) and repr(obj) == repr(made)
        assert pickle.dumps(obj) == pickle.dumps(made) and pickle.loads(pickle.dumps(obj)) == obj
        with pytest.raises(AttributeError):
            obj.first = 0  # still frozen


def _visitor_by_every_candidate(ctx, a):
    """subject._visitor written plainly: every candidate word collected, the last one decides."""
    from core.text import subject as S

    clause = ctx.clause_of(a)
    before = ctx.mentions_in(clause.first, a)
    if before and ctx.mention_tokens[before[-1]][1] == a and S.conjoined(ctx.tokens[a].text):
        return _visitor_by_every_candidate(ctx, before[-1])
    lo = max(clause.first, a - S.VISITOR_WINDOW)
    found = [k for group in S.OTHER_SIDE for k in ctx.tag_positions(group, lo, a)]
    if a > 0 and ctx.tagged(a - 1, "accredited"):
        return False
    found += [k for k in ctx.tag_positions("comparison", a - S.COMPARISON_WINDOW, a)
              if not ctx.tokens[k].text.startswith(S.DEFINITE) and not S._learned_about(ctx, k, clause.first)]
    receive = ctx.first_tag("receive_verb", clause.first, a)
    if receive is not None:
        found += ctx.tag_positions("visitor_noun", max(receive, lo), a)
    if not found:
        return False
    k = max(found)
    if ctx.tagged(k, "additive"):
        return True
    return not ctx.has("place_preposition", k + 1, a) or ctx.has("origin_preposition", k + 1, a)


@pytest.mark.parametrize("text", [
    "استقبلت الهيئة وفد سلطنة عمان وسفير ماليزيا لدى البحرين، بمشاركة ممثلين من الأردن والعراق.",
    "اطلع وفد من أوزبكستان على تجربة البحرين مقارنة بالهند، إضافة إلى الأردن ومصر وتونس.",
    "زار وفد بحريني إلى سنغافورة الاجتماع الذي عقد في الجزائر مع وزير الاتصالات الأردني.",
    "وقعت البحرين مع دولة الكويت مذكرة تفاهم، واستعرضت التجربة السعودية بتجربة سنغافورة.",
])
def test_visitor_reads_only_the_last_candidate_word(text):
    """subject._visitor keeps only the last candidate word before the state (what decides); the
    answer for every mention is the one collecting every candidate gives."""
    from core.text.subject import SUBJECT_VIA, _visitor

    ctx = build_context(text, "")
    firsts = [a for a, m in ctx.mention_at.items() if m.via in SUBJECT_VIA]
    assert len(firsts) >= 3
    answers = [_visitor(ctx, a) for a in firsts]
    assert answers == [_visitor_by_every_candidate(ctx, a) for a in firsts]
    assert True in answers and False in answers


def test_mention_tokens_are_the_token_index_look_ups():
    """build_context takes each mention's tokens from the gazetteer (the token it starts at and the
    token after its last) instead of two bisects per mention: the same mention_at and mention_tokens,
    in the same order, as token_index(nstart) and token_index(nend), on random sentences of state
    names, prefixes, adjectives and punctuation."""
    import random

    pieces = ["دولة الكويت", "مملكة البحرين", "بدولة قطر", "الإمارات العربية المتحدة", "السعودية", "مصر",
              "وفد", "زار", "مجلس التعاون", "لدول الخليج العربية", "وفدا سعوديا", "جمهورية", "،", ".", "-",
              "والأردن", "عمان", "الرياض", "\n", "في", "2019", "الأممالمتحدة", "أمس", "العام الماضي",
              "15 مارس 2018", "2018/03/15", "1434هـ"]
    rnd = random.Random(27)
    seen = dates = 0
    for _ in range(400):
        text = " ".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 14)))
        ctx = build_context(text, "")
        expected_at, expected_tokens = {}, {}
        for m in ctx.mentions:
            a, b = ctx.token_index(m.nstart), ctx.token_index(m.nend)
            expected_at[a] = m
            expected_tokens[a] = (a, b)
        assert list(ctx.mention_at.items()) == list(expected_at.items()), text
        assert list(ctx.mention_tokens.items()) == list(expected_tokens.items()), text
        # the dates' tokens too (bisect inline in build_context), sorted by their first token, stably
        expected_dates = sorted(((ctx.token_index(d.nstart), ctx.token_index(d.nend), d) for d in ctx.dates),
                                key=lambda item: item[0])
        assert ctx.date_tokens == expected_dates and all(a[2] is b[2] for a, b in zip(ctx.date_tokens, expected_dates))
        seen += len(ctx.mentions)
        dates += len(ctx.dates)
    assert seen > 500 and dates > 100


def test_segment_memo_is_the_plain_rule_on_random_segments():
    """_segment_of's checks (segments following one another from token 0, each first <= last) and its
    per-token list, built in C, answer as the plain per-segment version does, for every token and past
    the ends, on random segment lists: following, with gaps or overlaps, not from 0, empty, reversed."""
    import random
    from bisect import bisect_right
    from itertools import chain, repeat

    def plain(segments, i):
        follow = all(a.last == b.first for a, b in zip(segments, segments[1:])) and \
            all(seg.first <= seg.last for seg in segments) and (not segments or segments[0].first == 0)
        at = list(chain.from_iterable(repeat(seg, seg.last - seg.first) for seg in segments)) if follow else []
        if 0 <= i < len(at):
            return at[i]
        return segments[min(bisect_right([seg.last for seg in segments], i), len(segments) - 1)]

    ctx = build_context(TEXT, "2019")
    rnd = random.Random(31)
    following = 0
    for _ in range(2000):
        segments, first = [], rnd.choice([0, 0, 0, 1])
        for _ in range(rnd.randint(1, 6)):
            last = first + rnd.randint(-1, 4) if rnd.random() < 0.1 else first + rnd.randint(0, 4)
            segments.append(Segment(first, last, first, last))
            first = last + (rnd.choice([-1, 1]) if rnd.random() < 0.1 else 0)
        ctx.memo.pop("k", None)
        for i in range(-2, segments[-1].last + 3):
            assert ctx._segment_of("k", segments, i) is plain(segments, i), (segments, i)
        following += bool(ctx.memo["k"])
    assert 500 < following < 1900

def test_segments_by_token_is_the_plain_per_token_list():
    """DocContext.segments_by_token: each token's segment when the segments follow one another from
    token 0, else []; the same answer as the test written plainly, on random segment lists."""
    import random

    from core.text.segment import Segment

    ctx = build_context(TEXT, "2019")
    pick = random.Random(2)
    for n in range(300):
        bounds = sorted(pick.randint(0, 30) for _ in range(pick.randint(0, 6)))
        segments = [Segment(a, b, 0, 0) for a, b in zip([0] + bounds, bounds + [31])]
        if n % 3 == 1 and segments:  # a gap, an overlap or a start past token 0
            k = pick.randrange(len(segments))
            seg = segments[k]
            segments[k] = Segment(seg.first + pick.choice([-1, 1]), seg.last, 0, 0)
        elif n % 3 == 2 and segments:
            segments[-1] = Segment(segments[-1].first, segments[-1].first - 1, 0, 0)  # ends before it starts
        follow = all(a.last == b.first for a, b in zip(segments, segments[1:])) and \
            all(seg.first <= seg.last for seg in segments) and (not segments or segments[0].first == 0)
        plain = [seg for seg in segments for _ in range(seg.last - seg.first)] if follow else []
        ctx.memo.pop("test_at", None)
        got = ctx.segments_by_token("test_at", segments)
        assert got == plain and type(got) is list and all(a is b for a, b in zip(got, plain))  # the segments themselves


def _plain_tags(tokens, text):
    """tag_tokens written plainly: every token, every group word of its stems, every phrase it starts."""
    from core.text.context import word_groups
    from core.text.morphology import stems

    groups = word_groups()
    positions = {name: [] for name in groups.names}
    lengths = {}
    for i, tok in enumerate(tokens):
        found = set()
        for form in stems(tok.text):
            found.update(groups.single.get(form, ()))
            for rest, group in groups.multi.get(form, ()):
                end = i + 1 + len(rest)
                if end <= len(tokens) and tuple(t.text for t in tokens[i + 1:end]) == rest and \
                        not any(text[a.end:b.start].strip() for a, b in zip(tokens[i:end], tokens[i + 1:end])):
                    found.add(group)
                    lengths[(group, i)] = max(lengths.get((group, i), 1), len(rest) + 1)
        for group in found:
            positions[group].append(i)
    return positions, lengths


def test_tags_equal_the_plain_pass_over_generated_texts():
    """Word groups' words and phrases (cut short, punctuated inside, with a proclitic) among other
    words: tag_tokens (the tagged tokens only, a memo per token text) equals the plain pass."""
    import random

    from core.text.context import tag_tokens, word_groups
    from core.text.normalize import normalize, tokenize, tokenize_columns
    from core.text.tokens import Tokens
    from text_soup import phrase_variant

    rng = random.Random(26)
    groups = word_groups()
    singles = sorted(groups.single)
    phrases = sorted((first,) + rest for first, entries in groups.multi.items() for rest, _ in entries)
    others = ["زار", "وفد", "،", ".", "2013", "البحرين", "في"]
    for _ in range(300):
        words = []
        for _ in range(rng.randrange(1, 30)):
            r = rng.random()
            if r < 0.3:
                words += phrase_variant(rng, rng.choice(phrases), cut=0.3, punctuate=0.2, at=1)
            elif r < 0.6:
                words.append(rng.choice(["", "و", "ب", "ال"]) + rng.choice(singles))
            else:
                words.append(rng.choice(others))
        text = " ".join(words)
        norm = normalize(text)
        tokens = tokenize(norm)
        plain = _plain_tags(tokens, norm.text)
        assert tag_tokens(tokens, norm.text) == plain
        assert tag_tokens(Tokens(*tokenize_columns(norm)), norm.text) == plain  # the columns build_context passes


def test_segment_of_reads_the_memo_list_only_when_it_holds_the_token():
    """sentence_of / clause_of read the per-token list by index when it holds the token; before it is
    built, when it is [] (segments with gaps), set to None, or for an index before or past it, the
    answer is the plain bisect's (segment.segment_of, clamped to the first and last segments)."""
    ctx = build_context(TEXT, "2019")
    n = len(ctx.tokens)
    for key, segments, of in (("sentence_at", ctx.sentences, ctx.sentence_of), ("clause_at", ctx.clauses, ctx.clause_of)):
        for state in ("missing", None, [], "built"):
            if state == "missing":
                ctx.memo.pop(key, None)
            elif state != "built":
                ctx.memo[key] = state
            for i in range(-3, n + 3):
                assert of(i) == segment_of(segments, min(max(i, 0), n - 1)), (key, state, i)
            ctx.memo.pop(key, None)


def test_per_token_lists_made_with_the_segments_are_segments_by_token():
    """build_context fills the per-token sentence and clause lists as the segments are made: the same
    lists (the same segment objects) segments_by_token computes from the segments afterwards."""
    from core.text.segment import clauses, sentences
    from core.text.normalize import normalize, tokenize_columns
    from core.text.tokens import Tokens

    texts = [TEXT, "", "   ", "كلمة", "(قال). وذكر، ثم - أضاف\n\nالخبر"] + \
        [TEXT[:k] for k in range(0, len(TEXT), 7)]
    for text in texts:
        ctx = build_context(text, "")
        for key, segments in (("sentence_at", ctx.sentences), ("clause_at", ctx.clauses)):
            built = ctx.memo.pop(key)
            again = ctx.segments_by_token(key, segments)
            assert len(built) == len(again) == len(ctx.tokens.texts)
            assert all(a is b for a, b in zip(built, again))
        norm = normalize(text)
        tokens = Tokens(*tokenize_columns(norm))
        assert sentences(norm.text, tokens) == ctx.sentences and clauses(norm.text, tokens) == ctx.clauses
