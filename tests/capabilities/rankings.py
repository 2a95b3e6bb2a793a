"""Ranking capabilities: rank expression, scope, survey year, previous edition, country of a rank and
what is not a claim, each over sentences generated from templates x slot values.

Slot values: every Arab League state (core/data/membership_arab.tsv) and thirty-odd others, named as
the project's gazetteer names them (core/data/country_variants.tsv, else CLDR's Arabic territory name
through Babel); ranks as digits, Arabic-Indic digits, ordinal words (masculine, feminine, compound);
every verb and noun of placing the genre uses. A slot that pairs a state with a rank is rotated over
the states so each capability stays at a few hundred cases.
"""

from __future__ import annotations

from functools import lru_cache

import pycountry
from babel import Locale

from capabilities.suite import Capability, generate
from core.lexicon import load_table

# States outside the Arab League that the genre ranks or compares with (every continent).
OTHERS = ("USA", "GBR", "FRA", "DEU", "JPN", "KOR", "CHN", "IND", "SGP", "EST", "DNK", "FIN", "NZL", "AUS",
          "CAN", "NOR", "SWE", "NLD", "ITA", "ESP", "TUR", "IRN", "PAK", "MYS", "IDN", "BRA", "MEX", "ZAF",
          "NGA", "KAZ", "RUS", "CHE", "KEN", "RWA", "UKR", "POL")
# A state that is not a UN member has no UN rank; the suite ranks members only.
NOT_RANKED = {"PSE"}


@lru_cache(maxsize=1)
def states() -> list[dict[str, str]]:
    """[{"iso3", "name"}]: the Arab League states, then OTHERS."""
    variant: dict[str, str] = {}
    for row in load_table("country_variants.tsv", ["iso3", "variant"]):
        variant.setdefault(row["iso3"], row["variant"])
    territories = Locale("ar").territories
    arab = [r["iso3"] for r in load_table("membership_arab.tsv", ["iso3"])]
    out = []
    for iso3 in arab + list(OTHERS):
        if iso3 in NOT_RANKED:
            continue
        name = variant.get(iso3) or territories[pycountry.countries.get(alpha_3=iso3).alpha_2]
        out.append({"iso3": iso3, "name": name})
    return out


def arab_states() -> list[dict[str, str]]:
    arab = {r["iso3"] for r in load_table("membership_arab.tsv", ["iso3"])}
    return [s for s in states() if s["iso3"] in arab]


# ---------------------------------------------------------------- number forms

UNITS_M = ("", "الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع", "العاشر")
UNITS_F = ("", "الأولى", "الثانية", "الثالثة", "الرابعة", "الخامسة", "السادسة", "السابعة", "الثامنة", "التاسعة",
           "العاشرة")
TENS = {20: "العشرين", 30: "الثلاثين", 40: "الأربعين", 50: "الخمسين", 60: "الستين", 70: "السبعين", 80: "الثمانين",
        90: "التسعين"}
INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def ordinal(n: int, feminine: bool) -> str:
    """The genitive ordinal word of 1..99 ("الثالث عشر", "الثانية والأربعين")."""
    units = UNITS_F if feminine else UNITS_M
    if n <= 10:
        return units[n]
    if n < 20:
        unit = {1: "الحادية" if feminine else "الحادي"}.get(n - 10, units[n - 10])
        return f"{unit} {'عشرة' if feminine else 'عشر'}"
    tens, unit = divmod(n, 10)
    if unit == 0:
        return TENS[n]
    first = ("الحادية" if feminine else "الحادي") if unit == 1 else units[unit]
    return f"{first} و{TENS[tens * 10]}"


def rank_forms(n: int) -> list[dict[str, object]]:
    """One rank written every way: (noun + number) pairs, masculine and feminine nouns."""
    forms = [("المركز", str(n)), ("المرتبة", str(n)), ("المركز", str(n).translate(INDIC)),
             ("المرتبة", "الـ" + str(n))]
    if n < 100:
        forms += [("المركز", ordinal(n, False)), ("المرتبة", ordinal(n, True))]
    return [{"rank": n, "noun": noun, "num": num} for noun, num in forms]


RANKS = (1, 2, 3, 7, 11, 12, 13, 18, 21, 38, 42, 55, 66, 99, 103, 146)


def rotated(values: list, count: int, offset: int = 0) -> list:
    """`count` values taken round the list from `offset` (pairs slots without a full product)."""
    return [values[(offset + k) % len(values)] for k in range(count)]


def state_rank_pairs(pool: list[dict[str, str]] | None = None, per_state: int = 1, numbers=RANKS,
                     forms: bool = True) -> list[dict[str, object]]:
    """Each state paired with ranks in turn, each rank in one of its written forms in turn."""
    pool = pool or states()
    out = []
    for k, state in enumerate(pool):
        for m in range(per_state):
            n = numbers[(k * per_state + m) % len(numbers)]
            written = rank_forms(n) if forms else [{"rank": n, "noun": "المركز", "num": str(n)}]
            out.append({**state, **written[(k + m) % len(written)]})
    return out


# ---------------------------------------------------------------- readers

def ranks(extraction) -> set[tuple]:
    """(country, scope, rank) of every claim."""
    return {(c.country_iso3, c.scope, c.rank) for c in extraction.rankings}


def dated_ranks(extraction) -> set[tuple]:
    """(country, survey year, scope, rank) of every claim."""
    return {(c.country_iso3, c.survey_year, c.scope, c.rank) for c in extraction.rankings}


NONE: set = set()
PUB = "2024-10-01"
SURVEY = "في مؤشر تطوير الحكومة الإلكترونية الصادر عن الأمم المتحدة لعام 2024"


def _one(scope):
    return lambda f: {(f["s"]["iso3"], scope, f["s"]["rank"])}


# ---------------------------------------------------------------- capabilities

def rank_expression() -> Capability:
    """A rank after a placing verb and a rank noun, in every number form, in either word order."""
    cap = Capability("rank_number_forms", "rank", ranks)
    # the verb and the word that takes the rank after the state: "حلت X في", "حصلت X على", "احتلت X"
    for verb, head in (("حلت", "في "), ("جاءت", "في "), ("احتلت", ""), ("حصلت", "على "), ("تبوأت", "")):
        cap.add(generate("{verb} {s[name]} " + head + "{s[noun]} {s[num]} عالميا " + SURVEY + ".",
                         _one("world"), verb=[verb], s=state_rank_pairs(per_state=1), published=PUB))
    cap.add(generate(SURVEY + "، {verb} {s[name]} في {s[noun]} {s[num]} على مستوى العالم.", _one("world"),
                     test="inv", verb=["حلت", "جاءت"], s=state_rank_pairs(per_state=1, numbers=RANKS[3:]),
                     published=PUB))
    # negative beside: a sub-index of the same survey is not the overall rank
    cap.add(generate("حلت {s[name]} في {s[noun]} {s[num]} عالميا في مؤشر {sub} ضمن مسح الأمم المتحدة 2024.",
                     NONE, test="neg", sub=["الخدمات الإلكترونية", "المشاركة الإلكترونية", "البنية التحتية للاتصالات",
                                            "رأس المال البشري"],
                     s=state_rank_pairs(arab_states()), published=PUB))
    return cap


