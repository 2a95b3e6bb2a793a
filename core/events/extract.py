"""Events: the article's main event, earlier or later events it mentions, and who took part.

The main event is the first event cue in the article's opening sentences. Another cue becomes a
`mentioned` event when something anchors it elsewhere in time or place (a different year, "العام
الماضي", "سيعقد", "الذي عقد في البحرين … 2008", "تحتضن شرم الشيخ"); a cue of the main event's own
kind needs a different year or host. Cues are found by core.events.cues; host, time and tense, and
size are decided by the named rules of core.events.rules, .timing and .sizes; participants by
core.events.participants; organizations, topics and the GCC flag by core.events.attributes.
"""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, replace
from operator import attrgetter

from core.events import attributes, rules, sizes, timing
from core.events import participants as parts
from core.events.cues import MERGE_GAP, Cue, event_lexicon, find_cues, ranking_sentence
from core.events.destinations import coordinated_hosts
from core.events.editions import other_edition
from core.events.kinds import held_after_lead, kind_of_compound, main_kind, restated_statements
from core.events.windows import RELATIVE_AFTER, reach, window
from core.text.context import DocContext
from core.text.gazetteer import GCC_MEMBERS
from core.text.morphology import stems, without_enclitic
from core.text.numbers import ordinal_word
from core.records import Event, RankClaim, Span, frozen_record

LEAD_SENTENCES = 3      # the main event's cue must stand in the first sentences of the body...
SHORT_LINE = 6          # ...and lines shorter than this (headline, section names, dateline) come free
ATTENDED_GAP = 3        # "شارك وفد … في أعمال الاجتماع": في this close before the attended cue
HOST_ASSUMED_NOTE = "host not stated; Bahrain assumed"
HOST_SUBJECT_NOTE = "host not stated; the article's main state assumed"
CONCURRENT_BEFORE = 3   # "بالتزامن مع مؤتمر": a word of concurrence this close before a cue
ACCOMPANYING_AFTER = 8  # "معرض البحرين لتقنية المعلومات والاتصالات 2010 المرافق": after the event's name
RELATIVE_VERB = 3       # "الذي عقد", "التي انعقدت": the verb this close after the relative pronoun
SIDELINES_BEFORE = 2    # "على هامش زيارة": the sidelines word this close before a cue
CUE_FIRST = attrgetter("first")
TIME_WORDS = ("future", "present_host", "past")  # a word of these next to a cue places it at another time


def _main_cue(ctx: DocContext, cues: list[Cue], lead: set[int]) -> Cue | None:
    """The first cue of the opening sentences; "على هامش زيارة … وتقديم شهادة منح …": an agreement
    made on the sidelines of a visit is the main event, the visit its setting."""
    first = next((c for c in cues if ctx.sentence_of(c.first).first in lead), None) or held_after_lead(ctx, cues, lead)
    if first is None or not ctx.has("sidelines", first.first - SIDELINES_BEFORE, first.first):
        return first
    sentence = ctx.sentence_of(first.first)
    return next((c for c in cues if first.first < c.first < sentence.last and c.kind == "agreement"), first)


def _attended_event(ctx: DocContext, cues: list[Cue], first: Cue) -> Cue:
    """For "شارك وفد البحرين في أعمال الاجتماع …", the event is the meeting the delegation attended."""
    if first.kind != "visit" or not ctx.tagged(first.first, "delegation"):
        return first
    sentence = ctx.sentence_of(first.first)
    for cue in cues:
        if first.first < cue.first < sentence.last and cue.kind != "visit" and \
                ctx.has("place_preposition", max(first.last, cue.first - ATTENDED_GAP), cue.first):
            return cue
    return first


def _statement_end(ctx: DocContext, cues: list[Cue], cue: Cue) -> int:
    """Where the statement about `cue` ends: the sentence end, the next cue, or "فيما/بينما"."""
    end = ctx.sentence_of(cue.first).last
    end = min(end, next((c.first for c in cues if c.first >= cue.last), end))
    k = ctx.first_tag("clause_start", cue.last, end)
    return end if k is None else k


@dataclass
class _Draft:
    role: str
    cue: Cue
    lo: int
    hi: int
    time: rules.Decision | None
    host: rules.Decision
    tense: rules.Decision
    note: str = ""
    anchored: bool = False  # a past/future word next to the cue places it at another time, or it is held beside
    co_hosts: tuple[str, ...] = ()  # the other destinations of one tour ("إلى إستونيا والدنمارك")


