"""Events: the article's main event, earlier or later events it mentions, and who took part.

The main event is the first event cue in the article's opening sentences. Another cue becomes a
`mentioned` event when something anchors it elsewhere in time or place (a different year, "العام
الماضي", "سيعقد", "الذي عقد في البحرين … 2008", "تحتضن شرم الشيخ"); a cue of the main event's own
kind needs a different year or host. Participants are the states named in the event's text, less
the host and less states named only as a comparison, a diplomat's posting ("لدى"), the source of
obstacles, a ranking neighbour, or in a nationality adjective that does not describe a delegation.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.context import DocContext
from core.gazetteer import GCC, GCC_MEMBERS
from core.lexicon import load_table
from core.numbers import parse_number
from core.phrases import PhraseMatcher, phrase_tokens
from core.records import CountryMention, DateMention, Event, Participant, RankClaim

LEAD_SENTENCES = 3      # the main event's cue must stand in the first sentences of the body...
SHORT_LINE = 6          # ...and lines shorter than this (headline, section names, dateline) come free
ANCHOR_BEFORE = 4       # tokens before a cue searched for its time/place anchor
MERGE_GAP = 2           # a cue this close after another cue is part of the same name ("الدورة 17 لمجلس وزراء")
MAX_STATES = 190        # "192 دولة" is UN membership, not a delegation


@dataclass(frozen=True)
class EventLexicon:
    cues: PhraseMatcher
    groups: dict[str, frozenset[str]]
    host_verbs: PhraseMatcher
    topics: PhraseMatcher
    organizations: PhraseMatcher


@lru_cache(maxsize=1)
def event_lexicon() -> EventLexicon:
    kinds = {"visit", "workshop", "forum", "conference", "meeting", "award", "agreement", "other"}
    cue_rows = load_table("event_cues.tsv", ["cue", "kind"])
    for row in cue_rows:
        if row["kind"] not in kinds:
            raise ValueError(f"event_cues.tsv:{row['_line']}: unknown kind {row['kind']!r}")
    groups: dict[str, set[str]] = {}
    host_verbs = []
    for row in load_table("event_context.tsv", ["group", "word"]):
        if row["group"] == "host_verb":
            host_verbs.append((row["word"], True))
        else:
            groups.setdefault(row["group"], set()).add(" ".join(phrase_tokens(row["word"])))
    return EventLexicon(
        cues=PhraseMatcher.build([(r["cue"], r["kind"]) for r in cue_rows]),
        groups={k: frozenset(v) for k, v in groups.items()},
        host_verbs=PhraseMatcher.build(host_verbs, strip=("و", "ف", "ل")),
        topics=PhraseMatcher.build([(r["cue"], r["topic"]) for r in load_table("topics.tsv", ["topic", "cue"])]),
        organizations=PhraseMatcher.build(
            [(r["variant"], r["code"]) for r in load_table("organizations.tsv", ["code", "variant"])]),
    )


@dataclass
class Cue:
    kind: str
    first: int
    last: int


@lru_cache(maxsize=500_000)  # asked for every token of every sentence, several times per event
def _word_in(token: str, group: frozenset[str]) -> bool:
    """token, or token without one proclitic, is in the group ("للحكومة" counts as "الحكومة")."""
    if token in group:
        return True
    if token.startswith("لل") and "ال" + token[2:] in group:
        return True
    for p in ("وب", "ول", "و", "ف", "ب", "ل"):
        if token.startswith(p) and token[len(p):] in group:
            return True
    return False


def find_cues(ctx: DocContext) -> list[Cue]:
    """Event cues, left to right; a cue inside another's name or before "صحافي" is dropped."""
    lex = event_lexicon()
    cues: list[Cue] = []
    # "لجنة الأمم المتحدة الاقتصادية … (الإسكوا)" names an organization, not a meeting.
    in_org = {k for i, length, _ in lex.organizations.find_all(ctx.tokens, ctx.text) for k in range(i, i + length)}
    for i, length, kind in lex.cues.find_all(ctx.tokens, ctx.text):
        if i in in_org:
            continue
        nxt = ctx.tokens[i + length].text if i + length < len(ctx.tokens) else ""
        if nxt in lex.groups["not_event_after"]:
            continue
        if i > 0 and _word_in(ctx.tokens[i - 1].text, lex.groups["title_word"]):
            continue  # "رئيس اللجنة الوزارية": a title, not a meeting
        if _word_in(ctx.tokens[i].text, lex.groups["needs_number"]) and not nxt.isdigit():
            continue  # "الدورة 17 لمجلس الوزراء" is a session; "في الدورة الأولى" of an award is not
        if cues and i - cues[-1].last < MERGE_GAP and ctx.clause_of(i) == ctx.clause_of(cues[-1].first):
            continue
        cues.append(Cue(kind, i, i + length))
    return cues


