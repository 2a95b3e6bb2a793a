"""core.stories.build.row_dicts gives what DataFrame.to_dict("records") gives, value and type."""

import random

import numpy as np
import pandas as pd
import pytest

from core import tables
from core.stories.build import row_dicts


def _frame(rng: random.Random, n: int) -> pd.DataFrame:
    def maybe(value):
        return None if rng.random() < 0.25 else value
    return pd.DataFrame({
        "text": pd.array([maybe(rng.choice(["", "الدورة", "BHR"])) for _ in range(n)], dtype="string"),
        "count": pd.array([maybe(rng.choice([0, 3, 2013, -1])) for _ in range(n)], dtype="Int64"),
        "flag": pd.array([maybe(rng.choice([True, False])) for _ in range(n)], dtype="boolean"),
        "plain_int": np.array([rng.randint(-5, 5) for _ in range(n)], dtype="int64"),
        "plain_float": [maybe(rng.random()) for _ in range(n)],
        "objects": pd.Series([maybe(rng.choice(["a", 1, 2.5, True])) for _ in range(n)], dtype=object),
    })


@pytest.mark.parametrize("seed", range(20))
def test_row_dicts_equals_to_dict_records(seed):
    rng = random.Random(seed)
    frame = _frame(rng, rng.choice([0, 1, 7, 60]))
    plain, fast = frame.to_dict("records"), row_dicts(frame)
    assert len(fast) == len(frame)
    assert [{k: (type(v), repr(v)) for k, v in row.items()} for row in fast] == \
           [{k: (type(v), repr(v)) for k, v in row.items()} for row in plain]


def test_row_dicts_of_an_events_table():
    events = tables.build_table("events", [{"event_id": "a#e1", "doc": "a", "year": 2013, "date": None}])
    row, = row_dicts(events[["event_id", "year", "date", "countries_stated"]])
    assert row == {"event_id": "a#e1", "year": 2013, "date": None, "countries_stated": None}
    assert type(row["year"]) is int


@pytest.mark.parametrize("dtype", ["string", "str", "object", "string[python]", "string[pyarrow]"])
def test_text_columns_read_with_tolist_as_iterating_them(dtype):
    """The stories and review stages read text columns (after astype(str), or string-typed) with tolist
    instead of iterating the Series (a call per value on Arrow-backed strings): the same values of the
    same types, missing values included, on random columns of the dtypes the tables carry."""
    rng = random.Random(28)
    for _ in range(50):
        values = [rng.choice(["ev-1", "BHR", "", None, "a.txt#e2", "مؤتمر"]) for _ in range(rng.randint(0, 30))]
        column = pd.Series(values, dtype=dtype)
        for series in (column, column.astype(str), column.fillna("").astype(str)):
            iterated, listed = list(series), series.tolist()
            assert len(iterated) == len(listed)
            for a, b in zip(iterated, listed):
                assert type(a) is type(b)
                assert (a is b) if a is pd.NA or a is None or a != a else a == b