def rank_one_by_leading() -> Capability:
    """Rank 1 written without a number: a verb or noun of leading, with the scope of the led group."""
    cap = Capability("rank_one_by_leading", "rank", ranks)
    groups = [("الدول العربية", "arab"), ("دول مجلس التعاون", "gcc"), ("دول العالم", "world"),
              ("دول منطقة الشرق الأوسط", "middle_east")]
    templates = ("تصدرت {s[name]} {g[0]} " + SURVEY + ".",
                 "جاءت {s[name]} في صدارة {g[0]} " + SURVEY + ".",
                 "حلت {s[name]} على رأس {g[0]} " + SURVEY + ".",
                 "احتلت {s[name]} المركز الأول بين {g[0]} " + SURVEY + ".")
    for n, template in enumerate(templates):
        pool = rotated(arab_states(), 12, offset=n * 5)
        cap.add(generate(template, lambda f: {(f["s"]["iso3"], f["g"][1], 1)}, s=pool, g=groups, published=PUB))
    cap.add(generate("وأظهر مسح الأمم المتحدة للحكومة الإلكترونية 2024 تصدر {s[name]} {g[0]}.",
                     lambda f: {(f["s"]["iso3"], f["g"][1], 1)}, test="inv", s=rotated(states(), 12, 30),
                     g=[("لقارة أفريقيا", "africa"), ("للدول العربية", "arab"), ("لدول الخليج", "gcc")], published=PUB))
    # regional leaders of every continent, the second sharing the first's verbal noun
    leaders = [{"a": a, "b": b} for a, b in zip(rotated(states(), 14, 3), rotated(states(), 14, 29))
               if a["iso3"] != b["iso3"]]
    cap.add(generate("وبالنسبة للقادة الإقليميين، أظهر مسح الأمم المتحدة للحكومة الإلكترونية 2024 تصدر {p[a][name]} "
                     "{g[0]}، و{p[b][name]} {h[0]}.",
                     lambda f: {(f["p"]["a"]["iso3"], f["g"][1], 1), (f["p"]["b"]["iso3"], f["h"][1], 1)}, test="inv",
                     p=leaders, g=[("لقارة أفريقيا", "africa"), ("لدول أوروبا", "europe")],
                     h=[("للأميركيتين", "americas"), ("لمنطقة أوقيانوسيا", "oceania")], published=PUB))
    # negatives beside: leading another organisation's ranking, or a field of work
    cap.add(generate("تصدرت {s[name]} الدول العربية في {other}.", NONE, test="neg",
                     s=rotated(arab_states(), 10),
                     other=["مؤشر الأمن السيبراني العالمي الصادر عن الاتحاد الدولي للاتصالات",
                            "تقرير التنافسية العالمية الصادر عن المنتدى الاقتصادي العالمي",
                            "الكتاب السنوي للتنافسية العالمية IMD"], published=PUB))
    cap.add(generate("تتصدر {s[name]} جهود التحول الرقمي في المنطقة منذ سنوات.", NONE, test="neg",
                     s=rotated(arab_states(), 12), published=PUB))
    return cap


def scope_positions() -> Capability:
    """A scope after its rank, before it, or in another phrase of the clause."""
    cap = Capability("scope_before_or_after", "scope", ranks)
    after = [("عربيا", "arab"), ("على المستوى العربي", "arab"), ("على مستوى الدول العربية", "arab"),
             ("عالميا", "world"), ("من بين 193 دولة", "world"), ("على مستوى العالم", "world"),
             ("خليجيا", "gcc"), ("آسيويا", "asia"), ("على مستوى أفريقيا", "africa")]
    cap.add(generate("حلت {s[name]} في {s[noun]} {s[num]} {sc[0]} " + SURVEY + ".",
                     lambda f: {(f["s"]["iso3"], f["sc"][1], f["s"]["rank"])},
                     s=state_rank_pairs(rotated(states(), 14), numbers=RANKS[:9]), sc=after, published=PUB))
    before = [("على المستوى العربي", "arab"), ("على الصعيد العربي", "arab"), ("عربيا", "arab"),
              ("على المستوى العالمي", "world"), ("على الصعيد العالمي", "world"), ("على مستوى دول الخليج", "gcc")]
    cap.add(generate(SURVEY + "، و{sc[0]}، جاءت {s[name]} في {s[noun]} {s[num]}.",
                     lambda f: {(f["s"]["iso3"], f["sc"][1], f["s"]["rank"])}, test="inv",
                     s=state_rank_pairs(rotated(arab_states(), 8, 3), numbers=RANKS[:9]), sc=before, published=PUB))
    # a count of states after the rank: the world for the whole survey, no second scope after another
    cap.add(generate("حلت {s[name]} في {s[noun]} {s[num]} {sc[0]} في مؤشر تطوير الحكومة الإلكترونية لعام 2024.",
                     lambda f: {(f["s"]["iso3"], f["sc"][1], f["s"]["rank"])}, test="inv",
                     s=state_rank_pairs(rotated(states(), 10, 8), numbers=RANKS[:8]),
                     sc=[("من أصل 193 دولة", "world"), ("من بين ١٩٣ بلدا", "world"), ("عربيا من بين 193 دولة", "arab"),
                         ("عربيا من بين 21 دولة عربية", "arab")], published=PUB))
    cap.add(generate(SURVEY + "، جاءت {s[name]} في {s[noun]} {s[num]} كأفضل دولة في العالم العربي والثالثة "
                     "كأفضل دولة في آسيا.",
                     lambda f: {(f["s"]["iso3"], "arab", f["s"]["rank"]), (f["s"]["iso3"], "asia", 3)}, test="inv",
                     s=state_rank_pairs(rotated(arab_states(), 10, 2), numbers=(1, 2, 4, 5, 6)), published=PUB))
    # "the continental ranking": the continent of the ranked state (UN M49), none for Europe or America
    continent = {r["iso3"]: sc for sc in ("africa", "asia") for r in load_table(f"membership_{sc}.tsv", ["iso3"])}
    cap.add(generate("وتقدمت {s[name]} في التصنيف القاري " + SURVEY.removeprefix("في ") + "، لتحتل {s[noun]} {s[num]}.",
                     lambda f: {(f["s"]["iso3"], continent[f["s"]["iso3"]], f["s"]["rank"])}
                     if f["s"]["iso3"] in continent else set(), test="inv",
                     s=state_rank_pairs(rotated(states(), 30, 11), numbers=RANKS[:8]), published=PUB))
    # negative beside: a region the tables do not code gives no claim, not a world rank
    cap.add(generate("احتلت {s[name]} المرتبة الأولى {u} والثالثة أفريقيا " + SURVEY + ".",
                     lambda f: {(f["s"]["iso3"], "africa", 3)}, test="neg", s=rotated(states(), 10, 13),
                     u=["مغاربيا", "على مستوى المغرب العربي", "في شمال أفريقيا"], published=PUB))
    # negative beside: "193 دولة" is the number of states ranked, not a rank
    cap.add(generate("شمل " + SURVEY.removeprefix("في ") + " {n} دولة، وشاركت فيه {s[name]}.", NONE, test="neg",
                     s=rotated(states(), 12), n=["193", "١٩٣", "192"], published=PUB))
    return cap


