"""Event capabilities: host, participants, size, kind, GCC, year, tense and mentioned events.

Every case is generated from a template and slot values written for this suite (never article
text): all 22 Arab League states and thirty-odd others, their capitals and main cities, nationality
adjectives in their masculine, feminine and accusative forms, digits, Arabic-Indic digits and number
words, several verbs and orders for each decision, and beside each positive a negative that must
not give the value (a state that sent a delegation is not the host, a comparison is no participant,
people are no count of states...).
"""

from __future__ import annotations

from capabilities.suite import Capability, generate

# ------------------------------------------------------------------ slot values

# The 22 Arab League states, as news Arabic names them.
ARAB = {
    "BHR": "مملكة البحرين", "SAU": "المملكة العربية السعودية", "ARE": "دولة الإمارات العربية المتحدة",
    "KWT": "دولة الكويت", "QAT": "دولة قطر", "OMN": "سلطنة عمان", "EGY": "جمهورية مصر العربية",
    "JOR": "الأردن", "MAR": "المغرب", "DZA": "الجزائر", "TUN": "تونس", "LBY": "ليبيا", "SDN": "السودان",
    "SOM": "الصومال", "DJI": "جيبوتي", "COM": "جزر القمر", "MRT": "موريتانيا", "IRQ": "العراق",
    "SYR": "سوريا", "LBN": "لبنان", "PSE": "فلسطين", "YEM": "اليمن",
}
# Thirty-odd other states the genre names.
OTHERS = {
    "USA": "الولايات المتحدة الأمريكية", "GBR": "المملكة المتحدة", "FRA": "فرنسا", "DEU": "ألمانيا",
    "ITA": "إيطاليا", "ESP": "إسبانيا", "JPN": "اليابان", "KOR": "كوريا الجنوبية", "CHN": "الصين",
    "IND": "الهند", "SGP": "سنغافورة", "MYS": "ماليزيا", "IDN": "إندونيسيا", "TUR": "تركيا",
    "RUS": "روسيا", "CAN": "كندا", "AUS": "أستراليا", "BRA": "البرازيل", "EST": "إستونيا",
    "FIN": "فنلندا", "DNK": "الدنمارك", "NLD": "هولندا", "SWE": "السويد", "NOR": "النرويج",
    "CHE": "سويسرا", "KAZ": "كازاخستان", "UZB": "أوزبكستان", "AZE": "أذربيجان", "PAK": "باكستان",
    "ZAF": "جنوب أفريقيا", "NGA": "نيجيريا", "KEN": "كينيا", "GRC": "اليونان", "AUT": "النمسا",
    "NZL": "نيوزيلندا", "MEX": "المكسيك",
}
STATES = {**ARAB, **OTHERS}
GCC = ("BHR", "KWT", "OMN", "QAT", "SAU", "ARE")

# Nationality adjectives: masculine stem; feminine adds ة, the indefinite accusative ا.
ADJ = {
    "SAU": "سعودي", "ARE": "إماراتي", "KWT": "كويتي", "QAT": "قطري", "OMN": "عماني", "JOR": "أردني",
    "EGY": "مصري", "MAR": "مغربي", "DZA": "جزائري", "TUN": "تونسي", "LBY": "ليبي", "SDN": "سوداني",
    "IRQ": "عراقي", "LBN": "لبناني", "PSE": "فلسطيني", "YEM": "يمني", "MRT": "موريتاني", "SYR": "سوري",
    "TUR": "تركي", "PAK": "باكستاني", "IND": "هندي", "CHN": "صيني", "JPN": "ياباني", "KOR": "كوري",
    "SGP": "سنغافوري", "MYS": "ماليزي", "IDN": "إندونيسي", "USA": "أمريكي", "GBR": "بريطاني",
    "FRA": "فرنسي", "DEU": "ألماني", "ITA": "إيطالي", "ESP": "إسباني", "RUS": "روسي", "CAN": "كندي",
    "AUS": "أسترالي", "EST": "إستوني", "FIN": "فنلندي", "NLD": "هولندي", "KAZ": "كازاخستاني",
}

# Capitals and main cities (state, city).
CITIES = [
    ("SAU", "الرياض"), ("SAU", "جدة"), ("OMN", "مسقط"), ("QAT", "الدوحة"), ("ARE", "أبوظبي"), ("ARE", "دبي"),
    ("EGY", "القاهرة"), ("EGY", "شرم الشيخ"), ("LBN", "بيروت"), ("SYR", "دمشق"), ("IRQ", "بغداد"),
    ("MAR", "الرباط"), ("MAR", "الدار البيضاء"), ("SDN", "الخرطوم"), ("YEM", "صنعاء"), ("MRT", "نواكشوط"),
    ("LBY", "طرابلس"), ("USA", "نيويورك"), ("USA", "واشنطن"), ("CHE", "جنيف"), ("FRA", "باريس"),
    ("GBR", "لندن"), ("KOR", "سيول"), ("SGP", "سنغافورة"), ("TUR", "إسطنبول"), ("TUR", "أنقرة"),
    ("KAZ", "أستانا"), ("UZB", "طشقند"), ("AZE", "باكو"), ("ITA", "روما"), ("EST", "تالين"),
    ("JPN", "طوكيو"), ("DEU", "برلين"), ("ESP", "مدريد"), ("RUS", "موسكو"), ("AUT", "فيينا"),
    ("GRC", "أثينا"), ("KEN", "نيروبي"), ("ETH", "أديس أبابا"), ("THA", "بانكوك"), ("IRN", "طهران"),
    ("NLD", "أمستردام"), ("DNK", "كوبنهاغن"), ("SWE", "ستوكهولم"), ("NOR", "أوسلو"), ("FIN", "هلسنكي"),
]

# Events as news Arabic opens them: (verb of holding, event noun phrase, kind).
HELD = [
    ("عقدت", "ورشة عمل حول الحكومة الإلكترونية", "workshop"),
    ("عقد", "مؤتمر التحول الرقمي", "conference"),
    ("انطلقت أعمال", "منتدى الحكومة الرقمية", "forum"),
    ("اختتمت أعمال", "الاجتماع السنوي لمسؤولي الخدمات الإلكترونية", "meeting"),
    ("أقيمت", "ندوة عن البيانات المفتوحة", "workshop"),
]

STATE_ROWS = [{"iso3": k, "name": v} for k, v in STATES.items()]
ADJ_ROWS = [{"iso3": k, "m": "ال" + v, "f": "ال" + v + "ة", "acc": v + "ا"} for k, v in ADJ.items()]
CITY_ROWS = [{"iso3": k, "city": v} for k, v in CITIES]
HELD_ROWS = [{"verb": v, "event": e, "kind": k} for v, e, k in HELD]


def _iso(slot: str):
    return lambda filled: filled[slot]["iso3"]


def _main(doc):
    return next((e for e in doc.events if e.role == "main"), None)


def _host(doc):
    main = _main(doc)
    return main.host_iso3 if main is not None else None


def _participants(doc):
    main = _main(doc)
    return {p.iso3 for p in main.participants} if main is not None else None


def _field(name):
    def read(doc):
        main = _main(doc)
        return getattr(main, name) if main is not None else None
    return read


def _mentioned(doc):
    found = [e for e in doc.events if e.role == "mentioned"]
    return (found[0].year, found[0].host_iso3) if found else None


# ------------------------------------------------------------------ host

host_state = Capability("host_state", "host", _host).add(
    generate("{held[verb]} {held[event]} في {state[name]} أمس بمشاركة خبراء من القطاع الحكومي.",
             _iso("state"), held=HELD_ROWS, state=STATE_ROWS)
).add(
    generate("استضافت {state[name]} أمس {held[event]} بحضور المسؤولين.", _iso("state"), test="inv",
             held=HELD_ROWS[:2], state=STATE_ROWS)
).add(
    generate("شارك وفد هيئة المعلومات والحكومة الإلكترونية في {held[event]} الذي {verb} في {state[name]} "
             "خلال الفترة من 3 إلى 5 مايو.", _iso("state"), test="inv", held=HELD_ROWS[:2],
             verb=["عقد", "أقيم"], state=STATE_ROWS)
).add(
    generate("{held[event]} المنعقد ب{state[name]} يناقش التحول الرقمي.", _iso("state"), test="inv",
             held=HELD_ROWS[1:2], state=STATE_ROWS)
).add(
    # The state a delegation came from is not where the event is: the article's side holds it.
    generate("شارك وفد من {state[name]} في ورشة عمل نظمتها هيئة المعلومات والحكومة الإلكترونية أمس.",
             lambda f: "BHR" if f["state"]["iso3"] != "BHR" else "BHR", test="neg", state=STATE_ROWS)
)


def _stated_host(doc):
    """The main event's host when the text states its place, else '' (assumed or not stated)."""
    main = _main(doc)
    return (main.host_iso3 if main.host_basis == "stated" else "") if main is not None else None


