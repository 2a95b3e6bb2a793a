"""Events: kind, main vs mentioned, host, participants vs states only named, sizes, dates, GCC, topics."""

import pytest

from core import extract_document


def events(text, published=""):
    result = extract_document(text, published)
    for e in result.events:
        assert text[e.evidence.start:e.evidence.end] == e.evidence.surface
        for p in e.participants:
            assert text[p.start:p.end] == p.surface
    return result.events


def brief(e):
    return {"role": e.role, "kind": e.kind, "year": e.year, "host": e.host_iso3,
            "participants": {p.iso3 for p in e.participants}, "size": e.countries_stated, "gcc": e.gcc}


# An article written for this test: a visit by two named states with a stated count.
MADE_UP_VISIT = (
    "وفد حكومي يطلع على الخدمات الإلكترونية في البحرين\n"
    "استقبلت هيئة المعلومات والحكومة الإلكترونية أمس وفدا حكوميا مكونا من 12 دولة، ضم ممثلين عن سلطنة بروناي "
    "والمملكة الأردنية الهاشمية، للاطلاع على تجربة مملكة البحرين في تقديم الخدمات عبر البوابة الوطنية.\n"
    "وقدمت الهيئة عرضا عن الهوية الرقمية والدفع الإلكتروني، وأشاد أعضاء الوفد بما شاهدوه، مشبهين التجربة بتجربة "
    "إستونيا في الخدمات الرقمية.\n")


def test_made_up_visit():
    evs = events(MADE_UP_VISIT, "2019-03-10")
    assert len(evs) == 1
    main = evs[0]
    assert brief(main) == {"role": "main", "kind": "visit", "year": 2019, "host": "BHR",
                           "participants": {"BRN", "JOR"}, "size": 12, "gcc": False}
    assert (main.date, main.date_basis) == ("2019-03-09", "relative")
    assert {"digital_identity", "e_payment", "national_portal"} <= set(main.topics)
    assert "EST named as a comparison" in main.note


KINDS = [
    ("workshop", "نظمت الهيئة ورشة عمل حول البيانات المفتوحة بمشاركة ممثلي الجهات الحكومية.", "workshop"),
    ("forum", "انطلقت أمس أعمال منتدى الحكومة الإلكترونية بحضور عدد من الخبراء.", "forum"),
    ("conference", "افتتح وزير الداخلية المؤتمر الخليجي الثالث للحكومة الإلكترونية.", "conference"),
    ("meeting", "عقد اجتماع اللجنة التنفيذية للحكومة الإلكترونية بدول مجلس التعاون في المنامة.", "meeting"),
    ("award", "تسلمت الهيئة جائزة الأمم المتحدة للخدمة العامة في نيويورك.", "award"),
    ("agreement", "وقعت الهيئة مذكرة تفاهم مع الجهاز المركزي لتكنولوجيا المعلومات بدولة الكويت.", "agreement"),
    ("visit_verb", "استقبل الرئيس التنفيذي للهيئة وفدا من سلطنة عمان.", "visit"),
    ("press_conference_is_not_the_event",
     "خلال مؤتمر صحافي أعلنت الهيئة توصيات الورشة الخليجية التي عقدت أمس.", "workshop"),
]


@pytest.mark.parametrize("text,kind", [c[1:] for c in KINDS], ids=[c[0] for c in KINDS])
def test_main_kind(text, kind):
    evs = events(text, "2020-05-01")
    assert evs[0].role == "main" and evs[0].kind == kind


