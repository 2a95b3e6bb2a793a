"""The tokens that describe an event cue (its window), and the widest span any window of a cue reaches."""

from __future__ import annotations

from core.events.cues import Cue
from core.text.context import DocContext

ANCHOR_BEFORE = 4       # tokens before a cue searched for its time/place anchor
RELATIVE_AFTER = 3      # "الملتقى الدولي الذي …": a relative pronoun this close after a cue
QUOTES = ('"', "«", "“")  # marks that open a quoted title


def window(ctx: DocContext, cue: Cue, next_first: int) -> tuple[int, int]:
    """Tokens that describe a cue's event: from a little before it to the next cue or clause end."""
    clause = ctx.clause_of(cue.first)
    sentence = ctx.sentence_of(cue.first)
    lo = max(sentence.first, min(clause.first, cue.first), cue.first - ANCHOR_BEFORE)
    hi = min(sentence.last, max(clause.last, cue.last), next_first)
    if hi == clause.last and hi < sentence.last and ctx.tagged(hi, "relative_pronoun"):
        # "الاجتماع الحادي والعشرين للجنة …، الذي استضافته العاصمة السعودية الرياض"
        hi = min(sentence.last, ctx.clause_of(hi).last, next_first)
    if hi == clause.last and hi < sentence.last and quote_between(ctx, hi):
        # "الندوة عبر الإنترنت "تحديث مكاتب الإحصاء" التي عقدت في سبتمبر 2024": a quoted title after the
        # event's noun is its name, and a relative clause right after the title still describes it
        title_end = ctx.clause_of(hi).last
        if title_end < sentence.last and ctx.tagged(title_end, "relative_pronoun"):
            hi = min(sentence.last, ctx.clause_of(title_end).last, next_first)
    if ctx.has("relative_pronoun", cue.last, cue.last + RELATIVE_AFTER):
        # "الملتقى الدولي الذي نظمته الهيئة …، بحضور خبراء من 17 بلداً … في مملكة البحرين خلال 6 و7
        # نوفمبر": a relative clause right after the event's name runs on past its commas
        hi = max(hi, min(sentence.last, next_first))
    return lo, hi


def quote_between(ctx: DocContext, i: int) -> bool:
    """A quotation mark opens right before token i."""
    gap = ctx.norm.text[ctx.tokens.ends[i - 1]:ctx.tokens.starts[i]]
    return any(mark in gap for mark in QUOTES)


def reach(ctx: DocContext, cue: Cue, next_first: int) -> tuple[int, int]:
    """Tokens that hold `window(ctx, cue, next_first)` whatever the cue's clause: from ANCHOR_BEFORE
    tokens before the cue (not before its sentence) to the next cue or the sentence end."""
    sentence = ctx.sentence_of(cue.first)
    return max(sentence.first, cue.first - ANCHOR_BEFORE), min(sentence.last, next_first)
