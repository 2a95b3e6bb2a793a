"""Which kind of event a cue names, where the main event is named after the opening sentences,
and where it is named again.

A cue's own kind comes from core/data/event_cues.tsv; the rules here read the structure around
it: coordinated cues that name one event, an honour given at an event, and a reception whose guest
is a diplomat posted in the receiving state (a meeting, not a visit from abroad).
"""

from __future__ import annotations

from typing import Protocol

from core.text.context import DocContext
from core.text.gazetteer import GCC_VIA
from core.text.morphology import conjoined
from core.text.subject import HOME, subject_state
from core.vocabulary import event_kinds


class CueLike(Protocol):
    kind: str
    first: int
    last: int


def kind_of_compound(ctx: DocContext, cue: CueLike) -> str | None:
    """"معرض ومؤتمر قطر", "جائزة ومؤتمر الخليج": coordinated cues name one event, of the kind the
    vocabulary ranks first for a compound (core/data/event_kinds.tsv)."""
    kinds = [cue.kind]
    at = ctx.memo["cue_kind_at"]
    k = cue.last
    while k in at and conjoined(ctx.tokens.texts[k]):
        kinds.append(at[k])
        k += 1
    if len(kinds) == 1:
        return None
    return min(kinds, key=lambda kind: event_kinds()[kind][1])


def kind_of_honour(ctx: DocContext, cue: CueLike) -> str | None:
    """"كرم منتدى الأمم المتحدة الأردن", "كرمت دولة الكويت الهيئة في الملتقى": an honour given at
    an event is an award."""
    return "award" if ctx.has("honour_verb", ctx.sentence_of(cue.first).first, cue.first + 1) else None


def kind_of_reception(ctx: DocContext, cue: CueLike) -> str | None:
    """"استقبلت الوزيرة في مكتبها السفير البريطاني": a receiving verb whose guest is a diplomat
    posted in the receiving state is a meeting; a delegation received ("استقبل وفدا من …") stays a
    visit. The guest is the first of a diplomat word or a delegation word after the verb in its clause."""
    if cue.kind != "visit" or not ctx.tagged(cue.first, "receive_verb"):
        return None
    end = ctx.clause_of(cue.first).last
    diplomat = ctx.first_tag("resident_diplomat", cue.last, end)
    visitors = ctx.first_tag("visitor_noun", cue.last, end)
    if diplomat is not None:
        return "meeting" if visitors is None or diplomat < visitors else None
    return kind_of_home_honour(ctx, cue, visitors is None)


def kind_of_home_honour(ctx: DocContext, cue: CueLike, no_visitors: bool) -> str | None:
    """"استقبل نائب رئيس الوزراء ممثلي الوزارات … وقام سموه بتقديم الشهادات التقديرية": a reception
    of the state's own people (no delegation, no other state named in its sentence) where
    certificates or honours are handed out, in its sentence or the next, is an award."""
    sentence = ctx.sentence_of(cue.first)
    side = subject_state(ctx) or HOME
    # the receiver's own body ("استقبل الرئيس التنفيذي لهيئة المعلومات والحكومة الإلكترونية") is no visitor
    others = [m for m in (ctx.mention_at[a] for a in ctx.mentions_in(sentence.first, sentence.last))
              if m.via not in GCC_VIA and not (m.via == "institution" and m.iso3 == side)]
    if not no_visitors or others:
        return None
    following = next((s for s in ctx.sentences if s.first >= sentence.last), sentence)
    lo, hi = sentence.first, following.last
    return "award" if ctx.has("honour_noun", lo, hi) or ctx.has("honour_verb", lo, hi) else None


KIND_RULES = (kind_of_honour, kind_of_compound, kind_of_reception)


def main_kind(ctx: DocContext, cue: CueLike) -> str:
    """The main event's kind: the first kind rule that fires, else the cue's own kind."""
    return next((kind for rule in KIND_RULES if (kind := rule(ctx, cue)) is not None), cue.kind)


def restated_statements(ctx: DocContext, cues: list, cue: CueLike, lead: set[int]) -> list[tuple[int, int]]:
    """"الإمارات تشارك في مؤتمر … بسلطنة عمان" then "تشارك الإمارات في مؤتمر … المقامة بين 21 و23 من
    ديسمبر 2009": a later opening sentence whose first cue is of the main kind, with no word placing
    it at another time, names the main event again; its span (cue to sentence end) may give the
    date the headline lacks."""
    main_sentence = ctx.sentence_of(cue.first)
    # "عمان تستضيف المؤتمر …" then "تستضيف السلطنة خلال الفترة من 10 إلى 12 ديسمبر المقبل المؤتمر": a main
    # event still to come is told again with a future word, and its date may stand before its noun
    ahead = ctx.has("future", main_sentence.first, main_sentence.last) or \
        ctx.has("present_host", main_sentence.first, main_sentence.last)
    spans = []
    for s in ctx.sentences:
        if s.first not in lead or s.first <= main_sentence.first:
            continue
        first = next((c for c in cues if s.first <= c.first < s.last), None)
        if first is None or first.kind != cue.kind:
            continue
        own = ctx.clause_of(first.first)  # "… يومي 14 و15 مارس، وكان الاجتماع السابق قد …": the next clause's
        if ctx.has("past", max(s.first, own.first), own.last) or ctx.has("earlier_verb", max(s.first, own.first), own.last) or \
                (ctx.has("future", s.first, s.last) and not ahead):
            continue
        spans.append((max(s.first, ctx.clause_of(first.first).first) if ahead else first.first, s.last))
    return spans


def held_after_lead(ctx: DocContext, cues: list, lead: set[int]) -> CueLike | None:
    """"قال رئيس الشعبة إن …" then "ويعقد الاجتماع بتنظيم مشترك …": opening sentences that name no
    event, then the next sentence names one as the subject of a verb of holding, at no other time."""
    after = next((s for s in ctx.sentences if s.first > max(lead)), None)
    if after is None or ctx.has("past", after.first, after.last) or ctx.has("future", after.first, after.last):
        return None
    return next((c for c in cues if after.first < c.first < after.last and ctx.tagged(c.first - 1, "held_verb")), None)
