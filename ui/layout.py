"""The parts every page repeats: set-up (language, right-to-left layout), the data-sources line, document
notices, charts with caption, alt text and click-through, empty states, tables and CSV downloads."""

from __future__ import annotations

import functools
import logging
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass

from urllib.parse import urlencode

import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from streamlit.runtime.pages_manager import PagesManager

import core
from streamlit.errors import StreamlitPageNotFoundError
from ui import i18n
from ui.data import country_names, load_corpus, load_reference, ranking_tables
from ui.charts import live
from ui.charts.common import GEO_CONFIG
from ui.charts.theme import themed_once
from ui.i18n import _
from ui.labels import status_label, text_of
from ui.messages import core_message, document_message
from ui.review import reviewed_only, table_view
from ui.safety import csv_safe, md_escape

LOG = logging.getLogger("egov.dashboard")
MESSAGES_SHOWN = 20  # folder and corrections-log messages shown one notice each; the rest are counted
NOTICES_SHOWN = 30  # problem documents shown one notice each; the rest are counted in one notice
LANG_KEY = i18n.LANG_PARAM  # the URL parameter (?lang=ar)
DIGITS_KEY = i18n.DIGITS_PARAM  # the digits chosen in Arabic (?lang=ar&digits=arabic_indic)
LANG_WIDGET = "ui_lang"
DIGITS_WIDGET = "ui_digits"
NAVIGATED = "_ui_navigated"  # set by dashboard.py: the switch is drawn there, before the page runs
PROFILE_PAGE = "pages/6_Country_profile.py"
SOURCES_PAGE = "pages/4_Sources.py"

# Right-to-left layout for Arabic. Streamlit has no RTL switch: the main block and the sidebar get
# dir="rtl" (a trusted constant script, never article text) and CSS for what the attribute does not
# reach. Charts keep Plotly's own left-to-right frame; ui.figures moves their titles and axes. A select
# box's value and options take the direction of their first letter (a file name reads left to right).
RTL_CSS = """<style>
[data-testid=stMain], [data-testid=stSidebar] { direction: rtl; }
[data-testid=stMain] h1, [data-testid=stMain] h2, [data-testid=stMain] h3, [data-testid=stMain] p,
[data-testid=stMain] li, [data-testid=stCaptionContainer], [data-testid=stMetric], [data-testid=stSidebar] label,
[data-testid=stSidebar] p, [data-testid=stAlert] { text-align: right; }
[data-testid=stMain], [data-testid=stSidebar] { font-family: 'Noto Naskh Arabic', 'Noto Sans Arabic', 'DejaVu Sans', sans-serif; }
[data-testid=stSidebarNav] { direction: rtl; }
.js-plotly-plot, [data-testid=stDataFrame], [data-testid=stSlider] { direction: ltr; }
[role=combobox], [role=option] { unicode-bidi: plaintext; }
</style>"""
RTL_SCRIPT = """<script>
for (const sel of ['[data-testid=stMain]', '[data-testid=stSidebar]']) {
  const el = window.parent.document.querySelector(sel) || document.querySelector(sel);
  if (el) { el.setAttribute('dir', 'rtl'); el.setAttribute('lang', 'ar'); }
}
</script>"""
LTR_SCRIPT_FREE_CSS = """<style>[data-testid=stMain], [data-testid=stSidebar] { direction: ltr; }</style>"""


def _url_language() -> str:
    value = st.query_params.get(LANG_KEY, "en")
    return value if value in i18n.LANGUAGES else "en"


def _url_digits() -> str:
    value = st.query_params.get(DIGITS_KEY, "western")
    return value if value in i18n.DIGITS else "western"