PARTICIPATION = [
    ("delegation_abroad",
     "شارك وفد مملكة البحرين في أعمال الاجتماع الحادي عشر لرؤساء الحكومة الإلكترونية الذي عقد في مسقط.",
     "2016-10", {"kind": "meeting", "host": "OMN", "participants": {"BHR"}}),
    ("gcc_committee_in_riyadh",
     "استضافت الرياض اجتماع اللجنة الوزارية للحكومة الإلكترونية بدول مجلس التعاون لدول الخليج العربية.",
     "2018-04", {"kind": "meeting", "host": "SAU", "participants": {"BHR", "KWT", "OMN", "QAT", "ARE"}, "gcc": True}),
    ("gcc_award_in_doha",
     "تسلمت البحرين جائزة الحكومة الإلكترونية لدول مجلس التعاون في حفل أقيم في الدوحة.",
     "2017-01", {"kind": "award", "host": "QAT", "participants": {"BHR", "KWT", "OMN", "SAU", "ARE"}, "gcc": True}),
    ("mou_with_kuwait",
     "وقعت هيئة المعلومات والحكومة الإلكترونية مذكرة تفاهم مع الجهاز المركزي لتكنولوجيا المعلومات بدولة الكويت.",
     "2021-02", {"kind": "agreement", "host": "BHR", "participants": {"KWT"}}),
    ("demonym_delegation",
     "استقبلت الهيئة الوفد الفلسطيني الذي يزور المملكة للاطلاع على تجربتها.",
     "2012", {"kind": "visit", "participants": {"PSE"}}),
    ("number_words_size", "استقبلت الهيئة وفدا أمميا يضم خمس عشرة دولة.", "2014", {"size": 15, "participants": set()}),
    ("lower_bound_size", "اختتمت ورشة الخبراء بمشاركة أكثر من 10 دول.", "2012", {"size": 10}),
    ("official_with_nationality", "زار وزير الاتصالات الأردني هيئة المعلومات والحكومة الإلكترونية أمس.", "2018-05-02",
     {"kind": "visit", "participants": {"JOR"}}),
    ("accusative_demonym", "استقبلت الهيئة وفدا سعوديا رفيع المستوى.", "2018", {"kind": "visit", "participants": {"SAU"}}),
    ("delegation_from_agency", "استقبلت الهيئة وفدا من هيئة تقنية المعلومات العمانية.", "2018", {"participants": {"OMN"}}),
    ("capital_city_host", "شارك وفد البحرين في اجتماع اللجنة التنفيذية الذي عقد في العاصمة العمانية مسقط.", "2018",
     {"kind": "meeting", "host": "OMN", "participants": {"BHR"}}),
    ("host_verb_with_pronoun",
     "شاركت مملكة البحرين في الاجتماع الرابع عشر للجنة التنفيذية للحكومة الإلكترونية الذي استضافته دولة قطر يومي 3 و4 مايو.",
     "2019-05", {"kind": "meeting", "host": "QAT", "participants": {"BHR"}, "year": 2019}),
    ("cue_inside_organization_name",
     "نظمت الهيئة بالتعاون مع لجنة الأمم المتحدة الاقتصادية والاجتماعية لغربي آسيا (الإسكوا) ورشة عمل "
     "بمشاركة ممثلين من الأردن والعراق.", "2023", {"kind": "workshop", "participants": {"JOR", "IRQ"}}),
    ("meeting_with_possessive", "عقدت اللجنة الوزارية للحكومة الإلكترونية بدول مجلس التعاون اجتماعها السابع في الدوحة.",
     "2016-05", {"kind": "meeting", "host": "QAT", "gcc": True}),
    ("counterpart_nationality", "بحث وزير الداخلية مع نظيره العماني التعاون في الخدمات الإلكترونية خلال اجتماع أمس.",
     "2016-05-03", {"participants": {"OMN"}}),
    ("seminar_is_workshop", "نظمت الهيئة ندوة حول الأمن السيبراني بحضور خبراء من مصر.", "2018",
     {"kind": "workshop", "participants": {"EGY"}}),
]


@pytest.mark.parametrize("text,published,expected", [c[1:] for c in PARTICIPATION], ids=[c[0] for c in PARTICIPATION])
def test_participation(text, published, expected):
    main = events(text, published)[0]
    got = brief(main)
    assert {k: got[k] for k in expected} == expected


def test_lower_bound_is_marked():
    main = events("اختتمت ورشة الخبراء بمشاركة أكثر من 10 دول.", "2012")[0]
    assert main.countries_stated == 10 and main.countries_stated_lower_bound


