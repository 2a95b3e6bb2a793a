"""Ranking claims: ordinals, scopes, coordination, editions, several states; and what is not a claim."""

import pytest

from core import extract_document


def claims(text, published=""):
    result = extract_document(text, published)
    for c in result.rankings:
        assert text[c.surface_start:c.surface_end] == c.surface
        assert c.start <= c.surface_start < c.surface_end <= c.end
        assert text[c.evidence.start:c.evidence.end] == c.evidence.surface
    return {(c.country_iso3, c.survey_year, c.scope, c.rank) for c in result.rankings}


CLAIMS = [
    ("coordinated_scopes",
     "وحققت مملكة البحرين في تقرير الأمم المتحدة للحكومة الإلكترونية 2010 المركز الثالث عشر عالميا والثالث آسيويا "
     "والأول على مستوى الشرق الأوسط وعربيا وخليجيا.", "",
     {("BHR", 2010, "world", 13), ("BHR", 2010, "asia", 3), ("BHR", 2010, "middle_east", 1),
      ("BHR", 2010, "arab", 1), ("BHR", 2010, "gcc", 1)}),
    ("digits_with_article", "وجاءت البحرين في المرتبة الـ18 عالميا في تقرير الأمم المتحدة 2024.", "",
     {("BHR", 2024, "world", 18)}),
    ("digits_after_markaz", "حصلت المملكة على المركز 18 عالميا في مسح الأمم المتحدة للحكومة الإلكترونية 2024.", "2024-09",
     {("BHR", 2024, "world", 18)}),
    ("feminine_ordinal", "واحتلت قطر المرتبة الثامنة عشرة عالميا في تقرير 2014.", "", {("QAT", 2014, "world", 18)}),
    ("compound_ordinal", "وحلت الكويت في المركز الثاني والأربعين عالميا في تقرير 2016.", "", {("KWT", 2016, "world", 42)}),
    ("two_states_one_sentence",
     "وبحسب تقرير 2010 حلت الإمارات الثانية عربيا و49 عالميا، تلتها الكويت في المركز الثالث عربيا والخمسين عالميا.", "",
     {("ARE", 2010, "arab", 2), ("ARE", 2010, "world", 49), ("KWT", 2010, "arab", 3), ("KWT", 2010, "world", 50)}),
    ("previous_edition_explicit",
     "وصعدت البحرين إلى المركز 18 عالميا في تقرير 2014 بعد أن حلت في المركز السادس والثلاثين في تقرير 2012.", "",
     {("BHR", 2014, "world", 18), ("BHR", 2012, "world", 36)}),
    ("previous_edition_sabiqan",
     "حققت البحرين المركز 18 عالميا في تقرير الأمم المتحدة 2014، وكانت في المركز 36 عالميا سابقا.", "",
     {("BHR", 2014, "world", 18), ("BHR", 2012, "world", 36)}),
    ("previous_cue_after_a_claim_stays_with_the_next",
     "أظهر مسح الأمم المتحدة 2020 حلول البحرين في المرتبة 38 عالميا، والسابعة على مستوى آسيا، بعد أن كانت في "
     "المرتبة 26 عالميا في مسح 2018.", "2020-07",
     {("BHR", 2020, "world", 38), ("BHR", 2020, "asia", 7), ("BHR", 2018, "world", 26)}),
    ("report_year_before_the_rank",
     "حققت البحرين المركز الـ18 عالميا في تقرير 2024، متقدمة 36 مركزا عن تقرير 2022 الذي حلت فيه في المرتبة 54، "
     "كما حلت في المرتبة الثالثة عربيا.", "2024-09",
     {("BHR", 2024, "world", 18), ("BHR", 2022, "world", 54), ("BHR", 2024, "arab", 3)}),
    ("from_to_move",
     "وفي تقرير 2010 تقدمت عمان من المرتبة 84 عالميا عام 2008 إلى المرتبة 82.", "2010",
     {("OMN", 2008, "world", 84), ("OMN", 2010, "world", 82)}),
    ("global_rank_noun_before", "بينما تراجع ترتيبها العالمي من المركز 40 إلى المركز 48 وفق تقرير 2012 للبحرين.",
     "2012", {("BHR", 2010, "world", 40), ("BHR", 2012, "world", 48)}),
    ("member_states_scope",
     "حققت البحرين المركز ال18 من بين الدول الأعضاء في الأمم المتحدة طبقا لتقرير الأمم المتحدة 2014م.", "",
     {("BHR", 2014, "world", 18)}),
    ("edition_from_publication", "وجاءت البحرين في المركز الأول خليجيا في التقرير.", "2017-03",
     {("BHR", 2016, "gcc", 1)}),
    ("mena_scope", "وحلت المملكة في المركز الثاني على مستوى الشرق الأوسط وشمال أفريقيا في تقرير 2020.", "",
     {("BHR", 2020, "mena", 2)}),
    ("regional_scope", "وحلت البحرين في المركز الأول إقليميا في تقرير 2022.", "", {("BHR", 2022, "regional", 1)}),
    ("bracketed_rank", "وحلت البحرين في المركز (18) عالميا في تقرير 2024.", "", {("BHR", 2024, "world", 18)}),
    ("western_asia_is_regional", "وجاءت البحرين في المركز الثاني على مستوى غرب آسيا في تقرير 2024.", "",
     {("BHR", 2024, "regional", 2)}),
    ("tanween_scope", "وحلت البحرين في المرتبة الأولى عربيًا في تقرير 2014.", "", {("BHR", 2014, "arab", 1)}),
    ("africa_scope", "وجاءت تونس في المركز الأول أفريقيا في تقرير 2014.", "", {("TUN", 2014, "africa", 1)}),
    ("glued_digits", "تقدمت السعودية من المرتبة70 عالميا عام 2008 إلى المرتبة 58 في تقرير 2010.", "2010",
     {("SAU", 2008, "world", 70), ("SAU", 2010, "world", 58)}),
    ("headline_claim_gets_edition", "البحرين في المرتبة الأولى عربيا\nوأظهر التقرير الدولي لعام 2010 تقدم البحرين.", "2010",
     {("BHR", 2010, "arab", 1)}),
]

