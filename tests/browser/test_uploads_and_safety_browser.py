"""In headless chromium, on a server of their own (they change its folder): article text full of script,
HTML and Markdown payloads stays text on every page, and an article uploaded on the Sources page appears
on the Delegations page without a restart.

The payload article and its file name come from tools/xss_article.py; every payload would set
window.__xss, open an alert or log "XSS-MARKER", or fetch from http://xss-marker-host/ if it ran.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import parse_qs, quote, urlparse

import pytest
from browser_helpers import assert_no_errors, assert_offline, expect, open_page, streamlit_server, wait_until_settled

from tools import xss_article

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
XSS_DOC = xss_article.FILE_NAME
PAGES = [  # (path, charts drawn)
    (f"/Sources?src_doc={quote(XSS_DOC)}", 0),
    ("/?ov_tables=true", 2),  # the extracted tables too (drawn while their expander is open)
    ("/Ranking_trajectory", 1),
    ("/Delegations", 3),
    ("/GCC_cooperation", 1),
]
# Elements that only a payload from the article could have put in the page.
LIVE_PAYLOAD_JS = """() => {
  const found = [];
  for (const s of document.querySelectorAll('script')) if (s.textContent.includes('__xss')) found.push('script');
  for (const sel of ['img[onerror]', '[onmouseover]', 'svg[onload]', 'iframe[src^="javascript"]',
                     'a[href^="javascript"]', 'img[src*="xss-marker-host"]'])
    for (const el of document.querySelectorAll(sel)) found.push(sel + ': ' + el.outerHTML.slice(0, 80));
  return found;
}"""
UPLOADED_NAME = "kazakhstan_uzbekistan_visit.txt"
UPLOADED_TEXT = (
    "وفد من كازاخستان وأوزبكستان يطلع على تجربة البحرين في الحكومة الإلكترونية\n"
    "المنامة، 14 مارس 2021: استقبلت هيئة المعلومات والحكومة الإلكترونية في مملكة البحرين وفدا رسميا مكون من "
    "7 دول، تتقدمه جمهورية كازاخستان وجمهورية أوزبكستان، في زيارة تستمر يومين للاطلاع على تجربة المملكة في "
    "تقديم الخدمات الحكومية الإلكترونية.\n"
    "وقدم مسؤولو الهيئة عرضا عن البوابة الوطنية ومراكز الخدمة والهوية الرقمية، وأكد رئيس الوفد أن بلاده "
    "تتطلع إلى تعاون أوسع مع مملكة البحرين في مجال التحول الرقمي.\n"
)  # written for this test


@pytest.fixture(scope="module")
def scratch_server(browser_available, tmp_path_factory):
    """A server of this module's own on seeds/ plus the payload article; the upload test adds to it."""
    folder = xss_article.build(tmp_path_factory.mktemp("scratch") / "seeds", ROOT / "seeds")
    with streamlit_server(folder) as running:
        yield running


@pytest.fixture
def watched(page):
    """The page, recording dialogs (dismissed) and console messages."""
    page.dialogs, page.console = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: page.console.append(message.text))
    return page


def assert_inert(page, server: str) -> None:
    assert not page.dialogs, page.dialogs
    assert not [m for m in page.console if xss_article.MARKER in m], page.console
    assert page.evaluate("() => typeof window.__xss") == "undefined"
    assert page.evaluate(LIVE_PAYLOAD_JS) == []
    assert_offline(page, server)  # also: no request to xss-marker-host


def hover_all(page, selector: str, limit: int = 40) -> None:
    """Hover each match (Plotly points, highlights) so hover labels and mouseover handlers get their chance."""
    items = page.locator(selector)
    for n in range(min(items.count(), limit)):
        try:
            items.nth(n).hover(timeout=2_000, force=True)
        except Exception:  # a point hidden behind another is fine to skip
            continue


def choose_file(page, path: Path) -> None:
    """Put `path` in the Sources page's uploader and wait until it is sent (its chip can be removed)."""
    uploader = page.locator(".st-key-src_upload_file")
    uploader.locator("input[type=file]").set_input_files(str(path))
    expect()(uploader.get_by_role("button", name=f"Remove {path.name}")).to_be_visible()
    expect()(uploader.get_by_role("progressbar")).to_have_count(0)


