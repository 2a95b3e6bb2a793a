"""Ranking claims on the UN E-Government Development Index: rank, scope, edition and country.

A claim is a rank noun with its rank ("المركز الثالث عشر", "المرتبة الـ18") or, in a chain after one,
a bare ordinal ("والثالث آسيويا", "و49 عالميا"), followed by one or more scopes ("على مستوى الشرق
الأوسط وعربيا وخليجيا" = three claims). Ranks in a clause that names a sub-index, goals and moves
("تقدمت 36 مركزا") are not claims.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from core.context import DocContext
from core.lexicon import load_table
from core.numbers import parse_number
from core.phrases import PhraseMatcher, phrase_tokens
from core.records import RankClaim

MAX_RANK = 200
CHAIN_GAP = 2  # tokens allowed between one claim and the next item of its chain


@dataclass(frozen=True)
class RankLexicon:
    triggers: PhraseMatcher
    verbs: frozenset[str]
    scopes: PhraseMatcher
    pre_scopes: PhraseMatcher
    subindex: PhraseMatcher
    target: PhraseMatcher
    previous: PhraseMatcher
    previous_after: PhraseMatcher
    survey: PhraseMatcher
    not_rank_before: frozenset[str]
    editions: tuple[int, ...]


@lru_cache(maxsize=1)
def rank_lexicon() -> RankLexicon:
    groups: dict[str, list[tuple[str, object]]] = {}
    for row in load_table("rank_cues.tsv", ["group", "phrase"]):
        group, _, scope = row["group"].partition(":")
        if group in ("scope", "pre_scope") and scope not in ("world", "asia", "middle_east", "mena", "arab",
                                                            "gcc", "africa", "regional"):
            raise ValueError(f"rank_cues.tsv:{row['_line']}: unknown scope {scope!r}")
        groups.setdefault(group, []).append((row["phrase"], scope or True))
    editions = tuple(int(r["year"]) for r in load_table("survey_editions.tsv", ["year"]))

    def words(group: str) -> frozenset[str]:
        return frozenset(phrase_tokens(p)[0] for p, _ in groups.get(group, []))

    return RankLexicon(
        triggers=PhraseMatcher.build(groups["trigger"]),
        verbs=words("verb"),
        scopes=PhraseMatcher.build(groups["scope"]),
        pre_scopes=PhraseMatcher.build(groups["pre_scope"]),
        subindex=PhraseMatcher.build(groups["subindex"]),
        target=PhraseMatcher.build(groups["target"]),
        previous=PhraseMatcher.build(groups["previous"]),
        previous_after=PhraseMatcher.build(groups["previous_after"]),
        survey=PhraseMatcher.build(groups["survey"]),
        not_rank_before=words("not_rank_before"),
        editions=editions,
    )


@dataclass
class _Item:
    rank: int
    first: int          # first token of the rank expression (trigger or number)
    num_end: int        # token after the number
    end: int            # token after the scopes
    scopes: list[str]
    trigger: bool
    from_to: str = ""   # "from" / "to" in "من المركز 53 إلى المركز 62"


def _number_after(ctx: DocContext, j: int):
    """A rank number at tokens[j]: digits, 'ال' + digits ("الـ18"), or number words."""
    toks = ctx.tokens
    if j >= len(toks):
        return None
    if toks[j].text in ("ال", "وال", "بال") and j + 1 < len(toks) and toks[j + 1].text.isdigit():
        num = parse_number(toks, j + 1)
        return (num.value, j, num.last) if num else None
    num = parse_number(toks, j)
    return (num.value, j, num.last) if num else None


def _scopes_at(ctx: DocContext, k: int, lex: RankLexicon) -> tuple[list[str], int]:
    """Scopes that follow a rank ("عالميا والثالث" stops at the next ordinal), and the end token."""
    scopes: list[str] = []
    while k < len(ctx.tokens):
        m = lex.scopes.match(ctx.tokens, k, ctx.text)
        if not m:
            break
        scopes.append(m[0])
        k += m[1]
    return scopes, k


def _in_clause(ctx: DocContext, i: int, matcher: PhraseMatcher) -> bool:
    c = ctx.clause_of(i)
    return bool(matcher.find_all(ctx.tokens, ctx.text, c.first, c.last))


def _before(ctx: DocContext, i: int, matcher: PhraseMatcher, window: int) -> bool:
    c = ctx.clause_of(i)
    return bool(matcher.find_all(ctx.tokens, ctx.text, max(c.first, i - window), i))


def _subject(ctx: DocContext, i: int) -> str | None:
    """The state a rank at token i is about: the nearest state named before it in its sentence."""
    s = ctx.sentence_of(i)
    for a in range(i - 1, s.first - 1, -1):
        m = ctx.mention_at.get(a)
        if m and m.via in ("name", "demonym") and ctx.mention_tokens[a][1] <= i:
            return m.iso3
    return None


def _document_subject(ctx: DocContext) -> str:
    counts = Counter(m.iso3 for m in ctx.mentions if m.via in ("name", "demonym"))
    return counts.most_common(1)[0][0] if counts else "BHR"


def current_edition(ctx: DocContext) -> tuple[int | None, str]:
    """The survey edition an article reports on, and how it was found."""
    lex = rank_lexicon()
    pub_year = ctx.published.year
    future = {"القادم", "المقبل", "القادمه", "المقبله", "المرتقب", "المرتقبه"}
    votes: Counter[int] = Counter()
    for a, b, d in ctx.date_tokens:
        if d.month is not None or d.basis != "text":
            continue
        if pub_year is not None and d.year > pub_year:
            continue
        window = ctx.tokens[max(0, a - 6):a]
        after = ctx.tokens[b:b + 3]
        if any(t.text in future for t in list(ctx.tokens[max(0, a - 3):a]) + list(after)):
            continue
        if lex.survey.find_all(ctx.tokens, ctx.text, max(0, a - 6), a) or any(t.text in ("عام", "لعام") for t in window[-2:]):
            if d.year in lex.editions or d.year > max(lex.editions):
                votes[d.year] += 1
    if votes:
        best = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        return best, "text"
    if pub_year is not None:
        earlier = [e for e in lex.editions if e <= pub_year]
        if earlier:
            return earlier[-1], "published"
    return None, "none"


def previous_edition(year: int | None) -> int | None:
    if year is None:
        return None
    earlier = [e for e in rank_lexicon().editions if e < year]
    return earlier[-1] if earlier else None


def _explicit_year(ctx: DocContext, item: _Item, stop: int) -> int | None:
    """A year written right after the claim, inside its clause and before the next claim."""
    c = ctx.clause_of(item.first)
    hi = min(c.last, stop)
    for a, b, d in ctx.date_tokens:
        if item.end <= a < hi and d.month is None:
            return d.year
    return None


def _report_year_before(ctx: DocContext, item: _Item, start: int) -> int | None:
    """A report year earlier in the claim's clause ("عن تقرير 2022 الذي حلت فيه في المرتبة 54")."""
    lex = rank_lexicon()
    c = ctx.clause_of(item.first)
    lo = max(c.first, start)
    found = None
    for a, b, d in ctx.date_tokens:
        if lo <= a and b <= item.first and d.month is None and lex.survey.find_all(ctx.tokens, ctx.text, max(lo, a - 6), a):
            found = d.year
    return found


