"""Analyst review in the dashboard: the Review page, and the marks, links and filter every page shares.

Corrections are written by core.review into `corrections.jsonl` in the articles folder; the loader's
cache key (ui.data.folder_fingerprint) covers every file of the folder, so the next run of any page,
in any session, shows the reviewed tables without a restart. Notes and article text are untrusted:
Markdown goes through ui.safety.md_escape, HTML through html.escape (ui.evidence), tables and
widget labels are shown as text by Streamlit.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlencode

import pandas as pd
import pycountry
import streamlit as st

import core
from core import review, tables
from core.gazetteer import english_name
from core.reference import EDITIONS
from ui.evidence import Highlight, highlighted_html, legend_html, rtl_block
from ui.filters import URL
from ui.i18n import N_, _
from ui.labels import kind_label, scope_label, text_of
from ui.safety import md_escape

REVIEW_PAGE = "Review"  # url path of pages/5_Review.py
LABELS = {"unreviewed": "", "confirmed": N_("confirmed by analyst"), "corrected": N_("corrected by analyst"),
          "added": N_("added by analyst")}
FIELD_LABELS = {"kind": "kind", "year": "year", "date": "date", "host_iso3": "host", "role": "role",
                "tense": "tense", "countries_stated": "delegation size", "gcc": "GCC", "iso3": "state",
                "country_iso3": "country", "survey_year": "survey year", "scope": "scope", "rank": "rank"}
KIND_TITLES = {"event": "Event", "participant": "Participant", "ranking": "Ranking claim"}
FLASH = "rv_flash"


# ---------------------------------------------------------------- labels every page uses

def review_label(state: object) -> str:
    """'corrected by analyst', 'added by analyst', 'confirmed by analyst', or '' for unreviewed."""
    label = LABELS.get(text_of(state), text_of(state))
    return _(label) if label else ""


def extracted_text(extracted: object) -> str:
    """The JSON of extracted values as 'host: BHR; year: 2015' ('' when nothing was corrected)."""
    raw = text_of(extracted)
    if not raw:
        return ""
    try:
        values = json.loads(raw)
    except ValueError:
        return raw
    return "; ".join(f"{FIELD_LABELS.get(k, k)}: {'not stated' if v in (None, '') else v}" for k, v in values.items())


def mark_tooltip(row: dict) -> str:
    """The hover text of a reviewed record: what the extractor gave, and the analyst's note (plain text)."""
    parts = []
    before = extracted_text(row.get("extracted"))
    if before:
        parts.append(f"extracted: {before}")
    if text_of(row.get("review")) == "added":
        parts.append("not extracted; added by an analyst")
    if text_of(row.get("review_note")):
        parts.append(f"note: {text_of(row.get('review_note'))}")
    return " · ".join(parts)


def review_url(doc: object, record: object = None) -> str:
    """Relative link to the Review page for an article (and a record of it)."""
    params = {"rv_doc": text_of(doc)}
    if text_of(record):
        params["rv_record"] = text_of(record)
    return f"{REVIEW_PAGE}?{urlencode(params)}"


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
                         "{confirmed} confirmed); {rejected} rejected.").format(**counts))
    if not on:
        return corpus
    participants = corpus.participants[corpus.participants["review"] != "unreviewed"]
    events = corpus.events[(corpus.events["review"] != "unreviewed")
                           | corpus.events["event_id"].isin(set(participants["event_id"]))]
    rankings = corpus.rankings[corpus.rankings["review"] != "unreviewed"]
    return dataclasses.replace(corpus, events=events, participants=participants, rankings=rankings)


def review_counts(corpus: core.Corpus) -> dict[str, int]:
    states = pd.concat([getattr(corpus, name)["review"] for name in ("events", "participants", "rankings")])
    counts = {state: int((states == state).sum()) for state in ("confirmed", "corrected", "added")}
    counts["reviewed"] = sum(counts.values())
    counts["rejected"] = len(corpus.rejected)
    return counts


# ---------------------------------------------------------------- the Review page

def _flash(kind: str, text: str) -> None:
    st.session_state.setdefault(FLASH, []).append((kind, text))


def _show_flash() -> None:
    for kind, text in st.session_state.pop(FLASH, []):
        {"success": st.success, "error": st.error, "info": st.info}[kind](md_escape(text))