def _lead_sentences(ctx: DocContext) -> set[int]:
    """First tokens of the opening sentences: short lines, then LEAD_SENTENCES full ones."""
    lead: set[int] = set()
    full = 0
    for s in ctx.sentences:
        if full >= LEAD_SENTENCES:
            break
        lead.add(s.first)
        if s.last - s.first >= SHORT_LINE:
            full += 1
    return lead


def _restating(ctx: DocContext, cues: list[Cue], cue: Cue, s) -> bool:
    """A sentence after the main one that may restate it: its cues are of the main kind (or the
    delegation that attended, "بمشاركة وفد بحريني") and no word places them at another time ("الاجتماع الثالث في مارس الماضي بالكويت")."""
    inside = cues[bisect_left(cues, s.first, key=CUE_FIRST):bisect_left(cues, s.last, key=CUE_FIRST)]  # in text order
    return all(c.kind == cue.kind or ctx.tagged(c.first, "delegation") for c in inside) and \
        not ctx.has("past", s.first, s.last) and not ctx.has("future", s.first, s.last)


def _main_draft(ctx: DocContext, cues: list[Cue], cue: Cue, lead: set[int]) -> _Draft:
    lo, hi = window(ctx, cue, len(ctx.tokens.texts))
    sentence = ctx.sentence_of(cue.first)
    time = timing.main_time(ctx, cue.first, _statement_end(ctx, cues, cue), sentence.first,
                           restated_statements(ctx, cues, cue, lead))
    date = time.value if time else None
    # An opening sentence after the main one may restate it with its place ("زار وفد … في مدينة
    # نيويورك" under a headline with none), unless it tells of an event of another kind or time.
    others = [(s.first, s.last) for s in ctx.sentences if s.first in lead and s.first != sentence.first
              and (s.first < sentence.first or _restating(ctx, cues, cue, s))]
    # "… في الجزائر العاصمة، فيما تحتضن شرم الشيخ …": a clause opened by فيما speaks of something else.
    turn = ctx.first_tag("clause_start", cue.last, sentence.last)
    host = rules.main_host(ctx, sentence.first, sentence.last if turn is None else turn, cue.first, cue.last,
                           cue.kind, others)
    draft = _Draft("main", cue, lo, hi, time, host,
                   timing.tense(ctx, lo, cue.last, hi, date))
    notes = []
    if time is None and ctx.published.year is not None:
        notes.append("no date in the text; year from the publication date")
    if draft.host.basis == "assumed":
        notes.append(HOST_ASSUMED_NOTE if draft.host.value == "BHR" else HOST_SUBJECT_NOTE)
    draft.note = "; ".join(notes)
    return draft


