"""What a rank expression is about: its index, scope, country and survey year.

Each decision is an ordered list of named rules; each rule returns (value, basis) or None and the
first that fires wins, so a claim can say why it reads as it does. Windows are fixed or bounded by
the clause/sentence, and cue positions come from RankDoc (bisect), so deciding is linear.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass

from core.rankings.items import RankDoc, RankItem, scopes_at

AFTER_INDEX = 3      # an index named this many tokens after the rank at most is the rank's index
NEXT_ITEM = 6        # ... or after the next rank of the same list, when that starts this close
DEFERRED_SCOPE = 8   # a scope this far after the rank, in its clause ("الترتيب 18 في الجاهزية على مستوى العالم")
PLACEMENT = 5        # a placing verb this far before a rank with no scope word makes it a world rank
YEAR_AFTER = 8       # a year this far after the rank, in its clause, is the rank's year
PREVIOUS_BEFORE = 8
COMPARE_BEFORE = 5
CUT_AFTER = 3        # a text cut off this close after a rank may have lost the rank's scope
ENUMERATION_BACK = 6  # the rank before in an enumeration is among this many ranks before it
SURVEY_BEFORE = 6
RELEASE_BEFORE = 8   # a release cue this far before a date makes it the report's release date


@dataclass(frozen=True)
class Edition:
    """The survey edition an article reports on, and the rule that found it."""

    year: int | None
    basis: str  # stated | compared | publication_date | not_stated


# ---------------------------------------------------------------- edition

def plausible_edition(doc: RankDoc, year: int) -> bool:
    """A listed edition, or a later even year not after the publication year (the survey is biennial)."""
    top, pub = max(doc.lex.editions), doc.ctx.published.year
    if pub is not None and year > pub:
        return False
    return year in doc.lex.editions or (year > top and year % 2 == 0 and (pub or top + 2) >= year)


def _edition_years(doc: RankDoc) -> tuple[list[int], list[int]]:
    """Edition years stated in the text: (current candidates, comparison years).

    A year counts when the survey is named just before it, a year word precedes it ("لعام"), it is
    the report's release date ("التقرير الصادر ... بتاريخ 30 يوليو 2016": a full date only here), or
    a comparison cue stands right before it ("مقارنة ب2020"). A year the article compares with is an
    earlier edition, and the current one is later than every edition it is compared with ("تصنيف هذا
    العام ... مقارنة بتصنيف عام 2018": 2010, 2012, 2014 named as history are not the current one)."""
    ctx, lex = doc.ctx, doc.lex
    current, compared = [], []
    for a, b, d in ctx.date_tokens:
        if d.basis != "text" or not plausible_edition(doc, d.year):
            continue
        released = doc.has("released", a - RELEASE_BEFORE, a) and doc.has("survey", a - RELEASE_BEFORE - SURVEY_BEFORE, a)
        if d.month is not None and not released:
            continue
        if doc.has("future", a - 3, a) or doc.has("future", b, b + 3):
            continue
        cue_compare = doc.has("compare", a - 2, a)
        if not (doc.has("survey", a - SURVEY_BEFORE, a) or doc.has("year_word", a - 2, a) or released or cue_compare):
            continue
        starts_range = a > 0 and ctx.tokens[a - 1].text in lex.range_start
        # the cue governs the year only inside its clause ("بعد أن كانت في التقرير السابق، في مسح 2024")
        if starts_range or doc.has("compare", max(doc.clause(a).first, a - COMPARE_BEFORE), a):
            compared.append(d.year)
        else:
            current.append(d.year)
    if compared:
        current = [y for y in current if y > max(compared)]
    return current, compared


def find_edition(doc: RankDoc) -> Edition:
    """Rules, first wins: stated (the latest edition year named with the survey, not as a
    comparison); compared (two years after the latest comparison edition: "مقارنة بعام 2022");
    publication_date (the latest edition up to the publication year); not_stated."""
    current, compared = _edition_years(doc)
    if current:
        return Edition(max(current), "stated")
    if compared:
        return Edition(max(compared) + 2, "compared")
    pub = doc.ctx.published.year
    earlier = [e for e in doc.lex.editions if pub is not None and e <= pub]
    if earlier:
        return Edition(earlier[-1], "publication_date")
    return Edition(None, "not_stated")


def previous_edition(doc: RankDoc, year: int | None) -> int | None:
    """The edition before `year` (editions are biennial since 2008; earlier ones from the list)."""
    if year is None:
        return None
    earlier = [e for e in doc.lex.editions if e < year]
    return earlier[-1] if earlier else year - 2


# ---------------------------------------------------------------- index

def _index_hit(doc: RankDoc, lo: int, hi: int, classes: tuple[str, ...], last: bool):
    hits = [h for h in doc.hits("index", lo, hi) if h[2] in classes]
    return (hits[-1] if last else hits[0]) if hits else None


def _document_index(doc: RankDoc) -> str:
    """"other" when the article names another organisation's index and never the UN survey."""
    classes = doc.index_classes
    return "other" if "other" in classes and not classes & {"overall", "survey"} else "overall"


def _resolve(hit, previous_index: str | None, doc: RankDoc) -> str:
    cls = hit[2]
    if cls == "anaphor":
        if previous_index:
            return previous_index
        before = _index_hit(doc, 0, hit[0], ("overall", "survey", "report", "sub", "other"), last=True)
        cls = before[2] if before else "report"
    if cls == "report":
        return _document_index(doc)
    return {"survey": "overall", "sub_topic": "sub"}.get(cls, cls)


def index_of_table(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """A table's rank column was read as the overall index from its header (items.table_items)."""
    return ("overall", "table_header") if items[n].rule == "table" else None


def index_after(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """The index named right after the rank, or after the last rank of its list:
    "والثامن عالميا في مؤشر الخدمات الذكية"."""
    sentence = doc.sentence(items[n].first)
    all_classes = ("overall", "sub", "sub_topic", "other", "anaphor")  # "في تقرير 2024" names no index
    while True:
        end = items[n].scope_end
        hit = _index_hit(doc, end, min(end + AFTER_INDEX + 1, sentence.last), all_classes, last=False)
        if hit:
            return _resolve(hit, previous_index, doc), "named_after"
        nxt = items[n + 1] if n + 1 < len(items) else None
        if nxt is None or nxt.first - end > NEXT_ITEM or nxt.first >= sentence.last or doc.mentions_in(end, nxt.first):
            return None
        n += 1


def index_in_clause(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """The last index named before the rank in its clause, a topic word included."""
    c = doc.clause(items[n].first)
    hit = _index_hit(doc, c.first, items[n].first, ("overall", "survey", "report", "sub", "sub_topic", "other", "anaphor"), True)
    return (_resolve(hit, previous_index, doc), "named_in_clause") if hit else None


def index_in_sentence(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """The last index named as an index before the rank in its sentence ("في مؤشر المشاركة الرقمية، حيث انتقلت")."""
    s = doc.sentence(items[n].first)
    hit = _index_hit(doc, s.first, items[n].first, ("overall", "survey", "report", "sub", "other", "anaphor"), True)
    return (_resolve(hit, previous_index, doc), "named_in_sentence") if hit else None


def index_continued(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """No index named in the sentence: the index of the rank before it in the article."""
    return (previous_index, "continued") if previous_index else None


def index_of_document(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None):
    """Another organisation's index when the article names one and never the UN survey; else overall."""
    index = _document_index(doc)
    return index, "document" if index == "other" else "assumed"


INDEX_RULES = (index_of_table, index_after, index_in_clause, index_in_sentence, index_continued, index_of_document)


def index_of(doc: RankDoc, items: list[RankItem], n: int, previous_index: str | None) -> tuple[str, str]:
    """overall | sub | other, and the rule that decided."""
    return next(r for rule in INDEX_RULES if (r := rule(doc, items, n, previous_index)) is not None)


# ---------------------------------------------------------------- scope

def scope_stated(doc, items, n, resolved):
    return (items[n].scopes, "stated") if items[n].scopes else None


def scope_uncoded(doc, items, n, resolved):
    """A rank of a region the tables do not code ("الأولى مغاربيا", "الأولى في شمال إفريقيا"): no
    scope, so no claim (never the world by default)."""
    item = items[n]
    if item.scopes:
        return None
    toks = doc.ctx.tokens
    at = item.end
    if at < len(toks) and doc.lex.uncoded_scope.match(toks, at, doc.ctx.text):
        return [], "uncoded"
    return None


def scope_deferred(doc, items, n, resolved):
    """A scope a few words on in the clause: "الترتيب 18 في جاهزية الحكومة الإلكترونية على مستوى العالم"."""
    item = items[n]
    c = doc.clause(item.first)
    stop = min(item.scope_end + DEFERRED_SCOPE + 1, c.last, items[n + 1].first if n + 1 < len(items) else c.last)
    for k in range(item.scope_end, stop):
        if doc.mentions_in(k, k + 1):
            return None
        scopes, _ = scopes_at(doc, k)
        if scopes:
            return scopes, "stated"
    return None


def scope_fronted(doc, items, n, resolved):
    """A scope phrase opening a clause of the rank's sentence, before it and before no other rank:
    "وعلى المستوى العربي، جاءت الأردن في المرتبة الثامنة", "عربيا، حلت ..."."""
    item = items[n]
    s = doc.sentence(item.first)
    lo = max(s.first, items[n - 1].scope_end if n else s.first)
    k = doc.clause(item.first).first
    while k >= lo:
        m = doc.lex.scopes.match(doc.ctx.tokens, k, doc.ctx.text)
        if m and k + m[1] <= item.first:
            return [m[0]], "stated"
        if k == 0:
            break
        k = doc.clause(k - 1).first
    return None


CONTINENT = "continent"  # a scope decided by the rank's state: its continent (extract.claims_from_items)


def scope_before(doc, items, n, resolved):
    """A scope word before the rank: "تراجع ترتيبها العالمي من المركز 53"; "the continental ranking"
    ("متقدمة في التصنيف القاري، لتحتل المرتبة الثالثة") is the continent of the rank's state."""
    s = doc.sentence(items[n].first)
    hits = doc.hits("pre_scope", s.first, items[n].first)
    continental = doc.hits("continental", s.first, items[n].first)
    if continental and (not hits or continental[-1][0] > hits[-1][0]):
        return [CONTINENT], "continental"
    return ([hits[-1][2]], "stated") if hits else None


def scope_from_to(doc, items, n, resolved):
    """The other end of a move: "من المركز 53 إلى المركز 62"."""
    item = items[n]
    if item.from_to == "to" and n > 0 and items[n - 1].from_to == "from" and resolved[n - 1]:
        return resolved[n - 1], "move"
    if item.from_to == "from" and n + 1 < len(items) and items[n + 1].from_to == "to" and items[n + 1].scopes:
        return items[n + 1].scopes, "move"
    return None


def scope_inherited(doc, items, n, resolved):
    """An earlier rank, or the next of a ranked list, has the scope of the rank before it:
    "الثالث آسيويا بعد أن كان ترتيبها الثامن", "تلتها إستونيا ثانياً"."""
    item = items[n]
    if not (is_previous(doc, item) or item.rule in ("adverbial", "listed", "bracketed")) or n == 0 \
            or not resolved[n - 1]:
        return None
    s = doc.sentence(item.first)
    if items[n - 1].first < s.first and doc.sentence(items[n - 1].first).last != s.first:
        return None  # the rank before is not in this sentence or the one just before
    return resolved[n - 1], "inherited"


def scope_gapped(doc, items, n, resolved):
    """A rank whose placing verb is shared with the rank before it (gapping): "جاءت السعودية في
    المركز 36 وقطر في المركز 44", "احتلت المركز 114، والمركز 191 في عام 2012" — only و, at most
    one state and a preposition stand between the two ranks."""
    if n == 0 or not resolved[n - 1]:
        return None
    item, prev = items[n], items[n - 1]
    toks, lex = doc.ctx.tokens, doc.lex
    between = toks[prev.scope_end:item.first]
    # "، والمرتبة 41 في مسح 2024", "... 2012 والمركز 121 في 2014": a rank noun joined by و continues
    # the rank before (no state named between them)
    opens = item.rule == "rank_noun" and toks[item.first].text[:1] in lex.and_words
    joined = between[0].text if between else toks[item.first].text
    if not opens and (joined[:1] not in lex.and_words or len(between) > 6):
        return None
    if doc.sentence(prev.first).first != doc.sentence(item.first).first \
            and doc.sentence(prev.first).last != doc.sentence(item.first).first:
        return None  # the rank before is not in this sentence or the one just before
    states = [a for a in doc.mentions_in(prev.scope_end, item.first)]
    if not states:
        return (resolved[n - 1], "inherited") if len(between) <= 1 or opens else None
    if opens:
        return None
    if states[0] - prev.scope_end > 1 or any(doc.ctx.mention_tokens[a][1] > item.first for a in states):
        return None
    if len(toks[doc.ctx.mention_tokens[states[-1]][1]:item.first]) > 1:
        return None
    return resolved[n - 1], "inherited"


def scope_enumerated(doc, items, n, resolved):
    """A rank that continues a ranked enumeration in its sentence (the rank one above it named
    before, with its scope) takes that scope: "حققت الإمارات المركز الأول عربيا، تليها في المركز
    الثاني البحرين، فيما حلت السعودية في المركز الثالث"."""
    item = items[n]
    s = doc.sentence(item.first)
    for k in range(n - 1, max(-1, n - 1 - ENUMERATION_BACK), -1):
        if items[k].first < s.first:
            return None
        if items[k].rank == item.rank - 1 and resolved[k] and not is_previous(doc, items[k]):
            return resolved[k], "inherited"
    return None


def scope_coordinated(doc, items, n, resolved):
    """The scope of the next rank in a coordination: "عُمان في المركز 41، وقطر في المركز 53 على مستوى العالم"."""
    item = items[n]
    if n + 1 >= len(items) or not items[n + 1].scopes or items[n + 1].first - item.scope_end > 4:
        return None
    between = doc.ctx.tokens[item.scope_end].text
    if not doc.mentions_in(item.scope_end, items[n + 1].first) or between[:1] not in doc.lex.and_words:
        return None  # "وقطر في المركز 53": another state, joined by و
    if doc.sentence(items[n + 1].first).first != doc.sentence(item.first).first:
        return None
    return items[n + 1].scopes, "coordinated"


def scope_assumed_world(doc, items, n, resolved):
    """A placed rank with no scope word, in an article about the survey (the UN survey or its index
    named, or a report with scoped ranks), is a world rank: "البحرين التي حلّت في المركز 18"."""
    item = items[n]
    c = doc.clause(item.first)
    if c.last >= len(doc.ctx.tokens) and c.last - item.scope_end <= CUT_AFTER and doc.ctx.text.rstrip()[-1:].isalnum():
        return None  # the text is cut off right after the rank ("المرتبة الخامسة في آس"): its scope may be lost
    placed = item.from_to or doc.has("placement", max(c.first, item.first - PLACEMENT), item.first)
    survey = bool(doc.index_classes & {"overall", "survey"}) or (
        "report" in doc.index_classes and any(other.scopes for other in items if other is not item))
    return (["world"], "assumed") if placed and survey else None


SCOPE_RULES = (scope_stated, scope_uncoded, scope_deferred, scope_fronted, scope_before, scope_from_to, scope_inherited,
               scope_gapped, scope_enumerated, scope_coordinated, scope_assumed_world)


def scopes_of(doc, items, n, resolved) -> tuple[list[str], str]:
    """The scopes of items[n] and the rule that found them; no scope ("not_stated", "uncoded") drops the rank."""
    return next((r for rule in SCOPE_RULES if (r := rule(doc, items, n, resolved)) is not None), ([], "not_stated"))


# ---------------------------------------------------------------- subject

def subject_structure(doc, item, chain):
    """The state the rank's own structure names: the n-th state of a coordination for the n-th rank
    of a list, the state before a bracketed rank, the one state a leader heads."""
    return (item.subject, "structure") if item.subject else None


def subject_follower(doc, item, chain):
    """After a verb of following, the state named after it: "تليها في المركز الثاني مملكة البحرين",
    "تليها السعودية بالمركز 31" (not the state before, which the verb follows)."""
    c, s = doc.clause(item.first), doc.sentence(item.first)
    hits = doc.hits("follower", c.first, item.first)
    if not hits:
        return None
    verb_end = hits[-1][0] + hits[-1][1]
    if doc.mentions_in(verb_end, item.first):
        return None  # "تلتها إستونيا ثانياً وسنغافورة ثالثاً": the state before the rank
    after = doc.mentions_in(verb_end, s.last)
    return (doc.ctx.mention_at[after[0]].iso3, "named_after") if after else None


def _ranked_in_brackets(doc, a: int) -> bool:
    """Whether the state at token a has its own rank in brackets right after it ("وتونس ( 87)")."""
    toks, b = doc.ctx.tokens, doc.ctx.mention_tokens[a][1]
    return b < len(toks) and toks[b].text.isdigit() and "(" in doc.ctx.text[toks[b - 1].end:toks[b].start]


def _compared_states(doc) -> set[int]:
    """First tokens of the states that others are compared with ("متقدمة على دول مثل اليابان
    وفرنسا"): after a comparison word, or coordinated with such a state; not when a relative clause
    makes one the subject ("على سنغافورة التي حلت في المركز 3"). One pass over the document, memoized."""
    found = doc.ctx.memo.get("rank_compared_states")
    if found is not None:
        return found
    toks, lex, found = doc.ctx.tokens, doc.lex, set()
    previous = None
    for a in doc.mention_first:
        b = doc.ctx.mention_tokens[a][1]
        joined = previous is not None and previous in found and doc.ctx.mention_tokens[previous][1] >= a - 1 \
            and (toks[a].text[:1] in lex.and_words or toks[a - 1].text in lex.and_words)
        after_word = a > 0 and toks[a - 1].text in lex.compared_before
        if (after_word or joined) and not (b < len(toks) and doc.has("relative", b, b + 1)):
            found.add(a)
        previous = a
    doc.ctx.memo["rank_compared_states"] = found
    return found


def subject_before(doc, item, chain):
    """The nearest state named before the rank in its sentence, not one already ranked in brackets
    ("جاء المغرب رابعا مسبوقا بجنوب أفريقيا ( 40) وتونس ( 87)، بعد أن كان يحتل الترتيب الخامس"),
    governed by a preposition, or compared with ("متقدمة على دول مثل اليابان وفرنسا في المركز 18")."""
    s = doc.sentence(item.first)
    compared = _compared_states(doc)
    for a in reversed(doc.mentions_in(s.first, item.first)):
        if doc.ctx.mention_tokens[a][1] <= item.first and (item.rule == "bracketed" or not _ranked_in_brackets(doc, a)) \
                and a not in doc.governed and a not in compared:
            return doc.ctx.mention_at[a].iso3, "named_before"
    return None


def subject_city(doc, item, chain):
    """A city named last before the rank in its clause holds the rank ("احتلت مدينة الرياض المركز
    الثالث" in a city index): no state's claim (country empty, the claim dropped)."""
    c = doc.clause(item.first)
    cities = doc.city_first[bisect_left(doc.city_first, c.first):bisect_left(doc.city_first, item.first)]
    states = [a for a in doc.mentions_in(c.first, item.first)]
    if cities and (not states or cities[-1] > states[-1]):
        return "", "city"
    return None


def subject_chain(doc, item, chain):
    """The state of the rank before it in the same sentence."""
    if chain and doc.sentence(chain[1]).first == doc.sentence(item.first).first:
        return chain[0], "chain"
    return None


def subject_after(doc, item, chain):
    """A state named after the rank in its sentence, not as a comparison: "ومع حلولها في المركز
    السادس عالمياً، قفزت السعودية" (not "متقدمة على الإمارات")."""
    s = doc.sentence(item.first)
    for a in doc.mentions_in(item.scope_end, s.last):
        if a == 0 or doc.ctx.tokens[a - 1].text not in doc.lex.not_subject_before:
            return doc.ctx.mention_at[a].iso3, "named_after"
    return None


def subject_document(doc, item, chain):
    """The state the article names most, not counting comparisons ("متقدمة على الإمارات"); a title
    alone ("السلطنة") counts; Bahrain when none."""
    found = doc.ctx.memo.get("rank_document_subject")
    if found is None:
        toks, cmp = doc.ctx.tokens, doc.lex.not_subject_before
        counts = Counter(doc.ctx.mention_at[a].iso3 for a in doc.mention_first if a == 0 or toks[a - 1].text not in cmp)
        counts.update(doc.lex.titles[t.text] for t in doc.ctx.tokens if t.text in doc.lex.titles)
        found = doc.ctx.memo["rank_document_subject"] = (
            (counts.most_common(1)[0][0], "document") if counts else ("BHR", "assumed"))
    return found


SUBJECT_RULES = (subject_structure, subject_follower, subject_city, subject_before, subject_chain, subject_after, subject_document)


def subject_of(doc, item, chain) -> tuple[str, str]:
    """ISO3 of the state the rank is about, and the rule that found it."""
    return next(r for rule in SUBJECT_RULES if (r := rule(doc, item, chain)) is not None)


# ---------------------------------------------------------------- year

def is_previous(doc: RankDoc, item: RankItem) -> bool:
    """An earlier rank: "بعد أن كانت في المركز الثاني", "في المركز 36 سابقا", "من المركز 53"."""
    c = doc.clause(item.first)
    return (item.previous or item.from_to == "from"
            or any(not _cue_takes_a_year(doc, h, item.first)
                   for h in doc.hits("previous", max(c.first, item.first - PREVIOUS_BEFORE), item.first))
            or doc.has("previous_after", item.scope_end, item.scope_end + 1))


def _cue_takes_a_year(doc: RankDoc, hit, stop: int) -> bool:
    """Whether a comparison cue before a rank is followed by a year instead ("تراجعت مقارنة ب 2020
    تصدرتها سوريا التي احتلت المركز 156": the year is compared, the rank is the current one)."""
    end = hit[0] + hit[1]
    return any(a < stop for a, _, _ in doc.dates_in(end, end + 2))


def years_after(doc: RankDoc, item: RankItem, stop: int) -> list[tuple[int, bool]]:
    """(year, is_comparison) of the years written after the rank in its clause, before `stop`."""
    c = doc.clause(item.first)
    out = []
    toks, text = doc.ctx.tokens, doc.ctx.text
    for a, b, d in doc.dates_in(item.scope_end, min(item.scope_end + YEAR_AFTER + 1, c.last, stop)):
        if "(" in text[toks[item.scope_end - 1].end:toks[a].start]:
            break  # "89 عالميا (100 في 2022)": a year in a bracket after the rank is the bracket's
        if d.month is None and plausible_edition(doc, d.year):
            compared = doc.has("compare", a - 3, a) or (a > 0 and doc.ctx.tokens[a - 1].text in doc.lex.range_start)
            out.append((d.year, compared))
    return out


def year_stated_after(doc, item, stop, previous):
    for year, compared in years_after(doc, item, stop):
        if previous or not compared:
            return year, "stated"
    return None


def year_stated_before(doc, item, lo, previous):
    """A report year before the rank: "وبحسب تقرير 2010 حلت"; "تصنيف العام 2016م، والذي حصلت فيه";
    a year with its year word in the rank's own clause: "احتلت في عام 2018 المركز 140"."""
    ctx = doc.ctx
    c, s = doc.clause(item.first), doc.sentence(item.first)
    found = None
    for a, b, d in doc.dates_in(max(s.first, lo), item.first):
        if d.month is not None or not plausible_edition(doc, d.year):
            continue
        # "احتلت في عام 2018 المركز 140": in the rank's clause, with no earlier rank in that clause
        # ("مقارنة بتصنيف عام 2018" is a compared year; "وكانت قد احتلت في عام 2010" is the rank's)
        compared = any(ctx.tokens[h[0]].text not in doc.lex.was for h in doc.hits("compare", a - 3, a))
        in_clause = (a >= c.first and lo <= c.first and doc.has("year_word", a - 2, a)
                     and ctx.tokens[a - 1].text not in doc.lex.range_start and not compared)
        if not (doc.has("survey", a - SURVEY_BEFORE, a) or in_clause):
            continue
        # the rank's clause elaborates the year's ("ويعد ترتيبها في عام 2010 الأفضل، حيث احتلت المركز 114")
        elaborates = doc.has("elaboration", c.first, c.first + 1) and lo <= c.first
        if a >= c.first or doc.has("relative", b, b + 3) or elaborates:
            found = d.year
    return (found, "stated") if found is not None else None


def year_of(doc, item, stop, lo, edition: Edition) -> tuple[int | None, str]:
    """stated | previous_edition | edition | publication_date | not_stated."""
    previous = is_previous(doc, item)
    got = year_stated_after(doc, item, stop, previous) or year_stated_before(doc, item, lo, previous)
    if got:
        return got
    if previous:
        return previous_edition(doc, edition.year), "previous_edition"
    if edition.year is None:
        return None, "not_stated"
    return edition.year, "publication_date" if edition.basis == "publication_date" else "edition"


def kept_comparison(doc: RankDoc, item: RankItem, stop: int) -> int | None:
    """A kept rank with its comparison year ("حافظت على ترتيبها الـ50 مقارنة بـ2020"): that year."""
    c = doc.clause(item.first)
    if not doc.has("kept", max(c.first, item.first - 4), item.first):
        return None
    compared = [y for y, is_cmp in years_after(doc, item, stop) if is_cmp]
    return compared[0] if compared else None