# The place is read from the phrase attached to the event (not assumed from the article's subject):
# a verb of holding right before a glued bi-, after a long name with its year.
host_place_stated = Capability("host_place_stated", "host", _stated_host).add(
    generate("شارك وفد {adj[acc]} في {name} 2023، {held} ب{state[name]}، خلال الفترة من 7 إلى 8 مارس.",
             _iso("state"), held=["المنعقدة", "التي عقدت", "المقامة"], adj=ADJ_ROWS[:2],
             name=["ورشة عمل الحكومة الرقمية للدول العربية وآسيا", "ورشة عمل الحكومة الإلكترونية في الشرق "
                   "الأوسط وشمال أفريقيا", "مؤتمر الأمم المتحدة السنوي للخدمة العامة والابتكار الحكومي"],
             state=[r for r in STATE_ROWS if r["iso3"] not in ADJ][:20])
).add(
    generate("شاركت {state[name]}، ممثلة في وزارة الاتصالات، في {name} 2023، {held} في {city[city]}.",
             _iso("city"), test="inv", held=["المنعقدة", "التي عقدت"], state=STATE_ROWS[6:9],
             name=["ورشة عمل الحكومة الرقمية للدول العربية وآسيا", "مؤتمر الأمم المتحدة السنوي للخدمة العامة"],
             city=[r for r in CITY_ROWS if r["iso3"] not in ("BHR", "SAU", "ARE", "KWT", "QAT", "OMN", "EGY", "JOR")][:12])
).add(
    generate("شاركت {state[name]}، ممثلة في وزارة الاتصالات، في {name} 2023 خلال الفترة من 7 إلى 8 مارس.", "",
             test="neg", state=STATE_ROWS,
             name=["ورشة عمل الحكومة الرقمية للدول العربية وآسيا", "مؤتمر الأمم المتحدة السنوي للخدمة العامة"])
)


def _main_hosts(doc):
    return {e.host_iso3 for e in doc.events if e.role == "main"}


# A tour: one visit per destination coordinated after "إلى"; an event held in one state with another
# taking part has one host.
TOUR = [(STATE_ROWS[a], STATE_ROWS[b]) for a, b in [(1, 2), (3, 6), (7, 9), (22, 23), (25, 30), (31, 34), (37, 40),
                                                    (12, 19), (42, 45), (27, 33)]]
tour_hosts = Capability("tour_hosts", "host", _main_hosts).add(
    # the states a verb of visiting takes as its object, after the delegation that is its subject
    generate("زار وفد {who} {opener}{p[0][name]} و{p[1][name]} ضمن جولة للاطلاع على تجارب الحكومة الرقمية.",
             lambda f: {f["p"][0]["iso3"], f["p"][1]["iso3"]}, test="inv", who=["بحريني", "من الهيئة"],
             opener=["كلا من ", ""], p=TOUR)
).add(
    generate("زار وفد من الهيئة {st[name]} للاطلاع على تجربتها الرائدة.", lambda f: {f["st"]["iso3"]}, test="inv",
             st=[r for r in STATE_ROWS if r["iso3"] != "BHR"][:30])
).add(
    # the state after a delegation or an official word is its genitive, not where the visit went
    generate("على هامش زيارة الرئيس {title} {st[name]} إلى مملكة البحرين، وقعت الهيئة مذكرة تفاهم.", {"BHR"},
             test="neg", title=["رئيس", "رئيس جمهورية"], st=[r for r in STATE_ROWS if r["iso3"] != "BHR"][:15])
).add(
    generate("{verb} وفد من هيئة المعلومات والحكومة الإلكترونية إلى {p[0][name]} و{p[1][name]} في زيارة رسمية "
             "للاطلاع على تجاربهما في الحكومة الرقمية.", lambda f: {f["p"][0]["iso3"], f["p"][1]["iso3"]},
             verb=["توجه", "وصل"], p=TOUR)
).add(
    generate("اختتم الوفد زيارته إلى {p[0][name]} و{p[1][name]} أمس بعد لقاءات مع المسؤولين.",
             lambda f: {f["p"][0]["iso3"], f["p"][1]["iso3"]}, test="inv", p=TOUR)
).add(
    generate("شارك وفد من هيئة المعلومات والحكومة الإلكترونية في {held[event]} الذي عقد في {p[0][name]} بمشاركة "
             "{p[1][name]}.", lambda f: {f["p"][0]["iso3"]}, test="neg", held=HELD_ROWS[:3], p=TOUR)
)

# A delegation sent "إلى (كل من) X وY" visits each; a visit told of inside a reception at home is
# another, earlier event and places nothing.
SENDERS = [{"iso3": "KOR", "who": "وزارة الداخلية والسلامة في كوريا الجنوبية"},
           {"iso3": "SGP", "who": "هيئة التقنية الحكومية في سنغافورة"},
           {"iso3": "EST", "who": "وزارة الاقتصاد في إستونيا"}]
DESTINATIONS = [(STATE_ROWS[a], STATE_ROWS[b]) for a, b in [(6, 16), (7, 10), (11, 12), (18, 19), (5, 20), (1, 4)]]
delegation_destination = Capability("delegation_destination", "host", _main_hosts).add(
    generate("قالت {s[who]} إنها أرسلت وفدا للتعاون الرقمي إلى {opener}{p[0][name]} و{p[1][name]} خلال الأسبوع "
             "الجاري.", lambda f: {f["p"][0]["iso3"], f["p"][1]["iso3"]},
             s=SENDERS, opener=["كل من ", ""], p=DESTINATIONS)
).add(
    generate("توجه وفد من {s[who]} إلى {p[0][name]} و{p[1][name]} في زيارة تستمر أسبوعا.",
             lambda f: {f["p"][0]["iso3"], f["p"][1]["iso3"]}, test="inv", s=SENDERS, p=DESTINATIONS)
).add(
    # The reception's own place decides; the visit told of inside it was elsewhere and earlier.
    generate("استقبل الرئيس التنفيذي لهيئة المعلومات والحكومة الإلكترونية في مكتبه بالمنامة سفير {s[name]}، "
             "وتداول معه في الزيارة التي قام بها إلى {p[0][name]} الشهر الماضي.", {"BHR"}, test="neg",
             s=[STATE_ROWS[k] for k in (22, 23, 24)], p=DESTINATIONS)
)

# A meeting held online has no host, unless a state is said to host it ("استضافت … الورشة الافتراضية").
ONLINE = ["ورشة العمل الافتراضية", "الاجتماع الافتراضي", "الاجتماع عبر تقنية الفيديو كونفرنس",
          "المنتدى الافتراضي"]
ONLINE_STATES = [r for r in STATE_ROWS if r["iso3"] != "BHR"][:12]
virtual_host = Capability("virtual_host", "host", _host).add(
    generate("انطلقت أمس أعمال {event} بمشاركة خبراء من {state[name]} لبحث التحول الرقمي.", "", event=ONLINE,
             state=ONLINE_STATES)
).add(
    generate("استضافت {state[name]} أمس {event} بمشاركة خبراء من الدول العربية.", _iso("state"), test="neg",
             event=ONLINE, state=ONLINE_STATES)
).add(
    # a meeting held over a named video platform
    generate("عقدت ورشة عمل حول الحوكمة الإلكترونية عبر {tool} بالتعاون مع {body} {adj[f]} للتنمية.", "",
             test="inv", tool=["تقنية زووم", "تطبيق زوم", "منصة Zoom", "منصة Webex"], body=["المؤسسة", "الوكالة"],
             adj=ADJ_ROWS[:10])
)

host_city = Capability("host_city", "host", _host).add(
    generate("{held[verb]} {held[event]} في {city[city]} أمس بمشاركة واسعة.", _iso("city"),
             held=HELD_ROWS[:3], city=CITY_ROWS)
).add(
    generate("انطلقت بمدينة {city[city]} أعمال منتدى الخدمات الحكومية الرقمية.", _iso("city"), test="inv",
             city=CITY_ROWS)
).add(
    generate("تحتضن {city[city]} الأسبوع الجاري {held[event]} بمشاركة خبراء.", _iso("city"), test="inv",
             held=HELD_ROWS[:2], city=CITY_ROWS)
).add(
    generate("شاركت هيئة المعلومات والحكومة الإلكترونية في {held[event]} الذي عقد ب{city[city]} أمس.",
             _iso("city"), test="inv", held=HELD_ROWS[1:2], city=CITY_ROWS)
).add(
    generate("استقبلت هيئة المعلومات والحكومة الإلكترونية وفدا من {city[city]} للاطلاع على تجربتها.", "BHR",
             test="neg", city=CITY_ROWS)
)

host_institution_abroad = Capability("host_institution_abroad", "host", _host).add(
    generate("قام وفد من هيئة المعلومات والحكومة الإلكترونية بزيارة إلى مقر {body} {adj[f]} للحكومة الرقمية.",
             _iso("adj"), body=["الهيئة", "الوزارة", "الوكالة"], adj=ADJ_ROWS)
).add(
    generate("زار وفد بحريني {body} {adj[f]} للتحول الرقمي واطلع على تجربتها في الخدمات الإلكترونية.",
             _iso("adj"), test="inv", body=["الهيئة", "الوزارة"], adj=ADJ_ROWS)
).add(
    # The seat visited stands between the delegation's origin and the place: the place is the destination.
    generate("زار وفد من وزارة الاتصالات مقر {org} في مدينة {city[city]} لبحث التعاون.", _iso("city"),
             test="inv", org=["الأمم المتحدة", "الاتحاد الدولي للاتصالات"], city=CITY_ROWS[17:40])
).add(
    generate("استقبلت الهيئة وفدا من وزارة الاتصالات في {state[name]} للاطلاع على تجربتها.", "BHR", test="neg",
             state=[r for r in STATE_ROWS if r["iso3"] != "BHR"][:30])
).add(
    generate("استقبلت هيئة المعلومات والحكومة الإلكترونية وفدا من {body} {adj[f]} للحكومة الرقمية.", "BHR",
             test="neg", body=["الهيئة", "الوزارة"], adj=ADJ_ROWS)
)

