"""The article's subject: the state whose side the article tells, and what its short forms mean.

An article about e-government diplomacy is told from one state's side: the state it names most
(by name, adjective, city or its formal prefix alone), the first named on a tie. A state named only
as a delegation that side received ("استقبلت الهيئة وفد سلطنة عمان") is the visitors', not the
subject. A formal prefix written alone ("المملكة", "السلطنة", core/data/short_forms.tsv) means
the subject when the subject's formal name opens with it, else the state of that form the article
names most, else the only state in the world of that form; the "short_form" mentions are added to
the document's mentions so every later rule reads them as the state they stand for.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from functools import lru_cache
from typing import TYPE_CHECKING

from core.lexicon import load_table
from core.records import CountryMention
from core.text.gazetteer import gazetteer
from core.text.lexindex import Forms, kind
from core.text.morphology import conjoined, definite_article, stems
from core.text.phrases import phrase_tokens

if TYPE_CHECKING:  # the context builds the subject; no import cycle at run time
    from core.text.context import DocContext

HOME = "BHR"             # the dashboard's own state: the side of an article that names no state
SUBJECT_VIA = ("name", "demonym", "city", "short_form", "institution")
VISITOR_WINDOW = 6       # "وفدا من وزارة الاتصالات في سلطنة عمان": the state this close after a delegation noun
OTHER_SIDE = ("envoy", "participation", "partner_preposition", "additive")
COMPARISON_WINDOW = 2    # "مقارنة بالهند", "بتجربة سنغافورة": the state right after a comparison word
DEFINITE = definite_article()
HOME_WEIGHT = 2          # a mention of the dashboard's own state counts this much (see subject())


@lru_cache(maxsize=1)
def short_forms() -> dict[str, frozenset[str]]:
    """Short form (normalized) -> the states whose formal name opens with its prefix."""
    gz = gazetteer()
    out: dict[str, frozenset[str]] = {}
    for row in load_table("short_forms.tsv", ["form", "prefix"]):
        prefix = phrase_tokens(row["prefix"])[0]
        states = {iso3 for key, (iso3, via) in gz.entries.items()
                  if via == "name" and len(key) > 1 and prefix in stems(key[0]) and key not in gz.composed}
        out[phrase_tokens(row["form"])[0]] = frozenset(states)
    return out


@lru_cache(maxsize=1)
def subject_only_forms() -> frozenset[str]:
    """Short forms that mean the article's own state or nothing ("الدولة")."""
    return frozenset(phrase_tokens(r["form"])[0] for r in load_table("short_forms.tsv", ["form", "prefix"])
                     if r.get("subject_only") == "yes")


@lru_cache(maxsize=1)
def alone_forms() -> dict[str, str]:
    """Short form (normalized) -> the state it means in an article that names none of its states."""
    return {phrase_tokens(r["form"])[0]: r["alone"] for r in load_table("short_forms.tsv", ["form", "prefix"])
            if r.get("alone")}


def _learned_about(ctx: "DocContext", k: int, lo: int) -> bool:
    """"اطلع وفد من أوزبكستان على تجربة البحرين": the first experience word after a verb of learning
    in the clause is the visited side's own experience, not a comparison."""
    verbs = ctx.tag_positions("learn_verb", lo, k)
    return bool(verbs) and not ctx.has("comparison", verbs[-1] + 1, k)


