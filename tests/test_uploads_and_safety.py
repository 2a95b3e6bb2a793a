"""Uploads on the Sources page, every problem document named there, and untrusted text kept inert (AppTest).

Folders are temporary copies of seeds/ (EGOV_SEEDS_DIR); the bad corpus comes from
tools/make_bad_corpus.py and the payload article from tools/xss_article.py.
"""

from __future__ import annotations

import html
import json
import re
import shutil
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from core.reading.ingest import DEFAULT_MAX_BYTES, read_corpus
from tools import make_bad_corpus, xss_article
from ui import plotly_loader
from ui.safety import csv_safe, md_escape
from ui.upload import MIB, notice_level, save_uploaded, upload_limit_mb
from chart_helpers import charts as page_charts

ROOT = Path(__file__).resolve().parents[1]
PAGES = {
    "overview": "dashboard.py",
    "ranking": "pages/1_Ranking_trajectory.py",
    "delegations": "pages/2_Delegations.py",
    "gcc": "pages/3_GCC_cooperation.py",
    "sources": "pages/4_Sources.py",
}
SEED_001 = "001_5381bd0356d4e17e.txt"
SEEDS = sorted(p.name for p in (ROOT / "seeds").glob("*.txt"))
VISIT_NAME = "kazakhstan_uzbekistan_visit.txt"
VISIT = (  # written for these tests: two named states, seven stated
    "وفد من كازاخستان وأوزبكستان يطلع على تجربة البحرين في الحكومة الإلكترونية\n"
    "المنامة، 14 مارس 2021: استقبلت هيئة المعلومات والحكومة الإلكترونية في مملكة البحرين وفدا رسميا مكون من "
    "7 دول، تتقدمه جمهورية كازاخستان وجمهورية أوزبكستان، للاطلاع على تجربة المملكة في الخدمات الإلكترونية.\n"
)
TEXT_ELEMENTS = ("title", "header", "subheader", "markdown", "caption", "error", "warning", "info", "success")
RAW_TAGS = ("<script", "<img", "<svg", "<iframe", "<b ")


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    """A copy of seeds/ that the pages read (EGOV_SEEDS_DIR)."""
    path = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", path, ignore=shutil.ignore_patterns("reference"))
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(path))
    return path


def run_page(page: str, **params: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / PAGES[page]))
    for key, value in params.items():
        at.query_params[key] = value
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def unescape(markdown: str) -> str:
    """The characters a Markdown body shows, for bodies built with md_escape (U+2060 shows as nothing)."""
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown).replace("\u2060", "")


def notices(at: AppTest, *kinds: str) -> list[str]:
    return [unescape(e.value) for kind in kinds for e in getattr(at, kind)]


def upload_notices(at: AppTest, *kinds: str) -> list[str]:
    return [n for n in notices(at, *kinds) if n.startswith("Upload: ")]


def upload(at: AppTest, name: str, data: bytes, published: str = "") -> AppTest:
    at.file_uploader(key="src_upload_file").set_value((name, data, "text/plain"))
    at.text_input(key="src_upload_published").set_value(published)
    at.button(key="src_upload_save").click().run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    return at


def figure_strings(at: AppTest) -> list[str]:
    """Every string shown by a Plotly figure on the page (hover texts, labels, titles; not customdata)."""
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for key, item in value.items():
                if key != "customdata":  # never displayed: the figures' hover templates do not use it
                    walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    for el in page_charts(at):
        walk(el.figure)
    return found


# ------------------------------------------------------------------ upload