def survey_year() -> Capability:
    """The edition of a rank: stated with the survey, named in the edition's title, or the latest
    edition published by the article's date."""
    cap = Capability("survey_year", "year", dated_ranks)
    pairs = state_rank_pairs(rotated(states(), 10), forms=False)
    for year in (2010, 2014, 2018, 2022, 2024):
        for phrase in ("في تقرير الأمم المتحدة للحكومة الإلكترونية لعام {y}", "وفق مسح الأمم المتحدة للحكومة الإلكترونية {y}",
                       "في نسخة عام {y} من مؤشر تطوير الحكومة الإلكترونية"):
            cap.add(generate("حلت {s[name]} في المركز {s[num]} عالميا " + phrase.format(y=year) + ".",
                             lambda f, y=year: {(f["s"]["iso3"], y, "world", f["s"]["rank"])},
                             s=rotated(pairs, 4, year), published=f"{year}-12-01"))
    for published, edition in (("2025-03-01", 2024), ("2023-01-15", 2022), ("2019-05-01", 2018)):
        cap.add(generate("وحلت {s[name]} في المركز {s[num]} عالميا في مسح الأمم المتحدة للحكومة الإلكترونية.",
                         lambda f, y=edition: {(f["s"]["iso3"], y, "world", f["s"]["rank"])}, test="inv",
                         s=rotated(pairs, 6, edition), published=published))
    # two editions in one sentence, the second rank sharing the verb; the previous report named apart
    cap.add(generate("وجاءت {s[name]} في المرتبة {s[num]} من أصل 193 دولة في مسح 2022، والمرتبة 41 في مسح 2024.",
                     lambda f: {(f["s"]["iso3"], 2022, "world", f["s"]["rank"]), (f["s"]["iso3"], 2024, "world", 41)},
                     test="inv", s=rotated(pairs, 8, 2), published=""))
    cap.add(generate("وحلت {s[name]} في المركز 18 عالميا، بعد أن كانت في المركز {s[num]} في التقرير السابق، في مسح "
                     "الأمم المتحدة 2024.",
                     lambda f: {(f["s"]["iso3"], 2024, "world", 18), (f["s"]["iso3"], 2022, "world", f["s"]["rank"])},
                     test="inv", s=rotated([p for p in pairs if p["rank"] != 18], 8, 4), published=""))
    # negative beside: a coming edition does not date a rank already held
    cap.add(generate("حلت {s[name]} في المركز {s[num]} عالميا في مسح الأمم المتحدة 2022، وتأمل التقدم في "
                     "نسخة 2026 المقبلة.", lambda f: {(f["s"]["iso3"], 2022, "world", f["s"]["rank"])}, test="neg",
                     s=rotated(pairs, 8, 1), published="2024-01-01"))
    return cap


def previous_edition() -> Capability:
    """An earlier rank beside the current one: its own year, stated or the edition before."""
    cap = Capability("previous_edition", "year", dated_ranks)
    pool = rotated(states(), 16, 7)
    pairs = [{**s, "now": RANKS[k % 8] + 3, "was": RANKS[k % 8] + 20} for k, s in enumerate(pool)]
    for cmp in ("مقارنة بالمركز {s[was]} في 2022", "بعد أن كانت في المركز {s[was]} عام 2022",
                "بعد أن كانت في المركز {s[was]}", "صعودا من المركز {s[was]} في نسخة 2022"):
        cap.add(generate("حلت {s[name]} في المركز {s[now]} عالميا في مسح الأمم المتحدة للحكومة الإلكترونية "
                         "2024، " + cmp + ".",
                         lambda f: {(f["s"]["iso3"], 2024, "world", f["s"]["now"]),
                                    (f["s"]["iso3"], 2022, "world", f["s"]["was"])},
                         test="mft" if cmp.startswith("بعد") else "inv", s=pairs, published=PUB))
    cap.add(generate("حلت {s[name]} في المركز {s[now]} عالميا ({s[was]} في 2022) في مسح الأمم المتحدة للحكومة "
                     "الإلكترونية 2024.",
                     lambda f: {(f["s"]["iso3"], 2024, "world", f["s"]["now"]),
                                (f["s"]["iso3"], 2022, "world", f["s"]["was"])}, test="inv", s=pairs, published=PUB))
    cap.add(generate("وضع مسح الأمم المتحدة للحكومة الإلكترونية 2024 {s[name]} في المرتبة {s[now]} عالميا، وقد تقدمت عن "
                     "مرتبتها في التقرير السابق الصادر عام 2022 والتي كانت {s[was]}.",
                     lambda f: {(f["s"]["iso3"], 2024, "world", f["s"]["now"]),
                                (f["s"]["iso3"], 2022, "world", f["s"]["was"])}, test="inv", s=pairs, published=PUB))
    # negative beside: a rank compared with another state's is not the state's earlier rank
    cap.add(generate("حلت {s[name]} في المركز {s[now]} عالميا في مسح الأمم المتحدة 2024، متقدمة على دول "
                     "كبرى.", lambda f: {(f["s"]["iso3"], 2024, "world", f["s"]["now"])}, test="neg", s=pairs,
                     published=PUB))
    return cap


