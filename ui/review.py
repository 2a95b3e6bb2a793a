"""Analyst review on every page: the review marks and labels, links to the Review page, the reviewed-only
filter, and the orphaned corrections' notice. The Review page itself is ui/review_page.py.

Corrections are written by core.review into `corrections.jsonl` in the articles folder; the loader's
cache key (ui.data.folder_fingerprint) covers every file of the folder, so the next run of any page,
in any session, shows the reviewed tables without a restart. Notes and article text are untrusted:
Markdown goes through ui.safety.md_escape, HTML through html.escape (ui.evidence), tables and
widget labels are shown as text by Streamlit.
"""

from __future__ import annotations

import dataclasses
import json
from urllib.parse import urlencode

import pandas as pd
import streamlit as st

import core
from ui.filters import URL
from ui import i18n
from ui.i18n import N_, _
from ui.labels import isin, text_of
from ui.messages import code_label
from ui.safety import md_escape


REVIEW_PAGE = "Review"  # url path of pages/5_Review.py


LABELS = {"unreviewed": "", "confirmed": N_("confirmed by analyst"), "corrected": N_("corrected by analyst"),
          "added": N_("added by analyst")}


FIELD_LABELS = {"kind": N_("kind"), "year": N_("year"), "date": N_("date"), "host_iso3": N_("host"),
                "role": N_("role"), "tense": N_("tense"), "countries_stated": N_("delegation size"), "gcc": N_("GCC"),
                "iso3": N_("state"), "country_iso3": N_("country"), "survey_year": N_("survey year"),
                "scope": N_("scope"), "rank": N_("rank")}


KIND_TITLES = {"event": N_("Event"), "participant": N_("Participant"), "ranking": N_("Ranking claim")}


ROLE_LABELS = {"main": N_("main"), "mentioned": N_("mentioned")}


BOOL_LABELS = {True: N_("True"), False: N_("False")}


# Headers of the log and orphan tables: the English page keeps the column names (core.review's).
LOG_HEADERS = {"line": N_("line"), "time": N_("time (UTC)"), "action": N_("action"), "record": N_("record"),
               "record_id": N_("record"), "field": N_("field"), "old": N_("old value"), "new": N_("new value"),
               "note": N_("note"), "doc": N_("article"), "reason": N_("reason")}


FLASH = "rv_flash"



def review_label(state: object) -> str:
    """'corrected by analyst', 'added by analyst', 'confirmed by analyst', or '' for unreviewed."""
    label = LABELS.get(text_of(state), text_of(state))
    return _(label) if label else ""


def field_label(name: str) -> str:
    """A correctable field's name as analysts read it ('host_iso3' -> 'host'), in the run's language."""
    return _(FIELD_LABELS[name]) if name in FIELD_LABELS else name


def _value_text(value: object) -> str:
    if value in (None, ""):
        return _("not stated")
    if isinstance(value, bool):
        return _(BOOL_LABELS[value])
    return i18n.isolate(value)


def extracted_text(extracted: object) -> str:
    """The JSON of extracted values as 'host: BHR; year: 2015' ('' when nothing was corrected)."""
    raw = text_of(extracted)
    if not raw:
        return ""
    try:
        values = json.loads(raw)
    except (ValueError, RecursionError):
        return raw
    if not isinstance(values, dict):  # not the object the review log writes: shown as it is
        return raw
    return _("; ").join(_("{field}: {value}").format(field=field_label(k), value=_value_text(v))
                        for k, v in values.items())


NOTE_SHOWN = 300  # characters of a note shown in hover texts and captions; the Review page shows the rest


def short_note(note: object) -> str:
    """The note cut at NOTE_SHOWN characters, with … when cut."""
    text = text_of(note)
    return text if len(text) <= NOTE_SHOWN else text[:NOTE_SHOWN].rstrip() + "…"


def mark_tooltip(row: dict) -> str:
    """The hover text of a reviewed record: what the extractor gave, and the analyst's note (plain text)."""
    parts = []
    before = extracted_text(row.get("extracted"))
    if before:
        parts.append(_("extracted: {values}").format(values=before))
    if text_of(row.get("review")) == "added":
        parts.append(_("not extracted; added by an analyst"))
    if text_of(row.get("review_note")):
        parts.append(_("note: {note}").format(note=short_note(row.get("review_note"))))
    return " · ".join(parts)


def review_url(doc: object, record: object = None) -> str:
    """Relative link to the Review page for an article (and a record of it), in the run's language and digits."""
    params = {"rv_doc": text_of(doc)}
    if text_of(record):
        params["rv_record"] = text_of(record)
    return f"{REVIEW_PAGE}?{urlencode({**params, **i18n.url_params()})}"


