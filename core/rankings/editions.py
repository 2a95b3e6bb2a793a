"""The survey edition an article reports on, and the survey year of each rank."""

from __future__ import annotations

from dataclasses import dataclass

from core.rankings.document import RankDoc, RankItem

YEAR_AFTER = 8       # a year this far after the rank, in its clause, is the rank's year
PREVIOUS_BEFORE = 8
COMPARE_BEFORE = 5
SURVEY_BEFORE = 6
RELEASE_BEFORE = 8   # a release cue this far before a date makes it the report's release date


@dataclass(frozen=True)
class Edition:
    """The survey edition an article reports on, and the rule that found it."""

    year: int | None
    basis: str  # stated | compared | publication_date | not_stated


def plausible_edition(doc: RankDoc, year: int) -> bool:
    """A listed edition, or a later even year not after the publication year (the survey is biennial)."""
    top, pub = max(doc.lex.editions), doc.ctx.published.year
    if pub is not None and year > pub:
        return False
    return year in doc.lex.editions or (year > top and year % 2 == 0 and (pub or top + 2) >= year)


def _edition_years(doc: RankDoc) -> tuple[list[int], list[int]]:
    """Edition years stated in the text: (current candidates, comparison years).

    A year counts when the survey is named just before it, a year word precedes it ("لعام"), it is
    the report's release date ("التقرير الصادر ... بتاريخ 30 يوليو 2016": a full date only here), or
    a comparison cue stands right before it ("مقارنة ب2020"). A year the article compares with is an
    earlier edition, and the current one is later than every edition it is compared with ("تصنيف هذا
    العام ... مقارنة بتصنيف عام 2018": 2010, 2012, 2014 named as history are not the current one)."""
    ctx, lex = doc.ctx, doc.lex
    current, compared = [], []
    for a, b, d in ctx.date_tokens:
        if d.basis != "text" or not plausible_edition(doc, d.year):
            continue
        released = doc.has("released", a - RELEASE_BEFORE, a) and doc.has("survey", a - RELEASE_BEFORE - SURVEY_BEFORE, a)
        if d.month is not None and not released:
            continue
        if doc.has("future", a - 3, a) or doc.has("future", b, b + 3):
            continue
        cue_compare = doc.has("compare", a - 2, a)
        if not (doc.has("survey", a - SURVEY_BEFORE, a) or doc.has("year_word", a - 2, a) or released or cue_compare):
            continue
        starts_range = a > 0 and ctx.tokens.texts[a - 1] in lex.range_start
        # the cue governs the year only inside its clause ("بعد أن كانت في التقرير السابق، في مسح 2024")
        if starts_range or doc.has("compare", max(doc.clause(a).first, a - COMPARE_BEFORE), a):
            compared.append(d.year)
        else:
            current.append(d.year)
    if compared:
        current = [y for y in current if y > max(compared)]
    return current, compared


def find_edition(doc: RankDoc) -> Edition:
    """Rules, first wins: stated (the latest edition year named with the survey, not as a
    comparison); compared (two years after the latest comparison edition: "مقارنة بعام 2022");
    publication_date (the latest edition up to the publication year); not_stated."""
    current, compared = _edition_years(doc)
    if current:
        return Edition(max(current), "stated")
    if compared:
        return Edition(max(compared) + 2, "compared")
    pub = doc.ctx.published.year
    earlier = [e for e in doc.lex.editions if pub is not None and e <= pub]
    if earlier:
        return Edition(earlier[-1], "publication_date")
    return Edition(None, "not_stated")


def previous_edition(doc: RankDoc, year: int | None) -> int | None:
    """The edition before `year` (editions are biennial since 2008; earlier ones from the list)."""
    if year is None:
        return None
    earlier = [e for e in doc.lex.editions if e < year]
    return earlier[-1] if earlier else year - 2


def is_previous(doc: RankDoc, item: RankItem) -> bool:
    """An earlier rank: "بعد أن كانت في المركز الثاني", "في المركز 36 سابقا", "من المركز 53"."""
    c = doc.clause(item.first)
    return (item.previous or item.from_to == "from"
            or any(not _cue_takes_a_year(doc, h, item.first)
                   for h in doc.hits("previous", max(c.first, item.first - PREVIOUS_BEFORE), item.first))
            or doc.has("previous_after", item.scope_end, item.scope_end + 1))


def _cue_takes_a_year(doc: RankDoc, hit, stop: int) -> bool:
    """Whether a comparison cue before a rank is followed by a year instead ("تراجعت مقارنة ب 2020
    تصدرتها سوريا التي احتلت المركز 156": the year is compared, the rank is the current one)."""
    end = hit[0] + hit[1]
    return any(a < stop for a, _, _ in doc.dates_in(end, end + 2))