# Sentences that must yield no ranking claim.
NOT_CLAIMS = [
    ("move_count", "وتقدمت البحرين 36 مركزا في تقرير الأمم المتحدة 2024."),
    ("move_count_wa", "محققة قفزة نوعية بواقع 36 مركزا في التقرير."),
    ("target_fifth_asia", "وتسعى المملكة إلى تحقيق المركز الخامس آسيويا في التقرير القادم."),
    ("target_lam", "وتعمل الهيئة لتحقيق المرتبة العاشرة عالميا في تقرير 2026."),
    ("subindex_infrastructure", "وحققت البحرين المرتبة الـ10 عالميا في مؤشر البنية التحتية للاتصالات (TII) في تقرير 2024."),
    ("subindex_before", "وفي مؤشر المشاركة الإلكترونية حققت المملكة المرتبة الـ18 عالميا في تقرير 2024."),
    ("subindex_online_services", "وأظهر مؤشر الخدمات الرقمية (OSI) تحقيق المملكة المرتبة الـ23 عالميا."),
    ("subindex_human_capital", "وجاءت البحرين في المركز 40 عالميا في مؤشر رأس المال البشري لعام 2022."),
    ("first_time", "نظم المنتدى للمرة الأولى في الشرق الأوسط في البحرين."),
    ("session_number", "شاركت البحرين في الدورة 17 لمجلس الوزراء العرب."),
    ("centre_name", "زار الوفد مركز البحرين للمستثمرين وهيئة تنظيم الاتصالات."),
    ("un_membership", "من بين الدول الأعضاء في الأمم المتحدة البالغ عددها 193 دولة."),
    ("plural_places", "تبوأت فيه مراكز قيادية وتطلعت إلى المنافسة على المراكز العشرة الأولى."),
    ("ordinal_workshop", "اختتمت الورشة الثانية لأولويات الحكومة الإلكترونية بدول مجلس التعاون."),
]


@pytest.mark.parametrize("text,published,expected", [c[1:] for c in CLAIMS], ids=[c[0] for c in CLAIMS])
def test_claims(text, published, expected):
    assert claims(text, published) == expected


@pytest.mark.parametrize("text", [c[1] for c in NOT_CLAIMS], ids=[c[0] for c in NOT_CLAIMS])
def test_not_claims(text):
    assert claims(text, "2024") == set()