def _attended_event(ctx: DocContext, cues: list[Cue], first: Cue) -> Cue:
    """For "شارك وفد البحرين في أعمال الاجتماع …", the event is the meeting the delegation attended."""
    lex = event_lexicon()
    if first.kind != "visit" or not _word_in(ctx.tokens[first.first].text, lex.groups["delegation"]):
        return first
    sentence = ctx.sentence_of(first.first)
    for cue in cues:
        if cue.first <= first.first or cue.first >= sentence.last:
            continue
        if cue.kind != "visit" and any(t.text == "في" for t in ctx.tokens[max(first.last, cue.first - 3):cue.first]):
            return cue
    return first


def _statement_end(ctx: DocContext, cues: list[Cue], cue: Cue) -> int:
    """Where the statement about `cue` ends: the sentence end, the next cue, or "فيما/بينما"."""
    sentence = ctx.sentence_of(cue.first)
    end = sentence.last
    nxt = next((c.first for c in cues if c.first >= cue.last), end)
    end = min(end, nxt)
    for k in range(cue.last, end):
        if ctx.tokens[k].text in ("فيما", "بينما", "وفيما", "وبينما"):
            return k
    return end


def _dates_in(ctx: DocContext, lo: int, hi: int) -> list[DateMention]:
    """Dates inside tokens[lo:hi], minus datelines and years that belong to a plan or report."""
    lex = event_lexicon()
    out = []
    for a, b, d in ctx.date_tokens:
        if a < lo or b > hi:
            continue
        before = [t.text for t in ctx.tokens[max(0, a - 5):a]]
        if any(_word_in(w, lex.groups["publication"]) for w in before[-3:]):
            continue
        if d.month is None and d.basis == "text" and any(_word_in(w, lex.groups["year_owner"]) for w in before):
            continue
        out.append(d)
    return out


def _has(ctx: DocContext, lo: int, hi: int, group: str) -> bool:
    g = event_lexicon().groups[group]
    return any(_word_in(t.text, g) for t in ctx.tokens[max(0, lo):hi])


def _host_in(ctx: DocContext, lo: int, hi: int) -> CountryMention | None:
    """A place that hosts: a state or city after a hosting verb or "في", or a city after "ب"."""
    lex = event_lexicon()
    toks = ctx.tokens
    for a in range(max(0, lo), min(hi, len(toks))):
        m = ctx.mention_at.get(a)
        if m is None or m.via not in ("name", "city"):
            continue
        prev = toks[a - 1].text if a > 0 else ""
        raw = toks[a].text
        if prev in ("في", "الي") or (m.via == "city" and raw[:1] in "ب" and not raw.startswith("بحرين")):
            return m  # "في مسقط", "زيارة إلى سيول", "بمسقط"
        # "في العاصمة العمانية مسقط", "بالعاصمة السعودية الرياض"
        if m.via == "city" and any(t.text in ("في", "بالعاصمه", "بمدينه") for t in toks[max(lo, a - 3):a]):
            return m
        for v in range(max(lo, a - 4), a):
            if lex.host_verbs.match(toks, v, ctx.text) and toks[v].text not in ("في",):
                return m
    return None


def _window(ctx: DocContext, cue: Cue, next_first: int) -> tuple[int, int]:
    """Tokens that describe a cue's event: from a little before it to the next cue or clause end."""
    clause = ctx.clause_of(cue.first)
    sentence = ctx.sentence_of(cue.first)
    lo = max(sentence.first, min(clause.first, cue.first), cue.first - ANCHOR_BEFORE)
    hi = min(sentence.last, max(clause.last, cue.last), next_first)
    return lo, hi


@dataclass
class _Draft:
    role: str
    cue: Cue
    lo: int
    hi: int
    year: int | None = None
    date: str = ""
    basis: str = "none"
    host: str = "BHR"
    note: str = ""


