"""Named rules that read a delegation size ("بمشاركة 15 دولة", "دولتين") from an event's text."""

from __future__ import annotations

from bisect import bisect_left

from core.text.context import NUMBER_START, DocContext

SIZE_CONTEXT_BEFORE = 4
SIZE_NEGATIVE_AFTER = 2
LOWER_BOUND_BEFORE = 3
PEOPLE_WINDOW = 15      # "700 شخصية … من أكثر من 80 دولة": a people noun this far before "من"
MIN_STATES, MAX_STATES = 2, 190   # "192 دولة" is UN membership, not a delegation


def _origin_before(ctx: DocContext, i: int) -> int | None:
    """Index of the "من" of "… من N دولة" / "… من أكثر من N دولة" / "… من نحو N دولة" before the number at i."""
    if i > 0 and ctx.tagged(i - 1, "origin_preposition"):
        if i > 2 and ctx.tagged(i - 2, "lower_bound") and ctx.tagged(i - 3, "origin_preposition"):
            return i - 3   # "من أكثر من 80 دولة"
        if not (i > 1 and ctx.tagged(i - 2, "lower_bound")):
            return i - 1   # "600 من 94 دولة"
    if i > 1 and ctx.tagged(i - 1, "lower_bound") and ctx.tagged(i - 2, "origin_preposition"):
        return i - 2       # "مسؤولون من نحو 14 دولة"
    return None


def size_after_context_word(ctx: DocContext, i: int, last: int) -> bool:
    """"مكون من 21 دولة", "ممثلي 22 دولة", "بمشاركة 30 دولة"."""
    return ctx.has("size_context", i - SIZE_CONTEXT_BEFORE, i)


def size_people_from_states(ctx: DocContext, i: int, last: int) -> bool:
    """"600 من 94 دولة", "28 فائزا من 29 دولة", "700 شخصية … من أكثر من 80 دولة": people from N states."""
    k = _origin_before(ctx, i)
    if k is None:
        return False
    sentence = ctx.sentence_of(i)
    before = max(sentence.first, k - PEOPLE_WINDOW)
    return ctx.has("people_noun", before, k) or (k > 0 and bool(ctx.memo_numbers(k - 2, k)))


def size_definite_states(ctx: DocContext, i: int, last: int) -> bool:
    """"الدول الـ15 المشاركة": the states that take part, with their number after the noun."""
    noun = i - 2 if i > 1 and ctx.tagged(i - 1, "bare_article") else i - 1
    return noun >= 0 and ctx.tagged(noun, "state_noun") and ctx.has("participating", last, last + 2)


SIZE_RULES = (size_after_context_word, size_people_from_states)


# A number spans at most this many tokens ("مائة وخمسة عشر" = 115: a hundred, then a cardinal of two
# tokens after و): its state noun (num.last) lies at most this far after its first token.
NUMBER_TOKENS = 3


def _state_counts(ctx: DocContext) -> list[int]:
    """The tokens where a cardinal from MIN_STATES to below MAX_STATES starts with a state noun where
    a size rule reads one (right after the number, or one or two tokens before it: "الدول الـ15"), in
    order, once per document. Only the numbers near a state noun are parsed; a document with no
    state noun has none."""
    found = ctx.memo.get("state_counts")
    if found is None:
        found = ctx.memo["state_counts"] = []
        nouns = ctx.tags["state_noun"]
        if not nouns:
            return found
        texts = ctx.index.texts
        for i in ctx.index.positions(NUMBER_START):
            k = bisect_left(nouns, i - 2)
            if k == len(nouns) or nouns[k] > i + NUMBER_TOKENS:
                continue  # no state noun a size rule could read with a number here
            word = texts[i]
            if word.isdigit() and len(word) <= 9:  # parse_number reads digits as their cardinal value
                counts = MIN_STATES <= int(word) < MAX_STATES
            else:
                num = ctx.number_at(i)
                counts = num is not None and not num.ordinal and MIN_STATES <= num.value < MAX_STATES
            if counts:
                found.append(i)
    return found


def stated_size(ctx: DocContext, lo: int, hi: int) -> tuple[int | None, bool]:
    """Delegation size stated in tokens[lo:hi] by the first size rule that fires, and lower-bound flag.

    A count of states is a delegation size only with a word that ties it to who came; counts of
    people, entities or sessions, UN membership and beneficiaries are not.
    """
    toks = ctx.tokens
    counts = _state_counts(ctx)
    for i in counts[bisect_left(counts, max(lo, 0)):bisect_left(counts, hi)]:
        num = ctx.number_at(i)
        if ctx.has("size_negative", i - SIZE_CONTEXT_BEFORE, i):
            continue
        if num.last < len(toks.texts) and ctx.tagged(num.last, "state_noun"):
            if ctx.has("size_negative", num.last + 1, num.last + 1 + SIZE_NEGATIVE_AFTER):
                continue
            if any(rule(ctx, i, num.last) for rule in SIZE_RULES):
                return num.value, ctx.has("lower_bound", i - LOWER_BOUND_BEFORE, i)
        elif size_definite_states(ctx, i, num.last):
            return num.value, False
    return size_dual(ctx, lo, hi)


def size_dual(ctx: DocContext, lo: int, hi: int) -> tuple[int | None, bool]:
    """"بمشاركة دولتين", "وفود من دولتين عربيتين": the dual of a state noun after a size word is two
    states ("بين البلدين" with no size word is a bilateral relation, no count)."""
    for i in ctx.tag_positions("state_dual", lo, hi):
        if ctx.has("size_context", i - SIZE_CONTEXT_BEFORE, i) and not ctx.has("size_negative", i - SIZE_CONTEXT_BEFORE, i):
            return 2, False
    return None, False