def _mentioned_draft(ctx: DocContext, cue: Cue, next_first: int, main: _Draft) -> _Draft | None:
    """A cue other than the main one, as a mentioned event, or None when nothing anchors it."""
    lo, hi = window(ctx, cue, next_first)
    if ctx.has("recurring", lo, hi):
        return None
    time, saw_date = timing.mentioned_time(ctx, lo, cue.first, hi)
    # A time word anchors a cue only next to it ("سيعقد مؤتمر", "للمؤتمر العالمي المقبل"), not
    # further on ("المنتدى سيشكل دليلا … للفعاليات القادمة" speaks of the forum's effects).
    near = min(hi, cue.last + 2)
    relative = ctx.first_tag("relative_pronoun", cue.last, min(hi, cue.last + RELATIVE_AFTER))
    if relative is not None:
        near = min(hi, relative + 3)  # "والمعرض المصاحب له والتي ستستضيفها المملكة"
    anchored_in_time = ctx.has_any(TIME_WORDS, lo, near)  # a future, present-hosting or past word
    # "بالتزامن مع مؤتمر …", "يليه الاجتماع …": another event beside the main one, at its time.
    beside = cue.kind != main.cue.kind and (ctx.has("concurrent", cue.first - CONCURRENT_BEFORE, cue.first) or
                                            ctx.has("accompanying", cue.last, min(hi, cue.last + ACCOMPANYING_AFTER)))
    year, main_year = (time.value.year if time else None), _year(ctx, main)
    other_year = year is not None and main_year is not None and year != main_year
    # "حفل تتويج الفائزين بجائزة التميز الرقمي 2008" in an article that dates nothing else
    own_year = year is not None and main_year is None and cue.kind != main.cue.kind
    # "الندوة … التي عقدت في سبتمبر 2024" beside a meeting of 21 October 2024: another month, another event
    mine, theirs = (time.value if time else None), (main.time.value if main.time else None)
    other_month = bool(mine and theirs and mine.month and theirs.month) and \
        (mine.year, mine.month) != (theirs.year, theirs.month)
    if not beside and not _kept_without_place(ctx, cue, hi, main, time, other_year, own_year or anchored_in_time or other_month) \
            and not rules.mentioned_host_elsewhere(ctx, lo, hi, cue.first, cue.last, cue.kind, main.host):
        return None  # nothing but another place could keep it, and no other state is named where the host is read
    host = rules.mentioned_host(ctx, lo, hi, cue.first, cue.last, cue.kind, main.host)
    other_place = host.basis in ("stated", "event_name") and host.value != main.host.value
    if beside:
        if time is None and main.time is not None:
            time = rules.Decision(main.time.value, "main_event", "date_of_main_event_beside")
        if host.basis == "not_stated":
            host = rules.Decision(main.host.value, "stated_elsewhere", "host_of_main_event_beside")
    elif cue.kind == main.cue.kind:
        # "شاركت البحرين في الاجتماع … الذي عقد في الكويت يومي 14 و15 مارس": the main event told again
        # with the date the main one has is no earlier meeting
        same_time = bool(mine and theirs) and (mine.year, mine.month, mine.day) == (theirs.year, theirs.month, theirs.day)
        if not (other_year or other_place or (_told_as_earlier(ctx, cue, hi, time) and not same_time) or
                other_edition(ctx, cue.first, cue.last, main.cue.first, main.cue.last, MERGE_GAP)):
            return None
    elif not (other_year or own_year or anchored_in_time or other_place or other_month):
        return None
    tense = timing.tense(ctx, lo, cue.last, hi, time.value if time else None)
    if time is None and tense.value == "upcoming" and ctx.published.year is not None and not saw_date:
        time = rules.Decision(None, "publication_date", "year_from_publication_upcoming")
    return _Draft("mentioned", cue, lo, hi, time, host, tense, anchored=anchored_in_time or beside)


def _unanchored(ctx: DocContext, cue: Cue, next_first: int, main: _Draft) -> bool:
    """Nothing can keep the cue as a mentioned event (`_mentioned_draft` would return None): in the
    widest window it can have (windows.reach) no date starts, no word places it at another time or
    hosting, none sets it beside the main event and no state but the main host is named; its name
    names no other host, and a cue of the main kind has no other edition. (False says only that
    `_mentioned_draft` must decide.)"""
    lo, hi = reach(ctx, cue, next_first)
    anchors = _anchors(ctx, main.host.value)
    k = bisect_left(anchors, max(lo, 0))
    if k < len(anchors) and anchors[k] < hi:
        return False
    if cue.kind != main.cue.kind and (ctx.has("concurrent", cue.first - CONCURRENT_BEFORE, cue.first) or
                                      ctx.has("accompanying", lo, hi)):
        return False
    named = rules.host_from_event_name(ctx, cue.first, cue.last, cue.kind)
    if named is not None and named.value != main.host.value:
        return False
    return cue.kind != main.cue.kind or not other_edition(ctx, cue.first, cue.last, main.cue.first, main.cue.last, MERGE_GAP)


def _anchors(ctx: DocContext, host: object) -> list[int]:
    """Where a date starts, a word of TIME_WORDS stands or a state but `host` is named, sorted, once per document
    and host: one lies in [lo, hi) when ctx.date_starts_in, ctx.has_any(TIME_WORDS) or rules.names_other_than would say so."""
    key = ("unanchored", host, len(ctx.mention_at))
    found = ctx.memo.get(key)
    if found is None:
        found = ctx.memo[key] = sorted(set(a for a, _, _ in ctx.date_tokens).union(
            *(ctx.tags[group] for group in TIME_WORDS),
            (a for a, m in ctx.mention_at.items() if m.iso3 != host)))
    return found


def _kept_without_place(ctx: DocContext, cue: Cue, hi: int, main: _Draft, time: rules.Decision | None,
                        other_year: bool, elsewhere_in_time: bool) -> bool:
    """The tests of `_mentioned_draft` that keep a draft not beside the main event, less its other
    place: another year or edition (or told as an earlier one) for the main event's kind, else
    another year, its own year, an anchor in time or another month (`elsewhere_in_time`)."""
    if cue.kind != main.cue.kind:
        return other_year or elsewhere_in_time
    mine, theirs = (time.value if time else None), (main.time.value if main.time else None)
    same_time = bool(mine and theirs) and (mine.year, mine.month, mine.day) == (theirs.year, theirs.month, theirs.day)
    return other_year or (_told_as_earlier(ctx, cue, hi, time) and not same_time) or \
        other_edition(ctx, cue.first, cue.last, main.cue.first, main.cue.last, MERGE_GAP)


