"""Stories (core.stories): the join and the refusals on sentences of our own, order independence, the
stories table, and the analysts' join / split round trip through the corrections log."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pandas as pd
import pytest

from core import load_corpus, review, tables
from core.review.stories import join_stories, split_report, story_lines
from core.stories import build_stories, join_basis, refusal
from core.stories.build import candidate_links, group_stories, relink, settle_relative_years, story_records
from core.stories.records import read_name, story_record

# ---------------------------------------------------------------- sentences of our own

MEETING_11 = "افتتح وزير الاتصالات في مسقط أعمال الاجتماع الحادي عشر للجنة الرقمية لدول المنطقة"
MEETING_11_B = "اختتمت أعمال الاجتماع الحادي عشر للجنة الرقمية لدول المنطقة بحضور الوزراء"
MEETING_12 = "افتتح وزير الاتصالات أعمال الاجتماع الثاني عشر للجنة الرقمية لدول المنطقة"
OTHER_COMMITTEE = "افتتح وزير الاتصالات أعمال الاجتماع الحادي عشر للجنة المالية لدول المنطقة"
FORUM = "انطلقت أعمال المنتدى العربي للخدمات الذكية بمشاركة واسعة"
FORUM_B = "اختتم المنتدى العربي للخدمات الذكية أعماله بتوصيات عدة"
FORUM_NEXT = "سيعقد المنتدى العربي للخدمات الذكية بمشاركة واسعة"
WORKSHOP = "نظمت الهيئة ورشة عمل حول البيانات المفتوحة للجهات الحكومية"
WORKSHOP_SIDE = "نظمت الهيئة ورشة عمل حول البيانات المفتوحة على هامش المنتدى العربي للخدمات الذكية"


def row(doc: str, evidence: str, kind: str, year=None, host="", basis="not_stated", role="main",
        tense="past", date="", size=None, n=1) -> dict:
    return {"event_id": f"{doc}#e{n}", "record_id": f"ev-{doc[:-4]}{n}", "doc": doc, "role": role, "kind": kind,
            "tense": tense, "year": year, "year_basis": "stated" if year else "not_stated", "date": date,
            "host_iso3": host, "host_basis": basis, "countries_stated": size, "evidence": evidence}


def events(*rows: dict) -> pd.DataFrame:
    return pd.DataFrame(list(rows))


NO_PARTICIPANTS = pd.DataFrame({"event_id": pd.Series(dtype=str), "iso3": pd.Series(dtype=str)})


def stories_of(frame: pd.DataFrame) -> dict[str, str]:
    built, _ = build_stories(frame, NO_PARTICIPANTS)
    return dict(zip(built["event_id"], built["story_id"]))


# ---------------------------------------------------------------- names and editions

@pytest.mark.parametrize("sentence, kind, edition, first_word", [
    (MEETING_11, "meeting", 11, "رقميه"),
    (MEETING_12, "meeting", 12, "رقميه"),
    ("تستضيف الدوحة الاجتماع الـ14 للجنة الرقمية", "meeting", 14, "رقميه"),
    ("عقدت اللجنة الرقمية اجتماعها (٢٢) عبر الاتصال المرئي", "meeting", 22, "رقميه"),
    ("شاركت الهيئة في الدورة الثالثة من مؤتمر ومعرض الخدمات الذكية", "conference", 3, "خدمات"),
    ("فاز الفريق بجائزة المركز الأول في مسابقة التطبيقات", "award", None, "مركز"),
], ids=["ordinal", "next-ordinal", "article-digits", "parenthesis", "session-of-conference", "rank-is-not-edition"])
def test_read_name_finds_the_edition_and_the_name(sentence, kind, edition, first_word):
    name = read_name(sentence, kind)
    assert name.edition == edition
    assert name.words and first_word in name.words


def test_a_second_event_coordinated_after_the_name_ends_it():
    name = read_name("اجتماع اللجنة الرقمية الخامس والاجتماع 30 للجنة المالية", "meeting")
    assert name.edition == 5
    assert "ماليه" not in name.words


# ---------------------------------------------------------------- the join and the refusals

def test_two_reports_of_one_meeting_join():
    a = story_record(row("a.txt", MEETING_11, "meeting", 2021, "OMN", "stated"))
    b = story_record(row("b.txt", MEETING_11_B, "meeting", 2021))
    assert refusal(a, b) == ""
    assert join_basis(a, b) == "same_year+same_edition+similar_name"


@pytest.mark.parametrize("first, second, why", [
    (row("a.txt", MEETING_11, "meeting", 2021), row("b.txt", MEETING_12, "meeting", 2021), "other_edition"),
    (row("a.txt", MEETING_11, "meeting", 2021), row("b.txt", OTHER_COMMITTEE, "meeting", 2021), "other_name"),
    (row("a.txt", FORUM, "forum", 2021), row("b.txt", WORKSHOP_SIDE, "workshop", 2021), "other_family"),
    (row("a.txt", WORKSHOP, "workshop", 2021), row("b.txt", WORKSHOP_SIDE, "workshop", 2021), "sidelines_and_main"),
    (row("a.txt", FORUM, "forum", 2021), row("b.txt", FORUM_NEXT, "forum", 2021, tense="upcoming"), "upcoming_and_past"),
    (row("a.txt", FORUM, "forum", 2021), row("b.txt", FORUM_B, "forum", 2022), "other_year"),
    (row("a.txt", FORUM, "forum", 2021, "QAT", "stated"), row("b.txt", FORUM_B, "forum", 2021, "ARE", "stated"),
     "other_host"),
    (row("a.txt", FORUM, "forum", 2021), row("a.txt", FORUM_B, "forum", 2021, n=2), "same_article"),
    (row("a.txt", FORUM, "other", 2021), row("b.txt", FORUM_B, "other", 2021), "other_family"),
], ids=["different-editions", "different-committees", "forum-and-its-workshop", "workshop-on-the-sidelines",
        "upcoming-and-past", "different-years", "different-stated-hosts", "one-article", "no-kind"])
def test_refusals(first, second, why):
    a, b = story_record(first), story_record(second)
    assert refusal(a, b) == why
    assert join_basis(a, b) == ""
    assert len(set(stories_of(events(first, second)).values())) == 2


def test_an_assumed_host_is_no_evidence_and_no_conflict():
    a = story_record(row("a.txt", FORUM, "forum", 2021, "BHR", "assumed"))
    b = story_record(row("b.txt", FORUM_B, "forum", 2021, "QAT", "stated"))
    assert a.host == "" and refusal(a, b) == ""
    assert join_basis(a, b) == "same_year+similar_name"


def test_no_anchor_in_time_or_sequence_no_join():
    """Same name and host but neither a year nor an edition: could be any year's forum."""
    a = story_record(row("a.txt", FORUM, "forum", None, "QAT", "stated"))
    b = story_record(row("b.txt", FORUM_B, "forum", None, "QAT", "stated"))
    assert join_basis(a, b) == ""