def country_in_lists() -> Capability:
    """Ranks of several states in one sentence: pairs in order, duals, "على التوالي", brackets."""
    cap = Capability("country_in_lists", "country", ranks)
    pool = states()
    trios = [(pool[k], pool[(k + 9) % len(pool)], RANKS[k % 8] + 4, RANKS[k % 8] + 30) for k in range(len(pool))]
    slot = [{"a": a["name"], "ai": a["iso3"], "b": b["name"], "bi": b["iso3"], "x": x, "y": y}
            for a, b, x, y in trios if a["iso3"] != b["iso3"]]

    def both(f):
        return {(f["p"]["ai"], "world", f["p"]["x"]), (f["p"]["bi"], "world", f["p"]["y"])}

    lead = SURVEY + "، "
    cap.add(generate(lead + "جاءت {p[a]} و{p[b]} في المركزين {p[x]} و{p[y]} عالميا.", both,
                     p=rotated(slot, 14), published=PUB))
    cap.add(generate(lead + "حلت {p[a]} و{p[b]} في المركزين {p[x]} و{p[y]} على التوالي عالميا.", both, test="inv",
                     p=rotated(slot, 14, 3), published=PUB))
    cap.add(generate(lead + "حلت {p[a]} ({p[x]}) و{p[b]} ({p[y]}) عالميا.", both, test="inv",
                     p=rotated(slot, 14, 6), published=PUB))
    cap.add(generate(lead + "حلت {p[a]} في المركز {p[x]} عالميا، فيما جاءت {p[b]} في المركز {p[y]}.", both,
                     test="inv", p=rotated(slot, 14, 9), published=PUB))
    cap.add(generate(lead + "جاءت في المركزين {p[x]} و{p[y]} عالميا كل من {p[a]} و{p[b]}.", both, test="inv",
                     p=rotated(slot, 10, 15), published=PUB))
    cap.add(generate(lead + "جاءت {p[a]} ثم {p[b]} في المرتبتين {p[x]} و{p[y]} عالميا.", both, test="inv",
                     p=rotated(slot, 10, 18), published=PUB))
    # negative beside: three states and two ranks are no pairing (a top group), nothing is claimed
    cap.add(generate(lead + "جاءت {p[a]} و{p[b]} و{c} في المركزين {p[x]} و{p[y]} عالميا.", NONE, test="neg",
                     p=rotated(slot, 8, 21), c=["اليابان", "كندا"], published=PUB))
    # negative beside: a state named as the one overtaken has no rank of its own here
    cap.add(generate(lead + "حلت {p[a]} في المركز {p[x]} عالميا متقدمة على {p[b]}.",
                     lambda f: {(f["p"]["ai"], "world", f["p"]["x"])}, test="neg", p=rotated(slot, 14, 12),
                     published=PUB))
    return cap


def other_organisations() -> Capability:
    """Another organisation's ranking or index, named by its name, is never a UN survey claim."""
    cap = Capability("other_organisations_refused", "index", ranks)
    others = ["مؤشر الأمن السيبراني العالمي الصادر عن الاتحاد الدولي للاتصالات",
              "مؤشر تنمية تكنولوجيا المعلومات والاتصالات ITU",
              "تقرير التنافسية العالمية الصادر عن المنتدى الاقتصادي العالمي",
              "الكتاب السنوي للتنافسية العالمية الصادر عن معهد IMD",
              "مؤشر نضج التكنولوجيا الحكومية GovTech الصادر عن البنك الدولي",
              "جائزة التميز الحكومي العربي",
              "مؤشر الابتكار العالمي",
              "مؤشر الجاهزية الشبكية"]
    cap.add(generate("حلت {s[name]} في {s[noun]} {s[num]} عالميا في {o}.", NONE, test="neg", o=others,
                     s=rotated(state_rank_pairs(), 8, 2), published=PUB))
    # the positive beside: the UN survey itself under its names
    cap.add(generate("حلت {s[name]} في {s[noun]} {s[num]} عالميا {u}.", _one("world"),
                     u=["في مسح الأمم المتحدة للحكومة الإلكترونية 2024", "في مؤشر تطوير الحكومة الإلكترونية EGDI 2024",
                        "في تقرير الأمم المتحدة للحكومة الإلكترونية لعام 2024"],
                     s=rotated(state_rank_pairs(), 12, 5), published=PUB))
    return cap


def not_a_rank() -> Capability:
    """Targets, counts of people and of states, and sub-indices beside a real claim give no claim."""
    cap = Capability("targets_and_counts_refused", "rank", ranks)
    cap.add(generate("{t} {s[name]} إلى الوصول إلى {s[noun]} {s[num]} عالميا في مؤشر تطوير الحكومة الإلكترونية.",
                     NONE, test="neg", t=["تسعى", "تطمح", "تهدف"], s=rotated(state_rank_pairs(), 16, 1),
                     published=PUB))
    cap.add(generate("وقال الوزير إن {s[name]} {t} إلى أن تكون في {s[noun]} {s[num]} عالميا {d} في مؤشر تطوير "
                     "الحكومة الإلكترونية.", NONE, test="neg", t=["تهدف", "تأمل", "تخطط"],
                     d=["بحلول 2030", "خلال السنوات المقبلة"], s=rotated(state_rank_pairs(), 8, 5), published=PUB))
    cap.add(generate("{s[name]} في {s[noun]} {s[num]} عالميا بحلول عام 2030 في مؤشر تطوير الحكومة الإلكترونية، "
                     "بحسب الخطة الوطنية.", NONE, test="neg", s=rotated(state_rank_pairs(), 12, 6), published=PUB))
    # an excerpt cut off right after a rank: its scope is lost, so no world rank is assumed
    cap.add(generate("وحلت {s[name]} في {s[noun]} {s[num]} عالميا " + SURVEY + " فيما احتلت المرتبة الخامسة في {cut}",
                     _one("world"), test="neg", cut=["آس", "الشر", "أفري"], s=rotated(state_rank_pairs(), 8, 12),
                     published=PUB))
    cap.add(generate("شارك في ورشة {s[name]} حول مسح الأمم المتحدة للحكومة الإلكترونية {n} {who}.", NONE,
                     test="neg", n=["18", "٣٥", "120"], who=["موظفا", "مشاركا", "خبيرا"],
                     s=rotated(states(), 6, 4), published=PUB))
    cap.add(generate("وحلت {s[name]} في {s[noun]} {s[num]} عالميا " + SURVEY + " الذي شمل 193 دولة.",
                     _one("world"), s=rotated(state_rank_pairs(), 16, 9), published=PUB))
    return cap


def survey_names() -> Capability:
    """The UN survey under its names since 2003: the readiness reports, the survey, the EGDI."""
    cap = Capability("survey_names_since_2003", "year", dated_ranks)
    names = [("تقرير الأمم المتحدة لجاهزية الحكومة الإلكترونية {y}", (2003, 2004, 2005)),
             ("تقرير جاهزية الحكومة الإلكترونية العالمي لعام {y}", (2003, 2004, 2005)),
             ("مسح الأمم المتحدة للحكومة الإلكترونية {y}", (2008, 2010, 2012)),
             ("مؤشر تطوير الحكومة الإلكترونية EGDI لعام {y}", (2016, 2020, 2024))]
    pairs = state_rank_pairs(forms=False)
    for n, (name, years) in enumerate(names):
        for year in years:
            cap.add(generate("حلت {s[name]} في المركز {s[num]} عالميا في " + name.format(y=year) + ".",
                             lambda f, y=year: {(f["s"]["iso3"], y, "world", f["s"]["rank"])},
                             s=rotated(pairs, 4, n * 11 + year), published=f"{year}-12-31"))
    return cap