def _earlier_editions(ctx: DocContext, cue: Cue) -> list[_Draft]:
    """"ويُنظَم المؤتمر مرة كل عامين، وعُقد أولًا في سلطنة عُمان في عام 2009، ثم الكويت في 2011،
    واستضافت الإمارات الدورة السابقة في عام 2013": a recurring event's editions listed after it,
    each a clause with a place and a year, from the first clause with a verb of holding on."""
    if not ctx.tags["recurring"]:
        return []  # no word of recurrence in the document: every cue's clause lacks one
    clause = ctx.clause_of(cue.first)
    if not ctx.has("recurring", clause.first, clause.last):
        return []
    sentence = ctx.sentence_of(cue.first)
    drafts: list[_Draft] = []
    started = False
    for part in ctx.clauses_starting_in(clause.last, sentence.last):
        started = started or ctx.has("held_verb", part.first, part.last) or \
            ctx.has("host_verb", part.first, part.last) or ctx.has("past", part.first, part.last)
        places = [a for a in ctx.mentions_in(part.first, part.last)
                  if ctx.mention_at[a].via in ("name", "city", "short_form")]
        dates = [d for d in timing.usable_dates(ctx, part.first, part.last) if d.basis == "text"]
        if not started or not places or not dates:
            if drafts:
                break
            continue
        m = ctx.mention_at[places[0]]
        drafts.append(_Draft("mentioned", cue, part.first, part.last,
                             rules.Decision(dates[0], "stated", "date_of_listed_edition"),
                             rules.Decision(m.iso3, "stated", "host_of_listed_edition", m),
                             rules.Decision("past", "stated", "tense_listed_edition"), anchored=True))
    return drafts


def _told_as_earlier(ctx: DocContext, cue: Cue, hi: int, time: rules.Decision | None) -> bool:
    """"اجتماعها الـ26 الذي عقد في يونيو 2024": an event of the main one's kind that a relative clause
    with a verb of holding dates to its own month is another, earlier meeting of the series."""
    if time is None or time.basis != "stated" or time.value.month is None:
        return False
    relative = ctx.first_tag("relative_pronoun", cue.last, hi)
    if relative is None:
        return False
    return ctx.has("held_verb", relative, relative + RELATIVE_VERB) or ctx.has("past", relative, relative + RELATIVE_VERB)


def _mentioned_drafts(ctx: DocContext, cues: list[Cue], main: _Draft) -> list[_Draft]:
    drafts: list[_Draft] = []
    recurring = bool(ctx.tags["recurring"])
    for n, cue in enumerate(cues):
        if cue is main.cue or main.cue.first <= cue.first < main.cue.last:
            continue
        next_first = cues[n + 1].first if n + 1 < len(cues) else len(ctx.tokens.texts)
        compound = kind_of_compound(ctx, cue)  # "لجائزة ومؤتمر ومعرض"
        if compound is not None and compound != cue.kind:
            cue = Cue(compound, cue.first, cue.last)  # a new cue only when the kind changes
        editions = _earlier_editions(ctx, cue) if recurring else ()  # (no word of recurrence: none)
        if editions:
            drafts.extend(d for d in editions if all(_year(ctx, o) != _year(ctx, d) for o in drafts))
        if _unanchored(ctx, cue, next_first, main):
            continue  # most cues: _mentioned_draft would return None
        draft = _mentioned_draft(ctx, cue, next_first, main)
        if draft is None:
            continue
        if _restates_main(ctx, draft, main):
            # "مشاركة عمانية في اجتماع اللجنة … شاركت السلطنة في الاجتماع الذي استضافته دولة قطر":
            # the main event named again, with its place.
            main.host = rules.Decision(draft.host.value, "stated_elsewhere", "host_from_restated_main_event",
                                       draft.host.mention)
            assumed = set(HOST_ASSUMED_NOTE.split("; ")) | set(HOST_SUBJECT_NOTE.split("; "))
            main.note = "; ".join(n for n in main.note.split("; ") if n and n not in assumed)
            continue
        same = next((d for d in drafts if d.cue.kind == cue.kind and _year(ctx, d) == _year(ctx, draft)), None)
        if same is not None and ctx.sentence_of(same.lo) == ctx.sentence_of(draft.lo):
            same.hi = max(same.hi, draft.hi)  # "زيارة الوفد … حيث اطلع وفدا مكون من 15 دولة"
            continue
        if same is not None and draft.host.basis not in ("stated", "event_name"):
            continue  # the same event named again later in the article
        drafts.append(draft)
    return drafts