def test_a_report_naming_no_edition_does_not_chain_two_editions():
    frame = events(row("a.txt", MEETING_11, "meeting", 2021), row("b.txt", MEETING_12, "meeting", 2021),
                   row("c.txt", "أعمال الاجتماع للجنة الرقمية لدول المنطقة في مسقط", "meeting", 2021))
    got = stories_of(frame)
    assert got["a.txt#e1"] != got["b.txt#e1"]


# ---------------------------------------------------------------- a relative year counted from the article's story

LAST_YEAR = "وكان الاجتماع التنسيقي للهيئات الذي عقد في العام الماضي في الكويت قد أقر الخطة"
COORDINATION = "عقد الاجتماع التنسيقي للهيئات في الكويت بحضور الرؤساء التنفيذيين"


def relative_folder(coordination_year: int, main_tense: str = "past") -> pd.DataFrame:
    """a.txt reports the 11th meeting (no year of its own; b.txt's report of it gives 2021) and mentions
    "last year's" coordination meeting; c.txt reports a coordination meeting of `coordination_year`."""
    return events(row("a.txt", MEETING_11, "meeting", None, tense=main_tense),
                  row("a.txt", LAST_YEAR, "meeting", None, "KWT", "stated", role="mentioned", n=2),
                  row("b.txt", MEETING_11_B, "meeting", 2021, tense=main_tense),
                  row("c.txt", COORDINATION, "meeting", coordination_year, "KWT", "stated"))


