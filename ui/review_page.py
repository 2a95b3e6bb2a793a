"""The Review page: an article's records with their evidence highlighted, a panel per record to confirm,
correct or reject it, a panel to add a record, and the corrections log. Every action goes through
core.review, which checks the value and appends one line to the log.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pycountry
import streamlit as st

import core
from core import tables
from core import review
from core.text.gazetteer import english_name
from core.reference import EDITIONS
from ui.evidence import Highlight, highlighted_html, legend_html, rtl_block
from ui.filters import URL
from ui import i18n
from ui.i18n import N_, _, frozen
from ui.labels import kind_label, scope_label, tense_label, text_of
from ui.messages import core_message
from ui.safety import md_escape
from ui.story_review import story_panel
from ui.review import NOTE_SHOWN, FLASH, KIND_TITLES, ROLE_LABELS, shown_headers, field_label, mark_tooltip, review_label, review_mark




def _flash(kind: str, text: str) -> None:
    st.session_state.setdefault(FLASH, []).append((kind, text))


def _show_flash() -> None:
    for kind, text in st.session_state.pop(FLASH, []):
        {"success": st.success, "error": st.error, "info": st.info, "warning": st.warning}[kind](md_escape(text))


def _state_names() -> dict[str, str]:
    """Every ISO 3166 state's name in the run's language (English: the project's names), sorted by name."""
    names = {c.alpha_3: i18n.country(c.alpha_3, english_name(c.alpha_3) or c.name) for c in pycountry.countries}
    return dict(sorted(names.items(), key=lambda item: item[1]))


def _state_label(names: dict[str, str]) -> Callable[[str], str]:
    return frozen(lambda iso: _("not stated") if not iso else f"{names.get(iso, iso)} ({iso})")


def _role_label(role: object) -> str:
    text = text_of(role)
    return _(ROLE_LABELS[text]) if text in ROLE_LABELS else text


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
    mark = {"unreviewed": "", "rejected": " — " + _("rejected")}.get(state, f" — {review_label(state)}")
    title = _(KIND_TITLES[kind])
    if state == "rejected" and kind != "participant":
        what = text_of(row.get("what"))  # core's description of the rejected record, kept as data
    elif kind == "event":
        when = i18n.digits(text_of(row.get("date")) or text_of(row.get("year"))) or _("undated")
        host = names.get(text_of(row.get("host_iso3")), _("host not stated"))
        what = _("{role} {kind}, {when}, {host}").format(role=_role_label(row.get("role")),
                                                         kind=kind_label(text_of(row.get("kind"))), when=when, host=host)
    elif kind == "participant":
        what = _("{state} in {event}").format(state=names.get(text_of(row.get("iso3")), text_of(row.get("iso3"))),
                                              event=text_of(row.get("event_id")))
    else:
        country = text_of(row.get("country_iso3"))
        what = _("{country} {scope} rank {rank} in {year}").format(
            country=i18n.country(country) if country else "", scope=scope_label(text_of(row.get("scope"))),
            rank=i18n.digits(text_of(row.get("rank"))), year=i18n.digits(text_of(row.get("survey_year"))) or "?")
    return _("{kind} {record}: {what}").format(kind=title, record=row["record_id"], what=what) + mark


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
        label = review_label(row.get("review")) or _("as extracted")
        tip = mark_tooltip(row)
        detail = label + (_("; ") + tip if tip else "")
        note = f"{row['record_id']} ({detail})"
        merged.setdefault((int(start), int(end), style[kind] if kind != "ranking" else "rank"), []).append(note)
    return [Highlight(s, e, k, _("; ").join(notes)) for (s, e, k), notes in merged.items()]


def _act(action: Callable[[], dict], done: str) -> None:
    """Run a core.review write; a flash message says what happened; rerun so every table shows it.

    core.review's refusals are English sentences (the command line shows the same ones): the page
    frames them in its own language and keeps the reason as written."""
    try:
        action()
    except review.ReviewError as exc:
        _flash("error", _("Not saved: {reason}").format(reason=i18n.isolate(exc)))
    except OSError as exc:
        _flash("error", _("Not saved: the corrections file cannot be written ({error})").format(
            error=i18n.isolate(exc.strerror or exc)))
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
        values["kind"] = c1.selectbox(_("Kind"), tables.EVENT_KINDS, key=f"rv_kind_{rid}",
                                      index=_index(tables.EVENT_KINDS, row.get("kind")), format_func=frozen(kind_label))
        values["role"] = c2.selectbox(_("Role"), review.ROLES, key=f"rv_role_{rid}",
                                      index=_index(review.ROLES, row.get("role")), format_func=frozen(_role_label),
                                      help=_("main: the event the article reports; mentioned: an earlier or later one."))
        if "tense" in columns:
            values["tense"] = c3.selectbox(_("Tense"), review.TENSES, key=f"rv_tense_{rid}",
                                           index=_index(review.TENSES, row.get("tense")), format_func=frozen(tense_label))
        values["gcc"] = c4.checkbox(_("GCC event"), value=bool(row.get("gcc") is True), key=f"rv_gcc_{rid}")
        c1, c2, c3, c4 = st.columns(4)
        values["year"] = c1.text_input(_("Year"), value=text_of(row.get("year")), key=f"rv_year_{rid}",
                                       help=_("{low}–{high}; empty = not known").format(
                                           low=review.EVENT_YEARS[0], high=review.EVENT_YEARS[1]))
        values["date"] = c2.text_input(_("Date"), value=text_of(row.get("date")), key=f"rv_date_{rid}",
                                       help=_("YYYY-MM-DD, YYYY-MM or YYYY; empty = none"))
        hosts = ["", *states]
        values["host_iso3"] = c3.selectbox(_("Host"), hosts, key=f"rv_host_{rid}",
                                           index=_index(hosts, text_of(row.get("host_iso3"))), format_func=fmt_state)
        values["countries_stated"] = c4.text_input(_("Delegation size (states stated)"),
                                                   value=text_of(row.get("countries_stated")), key=f"rv_size_{rid}",
                                                   help=_("The number of states the article states; empty = none stated."))
    elif kind == "participant":
        values["iso3"] = st.selectbox(_("State"), states, key=f"rv_state_{rid}",
                                      index=_index(states, text_of(row.get("iso3"))), format_func=fmt_state)
    else:
        c1, c2, c3, c4 = st.columns(4)
        values["country_iso3"] = c1.selectbox(_("Country"), states, key=f"rv_country_{rid}",
                                              index=_index(states, text_of(row.get("country_iso3"))), format_func=fmt_state)
        years = ["", *map(str, EDITIONS)]
        values["survey_year"] = c2.selectbox(_("Survey year"), years, key=f"rv_survey_{rid}",
                                             index=_index(years, text_of(row.get("survey_year"))),
                                             format_func=_year_label())
        values["scope"] = c3.selectbox(_("Scope"), tables.SCOPES, key=f"rv_scope_{rid}",
                                       index=_index(tables.SCOPES, row.get("scope")), format_func=frozen(scope_label))
        values["rank"] = c4.number_input(_("Rank"), min_value=1, max_value=review.RANK_MAX, step=1,
                                         value=_rank_value(row.get("rank")), key=f"rv_rank_{rid}")
    return values


def _rank_value(rank: object) -> int | None:
    """The rank the form starts with: empty (None) when missing or outside 1..RANK_MAX, never a made-up one
    that a save of another field would write."""
    value = int(rank) if text_of(rank) else None
    return value if value is not None and 1 <= value <= review.RANK_MAX else None


def _year_label() -> Callable[[str], str]:
    return frozen(lambda y: i18n.digits(y) if y else _("not stated"))


def _index(options, value) -> int:
    options = list(options)
    return options.index(value) if value in options else 0


# Widget keys of a record's correction form (+ record id), and the values the form was opened with.
FORM_KEYS = ("rv_kind_", "rv_role_", "rv_tense_", "rv_gcc_", "rv_year_", "rv_date_", "rv_host_", "rv_size_",
             "rv_state_", "rv_country_", "rv_survey_", "rv_scope_", "rv_rank_", "rv_opened_")


def _current(row: dict, name: str) -> object:
    """A record's value of field `name` as the log stores it (None when empty)."""
    current = row.get(name)
    current = None if text_of(current) == "" else current
    if name == "gcc":
        current = bool(current)
    return current.item() if hasattr(current, "item") else current


def _changes(kind: str, row: dict, values: dict, opened: dict) -> tuple[dict, dict]:
    """(fields to write, fields changed meanwhile): a field counts as changed when the form's value differs
    from the value the form was opened with; if the record's value differs from it too, someone else
    changed the field meanwhile and it is reported ({field: value now}), never overwritten."""
    changed, conflicts = {}, {}
    for name, value in values.items():
        try:
            new = review.check_value(kind, name, value)
        except review.ReviewError:
            changed[name] = value  # refused with its message when saved
            continue
        new = None if new == "" else new
        if new == opened.get(name):
            continue  # not changed in this form (even if the record changed: a colleague's or an undo)
        if _current(row, name) != opened.get(name):
            conflicts[name] = _current(row, name)
        elif new != _current(row, name):
            changed[name] = value
    return changed, conflicts


def _forget_forms(rid: str = "") -> None:
    """Drop the correction form of record `rid` (every form when ''), so it opens again on the stored values."""
    for key in [k for k in st.session_state if isinstance(k, str) and k.startswith(FORM_KEYS) and k.endswith(rid)]:
        del st.session_state[key]


def _record_panel(corpus: core.Corpus, folder: Path, kind: str, row: dict, names: dict[str, str]) -> None:
    rid = row["record_id"]
    state = text_of(row.get("review"))
    st.markdown(f"**{md_escape(_summary(kind, row, names))}**")
    if state not in ("unreviewed", "rejected"):
        review_mark(row)
        tip = mark_tooltip(row)
        if tip:
            st.caption(md_escape(tip))
        if len(text_of(row.get("review_note"))) > NOTE_SHOWN:
            with st.expander(_("The whole note")):
                st.text(text_of(row.get("review_note")))
    text = corpus.texts.get(row["doc"], "")
    if text_of(row.get("start")) and text_of(row.get("end")):
        st.html(rtl_block(text[int(row["start"]):int(row["end"])]))
    note = st.text_input(_("Note (optional)"), key=f"rv_note_{rid}", max_chars=review.NOTE_MAX,
                         help=_("Why; kept in the log with the change and shown as plain text."))
    if state == "rejected":
        if st.button(_("Restore (confirm)"), key="rv_confirm", type="primary"):
            _act(lambda: review.set_status(corpus, rid, "confirm", note, folder),
                 _("{record} restored and confirmed.").format(record=rid))
        return
    values = _edit_widgets(kind, row, rid, names, list(getattr(corpus, review.TABLE_OF[kind]).columns))
    opened = st.session_state.setdefault(f"rv_opened_{rid}", {name: _current(row, name) for name in values})
    c1, c2, c3 = st.columns(3)
    if c1.button(_("Save correction"), key="rv_save", type="primary"):
        changes, conflicts = _changes(kind, row, values, opened)
        if conflicts:
            _flash("warning", _("{record}: {fields} changed meanwhile (now {values}); not overwritten. The form "
                                "shows the stored values again.").format(
                record=rid, fields=_(", ").join(field_label(n) for n in conflicts),
                values=_(", ").join(text_of(v) or _("not stated") for v in conflicts.values())))
            _forget_forms(rid)
        if not changes:
            if not conflicts:
                _flash("info", _("Nothing changed: use Confirm to mark the record as checked."))
            st.rerun()

        _save_fields(corpus, folder, kind, rid, changes, note)
    if c2.button(_("Confirm"), key="rv_confirm"):
        _act(lambda: review.set_status(corpus, rid, "confirm", note, folder), _("{record} confirmed.").format(record=rid))
    if c3.button(_("Reject"), key="rv_reject"):
        _act(lambda: review.set_status(corpus, rid, "reject", note, folder), _("{record} rejected.").format(record=rid))


def _save_fields(corpus: core.Corpus, folder: Path, kind: str, rid: str, changes: dict, note: str) -> None:
    """Write each changed field (all validated first); the flash says exactly which were written and which
    were not, so a failure half-way (a full disk) is never reported as nothing saved, nor retried twice."""
    try:
        for name, value in changes.items():
            review.check_value(kind, name, value)
    except review.ReviewError as exc:
        _flash("error", _("Not saved: {reason}").format(reason=i18n.isolate(exc)))
        st.rerun()
    written: list[str] = []
    for name, value in changes.items():
        try:
            review.set_field(corpus, rid, name, value, note, folder)
        except (review.ReviewError, OSError) as exc:
            reason = exc.strerror or exc if isinstance(exc, OSError) else exc
            _flash("error", _("Not saved: {fields} ({reason})").format(
                fields=_(", ").join(field_label(n) for n in changes if n not in written), reason=i18n.isolate(reason)))
            break
        written.append(name)
    if written:
        _flash("success", _("{record}: corrected {fields}.").format(
            record=rid, fields=_(", ").join(field_label(n) for n in written)))
    if len(written) == len(changes):
        _forget_forms(rid)  # the form opens again on the values stored
    else:  # keep what was not saved in the form; what was saved is now the value it was opened with
        opened = st.session_state.get(f"rv_opened_{rid}", {})
        stored = {n: review.check_value(kind, n, changes[n]) for n in written}
        opened.update({n: None if v == "" else v for n, v in stored.items()})
    st.rerun()


ADD_WHAT = {"participant": N_("a participant"), "event": N_("an event"), "claim": N_("a ranking claim")}


def _add_panel(corpus: core.Corpus, folder: Path, doc: str, names: dict[str, str]) -> None:
    text = corpus.texts.get(doc, "")
    sentences = review.article_sentences(text) if text else []
    if not sentences:
        st.caption(_("This article has no text to add records from."))
        return
    what = st.radio(_("Add"), list(ADD_WHAT), key="rv_add_what", horizontal=True,
                    format_func=frozen(lambda w: _(ADD_WHAT[w])))
    spans = [f"{a}:{b}" for a, b, _sentence in sentences]
    by_span = {f"{a}:{b}": s for a, b, s in sentences}
    span = st.selectbox(_("The sentence it comes from"), spans, key="rv_add_sentence",
                        format_func=lambda s: f"{s} · {by_span[s][:90]}{'…' if len(by_span[s]) > 90 else ''}")
    st.html(rtl_block(by_span[span]))
    start, end = (int(x) for x in span.split(":"))
    fmt_state = _state_label(names)
    states = list(names)
    note = st.text_input(_("Note (optional)"), key="rv_add_note", max_chars=review.NOTE_MAX)
    if what == "participant":
        events = corpus.events[corpus.events["doc"] == doc]
        if events.empty:
            st.caption(_("This article has no event yet: add the event first."))
            return
        labels = {r["record_id"]: _summary("event", r, names) for r in events.to_dict("records")}
        event = st.selectbox(_("Event"), list(labels), key="rv_add_event", format_func=labels.get)
        state = st.selectbox(_("State"), states, key="rv_add_state", format_func=fmt_state)
        if st.button(_("Add participant"), key="rv_add", type="primary"):
            _act(lambda: review.add_participant(corpus, event, state, note, (start, end), folder),
                 _("{state} added to {event}.").format(state=names.get(state, state), event=event))
    elif what == "event":
        c1, c2, c3, c4 = st.columns(4)
        values = {"kind": c1.selectbox(_("Kind"), tables.EVENT_KINDS, key="rv_add_kind", format_func=frozen(kind_label)),
                  "role": c2.selectbox(_("Role"), review.ROLES, key="rv_add_role", index=1,
                                       format_func=frozen(_role_label)),
                  "year": c3.text_input(_("Year"), key="rv_add_year"),
                  "host_iso3": c4.selectbox(_("Host"), ["", *states], key="rv_add_host", format_func=fmt_state)}
        c1, c2, c3 = st.columns(3)
        values["date"] = c1.text_input(_("Date"), key="rv_add_date", help=_("YYYY-MM-DD, YYYY-MM or YYYY"))
        values["countries_stated"] = c2.text_input(_("Delegation size"), key="rv_add_size")
        values["gcc"] = c3.checkbox(_("GCC event"), key="rv_add_gcc")
        if "tense" in corpus.events.columns:
            values["tense"] = st.selectbox(_("Tense"), review.TENSES, key="rv_add_tense", format_func=frozen(tense_label))
        if st.button(_("Add event"), key="rv_add", type="primary"):
            _act(lambda: review.add_event(corpus, doc, (start, end), values, note, folder), _("Event added."))
    else:
        c1, c2, c3, c4 = st.columns(4)
        values = {"country_iso3": c1.selectbox(_("Country"), states, key="rv_add_country", index=_index(states, "BHR"),
                                               format_func=fmt_state),
                  "survey_year": c2.selectbox(_("Survey year"), ["", *map(str, EDITIONS)], key="rv_add_survey",
                                              format_func=_year_label()),
                  "scope": c3.selectbox(_("Scope"), tables.SCOPES, key="rv_add_scope", format_func=frozen(scope_label)),
                  "rank": c4.number_input(_("Rank"), min_value=1, max_value=review.RANK_MAX, step=1, key="rv_add_rank")}
        if st.button(_("Add claim"), key="rv_add", type="primary"):
            _act(lambda: review.add_claim(corpus, doc, (start, end), values, note, folder), _("Ranking claim added."))


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
        st.info(_("The articles folder holds no articles to review."))
        return
    names = _state_names()
    doc = st.selectbox(_("Article"), list(documents["doc"]), key="rv_doc", bind=URL,
                       help=_("The file name in the articles folder."))
    records = record_rows(corpus, doc)
    st.caption(_("Corrections are kept in `{file}` in the articles folder, one line per action; nothing is "
                 "overwritten, an undo is a new line. Every page shows the reviewed values.").format(file=review.LOG_NAME))
    text = corpus.texts.get(doc, "")
    if text:
        with st.expander(_("Article text with the records highlighted (hover a highlight)"), expanded=False):
            st.html(legend_html())
            st.html(highlighted_html(text, _highlights(records)))

    st.subheader(_("Review a record"))
    if records:
        by_id = {row["record_id"]: (kind, row) for kind, row in records}
        rid = _url_select(_("Record"), list(by_id), "rv_record",
                          format_func=frozen(lambda r: _summary(by_id[r][0], by_id[r][1], names)))
        _record_panel(corpus, folder, *by_id[rid], names)
    else:
        st.caption(_("Nothing was extracted from this article; add what it reports below."))

    st.subheader(_("Add a missing record"))
    _add_panel(corpus, folder, doc, names)

    st.subheader(_("Stories: reports of one occasion"))
    story_panel(corpus, folder, doc, _act)

    st.subheader(_("The log"))
    if st.button(_("Undo the latest entry"), key="rv_undo",
                 help=_("Adds an undo line cancelling the latest entry of the log (any article).")):
        _act(lambda: (review.undo_last(folder), _forget_forms())[0], _("The latest entry was undone."))
    entries, _problems = review.read_log(folder)
    mine = [e for e in entries if e.anchor.get("doc") == doc or e.action == "undo"]
    if mine:
        log = pd.DataFrame([{"line": e.line, "time": e.data.get("time", ""), "action": e.action,
                             "record": e.record or e.data.get("target", ""), "field": e.data.get("field", ""),
                             "old": review._as_text(e.data.get("old")), "new": review._as_text(e.data.get("new")),
                             "note": e.data.get("note", "")} for e in mine])
        st.dataframe(shown_headers(log), hide_index=True, key="rv_log")
    else:
        st.caption(_("No corrections for this article yet."))
    for problem in review.log_problems(corpus):
        st.warning(md_escape(core_message(problem)))
    if len(corpus.orphans):
        st.warning(_("{n} correction(s) are orphaned: their article changed or their record is no longer extracted. "
                     "They are not applied; review the records again.").format(n=i18n.number(len(corpus.orphans))))
        st.dataframe(shown_headers(corpus.orphans), hide_index=True, key="rv_orphans")