# No place stated: the event is the article's subject's own; Bahrain only for Bahrain's side or an
# article that names no state.
host_assumed_subject = Capability("host_assumed_subject", "host", _host).add(
    generate("نظمت وزارة الاتصالات {adj[f]} ورشة عمل حول الخدمات الرقمية، وأكدت الوزارة {adj[f]} "
             "أهمية التحول الرقمي في الجهات الحكومية.", _iso("adj"), adj=ADJ_ROWS)
).add(
    generate("افتتحت {body} ورشة عمل حول {topic} بحضور المختصين.", "BHR", test="neg",
             body=["هيئة المعلومات والحكومة الإلكترونية", "الهيئة", "الوزارة"],
             topic=["البيانات المفتوحة", "الأمن السيبراني", "الخدمات الذكية"])
).add(
    generate("استقبلت الهيئة وفدا {adj[acc]} رفيع المستوى للاطلاع على تجربة المملكة في الحكومة الإلكترونية.",
             "BHR", test="neg", adj=ADJ_ROWS)
).add(
    # a visiting delegation's own state does not host its visit: the other state named, else Bahrain
    generate("اتفق وفد {adj} أمس مع الأمانة العامة لمجلس الشورى على نقل نظم الأرشفة الإلكترونية خلال زيارة "
             "كرست لهذا الغرض.", "BHR", test="neg", adj=[v for k, v in ADJ.items() if k != "BHR"][:25])
).add(
    generate("اتفق وفد {adj[1]} أمس مع الأمانة العامة لمجلس شورى {st[name]} على نقل نظم الأرشفة الإلكترونية خلال زيارة "
             "كرست لهذا الغرض.", lambda f: f["st"]["iso3"], test="inv",
             adj=[(k, v) for k, v in ADJ.items() if k not in ("BHR", "OMN", "QAT")][:10],
             st=[r for r in STATE_ROWS if r["iso3"] in ("BHR", "OMN", "QAT")])
)

# An agreement belongs to its parties alike: with no place stated, another state's agreement has no
# host; Bahrain's side of one is held at home (the dashboard's convention for Bahrain's own articles).
agreement_host = Capability("agreement_host", "host", _host).add(
    generate("قالت وزارة الاتصالات {adj[f]} إن مذكرة التفاهم التي {verb} مع {other} أمس تعزز التعاون في "
             "التحول الرقمي.", "", adj=[r for r in ADJ_ROWS if r["iso3"] not in ("KOR", "USA")],
             verb=["وقعتها", "أبرمتها"], other=["جمهورية كوريا", "الولايات المتحدة"])
).add(
    generate("وقعت {adj[f]} مذكرة تفاهم مع {other} في مجال الحكومة الرقمية.", "", test="inv",
             adj=[{"iso3": r["iso3"], "f": "الهيئة " + r["f"]} for r in ADJ_ROWS if r["iso3"] not in ("KOR", "USA")],
             other=["جمهورية كوريا", "الولايات المتحدة"])
).add(
    generate("وقعت هيئة المعلومات والحكومة الإلكترونية مذكرة تفاهم مع {state[name]} في مجال {topic}.", "BHR",
             test="neg", state=[r for r in STATE_ROWS if r["iso3"] != "BHR"][:25],
             topic=["الحوسبة السحابية", "الهوية الرقمية"])
).add(
    # the partner body's address is not where the agreement was signed
    generate("وقعت هيئة المعلومات والحكومة الإلكترونية مذكرة تفاهم مع {body} في {state[name]}.", "BHR",
             test="neg", body=["الهيئة الوطنية للأمن السيبراني", "وزارة الاقتصاد والاتصالات"],
             state=[r for r in STATE_ROWS if r["iso3"] != "BHR"][:30])
)

# "المملكة" / "السلطنة" alone mean the article's state of that form, not Bahrain by default.
KINGDOMS = [{"iso3": "SAU", "adj": "السعودية"}, {"iso3": "JOR", "adj": "الأردنية"}, {"iso3": "MAR", "adj": "المغربية"},
            {"iso3": "BHR", "adj": "البحرينية"}]
short_form_host = Capability("short_form_host", "host", _host).add(
    generate("استضافت المملكة أمس {held[event]}، وأكدت هيئة الحكومة الرقمية {k[adj]} {verb} التعاون.",
             _iso("k"), held=HELD_ROWS, k=KINGDOMS, verb=["أهمية", "ضرورة"])
).add(
    generate("عقد {held[event]} في السلطنة أمس بتنظيم من هيئة تقنية المعلومات، وأكد {who} أهمية التعاون.",
             "OMN", test="inv", held=HELD_ROWS, who=["الرئيس التنفيذي", "المشاركون"])
).add(
    generate("استضافت المملكة المتحدة أمس {held[event]} بحضور وفد {adj}.", "GBR", test="neg",
             held=HELD_ROWS, adj=["سعودي", "أردني", "مغربي", "بحريني"])
)

# ------------------------------------------------------------------ participants

participants_adjective = Capability("participants_adjective", "participants", _participants).add(
    generate("استقبلت هيئة المعلومات والحكومة الإلكترونية وفدا {adj[acc]} رفيع المستوى.",
             lambda f: {f["adj"]["iso3"]}, adj=ADJ_ROWS)
).add(
    generate("زار وزير الاتصالات {adj[m]} هيئة المعلومات والحكومة الإلكترونية أمس.",
             lambda f: {f["adj"]["iso3"]}, test="inv", adj=ADJ_ROWS)
).add(
    generate("نظمت الهيئة ورشة عمل استعرضت فيها التجربة {adj[f]} في الخدمات الرقمية.", set(), test="neg",
             adj=ADJ_ROWS)
)

class _StateList(str):
    """Four states coordinated ("الأردن ومصر وتونس والمغرب"), the k-th rotation of the state list."""

    def __new__(cls, k: int):
        rows = [r for r in STATE_ROWS if r["iso3"] != "BHR"]
        chosen = [rows[(k * 4 + j) % len(rows)] for j in range(4)]
        obj = super().__new__(cls, " و".join(r["name"] for r in chosen))
        obj.iso3s = tuple(r["iso3"] for r in chosen)
        return obj


PAIRS = [({"iso3": a, "name": STATES[a]}, {"iso3": b, "name": STATES[b]})
         for a, b in [("JOR", "EGY"), ("TUN", "MAR"), ("KAZ", "UZB"), ("EST", "FIN"), ("KOR", "JPN"), ("SGP", "MYS"),
                      ("FRA", "DEU"), ("IRQ", "LBN"), ("SDN", "LBY"), ("YEM", "MRT"), ("IND", "PAK"), ("TUR", "AZE")]]
participants_delegation = Capability("participants_delegation", "participants", _participants).add(
    # a list of states shares the role of its first: none of them is the article's side
    generate("شاركت في المؤتمر وفود من {q}، إضافة إلى ممثلين عن منظمات دولية.",
             lambda f: set(f["q"].iso3s), test="inv", q=[_StateList(k) for k in range(12)])
).add(
    generate("استقبلت الهيئة {dual} من {p[0][name]} و{p[1][name]} للاطلاع على تجربتها.",
             lambda f: {f["p"][0]["iso3"], f["p"][1]["iso3"]} - {"BHR"}, dual=["وفدين", "الوفدين"], p=PAIRS)
).add(
    generate("اطلع وفد من {state[name]} على تجربة {side} في الحكومة الإلكترونية، ضمن زيارة يقوم بها إلى المملكة.",
             lambda f: {f["state"]["iso3"]}, test="inv", side=["البحرين", "مملكة البحرين"],
             state=[r for r in STATE_ROWS if r["iso3"] not in ("BHR", "SAU", "JOR", "MAR", "GBR")][:30])
).add(
    generate("نظمت الهيئة ورشة عمل بمشاركة وفود من {p[0][name]} و{p[1][name]}.",
             lambda f: {f["p"][0]["iso3"], f["p"][1]["iso3"]}, test="inv", p=PAIRS)
).add(
    generate("شاركت {p[0][name]} و{p[1][name]} في ورشة عمل نظمتها الهيئة في المنامة.",
             lambda f: {f["p"][0]["iso3"], f["p"][1]["iso3"]}, test="inv", p=PAIRS)
).add(
    generate("وقعت الهيئة مذكرة تفاهم مع {body} {adj[f]} للحكومة الرقمية.", lambda f: {f["adj"]["iso3"]},
             test="inv", body=["الوزارة", "الهيئة"], adj=ADJ_ROWS)
).add(
    generate("شارك وفد من {state[name]} في ورشة عمل نظمتها هيئة المعلومات والحكومة الإلكترونية.",
             lambda f: {f["state"]["iso3"]} - {"BHR"}, state=STATE_ROWS)
).add(
    generate("نظمت الهيئة ورشة عمل بمشاركة خبراء من {state[name]}.",
             lambda f: {f["state"]["iso3"]} - {"BHR"}, test="inv", state=STATE_ROWS)
)

# "من منطقة الخليج": the Gulf region as where participants come from names the GCC states (the host
# left out); the same region as a place or a scope names nobody.
gulf_region = Capability("gulf_region_participants", "participants", _participants).add(
    generate("{held[verb]} {held[event]} في {city[city]}، وشارك فيها مسؤولون من {num} دولة من منطقة الخليج "
             "و{region}.", lambda f: set(("BHR", "KWT", "OMN", "QAT", "SAU", "ARE")) - {f["city"]["iso3"]},
             held=HELD_ROWS, city=[r for r in CITY_ROWS if r["iso3"] in ("QAT", "OMN", "SAU", "EGY", "FRA")],
             num=["نحو 14", "20"], region=["آسيا", "أوروبا"])
).add(
    generate("{held[verb]} {held[event]} في {city[city]}، {verb} خبراء من منطقة الخليج العربي.",
             lambda f: set(("BHR", "KWT", "OMN", "QAT", "SAU", "ARE")) - {f["city"]["iso3"]}, test="inv",
             held=HELD_ROWS, city=[r for r in CITY_ROWS if r["iso3"] in ("QAT", "OMN", "EGY", "FRA")],
             verb=["بمشاركة", "وحضره"])
).add(
    generate("{held[verb]} {held[event]} في {city[city]}، وتعد المنصة {what} في منطقة الخليج.", set(), test="neg",
             held=HELD_ROWS, city=[r for r in CITY_ROWS if r["iso3"] in ("QAT", "OMN", "EGY", "FRA")],
             what=["الأولى من نوعها", "الأكبر"])
)

