"""Single rank expressions: a rank number or ordinal, the scope words after it, and the rules finding them."""

from __future__ import annotations

from bisect import bisect_left

from core.text.numbers import parse_number
from core.rankings.document import RankDoc, RankItem

MAX_RANK = 200
# Every edition of the UN survey ranks far more states than this (184 in 2010, the fewest; 191-193 in
# the others: the editions' own counts, as in the official series): a count this large is the world,
# a smaller one a group of states.
WORLD_COUNT = 170
RELATIVE_RANK = 10  # "مرتبته ... والتي كانت 155": a rank noun this far before the relative
CHAIN_GAP = 2      # tokens allowed between one rank and the next item of its chain


def rank_number_at(doc: RankDoc, j: int, joiners: int = 0):
    """(value, first token, token after, ordinal) of a number at tokens[j], after up to `joiners`
    tokens of و / ال ("و ال 50"); None when there is none."""
    toks = doc.ctx.tokens
    start = j
    while joiners and j < len(toks.texts) and toks.texts[j] in doc.lex.joiners and j + 1 < len(toks.texts):
        j, joiners = j + 1, joiners - 1
    if j >= len(toks.texts):
        return None
    if j > start and not toks.texts[j].isdigit():
        return None  # a joiner only before digits ("والـ 49"); "والثالث" is one token
    num = parse_number(toks, j)
    if num is None or not 1 <= num.value <= MAX_RANK:
        return None
    return num.value, start, num.last, num.ordinal


def _counted_scope(doc: RankDoc, k: int):
    """("world", length) for "من أصل 193 دولة", "من بين 193 بلدا": a phrase of counting, a number
    and a noun of states — the whole phrase, so the number of states is never read as a rank."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    m = doc.lex.count_scope.match(toks, k, text)
    if not m:
        return None
    j = k + m[1]
    num = parse_number(toks, j) if j < len(toks.texts) else None
    if num is None or num.value < WORLD_COUNT or num.last >= len(toks.texts) or not doc.lex.count_noun.match(toks, num.last, text):
        return None  # "من بين 21 دولة عربية", "من بين 47 دولة ... بقارة آسيا": a smaller group
    return "world", num.last + doc.lex.count_noun.match(toks, num.last, text)[1] - k


def scopes_at(doc: RankDoc, k: int) -> tuple[list[str], int]:
    """Scopes that follow a rank ("عربيا و خليجيا"; "عالميا والثالث" stops at the next ordinal)."""
    toks, lex = doc.ctx.tokens, doc.lex
    scopes: list[str] = []
    if 0 < k < len(toks.texts) and toks.texts[k - 1] in lex.subregion:
        return scopes, k  # "في شمال إفريقيا": a part of the region is not the region's scope
    lead = lex.scope_lead.match(toks, k, doc.ctx.text) if k < len(toks.texts) else None
    if lead and k + lead[1] < len(toks.texts) and lex.scopes.match(toks, k + lead[1], doc.ctx.text):
        k += lead[1]  # "الثانية عشرة كأفضل دولة في آسيا": the scope after "as the best state"
    uncoded = lex.uncoded_scope.match(toks, k, doc.ctx.text) if k < len(toks.texts) else None
    if uncoded:  # "الأولى على مستوى المغرب العربي والثالثة أفريقيا": passed over, no scope
        return scopes, k + uncoded[1]
    while k < len(toks.texts):
        if scopes and doc.ctx.text[toks.ends[k - 1]:toks.starts[k]].strip() not in lex.scope_gaps:
            break  # a list of scopes does not run across a full stop or a bracket
        counted = _counted_scope(doc, k)
        if counted and scopes:  # "التاسع عربياً من بين 193 دولة": the count of the survey, no second scope
            k += counted[1]
            continue
        m = counted or lex.scopes.match(toks, k, doc.ctx.text)
        if m is None and scopes and toks.texts[k] in lex.and_words and k + 1 < len(toks.texts):
            m = lex.scopes.match(toks, k + 1, doc.ctx.text)
            if m:
                k += 1
        if not m:
            break
        if m[0] not in scopes:
            scopes.append(m[0])
        k += m[1]
    return scopes, k


def _item(doc: RankDoc, got, rule: str, need_scope: bool) -> RankItem | None:
    value, first, end, _ = got
    scopes, scope_end = scopes_at(doc, end)
    if need_scope and not scopes:
        return None
    return RankItem(value, first, end, scope_end, scopes, rule)


def rule_rank_noun(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """A rank noun and its number: "المركز 18", "المرتبة الـ18", "مرتبتها الثانية", "المرتبة70"; the
    noun may be qualified as the previous one before its number ("على الترتيب السابق 98")."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    trig = doc.lex.trigger.match(toks, i, text)
    if not trig:
        return None
    j = i + trig[1]
    previous = j < len(toks.texts) - 1 and doc.has("previous", j, j + 1) and toks.texts[j + 1].isdigit()
    j += previous
    got = rank_number_at(doc, j, joiners=1)
    if got is None or j >= len(toks.texts) or text[toks.ends[j - 1]:toks.starts[j]].strip(" ("):
        return None
    item = _item(doc, got, "rank_noun", need_scope=False)
    item.first = i
    item.previous = item.previous or previous
    return item


