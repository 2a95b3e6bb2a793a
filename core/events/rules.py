"""Named rules that decide an event's host, time, tense and delegation size, each with its basis.

Every decision is an ordered tuple of small rules; each rule returns a `Decision` (value, basis,
rule name) or None, and the first that fires wins. The basis goes into the tables
(`host_basis`, `year_basis`) so the dashboard can say "host assumed" or "year from the
publication date". A new phenomenon is a new rule in the right tuple, with test sentences.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from core.text.context import DocContext
from core.text.dates import future_month_at
from core.text.gazetteer import key_forms
from core.text.subject import HOME, subject_state
from core.text.morphology import conjoined, definite_article
from core.events.origin import delegation_origin
from core.events.outside import outside_place
from core.text.numbers import parse_number
from core.records import CountryMention, DateMention

HOST_VERB_WINDOW = 4    # a hosting verb this many tokens before a place
HELD_WINDOW = 16        # "الذي أقيم تحت شعار (…) في دولة الكويت": a holding verb this far before
DESTINATION_WINDOW = 4  # "إلى مقر الهيئة السعودية": the adjective this close after "إلى"
CUE_NAME_WINDOW = 8     # "مؤتمر … بكوريا": a cue this close before a state glued to bi-
CAPITAL_WINDOW = 3      # "في العاصمة العمانية مسقط": a capital word this close before a city
SIZE_CONTEXT_BEFORE = 4
SIZE_NEGATIVE_AFTER = 2
LOWER_BOUND_BEFORE = 3
PEOPLE_WINDOW = 15      # "700 شخصية … من أكثر من 80 دولة": a people noun this far before "من"
MIN_STATES, MAX_STATES = 2, 190   # "192 دولة" is UN membership, not a delegation
HOST_BEFORE_FUTURE = 6  # "تستضيف الرياض العام المقبل المؤتمر": a place this far before an announced cue
TENSE_WINDOW = 2        # a future word this close after the cue makes the event upcoming


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
    if k == a - 1 and not ctx.tokens[k].text.startswith(definite_article()) and any(
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
    raw = ctx.tokens[a].text
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
    while cue_last in ctx.memo.get("cue_kind_at", ()) and conjoined(ctx.tokens[cue_last].text):
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


# ------------------------------------------------------------------ time

def usable_dates(ctx: DocContext, lo: int, hi: int) -> list[DateMention]:
    """Dates inside tokens[lo:hi], minus datelines and years that belong to a plan or report."""
    out = []
    for a, b, d in ctx.dates_in_span(lo, hi):
        if ctx.has("publication", a - 3, a):
            continue
        if d.month is None and d.basis == "text" and ctx.has("year_owner", a - 5, a):
            continue
        out.append(d)
    return out


def first_date(dates: list[DateMention]) -> DateMention | None:
    """The first usable date; a Hijri date gives way to the Gregorian written beside it."""
    if not dates:
        return None
    d = dates[0]
    if d.calendar == "hijri":
        # "4 محرم الموافق 21 ديسمبر": the Gregorian equivalent written next to it is exact.
        d = next((g for g in dates[1:3] if g.calendar == "gregorian" and g.month is not None), d)
    return d


def time_decision(d: DateMention | None, basis_if_text: str) -> Decision | None:
    if d is None:
        return None
    basis = "relative" if d.basis == "relative" else basis_if_text
    return Decision(d, basis, "date_" + basis)


def day_precise(dates: list[DateMention]) -> list[DateMention]:
    return [d for d in dates if d.unit == "day" or d.day is not None]


def main_time(ctx: DocContext, cue_first: int, statement_end: int, sentence_first: int,
              restated: list[tuple[int, int]] = ()) -> Decision | None:
    """The main event's date: in its statement, else a day-precise date before the cue in its
    sentence, else a date (from the publication year on) where an opening sentence names the event
    again (`restated`), else a day-precise date in the opening sentences ("استقبلت المملكة أمس …")."""
    clause_first = max(sentence_first, ctx.clause_of(cue_first).first)
    # "ستستضيف البحرين في عام 2026 المؤتمر": a date before the cue in its own clause, no event and no
    # report or index named between ("في تقرير الأمم المتحدة 2014 خلال إحدى ورش العمل": the report's year)
    before = [] if ctx.has("event_cue", clause_first, cue_first) or ctx.has("survey", clause_first, cue_first) \
        else usable_dates(ctx, clause_first, cue_first)
    found = time_decision(first_date(usable_dates(ctx, cue_first, statement_end)), "stated") or \
        time_decision(first_date(day_precise(usable_dates(ctx, sentence_first, cue_first))), "stated") or \
        time_decision(first_date(before), "stated")
    if found is not None:
        return found
    # A restatement's date counts only from the publication year on: "ورشة … في 2012" in a later
    # sentence of a 2024 article is an earlier workshop, not the one the headline reports.
    pub = ctx.published.year
    for lo, hi in restated:
        dates = [d for d in usable_dates(ctx, lo, hi) if pub is not None and d.year is not None and d.year >= pub]
        found = time_decision(first_date(dates), "stated_elsewhere")
        if found is not None:
            return found
    for s in ctx.sentences[:2]:
        if s.first > cue_first and ctx.has("event_cue", s.first, s.last) and \
                (ctx.has("past", s.first, s.last) or ctx.has("earlier_verb", s.first, s.last)):
            continue  # "وكانت البحرين قد استضافت المؤتمر في 10 أكتوبر 2019": an earlier one, told after
        found = time_decision(first_date(day_precise(usable_dates(ctx, s.first, s.last))), "stated_elsewhere")
        if found is not None:
            return found
    return None


def mentioned_time(ctx: DocContext, lo: int, cue_first: int, hi: int) -> tuple[Decision | None, bool]:
    """A mentioned event's date (after its cue, else before it) and whether any date was seen."""
    dates = usable_dates(ctx, cue_first, hi) or usable_dates(ctx, lo, cue_first)
    return time_decision(first_date(dates), "stated"), bool(dates)