def test_upload_is_saved_selected_and_seen_by_every_page(folder):
    at = run_page("sources")
    upload(at, VISIT_NAME, VISIT.encode("utf-8"), published="2021-03")
    assert notices(at, "success")[0] == f"Upload: saved {VISIT_NAME} ({len(VISIT.encode())} bytes)"
    assert f"Upload: manifest.csv: added {VISIT_NAME} published 2021-03" in notices(at, "info")
    assert not notices(at, "error")
    assert at.selectbox(key="src_doc").value == VISIT_NAME  # the new article is the one shown
    assert at.query_params["src_doc"] == VISIT_NAME
    assert "كازاخستان" in " ".join(b.proto.body for b in at.get("html"))
    assert (folder / VISIT_NAME).read_bytes() == VISIT.encode("utf-8")
    assert (folder / "manifest.csv").read_text(encoding="utf-8").endswith(f"{VISIT_NAME},2021-03,\n")
    at.run(timeout=60)  # the upload's notices are shown once
    assert not upload_notices(at, "success", "info", "warning", "error")

    # Without a restart, the other pages see it: the loader is keyed on the folder's fingerprint.
    delegations = run_page("delegations")
    freq = next(f for f in (e.figure for e in page_charts(delegations))
                if f["layout"]["title"]["text"] == "Events per state")
    assert {"Kazakhstan", "Uzbekistan"} <= set(freq["data"][0]["y"])
    table = next(d.value for d in delegations.dataframe if "state" in d.value.columns)
    assert {"Kazakhstan", "Uzbekistan"} <= set(table["state"])
    assert "6 Arabic news articles" in run_page("overview").caption[0].value


@pytest.mark.parametrize(("name", "data", "published", "expected"), [
    ("copy.txt", (ROOT / "seeds" / SEED_001).read_bytes(), "", f"same content as {SEED_001}"),
    ("visit.txt", VISIT.encode("utf-8"), "June 2021", "write 2021-06"),
    ("visit.txt", VISIT.encode("utf-8"), "14/03/2021", "write 2021-03-14"),
    ("empty.txt", b"", "", "empty file"),
    ("image.txt", make_bad_corpus.bad_files()["binary.txt"], "", "binary"),
    (".hidden.txt", VISIT.encode("utf-8"), "", "hidden files are not accepted"),
], ids=["duplicate", "month-name-date", "day-month-year-date", "empty", "binary", "hidden"])
def test_refused_upload_names_the_file_and_writes_nothing(folder, name, data, published, expected):
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    at = upload(run_page("sources"), name, data, published)
    errors = upload_notices(at, "error")
    assert len(errors) == 1 and name in errors[0], errors
    assert expected in errors[0]
    assert not upload_notices(at, "success", "warning", "info")
    assert {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()} == before
    assert at.selectbox(key="src_doc").value == SEEDS[0]


def test_upload_over_the_limit_is_refused(folder, monkeypatch):
    monkeypatch.setenv("EGOV_MAX_BYTES", "1000")
    at = upload(run_page("sources"), "long.txt", ("وفد " * 400).encode("utf-8"))
    assert upload_notices(at, "error") == [
        "Upload: refused: long.txt: 2800 bytes exceeds the limit of 1000 bytes (set the EGOV_MAX_BYTES environment "
        "variable or the max_bytes argument to change)"]
    assert not (folder / "long.txt").exists()


def test_upload_with_a_used_name_and_a_legacy_encoding_is_saved_with_warnings(folder):
    data = make_bad_corpus.CP1256.encode("cp1256")
    at = upload(run_page("sources"), SEED_001, data)
    saved = SEED_001.replace(".txt", " (2).txt")
    assert notices(at, "success") == [f"Upload: **{SEED_001}**: saved {saved} ({len(data)} bytes)"]
    warnings = notices(at, "warning")
    assert f"Upload: saved as {saved} because {SEED_001} is already used" in warnings
    assert any("not UTF-8; decoded as Windows-1256" in w for w in warnings), warnings
    assert at.selectbox(key="src_doc").value == saved
    assert (folder / saved).read_bytes() == data and (folder / SEED_001).read_bytes() != data


def test_save_without_a_file_says_so(folder):
    at = run_page("sources")
    at.button(key="src_upload_save").click().run(timeout=60)
    assert notices(at, "error") == ["Upload: no file chosen: choose a .txt, .html or .htm file first"]


