"""Data shaping the pages share: plain functions of the corpus tables returning DataFrames, Series or
text (delegation size and its basis, state counts, participants by event, the topic table, the
ranking measures). No Plotly, no Streamlit: the charts in ui/charts/ and the pages both call these.
"""

from __future__ import annotations

from collections import Counter

import numpy as np
import pandas as pd

from ui.i18n import N_, _, digits, number
from ui.labels import (state_label, clean_title, is_missing, isin, kind_label, map_distinct, split_list, topic_label,
                       when_label)

from ui.labels import host_text


# The survey's measures: (column of the reference table, msgid of the name, higher is better).
MEASURES = {
    "rank": ("rank", N_("EGDI rank"), False),
    "egdi": ("egdi", N_("EGDI score"), True),
    "osi": ("osi", N_("Online services (OSI)"), True),
    "hci": ("hci", N_("Human capital (HCI)"), True),
    "tii": ("tii", N_("Telecom infrastructure (TII)"), True),
    "epart_rank": ("epart_rank", N_("E-participation rank"), False),
    "egdi_group": ("egdi", N_("EGDI group"), True),
}


# The UN's EGDI groups (UN E-Government Survey 2024, Annex: very high 0.75-1.00, high 0.50-0.75,
# middle 0.25-0.50, low 0-0.25).
EGDI_GROUPS = [(0.75, N_("Very high EGDI")), (0.50, N_("High EGDI")), (0.25, N_("Middle EGDI")), (0.0, N_("Low EGDI"))]


def measure_label(measure: str) -> str:
    return _(MEASURES[measure][1])


def egdi_group(egdi: object) -> str | None:
    """The UN's EGDI group (msgid) of a score; None when there is no score."""
    if is_missing(egdi):
        return None
    for floor, name in EGDI_GROUPS:
        if float(egdi) >= floor:
            return name
    return EGDI_GROUPS[-1][1]


def group_level(name: object) -> float:
    """1 (low) .. 4 (very high) for an EGDI group msgid; NaN when missing."""
    names = [n for _floor, n in reversed(EGDI_GROUPS)]
    return float(names.index(name) + 1) if name in names else np.nan


def event_dates(events: pd.DataFrame) -> pd.Series:
    """The start of the period each event names: its date (day or month precision), else its year.

    NaT where the event has neither a date nor a year.
    """
    def one(date: object, year: object) -> pd.Timestamp:
        text = "" if is_missing(date) else str(date).strip()
        if text:
            parts = text.split("-")
            try:
                return _timestamp(int(parts[0]), int(parts[1]) if len(parts) > 1 else 1,
                                  int(parts[2]) if len(parts) > 2 else 1)
            except ValueError:
                pass
        try:
            return pd.NaT if is_missing(year) else _timestamp(int(year), 1, 1)
        except ValueError:
            return pd.NaT

    return pd.Series(map_distinct(one, events["date"], events["year"]), index=events.index, dtype="datetime64[ns]")


def _timestamp(year: int, month: int, day: int) -> pd.Timestamp:
    """The day as a Timestamp; ValueError for a day that does not exist or lies outside the years a
    time axis can show (pandas' nanosecond range, 1678-2261): such a year is drawn as no date."""
    if not pd.Timestamp.min.year < year < pd.Timestamp.max.year:
        raise ValueError(f"year {year} outside {pd.Timestamp.min.year}-{pd.Timestamp.max.year}")
    return pd.Timestamp(year, month, day)


def delegation_size(events: pd.DataFrame) -> pd.Series:
    """States in each delegation: the number the article states, else the number of states it names
    (when it names any); <NA> when the article gives neither, which means unknown, never zero."""
    stated = events["countries_stated"].astype("Int64")
    named = events["countries_named"].astype("Int64")
    return stated.fillna(named.where(named > 0)).astype("Int64")


def delegation_measure(events: pd.DataFrame, participants: pd.DataFrame) -> pd.DataFrame:
    """One delegation size per event and its basis, by event_id (same index as `events`).

    Columns: named (states the article names one by one), via_body (states reached only through
    the GCC as a body, 'دول المجلس'), size (Int64, <NA> = unknown) and basis: 'stated' (a number
    in the text), 'named' (the states named), 'gcc_body' (the GCC's members, reached through the
    body), 'unknown'.
    """
    rows = participants[isin(participants["event_id"], events["event_id"])].drop_duplicates(["event_id", "iso3"])
    body = rows["via"].astype("string").fillna("") == "gcc_body"
    named = rows[~body].groupby("event_id").size()
    via_body = rows[body].groupby("event_id").size()
    out = pd.DataFrame(index=events.index)
    out["event_id"] = events["event_id"]
    out["named"] = events["event_id"].map(named).fillna(0).astype(int)
    out["via_body"] = events["event_id"].map(via_body).fillna(0).astype(int)
    stated = events["countries_stated"].astype("Int64")
    out["size"] = stated.fillna(out["named"].where(out["named"] > 0).astype("Int64")) \
        .fillna(out["via_body"].where(out["via_body"] > 0).astype("Int64")).astype("Int64")
    out["basis"] = np.select([stated.notna().to_numpy(dtype=bool), (out["named"] > 0).to_numpy(),
                              (out["via_body"] > 0).to_numpy()], ["stated", "named", "gcc_body"], "unknown")
    return out