# States named in these sentences did not take part in the main event.
NOT_PARTICIPANTS = [
    ("comparison", "استقبلت الهيئة وفدا أمميا، وشبه أعضاء الوفد التجربة بتجربة سنغافورة.", "SGP"),
    ("posting_list", "افتتح المنتدى بحضور سفير الاتحاد الأوروبي المعتمد لدى السعودية والكويت وقطر.", "KWT"),
    ("posting_first", "افتتح المنتدى بحضور سفير الاتحاد الأوروبي المعتمد لدى السعودية والكويت وقطر.", "SAU"),
    ("obstacles", "استقبلت الهيئة وفدا من تونس، وتحدث الوفد عن العقبات التي تفرضها قيود إسرائيل على الاتصالات.", "ISR"),
    ("ranking_neighbour",
     "استقبلت الهيئة وفدا من تونس.\nوحلت البحرين في المركز 18 عالميا متقدمة على الدنمارك في تقرير 2024.", "DNK"),
    ("adjective_comparison", "استقبلت الهيئة وفدا من عمان، واستعرض الوفد التجربة الكورية في الخدمات الرقمية.", "KOR"),
    ("host_minister_abroad", "شارك وفد البحرين في الاجتماع الذي عقد في الجزائر بحضور الوزيرة الجزائرية.", "DZA"),
    ("survey_leaders",
     "نظمت الهيئة ورشة عمل للجهات الحكومية.\nوتصدرت الدنمارك وكوريا الجنوبية مؤشر الأمم المتحدة للحكومة الإلكترونية.",
     "DNK"),
]


@pytest.mark.parametrize("text,iso3", [c[1:] for c in NOT_PARTICIPANTS], ids=[c[0] for c in NOT_PARTICIPANTS])
def test_not_participants(text, iso3):
    for e in events(text, "2024-06"):
        assert iso3 not in {p.iso3 for p in e.participants}


NOT_SIZES = [
    ("people_count", "استقبلت الهيئة وفدا أمميا ضم 40 مشاركا من عدة دول."),
    ("ministers_count", "اختتم المؤتمر بمشاركة 50 وزيرا."),
    ("un_membership", "انطلق المنتدى بين الدول الأعضاء في الأمم المتحدة البالغ عددها 192 دولة."),
    ("beneficiaries", "أعلنت الورشة عن منصة متاحة لخدمة أكثر من 100 دولة."),
    ("applicants", "استقبلت الهيئة وفدا، وكانت قد تقدمت أكثر من 10 دول للاستفادة من التجربة."),
]


@pytest.mark.parametrize("text", [c[1] for c in NOT_SIZES], ids=[c[0] for c in NOT_SIZES])
def test_not_delegation_sizes(text):
    assert all(e.countries_stated is None for e in events(text, "2015"))


def test_mentioned_earlier_event_with_relative_year():
    text = ("اختتمت زيارة الوفد الأممي المكون من 20 دولة إلى مملكة البحرين.\n"
            "وتأتي هذه الزيارة بعد نجاح زيارة الوفد الأممي العام الماضي حيث اطلع وفد مكون من 9 دول على التجربة.")
    evs = events(text, "2016-02")
    assert [brief(e) for e in evs] == [
        {"role": "main", "kind": "visit", "year": 2016, "host": "BHR", "participants": set(), "size": 20, "gcc": False},
        {"role": "mentioned", "kind": "visit", "year": 2015, "host": "", "participants": set(), "size": 9, "gcc": False},
    ]
    assert evs[1].date_basis == "relative" and evs[1].year_basis == "relative"
    assert (evs[1].host_basis, evs[1].tense) == ("not_stated", "past")  # no place stated: no host assumed


def test_mentioned_earlier_workshop_with_explicit_year():
    text = ("عقدت الهيئة ورشة عمل متخصصة حول مؤشرات الأمم المتحدة.\n"
            "وذكر الخبير بمبادرة المملكة في تنظيم ورشة خبراء الحكومة الإلكترونية في 2012 التي استضافت ممثلي عدة دول.")
    evs = events(text, "2024-12")
    assert [(e.role, e.kind, e.year) for e in evs] == [("main", "workshop", 2024), ("mentioned", "workshop", 2012)]