def language_switch() -> str:
    """The sidebar switch English / العربية (and the digits option in Arabic); sets the run's language.

    The choice lives in the URL as ?lang=ar (English, the default, adds nothing), and so do
    Arabic-Indic digits (&digits=arabic_indic; Western digits add nothing), so a shared link opens in
    the same language and digits. Drawn by dashboard.py before the page runs, or by setup_page when a
    page runs on its own.
    """
    with st.sidebar:
        lang = st.radio("Language · اللغة", list(i18n.LANGUAGES), key=LANG_WIDGET, horizontal=True,
                        index=list(i18n.LANGUAGES).index(_url_language()),
                        format_func=i18n.LANGUAGE_NAMES.get)
        digits = "western"
        if lang == "ar":
            digits = st.radio("الأرقام", list(i18n.DIGITS), key=DIGITS_WIDGET, horizontal=True,
                              index=list(i18n.DIGITS).index(_url_digits()),
                              format_func={"western": "123", "arabic_indic": "١٢٣"}.get)
    i18n.set_language(lang, digits)
    return lang


def _apply_language() -> None:
    """The language of this run from the switch's state (the page script may run in a context of its
    own, apart from dashboard.py's), written back to the URL: the page menu drops other parameters."""
    lang = st.session_state.get(LANG_WIDGET) or _url_language()
    lang = lang if lang in i18n.LANGUAGES else "en"
    digits = (st.session_state.get(DIGITS_WIDGET) or _url_digits()) if lang == "ar" else "western"
    i18n.set_language(lang, digits)
    for key in (LANG_KEY, DIGITS_KEY):
        wanted = i18n.url_params().get(key)
        if wanted and st.query_params.get(key) != wanted:
            st.query_params[key] = wanted
        elif not wanted and key in st.query_params:
            del st.query_params[key]


def setup_page(title: str) -> None:
    """Page config (wide layout), the language, the right-to-left layout in Arabic, and the page title.

    `title` is a msgid (marked with N_ by the caller): it is translated once the language is known.
    """
    if PagesManager.uses_pages_directory and not st.session_state.get(NAVIGATED):
        # A deep link (/Delegations) on a freshly started server runs the page in Streamlit's older
        # pages/-folder mode, whose menu names the Overview "dashboard" and every page by its file. Leave
        # that mode as st.navigation itself does and rerun: the entry point then draws the menu and
        # opens the page the link asked for.
        PagesManager.uses_pages_directory = False
        st.rerun()
    if not st.session_state.get(NAVIGATED):
        language_switch()
    _apply_language()
    title = _(title)
    st.set_page_config(page_title=title + " · " + _("Bahrain e-government diplomacy"), layout="wide")
    if i18n.is_rtl():
        st.html(RTL_CSS)
        st.html(RTL_SCRIPT, unsafe_allow_javascript=True)
    elif st.session_state.get("_ui_was_rtl"):
        st.html(LTR_SCRIPT_FREE_CSS)
    st.session_state["_ui_was_rtl"] = st.session_state.get("_ui_was_rtl") or i18n.is_rtl()
    st.title(title)


def filtered_view(func: Callable[..., None]) -> Callable[..., None]:
    """A page's filters and the figures they drive as one Streamlit fragment.

    A filter change reruns only this part of the page: the set-up, the notices and the tables
    outside it are neither recomputed nor sent to the browser again (the browser redraws the charts
    alone). The fragment's run restores the language from the session first (a fragment rerun does
    not pass through setup_page). Filters in the sidebar are written there from inside the fragment,
    under the sidebar's "Filters" heading, which is written outside it: it never changes, so a filter
    change neither sends nor redraws it.
    """
    @functools.wraps(func)  # the fragment's identity (module and name) is the page function's
    def run(*args, **kwargs) -> None:
        _apply_language()
        func(*args, **kwargs)

    fragment = st.fragment(run)

    @functools.wraps(func)
    def view(*args, **kwargs) -> None:
        with st.sidebar:
            st.header(_("Filters"))
        fragment(*args, **kwargs)

    return view


def corpus_or_stop() -> core.Corpus:
    """The shared cached corpus; a failure becomes a short visible error and stops the page.

    The reader sees no traceback and no server path: the details go to the server log.
    """
    try:
        return load_corpus()
    except core.CorpusFolderError:
        LOG.exception("the articles folder cannot be read")
        st.error(_("The articles folder cannot be read (missing, not a folder, or not readable); the details "
                   "are in the server log. Set EGOV_SEEDS_DIR or restore seeds/."))
    except Exception:  # any other failure: never a traceback on the page
        LOG.exception("loading the articles failed")
        st.error(_("The articles could not be loaded; the details are in the server log."))
    st.stop()


