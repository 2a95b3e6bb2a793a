"""Who took part in an event: the states named in its text, less those named in another role.

Each exclusion is a named rule that looks at one mention and returns the reason it is not a
participant, or None; the first rule that fires wins and its reason goes into the event's note.
A state reached only through "دول المجلس" (the GCC as a body) is a participant `via` gcc_body.
"""

from __future__ import annotations

from bisect import bisect_left
from typing import Callable

from core.text.context import DocContext
from core.text.gazetteer import GCC_MEMBERS, GCC_VIA
from core.text.morphology import conjoined
from core.text.subject import HOME, subject_state
from core.events.origin import delegation_origin
from core.events.rules import glued_place, visit_object
from core.records import CountryMention, Participant, frozen_record

Regions = list[tuple[int, int]]
NEAR_DELEGATION = 6   # a nationality adjective this close after a delegation word names a participant
OBSTACLE_WINDOW = 4   # an obstacle word this close before a state names it as a source of obstacles
COMPARISON_WINDOW = 2
SPAN_WINDOW = 4        # "مرورا بالشرق الأوسط، الهند": a span word this close before a state
PERFORMER_WINDOW = 12
PARTNER_BEFORE = 2     # "مع الوزارة الكازاخستانية": "مع" this close before the body's noun  # a performer noun this close before a list of states


def survey_sentences(ctx: DocContext) -> set[int]:
    """First tokens of the sentences about rankings, computed once per document.

    Sentences about rankings ("تصدرت الدنمارك المؤشر") name states that did not come, unless a
    delegation word stands in them too.
    """
    found = ctx.memo.get("survey_sentences")
    if found is None:
        found = ctx.memo["survey_sentences"] = {
            s.first for s in ctx.sentences
            if ctx.has("survey", s.first, s.last) and not ctx.has("delegation", s.first, s.last)
        } if ctx.tags["survey"] else set()  # no survey word in the document: no sentence has one
    return found


def posting_tokens(ctx: DocContext) -> set[int]:
    """Mentions that are a diplomat's posting: after "لدى", and the coordinated list that follows."""
    found = ctx.memo.get("posting_tokens")
    if found is None:
        found = set()
        for a in ctx.tags["accredited"]:
            nxt = a + 1
            while nxt in ctx.mention_at:
                found.add(nxt)
                nxt = ctx.mention_tokens[nxt][1]
                if nxt >= len(ctx.tokens.texts) or not conjoined(ctx.tokens.texts[nxt]):
                    break
        ctx.memo["posting_tokens"] = found
    return found