def find_rank_claims(ctx: DocContext) -> list[RankClaim]:
    """Every overall-EGDI ranking claim in the document, deduplicated, in text order."""
    lex = rank_lexicon()
    toks = ctx.tokens
    items: list[_Item] = []
    i = 0
    last_end = -10
    mention_last = {b - 1 for a, b in ctx.mention_tokens.values()}  # last token of each state mention
    while i < len(toks):
        item = None
        trig = lex.triggers.match(toks, i, ctx.text)
        if trig and not toks[i].text.endswith("ا"):  # "مركزا" counts a move, not a rank
            got = _number_after(ctx, i + trig[1])
            if got and 1 <= got[0] <= MAX_RANK and not ctx.text[toks[i + trig[1] - 1].end:toks[got[1]].start].strip(" ("):
                scopes, end = _scopes_at(ctx, got[2], lex)
                item = _Item(got[0], i, got[2], end, scopes, True)
        if item is None:
            chained = i - last_end <= CHAIN_GAP and i > 0
            prev = toks[i - 1].text if i > 0 else ""
            standalone = prev in lex.verbs or (i - 1) in mention_last
            tok = toks[i].text
            if (chained or standalone) and prev not in lex.not_rank_before:
                got = None
                if tok in ("و", "وال", "ال") and i + 1 < len(toks) and toks[i + 1].text.isdigit():
                    num = parse_number(toks, i + 1)
                    got = (num.value, i, num.last) if num else None
                else:
                    num = parse_number(toks, i)
                    if num and (num.ordinal or (chained and tok.startswith("و"))):
                        got = (num.value, i, num.last)
                if got and 1 <= got[0] <= MAX_RANK:
                    scopes, end = _scopes_at(ctx, got[2], lex)
                    if scopes:
                        item = _Item(got[0], i, got[2], end, scopes, False)
        if item is None:
            i += 1
            continue
        if i > 0 and toks[i - 1].text == "من":
            item.from_to = "from"
        elif i > 0 and toks[i - 1].text in ("الي", "لي"):
            item.from_to = "to"
        items.append(item)
        last_end = item.end
        i = max(item.end, i + 1)

    edition, edition_basis = current_edition(ctx)
    claims: list[RankClaim] = []
    seen: set[tuple] = set()
    chain_subject: str | None = None
    prev_item: _Item | None = None
    for n, item in enumerate(items):
        next_first = items[n + 1].first if n + 1 < len(items) else len(toks)
        chained = prev_item is not None and item.first - prev_item.end <= CHAIN_GAP
        if _in_clause(ctx, item.first, lex.subindex) or _before(ctx, item.first, lex.target, 6):
            prev_item = item
            continue
        scopes = list(item.scopes)
        note = ""
        if not scopes:
            c = ctx.clause_of(item.first)
            pre = lex.pre_scopes.find_all(toks, ctx.text, ctx.sentence_of(item.first).first, item.first)
            if pre:
                scopes = [pre[-1][2]]
            elif item.from_to == "to" and prev_item is not None and prev_item.from_to == "from" and claims:
                scopes = [claims[-1].scope]
            elif lex.survey.find_all(toks, ctx.text, ctx.sentence_of(item.first).first, ctx.sentence_of(item.first).last):
                scopes = ["world"]
                note = "scope not stated; world rank assumed from the survey context"
            else:
                prev_item = item
                continue
        subject = _subject(ctx, item.first)
        if subject is None:
            subject = chain_subject if chained and chain_subject else None
        if subject is None:
            subject = _document_subject(ctx)
            note = (note + "; " if note else "") + "country not named in the sentence; the article's main state assumed"
        chain_subject = subject
        year = _explicit_year(ctx, item, next_first)
        if year is None:
            if item.from_to == "from" or _before(ctx, item.first, lex.previous, 8) or \
                    lex.previous_after.find_all(toks, ctx.text, item.end, min(item.end + 4, len(toks))):
                year = previous_edition(edition)
                note = (note + "; " if note else "") + "previous edition"
            elif (before := _report_year_before(ctx, item, prev_item.end if prev_item else 0)) is not None:
                year = before
            else:
                year = edition
                if edition_basis == "published":
                    note = (note + "; " if note else "") + "edition inferred from the publication date"
        sentence = ctx.sentence_span(item.first)
        surf = ctx.span(item.first, item.end)
        for scope in scopes:
            key = (subject, year, scope, item.rank)
            if key in seen:
                continue
            seen.add(key)
            claims.append(RankClaim(country_iso3=subject, survey_year=year, scope=scope, rank=item.rank,
                                    surface=surf.surface, start=surf.start, end=surf.end,
                                    evidence=sentence, note=note))
        prev_item = item
    return claims
