"""The interface in English and Arabic: complete gettext catalogs, every page in both languages, charts in
Arabic (titles, axes, legends, ticks), Arabic country names from CLDR, digits, CSV headers, bidi isolates."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest
from babel import Locale
from streamlit.testing.v1 import AppTest
from test_pages import PAGES, decode

from ui import i18n
from core.tables import SCOPES
from ui.labels import KIND_LABELS, SCOPE_LABELS, TOPIC_LABELS

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
import update_catalogs  # noqa: E402
from chart_helpers import charts as page_charts

ALL_PAGES = {**PAGES, "profile": "pages/6_Country_profile.py"}
PAGE_FILES = {**ALL_PAGES, "review": "pages/5_Review.py"}
# Latin letters allowed on an Arabic page: file formats and an encoding named in button help.
ALLOWED_LATIN = {"CSV", "UTF"}
LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


def english_words(text: str) -> list[str]:
    """Latin-script words in `text` (markup and allowed names removed): an untranslated string shows here."""
    text = re.sub(r"<[^>]+>", " ", text)
    return [w for w in LATIN_WORD.findall(text) if w not in ALLOWED_LATIN]


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_language("en")


# ------------------------------------------------------------------ the catalogs

def test_every_message_in_the_code_is_in_both_catalogs():
    used = update_catalogs.extract()
    assert len(used) > 200
    for lang in i18n.LANGUAGES:
        catalog = i18n.catalog_messages(lang)
        missing = sorted(m for m in used if not catalog.get(m))
        assert not missing, (lang, missing[:10])


def test_no_message_hides_inside_an_f_string():
    """Babel does not extract _() calls inside f-strings; such a message would stay English."""
    pattern = re.compile(r"""\bf(["'])[^"']*\{[^}]*\b_\(\s*["']""")
    for path in update_catalogs.sources():
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            assert not pattern.search(line), f"{path.name}:{n}: {line.strip()}"


def test_every_code_from_the_data_files_has_a_label_in_the_catalog():
    def codes(name: str, column: int) -> set[str]:
        rows = [line.split("\t") for line in (ROOT / "core" / "data" / name).read_text(encoding="utf-8").splitlines()
                if line and not line.startswith("#")]
        return {r[column].strip() for r in rows[1:]}
    assert codes("topics.tsv", 0) <= set(TOPIC_LABELS)
    assert codes("event_cues.tsv", 1) <= set(KIND_LABELS)
    assert codes("membership_scopes.tsv", 0) <= set(SCOPE_LABELS)
    assert set(SCOPES) <= set(SCOPE_LABELS)  # every scope a claim may carry has its label
    arabic = i18n.catalog_messages("ar")
    for label in [*TOPIC_LABELS.values(), *KIND_LABELS.values(), *SCOPE_LABELS.values()]:
        assert arabic[label] and not english_words(arabic[label]), label


def test_arabic_translations_keep_their_placeholders():
    for msgid, text in i18n.catalog_messages("ar").items():
        assert set(re.findall(r"\{(\w*)\}", msgid)) == set(re.findall(r"\{(\w*)\}", text)), msgid


def test_an_edited_catalog_is_compiled_again_for_the_next_run(tmp_path, monkeypatch):
    (tmp_path / "ar" / "LC_MESSAGES").mkdir(parents=True)
    po = tmp_path / "ar" / "LC_MESSAGES" / "messages.po"
    po.write_text('msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\nmsgid "Map"\nmsgstr "أ"\n',
                  encoding="utf-8")
    monkeypatch.setattr(i18n, "LOCALE_DIR", tmp_path)
    i18n.set_language("ar")
    assert i18n._("Map") == "أ"
    po.write_text(po.read_text(encoding="utf-8").replace('"أ"', '"ب"'), encoding="utf-8")
    import os
    os.utime(po, ns=(po.stat().st_atime_ns, po.stat().st_mtime_ns + 10**9))
    assert i18n._("Map") == "أ"  # within a run the catalog stays the one the run started with
    i18n.set_language("ar")  # the next run
    assert i18n._("Map") == "ب"


# ------------------------------------------------------------------ names, digits, bidi

def test_country_names_come_from_cldr():
    i18n.set_language("ar")
    territories = Locale("ar").territories
    assert i18n.country("OMN", "Oman") == territories["OM"] and i18n.country("BHR") == territories["BH"]
    i18n.set_language("en")
    assert i18n.country("OMN", "Oman") == "Oman"


def test_western_digits_by_default_arabic_indic_on_request():
    i18n.set_language("ar")
    assert i18n.number(2024) == "2024" and i18n.number(0.91958, 3) == "0.920"
    i18n.set_language("ar", "arabic_indic")
    assert i18n.number(2024) == "٢٠٢٤" and i18n.number(0.91958, 3) == "٠٫٩٢٠"


def test_latin_names_and_numbers_are_isolated_inside_arabic():
    i18n.set_language("ar")
    assert i18n.isolate("UNDESA") == "\u2068UNDESA\u2069" and i18n.isolate("45%") == "\u206845%\u2069"
    assert i18n.isolate("البحرين") == "البحرين"
    i18n.set_language("en")
    assert i18n.isolate("UNDESA") == "UNDESA"


def test_csv_headers_in_arabic_with_a_byte_order_mark():
    import pandas as pd

    from ui.layout import csv_bytes
    i18n.set_language("ar")
    data = csv_bytes(pd.DataFrame({"country": ["عُمان"], "rank": [1]}),
                     {"country": i18n._("country"), "rank": i18n._("rank")})
    assert data.startswith(b"\xef\xbb\xbf") and data.decode("utf-8-sig").splitlines()[0] == "الدولة,الترتيب"


# ------------------------------------------------------------------ pages in Arabic

def run_ar(page: str, **params) -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGE_FILES[page]))
    at.query_params["lang"] = "ar"
    for key, value in params.items():
        at.query_params[key] = value
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def figures_of(at: AppTest) -> list[dict]:
    return [el.figure for el in page_charts(at)]


def chart_texts(fig: dict) -> list[str]:
    """Title, axis titles, tick labels, legend names and annotations of a figure."""
    layout = fig["layout"]
    texts = [layout.get("title", {}).get("text", "")]
    for name, axis in layout.items():
        if name.startswith(("xaxis", "yaxis")):
            texts.append(axis.get("title", {}).get("text", ""))
            texts += [str(t) for t in decode(axis.get("ticktext", []))]
    texts += [t.get("name", "") for t in fig["data"] if t.get("showlegend", True) is not False]
    texts += [a.get("text", "") for a in layout.get("annotations", []) if not a.get("text", "").startswith("<b>")]
    return texts


@pytest.mark.parametrize("page", [*ALL_PAGES, "review"])
def test_every_page_renders_in_arabic_with_no_english_heading_label_or_chart_text(page):
    at = run_ar(page)
    assert at.radio(key="ui_lang").value == "ar"
    headings = [e.value for kind in ("title", "header", "subheader") for e in getattr(at, kind)]
    labels = [w.label for kind in ("slider", "multiselect", "selectbox", "radio", "toggle", "select_slider")
              for w in getattr(at, kind) if w.key != "ui_lang"]
    for text in [*headings, *labels]:
        assert not english_words(text), text
    for fig in figures_of(at):
        for text in chart_texts(fig):
            assert not english_words(text), (fig["layout"]["title"]["text"], text)
    assert any('dir="rtl"' in b.proto.body or "dir', 'rtl'" in b.proto.body for b in at.get("html"))


@pytest.mark.parametrize("page", list(ALL_PAGES))
def test_every_page_renders_in_english_unchanged(page):
    at = AppTest.from_file(str(ROOT / ALL_PAGES[page])).run(timeout=60)
    assert not at.exception
    assert not any("dir', 'rtl'" in b.proto.body for b in at.get("html"))  # no right-to-left script in English


def test_a_filter_changes_the_chart_in_arabic():
    at = run_ar("overview")
    timeline = figures_of(at)[0]
    assert {y for t in timeline["data"] for y in decode(t["y"])} >= {"زيارة", "ورشة عمل"}
    at.multiselect(key="ov_kind").set_value(["workshop"]).run()
    timeline = figures_of(at)[0]
    assert {y for t in timeline["data"] for y in decode(t["y"])} == {"ورشة عمل"}


def test_arabic_rank_chart_keeps_rank_one_on_top_and_its_axis_on_the_right():
    at = run_ar("ranking")
    fig = figures_of(at)[0]
    axis = fig["layout"]["yaxis"]
    assert axis["range"][0] > axis["range"][1] and 1 in axis["tickvals"] and axis["side"] == "right"
    assert fig["layout"]["xaxis"]["range"][0] < fig["layout"]["xaxis"]["range"][1]  # time runs left to right
    names = {t["name"] for t in fig["data"] if t.get("mode") == "lines+markers"}
    assert Locale("ar").territories["BH"] in names and Locale("ar").territories["OM"] in names


def test_arabic_indic_digits_reach_the_chart_ticks():
    at = run_ar("ranking")
    at.radio(key="ui_digits").set_value("arabic_indic").run()
    fig = figures_of(at)[0]
    assert "٢٠٢٤" in decode(fig["layout"]["xaxis"]["ticktext"]) and "١" in decode(fig["layout"]["yaxis"]["ticktext"])


def test_the_language_stays_in_the_url():
    at = run_ar("delegations")
    assert at.query_params["lang"] == ["ar"] or at.query_params["lang"] == "ar"


# ------------------------------------------------------------------ the Review page in Arabic

from test_review_pages import DOC, folder, ids, plain  # noqa: E402,F401  (folder is a fixture)

RECORD_ID = re.compile(r"\b(?:ev|pa|rk)-[0-9a-f]+\b")


def review_texts(at: AppTest) -> list[str]:
    """Every heading, widget label, expander label and alert of a page, record ids removed."""
    texts = [e.value for kind in ("title", "header", "subheader", "success", "error", "info") for e in getattr(at, kind)]
    texts += [w.label for kind in ("selectbox", "radio", "text_input", "checkbox", "number_input", "button", "toggle")
              for w in getattr(at, kind) if w.key != "ui_lang"]
    texts += [e.label for e in at.expander]
    return [RECORD_ID.sub("", plain(t)) for t in texts]


def test_review_page_in_arabic_every_label_and_message_and_the_same_log(folder):
    """The three actions of test_review_pages through the Arabic page: Arabic labels, buttons and success
    messages, and the very log lines the English page writes."""
    record = ids(folder)
    at = run_ar("review", rv_doc=DOC, rv_record=record["event"])
    assert at.subheader[0].value == "مراجعة سجل" and at.button(key="rv_save").label == "حفظ التصحيح"
    event = record["event"]
    assert at.selectbox(key=f"rv_role_{event}").format_func("main") == "رئيسية"
    assert at.selectbox(key=f"rv_host_{event}").format_func("QAT") == Locale("ar").territories["QA"] + " (QAT)"
    at.selectbox(key=f"rv_host_{event}").set_value("QAT")
    at.checkbox(key=f"rv_gcc_{event}").check()
    at.text_input(key=f"rv_note_{event}").input("held in Doha")
    at.button(key="rv_save").click().run(timeout=90)
    assert [plain(s.value) for s in at.success] == [f"السجل {event}: صُحّح مجلس التعاون الخليجي، مضيفة."]
    at.selectbox(key="rv_record").set_value(record["TUN"]).run(timeout=90)
    at.button(key="rv_reject").click().run(timeout=90)
    assert [plain(s.value) for s in at.success] == [f"رُفض السجل {record['TUN']}."]
    at.radio(key="rv_add_what").set_value("participant").run(timeout=90)
    at.selectbox(key="rv_add_event").set_value(event)
    at.selectbox(key="rv_add_state").set_value("EGY")
    at.button(key="rv_add").click().run(timeout=90)
    assert not at.exception
    assert [plain(s.value) for s in at.success] == [f"أُضيفت {Locale('ar').territories['EG']} إلى {event}."]
    for text in review_texts(at):
        assert not english_words(text), text
    lines = [json.loads(x) for x in (folder / "corrections.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [(e["action"], e.get("field"), e.get("new")) for e in lines] == [
        ("correct", "gcc", True), ("correct", "host_iso3", "QAT"), ("reject", None, None), ("add", None, {"iso3": "EGY"})]
    assert lines[1]["note"] == "held in Doha" and lines[1]["old"] == "BHR"


def test_review_page_in_arabic_frames_a_refusal_and_translates_the_log(folder):
    """A refused value: an Arabic sentence around core's English reason (kept as data); nothing written.
    The log table has Arabic headers and actions."""
    record = ids(folder)
    at = run_ar("review", rv_doc=DOC, rv_record=record["event"])
    at.text_input(key=f"rv_year_{record['event']}").input("1850")
    at.button(key="rv_save").click().run(timeout=90)
    errors = [e.value.replace("\\", "") for e in at.error]
    assert len(errors) == 1 and errors[0].startswith("لم يُحفظ: ") and "outside 2003–2026" in errors[0], errors
    assert not (folder / "corrections.jsonl").exists()
    at.button(key="rv_confirm").click().run(timeout=90)
    log = next(d.value for d in at.dataframe if "السطر" in d.value.columns)
    assert list(log.columns)[:3] == ["السطر", "الوقت (بالتوقيت العالمي المنسق)", "الإجراء"]
    assert list(log["الإجراء"]) == ["تأكيد"]


# ------------------------------------------------------------------ the digits in the URL

def param(at: AppTest, name: str) -> str | None:
    value = at.query_params.get(name)
    return value[0] if isinstance(value, list) else value


def test_a_link_with_arabic_indic_digits_opens_with_them_and_keeps_them():
    at = run_ar("ranking", digits="arabic_indic")
    assert at.radio(key="ui_digits").value == "arabic_indic"
    fig = figures_of(at)[0]
    assert "٢٠٢٤" in decode(fig["layout"]["xaxis"]["ticktext"])
    assert param(at, "lang") == "ar" and param(at, "digits") == "arabic_indic"
    at.radio(key="ui_digits").set_value("western").run()
    assert param(at, "digits") is None and param(at, "lang") == "ar"  # the default adds nothing
    assert "2024" in decode(figures_of(at)[0]["layout"]["xaxis"]["ticktext"])


def test_the_digits_choice_enters_the_url_and_leaves_it_in_english():
    at = run_ar("delegations")
    assert param(at, "digits") is None
    at.radio(key="ui_digits").set_value("arabic_indic").run()
    assert param(at, "digits") == "arabic_indic"
    at.radio(key="ui_lang").set_value("en").run()
    assert param(at, "digits") is None and param(at, "lang") is None


def test_links_to_other_pages_carry_the_digits():
    from ui.layout import link_params
    from ui.review import review_url
    i18n.set_language("ar", "arabic_indic")
    assert link_params({"iso3": "OMN"}) == {"iso3": "OMN", "lang": "ar", "digits": "arabic_indic"}
    assert review_url("a.txt", "ev-1") == "Review?rv_doc=a.txt&rv_record=ev-1&lang=ar&digits=arabic_indic"
    i18n.set_language("ar")
    assert link_params({"iso3": "OMN"}) == {"iso3": "OMN", "lang": "ar"}
    i18n.set_language("en", "arabic_indic")  # Arabic-Indic digits exist only on Arabic pages
    assert link_params({"iso3": "OMN"}) == {"iso3": "OMN"} and review_url("a.txt") == "Review?rv_doc=a.txt"
    at = run_ar("gcc", digits="arabic_indic")  # the evidence links of the event cards
    links = [m.value for m in at.markdown if "src_doc=" in m.value]
    assert links and all("lang=ar" in link and "digits=arabic_indic" in link for link in links), links


def test_the_page_menu_keeps_the_digits():
    at = AppTest.from_file(str(ROOT / "dashboard.py"))
    at.query_params["lang"] = "ar"
    at.query_params["digits"] = "arabic_indic"
    at.run(timeout=60)
    at.query_params.clear()  # the page menu opens a page without the current page's parameters
    at.switch_page("pages/1_Ranking_trajectory.py").run(timeout=60)
    assert not at.exception
    assert at.title[0].value == "مسار الترتيب" and "٢٠٢٤" in decode(figures_of(at)[0]["layout"]["xaxis"]["ticktext"])
    assert param(at, "digits") == "arabic_indic" and param(at, "lang") == "ar"  # written back by the page


# ------------------------------------------------------------------ core's messages on an Arabic page

import make_bad_corpus  # noqa: E402  (tools/, on the path above)

from ui import messages  # noqa: E402

VISIT = "استقبلت الهيئة وفدا من سلطنة عمان للاطلاع على تجربة الحكومة الإلكترونية في المملكة.\n"


def core_messages(tmp_path) -> list[str]:
    """Messages core really writes: the bad corpus's documents and folder, uploads of every outcome,
    a manifest with a row listed twice, the guard's three limits."""
    from core.reading import guard
    from core.reading import manifest
    from core.reading.ingest import read_corpus
    from core.reading.uploads import save_upload

    folder = make_bad_corpus.build(tmp_path / "bad", ROOT / "seeds")
    docs, found = read_corpus(folder, max_bytes=200_000)
    found = list(found)
    for doc in docs:
        found += list(doc.messages)
    target = tmp_path / "up"
    target.mkdir()
    data = VISIT.encode("utf-8")
    for name, content, published in [("v.txt", data, "2021-03"), ("v.txt", ("وفد آخر. " + VISIT).encode("utf-16"), ""),
                                     ("copy.txt", data, ""), ("bom.txt", b"\xef\xbb\xbf" + data, ""),
                                     ("e.txt", b"", ""), (".h.txt", data, ""), ("x.pdf", data, ""),
                                     ("d.txt", "وفد زار".encode(), "June 2021"), ("d.txt", "وفد زار".encode(), "14/03/2021"),
                                     ("d.txt", "وفد زار".encode(), "soon"), ("d.txt", "وفد زار".encode(), "2013-13-45")]:
        found += save_upload(target, name, content, published or None)[1]
    found += manifest.parse_manifest("file,published\na.txt,2013\na.txt,2014\n").messages
    for text in ("وفد زار. " * 30_000, "1 " * 6_000, "وفد " * 6_000):
        limit, why = guard.extraction_limit(text)
        found.append("a.txt: " + guard.guard_warning(text, limit, why))
    return found + orphan_and_damaged_line(tmp_path / "reviewed").messages


def orphan_and_damaged_line(folder: Path):
    """A copy of the seeds whose corrections log has an orphan (the article changed after a correction)
    and a damaged line; the corpus as loaded."""
    import shutil

    from core import load_corpus

    from core import review
    shutil.copytree(ROOT / "seeds", folder, ignore=shutil.ignore_patterns(review.LOG_NAME, review.LOCK_NAME))
    corpus = load_corpus(folder)
    event = corpus.events[corpus.events["doc"] == DOC].iloc[0]
    review.set_field(corpus, event["record_id"], "kind", "forum", "", folder)
    article = folder / DOC
    article.write_text(article.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    with (folder / review.LOG_NAME).open("a", encoding="utf-8") as log:
        log.write("{not json\n")
    return load_corpus(folder)


def test_every_kind_of_core_message_is_written_by_core_and_reads_as_written_in_english(tmp_path):
    """Each kind's msgid is core's wording: in English it gives back the very message (so a change of
    core's wording shows here: that kind no longer matches, and its test message is left over)."""
    found = core_messages(tmp_path)
    used = set()

    def check(message: str) -> None:
        kind = messages.kind_of(message)
        if kind is not None:
            msgid, parts = kind
            used.add(msgid)
            assert i18n._(msgid).format(**parts) == message and messages.core_message(message) == message
            if "detail" in parts:  # a message inside a message
                check(parts["detail"])

    for message in found:
        check(message)
    assert used == set(messages.KINDS), sorted(set(messages.KINDS) - used)
    unknown = [m for m in found if messages.kind_of(m) is None]
    assert len(unknown) < len(found) / 4, unknown  # most messages a reader meets have their translation


def test_core_messages_on_arabic_pages_a_document_notice_and_a_refused_upload(tmp_path, monkeypatch):
    """A problem document's notice and a refused upload on the Arabic Sources page: Arabic sentences,
    the file name shown as plain text (isolated: it keeps its own direction), nothing written."""
    folder = make_bad_corpus.build(tmp_path / "bad", ROOT / "seeds")
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(folder))
    monkeypatch.setenv("EGOV_MAX_BYTES", "200000")
    at = run_ar("sources")
    shown = [plain(e.value) for e in at.error]
    assert "**binary.txt** (خطأ): \u2068binary.txt\u2069: ملف ثنائي (فيه بايتات صفرية) وليس نصًا" in shown, shown
    warnings = [plain(e.value) for e in at.warning]
    assert "مجلد المقالات: \u2068notes.pdf\u2069: لم يُقرأ (لا تُقرأ إلا ملفات .txt و.html و.htm)" in warnings, warnings
    before = sorted(p.name for p in folder.iterdir())
    at.file_uploader(key="src_upload_file").set_value(("nothing.txt", b"", "text/plain"))
    at.button(key="src_upload_save").click().run(timeout=60)
    assert [plain(e.value) for e in at.error if "nothing" in e.value] == [
        "الرفع: رُفض: \u2068nothing.txt\u2069: ملف فارغ (0 بايت)"]
    assert sorted(p.name for p in folder.iterdir()) == before


def test_every_note_phrase_is_core_s_wording_and_the_seeds_notes_are_all_known(seeds_corpus):
    core_source = "\n".join(path.read_text(encoding="utf-8") for path in (ROOT / "core").rglob("*.py"))
    for phrase in messages.NOTE_KINDS:
        assert phrase.replace("{state} ", "") in core_source, phrase  # core's wording changed: change the kind
    notes = [n for table in (seeds_corpus.events, seeds_corpus.rankings) for n in table["note"].fillna("") if n]
    assert notes
    for note in notes:
        assert all(messages.kind_of(p, messages.NOTE_KINDS) for p in note.split("; ")), note
        i18n.set_language("en")
        assert messages.note_text(note) == note
        i18n.set_language("ar")
        assert not english_words(messages.note_text(note)), note


def test_the_extractor_notes_are_arabic_on_the_gcc_cards_and_in_the_timeline_hover():
    at = run_ar("gcc")
    captions = [plain(html.unescape(re.sub(r"<[^>]+>", "\n", b.proto.body))) for b in at.get("html")
                if 'dir="rtl"' in b.proto.body]
    captions = [line for card in captions for line in card.split("\n") if "ملاحظة" in line]
    assert any("ملاحظة: لا تاريخ في النص؛ السنة من تاريخ النشر؛ المضيف غير مذكور؛ افتُرضت البحرين" in c
               for c in captions), captions
    assert not any(english_words(c) for c in captions), captions
    at = run_ar("overview")
    hovers = [t for trace in figures_of(at)[0]["data"] for t in decode(trace.get("text") or trace.get("hovertext") or [])]
    assert any("افتُرضت البحرين" in str(h) for h in hovers) and not any("Bahrain assumed" in str(h) for h in hovers)


def test_an_orphan_and_a_damaged_log_line_in_arabic(tmp_path, monkeypatch):
    corpus = orphan_and_damaged_line(tmp_path / "articles")
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(tmp_path / "articles"))
    record = corpus.orphans["record_id"].iloc[0]
    at = run_ar("review", rv_doc=DOC)
    warnings = [plain(w.value) for w in at.warning]
    assert "corrections.jsonl، السطر \u20682\u2069: تالف (ليس كائن JSON: \u2068JSONDecodeError\u2069)؛ أُهمل" in warnings
    assert any(w.startswith("عدد التصحيحات اليتيمة: 1؛") for w in warnings), warnings
    orphans = next(d.value for d in at.dataframe if "السبب" in d.value.columns)
    assert list(orphans["السبب"]) == ["تغيّر المقال منذ المراجعة"] and list(orphans["الإجراء"]) == ["تصحيح"]
    at = run_ar("sources", src_doc=DOC)
    assert (f"مجلد المقالات: corrections.jsonl، السطر \u20681\u2069: إجراء يتيم (تصحيح) يخص الفعالية "
            f"\u2068{record}\u2069 في \u2068{DOC}\u2069 (تغيّر المقال منذ المراجعة)؛ لم يُطبَّق"
            in [plain(w.value) for w in at.warning]), [plain(w.value) for w in at.warning]