def test_future_event_in_another_country():
    text = ("شاركت البحرين في اجتماع وزراء الاتصالات العرب في القاهرة، فيما تحتضن الرياض مارس المقبل مؤتمرا "
            "للأمن السيبراني.")
    evs = events(text, "2019-11")
    assert [(e.role, e.kind, e.host_iso3, e.year) for e in evs] == [
        ("main", "meeting", "EGY", 2019), ("mentioned", "conference", "SAU", 2020)]
    assert {p.iso3 for p in evs[0].participants} == {"BHR"}


def test_mentioned_visit_abroad_by_destination():
    text = ("وقعت الهيئة اليوم مذكرة تفاهم مع حكومة سنغافورة للتعاون في الخدمات الرقمية.\n"
            "وتأتي المذكرة بعد الزيارة التي قام بها وفد بحريني إلى سنغافورة في فبراير الماضي.")
    evs = events(text, "2018-06")
    assert [brief(e) for e in evs] == [
        {"role": "main", "kind": "agreement", "year": 2018, "host": "BHR", "participants": {"SGP"}, "size": None,
         "gcc": False},
        {"role": "mentioned", "kind": "visit", "year": 2018, "host": "SGP", "participants": {"BHR"}, "size": None,
         "gcc": False},
    ]
    assert evs[1].date == "2018-02"


def test_award_edition_is_not_a_meeting():
    text = ("انطلق في الدوحة المؤتمر الخليجي الثاني للحكومة الإلكترونية بمشاركة دول مجلس التعاون. وسيعلن خلاله الفائزون "
            "بجائزة الحكومة الإلكترونية في دورتها الثانية، بعد الدورة الأولى التي أقيمت في مسقط عام 2009.")
    evs = events(text, "2011-11")
    assert [(e.role, e.kind, e.host_iso3) for e in evs] == [("main", "conference", "QAT")]


def test_hijri_and_gregorian_dates_prefer_the_gregorian():
    text = "تستضيف مسقط المؤتمر الخليجي الثاني للحكومة الإلكترونية من 4 إلى 6 محرم القادم الموافق 10 إلى 12 ديسمبر القادم."
    main = events(text, "2010-06")[0]
    assert (main.kind, main.host_iso3, main.date) == ("conference", "OMN", "2010-12-10")


def test_page_header_lines_do_not_push_the_lead_away():
    text = ("الرئيسية\nمحليات\nاقتصاد\nآخر الأخبار\nالمنامة - بنا\n"
            "أكدت الهيئة أهمية الخدمات الرقمية للمواطنين والمقيمين في المملكة.\n"
            "جاء ذلك خلال استقبالها وفدا من جمهورية مصر العربية للاطلاع على تجربة البحرين.")
    main = events(text, "2019")[0]
    assert (main.kind, {p.iso3 for p in main.participants}) == ("visit", {"EGY"})


def test_ranking_article_has_no_event():
    text = "أظهرت نتائج تقرير الأمم المتحدة للحكومة الإلكترونية 2022 تراجع البحرين إلى المركز 54 عالميا."
    result = extract_document(text, "2022-10")
    assert result.events == ()
    assert {(c.country_iso3, c.survey_year, c.scope, c.rank) for c in result.rankings} == {("BHR", 2022, "world", 54)}


def test_gcc_body_counts_and_bare_gulf_adjective_does_not():
    gcc = events("اختتمت الورشة الخليجية بحضور وفود دول مجلس التعاون.", "2023-07")[0]
    assert gcc.gcc and {p.iso3 for p in gcc.participants} == {"KWT", "OMN", "QAT", "SAU", "ARE"}
    not_gcc = events("انطلق المنتدى لبحث آفاق التعاون الخليجي الأوروبي في البحث العلمي.", "2015")[0]
    assert not not_gcc.gcc and not not_gcc.participants


@pytest.mark.parametrize("text", ["", "   \n", "abc", "٢٠١٣", "وفد", "المركز", "ـــــ", "\u064b\u064b"])
def test_degenerate_input_never_raises(text):
    result = extract_document(text, "2020")
    assert isinstance(result.events, tuple)