def years_after(doc: RankDoc, item: RankItem, stop: int) -> list[tuple[int, bool]]:
    """(year, is_comparison) of the years written after the rank in its clause, before `stop`."""
    c = doc.clause(item.first)
    out = []
    toks, text = doc.ctx.tokens, doc.ctx.text
    for a, b, d in doc.dates_in(item.scope_end, min(item.scope_end + YEAR_AFTER + 1, c.last, stop)):
        if "(" in text[toks.ends[item.scope_end - 1]:toks.starts[a]]:
            break  # "89 عالميا (100 في 2022)": a year in a bracket after the rank is the bracket's
        if d.month is None and plausible_edition(doc, d.year):
            compared = doc.has("compare", a - 3, a) or (a > 0 and doc.ctx.tokens.texts[a - 1] in doc.lex.range_start)
            out.append((d.year, compared))
    return out


def year_stated_after(doc, item, stop, previous):
    for year, compared in years_after(doc, item, stop):
        if previous or not compared:
            return year, "stated"
    return None


def year_stated_before(doc, item, lo, previous):
    """A report year before the rank: "وبحسب تقرير 2010 حلت"; "تصنيف العام 2016م، والذي حصلت فيه";
    a year with its year word in the rank's own clause: "احتلت في عام 2018 المركز 140"."""
    ctx = doc.ctx
    c, s = doc.clause(item.first), doc.sentence(item.first)
    found = None
    for a, b, d in doc.dates_in(max(s.first, lo), item.first):
        if d.month is not None or not plausible_edition(doc, d.year):
            continue
        # "احتلت في عام 2018 المركز 140": in the rank's clause, with no earlier rank in that clause
        # ("مقارنة بتصنيف عام 2018" is a compared year; "وكانت قد احتلت في عام 2010" is the rank's)
        compared = any(ctx.tokens.texts[h[0]] not in doc.lex.was for h in doc.hits("compare", a - 3, a))
        in_clause = (a >= c.first and lo <= c.first and doc.has("year_word", a - 2, a)
                     and ctx.tokens.texts[a - 1] not in doc.lex.range_start and not compared)
        if not (doc.has("survey", a - SURVEY_BEFORE, a) or in_clause):
            continue
        # the rank's clause elaborates the year's ("ويعد ترتيبها في عام 2010 الأفضل، حيث احتلت المركز 114")
        elaborates = doc.has("elaboration", c.first, c.first + 1) and lo <= c.first
        if a >= c.first or doc.has("relative", b, b + 3) or elaborates:
            found = d.year
    return (found, "stated") if found is not None else None


def year_of(doc, item, stop, lo, edition: Edition) -> tuple[int | None, str]:
    """stated | previous_edition | edition | publication_date | not_stated."""
    previous = is_previous(doc, item)
    # a previous rank's year is after it ("السابق 98 ... لعام 2012"); a year before it is the current rank's
    got = year_stated_after(doc, item, stop, previous) or (None if previous else year_stated_before(doc, item, lo, previous))
    if got:
        return got
    if previous:
        return previous_edition(doc, edition.year), "previous_edition"
    if edition.year is None:
        return None, "not_stated"
    return edition.year, "publication_date" if edition.basis == "publication_date" else "edition"


def _governs(doc: RankDoc, k: int, i: int) -> bool:
    """The verb ending at token k takes the rank at i as its object: only its subject state, short
    words ("على", "في") and one noun of position ("موقعها") stand between ("للمحافظة على ما أحرزته
    البحرين من تقدم … المركز 18" keeps something else)."""
    toks = doc.ctx.tokens
    in_state = {t for a in doc.mentions_in(k, i) for t in range(a, doc.ctx.mention_tokens[a][1])}
    other = [t for t in range(k, i) if t not in in_state and len(toks.texts[t]) > 3]
    return len(other) <= 1


def kept_comparison(doc: RankDoc, item: RankItem, lo: int, stop: int, year: int | None) -> tuple[int, str] | None:
    """A kept rank also claims the edition it was kept from: its comparison year ("حافظت على ترتيبها
    الـ50 مقارنة بـ2020", stated), else the edition before the rank's year ("حافظ الأردن على ترتيبه
    الثامن عربيا" in the 2022 survey: 2020, previous_edition). The verb of keeping stands in the rank's
    clause with no rank between (`lo`: where the rank before ends): "وحافظت كوريا الجنوبية على موقعها
    في مقدمة التصنيف"."""
    c = doc.clause(item.first)
    verbs = [h[0] + h[1] for h in doc.hits("kept", max(c.first, lo), item.first)]
    if not verbs or not _governs(doc, verbs[-1], item.first):
        return None
    compared = [y for y, is_cmp in years_after(doc, item, stop) if is_cmp]
    if compared:
        return compared[0], "stated"
    earlier = previous_edition(doc, year)
    return (earlier, "previous_edition") if earlier is not None else None
