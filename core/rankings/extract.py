"""Ranking claims on the UN E-Government Development Index: rank, scope, edition and country.

Three steps, each a list of named rules; a new phenomenon is a rule in one of these lists or a row
of core/data/rank_cues.tsv, with its own test sentences in tests/test_rankings.py:
1. core/rankings/items.py finds rank expressions ("المركز الثالث عشر عالميا", "والـ50 دوليا",
   "مرتبتها الثانية عربيا", "إستونيا ثانياً") by the rules of expressions.py, leaders.py, lists.py
   and pipe_tables.py.
2. indexes.py, scopes.py, subjects.py and editions.py decide for each: its index (a sub-index or
   another organisation's index is not a claim), scopes, country and survey year, each with the rule
   that decided.
3. Here: one claim per (country, year, scope, rank), in text order; a target ("لتحقيق المركز
   الخامس") is not a claim; a kept rank also claims the edition it was kept from (its comparison
   year, else the previous edition).
"""

from __future__ import annotations

from core.text.context import DocContext
from core.text.dates import DIGITS
from core.text.lexindex import Forms, kind
from core.text.morphology import stems
from core.text.numbers import ordinal_word
from core.rankings.document import RankDoc, RankItem
from core.rankings.editions import Edition, find_edition, kept_comparison, year_of
from core.rankings.indexes import index_of
from core.rankings.items import find_items, phrase_firsts
from core.rankings.leaders import lead_verb_with_pronoun
from core.rankings.lexicon import rank_lexicon
from core.rankings.scopes import CONTINENT, scopes_of
from core.rankings.subjects import subject_of
from core.records import RankClaim, frozen_record

UNNAMED = ("document", "assumed")  # country bases that read no mention of the state
TARGET_BEFORE = 8
TARGET_AFTER = 3   # a deadline this many tokens after a rank, in its clause, makes it a target  # a goal cue this many tokens before a rank in its clause makes it a target

NOTES = {
    "scope": {"assumed": "scope not stated; world rank assumed from the survey context",
              "inherited": "scope of the rank it is compared with",
              "coordinated": "scope of the coordinated rank after it"},
    "country": {"document": "country not named in the sentence; the article's main state assumed",
                "assumed": "no state named in the article; Bahrain assumed",
                "named_after": "country named after the rank"},
    "year": {"previous_edition": "previous edition", "publication_date": "edition inferred from the publication date"},
}


def _is_target(doc: RankDoc, item: RankItem) -> bool:
    """A goal cue before the rank in its clause ("تهدف إلى أن تكون في المركز العاشر"), or a
    deadline right after it ("المركز العاشر عالميا بحلول 2030")."""
    c = doc.clause(item.first)
    return (doc.has("target", max(c.first, item.first - TARGET_BEFORE), item.first)
            or doc.has("target_after", item.scope_end, min(item.scope_end + TARGET_AFTER, c.last)))


def _note(scope_basis: str, country_basis: str, year_basis: str) -> str:
    parts = [NOTES["scope"].get(scope_basis), NOTES["country"].get(country_basis), NOTES["year"].get(year_basis)]
    return "; ".join(p for p in parts if p)


def _claims_of(doc: RankDoc, item: RankItem, scopes: list[str], scope_basis: str, subject: tuple[str, str],
               year: tuple[int | None, str]) -> list[RankClaim]:
    sentence = doc.ctx.sentence_span(item.first)
    surface = doc.ctx.span(item.first, item.scope_end)
    note = _note(scope_basis, subject[1], year[1])
    # RankClaim(...) with every field, in the class's order (frozen_record: the same object, no __setattr__ per field)
    return [frozen_record(RankClaim, {
        "country_iso3": subject[0], "survey_year": year[0], "scope": scope, "rank": item.rank, "evidence": sentence,
        "surface": surface.surface, "surface_start": surface.start, "surface_end": surface.end,
        "year_basis": year[1], "scope_basis": scope_basis, "country_basis": subject[1], "note": note})
            for scope in scopes]


