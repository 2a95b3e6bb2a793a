"""Event cues: the words that name an event and its kind ("ورشة عمل", "زيارة", "مذكرة تفاهم"), found
once per document with the organizations, topics and other organisations' rankings beside them."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.lexicon import load_table
from core.text import lexindex
from core.text.context import DocContext
from core.text.morphology import conjoined
from core.text.phrases import PhraseMatcher, find_all_many, first_words, pass_kinds
from core.vocabulary import event_kinds

MERGE_GAP = 2           # a cue this close after another cue is part of the same name ("الدورة 17 لمجلس وزراء")
WIN_BEFORE = 4          # "فازت ثمانية مواقع سعودية بدرع": a verb of winning this close before the prize


@dataclass(frozen=True)
class EventLexicon:
    cues: PhraseMatcher
    topics: PhraseMatcher
    organizations: PhraseMatcher
    rankings: PhraseMatcher  # other organisations' rankings and their publishers (other_rankings.tsv)


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    cue_rows = load_table("event_cues.tsv", ["cue", "kind"])
    for row in cue_rows:
        if row["kind"] not in event_kinds():
            raise ValueError(f"event_cues.tsv:{row['_line']}: unknown kind {row['kind']!r}")
    return EventLexicon(
        cues=PhraseMatcher.build([(r["cue"], r["kind"]) for r in cue_rows]),
        topics=PhraseMatcher.build([(r["cue"], r["topic"]) for r in load_table("topics.tsv", ["topic", "cue"])]),
        organizations=PhraseMatcher.build(
            [(r["variant"], r["code"]) for r in load_table("organizations.tsv", ["code", "variant"])]),
        rankings=PhraseMatcher.build(
            [(r["phrase"], r["publisher"]) for r in load_table("other_rankings.tsv", ["publisher", "phrase"])]),
    )


@dataclass
class Cue:
    kind: str
    first: int
    last: int


def _event_matchers() -> tuple[PhraseMatcher, ...]:
    """The lexicons an event phrase may come from: cues, organizations, topics, other rankings."""
    lex = event_lexicon()
    return lex.cues, lex.organizations, lex.topics, lex.rankings


def _starts_an_event_phrase(token: str) -> bool:
    return any(m.first_variants(token) for m in _event_matchers())


EVENT_PHRASE = lexindex.kind("event_phrase", _starts_an_event_phrase,
                             lexindex.Forms(stems=lambda: first_words(_event_matchers())))
EVENT_SINGLE, EVENT_SECOND = pass_kinds("event_phrase", _event_matchers)


def phrase_hits(ctx: DocContext, name: str) -> list[tuple[int, int, object]]:
    """Every match of an event lexicon (cues, organizations, topics) in the document: all three
    found in one pass over the tokens that may start one of them (the context's index), once per
    document, and kept on the context."""
    found = ctx.memo.get("event_phrases")
    if found is None:
        lex = event_lexicon()
        found = ctx.memo["event_phrases"] = find_all_many(
            {"cues": lex.cues, "organizations": lex.organizations, "topics": lex.topics, "rankings": lex.rankings},
            ctx.tokens, ctx.text, ctx.index.positions_going_on(EVENT_PHRASE, EVENT_SINGLE, EVENT_SECOND),
            ctx.index.texts)
    return found[name]


def ranking_sentence(ctx: DocContext, i: int) -> bool:
    """The sentence of token i speaks of rankings (a survey word) and not of a delegation."""
    s = ctx.sentence_of(i)
    return ctx.has("survey", s.first, s.last) and not ctx.has("delegation", s.first, s.last)


def find_cues(ctx: DocContext) -> list[Cue]:
    """Event cues, left to right; a cue inside an organization's name or a title is dropped."""
    # "لجنة الأمم المتحدة الاقتصادية … (الإسكوا)" names an organization, not a meeting.
    in_org = {k for i, length, _ in phrase_hits(ctx, "organizations")
              for k in range(i, i + length)}
    # "مؤشر التنافسية الصادر عن المنتدى الاقتصادي العالمي": in a sentence about rankings, a ranking's
    # publisher or title names no event (an award excepted: its ceremony is one).
    in_ranking = {k for i, length, _ in phrase_hits(ctx, "rankings") if ranking_sentence(ctx, i)
                  for k in range(i, i + length)}
    cues: list[Cue] = []
    hits = phrase_hits(ctx, "cues")
    ctx.memo["cue_kind_at"] = {i: kind for i, _, kind in hits}
    tags = ctx.tags  # each group's tokens as a set, for the many cues asked about
    not_after, needs_win, needs_number, accompanying = (
        set(tags[group]) for group in ("not_event_after", "needs_win", "needs_number", "accompanying"))
    titled = {k + 1 for group in ("title_word", "decision_word") for k in tags[group]}
    for i, length, kind in hits:
        nxt = i + length
        if i in in_org or (i in in_ranking and kind != "award") or nxt in not_after:
            continue  # "مؤتمر صحافي" is a press briefing
        if i in titled:
            continue  # "رئيس اللجنة الوزارية": a title; "اعتماد جائزة التميز": a prize adopted
        if i in needs_win and not ctx.has("win_verb", max(0, i - WIN_BEFORE), i):
            continue  # "فازت ثمانية مواقع سعودية بدرع": a shield won is an award; one handed over is not
        if i in needs_number and not (nxt < len(ctx.tokens.texts) and ctx.tokens.texts[nxt].isdigit()):
            continue  # "الدورة 17 لمجلس الوزراء" is a session; "في الدورة الأولى" of an award is not
        if cues and i - cues[-1].last < MERGE_GAP and ctx.clause_of(i) == ctx.clause_of(cues[-1].first):
            continue
        if cues and nxt in accompanying and conjoined(ctx.tokens.texts[i]) and \
                ctx.clause_of(i) == ctx.clause_of(cues[-1].first):
            continue  # "لجائزة ومؤتمر الحكومة الإلكترونية والمعرض المصاحب له": part of the event before it
        cues.append(Cue(kind, i, nxt))
    ctx.tags["event_cue"] = [c.first for c in cues]
    return cues