def test_last_year_counts_from_the_year_of_the_articles_story():
    got = stories_of(relative_folder(2020))
    assert got["a.txt#e1"] == got["b.txt#e1"]  # the edition joins the main reports: the story is 2021's
    assert got["a.txt#e2"] == got["c.txt#e1"]  # "last year" is 2020: the coordination meeting of 2020
    built, stories = build_stories(relative_folder(2020), NO_PARTICIPANTS)
    joined = stories[stories["story_id"] == got["c.txt#e1"]].iloc[0]
    assert joined["reports"] == 2 and joined["docs"] == "a.txt;c.txt"
    assert "same_year" in joined["basis"] and "same_host" in joined["basis"]


def dated_article() -> pd.DataFrame:
    """a.txt has a third event whose year was counted from the publication date: the extractor knew
    that date and left "last year" open on purpose."""
    frame = relative_folder(2020)
    dated = row("a.txt", FORUM, "forum", 2021, n=3)
    dated["year_basis"] = "relative"
    return pd.concat([frame, events(dated)], ignore_index=True)


@pytest.mark.parametrize("folder_rows", [relative_folder(2019), relative_folder(2020, main_tense="upcoming"),
                                         dated_article()],
                         ids=["last-year-is-another-year", "main-event-announced-not-a-reference",
                              "article-with-a-publication-date"])
def test_last_year_with_another_year_or_no_reference_stays_apart(folder_rows):
    got = stories_of(folder_rows)
    assert got["a.txt#e2"] != got["c.txt#e1"]


def test_relinking_the_settled_records_gives_the_links_of_a_full_comparison():
    frame = pd.concat([relative_folder(2020), three_reports()], ignore_index=True)
    before = story_records(frame, NO_PARTICIPANTS)
    story_of, _ = group_stories(before)
    after = settle_relative_years(before, story_of)
    assert after is not before and sum(a is not b for a, b in zip(after, before)) == 1
    assert relink(before, after, candidate_links(before)) == candidate_links(after)


def test_relative_years_read_from_the_sentence():
    assert story_record(row("a.txt", LAST_YEAR, "meeting", None, role="mentioned")).relative_years == -1
    assert story_record(row("a.txt", COORDINATION, "meeting", None)).relative_years is None
    assert story_record(row("a.txt", LAST_YEAR, "meeting", 2019)).relative_years is None  # a year of its own wins


# ---------------------------------------------------------------- order independence and the table

def three_reports() -> pd.DataFrame:
    return events(row("w.txt", FORUM, "forum", 2021, size=97, date="2021-06-24"),
                  row("x.txt", FORUM_B, "forum", 2021, "QAT", "stated", size=80, date="2021-06-27"),
                  row("y.txt", "شاركت المملكة في المنتدى العربي للخدمات الذكية", "forum", 2021, size=94),
                  row("z.txt", WORKSHOP_SIDE, "workshop", 2021),
                  row("w.txt", MEETING_11, "meeting", 2021, role="mentioned", n=2),
                  row("y.txt", MEETING_11_B, "meeting", 2021, n=2))


def test_order_of_the_rows_does_not_change_the_stories():
    frame = three_reports()
    expected = stories_of(frame)
    for seed in range(5):
        shuffled = frame.sample(frac=1, random_state=seed).reset_index(drop=True)
        assert stories_of(shuffled) == expected
    assert expected["w.txt#e1"] == expected["x.txt#e1"] == expected["y.txt#e1"] != expected["z.txt#e1"]
    assert expected["w.txt#e2"] == expected["y.txt#e2"]  # a mentioned event joins the report of it