def shared_scope() -> Capability:
    """A scope said once for several ranks: a placing verb shared by a coordination (gapping), a
    ranked enumeration (first, then second, third...), the state after a verb of following."""
    cap = Capability("scope_shared_in_enumerations", "scope", ranks)
    pool = states()
    trios = [{"a": pool[k], "b": pool[(k + 7) % len(pool)], "c": pool[(k + 19) % len(pool)], "x": RANKS[k % 9] + 5,
              "y": RANKS[k % 9] + 40} for k in range(len(pool))]
    lead = SURVEY + "، "
    for scope_word, scope in (("عالميا", "world"), ("على مستوى العالم", "world"), ("عربيا", "arab")):
        cap.add(generate(lead + "حلت {t[a][name]} في المركز {t[x]} " + scope_word + "، و{t[b][name]} في المركز {t[y]}.",
                         lambda f, sc=scope: {(f["t"]["a"]["iso3"], sc, f["t"]["x"]), (f["t"]["b"]["iso3"], sc, f["t"]["y"])},
                         t=rotated(trios, 10, len(scope_word))))
    for follow in ("تليها", "يليها", "تلتها"):
        cap.add(generate(lead + "حققت {t[a][name]} المركز الأول عربيا، " + follow + " في المركز الثاني {t[b][name]}، "
                         "فيما حلت {t[c][name]} في المركز الثالث.",
                         lambda f: {(f["t"]["a"]["iso3"], "arab", 1), (f["t"]["b"]["iso3"], "arab", 2),
                                    (f["t"]["c"]["iso3"], "arab", 3)}, test="inv", t=rotated(trios, 12, len(follow))))
    # negative beside: a rank two places on is not the next of the enumeration; it keeps its own scope
    cap.add(generate(lead + "حققت {t[a][name]} المركز الأول عربيا، وحلت {t[c][name]} في المركز الثالث عالميا.",
                     lambda f: {(f["t"]["a"]["iso3"], "arab", 1), (f["t"]["c"]["iso3"], "world", 3)}, test="neg",
                     t=rotated(trios, 12, 5)))
    return cap


def edition_from_release_or_comparison() -> Capability:
    """With no publication date: the edition from the report's release date, or two years after
    the edition the article compares with; history years are not the current edition."""
    cap = Capability("edition_without_publication_date", "year", dated_ranks)
    pairs = state_rank_pairs(rotated(states(), 12, 3), forms=False)
    months = ("يوليو", "سبتمبر", "يونيو")
    for year in (2016, 2020, 2024):
        cap.add(generate("صدر تقرير الأمم المتحدة للحكومة الإلكترونية في {d} {m} " + str(year) + "، وحلت فيه {s[name]} "
                         "في المركز {s[num]} عالميا.", lambda f, y=year: {(f["s"]["iso3"], y, "world", f["s"]["rank"])},
                         d=["17"], m=months, s=rotated(pairs, 4, year), published=""))
        cap.add(generate("حلت {s[name]} في المركز {s[num]} عالميا في مؤشر تطوير الحكومة الإلكترونية، متقدمة 5 مراكز "
                         "مقارنة بتصنيف عام " + str(year - 2) + ".",
                         lambda f, y=year: {(f["s"]["iso3"], y, "world", f["s"]["rank"])}, test="inv",
                         s=rotated(pairs, 6, year + 1), published=""))
        cap.add(generate("احتلت {s[name]} في تصنيف هذا العام المركز {s[num]} عالميا في مؤشر الحكومة الإلكترونية، "
                         "مقارنة بتصنيف عام " + str(year - 2) + "، وكانت قد احتلت في عام " + str(year - 6) +
                         " المركز 150.",
                         lambda f, y=year: {(f["s"]["iso3"], y, "world", f["s"]["rank"]),
                                            (f["s"]["iso3"], y - 6, "world", 150)}, test="neg",
                         s=rotated(pairs, 4, year + 2), published=""))
    return cap


def country_of_rank() -> Capability:
    """Whose rank it is: the state after a verb of following, not a state governed by a preposition,
    not a state already ranked in brackets, and no state's at all when a city holds the rank."""
    cap = Capability("country_of_rank", "country", ranks)
    pool = states()
    pairs = [{"a": pool[k], "b": pool[(k + 11) % len(pool)], "x": RANKS[k % 10] + 2} for k in range(len(pool))]
    lead = SURVEY + "، "
    cap.add(generate(lead + "ولحقت {p[a][name]} {prep}{p[b][name]} لتحتل المركز {p[x]} عالميا.",
                     lambda f: {(f["p"]["a"]["iso3"], "world", f["p"]["x"])}, prep=["ب"], p=rotated(pairs, 20)))
    cap.add(generate(lead + "حلت {p[b][name]} في المركز الأول عربيا، تليها في المركز الثاني {p[a][name]}.",
                     lambda f: {(f["p"]["b"]["iso3"], "arab", 1), (f["p"]["a"]["iso3"], "arab", 2)}, test="inv",
                     p=rotated(pairs, 20, 4)))
    cap.add(generate(lead + "جاءت {p[a][name]} في المرتبة الرابعة عربيا مسبوقة بـ{p[b][name]} (12 عالميا)، بعد أن كانت "
                     "في المرتبة {p[x]} عربيا في 2022.",
                     lambda f: {(f["p"]["a"]["iso3"], "arab", 4), (f["p"]["b"]["iso3"], "world", 12),
                                (f["p"]["a"]["iso3"], "arab", f["p"]["x"])}, test="inv", p=rotated(pairs, 16, 9)))
    cap.add(generate(lead + "وجاءت {p[a][name]} متقدمة على دول مثل {p[b][name]} و{o} في المركز {p[x]} عالميا.",
                     lambda f: {(f["p"]["a"]["iso3"], "world", f["p"]["x"])}, test="neg", o=["اليابان", "فرنسا"],
                     p=rotated(pairs, 10, 13)))
    cap.add(generate(lead + "وتفوقت {p[a][name]} على {p[b][name]} التي حلت في المركز {p[x]} عالميا.",
                     lambda f: {(f["p"]["b"]["iso3"], "world", f["p"]["x"])}, test="inv", p=rotated(pairs, 12, 17)))
    cities = [("الرياض", "SAU"), ("دبي", "ARE"), ("المنامة", "BHR"), ("الدوحة", "QAT"), ("القاهرة", "EGY")]
    cap.add(generate("وفي مسح الأمم المتحدة للحكومة الإلكترونية لعام 2024، احتلت مدينة {c[0]} المركز {n} "
                     "بين مدن العالم.", NONE, test="neg", c=cities, n=["الثالث", "15", "٢١"], published=PUB))
    return cap