def _resolve_time(ctx: DocContext, dates: list[DateMention]) -> tuple[int | None, str, str]:
    """(year, date, basis) from the first usable date; day or month precision kept."""
    if not dates:
        return None, "", "none"
    d = dates[0]
    if d.calendar == "hijri":
        # "4 محرم الموافق 21 ديسمبر": the Gregorian equivalent written next to it is exact.
        d = next((g for g in dates[1:3] if g.calendar == "gregorian" and g.month is not None), d)
    return d.year, d.iso, d.basis


def _survey_sentences(ctx: DocContext) -> set[int]:
    """First tokens of the sentences about rankings, computed once per document (read-only).

    Sentences about rankings ("تصدرت الدنمارك المؤشر") name states that did not come, unless a
    delegation word stands in them too.
    """
    found = ctx.memo.get("survey_sentences")
    if found is None:
        g = event_lexicon().groups
        toks = ctx.tokens
        found = ctx.memo["survey_sentences"] = {
            s.first for s in ctx.sentences
            if any(_word_in(t.text, g["survey"]) for t in toks[s.first:s.last])
            and not any(_word_in(t.text, g["delegation"]) for t in toks[s.first:s.last])}
    return found


def _participants(ctx: DocContext, regions: list[tuple[int, int]], host: str, excluded_sentences: set[int],
                  gcc: bool, gcc_mention: CountryMention | None) -> tuple[list[Participant], list[str]]:
    """States that took part, from mentions inside `regions`, and notes on the ones left out."""
    lex = event_lexicon()
    g = lex.groups
    toks = ctx.tokens
    chosen: dict[str, Participant] = {}
    notes: list[str] = []
    survey_sentences = _survey_sentences(ctx)
    posting: set[int] = set()
    for lo, hi in regions:
        for a in range(lo, hi):
            m = ctx.mention_at.get(a)
            if m is None:
                continue
            b = ctx.mention_tokens[a][1]
            before = [t.text for t in toks[max(0, a - 2):a]]
            raw = toks[a].text
            if m.via in ("city", "gcc_body"):
                continue
            if ctx.sentence_of(a).first in excluded_sentences:
                continue
            if any(_word_in(w, g["accredited"]) for w in before[-1:]) or a in posting:
                # "المعتمد لدى البحرين والسعودية والكويت": a posting, and the list that follows it.
                nxt = b
                while nxt in ctx.mention_at and toks[nxt].text.startswith("و"):
                    posting.add(nxt)
                    nxt = ctx.mention_tokens[nxt][1]
                if m.iso3 != host:
                    notes.append(f"{m.iso3} named as a diplomat's posting")
                continue
            if any(_word_in(w, g["comparison"]) for w in before) or any(
                    raw.startswith(p) and raw[len(p):] in g["comparison"] for p in ("ب",)):
                if m.iso3 != host:
                    notes.append(f"{m.iso3} named as a comparison")
                continue
            if any(_word_in(t.text, g["obstacle"]) for t in toks[max(0, a - 4):a]):
                notes.append(f"{m.iso3} named as a source of obstacles")
                continue
            clause = ctx.clause_of(a)
            near = [t.text for t in toks[max(clause.first, a - 6):a]]
            if m.via == "demonym" and not any(_word_in(w, g["delegation"] | g["official"]) for w in near):
                continue  # "الوفد الفلسطيني", "وفدا من الهيئة العمانية", "وزير الاتصالات الأردني" — not "المصرية"
            if m.via == "name" and ctx.sentence_of(a).first in survey_sentences:
                continue
            if m.iso3 not in chosen and m.iso3 != host:
                chosen[m.iso3] = Participant(m.iso3, m.surface, m.start, m.end, m.via)
    if gcc and gcc_mention is not None:
        for iso3 in GCC_MEMBERS:
            if iso3 != host and iso3 not in chosen:
                chosen[iso3] = Participant(iso3, gcc_mention.surface, gcc_mention.start, gcc_mention.end, "gcc_body")
    return list(chosen.values()), notes


def _gcc_body(ctx: DocContext, regions: list[tuple[int, int]], excluded_sentences: set[int]) -> CountryMention | None:
    for lo, hi in regions:
        for a in range(lo, hi):
            m = ctx.mention_at.get(a)
            if m is not None and m.via == "gcc_body" and ctx.sentence_of(a).first not in excluded_sentences:
                return m
    return None