def test_announced_size_is_checked_before_the_file_is_read(tmp_path):
    def read() -> bytes:
        raise AssertionError("an oversized upload must not be read")

    outcome = save_uploaded(tmp_path, "big.txt", DEFAULT_MAX_BYTES + 1, read)
    assert outcome.saved == ""
    assert outcome.notices[0][0] == "error" and "exceeds the limit of 2000000 bytes" in outcome.notices[0][1]
    assert list(tmp_path.iterdir()) == []


def test_missing_folder_is_a_refusal_not_an_exception(tmp_path):
    outcome = save_uploaded(tmp_path / "gone", "a.txt", 3, lambda: b"abc")
    assert outcome.saved == "" and outcome.notices[0][0] == "error" and "folder not found" in outcome.notices[0][1]


@pytest.mark.parametrize(("message", "level"), [
    ("refused: a.txt: empty file (0 bytes)", "error"),
    ("saved a.txt (12 bytes)", "success"),
    ("saved as a (2).txt because a.txt is already used", "warning"),
    ("a.txt: not UTF-8; decoded as Windows-1256 (detected by charset-normalizer)", "warning"),
    ("a.html: note: HTML converted to text (10 characters kept of 50)", "info"),
    ("manifest.csv: added a.txt published 2013", "info"),
    ("EGOV_MAX_BYTES='x' is not a positive whole number of bytes; using the default limit", "warning"),
])
def test_notice_level(message, level):
    assert notice_level(message) == level


def test_upload_limits_agree_with_the_ingest_limit():
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    cap = config["server"]["maxUploadSize"]
    assert cap * MIB >= DEFAULT_MAX_BYTES  # every acceptable article can be uploaded
    assert cap <= 10  # and the server never buffers much more than an article
    assert upload_limit_mb(DEFAULT_MAX_BYTES, cap) == 2
    assert upload_limit_mb(100, cap) == 1 and upload_limit_mb(50 * MIB, cap) == cap


# ------------------------------------------------------------------ problem documents

@pytest.fixture
def bad_folder(tmp_path, monkeypatch) -> Path:
    path = make_bad_corpus.build(tmp_path / "bad", ROOT / "seeds")
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(path))
    monkeypatch.setenv("EGOV_MAX_BYTES", "200000")  # huge.txt (300 kB) is over it
    return path


def test_every_problem_in_the_bad_corpus_is_named_and_the_seeds_still_load(bad_folder):
    docs, folder_messages = read_corpus(bad_folder, max_bytes=200_000)
    problems = {d.doc: "; ".join(d.messages) for d in docs if d.status in ("warning", "error")}
    assert {"binary.txt", "empty.txt", "huge.txt", "cp1256.txt", "duplicate.txt", "xss.txt"} <= set(problems)
    at = run_page("sources")
    shown = notices(at, "error", "warning")
    for doc, message in problems.items():
        assert any(doc in n and message in n for n in shown), (doc, message)
    for message in folder_messages:
        assert f"Articles folder: {message}" in shown
    assert any("notes.pdf" in m for m in folder_messages)

    for doc in ("binary.txt", "cp1256.txt"):  # the chosen document's problem is shown once, beside it
        at.selectbox(key="src_doc").set_value(doc).run(timeout=60)
        assert sum(problems[doc] in n for n in notices(at, "error", "warning")) == 1
        assert any(n.startswith("Status: ") and problems[doc] in n for n in notices(at, "error", "warning"))
    for doc in SEEDS:  # the seeds load unchanged among the bad files
        at.selectbox(key="src_doc").set_value(doc).run(timeout=60)
        assert not at.exception
        assert notices(at, "success") == ["Status: ok"]
        assert [b for b in at.get("html") if 'class="article-text"' in b.proto.body]


# ------------------------------------------------------------------ untrusted text

@pytest.fixture
def xss_folder(tmp_path, monkeypatch) -> Path:
    path = xss_article.build(tmp_path / "seeds", ROOT / "seeds")
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(path))
    return path


