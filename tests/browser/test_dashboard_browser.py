"""The dashboard in headless chromium: pages draw, filters redraw and write the URL, URLs reopen views,
the offline map draws Bahrain, the Sources page shows right-to-left Arabic with highlights.

Each page test saves a full-page screenshot (1400 px wide) to tests/artifacts/screenshots/<page>.png (ignored by
git); `bash scripts/screenshots.sh` runs the same tests with EGOV_SCREENSHOTS=docs/screenshots to renew the
README's pictures.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from browser_helpers import assert_no_errors, assert_offline, expect, open_page, streamlit_server

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
# Where the pictures go: an ignored folder, unless EGOV_SCREENSHOTS names another (scripts/screenshots.sh).
SCREENSHOTS = ROOT / os.environ.get("EGOV_SCREENSHOTS", "tests/artifacts/screenshots")
SEED_001 = "001_5381bd0356d4e17e.txt"
PAGES = [  # (screenshot name, path, charts drawn, cites the UN survey)
    ("overview", "/", 2, True),
    ("ranking_trajectory", "/Ranking_trajectory", 1, True),
    ("delegations", "/Delegations", 3, False),
    ("gcc_cooperation", "/GCC_cooperation", 2, False),
    ("sources", f"/Sources?src_doc={SEED_001}", 0, True),
    ("country_profile", "/Country_profile?iso3=OMN", 2, True),
]
TABS = [("ranking_trajectory_map", "/Ranking_trajectory", "Map"),
        ("ranking_trajectory_table", "/Ranking_trajectory", "Table")]


def screenshot(page, name: str) -> None:
    """Full page at 1400 px: Streamlit scrolls inside its main block, so grow the viewport to fit it."""
    height = page.evaluate("document.querySelector('[data-testid=stMain]').scrollHeight")
    page.set_viewport_size({"width": 1400, "height": max(900, int(height))})
    page.wait_for_timeout(700)  # charts and the sidebar relayout to the new height
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)
    page.set_viewport_size({"width": 1400, "height": 900})


def open_tab(page, label: str) -> None:
    page.get_by_role("tab", name=label).click()
    page.wait_for_timeout(1500)  # the tab's chart is drawn when it becomes visible


@pytest.mark.parametrize(("name", "path", "tab"), TABS, ids=[t[0] for t in TABS])
def test_ranking_tabs_draw_without_errors(page, server, name, path, tab):
    open_page(page, server, path, 1)
    open_tab(page, tab)
    if tab == "Map":
        paths = page.locator(".st-key-rk_map .choroplethlocation")
        expect()(paths.first).to_be_attached()
        assert paths.count() > 150  # every assessed state
        expect()(page.locator(".st-key-rk_map .scattergeo text").first).to_have_text("Bahrain")
    else:
        expect()(page.locator(".st-key-rk_every")).to_be_visible()
    assert_no_errors(page)
    assert_offline(page, server)
    screenshot(page, name)


def test_clicking_a_state_on_the_map_opens_its_profile(page, server):
    open_page(page, server, "/Delegations", 3)
    dot = page.locator(".st-key-dl_map .scattergeo .point").first
    dot.click(force=True)
    page.wait_for_url("**/Country_profile?iso3=*", timeout=30_000)
    expect()(page.locator("[data-testid=stMain] h1")).to_have_text("Country profile")
    iso3 = parse_qs(urlparse(page.url).query)["iso3"][0]
    assert len(iso3) == 3
    assert_no_errors(page)


def test_clicking_an_event_opens_its_evidence(page, server):
    open_page(page, server, "/", 2)
    timeline_points(page).first.click(force=True)
    page.wait_for_url("**/Sources?src_doc=*", timeout=30_000)
    expect()(page.locator("div.article-text[dir=rtl]")).to_be_visible()
    assert_no_errors(page)


def timeline_points(page):
    return page.locator(".st-key-ov_timeline .scatterlayer .point")


@pytest.mark.parametrize(("name", "path", "charts", "cites_un"), PAGES, ids=[p[0] for p in PAGES])
def test_page_draws_without_errors(page, server, name, path, charts, cites_un):
    open_page(page, server, path, charts)
    assert_no_errors(page)
    sources_line = page.get_by_text("Arabic news articles in")
    expect()(sources_line).to_have_count(1)
    assert ("UN E-Government Survey 2003–2024" in sources_line.inner_text()) == cites_un
    assert_offline(page, server)
    screenshot(page, name)


def test_map_draws_bahrain_from_the_local_topojson(page, server):
    open_page(page, server, "/", 2)
    paths = page.locator(".st-key-ov_map .choroplethlocation")
    expect()(paths.first).to_be_attached()
    box = page.evaluate("""() => {
        const path = Array.from(document.querySelectorAll('.st-key-ov_map .choroplethlocation'))
            .find(p => p.__data__ && p.__data__.loc === 'BHR');
        if (!path) return null;
        const b = path.getBBox();
        return {width: b.width, height: b.height, d: path.getAttribute('d').length};
    }""")
    assert box is not None, "no choropleth path for Bahrain"
    assert box["width"] > 0 and box["height"] > 0 and box["d"] > 10
    assert paths.count() > 1
    assert any(url.endswith("/app/static/topojson/small_states/world_110m.json") for url in page.requests)
    assert_offline(page, server)


def test_filter_change_redraws_and_writes_the_url(page, server, seeds_corpus):
    events = seeds_corpus.events
    open_page(page, server, "/", 2)
    expect()(timeline_points(page)).to_have_count(len(events))
    page.get_by_text("GCC events only").click()
    expect()(timeline_points(page)).to_have_count(int(events["gcc"].fillna(False).sum()))
    page.wait_for_function("() => window.location.search.includes('ov_gcc=true')")
    assert parse_qs(urlparse(page.url).query)["ov_gcc"] == ["true"]
    # Each live chart draws its caption under itself, and the caption follows the filter.
    caption = page.locator(".st-key-ov_timeline .egov-live-caption")
    expect()(caption).to_have_count(1)
    expect()(caption).to_contain_text(f"Timeline of {timeline_points(page).count()} events")
    expect()(page.locator(".st-key-ov_map .egov-live-caption")).to_contain_text("World map of the ")
    assert_no_errors(page)


def test_url_with_filters_opens_that_view(page, server, seeds_corpus):
    events = seeds_corpus.events
    open_page(page, server, "/?ov_kind=workshop", 2)
    expect()(timeline_points(page)).to_have_count(int((events["kind"] == "workshop").sum()))
    expect()(page.locator("[data-testid=stSidebar]").get_by_text("workshop", exact=True)).to_be_visible()

    open_page(page, server, "/Ranking_trajectory?rk_scope=GCC&rk_peers=Qatar", 1)
    expect()(page.locator(".st-key-rk_chart .gtitle")).to_contain_text("GCC")
    # Lines are labelled at their end (annotations), the legend explains the claim markers only.
    labels = page.locator(".st-key-rk_chart .annotation-text").evaluate_all("els => els.map(e => e.textContent)")
    assert "Bahrain" in labels and "Qatar" in labels and "Oman" not in labels
    assert_no_errors(page)


def test_sources_shows_arabic_right_to_left_with_highlights(page, server):
    open_page(page, server, f"/Sources?src_doc={SEED_001}", 0)
    article = page.locator("div.article-text[dir=rtl]")
    expect()(article).to_be_visible()
    assert article.get_attribute("lang") == "ar"
    assert article.evaluate("el => getComputedStyle(el).direction") == "rtl"
    marks = page.locator("div[dir=rtl] mark")
    assert marks.count() > 0
    kinds = set(page.evaluate("() => Array.from(document.querySelectorAll('div[dir=rtl] mark')).map(m => m.className)"))
    assert {"hl-event", "hl-participant", "hl-claim", "hl-rank"} <= kinds
    assert_no_errors(page)


def test_extracted_tables_open_on_click_and_the_url_keeps_them_open(page, server, seeds_corpus):
    open_page(page, server, "/", 2)
    grids = page.locator("[data-testid=stMain] [data-testid=stDataFrame]")
    expect()(grids).to_have_count(0)  # closed: not sent before the charts
    page.get_by_text("The extracted tables", exact=True).click()
    expect()(grids.first).to_be_visible()
    page.wait_for_function("() => window.location.search.includes('ov_tables=true')")
    expect()(page.get_by_role("tab")).to_have_text(["documents", "events", "participants", "rankings", "stories"])
    assert_no_errors(page)


def test_a_deep_link_on_a_fresh_server_gets_the_menu_of_the_entry_point(page, tmp_path):
    """Before any session has run dashboard.py, Streamlit serves /Delegations in its older pages/-folder
    mode, whose menu named the Overview "dashboard" (the file's name); the page now leaves that mode and
    the entry point draws the menu."""
    seeds = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", seeds)
    with streamlit_server(seeds) as fresh:
        open_page(page, fresh.url, "/Delegations", 3)
        menu = page.locator("[data-testid=stSidebarNav]").inner_text().split()
        assert "Overview" in menu and "dashboard" not in menu
        assert page.locator("h1").first.inner_text() == "Delegations"
        assert urlparse(page.url).path == "/Delegations"
