"""Where a delegation comes from: shared by the host rules (not a host) and the participant rules."""

from __future__ import annotations

from core.text.context import DocContext


def delegation_origin(ctx: DocContext, a: int) -> bool:
    """"زار وفد من الإدارة العامة … بدبي": the place after "وفد من" is where the delegation comes
    from, unless a hosting verb, "إلى" or a seat visited ("مقر") after the delegation word points at
    its destination."""
    clause = ctx.clause_of(a)
    found = ctx.tag_positions("delegation", clause.first, a)
    if not found or not ctx.has("origin_preposition", found[-1] + 1, a):
        return False
    d = found[-1]
    # "زار وفد من الوزارة مقر الأمم المتحدة في مدينة نيويورك": a seat visited stands between
    return not (ctx.has("host_verb", d, a) or ctx.has("present_host", d, a) or ctx.has("destination_preposition", d, a)
                or ctx.has("seat_word", d, a))