def _visitor(ctx: "DocContext", a: int) -> bool:
    """The mention at token a names the other side, not the one that tells the article: a
    delegation received ("استقبلت الهيئة وفد سلطنة عمان"), an envoy or an official ("سفير ماليزيا",
    "وزير الاتصالات الأردني"), who took part ("بمشاركة ممثلين من الأردن والعراق"), a partner
    ("مع … بدولة الكويت"), a comparison ("بتجربة سنغافورة") or an addition ("إضافة إلى الأردن").
    A place phrase between the word and the state ("… في الاجتماع الذي عقد في الجزائر") names
    where, not who; a delegation the side sends ("وفد بحريني إلى سنغافورة") is the side itself.
    A state coordinated with the one before it ("وفود من الأردن ومصر وتونس والمغرب") shares its role."""
    clause = ctx.clause_of(a)
    if a in _mention_ends(ctx):  # a mention ends right before it: it may be coordinated with that one
        before = ctx.mentions_in(clause.first, a)
        if before and ctx.mention_tokens[before[-1]][1] == a and conjoined(ctx.tokens.texts[a]):
            return _visitor(ctx, before[-1])
    # no word that could make it the other side stands as far back as any is read: most mentions
    lo = max(clause.first, a - VISITOR_WINDOW)
    words = _candidate_words(ctx)
    j = bisect_left(words, min(lo, a - COMPARISON_WINDOW))
    if j == len(words) or words[j] >= a:
        return False
    if a > 0 and ctx.tagged(a - 1, "accredited"):
        return False  # "سفير ماليزيا لدى البحرين": the state an envoy serves in is the side received
    # The last word before the state that makes it the other side decides (only the last one is read):
    # a word of the other side in the window, a comparison right before it, a visitor noun after a
    # verb of receiving in the clause.
    other = _other_side_tags(ctx)
    j = bisect_left(other, a)
    k = other[j - 1] if j and other[j - 1] >= lo else -1
    # "بتجربة سنغافورة" compares; "التجربة السعودية" (definite) is the side's own experience
    for c in reversed(ctx.tag_positions("comparison", a - COMPARISON_WINDOW, a)):
        if c <= k:
            break
        if not ctx.tokens.texts[c].startswith(DEFINITE) and not _learned_about(ctx, c, clause.first):
            k = c
            break
    receive = ctx.first_tag("receive_verb", clause.first, a)
    if receive is not None:
        nouns = ctx.tag_positions("visitor_noun", max(receive, lo), a)
        if nouns and nouns[-1] > k:
            k = nouns[-1]
    if k < 0:
        return False
    if ctx.tagged(k, "additive"):
        return True  # "إضافة إلى الأردن": the إلى belongs to the addition
    return not ctx.has("place_preposition", k + 1, a) or ctx.has("origin_preposition", k + 1, a)


def _may_be_visitors(ctx: "DocContext", firsts: list[int]) -> list[int]:
    """The mentions (their first tokens) `_visitor` may find to name the other side: one right after
    another mention (it may be coordinated with it), or one with a word that may decide
    (`_candidate_words`) in the tokens before it as far back as `_visitor` reads (the wider of its
    two windows). For every other mention `_visitor` is False, and it is not asked."""
    words, ends = _candidate_words(ctx), _mention_ends(ctx)
    back = max(VISITOR_WINDOW, COMPARISON_WINDOW)
    return [a for a in firsts if a in ends or bisect_left(words, a - back) < bisect_left(words, a)]


def _other_side_tags(ctx: "DocContext") -> list[int]:
    """The tokens tagged with a group of OTHER_SIDE, sorted (once per document)."""
    found = ctx.memo.get("other_side_tags")
    if found is None:
        found = ctx.memo["other_side_tags"] = sorted(set().union(*(ctx.tags[group] for group in OTHER_SIDE)))
    return found


def _mention_ends(ctx: "DocContext") -> set[int]:
    """The token after each mention (kept per document while no mention is added)."""
    kept = ctx.memo.get("mention_ends")
    if kept is None or kept[0] != len(ctx.mention_tokens):
        kept = ctx.memo["mention_ends"] = (len(ctx.mention_tokens), {b for _, b in ctx.mention_tokens.values()})
    return kept[1]


def _candidate_words(ctx: "DocContext") -> list[int]:
    """The tokens tagged with a group of OTHER_SIDE, a comparison or a visitor noun, sorted (once
    per document): every word `_visitor` may read as the one that decides."""
    found = ctx.memo.get("visitor_candidates")
    if found is None:
        found = ctx.memo["visitor_candidates"] = sorted(
            set(_other_side_tags(ctx)).union(ctx.tags["comparison"], ctx.tags["visitor_noun"]))
    return found


