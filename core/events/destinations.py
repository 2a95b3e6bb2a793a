"""A visit to several states at once: "زيارة … إلى جمهورية إستونيا ومملكة الدنمارك" is one visit
per destination, each with its own host and the same visitors (the other destinations are hosts of
their own visit, not participants in this one)."""

from __future__ import annotations

from core.events import rules
from core.text.context import DocContext
from core.text.morphology import conjoined


def coordinated_hosts(ctx: DocContext, kind: str, host: rules.Decision) -> list[rules.Decision]:
    """The states coordinated right after a visit's stated destination ("إلى إستونيا والدنمارك"),
    each a host of its own visit; none for other kinds (one event is held in one place) or for a
    host that was not stated at a named state."""
    if kind != "visit" or host.basis != "stated" or host.mention is None or host.mention.via != "name":
        return []
    a = ctx.token_index(host.mention.nstart)
    if a not in ctx.mention_tokens:
        return []
    found: list[rules.Decision] = []
    nxt = ctx.mention_tokens[a][1]
    while nxt in ctx.mention_at and conjoined(ctx.tokens.texts[nxt]):
        m = ctx.mention_at[nxt]
        if m.via != "name" or m.iso3 in {host.value} | {d.value for d in found}:
            break
        found.append(rules.Decision(m.iso3, "stated", host.rule + "_coordinated", m))
        nxt = ctx.mention_tokens[nxt][1]
    return found