def data_sources(corpus: core.Corpus, *, reference: bool = True) -> None:
    """The line naming where the page's data come from."""
    # A code span shows its content literally; only a backtick could end it early.
    folder = (corpus.folder.name + "/" if corpus.folder is not None else "seeds/").replace("`", "'")
    parts = [_("{n} Arabic news articles in `{folder}` (extracted by this project)").format(
        n=i18n.number(len(corpus.documents)), folder=folder)]
    if reference:
        parts.append(_("UN E-Government Survey 2003–2024 (UN DESA, publicadministration.un.org/egovkb)"))
    st.caption(_("Data: ") + " · ".join(parts))


def document_notices(corpus: core.Corpus, *, except_doc: str | None = None) -> None:
    """A visible notice for each problem document (st.error / st.warning) and each folder message.

    `except_doc` is left out: the page shows that document's status next to it. File names and
    messages are untrusted (they quote file names and manifest cells) and are shown as plain text;
    core's English messages are shown in the page's language (ui.messages).
    """
    for message in corpus.messages[:MESSAGES_SHOWN]:
        st.warning(_("Articles folder: {message}").format(message=md_escape(core_message(message))))
    if len(corpus.messages) > MESSAGES_SHOWN:  # a flooded folder or log: one notice counts the rest
        st.warning(_("{count} more messages about the articles folder are not listed here; `python -m core "
                     "export` prints every one.").format(count=i18n.number(len(corpus.messages) - MESSAGES_SHOWN)))
    problems = corpus.documents[corpus.documents["status"].isin(["warning", "error"])]
    if except_doc is not None:
        problems = problems[problems["doc"] != except_doc]
    for row in problems.head(NOTICES_SHOWN).itertuples():
        detail = document_message(text_of(row.message), row.doc) or _("no detail given")
        text = f"**{md_escape(row.doc)}** ({status_label(row.status)}): {md_escape(detail)}"
        (st.error if row.status == "error" else st.warning)(text)
    if len(problems) > NOTICES_SHOWN:  # a flood of problem files must not become a flood of alerts
        st.warning(_("{count} more documents with problems are not listed here; the Sources page shows "
                     "each one's status and the documents CSV has every message.")
                   .format(count=i18n.number(len(problems) - NOTICES_SHOWN)))


def link_params(params: dict[str, str]) -> dict[str, str]:
    """Query parameters of a link to another page, keeping the language and the digits (i18n.url_params)."""
    return {**params, **i18n.url_params()}


def page_link(page: str, label: str, params: dict[str, str], icon: str | None = None) -> None:
    """A link to another page with `params` (and the language); a plain link when the page runs on its own
    (no st.navigation, as under AppTest.from_file on a page), where st.page_link cannot resolve pages."""
    params = link_params(params)
    try:
        st.page_link(page, label=label, query_params=params, icon=icon)
    except StreamlitPageNotFoundError:
        path = "/" + page.split("/")[-1].removesuffix(".py").split("_", 1)[-1]
        st.markdown(f"[{md_escape(label)}]({path}?{urlencode(params)})")


def open_clicked(key: str, target: Callable[[dict], tuple[str, dict[str, str]] | None]) -> None:
    """on_select callback: the clicked point's page (`target(point)` -> (page, query params)) is opened."""
    state = st.session_state.get(key)
    points = (state or {}).get("selection", {}).get("points", []) if state else []
    for point in points:
        open_point(point, target)


def open_point(point: dict, target: Callable[[dict], tuple[str, dict[str, str]] | None]) -> None:
    """A clicked point's page (`target(point)` -> (page, query params)) is opened."""
    found = target(point)
    if found:
        page, params = found
        st.session_state["_ui_open"] = (page, link_params(params))
        st.rerun()  # a whole-app run, also from a chart inside a fragment: follow_click opens the page