# ------------------------------------------------------------------ tense

def upcoming_marker(ctx: DocContext, lo: int, cue_last: int, hi: int) -> bool:
    """"سيعقد المؤتمر", "المؤتمر المقبل": a future word next to the cue."""
    return ctx.has("future", lo, min(hi, cue_last + TENSE_WINDOW))


def upcoming_date(ctx: DocContext, date: DateMention | None) -> bool:
    """A date later than the publication date (at the precision both have); a relative date counts
    too ("غدا", "نوفمبر من العام الجاري" in a June article), being resolved against that date."""
    pub = ctx.published
    if date is None or pub.year is None:
        return False
    mine = (date.year, date.month or 0, date.day or 0)
    theirs = (pub.year, pub.month or 0, pub.day or 0)
    depth = 1 + (date.month is not None and pub.month is not None) + \
        (date.day is not None and pub.day is not None and date.month is not None and pub.month is not None)
    return mine[:depth] > theirs[:depth]


def tense(ctx: DocContext, lo: int, cue_last: int, hi: int, date: DateMention | None) -> Decision:
    """past | upcoming, from a future word by the cue or a date after publication."""
    if upcoming_marker(ctx, lo, cue_last, hi):
        return Decision("upcoming", "stated", "tense_future_word")
    if upcoming_date(ctx, date):
        return Decision("upcoming", "stated", "tense_date_after_publication")
    # "موعد اجتماعها الثاني في قطر أبريل المقبل" with no publication date to place it: a month with a
    # future word in the cue's own clause still says the event is to come.
    clause = ctx.clause_of(cue_last)
    if date is None and future_month_at(ctx.tokens, cue_last + 1, min(hi, clause.last)) is not None:
        return Decision("upcoming", "stated", "tense_month_next")
    return Decision("past", "default", "tense_past")