def _state_names() -> dict[str, str]:
    names = {c.alpha_3: english_name(c.alpha_3) or c.name for c in pycountry.countries}
    return dict(sorted(names.items(), key=lambda item: item[1]))


def _state_label(names: dict[str, str]) -> Callable[[str], str]:
    return lambda iso: "not stated" if not iso else f"{names.get(iso, iso)} ({iso})"


def record_rows(corpus: core.Corpus, doc: str) -> list[tuple[str, dict]]:
    """(kind, row) of every record of `doc`: events, participants, claims, then the rejected ones."""
    out: list[tuple[str, dict]] = []
    for kind, name in review.TABLE_OF.items():
        frame = getattr(corpus, name)
        out += [(kind, row) for row in frame[frame["doc"] == doc].to_dict("records")]
    rejected = corpus.rejected
    if len(rejected):
        out += [(row["record"], {**row, "review": "rejected"})
                for row in rejected[rejected["doc"] == doc].to_dict("records")]
    return out


def _summary(kind: str, row: dict, names: dict[str, str]) -> str:
    state = text_of(row.get("review"))
    mark = {"unreviewed": "", "rejected": " — rejected"}.get(state, f" — {review_label(state)}")
    if state == "rejected" and kind != "participant":
        return f"{KIND_TITLES[kind]} {row['record_id']}: {text_of(row.get('what'))}{mark}"
    if kind == "event":
        when = text_of(row.get("date")) or text_of(row.get("year")) or "undated"
        host = names.get(text_of(row.get("host_iso3")), "host not stated")
        what = f"{text_of(row.get('role'))} {kind_label(text_of(row.get('kind')))}, {when}, {host}"
    elif kind == "participant":
        what = f"{names.get(text_of(row.get('iso3')), text_of(row.get('iso3')))} in {text_of(row.get('event_id'))}"
    else:
        what = (f"{text_of(row.get('country_iso3'))} {scope_label(text_of(row.get('scope')))} rank "
                f"{text_of(row.get('rank'))} in {text_of(row.get('survey_year')) or '?'}")
    return f"{KIND_TITLES[kind]} {row['record_id']}: {what}{mark}"


def _highlights(records: list[tuple[str, dict]]) -> list[Highlight]:
    style = {"event": "event", "participant": "participant", "ranking": "claim"}
    merged: dict[tuple[int, int, str], list[str]] = {}
    for kind, row in records:
        if text_of(row.get("review")) == "rejected":
            continue
        start, end = row.get("start"), row.get("end")
        if kind == "ranking" and text_of(row.get("review")) != "added":
            start, end = row.get("surface_start"), row.get("surface_end")
        if text_of(start) == "" or text_of(end) == "":
            continue
        label = review_label(row.get("review")) or "as extracted"
        tip = mark_tooltip(row)
        note = f"{row['record_id']} ({label}{'; ' + tip if tip else ''})"
        merged.setdefault((int(start), int(end), style[kind] if kind != "ranking" else "rank"), []).append(note)
    return [Highlight(s, e, k, "; ".join(notes)) for (s, e, k), notes in merged.items()]


def _act(action: Callable[[], dict], done: str) -> None:
    """Run a core.review write; a flash message says what happened; rerun so every table shows it."""
    try:
        action()
    except review.ReviewError as exc:
        _flash("error", f"Not saved: {exc}")
    except OSError as exc:
        _flash("error", f"Not saved: the corrections file cannot be written ({exc.strerror or exc})")
    else:
        _flash("success", done)
    st.rerun()