def test_stories_table_keeps_every_figure_with_its_article():
    built, stories = build_stories(three_reports(), pd.DataFrame({"event_id": ["w.txt#e1", "x.txt#e1", "x.txt#e1"],
                                                                  "iso3": ["BHR", "BHR", "OMN"]}))
    assert list(stories.columns) == tables.STORIES
    forum = stories[stories["story_id"] == built.loc[0, "story_id"]].iloc[0]
    assert forum["reports"] == 3 and forum["docs"] == "w.txt;x.txt;y.txt"
    assert forum["sizes"] == "97@w.txt;80@x.txt;94@y.txt"
    assert (forum["size_min"], forum["size_max"]) == (80, 97)
    assert forum["participants"] == "BHR:2;OMN:1"
    assert (forum["first_date"], forum["first_date_precision"]) == ("2021", "year")
    assert (forum["last_date"], forum["last_date_precision"]) == ("2021-06-27", "day")
    assert (forum["host_iso3"], forum["host_basis"]) == ("QAT", "stated")
    assert forum["story_id"] == "st-w1"  # the smallest member record id


# ---------------------------------------------------------------- a folder: extraction, review round trip

ARTICLES = {
    "a.txt": "انطلقت في المنامة اليوم أعمال منتدى الخليج للخدمات الرقمية 2019 بمشاركة 40 دولة.\n",
    "b.txt": "اختتم منتدى الخليج للخدمات الرقمية 2019 أعماله في المنامة بمشاركة 42 دولة.\n",
    "c.txt": "شاركت سلطنة عمان في منتدى الخليج للخدمات الرقمية 2019 الذي عقد في المنامة بمشاركة 45 دولة.\n",
    "d.txt": "افتتح وزير الاتصالات في الرياض أعمال الاجتماع الحادي عشر للجنة الرقمية لدول المنطقة.\n",
}


@pytest.fixture
def folder(tmp_path) -> Path:
    out = tmp_path / "articles"
    out.mkdir()
    for name, text in ARTICLES.items():
        (out / name).write_text(text, encoding="utf-8")
    (out / "manifest.csv").write_text("file,published,source_url\n" + "".join(
        f"{n},2019-03-1{i},https://example.org/{i}\n" for i, n in enumerate(ARTICLES)), encoding="utf-8")
    return out


def forum_story(corpus) -> pd.Series:
    stories = corpus.stories
    return stories[stories["kind"] == "forum"].iloc[0]


def test_a_folder_gives_one_story_of_three_reports(folder):
    corpus = load_corpus(folder, cache=False)
    story = forum_story(corpus)
    assert story["reports"] == 3 and story["docs"] == "a.txt;b.txt;c.txt"
    assert story["sizes"] == "40@a.txt;42@b.txt;45@c.txt"
    assert corpus.events["story_id"].notna().all()
    assert set(corpus.events["story_id"]) == set(corpus.stories["story_id"])


def test_same_folder_in_another_file_order_gives_the_same_stories(folder, tmp_path):
    first = load_corpus(folder, cache=False)
    renamed = tmp_path / "renamed"
    renamed.mkdir()
    names = {n: f"{9 - i}_{n}" for i, n in enumerate(ARTICLES)}
    for old, new in names.items():
        shutil.copy(folder / old, renamed / new)
    (renamed / "manifest.csv").write_text("file,published,source_url\n" + "".join(
        f"{names[n]},2019-03-1{i},https://example.org/{i}\n" for i, n in enumerate(ARTICLES)), encoding="utf-8")
    second = load_corpus(renamed, cache=False)
    assert sorted(first.stories["story_id"]) == sorted(second.stories["story_id"])


def test_review_join_and_split_round_trip(folder):
    corpus = load_corpus(folder, cache=False)
    story = forum_story(corpus)
    meeting = corpus.events[corpus.events["doc"] == "d.txt"].iloc[0]
    join_stories(corpus, story["story_id"], meeting["event_id"], note="one occasion")
    joined = load_corpus(folder, cache=False)
    assert forum_story(joined)["reports"] == 4
    assert "analyst_join" in forum_story(joined)["basis"]
    assert any("4 report(s)" in line for line in story_lines(joined))

    split_report(joined, "b.txt#e1", note="another occasion")
    split = load_corpus(folder, cache=False)
    b_story = split.events.loc[split.events["doc"] == "b.txt", "story_id"].iloc[0]
    assert (split.events["story_id"] == b_story).sum() == 1
    a_story = split.stories.set_index("story_id").loc[split.events.loc[split.events["doc"] == "a.txt", "story_id"].iloc[0]]
    assert a_story["docs"] == "a.txt;c.txt;d.txt"

    review.undo_last(folder)
    review.undo_last(folder)
    again = load_corpus(folder, cache=False)
    assert sorted(again.stories["story_id"]) == sorted(corpus.stories["story_id"])
    assert forum_story(again)["reports"] == 3