# ------------------------------------------------------------------ delegation size

def _origin_before(ctx: DocContext, i: int) -> int | None:
    """Index of the "من" of "… من N دولة" / "… من أكثر من N دولة" / "… من نحو N دولة" before the number at i."""
    if i > 0 and ctx.tagged(i - 1, "origin_preposition"):
        if i > 2 and ctx.tagged(i - 2, "lower_bound") and ctx.tagged(i - 3, "origin_preposition"):
            return i - 3   # "من أكثر من 80 دولة"
        if not (i > 1 and ctx.tagged(i - 2, "lower_bound")):
            return i - 1   # "600 من 94 دولة"
    if i > 1 and ctx.tagged(i - 1, "lower_bound") and ctx.tagged(i - 2, "origin_preposition"):
        return i - 2       # "مسؤولون من نحو 14 دولة"
    return None


def size_after_context_word(ctx: DocContext, i: int, last: int) -> bool:
    """"مكون من 21 دولة", "ممثلي 22 دولة", "بمشاركة 30 دولة"."""
    return ctx.has("size_context", i - SIZE_CONTEXT_BEFORE, i)


def size_people_from_states(ctx: DocContext, i: int, last: int) -> bool:
    """"600 من 94 دولة", "28 فائزا من 29 دولة", "700 شخصية … من أكثر من 80 دولة": people from N states."""
    k = _origin_before(ctx, i)
    if k is None:
        return False
    sentence = ctx.sentence_of(i)
    before = max(sentence.first, k - PEOPLE_WINDOW)
    return ctx.has("people_noun", before, k) or (k > 0 and bool(ctx.memo_numbers(k - 2, k)))


def size_definite_states(ctx: DocContext, i: int, last: int) -> bool:
    """"الدول الـ15 المشاركة": the states that take part, with their number after the noun."""
    noun = i - 2 if i > 1 and ctx.tagged(i - 1, "bare_article") else i - 1
    return noun >= 0 and ctx.tagged(noun, "state_noun") and ctx.has("participating", last, last + 2)


SIZE_RULES = (size_after_context_word, size_people_from_states)


def stated_size(ctx: DocContext, lo: int, hi: int) -> tuple[int | None, bool]:
    """Delegation size stated in tokens[lo:hi] by the first size rule that fires, and lower-bound flag.

    A count of states is a delegation size only with a word that ties it to who came; counts of
    people, entities or sessions, UN membership and beneficiaries are not.
    """
    toks = ctx.tokens
    for i in ctx.memo_numbers(lo, hi):
        num = parse_number(toks, i)
        if num is None or num.ordinal or not MIN_STATES <= num.value < MAX_STATES:
            continue
        if ctx.has("size_negative", i - SIZE_CONTEXT_BEFORE, i):
            continue
        if num.last < len(toks) and ctx.tagged(num.last, "state_noun"):
            if ctx.has("size_negative", num.last + 1, num.last + 1 + SIZE_NEGATIVE_AFTER):
                continue
            if any(rule(ctx, i, num.last) for rule in SIZE_RULES):
                return num.value, ctx.has("lower_bound", i - LOWER_BOUND_BEFORE, i)
        elif size_definite_states(ctx, i, num.last):
            return num.value, False
    return size_dual(ctx, lo, hi)


def size_dual(ctx: DocContext, lo: int, hi: int) -> tuple[int | None, bool]:
    """"بمشاركة دولتين", "وفود من دولتين عربيتين": the dual of a state noun after a size word is two
    states ("بين البلدين" with no size word is a bilateral relation, no count)."""
    for i in ctx.tag_positions("state_dual", lo, hi):
        if ctx.has("size_context", i - SIZE_CONTEXT_BEFORE, i) and not ctx.has("size_negative", i - SIZE_CONTEXT_BEFORE, i):
            return 2, False
    return None, False
