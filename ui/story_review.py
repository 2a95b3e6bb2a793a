"""The Review page's story section: the stories of the article's events, join two stories, take a report out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import streamlit as st

from core.review.stories import join_stories, split_report
from ui.i18n import _, number
from ui.labels import kind_label, when_label
from ui.stories import reports_text, story_reports


def _story_label(stories, story_id: str) -> str:
    row = stories[stories["story_id"] == story_id].iloc[0]
    return _("{kind} {when}, {n} report(s) ({id})").format(
        kind=kind_label(str(row["kind"])), when=when_label(row["first_date"], row["year"]),
        n=number(int(row["reports"])), id=story_id)


def story_panel(corpus, folder: Path, doc: str, act: Callable[[Callable[[], dict], str], None]) -> None:
    """For an event of article `doc`: its story and reports; join its story with another; take it out."""
    events = corpus.events[corpus.events["doc"] == doc]
    if events.empty or "story_id" not in events.columns:
        st.caption(_("No event of this article to join into a story."))
        return
    event_id = st.selectbox(_("Event of this article"), list(events["event_id"]), key="rv_story_event")
    story_id = str(events.loc[events["event_id"] == event_id, "story_id"].iloc[0])
    reports = story_reports(corpus, story_id)
    st.markdown(_("Story {id}: {reports}").format(id=story_id, reports=reports_text(reports)))
    others = [s for s in corpus.stories["story_id"] if s != story_id]
    if others:
        # options are story ids, the choice's description below (AppTest and the URL see the ids)
        other = st.selectbox(_("Join this story with"), others, key="rv_story_with")
        st.caption(_story_label(corpus.stories, other))
        if st.button(_("Join the two stories"), key="rv_join",
                     help=_("Adds a join line to the log: the two stories become one (undo is a new line).")):
            act(lambda: join_stories(corpus, event_id, other, folder=folder), _("The two stories were joined."))
    if len(reports) > 1 and st.button(_("Take this report out of its story"), key="rv_split",
                                      help=_("Adds a split line to the log: this article's event becomes a story "
                                             "of its own.")):
        act(lambda: split_report(corpus, event_id, folder=folder), _("The report was taken out of its story."))
