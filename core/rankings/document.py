"""The document seen by the ranking rules (cue positions found once) and the rank expression record."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from itertools import chain, repeat

from core.text.context import DocContext
from core.text.gazetteer import gazetteer
from core.text.lexindex import Forms, kind
from core.text.morphology import stems
from core.text.phrases import PhraseMatcher, find_all_many, first_words, pass_kinds
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
    date_pos: list[int] = field(default_factory=list)          # first token of each date, sorted
    # index_classes, city_first, governed: cached properties, read by the claim rules (a document whose
    # item pass finds no rank never asks for them)
    sentence_at: list = field(default_factory=list, repr=False)  # token -> its sentence (Segment)
    clause_at: list = field(default_factory=list, repr=False)    # token -> its clause (Segment)

    @classmethod
    def build(cls, ctx: DocContext) -> "RankDoc":
        doc = cls(ctx, rank_lexicon())
        doc.cues = _Cues(ctx)
        doc.cue_pos = _CuePositions(doc.cues)
        # a state name inside a region's name ("المغرب العربي") names no state
        inside = {k for a, length, _ in doc.cues["uncoded_scope"] for k in range(a, a + length)}
        names = sorted((a, b) for a, b in ctx.mention_tokens.values()
                       if ctx.mention_at[a].via in ("name", "demonym", "short_form") and a not in inside)
        doc.mention_first = [a for a, _ in names]
        doc.mention_last = {b - 1 for _, b in names}
        doc.date_pos = [a for a, _, _ in ctx.date_tokens]
        # the context's lists when the segments follow one another (the same lists), else built here
        doc.sentence_at = ctx.segments_by_token("sentence_at", ctx.sentences) or \
            list(chain.from_iterable(repeat(seg, seg.last - seg.first) for seg in ctx.sentences))
        doc.clause_at = ctx.segments_by_token("clause_at", ctx.clauses) or \
            list(chain.from_iterable(repeat(seg, seg.last - seg.first) for seg in ctx.clauses))
        return doc

    @cached_property
    def index_classes(self) -> frozenset:
        """The index classes the document names (read by the claim rules, not the item pass)."""
        return frozenset(h[2] for h in self.cues["index"])

    @cached_property
    def city_first(self) -> list[int]:
        """Sorted first tokens of city mentions."""
        return sorted(a for a, m in self.ctx.mention_at.items() if m.via == "city")

    @cached_property
    def governed(self) -> set[int]:
        """State mentions after a preposition clitic ("بالسعودية")."""
        toks = self.ctx.tokens
        return {a for a in self.mention_first if _governed(self, toks.texts[a])}

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


# Cue groups no rule reads through RankDoc: their rules match them where they stand (the rank nouns
# and leaders at an item's first token, the counting phrases after "من بين"), so no pass finds them.
MATCHED_IN_PLACE = ("count_noun", "count_scope", "lead_verb", "leader", "respectively", "scope_lead", "trigger",
                    "trigger_list")


@lru_cache(maxsize=1)
def cue_matchers() -> dict[str, PhraseMatcher]:
    """The cue groups of the rank lexicon that the rules read through RankDoc (all but
    MATCHED_IN_PLACE), and the index names (group "index")."""
    lex = rank_lexicon()
    matchers: dict[str, PhraseMatcher] = {g: m for g, m in lex.matchers.items() if g not in MATCHED_IN_PLACE}
    matchers["index"] = lex.indexes
    return matchers


@lru_cache(maxsize=1)
def _cue_firsts() -> frozenset[str]:
    """The first words of every cue group's phrases, together."""
    return first_words(cue_matchers().values())


def _starts_a_cue(token: str) -> bool:
    """Some group's phrase may start at the token: one of its forms (core.text.morphology.stems, as
    every matcher reads it) is a first word of some group (one set for all groups, not one look-up
    of the forms per group)."""
    firsts = _cue_firsts()
    return any(form in firsts for form in stems(token))


RANK_CUE = kind("rank_cue", _starts_a_cue, Forms(stems=_cue_firsts))
CUE_SINGLE, CUE_SECOND = pass_kinds("rank_cue", lambda: cue_matchers().values())

# The cue groups the item pass (core.rankings.items.find_items, its rules) and RankDoc.build read.
ITEM_GROUPS = ("not_rank_before", "previous", "previous_after", "uncoded_scope")


@lru_cache(maxsize=1)
def _item_matchers() -> dict[str, PhraseMatcher]:
    return {g: m for g, m in cue_matchers().items() if g in ITEM_GROUPS}


@lru_cache(maxsize=1)
def _other_matchers() -> dict[str, PhraseMatcher]:
    return {g: m for g, m in cue_matchers().items() if g not in ITEM_GROUPS}


def _starts_an_item_cue(token: str) -> bool:
    """A phrase of some group of ITEM_GROUPS may start at the token (as _starts_a_cue, those groups only)."""
    matchers = _item_matchers()
    return any(m.first_variants(token) for m in matchers.values())


RANK_ITEM_CUE = kind("rank_item_cue", _starts_an_item_cue,
                     Forms(stems=lambda: first_words(_item_matchers().values())))
ITEM_CUE_SINGLE, ITEM_CUE_SECOND = pass_kinds("rank_item_cue", lambda: _item_matchers().values())


class _Cues(dict):
    """group -> its matches, as `_find_cues` with every group gives them (each group's matches do not
    depend on the others'), found in two passes: the groups of ITEM_GROUPS when the document is
    built, every other group together the first time one of them is asked for. Half the documents
    that may rank have no rank expression: their claims are none, and the other groups are never read.
    Read a group with [] (as RankDoc.has and .hits do): get() and iteration see only the groups found so far."""

    def __init__(self, ctx: DocContext):
        super().__init__(_find_cues(ctx, _item_matchers(),
                                    ctx.index.positions_going_on(RANK_ITEM_CUE, ITEM_CUE_SINGLE, ITEM_CUE_SECOND)))
        self.ctx = ctx

    def __missing__(self, group: str) -> list[tuple[int, int, object]]:
        others = _other_matchers()
        if group not in others or others.keys() <= self.keys():
            raise KeyError(group)
        self.update(_find_cues(self.ctx, others))
        return dict.__getitem__(self, group)


class _CuePositions(dict):
    """group -> the first tokens of its matches, listed the first time the group is asked for."""

    def __init__(self, cues: _Cues):
        super().__init__()
        self.cues = cues

    def __missing__(self, group: str) -> list[int]:
        found = self[group] = [h[0] for h in self.cues[group]]
        return found


def _find_cues(ctx: DocContext, matchers: dict[str, PhraseMatcher], positions: list[int] | None = None
               ) -> dict[str, list[tuple[int, int, object]]]:
    """Non-overlapping matches of the cue groups `matchers` (some of `cue_matchers()`), by
    core.text.phrases.find_all_many: only the tokens that start a phrase of some group (the context's
    index, less those where only longer phrases start and the next word continues none, pass_kinds;
    `positions`, when given, holds at least those of these groups) are tried, each by the groups it
    can start. Index phrases may run across quotes and brackets ("مؤشر ال «ويب»"); cue
    words may not."""
    if positions is None:
        positions = ctx.index.positions_going_on(RANK_CUE, CUE_SINGLE, CUE_SECOND)
    return find_all_many(matchers, ctx.tokens, ctx.text, positions,
                         ctx.index.texts, loose=("index",))
