"""Stories on the pages (AppTest): stories counted by default and reports on a switch, a story's reports and
size range with their outlets, 'also reported by' on Sources, and the dot plot of a large archive."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from ui import measures
from ui.charts.stories import delegation_dots, story_ranges
from chart_helpers import charts as page_charts

ROOT = Path(__file__).resolve().parents[1]

# Three outlets report one forum (sizes 40, 42, 45); a fourth article reports a committee meeting.
ARTICLES = {
    "a.txt": ("انطلقت في المنامة اليوم أعمال منتدى الخليج للخدمات الرقمية 2019 بمشاركة 40 دولة.\n",
              "https://www.alpha-news.example/1"),
    "b.txt": ("اختتم منتدى الخليج للخدمات الرقمية 2019 أعماله في المنامة بمشاركة 42 دولة.\n",
              "https://beta-daily.example/2"),
    "c.txt": ("شاركت سلطنة عمان في منتدى الخليج للخدمات الرقمية 2019 الذي عقد في المنامة بمشاركة 45 دولة.\n",
              "https://gamma-agency.example/3"),
    "d.txt": ("افتتح وزير الاتصالات في الرياض أعمال الاجتماع الحادي عشر للجنة الرقمية لدول المنطقة.\n",
              "https://delta.example/4"),
}


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    out = tmp_path / "articles"
    out.mkdir()
    rows = []
    for i, (name, (text, url)) in enumerate(ARTICLES.items()):
        (out / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},2019-03-1{i},{url}\n")
    (out / "manifest.csv").write_text("file,published,source_url\n" + "".join(rows), encoding="utf-8")
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(out))
    monkeypatch.setenv("EGOV_CACHE_DIR", str(tmp_path / "cache"))
    return out


def page(name: str) -> AppTest:
    return AppTest.from_file(str(ROOT / name)).run(timeout=60)


def markdowns(at: AppTest) -> list[str]:
    return [m.value for m in at.markdown]


def test_delegations_counts_stories_then_reports(folder):
    at = page("pages/2_Delegations.py")
    assert not at.exception
    assert any("**2** stories told by **4** reports" in m for m in markdowns(at))
    bars = page_charts(at)[0].figure
    assert sum(len(t["x"]) for t in bars["data"]) == 2  # one bar per story
    sizes = at.dataframe[0].value
    forum = sizes[sizes.iloc[:, 0].astype(str).str.len() > 0].iloc[0]
    assert "40–45" in list(map(str, forum.values))
    assert any("3 reports: alpha-news.example 40 states, beta-daily.example 42, gamma-agency.example 45" in str(v)
               for v in forum.values)

    at.toggle(key="dl_count").set_value(True).run()
    assert not at.exception
    bars = page_charts(at)[0].figure
    assert sum(len(t["x"]) for t in bars["data"]) == 4  # one bar per report


def test_overview_metric_counts_stories(folder):
    at = page("dashboard.py")
    assert not at.exception
    assert [m.value for m in at.metric][0] == "2"
    at.toggle(key="ov_count").set_value(True).run()
    assert [m.value for m in at.metric][0] == "4"


def test_sources_says_also_reported_by_with_links(folder):
    at = AppTest.from_file(str(ROOT / "pages/4_Sources.py"))
    at.query_params["src_doc"] = "a.txt"
    at.run(timeout=60)
    assert not at.exception
    line = next(m for m in markdowns(at) if m.startswith("**Also reported by:**"))
    assert "beta\\-daily\\.example" in line and "src_doc=b.txt" in line and "src_doc=c.txt" in line
    assert "delta" not in line


def test_sources_in_arabic(folder):
    at = AppTest.from_file(str(ROOT / "pages/4_Sources.py"))
    at.query_params["src_doc"] = "b.txt"
    at.query_params["lang"] = "ar"
    at.run(timeout=60)
    assert not at.exception
    assert any(m.startswith("**نشرت الخبر أيضاً:**") and "src_doc=a.txt" in m for m in markdowns(at))


def test_dot_plot_draws_no_text_and_a_range_per_story():
    n = 120
    events = pd.DataFrame({"event_id": [f"d{i}.txt#e1" for i in range(n)], "doc": [f"d{i}.txt" for i in range(n)],
                           "year": [2010 + i % 12 for i in range(n)], "date": [""] * n, "kind": ["meeting"] * n,
                           "countries_stated": [5 + i % 40 for i in range(n)], "countries_named": [0] * n})
    participants = pd.DataFrame({"event_id": pd.Series(dtype=str), "iso3": pd.Series(dtype=str),
                                 "via": pd.Series(dtype=str)})
    measure = measures.delegation_measure(events, participants)
    fig = delegation_dots(events, measure, {}, {"d0.txt#e1": "3 reports"}, {"d0.txt#e1": (3, 9)})
    spec = json.loads(fig.to_json())
    assert all(t["mode"] == "markers" for t in spec["data"])  # no text drawn on the plot
    assert spec["layout"]["xaxis"]["title"]["text"] == "Year"
    assert len(fig.data[0].x) == n and sorted(set(fig.data[0].x)) == list(range(2010, 2022))
    assert list(fig.data[0].error_y.array[:1]) == [4] and list(fig.data[0].error_y.arrayminus[:1]) == [2]  # 5 in 3..9


def test_review_page_joins_and_splits_stories(folder):
    at = AppTest.from_file(str(ROOT / "pages/5_Review.py"))
    at.query_params["rv_doc"] = "d.txt"
    at.run(timeout=60)
    assert not at.exception
    assert any(m.startswith("Story st-") and "delta.example" in m for m in markdowns(at))
    at.button(key="rv_join").click().run()
    assert not at.exception
    again = page("pages/2_Delegations.py")
    assert any("**1** stories told by **4** reports" in m for m in markdowns(again))

    at = AppTest.from_file(str(ROOT / "pages/5_Review.py"))
    at.query_params["rv_doc"] = "b.txt"
    at.run(timeout=60)
    at.button(key="rv_split").click().run()
    assert not at.exception
    after = page("pages/2_Delegations.py")
    assert any("**2** stories told by **4** reports" in m for m in markdowns(after))


def test_dot_plot_of_many_events_is_one_marker_per_year_size_and_basis():
    from ui.charts.stories import BY_SIZE_AND_YEAR, DOTS_MAX_EVENTS

    n = DOTS_MAX_EVENTS + 500
    events = pd.DataFrame({"event_id": [f"d{i}.txt#e1" for i in range(n)], "doc": [f"d{i}.txt" for i in range(n)],
                           "year": [2010 + i % 12 for i in range(n)], "date": [""] * n, "kind": ["meeting"] * n,
                           "countries_stated": [5 + i % 7 if i % 3 else None for i in range(n)],
                           "countries_named": [0] * n})
    participants = pd.DataFrame({"event_id": [f"d{i}.txt#e1" for i in range(0, n, 3)],
                                 "iso3": ["SAU"] * len(range(0, n, 3)), "via": ["name"] * len(range(0, n, 3))})
    measure = measures.delegation_measure(events, participants)
    fig = delegation_dots(events, measure, {"d0.txt": "A title"}, {}, {})
    assert fig.layout.meta == BY_SIZE_AND_YEAR
    known = events.join(measure[["size", "basis"]]).dropna(subset=["size"])
    expected = known.groupby(["basis", "year", "size"]).size()
    drawn = {}
    for trace in fig.data:
        basis = {"number stated in the article": "stated", "states named in the article": "named"}[trace.name]
        for x, y, area in zip(trace.x, trace.y, trace.marker.size):
            drawn[(basis, int(x), float(y))] = int(area)
    assert drawn == {(b, int(y), float(s)): int(c) for (b, y, s), c in expected.items()}
    assert sum(drawn.values()) == len(known) == n  # every event of known size is in one marker
    assert len(fig.data[0].x) < 200  # markers, not thousands of dots
    assert all(t.mode == "markers" and t.error_y.array is None for t in fig.data)


def test_reports_of_each_story_come_from_one_pass_and_match_a_filter_of_the_events():
    """ui.stories.reports_by_story (built once per corpus) gives each story what filtering the events by
    its id and sorting them by document gives, ties in table order; a story id it does not hold has no report."""
    from types import SimpleNamespace

    from ui.labels import is_missing
    from ui.stories import outlet, story_reports

    events = pd.DataFrame({
        "story_id": pd.array(["s1", "s2", "s1", None, "s1", "s2", "s3"], dtype="string"),
        "doc": pd.array(["c.txt", "a.txt", "a.txt", "b.txt", "c.txt", "b.txt", "d.txt"], dtype="string"),
        "event_id": pd.array([f"e{i}" for i in range(7)], dtype="string"),
        "countries_stated": pd.array([12, None, 9, 4, None, 30, None], dtype="Int64")})
    documents = pd.DataFrame({"doc": ["a.txt", "b.txt", "c.txt", "d.txt"],
                              "source_url": ["https://www.bna.bh/x", "", "https://alayam.com/y", None]})
    corpus = SimpleNamespace(events=events, documents=documents)

    def filtered(story_id):
        rows = events[events["story_id"] == story_id].sort_values("doc")
        urls = dict(zip(documents["doc"], documents["source_url"]))
        return [{"doc": d, "outlet": outlet(urls.get(d), d), "event_id": e, "size": None if is_missing(n) else int(n)}
                for d, e, n in zip(rows["doc"], rows["event_id"], rows["countries_stated"])]

    assert [r["event_id"] for r in story_reports(corpus, "s1")] == ["e2", "e0", "e4"]  # a.txt, then c.txt twice
    assert [r["outlet"] for r in story_reports(corpus, "s1")] == ["bna.bh", "alayam.com", "alayam.com"]
    for story_id in ("s1", "s2", "s3"):
        assert story_reports(corpus, story_id) == filtered(story_id)
    assert story_reports(corpus, "s9") == []
    story_reports(corpus, "s1")[0]["size"] = 99  # a caller's change stays its own
    assert story_reports(corpus, "s1")[0]["size"] == 9


def test_story_ranges_from_one_pass_equal_a_look_up_per_row():
    rng = np.random.default_rng(7)
    n = 400
    low = pd.array([None if rng.random() < 0.3 else int(rng.integers(1, 40)) for _ in range(n)], dtype="Int64")
    high = pd.array([None if pd.isna(v) else int(v) + (int(rng.integers(0, 5)) if rng.random() < 0.5 else 0)
                     for v in low], dtype="Int64")
    stories = pd.DataFrame({"story_id": pd.array([f"s{i}" for i in range(n)], dtype="string"),
                            "size_min": low, "size_max": high})
    picked = rng.integers(0, n + 50, size=900)  # some rows name a story not in the table, some have none
    shown = pd.DataFrame({"event_id": [f"e{i}" for i in range(900)],
                          "story_id": pd.array([None if k >= n + 40 else f"s{k}" for k in picked], dtype="string")})

    def oracle() -> dict:  # the former reading: the story's row by label, for every shown row
        by_story = stories.set_index("story_id")
        out = {}
        for event_id, story in zip(shown["event_id"], shown["story_id"]):
            if not pd.isna(story) and story in by_story.index:
                row = by_story.loc[story]
                if not pd.isna(row["size_min"]) and row["size_min"] != row["size_max"]:
                    out[str(event_id)] = (int(row["size_min"]), int(row["size_max"]))
        return out

    expected = oracle()
    assert story_ranges(stories, shown) == expected
    assert 100 < len(expected) < 900 and all(lo < hi for lo, hi in expected.values())
    assert story_ranges(stories.iloc[:0], shown) == {} and story_ranges(stories, shown.iloc[:0]) == {}
