"""The state a rank is about."""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter

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
    return b < len(toks.texts) and toks.texts[b].isdigit() and "(" in doc.ctx.text[toks.ends[b - 1]:toks.starts[b]]


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
            and (toks.texts[a][:1] in lex.and_words or toks.texts[a - 1] in lex.and_words)
        after_word = a > 0 and toks.texts[a - 1] in lex.compared_before
        if (after_word or joined) and not (b < len(toks.texts) and doc.has("relative", b, b + 1)):
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
            return doc.ctx.mention_at[a].iso3, "named_before", doc.ctx.mention_at[a].via
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
        return chain[0], "chain", chain[2]
    return None


def subject_after(doc, item, chain):
    """A state named after the rank in its sentence, not as a comparison: "ومع حلولها في المركز
    السادس عالمياً، قفزت السعودية" (not "متقدمة على الإمارات")."""
    s = doc.sentence(item.first)
    for a in doc.mentions_in(item.scope_end, s.last):
        if a == 0 or doc.ctx.tokens.texts[a - 1] not in doc.lex.not_subject_before:
            return doc.ctx.mention_at[a].iso3, "named_after", doc.ctx.mention_at[a].via
    return None


def subject_document(doc, item, chain):
    """The state the article names most, not counting comparisons ("متقدمة على الإمارات"); a title
    alone ("السلطنة") counts; Bahrain when none."""
    found = doc.ctx.memo.get("rank_document_subject")
    if found is None:
        toks, cmp = doc.ctx.tokens, doc.lex.not_subject_before
        counts = Counter(doc.ctx.mention_at[a].iso3 for a in doc.mention_first if a == 0 or toks.texts[a - 1] not in cmp)
        counts.update(doc.lex.titles[t] for t in doc.ctx.tokens.texts if t in doc.lex.titles)
        found = doc.ctx.memo["rank_document_subject"] = (
            (counts.most_common(1)[0][0], "document") if counts else ("BHR", "assumed"))
    return found


SUBJECT_RULES = (subject_structure, subject_follower, subject_city, subject_before, subject_chain, subject_after, subject_document)


def subject_of(doc, item, chain) -> tuple[str, str, str]:
    """ISO3 of the state the rank is about, the rule that found it, and how the state was named
    ("short_form" for a formal prefix alone, "المملكة"; "" when the rule read no mention)."""
    found = next(r for rule in SUBJECT_RULES if (r := rule(doc, item, chain)) is not None)
    return (found[0], found[1], found[2] if len(found) > 2 else "")