def rule_posting(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """"السفير المعتمد لدى البحرين والسعودية": a posting, not a participant."""
    return "named as a diplomat's posting" if a in posting_tokens(ctx) else None


def rule_comparison(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """"بتجربة سنغافورة", "مقارنة بالهند": a comparison."""
    if ctx.has("comparison", a - COMPARISON_WINDOW, a):
        return "named as a comparison"
    return None


def rule_declined(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """"فيما اعتذرت عمان عن المشاركة", "وقطر تغيبت": a state whose own verb declines did not take part."""
    b = ctx.mention_tokens[a][1]
    if (a > 0 and ctx.tagged(a - 1, "decline_verb")) or ctx.tagged(b, "decline_verb"):
        return "named as declining to take part"
    return None


def rule_ranking_leader(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """"والذي تصدرت فيه سنغافورة قائمة الدول الأكثر تقدما": the subject of a verb of leading (the verb
    before it in its clause, only short words between) is named for a ranking ("الدنمارك التي تتصدر":
    a relative clause after a state that took part says nothing of its part)."""
    clause = ctx.clause_of(a)
    verbs = ctx.tag_positions("leader_verb", clause.first, a)
    if verbs and all(len(t) <= 3 for t in ctx.tokens.texts[verbs[-1] + 1:a]):
        return "named as a ranking leader"
    return None


def rule_except(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """"وشارك فيه ممثلو الدول الأعضاء باستثناء قطر": the state after a word of exception did not take part."""
    return "named as left out" if a > 0 and ctx.tagged(a - 1, "except_word") else None


def rule_obstacle(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """A state named as the source of obstacles or threats did not take part."""
    return "named as a source of obstacles" if ctx.has("obstacle", a - OBSTACLE_WINDOW, a) else None


def rule_performer(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """"الفرقة التي جمعت عازفين من إسبانيا، مصر، تركيا": the performers' origins, not participants."""
    sentence = ctx.sentence_of(a)
    return "named as performers' origin" if ctx.has("performer", max(sentence.first, a - PERFORMER_WINDOW), a) else None


def rule_geographic_span(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """"من الجزيرة العربية وحتى المغرب": a state that bounds a span of the map did not take part."""
    return "named as the end of a geographic span" if ctx.has("span_word", a - SPAN_WINDOW, a) else None


def rule_demonym_not_delegation(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """A nationality adjective names a participant only after a delegation or official word."""
    if m.via != "demonym":
        return None
    clause = ctx.clause_of(a)
    lo = max(clause.first, a - NEAR_DELEGATION)
    if ctx.has("delegation", lo, a) or ctx.has("official", lo, a) or acting_body(ctx, a):
        return None
    return ""  # silent: "التجربة الكورية" or "الهيئة العمانية" say nothing about who came


def acting_body(ctx: DocContext, a: int) -> bool:
    """"مذكرة تفاهم مع الوزارة الكازاخستانية", "بالتعاون مع الهيئة السعودية": a state's body that is
    the event's partner takes part through it (the adjective right after the body's noun)."""
    if a == 0 or not ctx.tagged(a - 1, "institution_noun"):
        return False
    return ctx.has("partner_preposition", max(ctx.clause_of(a).first, a - 1 - PARTNER_BEFORE), a - 1)


def rule_survey_sentence(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """States in a sentence about the survey's rankings are ranking neighbours, not participants."""
    if m.via == "name" and ctx.sentence_of(a).first in survey_sentences(ctx):
        return ""
    return None


def organization_ends(ctx: DocContext) -> set[int]:
    """The token right after each organization's name (its bracketed acronym included)."""
    found = ctx.memo.get("organization_ends")
    if found is None:
        hits = ctx.memo.get("event_phrases", {}).get("organizations", [])
        found = ctx.memo["organization_ends"] = {i + length for i, length, _ in hits}
    return found


def rule_organization_seat(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """"إدارة الشؤون الاقتصادية والاجتماعية بالأمم المتحدة (UNDESA) بالولايات المتحدة": a place glued
    to (or after "في" right after) an organization's name is the organization's seat, not a state
    that took part."""
    ends = organization_ends(ctx)
    if a in ends and glued_place(ctx, a):
        return "named as an organization's seat"
    if a - 1 in ends and ctx.tagged(a - 1, "place_preposition"):
        return "named as an organization's seat"
    return None


EXCLUSION_RULES: tuple[Callable[[DocContext, int, CountryMention], str | None], ...] = (
    rule_posting, rule_organization_seat, rule_comparison, rule_declined, rule_except, rule_ranking_leader, rule_obstacle, rule_performer, rule_geographic_span, rule_demonym_not_delegation, rule_survey_sentence)


# The groups whose word shortly before a mention (NEAR_EXCLUSION tokens at most) some exclusion rule reads;
# a verb of leading is read back to the clause's start, a performer noun PERFORMER_WINDOW tokens back.
EXCLUSION_WORDS = ("comparison", "decline_verb", "except_word", "obstacle", "span_word")
NEAR_EXCLUSION = max(COMPARISON_WINDOW, OBSTACLE_WINDOW, SPAN_WINDOW, 1)


def _exclusion_words(ctx: DocContext) -> tuple[set[int], set[int], list[int], set[int]]:
    """(the postings, the organizations' ends, the tokens tagged with a group of EXCLUSION_WORDS
    sorted, the sentences about rankings) of the document, read once."""
    found = ctx.memo.get("exclusion_words")
    if found is None:
        found = ctx.memo["exclusion_words"] = (
            posting_tokens(ctx), organization_ends(ctx),
            sorted(set().union(*(ctx.tags[group] for group in EXCLUSION_WORDS))), survey_sentences(ctx))
    return found


def _no_exclusion_word(ctx: DocContext, a: int, m: CountryMention) -> bool:
    """No exclusion rule can fire at the mention at a: none of their words stands before it as far
    back as its rule reads (NEAR_EXCLUSION tokens; a verb of leading in its clause, a performer noun
    PERFORMER_WINDOW tokens), no verb of declining after it, it is no posting, no organization's
    seat, no adjective and no name in a sentence about rankings. (False says only that the rules
    must be asked.)"""
    postings, ends, words, surveys = _exclusion_words(ctx)
    if m.via == "demonym" or a in postings or a in ends or a - 1 in ends or \
            ctx.tagged(ctx.mention_tokens[a][1], "decline_verb"):
        return False
    if m.via == "name" and ctx.sentence_of(a).first in surveys:
        return False
    k = bisect_left(words, a - NEAR_EXCLUSION)
    if k < len(words) and words[k] < a:
        return False
    return not ctx.has("performer", a - PERFORMER_WINDOW, a) and not ctx.has("leader_verb", ctx.clause_of(a).first, a)


def _exclusion(ctx: DocContext, a: int, m: CountryMention) -> str | None:
    """The reason of the first exclusion rule that fires at the mention at a, else None."""
    if _no_exclusion_word(ctx, a, m):
        return None
    return next((r for rule in EXCLUSION_RULES if (r := rule(ctx, a, m)) is not None), None)


def named_states(ctx: DocContext, regions: Regions, host: str, excluded_sentences: set[int]
                 ) -> tuple[list[Participant], list[str]]:
    """States named as taking part in `regions` (host left out), and notes on the ones left out."""
    chosen: dict[str, Participant] = {}
    notes: list[str] = []
    listed_end, listed_reason = -1, None  # the last excluded mention's end, for the list it heads
    for lo, hi in regions:
        for a in ctx.mentions_in(lo, hi):
            m = ctx.mention_at[a]
            if m.via in GCC_VIA or (excluded_sentences and ctx.sentence_of(a).first in excluded_sentences):
                continue
            if m.via == "city" and not delegation_origin(ctx, a):
                continue  # a city names a participant only as where a delegation comes from ("وفد … بدبي")
            if m.via == "institution" and not _taking_part(ctx, a):
                continue  # "وأوضحت هيئة تقنية المعلومات أن المؤتمر …": a body that speaks did not thereby take part
            if a == listed_end and listed_reason is not None:
                reason = listed_reason  # "عازفين من إسبانيا، مصر، تركيا": the whole list shares the role
            else:
                reason = _exclusion(ctx, a, m)
            listed_end, listed_reason = ctx.mention_tokens[a][1], reason
            if reason is not None:
                if reason and m.iso3 != host:
                    notes.append(f"{m.iso3} {reason}")
                continue
            # the state's own name is better evidence than its body's ("لهيئة تقنية المعلومات في سلطنة عمان")
            if m.iso3 != host and (m.iso3 not in chosen or chosen[m.iso3].via == "institution" and m.via != "institution"):
                chosen[m.iso3] = frozen_record(Participant, {"iso3": m.iso3, "surface": m.surface, "start": m.start,
                                                             "end": m.end, "via": m.via})  # Participant(...)
    return list(chosen.values()), notes


def _taking_part(ctx: DocContext, a: int) -> bool:
    """A word of taking part or of a delegation in the clause of the mention at a."""
    clause = ctx.clause_of(a)
    return taking_part_in(ctx, clause.first, clause.last)


def taking_part_in(ctx: DocContext, lo: int, hi: int) -> bool:
    """A word of taking part ("شارك", "بمشاركة") or of a delegation ("وفد") in tokens[lo:hi)."""
    return ctx.has("participation", lo, hi) or ctx.has("delegation", lo, hi)


def gcc_body(ctx: DocContext, regions: Regions, excluded_sentences: set[int]) -> CountryMention | None:
    """The first mention of the GCC as a body ("دول مجلس التعاون") in the regions, or of the Gulf
    as the region participants come from ("مسؤولون من نحو 14 دولة من منطقة الخليج")."""
    for lo, hi in regions:
        for a in ctx.mentions_in(lo, hi):
            m = ctx.mention_at[a]
            if excluded_sentences and ctx.sentence_of(a).first in excluded_sentences:
                continue
            if m.via == "gcc_body" or m.via == "gcc_region" and gulf_as_origin(ctx, a):
                return m
    return None


def gulf_as_origin(ctx: DocContext, a: int) -> bool:
    """"من منطقة الخليج" in a sentence of taking part: the region is where participants come from
    (not "الأولى في منطقة الخليج", a place or a scope)."""
    if a == 0 or not ctx.tagged(a - 1, "origin_preposition"):
        return False
    return taking_part_in(ctx, ctx.sentence_of(a).first, a)


def with_gcc_members(named: list[Participant], host: str, body: CountryMention) -> list[Participant]:
    """The named states plus every other GCC member, reached through the body's mention."""
    out = list(named)
    have = {p.iso3 for p in named}
    for iso3 in GCC_MEMBERS:
        if iso3 != host and iso3 not in have:
            out.append(frozen_record(Participant, {"iso3": iso3, "surface": body.surface, "start": body.start,
                                                   "end": body.end, "via": "gcc_body"}))  # Participant(...)
    return out


def side_abroad(ctx: DocContext, first: int, end: int, host: str, participants: list[Participant],
                co_hosts: tuple[str, ...] = ()) -> list[Participant]:
    """"شاركت هيئة المعلومات والحكومة الإلكترونية في المؤتمر الذي عقد في دبي", "غادر الرئيس التنفيذي
    للهيئة إلى جنيف للمشاركة في الاجتماع": the article's own side (its subject state, Bahrain when it
    names none), named only through one of its institutions, took part in an event held in
    another state. Only when the words of taking part and an institution's noun (not people: "شارك
    خبراء من …" are anyone's) stand in its sentence before `end` (the event's noun, or its place when
    that comes later: "زار وفد من الهيئة إستونيا"), and no state but the host or the side itself is
    named there (another state named is read as itself)."""
    side = subject_state(ctx) or HOME
    if side == host and all(_named_as_place(ctx, a) for a, m in ctx.mention_at.items() if m.iso3 == side):
        side = HOME  # "شارك وفد الهيئة في ورشة عمل … ببيروت": a state named only as the venue tells no side
    # a tour's other destination ("إلى إستونيا والدنمارك") is no side that took part
    if not host or host == side or side in co_hosts or any(p.iso3 == side for p in participants):
        return participants
    if not taking_part_in(ctx, first, end):
        return participants
    actor = ctx.first_tag("institution_noun", first, end)
    if actor is None or any(ctx.mention_at[a].iso3 not in (host, side) for a in ctx.mentions_in(first, end)):
        return participants
    evidence = ctx.span(actor, actor + 1)
    return [Participant(side, evidence.surface, evidence.start, evidence.end, "institution")] + participants


def _named_as_place(ctx: DocContext, a: int) -> bool:
    """The mention at a is a city, a state after a place preposition or with one glued on, or the
    adjective of a city ("في مدينة شرم الشيخ المصرية", "في العاصمة الكورية سيول")."""
    m = ctx.mention_at[a]
    after_city = any(ctx.mention_tokens[b][1] == a and ctx.mention_at[b].via == "city" for b in ctx.mentions_in(a - 4, a))
    return m.via == "city" or glued_place(ctx, a) or (a > 0 and ctx.tagged(a - 1, "place_preposition")) or \
        (m.via == "demonym" and (after_city or (a > 0 and ctx.tagged(a - 1, "capital_word")))) or visit_object(ctx, a)


def bahrain_abroad(ctx: DocContext, regions: Regions, host: str, participants: list[Participant]
                   ) -> list[Participant]:
    """An event held elsewhere: Bahrain, when named, took part ("شاركت مملكة البحرين")."""
    if host in ("BHR", "") or any(p.iso3 == "BHR" for p in participants):
        return participants
    for lo, hi in regions:
        for a in ctx.mentions_in(lo, hi):
            m = ctx.mention_at[a]
            if m.iso3 == "BHR" and m.via == "name" and \
                    (_no_exclusion_word(ctx, a, m) or not any(rule(ctx, a, m) for rule in EXCLUSION_RULES)):
                return [Participant("BHR", m.surface, m.start, m.end, "name")] + participants
    return participants
