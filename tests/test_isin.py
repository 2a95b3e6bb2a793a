"""ui.labels.isin: the same rows as pandas' Series.isin, for every column dtype the tables use."""

from __future__ import annotations

import numpy as np
import pandas as pd
from hypothesis import given, settings
from hypothesis import strategies as st

from ui.labels import isin

CELLS = st.one_of(st.none(), st.sampled_from(["", "a", "b", "ev-1", "ev-2", "بحرين", "BHR"]), st.text(max_size=4))
DTYPES = ["str", "string", object]


@settings(max_examples=200, deadline=None, database=None)
@given(cells=st.lists(CELLS, max_size=30), values=st.lists(CELLS, max_size=8), dtype=st.sampled_from(DTYPES),
       as_series=st.booleans())
def test_isin_selects_what_pandas_selects(cells, values, dtype, as_series):
    column = pd.Series(cells, dtype=dtype)
    wanted = pd.Series(values, dtype=dtype) if as_series else values
    expected = column.isin(wanted).to_numpy(dtype=bool)
    got = isin(column, wanted)
    assert got.dtype == np.bool_ and len(got) == len(column)
    assert got.tolist() == expected.tolist()


def test_isin_on_event_ids():
    column = pd.Series(["ev-1", "ev-2", None, "ev-3", "ev-2"], dtype="str")
    assert isin(column, pd.Series(["ev-2", "ev-9"], dtype="str")).tolist() == [False, True, False, False, True]
    assert isin(column, {"ev-1", None}).tolist() == [True, False, True, False, False]  # missing in when asked for
    assert isin(column, []).tolist() == [False] * 5
    assert isin(column.iloc[:0], ["ev-1"]).tolist() == []