def _edit_widgets(kind: str, row: dict, rid: str, names: dict[str, str], columns: list[str]) -> dict:
    """The correction widgets of a record, seeded with its current values; {field: value chosen}."""
    values: dict = {}
    fmt_state = _state_label(names)
    states = list(names)
    if kind == "event":
        c1, c2, c3, c4 = st.columns(4)
        values["kind"] = c1.selectbox("Kind", tables.EVENT_KINDS, key=f"rv_kind_{rid}",
                                      index=_index(tables.EVENT_KINDS, row.get("kind")), format_func=kind_label)
        values["role"] = c2.selectbox("Role", review.ROLES, key=f"rv_role_{rid}", index=_index(review.ROLES, row.get("role")),
                                      help="main: the event the article reports; mentioned: an earlier or later one.")
        if "tense" in columns:
            values["tense"] = c3.selectbox("Tense", review.TENSES, key=f"rv_tense_{rid}",
                                           index=_index(review.TENSES, row.get("tense")))
        values["gcc"] = c4.checkbox("GCC event", value=bool(row.get("gcc") is True), key=f"rv_gcc_{rid}")
        c1, c2, c3, c4 = st.columns(4)
        values["year"] = c1.text_input("Year", value=text_of(row.get("year")), key=f"rv_year_{rid}",
                                       help=f"{review.EVENT_YEARS[0]}–{review.EVENT_YEARS[1]}; empty = not known")
        values["date"] = c2.text_input("Date", value=text_of(row.get("date")), key=f"rv_date_{rid}",
                                       help="YYYY-MM-DD, YYYY-MM or YYYY; empty = none")
        hosts = ["", *states]
        values["host_iso3"] = c3.selectbox("Host", hosts, key=f"rv_host_{rid}",
                                           index=_index(hosts, text_of(row.get("host_iso3"))), format_func=fmt_state)
        values["countries_stated"] = c4.text_input("Delegation size (states stated)",
                                                   value=text_of(row.get("countries_stated")), key=f"rv_size_{rid}",
                                                   help="The number of states the article states; empty = none stated.")
    elif kind == "participant":
        values["iso3"] = st.selectbox("State", states, key=f"rv_state_{rid}",
                                      index=_index(states, text_of(row.get("iso3"))), format_func=fmt_state)
    else:
        c1, c2, c3, c4 = st.columns(4)
        values["country_iso3"] = c1.selectbox("Country", states, key=f"rv_country_{rid}",
                                              index=_index(states, text_of(row.get("country_iso3"))), format_func=fmt_state)
        years = ["", *map(str, EDITIONS)]
        values["survey_year"] = c2.selectbox("Survey year", years, key=f"rv_survey_{rid}",
                                             index=_index(years, text_of(row.get("survey_year"))),
                                             format_func=lambda y: y or "not stated")
        values["scope"] = c3.selectbox("Scope", tables.SCOPES, key=f"rv_scope_{rid}",
                                       index=_index(tables.SCOPES, row.get("scope")), format_func=scope_label)
        values["rank"] = c4.number_input("Rank", min_value=1, max_value=review.RANK_MAX, step=1,
                                         value=int(row["rank"]) if text_of(row.get("rank")) else 1, key=f"rv_rank_{rid}")
    return values


def _index(options, value) -> int:
    options = list(options)
    return options.index(value) if value in options else 0


def _changes(kind: str, row: dict, values: dict) -> dict:
    """The fields whose chosen value differs from the record's current value (compared as stored)."""
    changed = {}
    for name, value in values.items():
        try:
            new = review.check_value(kind, name, value)
        except review.ReviewError:
            changed[name] = value  # refused with its message when saved
            continue
        current = row.get(name)
        current = None if text_of(current) == "" else current
        if name == "gcc":
            current = bool(current)
        if (new if new != "" else None) != (current.item() if hasattr(current, "item") else current):
            changed[name] = value
    return changed


def _record_panel(corpus: core.Corpus, folder: Path, kind: str, row: dict, names: dict[str, str]) -> None:
    rid = row["record_id"]
    state = text_of(row.get("review"))
    st.markdown(f"**{md_escape(_summary(kind, row, names))}**")
    if state not in ("unreviewed", "rejected"):
        review_mark(row)
        tip = mark_tooltip(row)
        if tip:
            st.caption(md_escape(tip))
    text = corpus.texts.get(row["doc"], "")
    if text_of(row.get("start")) and text_of(row.get("end")):
        st.html(rtl_block(text[int(row["start"]):int(row["end"])]))
    note = st.text_input("Note (optional)", key=f"rv_note_{rid}", max_chars=review.NOTE_MAX,
                         help="Why; kept in the log with the change and shown as plain text.")
    if state == "rejected":
        if st.button("Restore (confirm)", key="rv_confirm", type="primary"):
            _act(lambda: review.set_status(corpus, rid, "confirm", note, folder), f"{rid} restored and confirmed.")
        return
    values = _edit_widgets(kind, row, rid, names, list(getattr(corpus, review.TABLE_OF[kind]).columns))
    c1, c2, c3 = st.columns(3)
    if c1.button("Save correction", key="rv_save", type="primary"):
        changes = _changes(kind, row, values)
        if not changes:
            _flash("info", "Nothing changed: use Confirm to mark the record as checked.")
            st.rerun()

        def save() -> dict:
            entry = {}
            for name, value in changes.items():  # validate all before writing any
                review.check_value(kind, name, value)
            for name, value in changes.items():
                entry = review.set_field(corpus, rid, name, value, note, folder)
            return entry
        _act(save, f"{rid}: corrected {', '.join(FIELD_LABELS.get(n, n) for n in changes)}.")
    if c2.button("Confirm", key="rv_confirm"):
        _act(lambda: review.set_status(corpus, rid, "confirm", note, folder), f"{rid} confirmed.")
    if c3.button("Reject", key="rv_reject"):
        _act(lambda: review.set_status(corpus, rid, "reject", note, folder), f"{rid} rejected.")


