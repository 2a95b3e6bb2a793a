"""Rank expressions in a document: each found by one named rule, in one left-to-right pass.

A rank expression is a rank with the scope words that follow it ("المركز الثالث عشر عالميا",
"والـ50 دوليا", "إستونيا ثانياً"). What the rank is about (index, scope, country, year) is decided
later by core/rankings/rules.py. Every lookup here is a fixed window around the token, or a bisect in
positions computed once per document (RankDoc), so the pass is linear in the document.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field

from core.text.context import DocContext
from core.text.gazetteer import gazetteer
from core.text.numbers import number_at_word, parse_number
from core.text.phrases import MEMO_MAX, PhraseMatcher
from core.rankings.lexicon import RankLexicon, rank_lexicon

MAX_RANK = 200
# Every edition of the UN survey ranks far more states than this (184 in 2010, the fewest; 191-193 in
# the others: the editions' own counts, as in the official series): a count this large is the world,
# a smaller one a group of states.
WORLD_COUNT = 170
RELATIVE_RANK = 10  # "مرتبته ... والتي كانت 155": a rank noun this far before the relative
CHAIN_GAP = 2      # tokens allowed between one rank and the next item of its chain


@dataclass
class RankItem:
    rank: int
    first: int          # first token of the rank expression (rank noun, number or ordinal)
    end: int            # token after the number
    scope_end: int      # token after the stated scopes
    scopes: list[str]
    rule: str           # the rule that found it (rank_noun, chained, placed_ordinal, adverbial, leader, was_number)
    previous: bool = False  # found as an earlier rank ("كانت 41 عام 2012")
    from_to: str = ""       # "from" / "to" in "من المركز 53 إلى المركز 62"
    subject: str = ""       # the state the structure itself gives (a list's n-th state, a bracket's state)


@dataclass
class RankDoc:
    """The document seen by the ranking rules: the context plus cue positions found once."""

    ctx: DocContext
    lex: RankLexicon
    cues: dict[str, list[tuple[int, int, object]]] = field(default_factory=dict)  # group -> (pos, len, value)
    cue_pos: dict[str, list[int]] = field(default_factory=dict)
    mention_first: list[int] = field(default_factory=list)     # sorted first tokens of state mentions
    mention_last: set[int] = field(default_factory=set)        # last token of each state mention
    city_first: list[int] = field(default_factory=list)        # sorted first tokens of city mentions
    governed: set[int] = field(default_factory=set)            # state mentions after a preposition clitic ("بالسعودية")
    date_pos: list[int] = field(default_factory=list)          # first token of each date, sorted
    index_classes: frozenset = frozenset()                     # the index classes the document names
    sentence_at: list = field(default_factory=list, repr=False)  # token -> its sentence (Segment)
    clause_at: list = field(default_factory=list, repr=False)    # token -> its clause (Segment)

    @classmethod
    def build(cls, ctx: DocContext) -> "RankDoc":
        doc = cls(ctx, rank_lexicon())
        matchers: dict[str, PhraseMatcher] = dict(doc.lex.matchers)
        matchers["index"] = doc.lex.indexes
        doc.cues = _find_cues(ctx, matchers)
        doc.cue_pos = {group: [h[0] for h in hits] for group, hits in doc.cues.items()}
        # a state name inside a region's name ("المغرب العربي") names no state
        inside = {k for a, length, _ in doc.cues["uncoded_scope"] for k in range(a, a + length)}
        names = sorted((a, b) for a, b in ctx.mention_tokens.values()
                       if ctx.mention_at[a].via in ("name", "demonym") and a not in inside)
        doc.mention_first = [a for a, _ in names]
        doc.mention_last = {b - 1 for _, b in names}
        doc.city_first = sorted(a for a, m in ctx.mention_at.items() if m.via == "city")
        doc.governed = {a for a, _ in names if _governed(doc, ctx.tokens[a].text)}
        doc.date_pos = [a for a, _, _ in ctx.date_tokens]
        doc.index_classes = frozenset(h[2] for h in doc.cues["index"])
        doc.sentence_at = [seg for seg in ctx.sentences for _ in range(seg.first, seg.last)]
        doc.clause_at = [seg for seg in ctx.clauses for _ in range(seg.first, seg.last)]
        return doc

    def sentence(self, i: int):
        """The sentence of token i (a lookup: rules ask for it many times per rank)."""
        return self.sentence_at[i]

    def clause(self, i: int):
        return self.clause_at[i]

    def hits(self, group: str, lo: int, hi: int) -> list[tuple[int, int, object]]:
        """Cue matches of `group` that start in tokens[lo:hi], left to right."""
        pos = self.cue_pos[group]
        return self.cues[group][bisect_left(pos, lo):bisect_left(pos, max(lo, hi))]

    def has(self, group: str, lo: int, hi: int) -> bool:
        pos = self.cue_pos[group]
        k = bisect_left(pos, max(lo, 0))
        return k < len(pos) and pos[k] < hi

    def mentions_in(self, lo: int, hi: int) -> list[int]:
        """First tokens of the state mentions that start in tokens[lo:hi]."""
        return self.mention_first[bisect_left(self.mention_first, lo):bisect_left(self.mention_first, max(lo, hi))]

    def dates_in(self, lo: int, hi: int):
        """(first, last, DateMention) of the dates that start in tokens[lo:hi]."""
        dt = self.ctx.date_tokens
        return dt[bisect_left(self.date_pos, lo):bisect_right(self.date_pos, hi - 1)]


def _governed(doc: RankDoc, token: str) -> bool:
    """Whether a state's first token carries a preposition clitic (ب، ل، ك, after و or ف): "بالسعودية"
    is governed by a preposition, so not the subject of the verb ("ولحقت الإمارات بالسعودية")."""
    first = gazetteer().first
    if token in first:
        return False
    if token[:1] in doc.lex.conjunction_clitics:
        token = token[1:]
        if token in first:
            return False  # "ولبنان": a conjunction only
    return token[:1] in doc.lex.preposition_clitics and token[1:] != ""


_CUE_STARTS: dict[tuple[str, ...], dict[str, tuple[str, ...]]] = {}
_ITEM_STARTS: dict[str, bool] = {}


def _find_cues(ctx: DocContext, matchers: dict[str, PhraseMatcher]) -> dict[str, list[tuple[int, int, object]]]:
    """Non-overlapping matches of every cue group, in one pass over the tokens: a token is tried
    only by the groups one of whose phrases it can start (most tokens start none)."""
    toks, text = ctx.tokens, ctx.text
    hits: dict[str, list[tuple[int, int, object]]] = {g: [] for g in matchers}
    free = dict.fromkeys(matchers, 0)  # the first token each group may match at again
    # token -> groups it can start: the lexicons are loaded once per process, so the memo is kept
    # across documents (bounded like the phrase matchers' own memos)
    starts = _CUE_STARTS.setdefault(tuple(sorted(matchers)), {})
    if len(starts) >= MEMO_MAX:
        starts.clear()
    for i, tok in enumerate(toks):
        groups = starts.get(tok.text)
        if groups is None:
            groups = starts[tok.text] = tuple(g for g, m in matchers.items() if m.first_variants(tok.text))
        for g in groups:
            if i < free[g]:
                continue
            # index phrases may run across quotes and brackets ("مؤشر ال «ويب»"); cue words may not
            m = matchers[g].match(toks, i, None if g == "index" else text)
            if m:
                hits[g].append((i, m[1], m[0]))
                free[g] = i + m[1]
    return hits


def _number_at(doc: RankDoc, j: int, joiners: int = 0):
    """(value, first token, token after, ordinal) of a number at tokens[j], after up to `joiners`
    tokens of و / ال ("و ال 50"); None when there is none."""
    toks = doc.ctx.tokens
    start = j
    while joiners and j < len(toks) and toks[j].text in doc.lex.joiners and j + 1 < len(toks):
        j, joiners = j + 1, joiners - 1
    if j >= len(toks):
        return None
    if j > start and not toks[j].text.isdigit():
        return None  # a joiner only before digits ("والـ 49"); "والثالث" is one token
    num = parse_number(toks, j)
    if num is None or not 1 <= num.value <= MAX_RANK:
        return None
    return num.value, start, num.last, num.ordinal


def _counted_scope(doc: RankDoc, k: int):
    """("world", length) for "من أصل 193 دولة", "من بين 193 بلدا": a phrase of counting, a number
    and a noun of states — the whole phrase, so the number of states is never read as a rank."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    m = doc.lex.count_scope.match(toks, k, text)
    if not m:
        return None
    j = k + m[1]
    num = parse_number(toks, j) if j < len(toks) else None
    if num is None or num.value < WORLD_COUNT or num.last >= len(toks) or not doc.lex.count_noun.match(toks, num.last, text):
        return None  # "من بين 21 دولة عربية", "من بين 47 دولة ... بقارة آسيا": a smaller group
    return "world", num.last + doc.lex.count_noun.match(toks, num.last, text)[1] - k