@pytest.mark.parametrize(("path", "charts"), PAGES, ids=["sources", "overview", "ranking", "delegations", "gcc"])
def test_article_payloads_stay_text(watched, scratch_server, path, charts):
    page, server = watched, scratch_server.url
    open_page(page, server, path, charts)
    assert_no_errors(page)
    if path.startswith("/Sources"):
        article = page.locator("div.article-text")
        expect()(article).to_contain_text(xss_article.SCRIPT)  # shown as the characters typed
        expect()(article).to_contain_text(xss_article.LINK)
        expect()(page.locator("[data-testid=stMain]")).to_contain_text(XSS_DOC)  # the file name, as text
        # The options list shows the article by date and title — the title is the payload line, shown
        # as the characters typed. Opened before anything scrolls: scrolling closes it.
        page.locator(".st-key-src_doc").get_by_role("combobox").click()
        expect()(page.get_by_role("option").filter(has_text=xss_article.SCRIPT)).to_have_count(1)
        assert page.evaluate(LIVE_PAYLOAD_JS) == []
        page.keyboard.press("Escape")
        hover_all(page, "div.article-text mark")
        page.locator("div.article-text").hover()
    elif path == "/GCC_cooperation":
        expect()(page.locator("[data-testid=stMain]")).to_contain_text(xss_article.IMG)
        expect()(page.get_by_text(f"Evidence from {XSS_DOC}")).to_have_count(1)
    elif path.startswith("/?"):
        expect()(page.locator("[data-testid=stMain] [data-testid=stDataFrame]").first).to_be_visible()
        hover_all(page, ".st-key-ov_timeline .scatterlayer .point")
    elif path == "/Ranking_trajectory":
        hover_all(page, ".st-key-rk_chart .scatterlayer .point")
    page.wait_for_timeout(300)
    assert_inert(page, server)


def test_uploaded_article_appears_on_the_delegations_page(watched, scratch_server, tmp_path):
    page, server = watched, scratch_server.url
    open_page(page, server, "/Sources", 0)
    upload = tmp_path / UPLOADED_NAME
    upload.write_text(UPLOADED_TEXT, encoding="utf-8")
    choose_file(page, upload)
    page.locator(".st-key-src_upload_published input").fill("2021-03-14")
    page.get_by_role("button", name="Save to the articles folder").click()

    expect()(page.locator("[data-testid=stAlertContentSuccess]").first).to_contain_text(f"saved {UPLOADED_NAME}")
    expect()(page.locator("[data-testid=stAlertContentInfo]").first).to_contain_text("published 2021-03-14")
    wait_until_settled(page)
    # The new article is the one shown (listed by its date and title), and the URL names its file.
    expect()(page.locator(".st-key-src_doc").get_by_role("combobox")).to_have_value(re.compile("^14 March 2021 · وفد من كازاخستان"))
    expect()(page.locator("div.article-text")).to_contain_text("كازاخستان")
    page.wait_for_function(f"() => window.location.search.includes({quote(UPLOADED_NAME)!r})")
    assert parse_qs(urlparse(page.url).query)["src_doc"] == [UPLOADED_NAME]
    assert (scratch_server.folder / UPLOADED_NAME).read_text(encoding="utf-8") == UPLOADED_TEXT
    assert_no_errors(page)

    # No restart: the other pages read the folder again because its fingerprint changed.
    open_page(page, server, "/Delegations", 3)
    states = page.locator(".st-key-dl_freq .ytick text").evaluate_all("els => els.map(e => e.textContent)")
    assert {"Kazakhstan", "Uzbekistan"} <= set(states), states
    events = page.locator(".st-key-dl_bars .xtick text").evaluate_all("els => els.map(e => e.textContent)")
    assert "14 March 2021 visit" in events, events
    assert_no_errors(page)
    assert_inert(page, server)


def test_refused_upload_is_named_and_nothing_is_saved(watched, scratch_server, tmp_path):
    page, server = watched, scratch_server.url
    folder = scratch_server.folder
    before = sorted(p.name for p in folder.iterdir())
    open_page(page, server, "/Sources", 0)
    copy = tmp_path / "copy of 001.txt"
    shutil.copyfile(ROOT / "seeds" / "001_5381bd0356d4e17e.txt", copy)
    choose_file(page, copy)
    page.locator(".st-key-src_upload_published input").fill("26/06/2013")
    page.get_by_role("button", name="Save to the articles folder").click()
    error = page.locator("[data-testid=stAlertContentError]").first
    expect()(error).to_contain_text(copy.name)
    expect()(error).to_contain_text("write 2013-06-26")
    assert sorted(p.name for p in folder.iterdir()) == before
    assert_inert(page, server)
