"""The scopes of a rank (world, arab, gcc, a continent...), stated or carried over from another rank."""

from __future__ import annotations

from core.rankings.editions import is_previous
from core.rankings.expressions import scopes_at
from core.reference import MEMBERSHIP_SOURCES, membership

DEFERRED_SCOPE = 8   # a scope this far after the rank, in its clause ("الترتيب 18 في الجاهزية على مستوى العالم")
PLACEMENT = 5        # a placing verb this far before a rank with no scope word makes it a world rank
CUT_AFTER = 3        # a text cut off this close after a rank may have lost the rank's scope
ENUMERATION_BACK = 6  # the rank before in an enumeration is among this many ranks before it


def scope_stated(doc, items, n, resolved):
    return (items[n].scopes, "stated") if items[n].scopes else None


def scope_uncoded(doc, items, n, resolved):
    """A rank of a region the tables do not code ("الأولى مغاربيا", "الأولى في شمال إفريقيا"): no
    scope, so no claim (never the world by default)."""
    item = items[n]
    if item.scopes:
        return None
    toks = doc.ctx.tokens
    at = item.end
    if at < len(toks.texts) and doc.lex.uncoded_scope.match(toks, at, doc.ctx.text):
        return [], "uncoded"
    return None


def scope_deferred(doc, items, n, resolved):
    """A scope a few words on in the clause: "الترتيب 18 في جاهزية الحكومة الإلكترونية على مستوى العالم"."""
    item = items[n]
    c = doc.clause(item.first)
    stop = min(item.scope_end + DEFERRED_SCOPE + 1, c.last, items[n + 1].first if n + 1 < len(items) else c.last)
    for k in range(item.scope_end, stop):
        if doc.mentions_in(k, k + 1):
            return None
        scopes, _ = scopes_at(doc, k)
        if scopes:
            return scopes, "stated"
    return None


def scope_fronted(doc, items, n, resolved):
    """A scope phrase opening a clause of the rank's sentence, before it and before no other rank:
    "وعلى المستوى العربي، جاءت الأردن في المرتبة الثامنة", "عربيا، حلت ..."."""
    item = items[n]
    s = doc.sentence(item.first)
    lo = max(s.first, items[n - 1].scope_end if n else s.first)
    k = doc.clause(item.first).first
    while k >= lo:
        m = doc.lex.scopes.match(doc.ctx.tokens, k, doc.ctx.text)
        if m and k + m[1] <= item.first:
            return [m[0]], "stated"
        if k == 0:
            break
        k = doc.clause(k - 1).first
    return None


CONTINENT = "continent"  # a scope decided by the rank's state: its continent (extract.claims_from_items)


def scope_before(doc, items, n, resolved):
    """A scope word before the rank: "تراجع ترتيبها العالمي من المركز 53"; "the continental ranking"
    ("متقدمة في التصنيف القاري، لتحتل المرتبة الثالثة") is the continent of the rank's state."""
    s = doc.sentence(items[n].first)
    hits = doc.hits("pre_scope", s.first, items[n].first)
    continental = doc.hits("continental", s.first, items[n].first)
    if continental and (not hits or continental[-1][0] > hits[-1][0]):
        return [CONTINENT], "continental"
    return ([hits[-1][2]], "stated") if hits else None


def scope_from_to(doc, items, n, resolved):
    """The other end of a move: "من المركز 53 إلى المركز 62"."""
    item = items[n]
    if item.from_to == "to" and n > 0 and items[n - 1].from_to == "from" and resolved[n - 1]:
        return resolved[n - 1], "move"
    if item.from_to == "from" and n + 1 < len(items) and items[n + 1].from_to == "to" and items[n + 1].scopes:
        return items[n + 1].scopes, "move"
    return None


def scope_inherited(doc, items, n, resolved):
    """An earlier rank, or the next of a ranked list, has the scope of the rank before it:
    "الثالث آسيويا بعد أن كان ترتيبها الثامن", "تلتها إستونيا ثانياً"."""
    item = items[n]
    if not (is_previous(doc, item) or item.rule in ("adverbial", "listed", "bracketed")) or n == 0 \
            or not resolved[n - 1]:
        return None
    s = doc.sentence(item.first)
    if items[n - 1].first < s.first and doc.sentence(items[n - 1].first).last != s.first:
        return None  # the rank before is not in this sentence or the one just before
    # "18 عالميا والثالثة عربيا، بعد أن كانت في المرتبة 54": no scope ranks a state below its size
    # (22 Arab states); the nearest rank before in the sentence whose scope can hold it gives its own
    for m in range(n - 1, -1, -1):
        if m < n - 1 and items[m].first < s.first:
            break
        if resolved[m] and admits(resolved[m], item.rank):
            return resolved[m], "inherited"
    return None


def admits(scopes: list[str], rank: int) -> bool:
    """Whether every scope with a membership list has at least `rank` states (core.reference)."""
    return all(rank <= len(membership(s)) for s in scopes if s in MEMBERSHIP_SOURCES)