def claims_from_items(doc: RankDoc, items: list[RankItem], edition: Edition) -> list[RankClaim]:
    """Every claim the items make, deduplicated on (country, year, scope, rank), in text order."""
    claims: list[RankClaim] = []
    seen: set[tuple] = set()
    resolved: list[list[str]] = []
    previous_index: str | None = None
    chain: tuple[str, int, str] | None = None  # (country, first token, how it was named) of the last claim
    short: set[int] = set()  # claims (by position) whose state is a formal prefix alone ("المملكة")
    for n, item in enumerate(items):
        index, _ = index_of(doc, items, n, previous_index)
        previous_index = index
        scopes, scope_basis = scopes_of(doc, items, n, resolved)
        resolved.append(scopes)
        if index != "overall" or not scopes or _is_target(doc, item):
            continue
        subject = subject_of(doc, item, chain)
        if not subject[0]:
            continue  # a city's rank
        if CONTINENT in scopes:  # the continent of the rank's state, none outside Africa and Asia
            continent = doc.lex.continent_of.get(subject[0])
            scopes = [continent if s == CONTINENT else s for s in scopes if s != CONTINENT or continent]
            if not scopes:
                continue
        chain = (subject[0], item.first, subject[2])
        stop = items[n + 1].first if n + 1 < len(items) else len(doc.ctx.tokens.texts)
        lo = items[n - 1].scope_end if n else 0
        years = [year_of(doc, item, stop, lo, edition)]
        kept = kept_comparison(doc, item, lo, stop, years[0][0])
        if kept is not None and kept[0] != years[0][0]:
            years.append(kept)
        for year in years:
            for claim in _claims_of(doc, item, scopes, scope_basis, subject[:2], year):
                key = (claim.country_iso3, claim.survey_year, claim.scope, claim.rank)
                if key not in seen:
                    seen.add(key)
                    if subject[2] == "short_form":
                        short.add(len(claims))
                    claims.append(claim)
    return _without_contradicted_short_forms(claims, short)


def _without_contradicted_short_forms(claims: list[RankClaim], short: set[int]) -> list[RankClaim]:
    """A formal prefix alone ("المملكة") was read as a state the article also names; when a rank of
    the prefix contradicts a rank of the named state (same edition and scope, another rank: "احتلت
    المملكة المرتبة الثالثة عربيا خلف البحرين التي تصدرت"), the prefix is another state of that form,
    which the text does not name: its claims are dropped rather than given to the wrong state."""
    named = {(c.country_iso3, c.survey_year, c.scope): c.rank for k, c in enumerate(claims)
             if k not in short and c.country_basis not in UNNAMED}
    wrong = {c.country_iso3 for k, c in enumerate(claims) if k in short
             and named.get((c.country_iso3, c.survey_year, c.scope), c.rank) != c.rank}
    return [c for k, c in enumerate(claims) if not (k in short and c.country_iso3 in wrong)]


def _rank_word(token: str) -> bool:
    """A rank noun, a leader noun or verb, an ordinal word, or digits with the article ("الـ18")."""
    lex = rank_lexicon()
    article = lex.joiners - lex.and_words  # "الـ18": digits with the article read as an ordinal
    firsts = phrase_firsts()  # the rank nouns', leaders' and verbs of leading's first words
    return bool(any(form in firsts for form in stems(token)) or token in article or _rank_word_otherwise(token))


def _rank_word_otherwise(token: str) -> bool:
    """The part of _rank_word that is not a word list: an ordinal word, a verb of leading with its pronoun."""
    return bool(ordinal_word(token) or lead_verb_with_pronoun(rank_lexicon(), token))


RANK_WORD = kind("rank_word", _rank_word, Forms(
    stems=phrase_firsts, written=lambda: rank_lexicon().joiners - rank_lexicon().and_words, rest=_rank_word_otherwise))


def could_rank(ctx: DocContext) -> bool:
    """Whether a token of the document starts a rank noun, a leader noun or verb, an ordinal (a word,
    or digits after the article) or is a bracketed number: every claim needs one, so an article with
    none skips the stage."""
    if ctx.index.positions(RANK_WORD):
        return True
    # a bracketed rank after a state: "البحرين (18 عالميا)"
    return any("(" in ctx.text[max(0, ctx.tokens.starts[i] - 2):ctx.tokens.starts[i]]
               for i in ctx.index.positions(DIGITS))


def find_rank_claims(ctx: DocContext) -> list[RankClaim]:
    """Every overall-EGDI ranking claim in the document, deduplicated, in text order."""
    if not could_rank(ctx):
        return []
    doc = RankDoc.build(ctx)
    items = find_items(doc)
    if not items:
        return []  # no rank expression, no claim (the edition and the claim rules' cues are not read)
    return claims_from_items(doc, items, find_edition(doc))


def current_edition(ctx: DocContext) -> tuple[int | None, str]:
    """The survey edition an article reports on, and the rule that found it."""
    edition = find_edition(RankDoc.build(ctx))
    return edition.year, edition.basis