def scopes_at(doc: RankDoc, k: int) -> tuple[list[str], int]:
    """Scopes that follow a rank ("عربيا و خليجيا"; "عالميا والثالث" stops at the next ordinal)."""
    toks, lex = doc.ctx.tokens, doc.lex
    scopes: list[str] = []
    if 0 < k < len(toks) and toks[k - 1].text in lex.subregion:
        return scopes, k  # "في شمال إفريقيا": a part of the region is not the region's scope
    lead = lex.scope_lead.match(toks, k, doc.ctx.text) if k < len(toks) else None
    if lead and k + lead[1] < len(toks) and lex.scopes.match(toks, k + lead[1], doc.ctx.text):
        k += lead[1]  # "الثانية عشرة كأفضل دولة في آسيا": the scope after "as the best state"
    uncoded = lex.uncoded_scope.match(toks, k, doc.ctx.text) if k < len(toks) else None
    if uncoded:  # "الأولى على مستوى المغرب العربي والثالثة أفريقيا": passed over, no scope
        return scopes, k + uncoded[1]
    while k < len(toks):
        if scopes and doc.ctx.text[toks[k - 1].end:toks[k].start].strip() not in lex.scope_gaps:
            break  # a list of scopes does not run across a full stop or a bracket
        counted = _counted_scope(doc, k)
        if counted and scopes:  # "التاسع عربياً من بين 193 دولة": the count of the survey, no second scope
            k += counted[1]
            continue
        m = counted or lex.scopes.match(toks, k, doc.ctx.text)
        if m is None and scopes and toks[k].text in lex.and_words and k + 1 < len(toks):
            m = lex.scopes.match(toks, k + 1, doc.ctx.text)
            if m:
                k += 1
        if not m:
            break
        if m[0] not in scopes:
            scopes.append(m[0])
        k += m[1]
    return scopes, k