def scope_gapped(doc, items, n, resolved):
    """A rank whose placing verb is shared with the rank before it (gapping): "جاءت السعودية في
    المركز 36 وقطر في المركز 44", "احتلت المركز 114، والمركز 191 في عام 2012" — only و, at most
    one state and a preposition stand between the two ranks."""
    if n == 0 or not resolved[n - 1]:
        return None
    item, prev = items[n], items[n - 1]
    toks, lex = doc.ctx.tokens, doc.lex
    between = toks.texts[prev.scope_end:item.first]
    # "، والمرتبة 41 في مسح 2024", "... 2012 والمركز 121 في 2014": a rank noun joined by و continues
    # the rank before (no state named between them)
    opens = item.rule == "rank_noun" and toks.texts[item.first][:1] in lex.and_words
    joined = between[0] if between else toks.texts[item.first]
    if not opens and (joined[:1] not in lex.and_words or len(between) > 6):
        return None
    if doc.sentence(prev.first).first != doc.sentence(item.first).first \
            and doc.sentence(prev.first).last != doc.sentence(item.first).first:
        return None  # the rank before is not in this sentence or the one just before
    states = [a for a in doc.mentions_in(prev.scope_end, item.first)]
    if not states:
        return (resolved[n - 1], "inherited") if len(between) <= 1 or opens else None
    if opens:
        return None
    if states[0] - prev.scope_end > 1 or any(doc.ctx.mention_tokens[a][1] > item.first for a in states):
        return None
    if len(toks.texts[doc.ctx.mention_tokens[states[-1]][1]:item.first]) > 1:
        return None
    return resolved[n - 1], "inherited"


def scope_enumerated(doc, items, n, resolved):
    """A rank that continues a ranked enumeration in its sentence (the rank one above it named
    before, with its scope) takes that scope: "حققت الإمارات المركز الأول عربيا، تليها في المركز
    الثاني البحرين، فيما حلت السعودية في المركز الثالث"."""
    item = items[n]
    s = doc.sentence(item.first)
    for k in range(n - 1, max(-1, n - 1 - ENUMERATION_BACK), -1):
        if items[k].first < s.first:
            return None
        if items[k].rank == item.rank - 1 and resolved[k] and not is_previous(doc, items[k]):
            return resolved[k], "inherited"
    return None


def scope_coordinated(doc, items, n, resolved):
    """The scope of the next rank in a coordination: "عُمان في المركز 41، وقطر في المركز 53 على مستوى العالم"."""
    item = items[n]
    if n + 1 >= len(items) or not items[n + 1].scopes or items[n + 1].first - item.scope_end > 4:
        return None
    between = doc.ctx.tokens.texts[item.scope_end]
    if not doc.mentions_in(item.scope_end, items[n + 1].first) or between[:1] not in doc.lex.and_words:
        return None  # "وقطر في المركز 53": another state, joined by و
    if doc.sentence(items[n + 1].first).first != doc.sentence(item.first).first:
        return None
    return items[n + 1].scopes, "coordinated"


def _placed_across_states(doc, lo: int, i: int) -> bool:
    """A placing verb whose subject is a list of states standing between it and the rank: "وحلت كل
    من السعودية والإمارات والكويت في المراتب ...": only states, their joiners, short words (a
    preposition) and one word of a list's opening ("كل من") between the verb and the rank noun."""
    toks = doc.ctx.tokens
    in_state = {k for a in doc.mentions_in(lo, i) for k in range(a, doc.ctx.mention_tokens[a][1])}
    joiners = doc.lex.and_words | doc.lex.list_joiners
    opening = 0
    for k in range(i - 1, lo - 1, -1):
        if doc.has("placement", k, k + 1):
            return True
        if k in in_state or toks.texts[k] in joiners or len(toks.texts[k]) <= 2:
            continue  # a state, "و", "ثم", "في", "من"
        opening += 1
        if opening > 1:
            return False
    return False


def scope_assumed_world(doc, items, n, resolved):
    """A placed rank with no scope word, in an article about the survey (the UN survey or its index
    named, or a report with scoped ranks), is a world rank: "البحرين التي حلّت في المركز 18"."""
    item = items[n]
    c = doc.clause(item.first)
    if c.last >= len(doc.ctx.tokens.texts) and c.last - item.scope_end <= CUT_AFTER and doc.ctx.text.rstrip()[-1:].isalnum():
        return None  # the text is cut off right after the rank ("المرتبة الخامسة في آس"): its scope may be lost
    placed = item.from_to or doc.has("placement", max(c.first, item.first - PLACEMENT), item.first) or \
        _placed_across_states(doc, c.first, item.first)
    survey = bool(doc.index_classes & {"overall", "survey"}) or (
        "report" in doc.index_classes and any(other.scopes for other in items if other is not item))
    return (["world"], "assumed") if placed and survey else None


SCOPE_RULES = (scope_stated, scope_uncoded, scope_deferred, scope_fronted, scope_before, scope_from_to, scope_inherited,
               scope_gapped, scope_enumerated, scope_coordinated, scope_assumed_world)


def scopes_of(doc, items, n, resolved) -> tuple[list[str], str]:
    """The scopes of items[n] and the rule that found them; no scope ("not_stated", "uncoded") drops the rank."""
    return next((r for rule in SCOPE_RULES if (r := rule(doc, items, n, resolved)) is not None), ([], "not_stated"))
