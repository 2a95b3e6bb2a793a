"""An event's organizations, topics and GCC flag, read from the regions of text that are its own."""

from __future__ import annotations

from bisect import bisect_left

from core.events.cues import Cue, phrase_hits
from core.text.context import DocContext
from core.text.gazetteer import GCC_MEMBERS
from core.text.morphology import conjoined, definite_article

GCC_OTHERS_MAX = 1      # ...and at most this many other states named beside them
GCC_NAMED_MIN = 4       # this many GCC members named one by one make a GCC event


def matched_values(ctx: DocContext, name: str, regions) -> list[str]:
    """Distinct values of a lexicon's matches inside the regions, in text order."""
    hits = phrase_hits(ctx, name)
    starts = ctx.memo.get("phrase_starts " + name)  # each event of the document asks
    if starts is None:
        starts = ctx.memo["phrase_starts " + name] = [i for i, _, _ in hits]
    inside = sorted((i, value) for lo, hi in regions
                    for i, length, value in hits[bisect_left(starts, lo):bisect_left(starts, hi)] if i + length <= hi)
    return list(dict.fromkeys(value for _, value in inside))


def organizations(ctx: DocContext, regions) -> tuple[str, ...]:
    found = matched_values(ctx, "organizations", regions)
    if "UNDESA" in found and "UN" in found:
        found.remove("UN")  # UNDESA is named "إدارة الشؤون ... بالأمم المتحدة": one body, not two
    return tuple(sorted(found))


def gcc_by_names(states: set[str]) -> bool:
    """Most GCC members named one by one, and hardly anyone else: a GCC event. Every GCC state
    among Egypt, Jordan and Lebanon is a pan-Arab event, not a GCC one."""
    gcc = states & set(GCC_MEMBERS)
    return len(gcc) >= GCC_NAMED_MIN and len(states - gcc - {""}) <= GCC_OTHERS_MAX


def gulf_in_name(ctx: DocContext, cue: Cue) -> bool:
    """"المؤتمر الخليجي الأول للحكومة الإلكترونية", "مؤتمر الحكومة الإلكترونية الخليجي الرابع",
    "مؤتمر وجائزة الحكومة الإلكترونية لمجلس التعاون لدول الخليج العربية": the Gulf adjective, or the
    GCC named as a body, inside the event's own name makes a GCC event. The name is the event's noun
    and what follows it with nothing between: definite words (its genitives and adjectives), nouns
    coordinated with it, the GCC body; any other word ends it ("المنتدى لبحث آفاق التعاون الخليجي
    الأوروبي" is a forum on a cooperation, not a GCC forum)."""
    toks, text, article = ctx.tokens, ctx.text, definite_article()
    for k in range(cue.last, ctx.clause_of(cue.first).last):
        if text[toks.ends[k - 1]:toks.starts[k]].strip():
            return False
        m = ctx.mention_at.get(k)
        if ctx.tagged(k, "gulf_adjective") or (m is not None and m.via == "gcc_body"):
            return True
        if not (toks.texts[k].startswith(article) or conjoined(toks.texts[k])):
            return False
    return False
