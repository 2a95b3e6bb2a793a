"""Rank expressions in a document: each found by one named rule, in one left-to-right pass.

A rank expression is a rank with the scope words that follow it ("المركز الثالث عشر عالميا",
"والـ50 دوليا", "إستونيا ثانياً"). The rules live in expressions.py, leaders.py and lists.py, the
pipe tables in pipe_tables.py; what the rank is about (index, scope, country, year) is decided later
by indexes.py, scopes.py, subjects.py and editions.py. Every lookup is a fixed window around the
token, or a bisect in positions computed once per document (RankDoc), so the pass is linear.
"""

from __future__ import annotations

from bisect import bisect_right
from functools import lru_cache

from core.text.morphology import stems
from core.text.numbers import number_at_word
from core.text.lexindex import Forms, kind
from core.rankings.document import RankDoc, RankItem
from core.rankings.expressions import (MAX_RANK, rule_adverbial, rule_bracketed, rule_bracketed_earlier, rule_chained,
                                       rule_placed_ordinal, rule_rank_noun, rule_was_number)
from core.rankings.lexicon import rank_lexicon
from core.rankings.leaders import lead_verb_with_pronoun, rule_leader, rule_leader_gapped, rule_leader_of_named_group
from core.rankings.lists import rule_rank_list
from core.rankings.pipe_tables import table_items

ITEM_RULES = (rule_rank_list, rule_rank_noun, rule_leader, rule_leader_gapped, rule_leader_of_named_group, rule_chained, rule_was_number, rule_bracketed,
              rule_bracketed_earlier,
              rule_placed_ordinal, rule_adverbial)


def _could_start(token: str) -> bool:
    """A token that may start a rank expression (a rank noun, a leader noun, digits, a number word,
    an adverbial ordinal, "كانت")."""
    lex = rank_lexicon()
    firsts = phrase_firsts()  # a rank noun, a leader or a verb of leading may start here
    return bool(token in lex.joiners or token in lex.adverbial or token in lex.was
                or any(form in firsts for form in stems(token)) or _could_start_otherwise(token))


@lru_cache(maxsize=1)
def phrase_firsts() -> frozenset[str]:
    """The first words of the rank nouns (one and several), the leaders and the verbs of leading
    together: a token starts one of them when one of its forms (stems, as the matchers read it) is here."""
    lex = rank_lexicon()
    return lex.trigger.first | lex.trigger_list.first | lex.leader.first | lex.lead_verb.first


def _could_start_otherwise(token: str) -> bool:
    """The part of _could_start that is not a word list: digits, a number word, a verb of leading with its pronoun."""
    return bool(token.isdigit() or number_at_word(token) or lead_verb_with_pronoun(rank_lexicon(), token))


ITEM_START = kind("rank_item_start", _could_start, Forms(
    stems=phrase_firsts, written=lambda: rank_lexicon().joiners | rank_lexicon().adverbial.keys() | rank_lexicon().was,
    rest=_could_start_otherwise))


@lru_cache(maxsize=1)
def _first_word_tests() -> tuple:
    """For each rule of ITEM_RULES, a test on the text of token i that holds wherever the rule can
    fire at i (each rule returns None at once otherwise): its rank noun, leader or verb of leading
    starts there (a phrase's first word), a number starts there (digits or a number word, a joiner
    before digits for the rules that allow one), an adverbial ordinal, or و before the next state
    of a leader's coordination."""
    lex = rank_lexicon()

    def number(token: str) -> bool:  # rank_number_at(doc, i): parse_number needs digits or a number word
        return (token.isdigit() and _rank_sized(token)) or number_at_word(token)

    def joined_number(token: str) -> bool:  # rank_number_at(doc, i, joiners >= 1)
        return token in lex.joiners or number(token)

    tests = (
        (rule_rank_list, lambda t: bool(lex.trigger_list.first_variants(t) or lex.trigger.first_variants(t))),
        (rule_rank_noun, lambda t: bool(lex.trigger.first_variants(t))),
        (rule_leader, lambda t: bool(lex.leader.first_variants(t) or lex.lead_verb.first_variants(t))),
        (rule_leader_gapped, lambda t: t[:1] in lex.and_words),
        (rule_leader_of_named_group, lambda t: lead_verb_with_pronoun(lex, t)),
        (rule_chained, joined_number),
        (rule_was_number, number),
        (rule_bracketed, number),
        (rule_bracketed_earlier, number),
        (rule_placed_ordinal, joined_number),
        (rule_adverbial, lambda t: t in lex.adverbial),
    )
    assert tuple(rule for rule, _ in tests) == ITEM_RULES, "one test per rule, in ITEM_RULES' order"
    return tests


def _rank_sized(digits: str) -> bool:
    """Digits that rank_number_at can read as a rank (1 to MAX_RANK): a year ("2024") cannot be one."""
    try:
        return len(digits) <= 9 and 1 <= int(digits) <= MAX_RANK
    except ValueError:  # digits int() does not read: let the rules decide
        return True


@lru_cache(maxsize=200_000)
def rules_at(token: str) -> tuple:
    """The rules of ITEM_RULES, in order, that can fire at a token with this text (memoized per
    distinct text): the others are not tried there."""
    return tuple(rule for rule, test in _first_word_tests() if test(token))


def find_items(doc: RankDoc) -> list[RankItem]:
    """Every rank expression, left to right; the first rule of ITEM_RULES that fires at a token wins.
    The rules are tried at the tokens that may start one (the context's index) and at the tokens
    just after a leader's expression."""
    toks, index = doc.ctx.tokens, doc.ctx.index
    texts = index.texts
    items: list[RankItem] = []
    i = 0
    starts = index.positions(ITEM_START)
    while i < len(toks.texts):
        if not index.has(ITEM_START, i) and not (items and items[-1].rule == "leader" and i - items[-1].scope_end <= 1):
            # no rule fires here, nor at any token before the next start (the items stay the same)
            k = bisect_right(starts, i)
            i = starts[k] if k < len(starts) else len(toks.texts)
            continue
        last = items[-1] if items else None
        found = None
        for rule in rules_at(texts[i]):  # the first rule that fires (a loop: no generator per position)
            found = rule(doc, i, last)
            if found is not None:
                break
        if found is None:
            i += 1
            continue
        for item in found if isinstance(found, list) else [found]:
            before = toks.texts[item.first - 1] if item.first > 0 else ""
            item.from_to = "from" if before in doc.lex.from_words else "to" if before in doc.lex.to_words else ""
            items.append(item)
        i = max(items[-1].scope_end, i + 1)
    table = table_items(doc)
    if table:
        taken = {item.first for item in items}
        items = sorted(items + [t for t in table if t.first not in taken], key=lambda item: item.first)
    return items
