"""The document seen by the ranking rules (cue positions found once) and the rank expression record."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import chain, repeat

from core.text.context import DocContext
from core.text.gazetteer import gazetteer
from core.text.lexindex import kind
from core.text.morphology import stems
from core.text.phrases import MEMO_MAX, PhraseMatcher
from core.rankings.lexicon import RankLexicon, rank_lexicon

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
    mention_first: list[int] = field(default_factory=list)     # sorted first tokens of state mentions (with "المملكة" read as a state)
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
        doc.cues = _find_cues(ctx, cue_matchers())
        doc.cue_pos = {group: [h[0] for h in hits] for group, hits in doc.cues.items()}
        # a state name inside a region's name ("المغرب العربي") names no state
        inside = {k for a, length, _ in doc.cues["uncoded_scope"] for k in range(a, a + length)}
        names = sorted((a, b) for a, b in ctx.mention_tokens.values()
                       if ctx.mention_at[a].via in ("name", "demonym", "short_form") and a not in inside)
        doc.mention_first = [a for a, _ in names]
        doc.mention_last = {b - 1 for _, b in names}
        doc.city_first = sorted(a for a, m in ctx.mention_at.items() if m.via == "city")
        doc.governed = {a for a, _ in names if _governed(doc, ctx.tokens[a].text)}
        doc.date_pos = [a for a, _, _ in ctx.date_tokens]
        doc.index_classes = frozenset(h[2] for h in doc.cues["index"])
        # the context's lists when the segments follow one another (the same lists), else built here
        doc.sentence_at = ctx.segments_by_token("sentence_at", ctx.sentences) or \
            list(chain.from_iterable(repeat(seg, seg.last - seg.first) for seg in ctx.sentences))
        doc.clause_at = ctx.segments_by_token("clause_at", ctx.clauses) or \
            list(chain.from_iterable(repeat(seg, seg.last - seg.first) for seg in ctx.clauses))
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


_CUE_STARTS: dict[tuple[str, ...], dict[str, tuple[tuple[tuple[str, object, frozenset[str]], ...], bool,
                                                   frozenset[str]]]] = {}


@lru_cache(maxsize=1)
def cue_matchers() -> dict[str, PhraseMatcher]:
    """Every cue group of the rank lexicon, and the index names (group "index")."""
    lex = rank_lexicon()
    matchers: dict[str, PhraseMatcher] = dict(lex.matchers)
    matchers["index"] = lex.indexes
    return matchers


@lru_cache(maxsize=1)
def _cue_firsts() -> frozenset[str]:
    """The first words of every cue group's phrases, together."""
    return frozenset().union(*(m.first for m in cue_matchers().values()))


def _starts_a_cue(token: str) -> bool:
    """Some group's phrase may start at the token: one of its forms (core.text.morphology.stems, as
    every matcher reads it) is a first word of some group (one set for all groups, not one look-up
    of the forms per group)."""
    firsts = _cue_firsts()
    return any(form in firsts for form in stems(token))


RANK_CUE = kind("rank_cue", _starts_a_cue)


def _find_cues(ctx: DocContext, matchers: dict[str, PhraseMatcher]) -> dict[str, list[tuple[int, int, object]]]:
    """Non-overlapping matches of every cue group of `cue_matchers()`: only the tokens that start
    a phrase of some group (the context's index) are tried, each by the groups it can start."""
    toks, text = ctx.tokens, ctx.text
    hits: dict[str, list[tuple[int, int, object]]] = {g: [] for g in matchers}
    free = dict.fromkeys(matchers, 0)  # the first token each group may match at again
    # token -> groups it can start: the lexicons are loaded once per process, so the memo is kept
    # across documents (bounded like the phrase matchers' own memos)
    starts = _CUE_STARTS.setdefault(tuple(sorted(matchers)), {})
    if len(starts) >= MEMO_MAX:
        starts.clear()
    texts = ctx.index.texts  # the tokens' texts, as a list
    n = len(texts)
    for i in ctx.index.positions(RANK_CUE):
        word = texts[i]
        found = starts.get(word)
        if found is None:  # (group, its one-token match, the next tokens that may extend a phrase)
            groups = tuple((g, *m.at_token(word)) for g, m in matchers.items() if m.first_variants(word))
            found = starts[word] = (groups, any(single for _, single, _ in groups),
                                    frozenset().union(*(followers for _, _, followers in groups)))
        groups, some_single, some_followers = found
        after = texts[i + 1] if i + 1 < n else None  # None extends no phrase
        if not some_single and after not in some_followers:
            continue  # "في", "من", "على" start only longer phrases: none goes on with this next word
        for g, single, followers in groups:
            if i < free[g]:
                continue
            # index phrases may run across quotes and brackets ("مؤشر ال «ويب»"); cue words may not
            m = matchers[g].match(toks, i, None if g == "index" else text) if after in followers else single
            if m:
                hits[g].append((i, m[1], m[0]))
                free[g] = i + m[1]
    return hits