def test_a_join_naming_a_changed_article_is_reported_not_applied(folder):
    corpus = load_corpus(folder, cache=False)
    join_stories(corpus, "a.txt#e1", "d.txt#e1")
    (folder / "d.txt").write_text("نص آخر لا يذكر أي اجتماع.\n", encoding="utf-8")
    after = load_corpus(folder, cache=False)
    assert forum_story(after)["reports"] == 3
    assert any("orphaned join" in m for m in after.messages)


def test_split_refuses_a_story_and_a_single_report(folder):
    corpus = load_corpus(folder, cache=False)
    with pytest.raises(review.ReviewError):
        split_report(corpus, "d.txt#e1")
    with pytest.raises(review.ReviewError):
        join_stories(corpus, "a.txt#e1", "b.txt#e1")


def test_blocking_and_prefilter_find_exactly_the_pairs_the_rules_join():
    """candidate_links (blocks, array screening) == join_basis over every pair, on varied records."""
    from itertools import combinations, product

    from core.stories.build import candidate_links

    rng = random.Random(7)
    sentences = [MEETING_11, MEETING_11_B, MEETING_12, OTHER_COMMITTEE, FORUM, FORUM_B, FORUM_NEXT, WORKSHOP,
                 WORKSHOP_SIDE]
    kinds = {MEETING_11: "meeting", MEETING_11_B: "meeting", MEETING_12: "meeting", OTHER_COMMITTEE: "meeting",
             FORUM: "forum", FORUM_B: "forum", FORUM_NEXT: "forum", WORKSHOP: "workshop", WORKSHOP_SIDE: "workshop"}
    rows = []
    for n, (sentence, year, host, date) in enumerate(product(sentences, (2020, 2021, None), ("", "QAT", "OMN"),
                                                             ("", "2021-06", "2021-07-02"))):
        if rng.random() < 0.5:
            rows.append(row(f"d{n % 23}.txt", sentence, kinds[sentence], year, host, "stated" if host else "not_stated",
                            date=date if year == 2021 else "", tense="upcoming" if sentence == FORUM_NEXT else "past",
                            n=n))
    records = sorted((story_record(r) for r in rows), key=lambda r: r.record_id)
    brute = {(a.record_id, b.record_id): join_basis(a, b) for a, b in combinations(records, 2)}
    brute = {pair: basis for pair, basis in brute.items() if basis}
    assert len(brute) > 20
    assert candidate_links(records) == brute


