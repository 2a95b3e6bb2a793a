"""Named rules that decide an event's host, each with its basis (time and tense: `timing`; delegation
size: `sizes`).

Every decision is an ordered tuple of small rules; each rule returns a `Decision` (value, basis,
rule name) or None, and the first that fires wins. The basis goes into the tables
(`host_basis`, `year_basis`) so the dashboard can say "host assumed" or "year from the
publication date". A new phenomenon is a new rule in the right tuple, with test sentences.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from typing import Callable

from core.text.context import DocContext
from core.text.gazetteer import key_forms
from core.text.subject import HOME, subject_state
from core.text.morphology import conjoined, definite_article
from core.events.origin import delegation_origin
from core.events.outside import outside_place
from core.records import CountryMention

HOST_VERB_WINDOW = 4    # a hosting verb this many tokens before a place
HELD_WINDOW = 16        # "الذي أقيم تحت شعار (…) في دولة الكويت": a holding verb this far before
DESTINATION_WINDOW = 4  # "إلى مقر الهيئة السعودية": the adjective this close after "إلى"
CUE_NAME_WINDOW = 8     # "مؤتمر … بكوريا": a cue this close before a state glued to bi-
CAPITAL_WINDOW = 3      # "في العاصمة العمانية مسقط": a capital word this close before a city
HOST_BEFORE_FUTURE = 6  # "تستضيف الرياض العام المقبل المؤتمر": a place this far before an announced cue


@dataclass(frozen=True)
class Decision:
    """A decided value, how it was decided (`basis`, a table value) and the rule that fired."""

    value: object
    basis: str
    rule: str
    mention: CountryMention | None = None


# ------------------------------------------------------------------ host

def host_after_preposition(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"عقد في مسقط", "زيارة إلى سيول": a place right after في / إلى (not "إضافة إلى المغرب", not a
    partner's address)."""
    return a > 0 and ctx.tagged(a - 1, "place_preposition") and not (a > 1 and ctx.tagged(a - 2, "additive")) \
        and not partner_address(ctx, a)


def partner_address(ctx: DocContext, a: int) -> bool:
    """"وقعت الهيئة مذكرة تفاهم مع الهيئة الوطنية للأمن السيبراني في المملكة المتحدة": a place after a
    body that follows "مع" in the same clause is the partner's address, not where the event is."""
    clause = ctx.clause_of(a)
    partners = ctx.tag_positions("partner_preposition", clause.first, a)
    return bool(partners) and ctx.has("institution_noun", partners[-1] + 1, a) and \
        not ctx.has("held_verb", partners[-1] + 1, a)


