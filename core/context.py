"""Everything the extraction stages share about one document, computed once."""

from __future__ import annotations

from dataclasses import dataclass, field

from core.dates import Published, find_dates
from core.gazetteer import find_mentions
from core.normalize import Normalized, Token, normalize, tokenize
from core.records import CountryMention, DateMention, Span
from core.segment import Segment, clauses, segment_of, sentences


@dataclass
class DocContext:
    norm: Normalized
    tokens: list[Token]
    sentences: list[Segment]
    clauses: list[Segment]
    mentions: list[CountryMention]
    dates: list[DateMention]
    published: Published
    mention_at: dict[int, CountryMention] = field(default_factory=dict)  # first token index -> mention
    mention_tokens: dict[int, tuple[int, int]] = field(default_factory=dict)  # first token -> (first, last)
    date_tokens: list[tuple[int, int, DateMention]] = field(default_factory=list)
    # Per-document results a stage computes once and asks for many times (e.g. events' survey sentences).
    memo: dict[str, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def text(self) -> str:
        return self.norm.text

    def token_index(self, nstart: int) -> int:
        """Index of the token starting at or after normalized offset nstart."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.tokens[mid].start < nstart:
                lo = mid + 1
            else:
                hi = mid
        return lo

    def token_at_original(self, offset: int) -> int:
        """Index of the first token whose original start is at or after `offset`."""
        lo, hi = 0, len(self.tokens)
        while lo < hi:
            mid = (lo + hi) // 2
            if self.norm.index[self.tokens[mid].start] < offset:
                lo = mid + 1
            else:
                hi = mid
        return min(lo, len(self.tokens) - 1)

    def sentence_of(self, i: int) -> Segment:
        return segment_of(self.sentences, i)

    def clause_of(self, i: int) -> Segment:
        return segment_of(self.clauses, i)

    def span(self, first: int, last: int) -> Span:
        """Evidence for tokens[first:last] in original offsets."""
        surface, start, end = self.norm.surface(self.tokens[first].start, self.tokens[last - 1].end)
        return Span(surface, start, end)

    def sentence_span(self, i: int) -> Span:
        s = self.sentence_of(i)
        return self.span(s.first, s.last)


def build_context(text: str, published: str = "") -> DocContext:
    norm = normalize(text)
    tokens = tokenize(norm)
    pub = Published.parse(published)
    ctx = DocContext(norm=norm, tokens=tokens, sentences=sentences(norm.text, tokens),
                     clauses=clauses(norm.text, tokens), mentions=find_mentions(norm, tokens),
                     dates=find_dates(norm, tokens, pub), published=pub)
    for m in ctx.mentions:
        a = ctx.token_index(m.nstart)
        b = ctx.token_index(m.nend)
        ctx.mention_at[a] = m
        ctx.mention_tokens[a] = (a, b)
    for d in ctx.dates:
        ctx.date_tokens.append((ctx.token_index(d.nstart), ctx.token_index(d.nend), d))
    return ctx