# A state taking part through one of its institutions: a national body whose name is its own, or the
# article's subject state's body named without its adjective ("الهيئة") at an event held elsewhere.
INSTITUTIONS = [{"iso3": "BHR", "name": "هيئة المعلومات والحكومة الإلكترونية"},
                {"iso3": "BHR", "name": "هيئة الحكومة الإلكترونية"},
                {"iso3": "OMN", "name": "هيئة تقنية المعلومات"},
                {"iso3": "KWT", "name": "الجهاز المركزي لتكنولوجيا المعلومات"},
                {"iso3": "JOR", "name": "وزارة الاقتصاد الرقمي والريادة"}]
ABROAD_CITIES = [r for r in CITY_ROWS if r["iso3"] in ("USA", "CHE", "FRA", "KOR", "SGP", "EGY", "MAR", "ARE")]
participants_institution = Capability("participants_institution", "participants", _participants).add(
    # an article that names no state but the venue is Bahrain's side: its authority took part abroad
    generate("شارك وفد {who} في {held[event]} الذي عقد في {place}.", {"BHR"}, test="inv",
             who=["الهيئة", "من الهيئة"], held=HELD_ROWS[:3],
             place=["بيروت", "مدينة شرم الشيخ المصرية", "مقر الأمم المتحدة في نيويورك", "إمارة دبي", "العاصمة الكورية سيول"])
).add(
    generate("شاركت {inst[name]} في {held[event]} الذي عقد في {city[city]} أمس.",
             lambda f: {f["inst"]["iso3"]} - {f["city"]["iso3"]}, inst=INSTITUTIONS, held=HELD_ROWS[:3],
             city=ABROAD_CITIES)
).add(
    generate("غادر الرئيس التنفيذي ل{inst[name]} إلى {city[city]} للمشاركة في {held[event]} الذي تنظمه الأمم المتحدة.",
             lambda f: {f["inst"]["iso3"]} - {f["city"]["iso3"]}, test="inv", inst=INSTITUTIONS,
             held=HELD_ROWS[:3], city=ABROAD_CITIES)
).add(
    generate("أكدت الوزارة {adj[f]} أهمية التحول الرقمي، وشاركت الوزارة في {held[event]} الذي عقد في {city[city]}.",
             lambda f: {f["adj"]["iso3"]}, test="inv", adj=[r for r in ADJ_ROWS if r["iso3"] not in ("USA", "FRA", "KOR")][:12],
             held=HELD_ROWS[:2], city=[r for r in ABROAD_CITIES if r["iso3"] in ("USA", "FRA", "KOR")])
).add(
    # People from no named state are nobody's participation.
    generate("شارك خبراء من {org} في {held[event]} الذي عقد في {city[city]} أمس.", set(), test="neg",
             org=["الأمم المتحدة", "البنك الدولي"], held=HELD_ROWS[:3], city=ABROAD_CITIES)
)

# States named in another role are not participants: comparisons and ranking leaders.
named_only = Capability("named_only", "participants", _participants).add(
    generate("نظمت الهيئة ورشة عمل حول الحكومة الرقمية.\nوتصدرت {state[name]} مؤشر الأمم المتحدة لتطوير "
             "الحكومة الإلكترونية.", set(), test="neg", state=[r for r in STATE_ROWS if r["iso3"] != "BHR"])
).add(
    generate("نظمت الهيئة ورشة عمل، وقارن المشاركون التجربة بتجربة {state[name]} في الخدمات الرقمية.", set(),
             test="neg", state=[r for r in STATE_ROWS if r["iso3"] != "BHR"])
).add(
    generate("نظمت الهيئة ورشة عمل حول الخدمات الرقمية على غرار {state[name]}.", set(), test="neg",
             state=[r for r in STATE_ROWS if r["iso3"] != "BHR"])
).add(
    # a state ahead of which the side ranks, or one that declined, did not take part
    generate("استقبلت الهيئة وفدا من {p[0][name]}، واطلع الوفد على تجربة البحرين {what} {p[1][name]}.",
             lambda f: {f["p"][0]["iso3"]}, test="neg", what=["بعد تفوقها على", "التي تفوقت على"], p=PAIRS)
).add(
    # (the authority's delegation is Bahrain's side in an article that names no other: it took part)
    generate("شارك وفد الهيئة في اجتماع عقد في الرياض بحضور ممثلين عن {p[0][name]}، فيما {verb} {p[1][name]} عن "
             "المشاركة.", lambda f: {f["p"][0]["iso3"], "BHR"}, test="neg", verb=["اعتذرت", "تغيبت"], p=PAIRS)
).add(
    generate("عقد الاجتماع في الرياض، وشارك فيه ممثلو الدول الأعضاء {word} {st[name]}.", set(), test="neg",
             word=["باستثناء", "عدا"], st=[r for r in STATE_ROWS if r["iso3"] != "SAU"][:20])
).add(
    # the subject of a verb of leading is named for a ranking; a state that took part keeps its part
    # when a relative clause says it leads
    generate("نظمت الهيئة المؤتمر في المنامة أمس، والذي {verb} {st[name]} قائمة الدول الأكثر تقدما.", set(),
             test="neg", verb=["تصدرت فيه", "تصدرت خلاله"], st=[r for r in STATE_ROWS if r["iso3"] != "BHR"][:20])
).add(
    generate("نظمت الهيئة المؤتمر في المنامة أمس بحضور ممثلين عن {st[name]} التي تتصدر مؤشر الأمم المتحدة.",
             lambda f: {f["st"]["iso3"]}, test="inv", st=[r for r in STATE_ROWS if r["iso3"] != "BHR"][:20])
).add(
    generate("نظمت الهيئة ورشة عمل بمشاركة خبراء من {state[name]}.\nوجاءت {other} في المرتبة الأولى عالميا في "
             "مؤشر الأمم المتحدة للحكومة الإلكترونية.", lambda f: {f["state"]["iso3"]}, test="mft",
             state=[r for r in STATE_ROWS if r["iso3"] not in ("BHR", "DNK")], other=["الدنمارك"])
)

# ------------------------------------------------------------------ size, kind, GCC, year, tense

NUMBERS = [(3, "3"), (5, "5"), (12, "12"), (14, "14"), (17, "17"), (22, "22"), (40, "40"), (85, "85"),
           (7, "٧"), (15, "١٥"), (30, "٣٠"), (3, "ثلاث"), (4, "أربع"), (5, "خمس"), (6, "ست"), (7, "سبع"),
           (8, "ثماني"), (9, "تسع"), (10, "عشر")]
NUMBER_ROWS = [{"n": n, "text": t} for n, t in NUMBERS]
size = Capability("delegation_size", "size", _field("countries_stated")).add(
    generate("{held[verb]} {held[event]} في مسقط بمشاركة {num[text]} {noun}.", lambda f: f["num"]["n"],
             held=HELD_ROWS[:2], num=NUMBER_ROWS, noun=["دول"])
).add(
    generate("{held[verb]} {held[event]} في مسقط بمشاركة {num[text]} دولة.", lambda f: f["num"]["n"],
             test="inv", held=HELD_ROWS[:2], num=[r for r in NUMBER_ROWS if r["n"] > 10])
).add(
    generate("{held[verb]} {held[event]} في مسقط بمشاركة {dual}.", 2, test="inv", held=HELD_ROWS,
             dual=["دولتين", "دولتين عربيتين"])
).add(
    generate("{held[verb]} {held[event]} في مسقط بحضور {num[text]} مشاركا.", None, test="neg",
             held=HELD_ROWS[:2], num=NUMBER_ROWS)
).add(
    generate("{held[verb]} {held[event]} في مسقط بمشاركة ممثلي {num[text]} دولة.", lambda f: f["num"]["n"],
             test="inv", held=HELD_ROWS[:1], num=[r for r in NUMBER_ROWS if r["n"] > 10])
).add(
    generate("{held[verb]} {held[event]} في مسقط، وتحدث المشاركون عن تجارب {num[text]} دول.", None,
             test="neg", held=HELD_ROWS[:1], num=[r for r in NUMBER_ROWS if r["n"] <= 10])
).add(
    generate("{held[verb]} {held[event]} في مسقط لتعزيز العلاقات بين البلدين.", None, test="neg", held=HELD_ROWS)
).add(
    generate("وشارك في {held[event]} مسؤولون من {about} {num[text]} دولة.", lambda f: f["num"]["n"], test="inv",
             held=HELD_ROWS[:2], about=["نحو", "أكثر من"], num=[r for r in NUMBER_ROWS if r["n"] > 10])
)

# Hard-wrapped pages cut a sentence every 7 to 14 words: a line with no final mark goes on when the
# next opens with a preposition; a short line (a headline) still ends its sentence.
WRAP_NUMBERS = [{"n": 5, "text": "خمس"}, {"n": 7, "text": "سبع"}, {"n": 12, "text": "12"}, {"n": 22, "text": "22"}]
wrapped_size = Capability("wrapped_line_size", "size", _field("countries_stated")).add(
    generate("{held[verb]} {held[event]} أمس عبر تقنية الاتصال المرئي.\nويشارك فيه عدد من {people} المعنيين "
             "بالتحول الرقمي\nمن {num[text]} دول أعضاء في المنظمة.", lambda f: f["num"]["n"], held=HELD_ROWS,
             people=["الوزراء", "الخبراء"], num=WRAP_NUMBERS)
).add(
    generate("{held[verb]} {held[event]} أمس عبر تقنية الاتصال المرئي.\nوحضر {people}\nمن {num[text]} دول "
             "أعضاء.", None, test="neg", held=HELD_ROWS, people=["الوزراء", "الخبراء"], num=WRAP_NUMBERS)
)

