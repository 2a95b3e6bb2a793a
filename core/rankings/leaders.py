"""Rank 1 without a number: a state at the head of a group ("تصدرت البحرين دول الخليج")."""

from __future__ import annotations

from core.rankings.document import RankDoc, RankItem
from core.rankings.expressions import scopes_at

def _single_state(doc: RankDoc, a: int) -> bool:
    """Whether the state mention at token a stands alone, not in a coordination of states
    ("تصدرت السعودية والإمارات والبحرين القائمة" is a group at the top, not one leader)."""
    toks, lex = doc.ctx.tokens, doc.lex
    b = doc.ctx.mention_tokens[a][1]
    after = b + (1 if b < len(toks.texts) and toks.texts[b] in lex.and_words else 0)
    if doc.mentions_in(after, after + 1) and (after > b or toks.texts[after][:1] in lex.and_words):
        return False
    before = [x for x in doc.mentions_in(max(0, a - 3), a) if doc.ctx.mention_tokens[x][1] >= a - 1]
    return not (before and toks.texts[a][:1] in lex.and_words or
                before and toks.texts[a - 1] in lex.and_words)


def _led_scopes(doc: RankDoc, k: int) -> tuple[list[str], int]:
    """The scope of what a leader heads, at token k: a scope phrase ("عربيا") or a group ("الدول العربية")."""
    toks = doc.ctx.tokens
    if k < len(toks.texts) and toks.texts[k] in doc.lex.leader_skip and not doc.lex.led_groups.match(toks, k, doc.ctx.text):
        k += 1
    if k >= len(toks.texts):
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
    if last is None or last.rule != "leader" or i - last.scope_end > 1 or toks.texts[i][:1] not in doc.lex.and_words:
        return None
    if i not in doc.ctx.mention_tokens or not doc.mentions_in(i, i + 1):
        return None
    k = doc.ctx.mention_tokens[i][1]
    scopes, scope_end = _led_scopes(doc, k)
    if not scopes or not doc.lex.led_groups.match(toks, k, doc.ctx.text):
        return None  # only a group led ("للأميركيتين"), not any scope word
    return RankItem(1, i, k, scope_end, scopes, "leader", subject=doc.ctx.mention_at[i].iso3)


def lead_verb_with_pronoun(lex, word: str) -> bool:
    """Whether `word` is a verb of leading with an attached object pronoun ("فتصدرتها")."""
    return any(word.endswith(p) and len(word) > len(p) + 2 and lex.lead_verb.first_variants(word[:-len(p)])
               for p in lex.object_pronouns)


def rule_leader_of_named_group(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """A verb of leading whose object is a pronoun for the group named before it in the clause, with
    its state after it: "وبالنسبة لأوروبا فتصدرتها الدنمارك", "أما الدول العربية فتتصدرها البحرين"
    (rank 1 in that group). No group named before it in the clause, no rank."""
    toks, lex = doc.ctx.tokens, doc.lex
    if not lead_verb_with_pronoun(lex, toks.texts[i]):
        return None
    if not doc.mentions_in(i + 1, i + 2) or not _single_state(doc, i + 1):
        return None
    c = doc.clause(i)
    groups = [(k, g) for k in range(c.first, i) if (g := lex.led_groups.match(toks, k, doc.ctx.text)) and k + g[1] <= i]
    if not groups:
        return None
    return RankItem(1, i, i + 1, doc.ctx.mention_tokens[i + 1][1], [groups[-1][1][0]], "leader",
                    subject=doc.ctx.mention_at[i + 1].iso3)