def follow_click() -> None:
    """Switch to the page a chart click asked for (st.switch_page cannot run inside a callback)."""
    target = st.session_state.pop("_ui_open", None)
    if target:
        st.switch_page(target[0], query_params=target[1])


def to_evidence(point: dict) -> tuple[str, dict[str, str]] | None:
    """A clicked event or claim (customdata: event_id 'doc#e1' or a file name) -> its article on Sources."""
    value = point.get("customdata")
    value = value[0] if isinstance(value, list) and value else value
    if not isinstance(value, str) or not value:
        return None
    return SOURCES_PAGE, {"src_doc": value.split("#")[0]}


def to_profile(point: dict) -> tuple[str, dict[str, str]] | None:
    """A clicked state (customdata: its ISO3 code) -> its country profile."""
    value = point.get("customdata")
    value = value[0] if isinstance(value, list) and value else value
    if isinstance(value, str) and len(value) == 3 and value.isalpha():
        return PROFILE_PAGE, {"iso3": value.upper()}
    return None


def to_record(point: dict) -> tuple[str, dict[str, str]] | None:
    """A clicked state line -> its profile; a clicked claim or event -> its article."""
    return to_profile(point) or to_evidence(point)


def open_profile_row(key: str, iso3: pd.Series) -> Callable[[], None]:
    """on_select callback of a table with one row per state: the selected row's profile is opened."""
    codes = list(iso3.astype(str))

    def callback() -> None:
        state = st.session_state.get(key)
        rows = state.get("selection", {}).get("rows", []) if state else []
        if rows and rows[0] < len(codes):
            st.session_state["_ui_open"] = (PROFILE_PAGE, link_params({"iso3": codes[rows[0]]}))
            st.rerun()  # see open_clicked
    return callback


def theme_scheme() -> str:
    """"dark" when the reader's page is dark (st.context.theme), else "light"."""
    try:
        return "dark" if st.context.theme.type == "dark" else "light"
    except Exception:  # no browser context (AppTest) or an older Streamlit: the default theme
        return "light"


def chart(fig: go.Figure, key: str, caption: str, *, geo: bool = False,
          on_click: Callable[[dict], tuple[str, dict[str, str]] | None] | None = None) -> None:
    """A Plotly chart with its describing caption, also given to screen readers as alt text.

    With `on_click`, clicking a point opens the page it names (the evidence of an event, a country
    profile): one click from any hover to the record behind it.
    """
    config = dict(GEO_CONFIG if geo else {"displaylogo": False})
    if i18n.is_rtl():
        config["locale"] = "ar"
    # Streamlit's theme written into the figure here (ui.charts.theme) instead of applied by the
    # browser, which drew every chart twice on each filter change.
    fig = themed_once(fig, theme_scheme(), selectable=on_click is not None)
    if live.available():  # updated in place by the browser on a filter change (ui.charts.live), caption included
        live.live_chart(fig, key, config, caption,
                        on_click=None if on_click is None else (lambda point: open_point(point, on_click)),
                        caption=caption)
        return
    if on_click is None:
        st.plotly_chart(fig, key=key, config=config, alt=caption, theme=None)
    else:
        st.plotly_chart(fig, key=key, config=config, alt=caption, theme=None,
                        on_select=lambda: open_clicked(key, on_click), selection_mode="points")
    st.caption(caption)


def empty_state(what: str, active: Mapping[str, tuple[str, object]], key: str) -> None:
    """The page's empty result: which filters emptied it, and a button that resets them.

    `active` maps each widget key to (its label and value as shown, its default value).
    """
    chosen = [label for label, _default in active.values() if label]
    if chosen:
        st.info(_("No {what} match these filters: {filters}. Widen or reset them.").format(
            what=what, filters=_("; ").join(chosen)), icon=":material/filter_alt_off:")
    else:
        st.info(_("No {what} in the articles.").format(what=what), icon=":material/info:")
    if chosen:
        def reset() -> None:
            for widget, (_label, default) in active.items():
                st.session_state[widget] = default
        st.button(_("Reset the filters"), key=f"{key}_reset", on_click=reset, icon=":material/restart_alt:")


