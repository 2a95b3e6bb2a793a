"""Lists of ranks for a coordination of states ("عمان والكويت في المركزين 48 و49")."""

from __future__ import annotations

from bisect import bisect_left

from core.rankings.document import RankDoc, RankItem
from core.rankings.expressions import rank_number_at, scopes_at

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
        if stop > b or any(t not in joiners for t in toks.texts[stop:b]):
            return False
        if any(text[toks.ends[k - 1]:toks.starts[k]].strip() not in doc.lex.scope_gaps for k in range(stop, b + 1)):
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
    while j < len(toks.texts):
        got = rank_number_at(doc, j, joiners=1 if numbers else 0)
        if got is None or (numbers and text[toks.ends[j - 1]:toks.starts[j]].strip() not in lex.scope_gaps):
            break
        if numbers and not (got[1] < got[2] - 1 or toks.texts[j][:1] in lex.and_words or
                            text[toks.ends[j - 1]:toks.starts[j]].strip() in lex.scope_gaps - {""}):
            break  # the next number of the list is joined by و or a comma
        numbers.append(got)
        j = got[2]
    if len(numbers) < 2:
        return None
    end = numbers[-1][2]
    resp = lex.respectively.match(toks, end, text) if end < len(toks.texts) else None
    k = end + (resp[1] if resp else 0)
    scopes, scope_end = scopes_at(doc, k)
    if not resp and scope_end < len(toks.texts) and (resp := lex.respectively.match(toks, scope_end, text)):
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