CUES = [("ورشة عمل", "workshop"), ("ندوة", "workshop"), ("مؤتمرا", "conference"), ("منتدى", "forum"),
        ("ملتقى", "forum"), ("اجتماعا", "meeting"), ("لقاء", "meeting")]
kind = Capability("kind", "kind", _field("kind")).add(
    generate("نظمت الهيئة {cue[0]} حول {topic} في {city[city]} أمس.", lambda f: f["cue"][1],
             cue=CUES, topic=["الحكومة الرقمية", "الأمن السيبراني"], city=CITY_ROWS[:4])
).add(
    generate("وقعت هيئة المعلومات والحكومة الإلكترونية {doc} مع {state[name]} في مجال الخدمات الرقمية.",
             "agreement", test="inv", doc=["مذكرة تفاهم", "اتفاقية تعاون"], state=STATE_ROWS[1:12])
).add(
    generate("تسلمت الهيئة جائزة {award} في حفل أقيم في {city[city]}.", "award", test="inv",
             award=["التميز الحكومي", "أفضل خدمة إلكترونية"], city=CITY_ROWS[:10])
).add(
    generate("كرمت الأمم المتحدة {state[name]} خلال {ceremony} الأمم المتحدة للخدمة العامة الذي أقيم في {city}.",
             "award", test="inv", ceremony=["حفل توزيع جوائز", "حفل توزيع الجوائز"], state=STATE_ROWS[:12],
             city=["لاهاي", "باكو", "جنيف"])
).add(
    # "في معرض حديثه" is "in the course of his talk": no exhibition, no event.
    generate("وقال الوزير في معرض {talk} عن {state[name]} إن الخدمات الرقمية تطورت.", None, test="neg",
             talk=["حديثه", "رده", "تعليقه"], state=STATE_ROWS[:15])
)

# A reception: its guest decides the kind. A diplomat posted in the receiving state is received at a
# meeting; a delegation that came for the purpose makes a visit, even when its ambassador leads it.
HOSTS = [{"verb": "استقبل", "who": "الرئيس التنفيذي لهيئة المعلومات والحكومة الإلكترونية", "own": "مكتبه"},
         {"verb": "استقبلت", "who": "وزيرة التنمية الإدارية", "own": "مكتبها"}]
FOREIGN = [r for r in STATE_ROWS if r["iso3"] != "BHR"]
FOREIGN_ADJ = [r for r in ADJ_ROWS if r["iso3"] != "BHR"]
reception_kind = Capability("reception_kind", "kind", _field("kind")).add(
    generate("{h[verb]} {h[who]} في {h[own]} سفير {state[name]} لدى مملكة البحرين، وبحث الجانبان التعاون "
             "في مجال الخدمات الرقمية.", "meeting", h=HOSTS, state=FOREIGN[:30])
).add(
    generate("{h[verb]} {h[who]} أمس {title} {adj[m]} {post}، حيث جرى التداول في مجالات التعاون.", "meeting",
             test="inv", h=HOSTS, title=["السفير", "القائم بالأعمال"], adj=FOREIGN_ADJ[:12],
             post=["لدى المملكة", "في البحرين"])
).add(
    # A delegation received, even one its ambassador accompanies, came on a visit.
    generate("{h[verb]} {h[who]} في {h[own]} وفدا من {state[name]} {lead}، واطلع الوفد على الخدمات الرقمية.",
             "visit", test="neg", h=HOSTS, state=FOREIGN[:25], lead=["برئاسة وزير الاتصالات", "يرافقه سفير بلاده"])
)

# A reception of the state's own people where certificates or honours are handed out is an honouring
# (award); a delegation from abroad received and given a shield still came on a visit.
home_honour_kind = Capability("home_honour_kind", "kind", _field("kind")).add(
    generate("{h[verb]} {h[who]} في {h[own]} أمس عددا من {guests} الذين ساهموا في {work}.\nوتم خلال اللقاء "
             "تقديم {honour} لأعضاء فرق العمل.", "award", h=HOSTS,
             guests=["ممثلي الوزارات والهيئات الحكومية", "موظفي الهيئة"],
             work=["إعداد تقرير الأمم المتحدة", "إطلاق البوابة الوطنية"],
             honour=["الشهادات التقديرية", "شهادات تقدير", "الدروع التذكارية"])
).add(
    generate("{h[verb]} {h[who]} في {h[own]} أمس وفدا من {state[name]} يزور المملكة حاليا.\nوتم خلال اللقاء "
             "تقديم الدروع التذكارية لأعضاء الوفد.", "visit", test="neg", h=HOSTS, state=FOREIGN[:12])
)

# A shield is an award when a verb of winning takes it ("فازت … بدرع"); a shield handed to visitors
# is a courtesy of their visit.
won_shield_kind = Capability("won_shield_kind", "kind", _field("kind")).add(
    generate("{verb} {winner} بدرع أفضل {what} في العالم العربي خلال حفل أقيم في {city[city]}.", "award",
             verb=["فازت", "حصلت", "نالت"], winner=["ثمانية مواقع حكومية", "هيئة الحكومة الإلكترونية"],
             what=["موقع حكومي", "خدمة إلكترونية"], city=CITY_ROWS[:4])
).add(
    generate("زار وفد من {state[name]} هيئة المعلومات والحكومة الإلكترونية أمس، وقدم الرئيس التنفيذي للهيئة "
             "درعا تذكاريا لرئيس الوفد.", "visit", test="neg", state=FOREIGN[:20])
)

# The kind is the head noun of the event the sentence reports, not a cue word met in passing: a
# prize adopted ("اعتماد جائزة"), a committee in someone's title (also in the dual, "عضوي لجنة"),
# a memorandum named with the article ("مذكرة التفاهم التي وقعت خلال اجتماع اللجنة").
GULF = [r for r in STATE_ROWS if r["iso3"] in GCC and r["iso3"] != "BHR"]
head_noun_kind = Capability("head_noun_kind", "kind", _field("kind")).add(
    generate("{decision} جائزة التميز للحكومة الإلكترونية خليجيا\nافتتح نائب رئيس الوزراء أمس {held[event]} "
             "في {city[city]} بمشاركة واسعة.", lambda f: f["held"]["kind"],
             decision=["اعتماد", "إقرار", "استحداث"], held=HELD_ROWS[:3], city=CITY_ROWS[:6])
).add(
    generate("قالت الوزارة إن {memo} بين {a[name]} و{b[name]} التي وقعت خلال انعقاد اللجنة العليا المشتركة "
             "أمس تعزز التعاون في مجال الخدمات الرقمية.", "agreement", test="inv",
             memo=["مذكرة التعاون", "مذكرة التفاهم"], a=GULF, b=[STATE_ROWS[k] for k in (6, 7, 8, 10)])
).add(
    generate("أكد رئيس مجلس الشورى عمق العلاقات مع {state[name]}، وذلك خلال {recv} {guest} بحضور {title} "
             "لجنة الشؤون الخارجية.", "visit", test="inv",
             recv=["استقباله", "استقبالها"], guest=["وفدا برلمانيا", "وفد البرلمان"], title=["عضوي", "عضوا"],
             state=FOREIGN[:12])
).add(
    # A prize received is an award: only a prize adopted or set up is no event.
    generate("تسلمت الهيئة جائزة التميز للحكومة الإلكترونية خلال حفل أقيم في {city[city]} أمس.", "award",
             test="neg", city=CITY_ROWS[:20])
)

# The event's year when the page's banner, the dateline and the event's own date differ: the opening
# sentence that names the event again with its dates decides; an earlier edition named there does not.
REPORTED = ["مؤتمر الحكومة الإلكترونية", "منتدى الحكومة الرقمية", "ملتقى الخدمات الذكية"]
year_restated = Capability("year_restated", "year", _field("year")).add(
    generate("{banner}\n{state[name]} تشارك في {event} ب{city[city]}\n19 ديسمبر 2024\nتشارك {state[name]} في "
             "{event} {held} في الفترة بين 21 و23 من ديسمبر 2024 في {city[city]}.", 2024,
             published="2024-12-19", banner=["السبت 20 أبريل 2026 أبوظبي", "الأحد 3 مارس 2025"],
             state=[STATE_ROWS[k] for k in (1, 3, 6, 8, 12)], event=REPORTED, held=["المقام", "المنعقد"],
             city=CITY_ROWS[2:4])
).add(
    generate("{state[name]} تشارك في {event} ب{city[city]}\nتشارك {state[name]} في {event} {held} بين 5 و7 من "
             "{month} 2025 في {city[city]}.", 2025, test="inv", published="2024-12-20",
             state=[STATE_ROWS[k] for k in (2, 4, 7, 10)], event=REPORTED, held=["المقام", "المنعقد"],
             month=["يناير", "فبراير"], city=CITY_ROWS[4:6])
).add(
    # A later sentence about the same kind of event in an earlier year tells of another edition.
    generate("{state[name]} تشارك في {event} ب{city[city]}\nوذكر المسؤول أن {state[name]} نظمت {event} "
             "في {y} بمشاركة عدة دول.", 2024, test="neg",
             state=[STATE_ROWS[k] for k in (1, 5, 9, 11)], event=REPORTED, y=[2012, 2019], city=CITY_ROWS[6:8])
)

# A place glued to an organization's name is the organization's seat: the speaker from "الاتحاد الدولي
# للاتصالات بسويسرا" does not make Switzerland a participant; a state named on its own does.
ORGS = ["إدارة الشؤون الاقتصادية والاجتماعية بالأمم المتحدة (UNDESA)", "الاتحاد الدولي للاتصالات",
        "البنك الدولي", "منظمة التعاون الاقتصادي والتنمية (OECD)"]