def host_city_with_preposition(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"بمسقط": a city written with the preposition bi- glued on."""
    if m.via != "city":
        return False
    return glued_place(ctx, a)


def host_city_after_capital_word(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"في العاصمة العمانية مسقط", "بمدينة الرياض": a city shortly after a capital word or في."""
    if m.via != "city":
        return False
    start = max(lo, a - CAPITAL_WINDOW)
    return ctx.has("capital_word", start, a) or ctx.has("place_preposition", start, a)


def host_capital_of_demonym(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"في العاصمة الأردنية عمان": the capital of the state the adjective names (the city can be
    ambiguous: "عمان" is Amman here, not Oman)."""
    return m.via == "demonym" and a > lo and ctx.tagged(a - 1, "capital_word")


def host_visited_institution(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"بزيارة إلى مقر الهيئة السعودية للبيانات": a visit to a state's institution is a visit to that
    state (the adjective names it)."""
    if m.via not in ("demonym", "name") or not ctx.has("destination_preposition", a - DESTINATION_WINDOW, a):
        return False
    cue = ctx.first_tag("event_cue", max(lo, a - CUE_NAME_WINDOW), a)
    return cue is not None and ctx.memo["cue_kind_at"].get(cue) == "visit" and _sole_event_before(ctx, cue, lo)


def _sole_event_before(ctx: DocContext, cue: int, lo: int) -> bool:
    """No other event named before `cue` in its sentence: "استقبل … وتداول معه في الزيارة التي قام
    بها إلى لندن" tells of an earlier visit inside a reception, whose place is not the visit's."""
    return not ctx.has("event_cue", max(lo, ctx.sentence_of(cue).first), cue)


def host_visited_body(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"زار وفد بحريني الهيئة السعودية للتحول الرقمي": the body a visit verb takes as its object is
    in the state its adjective names (the visitors' own adjective, "وفد بحريني", is no body)."""
    if m.via not in ("demonym", "name") or a == 0 or not ctx.tagged(a - 1, "institution_noun"):
        return False
    clause = ctx.clause_of(a)
    verb = ctx.first_tag("visit_verb", max(lo, clause.first, a - CUE_NAME_WINDOW), a - 1)
    return verb is not None and not ctx.has("origin_preposition", verb, a) and \
        not ctx.has("partner_preposition", verb, a)


def host_delegation_destination(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"أرسلت وفدا … إلى كل من مصر وإثيوبيا", "زيارة الوفد إلى سيول": the state or city after إلى
    (and a list opener, "كل من") that a visit or a delegation named before it in the sentence goes to."""
    k = a - 3 if a > 2 and ctx.tag_lengths.get(("list_opener", a - 2)) == 2 else a - 1
    if k < 0 or not ctx.tagged(k, "destination_preposition") or (k > 0 and ctx.tagged(k - 1, "additive")):
        return False
    # the visit is the sentence's one event before إلى: "استقبلت … وتداولت في الزيارة التي قامت بها إلى
    # لندن" tells of another, earlier visit inside a reception
    cues = ctx.tag_positions("event_cue", max(lo, ctx.sentence_of(a).first), k)
    return len(cues) == 1 and ctx.memo["cue_kind_at"].get(cues[0]) == "visit"


def host_visit_object(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"زار وفد من الهيئة إستونيا", "زار وفد بحريني كلا من سنغافورة وماليزيا": the state a verb of
    visiting takes as its object, after the delegation or official that is its subject."""
    return m.via == "name" and visit_object(ctx, a)


def visit_object(ctx: DocContext, a: int) -> bool:
    """The mention at a is the object of a verb of visiting: the verb opens its clause's part before
    it, a delegation word or an official stands between as its subject, and the state's name follows
    with no preposition before it (a list's opening, "كلا من", aside) and none glued to it."""
    clause = ctx.clause_of(a)
    verbs = ctx.tag_positions("visit_verb", clause.first, a)
    if not verbs or not (ctx.has("delegation", verbs[0] + 1, a) or ctx.has("official", verbs[0] + 1, a)):
        return False
    k = a - 3 if a > 2 and ctx.tag_lengths.get(("list_opener", a - 2)) == 2 else a - 1
    if k <= verbs[0]:
        return False
    # a preposition before the name, or an indefinite noun whose genitive it is ("وفد البحرين", "رئيس
    # جمهورية مصر"; "وفد من الهيئة الأردن": a definite noun takes no genitive)
    if k == a - 1 and any(ctx.tagged(k, group) for group in (
            "place_preposition", "origin_preposition", "destination_preposition", "partner_preposition")):
        return False
    if k == a - 1 and not ctx.tokens.texts[k].startswith(definite_article()) and any(
            ctx.tagged(k, group) for group in ("delegation", "official", "title_word", "institution_noun")):
        return False
    return not glued_place(ctx, a)


def host_after_host_verb(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"تستضيف الرياض", "الذي استضافته دولة قطر": a state or city after a hosting verb."""
    return ctx.has("host_verb", max(lo, a - HOST_VERB_WINDOW), a) or \
        ctx.has("present_host", max(lo, a - HOST_VERB_WINDOW), a)


def host_subject_of_host_verb(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"الكويت تستضيف الاجتماع": a state or city right before a hosting verb."""
    b = ctx.mention_tokens[a][1]
    return ctx.tagged(b, "host_verb") or ctx.tagged(b, "present_host")


def host_state_with_preposition_after_cue(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"مؤتمر الأمم المتحدة للخدمة العامة بكوريا": a state glued to bi- inside an event's name."""
    if m.via != "name":
        return False
    if not glued_place(ctx, a):
        return False
    clause = ctx.clause_of(a)
    start = max(clause.first, a - CUE_NAME_WINDOW)
    cue = ctx.first_tag("event_cue", start, a)
    if cue is None or ctx.memo["cue_kind_at"].get(cue) not in NAMED_AFTER_STATE_KINDS:
        return False
    return not ctx.has("partner_preposition", cue, a)  # "مذكرة مع الجهاز … بدولة الكويت": a partner's seat


def host_held_in(ctx: DocContext, a: int, m: CountryMention, lo: int) -> bool:
    """"الذي أقيم تحت شعار (…) في دولة الكويت", "المنعقدة في دبي": a place after في (or a glued
    bi-) with a verb of holding earlier in the sentence."""
    if not (host_after_preposition(ctx, a, m, lo) or glued_place(ctx, a)):
        return False
    start = max(ctx.sentence_of(a).first, lo, a - HELD_WINDOW)
    return ctx.has("held_verb", start, a)  # "المنعقدة بدولة قطر": the verb right before a glued bi-


def glued_place(ctx: DocContext, a: int) -> bool:
    """The place's token carries a glued place preposition ("بمسقط", "بكوريا")."""
    raw = ctx.tokens.texts[a]
    return any(raw.startswith(p) and raw[len(p):] in key_forms(raw) for p in ctx.words("place_proclitic"))


# Rules that tie a place to the event itself come first; a bare "في X" may be an address.
STRONG_PLACE_RULES: tuple[Callable[[DocContext, int, CountryMention, int], bool], ...] = (
    host_held_in, host_after_host_verb, host_subject_of_host_verb, host_capital_of_demonym, host_visited_institution,
    host_visited_body, host_delegation_destination, host_visit_object)
PLACE_RULES: tuple[Callable[[DocContext, int, CountryMention, int], bool], ...] = (
    host_after_preposition, host_city_with_preposition, host_city_after_capital_word,
    host_state_with_preposition_after_cue)


def place_in(ctx: DocContext, lo: int, hi: int, only=None) -> Decision | None:
    """The state or city in tokens[lo:hi) that a place rule marks as where the event is: the first
    one a strong rule marks, else the first one any rule marks."""
    candidates = []
    for a in ctx.mentions_in(lo, hi):
        m = ctx.mention_at[a]
        if m.via not in ("name", "city", "demonym", "short_form"):
            continue
        if m.via == "demonym" and not (host_capital_of_demonym(ctx, a, m, lo) or host_visited_institution(ctx, a, m, lo)
                                       or host_visited_body(ctx, a, m, lo)) or \
                (delegation_origin(ctx, a) and not visit_object(ctx, a)) or outside_place(ctx, a):
            continue
        candidates.append((a, m))
    for rules in ((only,) if only else (STRONG_PLACE_RULES, PLACE_RULES)):
        for a, m in candidates:
            for rule in rules:
                if rule(ctx, a, m, lo):
                    return Decision(m.iso3, "stated", rule.__name__, m)
    return None


# A sentence after the main one that restates it: a place tied to the event, or a city named as such
# ("في مدينة نيويورك"), not any "في X" (an address).
RESTATED_PLACE_RULES = STRONG_PLACE_RULES + (host_city_after_capital_word,)

NAMED_AFTER_STATE_KINDS = ("forum", "conference", "workshop", "meeting", "award", "other")


def host_from_event_name(ctx: DocContext, cue_first: int, cue_last: int, kind: str) -> Decision | None:
    """"منتدى البحرين الدولي", "معرض قطر للتقنية": an event named after a state is held there.

    Not for a delegation ("وفد البحرين" is where it comes from), a visit or an agreement.
    """
    if kind not in NAMED_AFTER_STATE_KINDS or ctx.tagged(cue_first, "delegation"):
        return None
    while cue_last in ctx.memo.get("cue_kind_at", ()) and conjoined(ctx.tokens.texts[cue_last]):
        cue_last += 1  # "معرض ومؤتمر قطر": the name follows the last of the coordinated cues
    m = ctx.mention_at.get(cue_last)
    if m is None or m.via != "name":
        return None
    return Decision(m.iso3, "event_name", "host_from_event_name", m)


def host_in_lead(ctx: DocContext, lead: list[tuple[int, int]], rules=None) -> Decision | None:
    """A place stated in another opening sentence (headline, lead): "بحثت دول الخليج في الدوحة …";
    after the main one ("زار وفد … مقر الأمم المتحدة في مدينة نيويورك" under a headline without
    place), only a place a strong rule ties to an event (held, hosted, visited) or a city named as
    such ("في مدينة نيويورك"), not any "في X" (an address)."""
    for first, last in lead:
        found = place_in(ctx, first, last, rules)
        if found is not None:
            return Decision(found.value, "stated_elsewhere", "host_in_" + found.rule, found.mention)
    return None


def host_virtual(ctx: DocContext, spans: list[tuple[int, int]]) -> Decision | None:
    """"عبر تقنية الاتصال المرئي": a meeting held by video link has no host."""
    if any(ctx.has("virtual", first, last) for first, last in spans):
        return Decision("", "virtual", "host_virtual_meeting")
    return None


def main_host(ctx: DocContext, first: int, last: int, cue_first: int, cue_last: int, kind: str,
              lead: list[tuple[int, int]]) -> Decision:
    """The main event's host: none for a virtual meeting (said in its sentence or the opening
    ones), else stated in its sentence, or in its name, or in an opening sentence before it, else
    the article's subject assumed (and said so). `lead`: the opening sentences, in order, the main one excluded."""
    # "أعلنت مملكة البحرين عن استضافة ورشة العمل الافتراضية": a virtual event someone hosts has that host
    # (a verb of hosting, not "عقد في": a meeting "held in" a city by video link has no host)
    hosted = any(ctx.tag_lengths.get(("host_verb", i), 1) == 1 for i in ctx.tag_positions("host_verb", first, last)) \
        or ctx.has("present_host", first, last)
    return (None if hosted else host_virtual(ctx, [(first, last)] + lead)) or place_in(ctx, first, last) or \
        host_from_event_name(ctx, cue_first, cue_last, kind) or \
        host_in_lead(ctx, [span for span in lead if span[0] < first]) or \
        host_in_lead(ctx, [span for span in lead if span[0] > first], RESTATED_PLACE_RULES) or \
        host_assumed(ctx, kind, (first, last))


def _visiting_delegation_of(ctx: DocContext, iso3: str, first: int, last: int) -> bool:
    """`iso3` names the delegation of the sentence: its adjective right after a delegation word ("وفد
    يمني", "الوفد اليمني") or the place it comes from ("وفد من الأردن")."""
    for a in ctx.mentions_in(first, last):
        m = ctx.mention_at[a]
        if m.iso3 == iso3 and (delegation_origin(ctx, a) or (m.via == "demonym" and a > 0 and ctx.tagged(a - 1, "delegation"))):
            return True
    return False


def host_assumed(ctx: DocContext, kind: str = "", sentence: tuple[int, int] | None = None) -> Decision:
    """No place stated: the event is the article's subject's own, held at home ("افتتحت الهيئة ورشة
    عمل"); an article that names no state is told from Bahrain's side. The basis says it was assumed.
    An agreement belongs to its parties alike: with no place stated only Bahrain's side of it (the
    dashboard's home) is assumed to host; another state's agreement keeps an empty host."""
    subject = subject_state(ctx) or HOME
    # "عقد المنتدى خارج مقر المنظمة بجنيف": a subject named only as where the event is not is no host
    if subject != HOME and all(outside_place(ctx, a) for a, m in ctx.mention_at.items() if m.iso3 == subject):
        subject = HOME
    if kind == "agreement" and subject != HOME:
        return Decision("", "not_stated", "host_not_stated_agreement")
    # "اتفق وفد يمني مع الأمانة العامة لمجلس شورى البحرين خلال زيارة": a visit is not hosted by the
    # visitors' own state; the other state named in its sentence (else Bahrain) receives it
    if kind == "visit" and sentence is not None and subject != HOME and _visiting_delegation_of(ctx, subject, *sentence):
        others = [ctx.mention_at[a].iso3 for a in ctx.mentions_in(*sentence)
                  if ctx.mention_at[a].iso3 not in (subject, "GCC") and ctx.mention_at[a].via in ("name", "short_form")]
        return Decision(others[0] if others else HOME, "assumed", "host_assumed_visited_side")
    return Decision(subject, "assumed", "host_assumed_subject")


def mentioned_host(ctx: DocContext, lo: int, hi: int, cue_first: int, cue_last: int, kind: str,
                   main: Decision) -> Decision:
    """A mentioned event's host: stated near it or in its name, the main event's on its sidelines,
    else empty (never assumed)."""
    place = place_in(ctx, lo, hi)
    if place is None and (ctx.has("future", lo, cue_first) or ctx.has("present_host", lo, cue_first)):
        start = max(ctx.sentence_of(cue_first).first, lo - HOST_BEFORE_FUTURE)
        place = place_in(ctx, start, cue_first)  # "تستضيف الرياض … المؤتمر"
    place = place or host_from_event_name(ctx, cue_first, cue_last, kind)
    if place is not None:
        return place
    if ctx.has("sidelines", lo, hi):
        return Decision(main.value, "stated_elsewhere", "host_of_main_event_sidelines")
    return Decision("", "not_stated", "host_not_stated")


def mentioned_host_elsewhere(ctx: DocContext, lo: int, hi: int, cue_first: int, cue_last: int, kind: str,
                             main: Decision) -> bool:
    """Whether `mentioned_host` may state a host other than the main event's: a state other than
    the main event's host is named where its rules read (the window, the place before an announced
    cue, the event's name). When not, the host places the event nowhere else, whatever it is."""
    other = main.value
    if names_other_than(ctx, other, lo, hi):
        return True
    if ctx.has_any(("future", "present_host"), lo, cue_first):
        start = max(ctx.sentence_of(cue_first).first, lo - HOST_BEFORE_FUTURE)
        if names_other_than(ctx, other, start, cue_first):
            return True
    named = host_from_event_name(ctx, cue_first, cue_last, kind)
    return named is not None and named.value != other


def names_other_than(ctx: DocContext, iso3: object, lo: int, hi: int) -> bool:
    """A mention of a state other than `iso3` starts in tokens [lo, hi): by bisect in the first tokens
    of those mentions, listed once per document and state (every draft asks about the main host)."""
    key = ("other_states", iso3, len(ctx.mention_at))
    starts = ctx.memo.get(key)
    if starts is None:
        starts = ctx.memo[key] = [a for a in ctx.mentions_in(0, len(ctx.tokens.texts) + 1) if ctx.mention_at[a].iso3 != iso3]
    k = bisect_left(starts, max(lo, 0))
    return k < len(starts) and starts[k] < hi