def test_a_component_linked_pair_by_pair_holds_no_refused_pair():
    """_split_refused returns a component whose every pair is linked without building its refusal
    matrix: sound because no linked pair is refused. On varied records (years, hosts, dates, names,
    tenses, editions), every pair candidate_links links has no refusal, and every component that is
    linked pair by pair has no refused pair in refusal_matrix."""
    from itertools import combinations, product

    import networkx as nx
    import numpy as np

    from core.stories.build import _split_refused, candidate_links
    from core.stories.prefilter import refusal_matrix

    rng = random.Random(28)
    sentences = [MEETING_11, MEETING_11_B, MEETING_12, OTHER_COMMITTEE, FORUM, FORUM_B, FORUM_NEXT]
    kinds = {MEETING_11: "meeting", MEETING_11_B: "meeting", MEETING_12: "meeting", OTHER_COMMITTEE: "meeting",
             FORUM: "forum", FORUM_B: "forum", FORUM_NEXT: "forum"}
    rows = [row(f"d{n % 29}.txt", s, kinds[s], y, h, "stated" if h else "not_stated",
                date=d if y == 2021 else "", tense="upcoming" if s == FORUM_NEXT else "past", n=n)
            for n, (s, y, h, d) in enumerate(product(sentences, (2020, 2021, None), ("", "QAT"), ("", "2021-06")))
            if rng.random() < 0.7]
    records = sorted((story_record(r) for r in rows), key=lambda r: r.record_id)
    by_id = {r.record_id: r for r in records}
    links = candidate_links(records)
    assert len(links) > 50
    assert all(not refusal(by_id[a], by_id[b]) for a, b in links)
    graph = nx.Graph(list(links))
    cliques = 0
    for component in map(sorted, nx.connected_components(graph)):
        inside = {p: basis for p, basis in links.items() if p[0] in component}
        if len(component) >= 3 and len(inside) == len(component) * (len(component) - 1) // 2:
            cliques += 1
            matrix = refusal_matrix([by_id[m] for m in component])
            np.fill_diagonal(matrix, False)
            assert not matrix.any()
            assert _split_refused(component, by_id, inside) == [set(component)]
    assert cliques >= 3
    assert any(refusal(a, b) for a, b in combinations(records, 2))


def test_refusal_matrix_is_the_rules_refusal():
    from itertools import product

    from core.stories.prefilter import refusal_matrix

    sentences = [MEETING_11, MEETING_11_B, MEETING_12, OTHER_COMMITTEE]
    rows = [row(f"d{n % 5}.txt", s, "meeting", y, h, "stated" if h else "not_stated", n=n)
            for n, (s, y, h) in enumerate(product(sentences, (2020, None), ("", "QAT")))]
    records = [story_record(r) for r in rows]
    matrix = refusal_matrix(records)
    expected = [[bool(refusal(a, b)) for b in records] for a in records]
    assert matrix.tolist() == expected


def test_story_record_reads_only_the_story_columns():
    """story_records hands story_record the events columns of STORY_COLUMNS only: every key
    story_record reads is one of them (it reads each on every call), and its records are those of
    the whole rows (the seeds' events)."""
    from core.stories.records import STORY_COLUMNS

    class Reads(dict):
        def __init__(self, row, seen):
            super().__init__(row)
            self.seen = seen

        def __getitem__(self, key):
            self.seen.add(key)
            return super().__getitem__(key)

        def get(self, key, default=None):
            self.seen.add(key)
            return super().get(key, default)

    corpus = load_corpus(Path(__file__).resolve().parents[1] / "seeds", cache=False)
    checked = 0
    for row in corpus.events.to_dict("records"):
        seen: set[str] = set()
        text = corpus.texts.get(row["doc"], "")
        whole = story_record(Reads(row, seen), frozenset({"BHR"}), text)
        assert seen <= set(STORY_COLUMNS), seen - set(STORY_COLUMNS)
        subset = {key: row[key] for key in STORY_COLUMNS if key in row}
        assert story_record(subset, frozenset({"BHR"}), text) == whole
        checked += 1
    assert checked >= 8


def test_connected_groups_are_networkx_components():
    """build.connected_groups (union-find) gives networkx's connected components, each sorted, sorted by
    their first member, on random graphs (isolated nodes, repeated and reversed pairs, self pairs,
    pair ids that are not among the nodes)."""
    import random

    import networkx as nx

    from core.stories.build import connected_groups

    pick = random.Random(11)
    for n in range(300):
        nodes = [f"r-{pick.randint(0, 400):04x}" for _ in range(pick.randint(0, 60))]
        pool = nodes + [f"x-{k}" for k in range(3)] if nodes else [f"x-{k}" for k in range(3)]
        pairs = [(pick.choice(pool), pick.choice(pool)) for _ in range(pick.randint(0, 80))]
        graph = nx.Graph()
        graph.add_nodes_from(sorted(set(nodes)))
        graph.add_edges_from(sorted(pairs))
        plain = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: c[0])
        assert connected_groups(sorted(set(nodes)), sorted(pairs)) == plain
        assert connected_groups(set(nodes), pairs) == plain