ABROAD = [STATE_ROWS[k] for k in (3, 6, 8, 10, 17)]
SEATS = [{"iso3": k, "name": OTHERS[k]} for k in ("USA", "CHE", "FRA", "AUT", "ITA", "GBR")]
organization_seat = Capability("organization_seat", "participants", _participants).add(
    generate("استضافت مملكة البحرين ورشة عمل افتراضية أمس بمشاركة خبراء من {p[name]}، ومن أبرز المتحدثين "
             "فيها ممثل {org} {prep}{seat[name]}.", lambda f: {f["p"]["iso3"]},
             test="neg", p=ABROAD, org=ORGS, prep=["ب", "في "], seat=SEATS[:3])
).add(
    # The same state named on its own, beside the organization, took part.
    generate("استضافت مملكة البحرين ورشة عمل افتراضية أمس بمشاركة خبراء من {p[name]} و{seat[name]} وممثل "
             "{org}.", lambda f: {f["p"]["iso3"], f["seat"]["iso3"]},
             p=ABROAD, org=ORGS, seat=SEATS[3:])
)

# A press release may open with a statement and name its event only after the opening sentences, as
# the subject of a verb of holding; an earlier edition named there is no main event.
OPENING = ("قال {who} إن الحكومة الرقمية تعتمد بشكل كبير على ثقة المواطن فيها.\nوأضاف أن الثقة مكون مهم في "
           "الخدمات الرقمية وفي تقبل المواطنين لها.\nوأشار إلى أن الدول العربية قطعت شوطا كبيرا في التحول الرقمي.\n")
SPEAKERS = ["رئيس شعبة المعلومات في الإسكوا", "مدير إدارة الخدمات الرقمية", "الأمين العام للهيئة"]
HELD_LATER = [("ويعقد", "الاجتماع", "meeting"), ("ويعقد", "المؤتمر", "conference"), ("ويقام", "المنتدى", "forum"),
              ("وتعقد", "الورشة", "workshop"), ("وينظم", "الملتقى", "forum")]
event_after_lead = Capability("event_after_lead", "kind", _field("kind")).add(
    generate(OPENING + "{h[0]} {h[1]} بتنظيم مشترك بين {org} ووزارة الاتصالات على مدى ثلاثة أيام.",
             lambda f: f["h"][2], who=SPEAKERS, h=HELD_LATER,
             org=["الأمم المتحدة", "جامعة الدول العربية", "الاتحاد الدولي للاتصالات"])
).add(
    generate(OPENING + "وكان {h[1]} السابق قد عقد في {city[city]} عام 2019 بمشاركة واسعة.", None, test="neg",
             who=SPEAKERS, h=HELD_LATER, city=CITY_ROWS[:3])
)

gcc = Capability("gcc", "gcc", _field("gcc")).add(
    generate("شاركت دول مجلس التعاون الخليجي في {held[event]} الذي عقد في {city[city]}.", True,
             held=HELD_ROWS, city=CITY_ROWS[:6])
).add(
    generate("شاركت {a[name]} و{b[name]} في {held[event]} الذي عقد في القاهرة.", False, test="neg",
             held=HELD_ROWS[:2], a=[{"name": ARAB[k]} for k in ("JOR", "TUN", "MAR", "IRQ", "LBN")],
             b=[{"name": ARAB[k]} for k in ("SDN", "LBY", "YEM", "DZA")])
).add(
    # the Gulf adjective inside the event's own name
    generate("{verb} {name} في {city[city]} {when}.", True, test="inv",
             verb=["انطلقت أعمال", "اختتمت أعمال", "عقد"], city=CITY_ROWS[:8], when=["أمس", "اليوم"],
             name=["المؤتمر الخليجي الأول للحكومة الإلكترونية", "مؤتمر الحكومة الإلكترونية الخليجي الرابع",
                   "الاجتماع الخليجي لمسؤولي الخدمات الرقمية", "ملتقى الحكومة الرقمية الخليجي"])
).add(
    generate("{held[verb]} {held[event]} في {city[city]} لبحث آفاق التعاون الخليجي {other} في التحول الرقمي.",
             False, test="neg", held=HELD_ROWS, city=CITY_ROWS[17:25], other=["الأوروبي", "الآسيوي"])
)

# The GCC states taking part as a group make a GCC event only when no more states than the GCC has
# took part: "وفود دول الخليج" at a forum of 97 states is a delegation among many.
gcc_by_size = Capability("gcc_by_size", "gcc", _field("gcc")).add(
    generate("{held[verb]} {held[event]} في {city[city]} أمس بمشاركة {num[text]} دولة، وقدمت وفود دول مجلس "
             "التعاون الخليجي عرضا عن تجاربها.", False, test="neg", held=HELD_ROWS,
             city=CITY_ROWS[:4], num=[r for r in NUMBER_ROWS if r["n"] > 10][:4])
).add(
    generate("{held[verb]} {held[event]} في {city[city]} أمس بمشاركة دول مجلس التعاون الخليجي، وقدمت الوفود "
             "عرضا عن تجاربها.", True, held=HELD_ROWS, city=CITY_ROWS[:6])
)

MONTHS = ["يناير", "مارس", "مايو", "سبتمبر", "نوفمبر"]
year = Capability("year", "year", _field("year")).add(
    # a year before the cue in its clause ("ستستضيف البحرين في عام 2026 المؤتمر"), or after its month
    generate("{verb} {state[name]} في عام {y} {held[event]}.", lambda f: f["y"], test="inv",
             verb=["ستستضيف", "استضافت"], held=HELD_ROWS[:2], state=STATE_ROWS[:12], y=[2019, 2026])
).add(
    generate("{held[verb]} {held[event]} في {city[city]} في شهر {month} من عام {y}.", lambda f: f["y"], test="inv",
             held=HELD_ROWS, city=CITY_ROWS[:4], month=["مارس", "نوفمبر"], y=[2011, 2023])
).add(
    # the year of a report named before the cue is the report's, not the event's
    generate("أشاد الوزير بنتائج تقرير الأمم المتحدة للحكومة الإلكترونية {y} خلال ورشة عمل عقدت في {city[city]}.",
             2024, test="neg", city=CITY_ROWS[:10], y=[2012, 2016])
).add(
    generate("{held[verb]} {held[event]} في الرياض يوم 12 {month} {y}.", lambda f: f["y"],
             held=HELD_ROWS, month=MONTHS, y=[2008, 2013, 2019, 2023])
).add(
    generate("{held[verb]} {held[event]} في الدوحة خلال عام {y[text]}.", lambda f: f["y"]["y"], test="inv",
             held=HELD_ROWS, y=[{"y": 2016, "text": "٢٠١٦"}, {"y": 2021, "text": "٢٠٢١"}, {"y": 2011, "text": "2011"}])
).add(
    # A year that belongs to a plan, not to the event: the publication year stays.
    generate("{held[verb]} {held[event]} في الدوحة أمس ضمن {plan} {y}.", 2024, test="neg",
             held=HELD_ROWS, plan=["رؤية", "استراتيجية"], y=[2030, 2040])
)

# An undated event takes the year of an event dated in the text and told to fall within it ("في اليوم
# الأول من زيارته"); an event before or after it gives nothing (the publication year stays).
WITHIN_MAIN = [
    {"main": "زار وفد {adj} هيئة المعلومات والحكومة الإلكترونية للاطلاع على تجربتها في الخدمات الرقمية.",
     "noun": ["زيارته", "الزيارة"]},
    {"main": "عقدت لجنة الحكومة الإلكترونية {adj2} اجتماعها بحضور ممثلي الجهات الحكومية.",
     "noun": ["اجتماعها", "الاجتماع"]},
]
WITHIN_ROWS = [{"main": w["main"].replace("{adj}", r["acc"]).replace("{adj2}", r["f"]), "noun": n}
               for w in WITHIN_MAIN for n in w["noun"] for r in ADJ_ROWS[:3]]
INNER_EVENTS = ["حفل تكريم الفائزين بجائزة التميز الحكومي", "حفل توزيع جائزة الحكومة الرقمية"]
year_within_main = Capability("year_within_main", "year", _field("year")).add(
    generate("{w[main]} وحضر الوفد {inner} {y[text]} {during} {w[noun]}.", lambda f: f["y"]["y"], w=WITHIN_ROWS,
             inner=INNER_EVENTS, during=["في اليوم الأول من", "في اليوم الثاني من", "خلال", "أثناء"],
             y=[{"y": 2008, "text": "2008"}, {"y": 2015, "text": "٢٠١٥"}])
).add(
    generate("{w[main]} وكان الوفد قد حضر {inner} {y} {when} {w[noun]}.", 2024, test="neg", w=WITHIN_ROWS,
             inner=INNER_EVENTS, when=["قبل", "بعد انتهاء"], y=[2008, 2019])
)

# In a sentence about another organisation's ranking, its publisher's name ("المنتدى الاقتصادي العالمي")
# is no event; the same body's meeting attended by a delegation is one.
publisher_not_event = Capability("publisher_not_event", "kind", _field("kind")).add(
    generate("حلت {state[name]} في المرتبة {n} عالميا في {index} الصادر عن المنتدى الاقتصادي العالمي.", None,
             test="neg", state=STATE_ROWS[:30], n=["12", "45"], index=["مؤشر التنافسية العالمية", "تقرير التنافسية"])
).add(
    generate("شارك وفد {adj[acc]} في المنتدى الاقتصادي العالمي الذي عقد في {city}.", "forum", test="inv",
             adj=ADJ_ROWS[:20], city=["دافوس", "الرياض"])
)