TABLE_ROWS = 1000


def table(frame: pd.DataFrame, key: str, *, rows: int = TABLE_ROWS, headers: Mapping[str, str] | None = None,
          **kwargs) -> object:
    """A dataframe of at most `rows` rows (each rerun sends the table to the browser), saying when it is cut.

    `headers` renames columns for display (translated headers); sorting is the table's own.
    """
    shown, review_columns = _table_view(frame, rows)  # review state in words, a Review link per record
    if review_columns:
        kwargs["column_config"] = {**review_columns, **(kwargs.get("column_config") or {})}
    if headers:
        shown = shown.rename(columns=dict(headers))
    result = st.dataframe(shown, hide_index=True, key=key, **kwargs)
    if len(frame) > rows:
        st.caption(_("First {rows} of {total} rows; the CSV download has them all.").format(
            rows=i18n.number(rows), total=i18n.number(len(frame))))
    return result


_TABLE_VIEWS: dict[tuple, tuple[pd.DataFrame, tuple[pd.DataFrame, dict]]] = {}
_TABLE_VIEWS_LOCK = threading.Lock()


def _table_view(frame: pd.DataFrame, rows: int) -> tuple[pd.DataFrame, dict]:
    """table_view(frame.head(rows)), once per frame object, row cap, language and digits.

    The corpus tables are shared read-only objects that every rerun shows again; building their
    Review links is 0.1-0.4 s per rerun at 10,000 articles. The frame is kept with its result,
    so its id is not reused while the entry lives; the last 32 entries are kept.
    """
    key = (id(frame), rows, i18n.language(), i18n.digit_style())
    hit = _TABLE_VIEWS.get(key)
    if hit is not None and hit[0] is frame:
        return hit[1]
    result = table_view(frame.head(rows))
    with _TABLE_VIEWS_LOCK:
        _TABLE_VIEWS[key] = (frame, result)
        while len(_TABLE_VIEWS) > 32:
            _TABLE_VIEWS.pop(next(iter(_TABLE_VIEWS)))
    return result


def csv_bytes(frame: pd.DataFrame, headers: Mapping[str, str] | None = None) -> bytes:
    """`frame` as CSV, UTF-8 with a byte order mark (spreadsheet programs then read the Arabic),
    formula-like text cells made inert (ui.safety.csv_safe), columns renamed by `headers`."""
    out = csv_safe(frame)
    if headers:
        out = out.rename(columns=dict(headers))
    return out.to_csv(index=False).encode("utf-8-sig")


def csv_download(frame: pd.DataFrame, file_name: str, key: str, label: str | None = None,
                 headers: Mapping[str, str] | None = None) -> None:
    """A CSV download of `frame` (csv_bytes); its help names the file.

    The CSV is written only when the button is clicked, and the click does not rerun the page,
    so filters and view stay as they are.
    """
    st.download_button(label or _("Download CSV"), lambda: csv_bytes(frame, headers), file_name=file_name,
                       mime="text/csv", key=key, on_click="ignore", icon=":material/download:",
                       help=_("Saves {file}: every row, UTF-8.").format(file=file_name))


@dataclass(frozen=True)
class SurveyView:
    """What a page about the UN survey starts from: the corpus, the official series, the articles' claims
    checked against it (`checked`), Bahrain's and the peers' rank history, and the states' names."""

    corpus: core.Corpus
    reference: pd.DataFrame
    checked: pd.DataFrame
    history: pd.DataFrame
    names: dict[str, str]


def survey_page(title: str, reviewed_key: str) -> SurveyView:
    """The set-up the Ranking trajectory and Country profile pages share: the page and its title, a
    clicked chart followed, the corpus (reviewed records only when the switch `reviewed_key` is on) with
    its sources line, and the official series with the claims checked against it."""
    setup_page(title)
    follow_click()
    corpus = reviewed_only(corpus_or_stop(), key=reviewed_key)
    data_sources(corpus)
    reference = load_reference()
    checked, history = ranking_tables(corpus.rankings)
    return SurveyView(corpus, reference, checked, history, country_names(corpus.participants))