def ranks_in_tables() -> Capability:
    """A pipe table of states and ranks: the columns headed by a scoped overall rank count, the
    sub-index columns do not, whatever the column order."""
    cap = Capability("ranks_in_tables", "rank", ranks)
    pool = states()
    rows = [{"a": pool[k], "b": pool[(k + 5) % len(pool)], "x": k % 20 + 1, "y": k % 20 + 2, "w": k + 20, "v": k + 31}
            for k in range(len(pool))]
    intro = "ترتيب الدول في مسح الأمم المتحدة للحكومة الإلكترونية 2024:\n"
    cap.add(generate(intro + "| الدولة | الترتيب العربي | الترتيب العالمي | الترتيب في مؤشر الخدمات الإلكترونية |\n"
                     "| {r[a][name]} | {r[x]} | {r[w]} | 4 |\n| {r[b][name]} | {r[y]} | {r[v]} | 9 |\n",
                     lambda f: {(f["r"]["a"]["iso3"], "arab", f["r"]["x"]), (f["r"]["a"]["iso3"], "world", f["r"]["w"]),
                                (f["r"]["b"]["iso3"], "arab", f["r"]["y"]), (f["r"]["b"]["iso3"], "world", f["r"]["v"])},
                     r=rotated(rows, 24), published=PUB))
    cap.add(generate(intro + "| الدولة | مؤشر البنية التحتية للاتصالات | الترتيب العالمي العام |\n"
                     "| {r[a][name]} | 3 | {r[w]} |\n",
                     lambda f: {(f["r"]["a"]["iso3"], "world", f["r"]["w"])}, test="inv", r=rotated(rows, 16, 7),
                     published=PUB))
    # negative beside: a table of sub-index ranks only
    cap.add(generate(intro + "| الدولة | الترتيب في مؤشر رأس المال البشري | الترتيب في مؤشر المشاركة الإلكترونية |\n"
                     "| {r[a][name]} | {r[x]} | {r[w]} |\n", NONE, test="neg", r=rotated(rows, 16, 3), published=PUB))
    return cap


def word_orders() -> Capability:
    """The parts of one claim in the orders news Arabic allows: state first, verb first, rank and
    scope before the state, the survey first or last, a nominal sentence."""
    cap = Capability("rank_word_orders", "rank", ranks)
    orders = ("{s[name]} تحتل {s[noun]} {s[num]} عالميا " + SURVEY + ".",
              "جاءت في {s[noun]} {s[num]} عالميا {s[name]}، " + SURVEY + ".",
              SURVEY + "، جاءت {s[name]} في {s[noun]} {s[num]} عالميا.",
              "وحسب " + SURVEY.removeprefix("في ") + " فإن {s[name]} حلت في {s[noun]} {s[num]} عالميا.",
              "حققت {s[name]} {s[noun]} {s[num]} عالميا " + SURVEY + ".",
              "صنف " + SURVEY.removeprefix("في ") + " {s[name]} في {s[noun]} {s[num]} عالميا.",
              "تبوأت {s[name]} " + SURVEY.removeprefix("في ") + " {s[noun]} {s[num]} عالميا.")
    for n, template in enumerate(orders):
        cap.add(generate(template, _one("world"), test="mft" if n == 0 else "inv",
                         s=rotated(state_rank_pairs(), 12, n * 7), published=PUB))
    # negative beside: the same words about a score or a move, not a rank
    cap.add(generate("حققت {s[name]} تقدما بـ{s[rank]} مراكز " + SURVEY + ".", NONE, test="neg",
                     s=rotated(state_rank_pairs(forms=False, numbers=(3, 5, 7, 9, 12)), 12), published=PUB))
    return cap


def rank_history() -> Capability:
    """A state's ranks over several editions in one sentence, each with its own year: stated in the
    rank's clause, before it in the clause it elaborates, or after it; the scope said once."""
    cap = Capability("rank_history_series", "year", dated_ranks)
    pool = rotated(states(), 24, 2)
    series = [{**st, "a": 100 + k, "b": 120 + k, "c": 90 + k} for k, st in enumerate(pool)]
    cap.add(generate("وبحسب مؤشر الحكومة الإلكترونية، احتلت {s[name]} في عام 2010 المركز {s[a]} عالميا، والمركز {s[b]} "
                     "في عام 2012 والمركز {s[c]} في 2014.",
                     lambda f: {(f["s"]["iso3"], 2010, "world", f["s"]["a"]), (f["s"]["iso3"], 2012, "world", f["s"]["b"]),
                                (f["s"]["iso3"], 2014, "world", f["s"]["c"])}, s=series, published=""))
    cap.add(generate("ويعد ترتيب {s[name]} في مؤشر الحكومة الإلكترونية في عام 2010 هو الأفضل، حيث احتلت المركز {s[a]} "
                     "عالميا، والمركز {s[b]} في عام 2012.",
                     lambda f: {(f["s"]["iso3"], 2010, "world", f["s"]["a"]), (f["s"]["iso3"], 2012, "world", f["s"]["b"])},
                     test="inv", s=series, published=""))
    cap.add(generate("وشهدت {s[name]} قفزات في مؤشر الحكومة الإلكترونية، إذ تراجعت إلى المرتبة {s[a]} عام 2018، ثم "
                     "قفزت إلى {s[c]} عام 2020، تلتها المرتبة {s[b]} عام 2022.",
                     lambda f: {(f["s"]["iso3"], 2018, "world", f["s"]["a"]), (f["s"]["iso3"], 2020, "world", f["s"]["c"]),
                                (f["s"]["iso3"], 2022, "world", f["s"]["b"])}, test="inv", s=series, published=""))
    # negative beside: a move between editions is no rank of either
    cap.add(generate("وتقدمت {s[name]} {n} مراكز بين عامي 2012 و2014 في مؤشر الحكومة الإلكترونية.", NONE, test="neg",
                     s=rotated(series, 12), n=["5", "12"], published=""))
    return cap