tense = Capability("tense", "tense", _field("tense")).add(
    generate("{verb} {held[event]} في {city[city]} {when}.", "upcoming",
             verb=["سيعقد", "ستعقد"], held=HELD_ROWS[:2], city=CITY_ROWS[:4], when=["الشهر المقبل", "العام المقبل"])
).add(
    generate("{held[verb]} {held[event]} في {city[city]} أمس.", "past", test="neg",
             held=HELD_ROWS, city=CITY_ROWS[:10])
).add(
    generate("تستضيف {city[city]} {held[event]} في {month} 2025.", "upcoming", test="inv",
             held=HELD_ROWS[:2], city=CITY_ROWS[:6], month=["مارس", "أكتوبر"])
).add(
    # a month of this year after the publication month (June 2024), or the verb's future prefix
    generate("يعقد {held[event]} في {city[city]} خلال شهر {month} من العام الجاري.", "upcoming", test="inv",
             held=HELD_ROWS[:3], city=CITY_ROWS[:6], month=["أكتوبر", "نوفمبر", "ديسمبر"])
).add(
    generate("عقد {held[event]} في {city[city]} خلال شهر {month} من العام الجاري.", "past", test="neg",
             held=HELD_ROWS[:3], city=CITY_ROWS[:6], month=["فبراير", "مارس"])
).add(
    generate("{verb} {state[name]} في عام 2026 {held[event]}.", "upcoming", test="inv",
             verb=["ستستضيف", "ستحتضن"], held=HELD_ROWS[:2], state=STATE_ROWS[:12])
)

def _date_and_tense(doc):
    main = _main(doc)
    return (main.date, main.tense) if main is not None else None


# A headline announcing an event to come, then the body telling it again with its dates before its noun.
upcoming_restated = Capability("upcoming_restated_date", "year", _date_and_tense).add(
    generate("{st[name]} تستضيف {event}\n\nتستضيف {st[name]} خلال الفترة من 10 إلى 12 {month[name]} المقبل {event}، "
             "بمشاركة وفود من عدة دول.", lambda f: (f"2024-{f['month']['n']:02d}-10", "upcoming"),
             st=STATE_ROWS[:12], event=["المؤتمر الخليجي للحكومة الإلكترونية", "منتدى الحكومة الرقمية"],
             month=[{"name": "أكتوبر", "n": 10}, {"name": "ديسمبر", "n": 12}])
).add(
    generate("{st[name]} تستضيف {event}\n\nوكانت {st[name]} قد استضافت {event} في 10 {month[name]} 2019.",
             ("", "past"), test="neg", st=STATE_ROWS[:12], event=["المؤتمر الخليجي للحكومة الإلكترونية"],
             month=[{"name": "أكتوبر", "n": 10}, {"name": "ديسمبر", "n": 12}])
)

# ------------------------------------------------------------------ mentioned events

mentioned = Capability("mentioned_event", "mentioned", _mentioned).add(
    generate("افتتحت الهيئة ورشة عمل حول الخدمات الرقمية أمس.\nوكان الاجتماع السابق قد عقد في {city[city]} "
             "عام {y}.", lambda f: (f["y"], f["city"]["iso3"]), city=CITY_ROWS[:15], y=[2012, 2017, 2019])
).add(
    generate("افتتحت الهيئة ورشة عمل حول الخدمات الرقمية أمس، على أن يعقد المؤتمر المقبل في {city[city]} "
             "عام 2026.", lambda f: (2026, f["city"]["iso3"]), test="inv", city=CITY_ROWS[:20])
).add(
    generate("افتتحت الهيئة ورشة عمل حول الخدمات الرقمية في {city[city]} أمس بمشاركة خبراء.", None, test="neg",
             city=CITY_ROWS[:20])
).add(
    generate("شاركت الهيئة في مؤتمر الحكومة الرقمية في الرياض أمس.\nوكانت الدورة السابقة من المؤتمر قد "
             "أقيمت في {city[city]} في {month} {y}.", lambda f: (f["y"], f["city"]["iso3"]), test="inv",
             city=CITY_ROWS[2:14], month=["مارس", "نوفمبر"], y=[2015, 2022])
).add(
    # an upcoming event "due to be held" ("المقرر عقده") in another place and month
    generate("شارك وفد الهيئة في الاجتماع التنسيقي الذي عقد في الرياض أمس، تمهيدا لل{event} {due} في "
             "{city[city]} في {month} المقبل.", lambda f: (2024, f["city"]["iso3"]), test="inv",
             event=["اجتماع الوزاري", "مؤتمر السنوي"], due=["المقرر عقده", "المزمع عقده"],
             city=[r for r in CITY_ROWS if r["iso3"] != "SAU"][:12], month=["أكتوبر", "ديسمبر"])
)

def _roles(doc):
    return tuple(e.role for e in doc.events)


# An event named as the setting of ranking news ("على هامش") or in a sentence of background ("يذكر أن")
# is mentioned, not the article's news; the same event told as news is the main one.
setting_or_background = Capability("setting_or_background_mentioned", "mentioned", _roles).add(
    # the headline's event told again in the body with its date is one event, not a mentioned one
    generate("{state[name]} تشارك في اجتماع لجنة الحكومة الإلكترونية ب{city[city]}\n\nشاركت {state[name]} في الاجتماع "
             "{nth} للجنة الحكومة الإلكترونية، الذي عقد في {city[city]} يومي 14 و15 مارس 2017.", ("main",),
             test="inv", state=STATE_ROWS[:8], nth=["الثامن عشر", "الخامس"], city=CITY_ROWS[2:6], published="2017-03-16")
).add(
    generate("{state[name]} تشارك في اجتماع لجنة الحكومة الإلكترونية ب{city[city]}\n\nشاركت {state[name]} في الاجتماع "
             "الذي عقد في {city[city]} يومي 14 و15 مارس 2017، وكان الاجتماع السابق قد عقد في القاهرة في يونيو 2016.",
             ("main", "mentioned"), test="neg", state=STATE_ROWS[:8], city=CITY_ROWS[2:6], published="2017-03-16")
).add(
    generate("صنفت الأمم المتحدة {state[name]} ضمن الدول الأوائل في مؤشر تنمية الحكومة الإلكترونية بحسب دراسة "
             "وزعت على هامش {summit} في {city[city]}.", ("mentioned",), state=STATE_ROWS[:20],
             summit=["القمة العالمية للحكومات", "المنتدى الدولي للحكومة الرقمية"], city=CITY_ROWS[4:7])
).add(
    generate("حققت {state[name]} تقدما في مؤشر الأمم المتحدة للحكومة الإلكترونية.\n{formula} {state[name]} استضافت "
             "{event} عام {y}.", ("mentioned",), test="inv", state=STATE_ROWS[:15],
             formula=["يذكر أن", "والجدير بالذكر أن", "وتجدر الإشارة إلى أن"],
             event=["مؤتمر الأمم المتحدة للخدمة العامة", "منتدى الحكومة الإلكترونية"], y=[2013, 2017])
).add(
    generate("شارك وفد من {state[name]} في {summit} الذي عقد في {city[city]}، وعرض تجربته في الحكومة الرقمية.",
             ("main",), test="neg", state=STATE_ROWS[:20],
             summit=["القمة العالمية للحكومات", "المنتدى الدولي للحكومة الرقمية"], city=CITY_ROWS[4:7])
)

# A hard-wrapped line that ends with a preposition has its object on the next line; a line that
# ends with its noun phrase and a next line that opens a new one stay apart.
WRAP_CITIES = [CITY_ROWS[k] for k in (0, 2, 3, 6, 8, 11, 17, 19, 21, 27)]
wrapped_mentioned = Capability("wrapped_line_mentioned", "mentioned", _mentioned).add(
    generate("افتتحت الهيئة ورشة عمل حول الخدمات الرقمية أمس بمشاركة الخبراء.\nوكان الاجتماع السابق للجنة "
             "الفنية المتخصصة قد انعقد في {city[city]} {prep}\nالفترة من 3 إلى 5 {month} {y}.",
             lambda f: (f["y"], f["city"]["iso3"]), city=WRAP_CITIES, prep=["خلال", "في"],
             month=["مارس", "أكتوبر"], y=[2017, 2019])
).add(
    generate("افتتحت الهيئة ورشة عمل حول الخدمات الرقمية أمس بمشاركة الخبراء.\nوكان الاجتماع السابق للجنة "
             "الفنية المتخصصة قد انعقد في {city[city]}\nالخدمات الجديدة تنطلق في {month} {y}.",
             lambda f: (None, f["city"]["iso3"]), test="neg", city=WRAP_CITIES, month=["مارس", "أكتوبر"], y=[2026])
)


def _mentioned_kinds(doc):
    return {(e.kind, e.year) for e in doc.events if e.role == "mentioned"}


# A quoted title after an event's noun is its name: the relative clause after the title still dates
# the event ("الندوة عبر الإنترنت "…" التي عقدت في سبتمبر 2024"); a title with nothing after it dates nothing.
TITLES = ["تحديث مكاتب الإحصاء الوطنية", "البيانات المفتوحة للجميع", "الخدمات الحكومية الذكية"]
quoted_title = Capability("quoted_title_mentioned", "mentioned", _mentioned_kinds).add(
    generate("عقد الرئيس التنفيذي لهيئة المعلومات والحكومة الإلكترونية اجتماعا ثنائيا مع {org} في المنامة يوم "
             "21 أكتوبر 2024.\nواستعرض الجانبان {noun[0]} \"{title}\" {rel} في {month} 2024، كأحد المحطات الهامة.",
             lambda f: {(f["noun"][1], 2024)}, org=["المنظمة الإسلامية", "مركز الإحصاء الخليجي"],
             noun=[("الندوة عبر الإنترنت", "workshop"), ("ورشة العمل", "workshop"), ("المنتدى", "forum")],
             title=TITLES, rel=["التي عقدت", "الذي أقيم"], month=["مايو", "سبتمبر"])
).add(
    generate("عقد الرئيس التنفيذي لهيئة المعلومات والحكومة الإلكترونية اجتماعا ثنائيا مع {org} في المنامة يوم "
             "21 أكتوبر 2024.\nواستعرض الجانبان {noun} \"{title}\"، وأكدا أهمية تبادل الخبرات.", set(), test="neg",
             org=["المنظمة الإسلامية", "مركز الإحصاء الخليجي"], noun=["الندوة عبر الإنترنت", "ورشة العمل"],
             title=TITLES)
)