def _counts(ctx: "DocContext", mentions: list[tuple[int, CountryMention]], visitors: set[int]) -> Counter:
    counts: Counter = Counter()
    for a, m in mentions:
        if m.via in SUBJECT_VIA and a not in visitors:
            counts[m.iso3] += HOME_WEIGHT if m.iso3 == HOME else 1
    return counts


def _choose(counts: Counter, order: list[str], among: frozenset[str] | None = None) -> str:
    """The most counted state (among `among`), the first in text order on a tie; '' when none."""
    ranked = [iso3 for iso3 in order if counts[iso3] and (among is None or iso3 in among)]
    if not ranked:
        return ""
    best = max(counts[iso3] for iso3 in ranked)
    return next(iso3 for iso3 in ranked if counts[iso3] == best)


def _short_form(token: str) -> str | None:
    """The short form a token is (through its stems, the article kept), else None."""
    forms = short_forms()
    return next((f for f in stems(token, article=False) if f in forms), None)


SHORT_FORM = kind("short_form", _short_form, Forms(bare_stems=lambda: short_forms().keys()))


def _short_form_at(ctx: "DocContext", i: int, covered: set[int]) -> str | None:
    if i in covered:
        return None
    return _short_form(ctx.tokens.texts[i])


def resolve(ctx: "DocContext") -> str:
    """Add the short-form mentions to the context and return the subject ('' for none named)."""
    # each mention with its first token: the context's map when it holds every mention (no two on one token)
    located = sorted(ctx.mention_at.items()) if len(ctx.mention_at) == len(ctx.mentions) else \
        [(ctx.token_index(m.nstart), m) for m in ctx.mentions]
    covered = {k for a, b in ctx.mention_tokens.values() for k in range(a, b)}
    found = [(i, f) for i in ctx.index.positions(SHORT_FORM) if (f := _short_form_at(ctx, i, covered))]
    forms = short_forms()
    # A form that means one state when none of its states is named ("السلطنة") counts for it.
    alone = alone_forms()
    unique = [(i, alone[f]) for i, f in found if f in alone]
    # the mentions that name the other side, decided once each (the order and the counts both ask)
    visitors = {a for a in _may_be_visitors(ctx, [a for a, m in located if m.via in SUBJECT_VIA]) if _visitor(ctx, a)}
    named = [(a, m.iso3) for a, m in located if m.via in SUBJECT_VIA and a not in visitors]
    order = list(dict.fromkeys(iso3 for _, iso3 in sorted(named + unique)))
    counts = _counts(ctx, located, visitors) + Counter(iso3 for _, iso3 in unique)
    subject = _choose(counts, order)
    added = []
    only_subject = subject_only_forms()
    for i, form in found:
        states = forms[form]
        if subject in states:
            iso3 = subject
        elif form in only_subject:
            continue  # "دور الدولة": the state in general, unless the article's own state is a دولة
        else:
            iso3 = _choose(counts, order, states) or alone.get(form) or \
                (HOME if not subject and HOME in states else "")
        if not iso3:
            continue
        nstart, nend = ctx.tokens.starts[i], ctx.tokens.ends[i]
        surface, start, end = ctx.norm.surface(nstart, nend)
        added.append((i, CountryMention(iso3=iso3, surface=surface, start=start, end=end, via="short_form",
                                        nstart=nstart, nend=nend)))
    for i, m in added:
        ctx.mention_at[i] = m
        ctx.mention_tokens[i] = (i, i + 1)
    if added:
        ctx.mentions = sorted(ctx.mentions + [m for _, m in added], key=lambda m: m.nstart)
        ctx.memo.pop("mention_starts", None)
    return subject


def subject_state(ctx: "DocContext") -> str:
    """The article's subject state, '' when the article names none (its short forms already read)."""
    return str(ctx.memo.get("subject", ""))