def _size(ctx: DocContext, lo: int, hi: int) -> tuple[int | None, bool]:
    """Delegation size stated in tokens[lo:hi] ("مكون من 21 دولة", "ممثلي 22 دولة"), and lower-bound flag."""
    g = event_lexicon().groups
    toks = ctx.tokens
    for i in range(lo, hi):
        num = parse_number(toks, i)
        if num is None or num.ordinal or num.last >= len(toks):
            continue
        noun = toks[num.last].text
        if not _word_in(noun, g["state_noun"]):
            continue
        if not 2 <= num.value < MAX_STATES:
            continue
        before = [t.text for t in toks[max(0, i - 4):i]]
        after = [t.text for t in toks[num.last + 1:num.last + 3]]
        if any(_word_in(w, g["size_negative"]) for w in before + after):
            continue
        if not any(_word_in(w, g["size_context"]) for w in before):
            continue
        lower = any(w in g["lower_bound"] for w in before[-3:])
        return num.value, lower
    return None, False


def _matched_values(ctx: DocContext, regions: list[tuple[int, int]], matcher: PhraseMatcher) -> list[str]:
    """Distinct values of `matcher`'s phrases found in the regions, in text order."""
    found: list[str] = []
    for lo, hi in regions:
        for _, _, value in matcher.find_all(ctx.tokens, ctx.text, lo, hi):
            if value not in found:
                found.append(value)
    return found


def _topics(ctx: DocContext, regions: list[tuple[int, int]]) -> tuple[str, ...]:
    return tuple(sorted(_matched_values(ctx, regions, event_lexicon().topics)))


def _organizations(ctx: DocContext, regions: list[tuple[int, int]]) -> tuple[str, ...]:
    found = _matched_values(ctx, regions, event_lexicon().organizations)
    if "UNDESA" in found and "UN" in found:
        found.remove("UN")  # UNDESA is named "إدارة الشؤون ... بالأمم المتحدة": one body, not two
    return tuple(sorted(found))


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