def table_view(frame: pd.DataFrame) -> tuple[pd.DataFrame, dict]:
    """A table of records for st.dataframe: the review state as words, the extracted values readable and
    a link to the Review page on every record. Frames without record ids are returned unchanged."""
    if "record_id" not in frame.columns or "doc" not in frame.columns:
        return frame, {}
    shown = frame.copy()
    config: dict = {}
    if "review" in shown.columns:
        shown["review"] = [review_label(v) for v in shown["review"]]
        config["review"] = st.column_config.TextColumn(
            _("review"), help=_("Blank: as extracted. Corrected, added or confirmed by an analyst on the Review page; "
                                "'extracted' holds the values the extractor gave."))
    if "extracted" in shown.columns:
        shown["extracted"] = [extracted_text(v) for v in shown["extracted"]]
    shown["review_link"] = [review_url(d, r) if text_of(r) else None for d, r in zip(shown["doc"], shown["record_id"])]
    config["review_link"] = st.column_config.LinkColumn(
        _("review it"), display_text=_("review"),
        help=_("Open this record on the Review page to confirm, correct or reject it."))
    return shown, config


def with_review(frame: pd.DataFrame, records: pd.DataFrame, on: str) -> pd.DataFrame:
    """`frame` with the record_id, review and extracted columns of `records` joined on `on` (e.g. claim_id)."""
    columns = [c for c in ("record_id", "review", "extracted") if c in records.columns and c not in frame.columns]
    if not columns or on not in frame.columns:
        return frame
    return frame.merge(records[[on, *columns]].drop_duplicates(on), on=on, how="left")


def review_mark(row: dict) -> None:
    """A small caption marking a reviewed record, the extracted value and note on hover; nothing if unreviewed."""
    label = review_label(row.get("review"))
    if label:
        st.caption(f"✎ {md_escape(label)}", help=md_escape(mark_tooltip(row)) or None)


def reviewed_only(corpus: core.Corpus, key: str) -> core.Corpus:
    """A sidebar toggle 'Reviewed records only' (bound to the URL) and a count of reviewed records.

    On: events that were reviewed or have a reviewed participant, reviewed participants and reviewed
    claims. Off: the corpus unchanged.
    """
    counts = review_counts(corpus)
    with st.sidebar:
        on = st.toggle(_("Reviewed records only"), key=key, bind=URL,
                       help=_("Records an analyst confirmed, corrected or added on the Review page."))
        if counts["reviewed"] or counts["rejected"]:
            st.caption(_("{reviewed} record(s) reviewed by analysts ({corrected} corrected, {added} added, "
                         "{confirmed} confirmed); {rejected} rejected.").format(
                **{name: i18n.digits(str(count)) for name, count in counts.items()}))
    if not on:
        return corpus
    participants = corpus.participants[corpus.participants["review"] != "unreviewed"]
    events = corpus.events[(corpus.events["review"] != "unreviewed")
                           | isin(corpus.events["event_id"], participants["event_id"])]
    rankings = corpus.rankings[corpus.rankings["review"] != "unreviewed"]
    return dataclasses.replace(corpus, events=events, participants=participants, rankings=rankings)


def review_counts(corpus: core.Corpus) -> dict[str, int]:
    states = pd.concat([getattr(corpus, name)["review"] for name in ("events", "participants", "rankings")])
    counts = {state: int((states == state).sum()) for state in ("confirmed", "corrected", "added")}
    counts["reviewed"] = sum(counts.values())
    counts["rejected"] = len(corpus.rejected)
    return counts


def shown_headers(frame: pd.DataFrame) -> pd.DataFrame:
    """The log and orphan tables with translated headers and actions; unchanged in English."""
    if i18n.language() == "en":
        return frame
    shown = frame.copy()
    if "action" in shown.columns:
        shown["action"] = [code_label("action", a) for a in shown["action"]]
    if "field" in shown.columns:
        shown["field"] = [field_label(str(f)) if text_of(f) else "" for f in shown["field"]]
    if "reason" in shown.columns:
        shown["reason"] = [code_label("reason", r) for r in shown["reason"]]
    if "record" in shown.columns and "record_id" in shown.columns:
        shown["record"] = [_(KIND_TITLES[k]) if k in KIND_TITLES else k for k in shown["record"].astype(str)]
        return shown.rename(columns={c: _(LOG_HEADERS[c]) for c in shown.columns
                                     if c in LOG_HEADERS and c != "record"} | {"record": _("kind")})
    return shown.rename(columns={c: _(LOG_HEADERS[c]) for c in shown.columns if c in LOG_HEADERS})


def orphan_notice(corpus: core.Corpus) -> None:
    """For the Sources page: the orphaned corrections as a table (their messages are notices already)."""
    if len(corpus.orphans):
        with st.expander(_("Orphaned corrections ({n}), not applied").format(n=i18n.number(len(corpus.orphans)))):
            st.dataframe(shown_headers(corpus.orphans), hide_index=True, key="src_orphans")


def review_link(doc: str) -> None:
    """A link to the Review page for one article."""
    # urlencode leaves only letters, digits, %, +, =, & and . _ - in the address: nothing Markdown reads.
    label = md_escape(_("Review the records of this article"))
    st.markdown(f"[{label}]({review_url(doc)})")