def _item(doc: RankDoc, got, rule: str, need_scope: bool) -> RankItem | None:
    value, first, end, _ = got
    scopes, scope_end = scopes_at(doc, end)
    if need_scope and not scopes:
        return None
    return RankItem(value, first, end, scope_end, scopes, rule)


def rule_rank_noun(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """A rank noun and its number: "المركز 18", "المرتبة الـ18", "مرتبتها الثانية", "المرتبة70"."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    trig = doc.lex.trigger.match(toks, i, text)
    if not trig:
        return None
    j = i + trig[1]
    got = _number_at(doc, j, joiners=1)
    if got is None or j >= len(toks) or text[toks[j - 1].end:toks[j].start].strip(" ("):
        return None
    item = _item(doc, got, "rank_noun", need_scope=False)
    item.first = i
    return item


def _previous_around(doc: RankDoc, i: int, end: int) -> bool:
    return doc.has("previous", i - 2, i) or doc.has("previous_after", end, end + 1)


def rule_chained(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """The next item of a chain: "... عربيا والـ49 عالميا", "والثالثة آسيوياً، بدل الثامنة قبل عامين"."""
    toks = doc.ctx.tokens
    if last is None or i - last.scope_end > CHAIN_GAP or i == 0 or doc.has("not_rank_before", i - 1, i):
        return None
    got = _number_at(doc, i, joiners=2)
    if got is None:
        return None
    tok = toks[i].text
    digits_after_wa = got[1] < got[2] - 1 or tok in doc.lex.joiners  # "و 49", "وال 49"
    if last.rule == "was_number" and doc.dates_in(got[2], got[2] + 2):
        item = _item(doc, got, "chained", need_scope=False)
        item.previous = True
        return item
    if not (got[3] or digits_after_wa):
        return None
    return _item(doc, got, "chained", need_scope=not _previous_around(doc, i, got[2]))


def rule_placed_ordinal(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """An ordinal after a placing verb or a state, with a scope: "حلت الإمارات الثانية عربيا",
    "البحرين الـ18 عالمياً"."""
    if i == 0 or doc.has("not_rank_before", i - 1, i):
        return None
    prev = doc.ctx.tokens[i - 1].text
    if prev not in doc.lex.verbs and (i - 1) not in doc.mention_last:
        return None
    got = _number_at(doc, i, joiners=1)
    if got is None or not (got[3] or got[1] < got[2] - 1):
        return None  # an ordinal word, or digits with the article ("البحرين الـ18 عالمياً")
    return _item(doc, got, "placed_ordinal", need_scope=True)


def rule_adverbial(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """An adverbial ordinal after a state, in a sentence already ranking: "تلتها إستونيا ثانياً"."""
    rank = doc.lex.adverbial.get(doc.ctx.tokens[i].text)
    if rank is None or (i - 1) not in doc.mention_last or last is None:
        return None
    if doc.sentence(last.first).first != doc.sentence(i).first:
        return None
    scopes, scope_end = scopes_at(doc, i + 1)
    return RankItem(rank, i, i + 1, scope_end, scopes, "adverbial")


def _single_state(doc: RankDoc, a: int) -> bool:
    """Whether the state mention at token a stands alone, not in a coordination of states
    ("تصدرت السعودية والإمارات والبحرين القائمة" is a group at the top, not one leader)."""
    toks, lex = doc.ctx.tokens, doc.lex
    b = doc.ctx.mention_tokens[a][1]
    after = b + (1 if b < len(toks) and toks[b].text in lex.and_words else 0)
    if doc.mentions_in(after, after + 1) and (after > b or toks[after].text[:1] in lex.and_words):
        return False
    before = [x for x in doc.mentions_in(max(0, a - 3), a) if doc.ctx.mention_tokens[x][1] >= a - 1]
    return not (before and toks[a].text[:1] in lex.and_words or
                before and toks[a - 1].text in lex.and_words)


def _led_scopes(doc: RankDoc, k: int) -> tuple[list[str], int]:
    """The scope of what a leader heads, at token k: a scope phrase ("عربيا") or a group ("الدول العربية")."""
    toks = doc.ctx.tokens
    if k < len(toks) and toks[k].text in doc.lex.leader_skip and not doc.lex.led_groups.match(toks, k, doc.ctx.text):
        k += 1
    if k >= len(toks):
        return [], k
    group = doc.lex.led_groups.match(toks, k, doc.ctx.text)
    if group:
        more, end = scopes_at(doc, k + group[1])
        return [group[0]] + [m for m in more if m != group[0]], end
    return scopes_at(doc, k)


def rule_leader(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """Rank 1 without a number: a noun of leading after one state named in the clause ("كانت
    الإمارات في ريادة الدول عربيا", "جاءت البحرين في صدارة الدول العربية", "على رأس دول الخليج"),
    or a verb of leading with its state ("تصدرت البحرين دول الخليج"); the scope is the group led
    ("الدول العربية": arab). Not a group of states at the top, nor "تقدم دول المجلس في ريادة منطقة"."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    m = doc.lex.leader.match(toks, i, text)
    if m:
        states = [a for a in doc.mentions_in(doc.clause(i).first, i) if doc.ctx.mention_tokens[a][1] <= i]
        if not states or not _single_state(doc, states[-1]):
            return None
        subject = states[-1]
        k = i + m[1]
    else:
        m = doc.lex.lead_verb.match(toks, i, text)
        if not m:
            return None
        k = i + m[1]
        if doc.mentions_in(k, k + 1):  # "تصدرت البحرين دول الخليج"
            subject = k
            k = doc.ctx.mention_tokens[k][1]
        else:  # "البحرين التي تصدرت القائمة العربية"
            states = [a for a in doc.mentions_in(doc.clause(i).first, i) if doc.ctx.mention_tokens[a][1] <= i]
            if not states or i - doc.ctx.mention_tokens[states[-1]][1] > 1:
                return None
            subject = states[-1]
        if not _single_state(doc, subject):
            return None
    scopes, scope_end = _led_scopes(doc, k)
    if not scopes:
        return None
    return RankItem(1, i, i + m[1], scope_end, scopes, "leader", subject=doc.ctx.mention_at[subject].iso3)


def rule_leader_gapped(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """The next state of a coordination sharing the leading word: "تصدر جنوب إفريقيا لقارة أفريقيا،
    والولايات المتحدة للأميركيتين" (rank 1 in the group it is joined to)."""
    toks = doc.ctx.tokens
    if last is None or last.rule != "leader" or i - last.scope_end > 1 or toks[i].text[:1] not in doc.lex.and_words:
        return None
    if i not in doc.ctx.mention_tokens or not doc.mentions_in(i, i + 1):
        return None
    k = doc.ctx.mention_tokens[i][1]
    scopes, scope_end = _led_scopes(doc, k)
    if not scopes or not doc.lex.led_groups.match(toks, k, doc.ctx.text):
        return None  # only a group led ("للأميركيتين"), not any scope word
    return RankItem(1, i, k, scope_end, scopes, "leader", subject=doc.ctx.mention_at[i].iso3)


def rule_was_number(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """An earlier rank as a bare number or ordinal with its year: "بينما كانت 41 عام 2012", "بعد أن
    كانت رابعة سنة 2022"; a rank reached as a bare number with its year: "ثم قفزت إلى 43 عام 2020"."""
    toks = doc.ctx.tokens
    # "ثم قفزت إلى 43 عام 2020": a bare number after a verb of moving and إلى, with its year
    moved = i > 1 and toks[i - 1].text in doc.lex.to_words and doc.has("placement", i - 2, i - 1) \
        and toks[i].text.isdigit()
    if i == 0 or not (toks[i - 1].text in doc.lex.was or moved):
        return None
    got = _number_at(doc, i)
    if moved:
        if got is None or not doc.dates_in(got[2], got[2] + 2):
            return None
        return _item(doc, got, "moved_to_number", need_scope=False)
    # "عن مرتبته في التقرير السابق الصادر عام 2018 والتي كانت 155": a relative after a rank noun
    about_rank = i > 1 and toks[i - 2].text in doc.lex.relative_words and any(
        doc.lex.trigger.first_variants(t.text) for t in toks[max(doc.clause(i).first, i - RELATIVE_RANK):i - 2])
    if got is None or not (doc.dates_in(got[2], got[2] + 2) or about_rank):
        return None
    item = _item(doc, got, "was_number", need_scope=False)
    item.previous = True
    return item


def coordinated_states(doc: RankDoc, lo: int, end: int, count: int) -> list[int] | None:
    """First tokens of the `count` states named last before token `end` (from `lo`), when they form
    one coordination ("عمان والكويت", "السودان، وتونس", "قطر ثم الكويت") that is not the tail of a longer one."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    k = bisect_left(doc.mention_first, end)  # only the last few states before `end` can be the list
    firsts = [a for a in doc.mention_first[max(0, k - count - 1):k] if a >= lo and doc.ctx.mention_tokens[a][1] <= end]
    if len(firsts) < count:
        return None
    chosen = firsts[-count:]
    if not _one_coordination(doc, chosen):
        return None
    if len(firsts) > count:  # the list is the whole coordination, not its tail
        before = firsts[-count - 1]
        if _one_coordination(doc, [before, chosen[0]]):
            return None
    return chosen


def _one_coordination(doc: RankDoc, firsts: list[int]) -> bool:
    """Whether the states at these first tokens are joined as one list: only و / ثم (alone or as a
    clitic) or a comma between each and the next."""
    toks, text, joiners = doc.ctx.tokens, doc.ctx.text, doc.lex.and_words | doc.lex.list_joiners
    for a, b in zip(firsts, firsts[1:]):
        stop = doc.ctx.mention_tokens[a][1]
        if stop > b or any(t.text not in joiners for t in toks[stop:b]):
            return False
        if any(text[toks[k - 1].end:toks[k].start].strip() not in doc.lex.scope_gaps for k in range(stop, b + 1)):
            return False  # a bracket or a full stop between two states ends the coordination
    return True


def coordinated_states_after(doc: RankDoc, k: int, end: int, count: int) -> list[int] | None:
    """The `count` states named first after token k (up to `end`), after at most "كل من", when they
    form one coordination: "جاءت في المركزين 55 و103 كل من السودان وتونس"."""
    firsts = [a for a in doc.mentions_in(k, end)][:count]
    if len(firsts) < count or firsts[0] - k > 2 or not _one_coordination(doc, firsts):
        return None
    return firsts


def rule_rank_list(doc: RankDoc, i: int, last: RankItem | None) -> list[RankItem] | None:
    """A list of ranks for a coordination of states, in order: a dual or plural rank noun
    ("عمان والكويت في المركزين 48 و49", "في المراتب الأولى والثانية والثالثة"), or any rank noun
    with "على التوالي" ("حلتا في المركز 5 و20 على التوالي"). Each rank goes to the state in the same
    place of the coordination before it; with no such coordination, nothing (a top-N group)."""
    toks, text, lex = doc.ctx.tokens, doc.ctx.text, doc.lex
    trig = lex.trigger_list.match(toks, i, text)
    dual = trig is not None
    if not dual:
        trig = lex.trigger.match(toks, i, text)
        if not trig:
            return None
    j = i + trig[1]
    numbers = []
    while j < len(toks):
        got = _number_at(doc, j, joiners=1 if numbers else 0)
        if got is None or (numbers and text[toks[j - 1].end:toks[j].start].strip() not in lex.scope_gaps):
            break
        if numbers and not (got[1] < got[2] - 1 or toks[j].text[:1] in lex.and_words or
                            text[toks[j - 1].end:toks[j].start].strip() in lex.scope_gaps - {""}):
            break  # the next number of the list is joined by و or a comma
        numbers.append(got)
        j = got[2]
    if len(numbers) < 2:
        return None
    end = numbers[-1][2]
    resp = lex.respectively.match(toks, end, text) if end < len(toks) else None
    k = end + (resp[1] if resp else 0)
    scopes, scope_end = scopes_at(doc, k)
    if not resp and scope_end < len(toks) and (resp := lex.respectively.match(toks, scope_end, text)):
        scope_end += resp[1]
    if not (dual or resp):
        return None
    states = coordinated_states(doc, doc.sentence(i).first, i, len(numbers)) \
        or coordinated_states_after(doc, scope_end, doc.clause(i).last, len(numbers))
    if states is None:
        return None
    return [RankItem(value, first if n else i, after, scope_end, list(scopes), "listed",
                     subject=doc.ctx.mention_at[state].iso3)
            for n, ((value, first, after, _), state) in enumerate(zip(numbers, states))]


def rule_bracketed_earlier(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """An earlier rank in brackets right after a rank, with its year: "المرتبة 89 عالميا (100 في 2022)"."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    if last is None or last.scope_end != i or "(" not in text[toks[i - 1].end:toks[i].start]:
        return None
    got = _number_at(doc, i)
    if got is None or got[3]:
        return None
    dates = doc.dates_in(got[2], got[2] + 3)
    if not dates or ")" not in text[toks[dates[0][1] - 1].end:toks[dates[0][1]].start if dates[0][1] < len(toks) else None]:
        return None
    item = RankItem(got[0], i, got[2], got[2], [], "bracketed_earlier", previous=True)
    return item


def rule_bracketed(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """A rank in brackets right after a state: "البحرين (18 عالميا) الإمارات (32) والسعودية (36)"."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    if i == 0 or (i - 1) not in doc.mention_last or "(" not in text[toks[i - 1].end:toks[i].start]:
        return None
    got = _number_at(doc, i)
    if got is None or got[3]:
        return None

    def closes(k: int) -> bool:  # a ")" right after token k-1
        return ")" in (text[toks[k - 1].end:toks[k].start] if k < len(toks) else text[toks[-1].end:])

    if closes(got[2]):  # "(43) عالميا": the list's scope after its bracket, if any
        scopes, scope_end = scopes_at(doc, got[2])
    else:  # "(18 عالميا)"
        scopes, scope_end = scopes_at(doc, got[2])
        if not scopes or not closes(scope_end):
            return None  # "(18 نقطة)": only a number, with its scope at most, in the bracket
    k = bisect_left(doc.mention_first, i)  # the state that ends right before the bracket
    state = next(a for a in reversed(doc.mention_first[max(0, k - 2):k]) if doc.ctx.mention_tokens[a][1] == i)
    return RankItem(got[0], i, got[2], scope_end, scopes, "bracketed", subject=doc.ctx.mention_at[state].iso3)


ITEM_RULES = (rule_rank_list, rule_rank_noun, rule_leader, rule_leader_gapped, rule_chained, rule_was_number, rule_bracketed,
              rule_bracketed_earlier,
              rule_placed_ordinal, rule_adverbial)


def _item_starts(doc: RankDoc):
    """A test for tokens that may start a rank expression (a rank noun, a leader noun, digits, a
    number word, an adverbial ordinal, "كانت"); memoized per distinct token, across documents."""
    lex, memo = doc.lex, _ITEM_STARTS
    if len(memo) >= MEMO_MAX:
        memo.clear()

    def could_start(token: str) -> bool:
        found = memo.get(token)
        if found is None:
            found = memo[token] = bool(
                token.isdigit() or token in lex.joiners or token in lex.adverbial or token in lex.was
                or lex.trigger.first_variants(token) or lex.trigger_list.first_variants(token)
                or lex.leader.first_variants(token) or lex.lead_verb.first_variants(token) or number_at_word(token))
        return found
    return could_start


def _table_rows(text: str):
    """Runs of consecutive lines written as a pipe table ("| a | b |"): each a list of rows, each row
    a list of (start, end) cell spans in the text."""
    tables, current, pos = [], [], 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if stripped.startswith("|"):
            lead = pos + line.index("|")
            cells, start = [], lead + 1
            for k in range(lead + 1, pos + len(line.rstrip("\r\n"))):
                if text[k] == "|":
                    cells.append((start, k))
                    start = k + 1
            tail = pos + len(line.rstrip("\r\n"))
            if text[start:tail].strip():
                cells.append((start, tail))  # a row cut before its closing bar
            current.append(cells)
        elif current:
            tables.append(current)
            current = []
        pos += len(line)
    if current:
        tables.append(current)
    return tables


def table_items(doc: RankDoc) -> list[RankItem]:
    """Ranks in a pipe table: a header cell that is a scoped rank of the overall index ("الترتيب
    العربي", "الترتيب العالمي العام"; not "الترتيب في مؤشر الخدمات الإلكترونية") makes its column a
    rank column, and each row whose first cell is a state gives that state the number in the column."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    if "|" not in text:
        return []
    starts = [t.start for t in toks]

    def cell_tokens(span):
        return bisect_left(starts, span[0]), bisect_left(starts, span[1])

    items = []
    for rows in _table_rows(text):
        header, columns = rows[0], {}
        for c, span in enumerate(header):
            a, b = cell_tokens(span)
            if a >= b:
                continue
            scoped = doc.lex.pre_scopes.match(toks, a, text)
            if scoped and not any(h[2] in ("sub", "sub_topic", "other") for h in doc.hits("index", a, b)):
                columns[c] = scoped[0]
        for row in rows[1:]:
            if not row or not columns:
                continue
            a, b = cell_tokens(row[0])
            states = [m for m in doc.mentions_in(a, b) if doc.ctx.mention_tokens[m][1] <= b]
            if len(states) != 1:
                continue
            for c, scope in columns.items():
                if c >= len(row):
                    continue
                a, b = cell_tokens(row[c])
                if b - a != 1 or not toks[a].text.isdigit() or not 1 <= int(toks[a].text) <= MAX_RANK:
                    continue
                items.append(RankItem(int(toks[a].text), a, a + 1, a + 1, [scope], "table",
                                      subject=doc.ctx.mention_at[states[0]].iso3))
    return items


def find_items(doc: RankDoc) -> list[RankItem]:
    """Every rank expression, left to right; the first rule of ITEM_RULES that fires at a token wins."""
    toks = doc.ctx.tokens
    items: list[RankItem] = []
    i = 0
    could_start = _item_starts(doc)
    while i < len(toks):
        if not could_start(toks[i].text) and not (items and items[-1].rule == "leader" and i - items[-1].scope_end <= 1):
            i += 1
            continue
        last = items[-1] if items else None
        found = next((it for rule in ITEM_RULES if (it := rule(doc, i, last)) is not None), None)
        if found is None:
            i += 1
            continue
        for item in found if isinstance(found, list) else [found]:
            before = toks[item.first - 1].text if item.first > 0 else ""
            item.from_to = "from" if before in doc.lex.from_words else "to" if before in doc.lex.to_words else ""
            items.append(item)
        i = max(items[-1].scope_end, i + 1)
    table = table_items(doc)
    if table:
        taken = {item.first for item in items}
        items = sorted(items + [t for t in table if t.first not in taken], key=lambda item: item.first)
    return items