def state_spellings() -> Capability:
    """A state named in the spellings news copies print: names built on "المتحدة" with their spaces
    lost, and Mauritius after the French or transliterated; a given name that looks like one is no state."""
    cap = Capability("state_spellings", "country", ranks)
    glued = [("الولاياتالمتحدةالأمريكية", "USA"), ("الولاياتالمتحدة", "USA"), ("الولاياتالمتحدةالأميركية", "USA"),
             ("المملكةالمتحدة", "GBR"), ("الإماراتالعربيةالمتحدة", "ARE")]
    spelled = [("جزر موريس", "MUS"), ("مورشيوس", "MUS"), ("موريشس", "MUS")]
    names = [{"name": n, "iso3": c} for n, c in glued + spelled]
    cap.add(generate(SURVEY + "، جاءت {s[name]} في المرتبة {n} عالميا.",
                     lambda f: {(f["s"]["iso3"], "world", int(f["n"]))}, s=names, n=["7", "12", "66"]))
    cap.add(generate(SURVEY + "، حلت {o} ثم {s[name]} في المركز {n} عالميا.",
                     lambda f: {(f["s"]["iso3"], "world", int(f["n"]))}, test="inv", s=names, o=["فرنسا"],
                     n=["9", "76"]))
    cap.add(generate(SURVEY + "، وضعت الدراسة {s[name]} في صدارة الترتيب بالنسبة لأفريقيا والمركز {n} عالميا.",
                     lambda f: {(f["s"]["iso3"], "africa", 1), (f["s"]["iso3"], "world", int(f["n"]))}, test="inv",
                     s=[x for x in names if x["iso3"] == "MUS"], n=["40", "66"]))
    # negatives beside: a given name, and a glued organisation, hold no rank
    cap.add(generate("وقال {p} إن {s} حلت في المرتبة {n} عالميا " + SURVEY + ".",
                     lambda f: {("SAU", "world", int(f["n"]))}, test="neg", p=["موريس دوبوا", "السيد موريس"],
                     s=["السعودية"], n=["6", "31"]))
    cap.add(generate("وأشاد {o} بتقدم الدول في المؤشر دون ذكر مراكزها.", NONE, test="neg",
                     o=["الأممالمتحدة", "ممثل الولاياتالمتحدة", "وفد جزر موريس"]))
    return cap


def short_form_subject() -> Capability:
    """A formal prefix alone ("المملكة") holds a rank as the kingdom the article names; when its rank
    contradicts that kingdom's own (same edition and scope), it is another kingdom the text does not
    name, and its ranks are no claim of the named one."""
    cap = Capability("short_form_subject", "country", ranks)
    kingdoms = [{"iso3": c, "name": n} for c, n in (("BHR", "مملكة البحرين"), ("BHR", "البحرين"), ("JOR", "الأردن"),
                                                   ("MAR", "المغرب"), ("SAU", "السعودية"))]
    cap.add(generate(SURVEY + "، حلت {k[name]} في المرتبة الأولى عربيا. وجاءت المملكة في المركز {n} عالميا.",
                     lambda f: {(f["k"]["iso3"], "arab", 1), (f["k"]["iso3"], "world", int(f["n"]))}, k=kingdoms,
                     n=["18", "42", "٦٦"]))
    cap.add(generate("أكدت {k[name]} تقدمها " + SURVEY + "، إذ احتلت المملكة المركز {n} عالميا.",
                     lambda f: {(f["k"]["iso3"], "world", int(f["n"]))}, test="inv", k=kingdoms, n=["7", "38", "99"]))
    # negatives beside: the prefix ranks behind or below the named kingdom, so it is another kingdom
    cap.add(generate("احتلت المملكة المرتبة {x} عربيا " + SURVEY + "، وذلك خلف {k[name]} التي تصدرت القائمة العربية.",
                     lambda f: {(f["k"]["iso3"], "arab", 1)}, test="neg", k=kingdoms, x=["الثالثة", "الرابعة", "5"]))
    cap.add(generate("احتلت المملكة المرتبة {x} عالميا " + SURVEY + "، بينما حلت {k[name]} في المرتبة 18 عالميا.",
                     lambda f: {(f["k"]["iso3"], "world", 18)}, test="neg", k=kingdoms, x=["36", "الخامسة"]))
    # "الدولة" is the article's own state when its formal name opens with "دولة"; never another's
    states_d = [{"iso3": c, "name": n} for c, n in (("ARE", "الإمارات"), ("ARE", "دولة الإمارات"), ("KWT", "الكويت"),
                                                   ("QAT", "قطر"), ("QAT", "دولة قطر"))]
    cap.add(generate("جاءت {d[name]} في المركز {n} عالميا " + SURVEY + "، وتصدرت الدولة الترتيب العربي.",
                     lambda f: {(f["d"]["iso3"], "world", int(f["n"])), (f["d"]["iso3"], "arab", 1)}, test="inv",
                     d=states_d, n=["13", "45"]))
    cap.add(generate("جاءت {k[name]} في المركز {n} عالميا " + SURVEY + "، وأكدت أن دور الدولة محوري في المرتبة الأولى.",
                     lambda f: {(f["k"]["iso3"], "world", int(f["n"]))}, test="neg", k=kingdoms, n=["13", "45"]))
    return cap


def leader_of_named_group() -> Capability:
    """Rank 1 by a verb of leading whose object pronoun stands for the group named before it in the
    clause ("وبالنسبة لأوروبا فتصدرتها الدنمارك"); not without a group, not for a coordination of states."""
    cap = Capability("leader_of_named_group", "rank", ranks)
    by_iso = {st["iso3"]: st for st in states()}
    europe = [by_iso[c] for c in ("DNK", "EST", "FIN", "GBR", "FRA", "DEU", "NLD", "SWE")]
    arab = rotated(arab_states(), 8, 3)
    verbs = ["فتصدرتها", "فتتصدرها"]
    for topic, scope, pool in (("وبالنسبة لأوروبا", "europe", europe), ("أما أوروبا", "europe", europe),
                               ("وبالنسبة للدول العربية", "arab", arab), ("أما الدول العربية", "arab", arab)):
        cap.add(generate(SURVEY + "، " + topic + " {v} {s[name]}.", lambda f, sc=scope: {(f["s"]["iso3"], sc, 1)},
                         v=verbs, s=pool))
    # negatives beside: no group named before the pronoun, or a coordination of states at the top
    cap.add(generate(SURVEY + "، {v} {s[name]}.", NONE, test="neg", v=verbs, s=europe + arab))
    cap.add(generate(SURVEY + "، وبالنسبة لأوروبا {v} {s[name]} و{o}.", NONE, test="neg", v=verbs, s=europe[:4],
                     o=["إستونيا", "البحرين"]))
    return cap