def _all_mentioned(doc):
    return {(e.year, e.host_iso3) for e in doc.events if e.role == "mentioned"}


EDITION_PAIRS = [(CITY_ROWS[a], CITY_ROWS[b]) for a, b in [(2, 3), (4, 0), (6, 8), (9, 11), (13, 2), (3, 6), (19, 20), (21, 24)]]
earlier_editions = Capability("earlier_editions", "mentioned", _all_mentioned).add(
    generate("افتتح المؤتمر الخليجي للحكومة الإلكترونية أعماله أمس في المنامة.\nويعقد المؤتمر مرة كل عامين، "
             "و{verb} أولا في {p[0][city]} عام {y[0]}، ثم {p[1][city]} في {y[1]}.",
             lambda f: {(f["y"][0], f["p"][0]["iso3"]), (f["y"][1], f["p"][1]["iso3"])},
             verb=["عقد", "أقيم"], p=EDITION_PAIRS, y=[(2009, 2011), (2015, 2017), (2019, 2022)])
).add(
    # A recurring event with no edition listed mentions nothing.
    generate("افتتح المؤتمر الخليجي للحكومة الإلكترونية أعماله أمس في {p[0][city]}.\nويعقد المؤتمر مرة كل "
             "عامين بمشاركة الدول الأعضاء.", set(), test="neg", p=EDITION_PAIRS)
)

def _mentioned_tenses(doc):
    return {(e.host_iso3, e.tense) for e in doc.events if e.role == "mentioned"}


# A month named with a future word ("أبريل المقبل") says a mentioned meeting is to come even when the
# article carries no publication date to place the month in a year; without it the meeting stays past.
NEXT_CITIES = [CITY_ROWS[k] for k in (2, 3, 4, 6, 8, 9, 11, 13)]
month_next_tense = Capability("month_next_tense", "tense", _mentioned_tenses).add(
    generate("بحثت اللجنة الوزارية للحكومة الإلكترونية في الرياض أمس توحيد الخدمات، وقررت تحديد موعد "
             "اجتماعها الثاني في {city[city]} {month} المقبل.", lambda f: {(f["city"]["iso3"], "upcoming")},
             published="", city=NEXT_CITIES, month=MONTHS)
).add(
    generate("بحثت اللجنة الوزارية للحكومة الإلكترونية في الرياض أمس توحيد الخدمات، وقررت {what} "
             "اجتماعها الثاني في {city[city]}.", lambda f: {(f["city"]["iso3"], "past")},
             test="neg", published="", city=NEXT_CITIES, what=["تحديد موعد", "تحديد مكان"])
)

# A place in the phrase "خارج" opens ("خارج مقرها الرئيسي بجنيف") is where the event is not: the
# state that holds it keeps the host; a place a later "في" attaches to the verb is the host.
OUTSIDE_SEATS = [{"seat": "مقر الأمم المتحدة الرئيسي", "prep": "ب"}, {"seat": "مقرها الرئيسي", "prep": "في "}]
OUTSIDE_CITIES = [CITY_ROWS[k] for k in (17, 19)]
outside_place = Capability("outside_place", "host", _host).add(
    generate("{held[verb]} {held[event]} في {state[name]} أمس، للمرة الأولى خارج {seat[seat]} {seat[prep]}{city[city]}.",
             _iso("state"), held=HELD_ROWS[:2], state=GULF, seat=OUTSIDE_SEATS, city=OUTSIDE_CITIES)
).add(
    generate("{held[verb]} {held[event]} للمرة الأولى خارج {seat[seat]} {seat[prep]}{city[city]}، في {state[name]} أمس.",
             _iso("state"), test="inv", held=HELD_ROWS[:1], state=GULF, seat=OUTSIDE_SEATS, city=OUTSIDE_CITIES)
).add(
    # Nothing else named: the place outside which it was held is still no host (Bahrain assumed).
    generate("{held[verb]} {held[event]} أمس للمرة الأولى خارج {seat[seat]} {seat[prep]}{city[city]}.", "BHR",
             test="inv", held=HELD_ROWS[:2], seat=OUTSIDE_SEATS, city=[CITY_ROWS[k] for k in (17, 19, 20)])
).add(
    # "خارج X في Y": the later "في" gives the place; and without "خارج" the city is the host.
    generate("{held[verb]} {held[event]} خارج {state[name]} في {city[city]} أمس.", lambda f: f["city"]["iso3"],
             test="neg", held=HELD_ROWS[:1], state=[STATE_ROWS[1]], city=[CITY_ROWS[k] for k in (2, 3, 4, 6, 17, 19)])
).add(
    generate("{held[verb]} {held[event]} في {city[city]} أمس.", lambda f: f["city"]["iso3"],
             test="neg", held=HELD_ROWS[:2], city=[CITY_ROWS[k] for k in (17, 19, 20)])
)

def _mentioned_meetings(doc):
    return sum(1 for e in doc.events if e.role == "mentioned" and e.kind == "meeting")


# A meeting of a numbered series named with another edition than the article's own ("قرارات اللجنة في
# اجتماعها السادس عشر" in a report on the seventeenth) is an earlier meeting; the same edition named
# again, or a meeting word with no number, is the article's own meeting.
EDITIONS = [("السابع عشر", "السادس عشر"), ("الثالث والعشرين", "الثاني والعشرين"), ("23", "22"),
            ("الخامس", "الرابع"), ("الـ26", "الـ25")]
other_edition = Capability("other_edition_mentioned", "mentioned", _mentioned_meetings).add(
    generate("{verb} في {city[city]} الاجتماع {e[0]} للجنة التنفيذية للحكومة الإلكترونية بدول مجلس التعاون.\n"
             "واطلع المجتمعون على ما تم تنفيذه من قرارات اللجنة في اجتماعها {e[1]}.", 1,
             verb=["عقد أمس", "ينطلق غدا"], city=CITY_ROWS[:4], e=EDITIONS)
).add(
    generate("{verb} في {city[city]} الاجتماع {e[0]} للجنة التنفيذية للحكومة الإلكترونية بدول مجلس التعاون.\n"
             "واطلع المجتمعون في اجتماعها {e[0]} على تقرير الأمانة العامة.", 0, test="neg",
             verb=["عقد أمس"], city=CITY_ROWS[:4], e=EDITIONS)
).add(
    generate("{verb} في {city[city]} الاجتماع {e[0]} للجنة التنفيذية للحكومة الإلكترونية بدول مجلس التعاون.\n"
             "وأكد رئيس الوفد أن الاجتماع يعكس الجهود المشتركة.", 0, test="neg",
             verb=["عقد أمس"], city=CITY_ROWS[:4], e=EDITIONS)
).add(
    # Two meetings coordinated in one sentence are held together: told as one occasion.
    generate("عقد أمس في {city[city]} الاجتماع {e[0]} للجنة الوزارية للحكومة الإلكترونية، والاجتماع {e[1]} "
             "للجنة الوزارية للبريد والاتصالات بدول مجلس التعاون.", 0, test="neg", city=CITY_ROWS[:4], e=EDITIONS)
)

# "… لجائزة ومؤتمر الحكومة الإلكترونية والمعرض المصاحب له": the exhibition that accompanies an event
# coordinated after it is part of that event, whose kind stays; an exhibition named on its own is one.
ACCOMPANIED = [("لجائزة ومؤتمر", "conference"), ("لمؤتمر", "conference"), ("لمنتدى", "forum"),
               ("لملتقى", "forum")]
accompanying_exhibition = Capability("accompanying_exhibition", "kind", _mentioned_kinds).add(
    generate("عقد أمس في {city[city]} الاجتماع الثامن للجنة التنفيذية للحكومة الإلكترونية.\nواستعرضت اللجنة "
             "التحضيرات للدورة {ed} {cue[0]} الحكومة الإلكترونية لدول المجلس والمعرض {acc} له والتي ستستضيفها "
             "الكويت في عام {y}.", lambda f: {(f["cue"][1], f["y"])}, city=CITY_ROWS[:2], ed=["الخامسة", "الرابعة"],
             cue=ACCOMPANIED, acc=["المصاحب", "المرافق"], y=[2017, 2026])
).add(
    generate("عقد أمس في {city[city]} الاجتماع الثامن للجنة التنفيذية للحكومة الإلكترونية.\nواستعرضت اللجنة "
             "تقارير الدول.\nويقام معرض الخدمات الحكومية في الكويت عام {y}.", lambda f: {("other", f["y"])},
             test="neg", city=CITY_ROWS[:4], y=[2017, 2026])
)

CAPABILITIES = [host_state, host_place_stated, tour_hosts, delegation_destination, virtual_host, host_city, host_institution_abroad, host_assumed_subject, agreement_host, short_form_host,
                participants_adjective, participants_delegation, participants_institution, gulf_region, named_only, organization_seat, size, wrapped_size, kind,
                reception_kind, home_honour_kind, won_shield_kind, head_noun_kind, publisher_not_event, event_after_lead, gcc, gcc_by_size, year, year_restated, year_within_main, upcoming_restated, tense,
                month_next_tense, outside_place, other_edition, accompanying_exhibition,
                mentioned, setting_or_background, wrapped_mentioned, quoted_title, earlier_editions]