def find_events(ctx: DocContext, claims: list[RankClaim]) -> list[Event]:
    """The main event (if the article reports one) followed by the events it mentions."""
    cues = find_cues(ctx)
    if not cues:
        return []
    lead = _lead_sentences(ctx)
    main_cue = next((c for c in cues if ctx.sentence_of(c.first).first in lead), None)
    if main_cue is None:
        return []
    main_cue = _attended_event(ctx, cues, main_cue)
    pub = ctx.published
    claim_sentences = {ctx.sentence_of(ctx.token_at_original(c.start)).first for c in claims}

    main = _Draft("main", main_cue, *_window(ctx, main_cue, len(ctx.tokens)))
    main_sentence = ctx.sentence_of(main_cue.first)
    dates = _dates_in(ctx, main_cue.first, _statement_end(ctx, cues, main_cue)) or [
        d for d in _dates_in(ctx, main_sentence.first, main_cue.first) if d.unit == "day" or d.day is not None]
    if not dates:
        # "استقبلت المملكة أمس وفودا" under a headline: a day-precise date in the opening sentences.
        for s in ctx.sentences[:2]:
            dates = [d for d in _dates_in(ctx, s.first, s.last) if d.unit == "day" or d.day is not None]
            if dates:
                break
    main.year, main.date, main.basis = _resolve_time(ctx, dates)
    if main.year is None and pub.year is not None:
        main.year, main.basis = pub.year, "published"
        main.note = "no date in the text; year from the publication date"
    host = _host_in(ctx, main_sentence.first, main_sentence.last)
    if host is not None:
        main.host = host.iso3
    else:
        main.note = (main.note + "; " if main.note else "") + "host not stated; Bahrain assumed"

    drafts: list[_Draft] = []
    for n, cue in enumerate(cues):
        if cue is main_cue or (cue.first >= main_cue.first and cue.first < main_cue.last):
            continue
        next_first = cues[n + 1].first if n + 1 < len(cues) else len(ctx.tokens)
        lo, hi = _window(ctx, cue, next_first)
        if _has(ctx, lo, hi, "recurring"):
            continue
        window_dates = _dates_in(ctx, cue.first, hi) or _dates_in(ctx, lo, cue.first)
        # A time word anchors a cue only next to it ("سيعقد مؤتمر", "للمؤتمر العالمي المقبل"), not
        # further on ("المنتدى سيشكل دليلا … للفعاليات القادمة" speaks of the forum's effects).
        future = _has(ctx, lo, min(hi, cue.last + 2), "future")
        past = _has(ctx, lo, min(hi, cue.last + 2), "past")
        year, date, basis = _resolve_time(ctx, window_dates)
        place = _host_in(ctx, lo, hi)
        if place is None and _has(ctx, lo, cue.first, "future") and _host_in(ctx, lo - 6, cue.first):
            place = _host_in(ctx, lo - 6, cue.first)
        other_year = year is not None and main.year is not None and year != main.year
        other_place = place is not None and place.iso3 != main.host
        if cue.kind == main_cue.kind:
            if not (other_year or other_place):
                continue
        elif not (other_year or future or past or other_place):
            continue
        if year is None and future and pub.year is not None and not window_dates:
            year, basis = pub.year, "published"
        same = next((d for d in drafts if d.cue.kind == cue.kind and d.year == year), None)
        if same is not None and ctx.sentence_of(same.lo) == ctx.sentence_of(lo):
            same.hi = max(same.hi, hi)  # "زيارة الوفد … حيث اطلع وفدا مكون من 15 دولة"
            continue
        if same is not None and place is None:
            continue  # the same event named again later in the article
        draft = _Draft("mentioned", cue, lo, hi, year, date, basis)
        if place is not None:
            draft.host = place.iso3
        elif _has(ctx, lo, cue.first + 1, "future") or "هامش" in {t.text for t in ctx.tokens[lo:hi]} \
                or any(t.text.endswith("هامشه") for t in ctx.tokens[lo:hi]):
            draft.host = main.host  # "سيقام على هامشه": on the sidelines of the main event
        drafts.append(draft)

    # The main event owns every token no mentioned event claims.
    taken = sorted((d.lo, d.hi) for d in drafts)
    main_regions = []
    pos = 0
    for lo, hi in taken:
        if lo > pos:
            main_regions.append((pos, lo))
        pos = max(pos, hi)
    if pos < len(ctx.tokens):
        main_regions.append((pos, len(ctx.tokens)))

    events = []
    for draft in [main] + drafts:
        regions = main_regions if draft.role == "main" else [(draft.lo, draft.hi)]
        gcc_mention = _gcc_body(ctx, regions, claim_sentences)
        named = _participants(ctx, regions, draft.host, claim_sentences, False, None)[0]
        members_named = {p.iso3 for p in named} | {draft.host}
        gcc = gcc_mention is not None or len(members_named & set(GCC_MEMBERS)) >= 4
        participants, left_out = _participants(ctx, regions, draft.host, claim_sentences, gcc, gcc_mention)
        if draft.host != "BHR" and all(p.iso3 != "BHR" for p in participants):
            bhr = next((m for lo, hi in regions for a in range(lo, hi)
                        if (m := ctx.mention_at.get(a)) is not None and m.iso3 == "BHR" and m.via == "name"), None)
            if bhr is not None:
                participants.insert(0, Participant("BHR", bhr.surface, bhr.start, bhr.end, "name"))
        size, lower = _size(ctx, draft.lo, draft.hi) if draft.role == "mentioned" else (None, False)
        if draft.role == "main":
            for lo, hi in regions:
                size, lower = _size(ctx, lo, hi)
                if size is not None:
                    break
        ev_span = ctx.sentence_span(draft.cue.first) if draft.role == "main" else ctx.span(draft.lo, draft.hi)
        note = draft.note
        if lower:
            note = (note + "; " if note else "") + "delegation size is a lower bound"
        if left_out:
            note = (note + "; " if note else "") + "; ".join(dict.fromkeys(left_out))
        events.append(Event(
            role=draft.role, kind=draft.cue.kind, year=draft.year, date=draft.date, date_basis=draft.basis,
            host_iso3=draft.host, countries_stated=size, countries_stated_lower_bound=lower, gcc=gcc,
            organizations=_organizations(ctx, regions), topics=_topics(ctx, regions), evidence=ev_span,
            participants=tuple(participants), note=note))
    return events

