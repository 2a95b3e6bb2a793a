"""Stories on the pages: count stories or reports, one row per story, each story's reports and sizes with their sources."""

from __future__ import annotations

import threading
from urllib.parse import urlencode, urlparse

import numpy as np
import pandas as pd
import streamlit as st

from ui.data import doc_titles
from ui.filters import URL
from ui.i18n import _, number
from ui.i18n import url_params
from ui.labels import clean_title, is_missing, text_of
from ui.safety import md_escape



def count_switch(key: str) -> str:
    """The sidebar switch: 'stories' (default: reports of one occasion counted once) or 'reports'."""
    reports = st.toggle(_("Count reports, not stories"), key=key, bind=URL,
                        help=_("Stories: the articles that report the same occasion count once. Reports: every "
                               "article's event counts."))
    return "reports" if reports else "stories"


def one_per_story(events: pd.DataFrame) -> pd.DataFrame:
    """One row per story of `events`: its first main report (by date, then event id), with `reports`
    (how many of the given rows the story holds). Rows without a story stay as they are."""
    if events.empty or "story_id" not in events.columns:
        return events.assign(reports=1)
    story = events["story_id"].astype("string").fillna("").where(lambda s: s != "", events["event_id"].astype(str))
    counts = story.map(story.value_counts())
    # The first report of each story is found on the four sort keys alone, by position; then only those
    # rows of the whole table are taken, in the table's order (not every column of every row sorted).
    keys = pd.DataFrame({"_story": story, "_mentioned": events["role"] != "main",
                         "_undated": events["date"].fillna("").astype(str) == "",
                         "event_id": events["event_id"]}).reset_index(drop=True)
    first = keys.sort_values(["_story", "_mentioned", "_undated", "event_id"], kind="stable").drop_duplicates("_story")
    rows = np.sort(first.index.to_numpy())
    return events.iloc[rows].assign(reports=counts.astype(int).iloc[rows].to_numpy())


def outlet(url: object, doc: str) -> str:
    """The publisher of a report: its web site's name without 'www.', else the file name."""
    host = urlparse(text_of(url)).hostname or ""
    return host.removeprefix("www.") or doc


def story_reports(corpus, story_id: str) -> list[dict]:
    """The reports of a story, in document order: doc, outlet, stated size (or None), event_id."""
    return [dict(r) for r in reports_by_story(corpus).get(story_id, [])]


def reports_by_story(corpus) -> dict[object, list[dict]]:
    """story_id -> its reports (as story_reports gives them), for every story of the corpus, built once
    per corpus object: one pass over the events instead of a filter of every event and a dict of every
    document per story (the Delegations page asks for hundreds of stories: 10 s at 10,000 articles)."""
    with _reports_lock:
        built = corpus.__dict__.get("_ui_reports_by_story")
        if built is None:
            urls = dict(zip(corpus.documents["doc"], corpus.documents["source_url"]))
            built = {}
            events = corpus.events.sort_values("doc", kind="stable")  # document order; one story's rows in table order
            for story_id, doc, event_id, stated in zip(events["story_id"], events["doc"], events["event_id"],
                                                       events["countries_stated"]):
                if is_missing(story_id):
                    continue
                built.setdefault(story_id, []).append(
                    {"doc": str(doc), "outlet": outlet(urls.get(doc), str(doc)), "event_id": str(event_id),
                     "size": None if is_missing(stated) else int(stated)})
            corpus.__dict__["_ui_reports_by_story"] = built
    return built


_reports_lock = threading.Lock()


def reports_text(reports: list[dict]) -> str:
    """'3 reports: alwasatnews.com 97 states, alwatannews.net 80, bna.bh 94' (each outlet's own figure)."""
    parts = []
    for n, r in enumerate(reports):
        if r["size"] is None:
            parts.append(r["outlet"])
        elif not any(p["size"] is not None for p in reports[:n]):
            parts.append(_("{outlet} {n} states").format(outlet=r["outlet"], n=number(r["size"])))
        else:
            parts.append(f"{r['outlet']} {number(r['size'])}")
    return _("{n} reports: {list}").format(n=number(len(reports)), list=", ".join(parts))


def size_range(reports: list[dict]) -> str:
    """The stated sizes as a range ('80–97 states'), or one figure, or '' when no report states one."""
    sizes = sorted({r["size"] for r in reports if r["size"] is not None})
    if not sizes:
        return ""
    if len(sizes) == 1:
        return _("{n} states").format(n=number(sizes[0]))
    return _("{low}–{high} states").format(low=number(sizes[0]), high=number(sizes[-1]))


def also_reported(corpus, events: pd.DataFrame, doc: str) -> list[str]:
    """Markdown links to the other articles that report a story of `doc` ('outlet · title'), each once."""
    stories = {str(s) for s in events["story_id"].dropna() if str(s)} if "story_id" in events.columns else set()
    others = corpus.events[corpus.events["story_id"].isin(stories) & (corpus.events["doc"] != doc)]
    titles = doc_titles(corpus)
    urls = dict(zip(corpus.documents["doc"], corpus.documents["source_url"]))
    links = []
    for other in sorted(set(others["doc"].astype(str))):
        label = f"{outlet(urls.get(other), other)} · {clean_title(titles.get(other, ''))[:60]}"
        links.append(f"[{md_escape(label)}](/Sources?{urlencode({'src_doc': other, **url_params()})})")
    return links