def _add_panel(corpus: core.Corpus, folder: Path, doc: str, names: dict[str, str]) -> None:
    text = corpus.texts.get(doc, "")
    sentences = review.article_sentences(text) if text else []
    if not sentences:
        st.caption("This article has no text to add records from.")
        return
    what = st.radio("Add", ["participant", "event", "claim"], key="rv_add_what", horizontal=True,
                    format_func={"participant": "a participant", "event": "an event", "claim": "a ranking claim"}.get)
    spans = [f"{a}:{b}" for a, b, _ in sentences]
    by_span = {f"{a}:{b}": s for a, b, s in sentences}
    span = st.selectbox("The sentence it comes from", spans, key="rv_add_sentence",
                        format_func=lambda s: f"{s} · {by_span[s][:90]}{'…' if len(by_span[s]) > 90 else ''}")
    st.html(rtl_block(by_span[span]))
    start, end = (int(x) for x in span.split(":"))
    fmt_state = _state_label(names)
    states = list(names)
    note = st.text_input("Note (optional)", key="rv_add_note", max_chars=review.NOTE_MAX)
    if what == "participant":
        events = corpus.events[corpus.events["doc"] == doc]
        if events.empty:
            st.caption("This article has no event yet: add the event first.")
            return
        labels = {r["record_id"]: _summary("event", r, names) for r in events.to_dict("records")}
        event = st.selectbox("Event", list(labels), key="rv_add_event", format_func=labels.get)
        state = st.selectbox("State", states, key="rv_add_state", format_func=fmt_state)
        if st.button("Add participant", key="rv_add", type="primary"):
            _act(lambda: review.add_participant(corpus, event, state, note, (start, end), folder),
                 f"{names.get(state, state)} added to {event}.")
    elif what == "event":
        c1, c2, c3, c4 = st.columns(4)
        values = {"kind": c1.selectbox("Kind", tables.EVENT_KINDS, key="rv_add_kind", format_func=kind_label),
                  "role": c2.selectbox("Role", review.ROLES, key="rv_add_role", index=1),
                  "year": c3.text_input("Year", key="rv_add_year"),
                  "host_iso3": c4.selectbox("Host", ["", *states], key="rv_add_host", format_func=fmt_state)}
        c1, c2, c3 = st.columns(3)
        values["date"] = c1.text_input("Date", key="rv_add_date", help="YYYY-MM-DD, YYYY-MM or YYYY")
        values["countries_stated"] = c2.text_input("Delegation size", key="rv_add_size")
        values["gcc"] = c3.checkbox("GCC event", key="rv_add_gcc")
        if "tense" in corpus.events.columns:
            values["tense"] = st.selectbox("Tense", review.TENSES, key="rv_add_tense")
        if st.button("Add event", key="rv_add", type="primary"):
            _act(lambda: review.add_event(corpus, doc, (start, end), values, note, folder), "Event added.")
    else:
        c1, c2, c3, c4 = st.columns(4)
        values = {"country_iso3": c1.selectbox("Country", states, key="rv_add_country", index=_index(states, "BHR"),
                                               format_func=fmt_state),
                  "survey_year": c2.selectbox("Survey year", ["", *map(str, EDITIONS)], key="rv_add_survey",
                                              format_func=lambda y: y or "not stated"),
                  "scope": c3.selectbox("Scope", tables.SCOPES, key="rv_add_scope", format_func=scope_label),
                  "rank": c4.number_input("Rank", min_value=1, max_value=review.RANK_MAX, step=1, key="rv_add_rank")}
        if st.button("Add claim", key="rv_add", type="primary"):
            _act(lambda: review.add_claim(corpus, doc, (start, end), values, note, folder), "Ranking claim added.")