BASIS_LABELS = {"stated": N_("number stated in the article"), "named": N_("states named in the article"),
                "gcc_body": N_("the GCC's members (named only as a body)"), "unknown": N_("size unknown")}


def event_labels(events: pd.DataFrame) -> pd.Series:
    """A short, unique label per event: '<when> <kind>', numbered when two would read the same."""
    base = map_distinct(lambda d, y, k: f"{when_label(d, y)} {kind_label(str(k))}",
                        events["date"], events["year"], events["kind"])
    total = Counter(base)
    seen: Counter[str] = Counter()
    labels = []
    for label in base:
        seen[label] += 1
        labels.append(label if total[label] == 1 else f"{label} ({number(seen[label])})")
    return pd.Series(labels, index=events.index, dtype="string")


def event_status(events: pd.DataFrame) -> pd.Series:
    """'main' (the event reported), 'past' (an earlier event mentioned), 'upcoming' (a coming event
    mentioned) or 'mentioned' (a mentioned event whose tense the table does not give)."""
    role = events["role"].astype("string").fillna("main")
    tense = (events["tense"].astype("string") if "tense" in events else pd.Series(pd.NA, index=events.index,
                                                                                 dtype="string"))
    return pd.Series(np.where(role == "main", "main", tense.fillna("mentioned").to_numpy(dtype=object)),
                     index=events.index, dtype="string")


def state_counts(events: pd.DataFrame, participants: pd.DataFrame, names: dict[str, str]) -> pd.DataFrame:
    """Events per participating state for the given events, most first: columns iso3, name,
    events (all), named (events that name the state one by one), via_body (events that reach it
    only through the GCC as a body).

    An upcoming event (tense) has not happened yet: nobody has taken part in it, so it counts for no one.
    """
    if "tense" in events:
        events = events[events["tense"] != "upcoming"]
    rows = participants[isin(participants["event_id"], events["event_id"])]
    rows = rows.assign(body=rows["via"].astype("string").fillna("") == "gcc_body")
    # A state named and also reached through the body at one event counts as named there.
    per_event = rows.groupby(["iso3", "event_id"])["body"].min().reset_index()
    counts = per_event.groupby("iso3").agg(events=("event_id", "size"), via_body=("body", "sum")).reset_index()
    counts["via_body"] = counts["via_body"].astype(int)
    counts["named"] = counts["events"] - counts["via_body"]
    counts["iso3"] = counts["iso3"].astype(str)
    counts["name"] = [state_label(iso, names) for iso in counts["iso3"]]
    counts = counts.sort_values(["events", "named", "name"], ascending=[False, False, True], ignore_index=True)
    return counts[["iso3", "name", "events", "named", "via_body"]]


def topic_year_table(events: pd.DataFrame) -> pd.DataFrame:
    """Number of events per (topic, year): topics as rows (labels), years as columns."""
    rows = [(topic_label(topic), int(year)) for topics, year in zip(events["topics"], events["year"])
            if not is_missing(year) for topic in split_list(topics)]
    frame = pd.DataFrame(rows, columns=["topic", "year"])
    if frame.empty:
        return pd.DataFrame()
    return pd.crosstab(frame["topic"], frame["year"]).sort_index()


def digits_of(text: str) -> str:
    """Re-export for pages: ASCII digits in the chosen digit set."""
    return digits(text)


def participants_by_event(events: pd.DataFrame, participants: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, np.ndarray]]:
    """The participants of `events`, and the positions of each event's rows in that frame (found in
    one pass: a scan of the whole table per event is quadratic, minutes at 10,000 articles; take an
    event's rows with `rows.iloc[positions[event_id]]`)."""
    rows = participants[isin(participants["event_id"], events["event_id"])].reset_index(drop=True)
    return rows, {str(k): v for k, v in rows.groupby("event_id", sort=False).indices.items()}


def gcc_event_rows(events: pd.DataFrame, rows: pd.DataFrame, names: dict[str, str],
                   titles: dict[str, str]) -> pd.DataFrame:
    """`events` with when, kind, host, the states named (`rows`: their participants; not those reached
    through the GCC as a body) and the article title as text, for the GCC page's CSV; labels computed
    once per distinct value, the names joined in one group-by."""
    own = rows[rows["via"].astype("string").fillna("") != "gcc_body"]
    states = pd.Series(map_distinct(lambda iso: state_label(iso, names), own["iso3"]),
                       index=own.index, dtype=object)
    named = states.groupby(own["event_id"].astype(str).to_numpy(), sort=False).agg(_(", ").join).to_dict()
    basis = events["host_basis"] if "host_basis" in events else pd.Series([""] * len(events))
    return events.assign(when=map_distinct(when_label, events["date"], events["year"]),
                         kind=map_distinct(lambda k: kind_label(str(k)), events["kind"]),
                         host=map_distinct(lambda h, b: host_text(h, b, names), events["host_iso3"], basis),
                         states_named=[named.get(str(e), "") for e in events["event_id"]],
                         title=[clean_title(titles.get(d, "")) for d in events["doc"]])
