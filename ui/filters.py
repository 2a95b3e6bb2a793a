"""Filter widgets whose state lives in the URL, and the filtering they drive.

Every filter is a keyed Streamlit widget with bind="query-params": Streamlit reads the query
parameter named like the key when the widget is created (so a shared URL opens the same view)
and rewrites it on every change (dropping it while the widget is at its default).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

import pandas as pd
import streamlit as st

from ui.i18n import _, frozen, number

URL = "query-params"


JS_SAFE = 2**53


def year_range(label: str, years: Iterable[object], key: str) -> tuple[int, int] | None:
    """A year-range slider over the years present; None when there is no year at all.

    With a single year there is nothing to choose: the year is stated and returned as (y, y).
    """
    # A slider's bounds must be integers a browser holds exactly (|y| < 2**53); a year beyond them is
    # no real year and is left out of the slider's range.
    values = sorted({int(y) for y in distinct(years) if not pd.isna(y) and abs(int(y)) < JS_SAFE})
    if not values:
        st.caption(_("No dated events to filter by year."))
        return None
    if values[0] == values[-1]:
        st.caption(_("All dated events are from {year}.").format(year=number(values[0])))
        return values[0], values[0]
    low, high = st.slider(label, values[0], values[-1], (values[0], values[-1]), step=1, key=key, bind=URL,
                          format="%d")
    if low > high:  # a hand-edited address (?key=2024&key=2010): swapped, and said so
        low, high = high, low
        st.caption(_("The year range in the address was reversed; showing {low}–{high}.")
                   .format(low=number(int(low)), high=number(int(high))))
    return int(low), int(high)


def pick_many(label: str, options: list[str], key: str, *, placeholder: str,
              format_func: Callable[[str], str] = str, default: list[str] | None = None) -> list[str]:
    """A multiselect whose empty selection means 'all' (the placeholder says so)."""
    return st.multiselect(label, options, default=default or [], key=key, bind=URL, format_func=frozen(format_func),
                          placeholder=placeholder)


def filter_events(events: pd.DataFrame, years: tuple[int, int] | None = None, *, kinds: Iterable[str] = (),
                  hosts: Iterable[str] = (), gcc_only: bool = False) -> pd.DataFrame:
    """The events within `years` (see in_years) whose kind and host are among those chosen (none = all),
    only the GCC events when `gcc_only`."""
    mask = in_years(events["year"], years)
    kinds, hosts = list(kinds), list(hosts)
    if kinds:
        mask &= events["kind"].isin(kinds)
    if hosts:
        mask &= events["host_iso3"].isin(hosts)
    if gcc_only:
        mask &= events["gcc"].fillna(False).astype(bool)
    return events[mask]


def in_years(years: pd.Series, chosen: tuple[int, int] | None) -> pd.Series:
    """Mask of rows whose year lies in `chosen` (the slider over these same years).

    Undated rows are kept only while the slider spans every year, i.e. while it filters nothing.
    """
    numeric = years.astype("Int64")
    if chosen is None:
        return pd.Series(True, index=years.index)
    full = chosen == (numeric.min(), numeric.max())
    return numeric.between(chosen[0], chosen[1]).fillna(full).astype(bool)


def distinct(values: Iterable[object]) -> Iterable[object]:
    """The distinct values of a column (pandas' unique, in C: a rerun at 10,000 events reads a few dozen
    years instead of every row), or the values themselves when they are not a pandas Series."""
    return values.unique() if isinstance(values, pd.Series) else values


def year_span(years: Iterable[object]) -> tuple[int, int] | None:
    """(first, last) of the years present, the year slider's default; None when there is none."""
    values = sorted({int(y) for y in distinct(years) if not pd.isna(y)})
    return (values[0], values[-1]) if values else None


def active_filters(years: Iterable[object], entries: list[tuple[str, str, object, object, Callable[[object], str]]]
                   ) -> dict[str, tuple[str, object]]:
    """The filters that are not at their default, for ui.layout.empty_state.

    entries: (widget key, label, value, default, how to show the value); a year range's default
    None means the full span of `years`. Returns {key: ("label: value", default)}.
    """
    span = year_span(years)
    out: dict[str, tuple[str, object]] = {}
    for key, label, value, default, show in entries:
        if default is None:
            default = span
        if value is None or value == default or value == [] or (isinstance(value, list) and not value):
            continue
        if isinstance(value, bool) and not value:
            continue
        out[key] = (f"{label}: {show(value)}", default)
    return out


def show_years(value: object) -> str:
    low, high = value  # type: ignore[misc]
    return number(low) if low == high else f"{number(low)}–{number(high)}"


def show_list(format_func: Callable[[str], str]) -> Callable[[object], str]:
    return lambda values: _(", ").join(format_func(v) for v in values)  # type: ignore[union-attr]


def show_flag(value: object) -> str:
    return _("on") if value else _("off")
