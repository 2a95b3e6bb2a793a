"""A story of three reports in headless chromium, in English and Arabic: the Delegations page counts it once
and gives each outlet's figure; the Sources page says which outlets also reported it, and its link leads to
the other article, which names the first. On its own server over a folder of four articles written for this test."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from browser_helpers import assert_no_errors, assert_offline, expect, open_page, streamlit_server

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from test_stories_pages import ARTICLES  # noqa: E402  (the same four articles as the AppTests)

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def story_server(browser_available, tmp_path_factory):
    folder = tmp_path_factory.mktemp("stories") / "articles"
    folder.mkdir()
    rows = []
    for i, (name, (text, url)) in enumerate(ARTICLES.items()):
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},2019-03-1{i},{url}\n")
    (folder / "manifest.csv").write_text("file,published,source_url\n" + "".join(rows), encoding="utf-8")
    with streamlit_server(folder) as running:
        yield running.url


@pytest.mark.parametrize("lang, counted, also", [
    ("en", "stories told by", "Also reported by:"),
    ("ar", "قصة رواها", "نشرت الخبر أيضاً:"),
], ids=["english", "arabic"])
def test_a_story_of_three_reports(page, story_server, lang, counted, also):
    open_page(page, story_server, f"/Delegations?lang={lang}", charts=1)
    assert_no_errors(page)
    main = page.locator("[data-testid=stMain]")
    expect()(main.get_by_text(counted)).to_be_visible()
    bars = page.locator(".js-plotly-plot").first.locator("g.point")
    assert bars.count() == 1  # one bar for the forum of three reports (the meeting states no size: no bar)

    open_page(page, story_server, f"/Sources?lang={lang}&src_doc=a.txt", charts=0)
    assert_no_errors(page)
    line = main.locator("p", has_text=also)
    expect()(line).to_be_visible()
    expect()(line.locator("a", has_text="beta-daily.example")).to_be_visible()
    expect()(line.locator("a", has_text="gamma-agency.example")).to_be_visible()
    assert line.locator("a", has_text="delta.example").count() == 0
    href = line.locator("a", has_text="beta-daily.example").get_attribute("href")
    assert "src_doc=b.txt" in href and f"lang={lang}" in href if lang != "en" else "src_doc=b.txt" in href
    open_page(page, story_server, href, charts=0)  # the link (Streamlit opens it in a new tab)
    expect()(page.locator("[data-testid=stMain] p", has_text=also).locator("a", has_text="alpha-news.example")).to_be_visible()
    assert_offline(page, story_server)
