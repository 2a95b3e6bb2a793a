"""A place named as where an event is not: "خارج مقرها الرئيسي بنيويورك" (outside its New York seat)."""

from __future__ import annotations

from core.text.context import DocContext

# Words that end the phrase "خارج" opens: a verb of hosting, a delegation, a new clause (a verb of
# holding after it comes with its own "في": "خارج البحرين المنعقد في مسقط").
_PHRASE_ENDS = ("destination_preposition", "host_verb", "present_host", "delegation", "clause_start")


def outside_place(ctx: DocContext, a: int) -> bool:
    """The place at token a belongs to the noun phrase "خارج" opens in its clause ("خارج البحرين",
    "خارج مقرها الرئيسي بنيويورك", "خارج مقر المنظمة في جنيف": a place attached to the seat), not to
    one a later preposition opens for the verb ("عقد خارج البحرين في مسقط")."""
    clause = ctx.clause_of(a)
    found = ctx.tag_positions("outside", clause.first, a)
    if not found:
        return False
    o = found[-1]
    if any(ctx.has(group, o + 1, a) for group in _PHRASE_ENDS):
        return False
    prep = ctx.first_tag("place_preposition", o + 1, a)
    return prep is None or ctx.has("seat_word", o + 1, prep)
