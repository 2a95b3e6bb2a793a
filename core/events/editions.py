"""An event's own edition number: "الاجتماع السابع عشر", "اجتماعها 23", "الاجتماع الـ26"."""

from __future__ import annotations

from bisect import bisect_left

from core.text.context import DocContext
from core.text.morphology import conjoined

EDITION_MAX = 99  # an edition is a small ordinal; a year after a cue ("مؤتمر 2013") is no edition


def edition_after(ctx: DocContext, last: int) -> int | None:
    """The ordinal (or digits) right after a cue ending before token `last`, else None."""
    i = last
    if i < len(ctx.tokens.texts) and ctx.tagged(i, "bare_article"):
        i += 1  # "الـ26" is two tokens after normalization
    if i >= len(ctx.tokens.texts):
        return None
    found = ctx.number_at(i)
    if found is None or not (found.ordinal or ctx.tokens.texts[i].isdigit()) or not 0 < found.value <= EDITION_MAX:
        return None
    return found.value


def _cue_starts(ctx: DocContext) -> list[int]:
    """The cue positions of the document, sorted once (kept with the dict they were read from):
    an article with thousands of cues asks for the few after each one."""
    at = ctx.memo.get("cue_kind_at", {})
    kept = ctx.memo.get("cue_starts")
    if kept is None or kept[0] is not at:
        kept = ctx.memo["cue_starts"] = (at, sorted(at))
    return kept[1]


def edition_of(ctx: DocContext, cue_last: int, gap: int) -> int | None:
    """The edition after a cue, or after a cue word merged into it ("اللجنة في اجتماعها السادس عشر":
    the meeting word `gap` tokens on is part of the same name). Kept per document (with the cues it
    was read from): every cue of the main event's kind asks for the main cue's edition."""
    at = ctx.memo.get("cue_kind_at", {})
    kept = ctx.memo.get("editions")
    if kept is None or kept[0] is not at:
        kept = ctx.memo["editions"] = (at, {})
    known = kept[1]
    if (cue_last, gap) not in known:
        known[(cue_last, gap)] = _edition_of(ctx, cue_last, gap)
    return known[(cue_last, gap)]


def _edition_of(ctx: DocContext, cue_last: int, gap: int) -> int | None:
    found = edition_after(ctx, cue_last)
    if found is not None:
        return found
    # not a word that names an event only with digits ("للدورة الخامسة لجائزة …" is the prize's edition)
    starts = _cue_starts(ctx)
    merged = [p for p in starts[bisect_left(starts, cue_last):bisect_left(starts, cue_last + gap)]
              if not ctx.tagged(p, "needs_number")]
    return next((e for e in (edition_after(ctx, p + 1) for p in merged) if e is not None), None)


def other_edition(ctx: DocContext, cue_first: int, cue_last: int, main_first: int, main_last: int, gap: int) -> bool:
    """"قرارات اللجنة في اجتماعها السادس عشر" in an article on its seventeenth: a cue of the main
    event's kind with another edition number is another event of the series. Not one coordinated
    with the main cue in its sentence ("خلال الاجتماع الثامن للجنة …، والاجتماع الـ28 للجنة …"):
    meetings held together are told as one occasion."""
    mine = edition_of(ctx, cue_last, gap)
    if mine is None:
        return False
    if conjoined(ctx.tokens.texts[cue_first]) and ctx.sentence_of(cue_first) == ctx.sentence_of(main_first):
        return False
    theirs = edition_of(ctx, main_last, gap)
    return theirs is not None and mine != theirs
