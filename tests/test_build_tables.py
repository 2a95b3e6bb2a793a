"""tables.build_table_from_tuples gives the frame build_table gives for the same rows as dicts."""

import random

import pandas as pd
import pytest

from core import tables
from core.run.pipeline import _FIELDS


def _value(rng: random.Random, column: str, row: int):
    if column in tables.KEYS["events"] + tables.KEYS["rankings"] + ["doc", "claim_id", "story_id", "iso3"]:
        return rng.choice(["a.txt", "ب.txt", "x\udc81.txt"]) + f"#{row}"  # unique keys, a lone surrogate among them
    if rng.random() < 0.2:
        return None
    dtype = tables.DTYPES.get(column)
    if dtype == "Int64":
        return rng.choice([0, 7, 2013, 10**12, -3])
    if dtype == "boolean":
        return rng.choice([True, False])
    return rng.choice(["", "الدورة الثانية", "BHR", "2013-06-25", "a;b", "x\udc81"])


@pytest.mark.parametrize("name", ["documents", "events", "participants", "rankings"])
@pytest.mark.parametrize("seed", range(15))
def test_tuples_and_dicts_give_the_same_frame(name, seed):
    rng = random.Random(seed)
    fields = _FIELDS[name]
    rows = [tuple(_value(rng, col, n) for col in fields) for n in range(rng.choice([0, 1, 5, 40]))]
    if name == "participants":  # key (event_id, iso3): unique rows
        rows = [(f"e{n}", *row[1:]) for n, row in enumerate(rows)]
    plain = tables.build_table(name, [dict(zip(fields, row)) for row in rows])
    fast = tables.build_table_from_tuples(name, fields, rows)
    assert list(fast.dtypes) == list(plain.dtypes)
    assert fast.equals(plain)
    assert len(fast) == len(rows)


def test_an_empty_schema_column_and_a_duplicate_key():
    frame = tables.build_table_from_tuples("documents", ["doc", "chars"], [("a.txt", 3)])
    assert frame.loc[0, "doc"] == "a.txt" and frame.loc[0, "chars"] == 3
    assert frame["title"].isna().all() and str(frame["title"].dtype) == "string"
    with pytest.raises(tables.SchemaError):
        tables.build_table_from_tuples("documents", ["doc"], [("a.txt",), ("a.txt",)])
    assert isinstance(frame, pd.DataFrame)
