"""The story stage's name reading (core.stories.records) reads the tokens' columns; compared here with
the plain reading over a list of Token (tokenize, `tok.text`, `tok.start`, `tok.end`, parse_number)
on the sentences of the capability suite's cases, on sentences made of their words, and on articles."""

from __future__ import annotations

import random

import pytest

from capabilities import events as event_capabilities
from core.stories import records
from core.stories.records import (EDITION_MAX, Name, _content, _cue_kind, _is, _name_end, _Phrase,
                                  article_name, kind_families, read_name, relative_years)
from core.text.dates import find_dates
from core.text.morphology import conjoined, definite_article
from core.text.normalize import normalize, tokenize
from core.text.numbers import parse_number
from core.vocabulary import event_kinds


def _plain_phrase(text, tokens, first):
    words, edition = [], None
    kinds = {_cue_kind(tokens[first].text)}
    last_cue = first
    i = first + 1
    while i < len(tokens):
        tok = tokens[i]
        if _name_end().search(text[tokens[i - 1].end:tok.start]) or _is(tok.text, "end"):
            break
        if _cue_kind(tok.text):
            if conjoined(tok.text) and i > last_cue + 1:
                break
            kinds.add(_cue_kind(tok.text))
            last_cue = i
            i += 1
            continue
        split_article = tok.text == definite_article()
        number = parse_number(tokens, i) if not split_article else None
        if split_article and i + 1 < len(tokens) and tokens[i + 1].text.isdigit():
            number = parse_number(tokens, i + 1)
        if number is not None and i > first and _is(tokens[i - 1].text, "rank"):
            number = None
        if number is not None:
            after_cue = number.first <= last_cue + 2
            if edition is None and 0 < number.value <= EDITION_MAX and (number.ordinal or after_cue):
                edition = number.value
            i = max(number.last, i + 1)
            continue
        if not _is(tok.text, "function"):
            words.append(_content(tok.text))
        i += 1
    return _Phrase(first, tuple(words), edition, frozenset(kinds))


def _plain_read_name(sentence, kind):
    norm = normalize(sentence)
    tokens = tokenize(norm)
    cues = [i for i, t in enumerate(tokens) if _cue_kind(t.text)]
    if not cues:
        return Name((), None)
    phrases = [_plain_phrase(norm.text, tokens, c) for c in cues]
    own = [p for p in phrases if kind in p.kinds]
    chosen = own[0] if own else phrases[0]
    edition = chosen.edition
    if edition is None:
        edition = next((p.edition for p in own if p.first > chosen.first and p.edition is not None), None)
    sidelines = any(_is(t.text, "sidelines") for t in tokens[chosen.first + 1:])
    return Name(chosen.words, edition, sidelines)


def _plain_alongside(tokens, i):
    before = [t.text for t in tokens[max(0, i - 2):i]]
    if before and _is(before[-1], "alongside"):
        return True
    return len(before) == 2 and _is(before[0], "alongside") and (_is(before[1], "function") or _is(before[1], "end"))


def _plain_article_name(text, kind):
    family = kind_families().get(kind, "")
    norm = normalize(text)
    tokens = tokenize(norm)
    for i, tok in enumerate(tokens):
        cue = _cue_kind(tok.text)
        if cue and kind_families().get(cue, "") == family and not _plain_alongside(tokens, i):
            found = _plain_phrase(norm.text, tokens, i)
            if found.edition is not None:
                return Name(found.words, found.edition)
    return None


def _plain_relative_years(sentence):
    norm = normalize(sentence)
    offsets = {m.year - 2000 for m in find_dates(norm, tokenize(norm), records._REFERENCE)
               if m.basis == "relative" and getattr(m, "unit", "") == "year"}
    return offsets.pop() if len(offsets) == 1 else None


def _sentences() -> list[str]:
    cases = [case.text for cap in event_capabilities.CAPABILITIES for case in cap.cases]
    words = [w for text in cases for w in text.split()]
    pick = random.Random(7)
    made = [" ".join(pick.choice(words) for _ in range(pick.randint(3, 30))) +
            pick.choice(["", ".", "، ", " (22)", " الـ 14", " الثاني والعشرين"]) for _ in range(1500)]
    return cases + made


SENTENCES = _sentences()
KINDS = sorted(event_kinds())


@pytest.mark.parametrize("part", range(4))
def test_read_name_reads_what_the_token_list_gives(part):
    pick = random.Random(part)
    named = editions = 0
    for sentence in SENTENCES[part::4]:
        for kind in pick.sample(KINDS, 3):
            found = read_name.__wrapped__(sentence, kind)
            assert found == _plain_read_name(sentence, kind), (sentence, kind)
            named += bool(found.words)
            editions += found.edition is not None
    assert named > 1000 and editions > 50  # names and editions are read, not only empty ones


def test_article_name_and_relative_years_read_what_the_token_list_gives():
    pick = random.Random(3)
    editions = 0
    for n in range(300):
        article = "\n".join(pick.sample(SENTENCES, pick.randint(2, 6)))
        kind = pick.choice(KINDS)
        found = article_name(article, kind)
        assert found == _plain_article_name(article, kind)
        editions += found is not None
    assert editions > 10  # the phrases with an edition are reached
    offsets = 0
    for sentence in SENTENCES[::3]:
        found = relative_years.__wrapped__(sentence)
        assert found == _plain_relative_years(sentence)
        offsets += found is not None
    assert offsets > 0


def test_story_records_are_what_the_constructor_makes():
    """story_record makes its StoryRecord with frozen_record: every field in the class's order, the same
    object the constructor makes (equality, hash, repr, pickle) over varied rows."""
    import dataclasses
    import pickle

    from core.stories.records import StoryRecord, story_record

    pick = random.Random(9)
    for n, sentence in enumerate(SENTENCES[:800]):
        row = {"event_id": f"d{n % 40}.txt#e{n}", "record_id": pick.choice(["", f"ev-{n:06x}"]), "doc": f"d{n % 40}.txt",
               "role": pick.choice(["main", "mentioned", None]), "kind": pick.choice(KINDS + [None]),
               "tense": pick.choice(["past", "upcoming", None]), "year": pick.choice([None, 2013, 2024.0, float("nan")]),
               "year_basis": pick.choice(["stated", "", None]), "date": pick.choice(["", "2013-06", "2013-06-25", None]),
               "host_iso3": pick.choice(["QAT", "", None]), "host_basis": pick.choice(["stated", "assumed", "virtual", ""]),
               "evidence": sentence, "countries_stated": pick.choice([None, 5, 12.0])}
        record = story_record(row, frozenset(pick.sample(["BHR", "QAT", "OMN"], pick.randint(0, 3))))
        made = StoryRecord(**{f.name: getattr(record, f.name) for f in dataclasses.fields(StoryRecord)})
        assert list(vars(record)) == [f.name for f in dataclasses.fields(StoryRecord)]
        assert record == made and hash(record) == hash(made) and repr(record) == repr(made)
        assert pickle.dumps(record) == pickle.dumps(made)
        assert dataclasses.replace(record, year=2000) == dataclasses.replace(made, year=2000)
