"""ui.stories.one_per_story against a plain reading of its rule: one row per story (an event with no
story is a story of its own), that story's first main report (a main one before a mentioned one, a
dated one before an undated one, then by event id, then by place in the table), the rows kept in the
table's order, each with `reports`, the number of the given rows its story holds; every column kept,
with its dtype."""

from __future__ import annotations

import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ui.stories import one_per_story

ROW = st.fixed_dictionaries({
    "story_id": st.sampled_from([None, "", "s1", "s2", "s3"]),
    "role": st.sampled_from(["main", "mentioned"]),
    "date": st.sampled_from([None, "", "2019-03-12", "2021", "2018-11"]),
    "countries_stated": st.sampled_from([None, 3, 15]),
})


def frame(rows: list[dict], labels: list[int], ids: list[str]) -> pd.DataFrame:
    events = pd.DataFrame(rows, index=labels[:len(rows)], columns=["story_id", "role", "date", "countries_stated"])
    events.insert(0, "event_id", ids[:len(rows)])
    events = events.astype({"event_id": "string", "story_id": "string", "role": "string", "date": "string",
                            "countries_stated": "Int64"})
    events["doc"] = [f"a{k % 3}.txt" for k in range(len(rows))]
    return events


def plain(events: pd.DataFrame) -> tuple[list, list[int]]:
    """(the labels of the rows kept, in table order; their reports), read row by row."""
    stories: dict[str, list[int]] = {}
    for k, (story, event_id) in enumerate(zip(events["story_id"], events["event_id"])):
        stories.setdefault(event_id if pd.isna(story) or story == "" else story, []).append(k)
    kept = {}
    for members in stories.values():
        def rank(k: int) -> tuple:
            row = events.iloc[k]
            return (row["role"] != "main", pd.isna(row["date"]) or row["date"] == "", row["event_id"], k)
        kept[min(members, key=rank)] = len(members)
    order = sorted(kept)
    return [events.index[k] for k in order], [kept[k] for k in order]


@settings(max_examples=150, deadline=None)
@given(st.lists(ROW, max_size=25), st.permutations(list(range(100, 125))),
       st.lists(st.sampled_from(["e1", "e2", "e3", "e10", "e9", "x"]), min_size=25, max_size=25))
def test_one_row_per_story_its_first_main_report_in_table_order(rows, labels, ids):
    ids = [f"{name}-{k:02d}" if k % 4 else name for k, name in enumerate(ids)]  # unique, some sharing a prefix
    events = frame(rows, labels, ids)
    got = one_per_story(events)
    if events.empty:
        assert got.empty
        return
    labels_kept, reports = plain(events)
    assert list(got.index) == labels_kept
    assert got["reports"].tolist() == reports
    assert list(got.columns) == [*events.columns, "reports"]
    assert (got.dtypes.drop("reports") == events.dtypes).all()
    pd.testing.assert_frame_equal(got.drop(columns="reports"), events.loc[labels_kept])


def test_a_story_of_three_reports_is_one_row_counting_three():
    events = frame([{"story_id": "s1", "role": "mentioned", "date": "2019", "countries_stated": None},
                    {"story_id": "s1", "role": "main", "date": None, "countries_stated": 3},
                    {"story_id": "s1", "role": "main", "date": "2019-03-12", "countries_stated": 15},
                    {"story_id": None, "role": "main", "date": None, "countries_stated": None}],
                   [7, 3, 9, 1], ["e4", "e2", "e3", "e1"])
    got = one_per_story(events)
    assert list(got.index) == [9, 1]  # the dated main report; the event with no story stays
    assert got["reports"].tolist() == [3, 1]
    assert got["countries_stated"].tolist() == [15, pd.NA]