def _previous_around(doc: RankDoc, i: int, end: int) -> bool:
    return doc.has("previous", i - 2, i) or doc.has("previous_after", end, end + 1)


def rule_chained(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """The next item of a chain: "... عربيا والـ49 عالميا", "والثالثة آسيوياً، بدل الثامنة قبل عامين"."""
    toks = doc.ctx.tokens
    if last is None or i - last.scope_end > CHAIN_GAP or i == 0 or doc.has("not_rank_before", i - 1, i):
        return None
    got = rank_number_at(doc, i, joiners=2)
    if got is None:
        return None
    tok = toks.texts[i]
    digits_after_wa = got[1] < got[2] - 1 or tok in doc.lex.joiners  # "و 49", "وال 49"
    if last.rule == "was_number" and doc.dates_in(got[2], got[2] + 2):
        item = _item(doc, got, "chained", need_scope=False)
        item.previous = True
        return item
    if not (got[3] or digits_after_wa):
        return None
    return _item(doc, got, "chained", need_scope=not _previous_around(doc, i, got[2]))


def rule_placed_ordinal(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """An ordinal after a placing verb or a state, with a scope: "حلت الإمارات الثانية عربيا",
    "البحرين الـ18 عالمياً"."""
    if i == 0 or doc.has("not_rank_before", i - 1, i):
        return None
    prev = doc.ctx.tokens.texts[i - 1]
    if prev not in doc.lex.verbs and (i - 1) not in doc.mention_last:
        return None
    got = rank_number_at(doc, i, joiners=1)
    if got is None or not (got[3] or got[1] < got[2] - 1):
        return None  # an ordinal word, or digits with the article ("البحرين الـ18 عالمياً")
    # the scope after it, or opening an earlier clause: "وعلى المستوى العربي، جاءت البحرين ثالثة"
    return _item(doc, got, "placed_ordinal", need_scope=not fronted_scope(doc, i))


def fronted_scope(doc: RankDoc, i: int) -> bool:
    """A scope phrase opens a clause of token i's sentence before i ("عربيا، حلت …")."""
    s = doc.sentence(i)
    k = doc.clause(i).first
    while k >= s.first:
        m = doc.lex.scopes.match(doc.ctx.tokens, k, doc.ctx.text)
        if m and k + m[1] <= i:
            return True
        if k == 0:
            break
        k = doc.clause(k - 1).first
    return False


def rule_adverbial(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """An adverbial ordinal after a state, in a sentence already ranking: "تلتها إستونيا ثانياً"."""
    rank = doc.lex.adverbial.get(doc.ctx.tokens.texts[i])
    if rank is None or (i - 1) not in doc.mention_last or last is None:
        return None
    if doc.sentence(last.first).first != doc.sentence(i).first:
        return None
    scopes, scope_end = scopes_at(doc, i + 1)
    return RankItem(rank, i, i + 1, scope_end, scopes, "adverbial")


def rule_was_number(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """An earlier rank as a bare number or ordinal with its year: "بينما كانت 41 عام 2012", "بعد أن
    كانت رابعة سنة 2022"; a rank reached as a bare number with its year: "ثم قفزت إلى 43 عام 2020"."""
    toks = doc.ctx.tokens
    # "ثم قفزت إلى 43 عام 2020": a bare number after a verb of moving and إلى, with its year
    moved = i > 1 and toks.texts[i - 1] in doc.lex.to_words and doc.has("placement", i - 2, i - 1) \
        and toks.texts[i].isdigit()
    if i == 0 or not (toks.texts[i - 1] in doc.lex.was or moved):
        return None
    got = rank_number_at(doc, i)
    if moved:
        if got is None or not doc.dates_in(got[2], got[2] + 2):
            return None
        return _item(doc, got, "moved_to_number", need_scope=False)
    # "عن مرتبته في التقرير السابق الصادر عام 2018 والتي كانت 155": a relative after a rank noun
    about_rank = i > 1 and toks.texts[i - 2] in doc.lex.relative_words and any(
        doc.lex.trigger.first_variants(t) for t in toks.texts[max(doc.clause(i).first, i - RELATIVE_RANK):i - 2])
    if got is None or not (doc.dates_in(got[2], got[2] + 2) or about_rank):
        return None
    item = _item(doc, got, "was_number", need_scope=False)
    item.previous = True
    return item


def rule_bracketed_earlier(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """An earlier rank in brackets right after a rank, with its year: "المرتبة 89 عالميا (100 في 2022)"."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    if last is None or last.scope_end != i or "(" not in text[toks.ends[i - 1]:toks.starts[i]]:
        return None
    got = rank_number_at(doc, i)
    if got is None or got[3]:
        return None
    dates = doc.dates_in(got[2], got[2] + 3)
    if not dates or ")" not in text[toks.ends[dates[0][1] - 1]:toks.starts[dates[0][1]] if dates[0][1] < len(toks.texts) else None]:
        return None
    item = RankItem(got[0], i, got[2], got[2], [], "bracketed_earlier", previous=True)
    return item


def rule_bracketed(doc: RankDoc, i: int, last: RankItem | None) -> RankItem | None:
    """A rank in brackets right after a state: "البحرين (18 عالميا) الإمارات (32) والسعودية (36)"."""
    toks, text = doc.ctx.tokens, doc.ctx.text
    if i == 0 or (i - 1) not in doc.mention_last or "(" not in text[toks.ends[i - 1]:toks.starts[i]]:
        return None
    got = rank_number_at(doc, i)
    if got is None or got[3]:
        return None

    def closes(k: int) -> bool:  # a ")" right after token k-1
        return ")" in (text[toks.ends[k - 1]:toks.starts[k]] if k < len(toks.texts) else text[toks.ends[-1]:])

    if closes(got[2]):  # "(43) عالميا": the list's scope after its bracket, if any
        scopes, scope_end = scopes_at(doc, got[2])
    else:  # "(18 عالميا)"
        scopes, scope_end = scopes_at(doc, got[2])
        if not scopes or not closes(scope_end):
            return None  # "(18 نقطة)": only a number, with its scope at most, in the bracket
    k = bisect_left(doc.mention_first, i)  # the state that ends right before the bracket
    state = next(a for a in reversed(doc.mention_first[max(0, k - 2):k]) if doc.ctx.mention_tokens[a][1] == i)
    return RankItem(got[0], i, got[2], scope_end, scopes, "bracketed", subject=doc.ctx.mention_at[state].iso3)