def _url_select(label: str, options: list[str], key: str, format_func: Callable[[str], str]) -> str:
    """A select box whose URL parameter `key` holds the option's value (a record id), not its label.

    bind="query-params" would put the long label in the URL, and links that name a record by its id
    (every table's Review link) would not open it. A parameter naming an option chooses it when it
    first appears or changes; every choice is written back.
    """
    param = st.query_params.get(key)
    seen = f"_{key}_url"
    if key in st.session_state and st.session_state[key] not in options:
        del st.session_state[key]
    # A new or changed parameter chooses; so does the parameter when the widget has no state (a run after
    # st.rerun() can arrive without it), so the choice never falls back to the first option.
    if param in options and (param != st.session_state.get(seen) or key not in st.session_state):
        st.session_state[key] = param
    st.session_state[seen] = param
    value = st.selectbox(label, options, key=key, format_func=format_func)
    if st.query_params.get(key) != value:
        st.query_params[key] = value
        st.session_state[seen] = value
    return value


def review_page(corpus: core.Corpus, folder: Path) -> None:
    """The Review page body: choose an article and a record; confirm, correct, reject or add; undo; orphans."""
    _show_flash()
    documents = corpus.documents
    if documents.empty:
        st.info("The articles folder holds no articles to review.")
        return
    names = _state_names()
    doc = st.selectbox("Article", list(documents["doc"]), key="rv_doc", bind=URL,
                       help="The file name in the articles folder.")
    records = record_rows(corpus, doc)
    st.caption(f"Corrections are kept in `{review.LOG_NAME}` in the articles folder, one line per action; "
               "nothing is overwritten, an undo is a new line. Every page shows the reviewed values.")
    text = corpus.texts.get(doc, "")
    if text:
        with st.expander("Article text with the records highlighted (hover a highlight)", expanded=False):
            st.html(legend_html())
            st.html(highlighted_html(text, _highlights(records)))

    st.subheader("Review a record")
    if records:
        by_id = {row["record_id"]: (kind, row) for kind, row in records}
        rid = _url_select("Record", list(by_id), "rv_record",
                          format_func=lambda r: _summary(by_id[r][0], by_id[r][1], names))
        _record_panel(corpus, folder, *by_id[rid], names)
    else:
        st.caption("Nothing was extracted from this article; add what it reports below.")

    st.subheader("Add a missing record")
    _add_panel(corpus, folder, doc, names)

    st.subheader("The log")
    if st.button("Undo the latest entry", key="rv_undo",
                 help="Adds an undo line cancelling the latest entry of the log (any article)."):
        _act(lambda: review.undo_last(folder), "The latest entry was undone.")
    entries, _ = review.read_log(folder)
    mine = [e for e in entries if e.anchor.get("doc") == doc or e.action == "undo"]
    if mine:
        log = pd.DataFrame([{"line": e.line, "time": e.data.get("time", ""), "action": e.action,
                             "record": e.record or e.data.get("target", ""), "field": e.data.get("field", ""),
                             "old": review._as_text(e.data.get("old")), "new": review._as_text(e.data.get("new")),
                             "note": e.data.get("note", "")} for e in mine])
        st.dataframe(log, hide_index=True, key="rv_log")
    else:
        st.caption("No corrections for this article yet.")
    for problem in review.log_problems(corpus):
        st.warning(md_escape(problem))
    if len(corpus.orphans):
        st.warning(f"{len(corpus.orphans)} correction(s) are orphaned: their article changed or their record is "
                   "no longer extracted. They are not applied; review the records again.")
        st.dataframe(corpus.orphans, hide_index=True, key="rv_orphans")


def orphan_notice(corpus: core.Corpus) -> None:
    """For the Sources page: the orphaned corrections as a table (their messages are notices already)."""
    if len(corpus.orphans):
        with st.expander(f"Orphaned corrections ({len(corpus.orphans)}), not applied"):
            st.dataframe(corpus.orphans, hide_index=True, key="src_orphans")


def review_link(doc: str) -> None:
    """A link to the Review page for one article."""
    # urlencode leaves only letters, digits, %, +, =, & and . _ - in the address: nothing Markdown reads.
    label = md_escape(_("Review the records of this article"))
    st.markdown(f"[{label}]({review_url(doc)})")