def previous_rank_noun() -> Capability:
    """A rank noun qualified as the previous one before its number ("على الترتيب السابق 98"): a rank of
    the previous edition, the year stated after it or else the edition before the article's; the year
    stated before it belongs to the current rank. Not a move ("تقدمت عن التصنيف السابق 5 مراكز")."""
    cap = Capability("previous_rank_noun", "year", dated_ranks)
    pool = rotated(states(), 12, 7)
    nouns = ["الترتيب السابق", "مركزها السابق", "المرتبة السابقة"]
    cap.add(generate("احتلت {s[name]} المركز 40 عالميا في مؤشر الأمم المتحدة لتطوير الحكومة الإلكترونية لعام 2014 "
                     "متقدمة على {n} {x} لعام 2012.",
                     lambda f: {(f["s"]["iso3"], 2014, "world", 40), (f["s"]["iso3"], 2012, "world", int(f["x"]))},
                     s=pool, n=nouns, x=["98", "55"], published=""))
    cap.add(generate("احتلت {s[name]} المركز 40 عالميا في مؤشر الأمم المتحدة لتطوير الحكومة الإلكترونية لعام 2024 "
                     "مقارنة بـ{n} {x}.",
                     lambda f: {(f["s"]["iso3"], 2024, "world", 40), (f["s"]["iso3"], 2022, "world", int(f["x"]))},
                     test="inv", s=pool[:6], n=nouns, x=["61"], published=""))
    # negative beside: a move against the previous ranking is no rank
    cap.add(generate("احتلت {s[name]} المركز 40 عالميا في مؤشر الأمم المتحدة لتطوير الحكومة الإلكترونية لعام 2024، "
                     "وتقدمت عن التصنيف السابق بـ {x} مراكز.",
                     lambda f: {(f["s"]["iso3"], 2024, "world", 40)}, test="neg", s=pool, x=["5", "12"], published=""))
    return cap


def ranks_after_the_survey_sentence() -> Capability:
    """The survey named in an opening sentence, the ranks in the next: a rank with no scope word after
    a placing verb (its subject a list of states or one state), a fronted scope with an adverbial
    ordinal, an earlier rank beyond a regional scope's size, a year compared after a move."""
    cap = Capability("ranks_after_the_survey_sentence", "rank", dated_ranks)
    pool = states()
    arab = arab_states()
    opening = ["أصدرت الأمم المتحدة تقرير مسح الحكومة الإلكترونية 2024.", "صدر مسح الأمم المتحدة للحكومة الإلكترونية 2024."]
    pairs = [{"a": pool[k]["name"], "ai": pool[k]["iso3"], "b": pool[(k + 7) % len(pool)]["name"],
              "bi": pool[(k + 7) % len(pool)]["iso3"], "x": RANKS[k % 9] + 2, "y": RANKS[k % 9] + 40}
             for k in range(len(pool)) if pool[k]["iso3"] != pool[(k + 7) % len(pool)]["iso3"]]
    one = state_rank_pairs(pool, numbers=(4, 11, 18, 26, 53, 87, 130))
    cap.add(generate("{o} و{verb} {s[name]} في {s[noun]} {s[num]}.",
                     lambda f: {(f["s"]["iso3"], 2024, "world", f["s"]["rank"])}, o=opening,
                     verb=["جاءت", "حلت", "احتلت"], s=rotated(one, 20), published=PUB))
    cap.add(generate("{o} وحلت {lead}{p[a]} و{p[b]} في المركزين {p[x]} و{p[y]} على التوالي.",
                     lambda f: {(f["p"]["ai"], 2024, "world", f["p"]["x"]), (f["p"]["bi"], 2024, "world", f["p"]["y"])},
                     test="inv", o=opening, lead=["", "كل من "], p=rotated(pairs, 12), published=PUB))
    thirds = [{"iso3": a["iso3"], "name": a["name"], "rank": n, "word": w}
              for a, (n, w) in zip(arab, [(2, "ثانية"), (3, "ثالثة"), (4, "رابعة"), (5, "خامسة"), (7, "سابعة")] * 5)]
    cap.add(generate("{o} وعلى المستوى العربي، جاءت {t[name]} {t[word]}.",
                     lambda f: {(f["t"]["iso3"], 2024, "arab", f["t"]["rank"])}, test="inv", o=opening,
                     t=thirds[:20], published=PUB))
    # an earlier rank beyond the Arab states' number keeps the world scope of the rank before
    cap.add(generate("{o} وجاءت {s[name]} في المرتبة {s[num]} عالميا والثالثة عربيا، بعد أن كانت في المرتبة {was} "
                     "في تقرير 2022.", lambda f: {(f["s"]["iso3"], 2024, "world", f["s"]["rank"]),
                                                   (f["s"]["iso3"], 2024, "arab", 3), (f["s"]["iso3"], 2022, "world", f["was"])},
                     test="inv", o=opening[:1], s=rotated(state_rank_pairs(arab, numbers=(18, 26, 31), forms=False), 14),
                     was=[54, 60], published=PUB))
    # negative beside: the year after a move is the compared edition, not the rank's
    cap.add(generate("{o} واحتلت {s[name]} المركز {s[num]} عالميا متقدمة {m} مراكز عن تقرير 2022.",
                     lambda f: {(f["s"]["iso3"], 2024, "world", f["s"]["rank"])}, test="neg", o=opening,
                     m=["5", "16"], s=rotated(state_rank_pairs(pool, forms=False), 12), published=PUB))
    return cap


def kept_rank() -> Capability:
    """A rank kept ("حافظت على …") is also the previous edition's rank; a rank reached is not."""
    cap = Capability("kept_rank_previous_edition", "year", dated_ranks)
    pool = state_rank_pairs(arab_states(), numbers=(1, 2, 3, 5, 8), forms=False)
    words = {1: "الأولى", 2: "الثانية", 3: "الثالثة", 5: "الخامسة", 8: "الثامنة"}
    rows = [{**r, "word": words[r["rank"]]} for r in pool]
    for year, before in ((2014, 2012), (2022, 2020), (2024, 2022)):
        cap.add(generate("وحافظت {s[name]} على {noun} {s[word]} عربيا في مسح الأمم المتحدة للحكومة الإلكترونية " + str(year) + ".",
                         lambda f, y=year, b=before: {(f["s"]["iso3"], y, "arab", f["s"]["rank"]),
                                                      (f["s"]["iso3"], b, "arab", f["s"]["rank"])},
                         s=rotated(rows, 10, year % 7), noun=["مرتبتها", "المرتبة"], published=PUB))
        cap.add(generate("وحققت {s[name]} {noun} {s[word]} عربيا في مسح الأمم المتحدة للحكومة الإلكترونية " + str(year) + ".",
                         lambda f, y=year: {(f["s"]["iso3"], y, "arab", f["s"]["rank"])}, test="neg",
                         s=rotated(rows, 10, year % 5), noun=["المرتبة"], published=PUB))
    return cap


CAPABILITIES = [rank_expression(), rank_one_by_leading(), scope_positions(), survey_year(), previous_edition(),
                country_in_lists(), other_organisations(), not_a_rank(), survey_names(), shared_scope(),
                edition_from_release_or_comparison(), country_of_rank(), ranks_in_tables(), word_orders(), rank_history(),
                state_spellings(), short_form_subject(), leader_of_named_group(),
                previous_rank_noun(), ranks_after_the_survey_sentence(), kept_rank()]
