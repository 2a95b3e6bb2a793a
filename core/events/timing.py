"""Named rules that decide an event's date, year and tense, each with its basis (`Decision`)."""

from __future__ import annotations

from core.text.context import DocContext
from core.text.dates import future_month_at
from core.events.rules import Decision
from core.records import DateMention

TENSE_WINDOW = 2        # a future word this close after the cue makes the event upcoming


def usable_dates(ctx: DocContext, lo: int, hi: int) -> list[DateMention]:
    """Dates inside tokens[lo:hi], minus datelines and years that belong to a plan or report."""
    out = []
    for a, b, d in ctx.dates_in_span(lo, hi):
        if ctx.has("publication", a - 3, a):
            continue
        if d.month is None and d.basis == "text" and ctx.has("year_owner", a - 5, a):
            continue
        out.append(d)
    return out


def first_date(dates: list[DateMention]) -> DateMention | None:
    """The first usable date; a Hijri date gives way to the Gregorian written beside it."""
    if not dates:
        return None
    d = dates[0]
    if d.calendar == "hijri":
        # "4 محرم الموافق 21 ديسمبر": the Gregorian equivalent written next to it is exact.
        d = next((g for g in dates[1:3] if g.calendar == "gregorian" and g.month is not None), d)
    return d


def time_decision(d: DateMention | None, basis_if_text: str) -> Decision | None:
    if d is None:
        return None
    basis = "relative" if d.basis == "relative" else basis_if_text
    return Decision(d, basis, "date_" + basis)


def day_precise(dates: list[DateMention]) -> list[DateMention]:
    return [d for d in dates if d.unit == "day" or d.day is not None]


def main_time(ctx: DocContext, cue_first: int, statement_end: int, sentence_first: int,
              restated: list[tuple[int, int]] = ()) -> Decision | None:
    """The main event's date: in its statement, else a day-precise date before the cue in its
    sentence, else a date (from the publication year on) where an opening sentence names the event
    again (`restated`), else a day-precise date in the opening sentences ("استقبلت المملكة أمس …")."""
    clause_first = max(sentence_first, ctx.clause_of(cue_first).first)
    # "ستستضيف البحرين في عام 2026 المؤتمر": a date before the cue in its own clause, no event and no
    # report or index named between ("في تقرير الأمم المتحدة 2014 خلال إحدى ورش العمل": the report's year)
    before = [] if ctx.has("event_cue", clause_first, cue_first) or ctx.has("survey", clause_first, cue_first) \
        else usable_dates(ctx, clause_first, cue_first)
    found = time_decision(first_date(usable_dates(ctx, cue_first, statement_end)), "stated") or \
        time_decision(first_date(day_precise(usable_dates(ctx, sentence_first, cue_first))), "stated") or \
        time_decision(first_date(before), "stated")
    if found is not None:
        return found
    # A restatement's date counts only from the publication year on: "ورشة … في 2012" in a later
    # sentence of a 2024 article is an earlier workshop, not the one the headline reports.
    pub = ctx.published.year
    for lo, hi in restated:
        dates = [d for d in usable_dates(ctx, lo, hi) if pub is not None and d.year is not None and d.year >= pub]
        found = time_decision(first_date(dates), "stated_elsewhere")
        if found is not None:
            return found
    for s in ctx.sentences[:2]:
        if s.first > cue_first and ctx.has("event_cue", s.first, s.last) and \
                (ctx.has("past", s.first, s.last) or ctx.has("earlier_verb", s.first, s.last)):
            continue  # "وكانت البحرين قد استضافت المؤتمر في 10 أكتوبر 2019": an earlier one, told after
        found = time_decision(first_date(day_precise(usable_dates(ctx, s.first, s.last))), "stated_elsewhere")
        if found is not None:
            return found
    return None


def mentioned_time(ctx: DocContext, lo: int, cue_first: int, hi: int) -> tuple[Decision | None, bool]:
    """A mentioned event's date (after its cue, else before it) and whether any date was seen."""
    if not ctx.date_starts_in(min(lo, cue_first), max(hi, cue_first)):
        return None, False  # no date starts in the window: most cues
    dates = usable_dates(ctx, cue_first, hi) or usable_dates(ctx, lo, cue_first)
    return time_decision(first_date(dates), "stated"), bool(dates)


# ------------------------------------------------------------------ tense

def upcoming_marker(ctx: DocContext, lo: int, cue_last: int, hi: int) -> bool:
    """"سيعقد المؤتمر", "المؤتمر المقبل": a future word next to the cue."""
    return ctx.has("future", lo, min(hi, cue_last + TENSE_WINDOW))


def upcoming_date(ctx: DocContext, date: DateMention | None) -> bool:
    """A date later than the publication date (at the precision both have); a relative date counts
    too ("غدا", "نوفمبر من العام الجاري" in a June article), being resolved against that date."""
    pub = ctx.published
    if date is None or pub.year is None:
        return False
    mine = (date.year, date.month or 0, date.day or 0)
    theirs = (pub.year, pub.month or 0, pub.day or 0)
    depth = 1 + (date.month is not None and pub.month is not None) + \
        (date.day is not None and pub.day is not None and date.month is not None and pub.month is not None)
    return mine[:depth] > theirs[:depth]


def tense(ctx: DocContext, lo: int, cue_last: int, hi: int, date: DateMention | None) -> Decision:
    """past | upcoming, from a future word by the cue or a date after publication."""
    if upcoming_marker(ctx, lo, cue_last, hi):
        return Decision("upcoming", "stated", "tense_future_word")
    if upcoming_date(ctx, date):
        return Decision("upcoming", "stated", "tense_date_after_publication")
    # "موعد اجتماعها الثاني في قطر أبريل المقبل" with no publication date to place it: a month with a
    # future word in the cue's own clause still says the event is to come.
    clause = ctx.clause_of(cue_last)
    if date is None and future_month_at(ctx.tokens, cue_last + 1, min(hi, clause.last)) is not None:
        return Decision("upcoming", "stated", "tense_month_next")
    return Decision("past", "default", "tense_past")