def _restates_main(ctx: DocContext, draft: _Draft, main: _Draft) -> bool:
    """A cue of the main event's kind, with a stated place, at no other time, while the main
    event's own host was only assumed: the same event named again."""
    return (draft.cue.kind == main.cue.kind and main.host.basis == "assumed" and not draft.anchored
            and draft.host.basis in ("stated", "event_name") and draft.tense.value == main.tense.value
            and _year(ctx, draft) in (None, _year(ctx, main)))


def _year(ctx: DocContext, draft: _Draft) -> int | None:
    """The draft's year: its date's, else the publication year where the basis says so."""
    if draft.time is None:
        return ctx.published.year if draft.role == "main" else None
    if draft.time.value is None:
        return ctx.published.year
    return draft.time.value.year


def _year_of_event_within(ctx: DocContext, drafts: list[_Draft], main: _Draft) -> rules.Decision | None:
    """"وحضر الوفد حفل تتويج الفائزين بجائزة 2008 في اليوم الأول من زيارته": an event dated in the
    text and told to fall within the main one (a word of "during" before the main event's noun)
    gives the undated main event its year (the year only: the day is the other event's)."""
    for draft in drafts:
        if draft.time is None or draft.time.basis != "stated" or draft.time.value is None:
            continue
        sentence = ctx.sentence_of(draft.cue.first)
        for d in ctx.tag_positions("during", draft.cue.last, sentence.last):
            k = d + 1
            while k < sentence.last and (ordinal_word(ctx.tokens.texts[k]) or ctx.tagged(k, "origin_preposition")):
                k += 1  # "في اليوم الأول من زيارته"
            if k < sentence.last and main.cue.kind in (ctx.memo["cue_kind_at"].get(k), _possessed_cue_kind(ctx, k)):
                year_only = replace(draft.time.value, month=None, day=None)
                return rules.Decision(year_only, "stated_elsewhere", "year_of_event_within_main")
    return None


def _setting_of_ranking_news(ctx: DocContext, cue: Cue) -> bool:
    """"صنفت الأمم المتحدة الإمارات ضمن الدول الأوائل في مؤشر … بحسب دراسة … وزعت على هامش القمة
    العالمية للحكومات": an event named only as the occasion ("على هامش") of a sentence about rankings
    (a survey word, no word of taking part) is mentioned; the article's news is the ranking."""
    clause = ctx.clause_of(cue.first)
    return ctx.has("sidelines", max(clause.first, cue.first - SIDELINES_BEFORE), cue.first) and \
        ranking_sentence(ctx, cue.first) and not ctx.has("participation", ctx.sentence_of(cue.first).first, cue.first)


def _background(ctx: DocContext, cue: Cue) -> bool:
    """"يذكر أن مملكة البحرين … اختيرت لاستضافة مؤتمر الأمم المتحدة للخدمة العامة 2013": a sentence
    opened by a formula of background names an event the article recalls, not its news."""
    return ctx.tagged(ctx.sentence_of(cue.first).first, "background")


def _possessed_cue_kind(ctx: DocContext, k: int) -> str | None:
    """The kind of an event noun carrying an attached pronoun ("زيارته", "اجتماعها"), else None."""
    cues = event_lexicon().cues
    for form in without_enclitic(ctx.tokens.texts[k]):
        for stem in stems(form):
            kind = cues.entries.get((stem,))
            if kind is not None:
                return str(kind)
    return None


def _main_regions(ctx: DocContext, drafts: list[_Draft]) -> list[tuple[int, int]]:
    """The main event owns every token no mentioned event claims."""
    regions, pos = [], 0
    for lo, hi in sorted((d.lo, d.hi) for d in drafts):
        if lo > pos:
            regions.append((pos, lo))
        pos = max(pos, hi)
    if pos < len(ctx.tokens.texts):
        regions.append((pos, len(ctx.tokens.texts)))
    return regions


def _year_basis(ctx: DocContext, draft: _Draft) -> str:
    if draft.time is not None:
        return draft.time.basis
    return "publication_date" if draft.role == "main" and ctx.published.year is not None else "not_stated"