def assert_no_live_markup(at: AppTest) -> None:
    """No payload reaches Markdown unescaped, and no tag from the article reaches HTML or a figure."""
    bodies = [e.value for kind in TEXT_ELEMENTS for e in getattr(at, kind)]
    for body in bodies:
        for payload in xss_article.PAYLOADS:
            assert payload not in body, (payload, body)
        assert "](javascript" not in body and "![" not in body.replace("\\![", ""), body
    own = plotly_loader.preload_script()  # the page's own script (a fixed text), the one allowed
    for body in [b.proto.body for b in at.get("html") if b.proto.body != own] + figure_strings(at):
        for tag in RAW_TAGS:
            assert tag not in body, (tag, body[:300])


def test_sources_shows_payloads_as_text(xss_folder):
    at = run_page("sources", src_doc=xss_article.FILE_NAME)
    assert at.selectbox(key="src_doc").value == xss_article.FILE_NAME
    assert_no_live_markup(at)
    bodies = " ".join(b.proto.body for b in at.get("html"))
    for payload in (xss_article.SCRIPT, xss_article.IMG, xss_article.HOVER, xss_article.FRAME):
        assert html.escape(payload) in bodies  # escaped, so shown as typed
    status = at.warning[-1].value
    assert status.startswith("Status: warning — ") and md_escape("source_url 'javascript:__xss=1'") in status
    assert md_escape(xss_article.FILE_NAME) in status
    title = next(b.proto.body for b in at.get("html") if "font-weight:700" in b.proto.body)
    assert html.escape(xss_article.SCRIPT) in title


def test_payload_file_name_is_text_in_other_documents_notices(xss_folder):
    at = run_page("sources", src_doc=SEED_001)
    notice = next(w.value for w in at.warning if md_escape(xss_article.FILE_NAME) in w.value)
    assert notice.startswith(f"**{md_escape(xss_article.FILE_NAME)}** (warning): ")
    assert_no_live_markup(at)


@pytest.mark.parametrize("page", ["overview", "ranking", "delegations", "gcc"])
def test_other_pages_show_payloads_as_text(xss_folder, page):
    at = run_page(page)
    assert_no_live_markup(at)
    if page == "gcc":
        cards = " ".join(b.proto.body for b in at.get("html"))
        assert html.escape(xss_article.IMG) in cards
        assert html.escape(f"Evidence from {xss_article.FILE_NAME} (characters") in cards
        assert html.escape(xss_article.FILE_NAME) in cards and xss_article.FILE_NAME not in cards
    if page == "overview":
        hovers = " ".join(figure_strings(at))
        assert html.escape(xss_article.SCRIPT) in hovers  # the title, in the timeline hover


# ------------------------------------------------------------------ helpers

@pytest.mark.parametrize(("text", "escaped"), [
    ("plain عربي", "plain عربي"),
    ("[x](javascript:alert(1))", r"\[x\]\(javascript\:alert\(1\)\)"),
    ("![a](http://h/i.png)", "\\!\\[a\\]\\(http\u2060\\:\\/\\/h\\/i\\.png\\)"),  # U+2060: no bare link
    ("<b>**bold**</b>", r"\<b\>\*\*bold\*\*\<\/b\>"),
    (":red[x] $y$", r"\:red\[x\] \$y\$"),
    ("line\nnext", "line next"),
    ("a\\b", "a\\\\b"),
])
def test_md_escape(text, escaped):
    assert md_escape(text) == escaped
    assert unescape(md_escape(text)) == text.replace("\n", " ")


def test_csv_safe_neutralizes_formulas_only_in_text():
    frame = pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "عادي", None],
                          "number": [-1, 2, 3, 4, 5, 6]})
    safe = csv_safe(frame)
    assert list(safe["text"][:5]) == ["'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "عادي"]
    assert pd.isna(safe["text"][5]) and list(safe["number"]) == [-1, 2, 3, 4, 5, 6]
    assert frame["text"][0].startswith("=")  # the shared table is not modified