def _build_event(ctx: DocContext, draft: _Draft, regions, claim_sentences: set[int]) -> Event:
    host = str(draft.host.value)
    body = parts.gcc_body(ctx, regions, claim_sentences)
    named, left_out = parts.named_states(ctx, regions, host, claim_sentences)
    named = [p for p in named if p.iso3 not in draft.co_hosts]
    participants = parts.with_gcc_members(named, host, body) if body is not None else named
    participants = parts.bahrain_abroad(ctx, regions, host, participants)
    if draft.role == "main" and draft.host.basis in ("stated", "stated_elsewhere", "event_name"):
        sentence = ctx.sentence_of(draft.cue.first)
        # up to the event's noun, or up to its place when the event's noun is the visit or the delegation ("زار
        # وفد من الهيئة إستونيا": the body after the delegation word)
        end = draft.cue.first
        if draft.host.mention is not None and (ctx.tagged(draft.cue.first, "delegation") or ctx.tagged(draft.cue.first, "visit_verb")):
            at = ctx.token_index(draft.host.mention.nstart)
            if sentence.first <= at < sentence.last:
                end = max(end, at)
        participants = parts.side_abroad(ctx, sentence.first, end, host, participants, draft.co_hosts)
    size, lower = None, False
    for lo, hi in ([(draft.lo, draft.hi)] if draft.role == "mentioned" else regions):
        size, lower = sizes.stated_size(ctx, lo, hi)
        if size is not None:
            break
    # "وفود دول الخليج" at a forum of 97 states: more states than the GCC has make no GCC event.
    gcc = (body is not None or attributes.gcc_by_names({p.iso3 for p in named} | {host}) or attributes.gulf_in_name(ctx, draft.cue)) \
        and (size is None or size <= len(GCC_MEMBERS))
    evidence = ctx.sentence_span(draft.cue.first) if draft.role == "main" else ctx.span(draft.lo, draft.hi)
    notes = [draft.note] if draft.note else []
    if lower:
        notes.append("delegation size is a lower bound")
    notes.extend(dict.fromkeys(left_out))
    date, year = (draft.time.value if draft.time is not None else None), _year(ctx, draft)
    return frozen_record(Event, {  # Event(...) with every field, in the class's order
        "role": draft.role, "kind": draft.cue.kind, "year": year, "date": date.iso if date else "",
        "date_basis": date.basis if date else ("published" if year is not None else "none"),
        "host_iso3": host, "countries_stated": size, "countries_stated_lower_bound": lower, "gcc": gcc,
        "organizations": attributes.organizations(ctx, regions),
        "topics": tuple(sorted(attributes.matched_values(ctx, "topics", regions))),
        "evidence": Span(evidence.surface, evidence.start, evidence.end), "participants": tuple(participants),
        "note": "; ".join(notes), "host_basis": draft.host.basis, "year_basis": _year_basis(ctx, draft),
        "tense": str(draft.tense.value)})


def find_events(ctx: DocContext, claims: list[RankClaim]) -> list[Event]:
    """The main event (if the article reports one) followed by the events it mentions."""
    cues = find_cues(ctx)
    lead = _lead_sentences(ctx)
    main_cue = _main_cue(ctx, cues, lead)
    if main_cue is None:
        return []
    main_cue = _attended_event(ctx, cues, main_cue)
    main_cue = Cue(main_kind(ctx, main_cue), main_cue.first, main_cue.last)
    main = _main_draft(ctx, cues, main_cue, lead)
    drafts = _mentioned_drafts(ctx, cues, main)
    if main.time is None:
        main.time = _year_of_event_within(ctx, drafts, main)
    if _setting_of_ranking_news(ctx, main.cue) or _background(ctx, main.cue):
        main.role = "mentioned"  # the article's news is something else; the event is its setting or background
        main.note = ""
        if main.host.basis == "assumed":
            main.host = rules.Decision("", "not_stated", "host_not_stated")  # a mentioned host is never assumed
    tour = [main.host] + coordinated_hosts(ctx, main.cue.kind, main.host)
    hosts = tuple(str(d.value) for d in tour)
    mains = [replace(main, host=d, co_hosts=hosts) for d in tour] if len(tour) > 1 else [main]
    claim_sentences = {ctx.sentence_of(ctx.token_at_original(c.start)).first for c in claims}
    main_regions = _main_regions(ctx, drafts)
    return [_build_event(ctx, d, main_regions if d.role == "main" else [(d.lo, d.hi)], claim_sentences)
            for d in mains + drafts]
