"""The Arabic interface in headless chromium: every page and tab right to left (dir="rtl" on the main block
and the sidebar), no English word in headings, labels, tabs or chart texts, the language kept in the URL
across the page menu; full-page screenshots ar_<page>.png beside the
other pages' (test_dashboard_browser.SCREENSHOTS)."""

from __future__ import annotations

import re

import pytest
from browser_helpers import assert_no_errors, assert_offline, expect, open_page
from test_dashboard_browser import SEED_001, screenshot

SEED_002 = "002_00978ef207b782b4.txt"  # a workshop and the states named in it
pytestmark = pytest.mark.browser

PAGES = [  # (screenshot name, path, charts drawn, tab to open)
    ("ar_overview", "/?lang=ar", 2, None),
    ("ar_ranking_trajectory", "/Ranking_trajectory?lang=ar", 1, None),
    ("ar_ranking_trajectory_map", "/Ranking_trajectory?lang=ar", 1, "الخريطة"),
    ("ar_ranking_trajectory_table", "/Ranking_trajectory?lang=ar", 1, "الجدول"),
    ("ar_delegations", "/Delegations?lang=ar", 3, None),
    ("ar_gcc_cooperation", "/GCC_cooperation?lang=ar", 2, None),
    ("ar_sources", f"/Sources?lang=ar&src_doc={SEED_001}", 0, None),
    ("ar_country_profile", "/Country_profile?lang=ar&iso3=OMN", 2, None),
    ("ar_review", f"/Review?lang=ar&rv_doc={SEED_002}", 0, None),
]
# Latin words allowed in these places: none but the file format on a button.
ALLOWED = {"CSV"}
TEXTS_JS = """() => {
  const main = document.querySelector('[data-testid=stMain]');
  const side = document.querySelector('[data-testid=stSidebar]');
  const pick = (root, sel) => Array.from(root.querySelectorAll(sel)).filter(e => e.offsetParent !== null || e.closest('svg'))
                                   .map(e => e.textContent);
  return {
    headings: pick(main, 'h1, h2, h3'),
    labels: [...pick(main, '[data-testid=stWidgetLabel]'), ...pick(side, '[data-testid=stWidgetLabel]'),
             ...pick(main, '[role=tab]'), ...pick(side, '[data-testid=stSidebarNav] span')],
    charts: pick(main, '.js-plotly-plot .gtitle, .js-plotly-plot .xtitle, .js-plotly-plot .ytitle, '
                     + '.js-plotly-plot .legendtext, .js-plotly-plot .xtick text, .js-plotly-plot .ytick text, '
                     + '.js-plotly-plot .colorbar .cbtitle'),
    dirs: [main.getAttribute('dir'), side ? side.getAttribute('dir') : null, getComputedStyle(main).direction],
  };
}"""


@pytest.fixture(scope="module", autouse=True)
def menu_in_navigation_mode(chromium, server):
    """Open the Overview once: on a freshly started server Streamlit shows its file-name menu (English)
    until a session has run dashboard.py (docs/DASHBOARD.md, known quirks)."""
    context = chromium.new_context()
    tab = context.new_page()
    tab.goto(server + "/")
    tab.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
    context.close()


def english_words(texts: list[str]) -> list[str]:
    words = [w for t in texts for w in re.findall(r"[A-Za-z]{2,}", t)]
    return [w for w in words if w not in ALLOWED and w != "Language"]  # the switch names both languages


@pytest.mark.parametrize(("name", "path", "charts", "tab"), PAGES, ids=[p[0] for p in PAGES])
def test_arabic_page_is_right_to_left_with_no_english_text(page, server, name, path, charts, tab):
    open_page(page, server, path, charts)
    if tab:
        page.get_by_role("tab", name=tab).click()
        page.wait_for_timeout(1500)
    found = page.evaluate(TEXTS_JS)
    assert found["dirs"] == ["rtl", "rtl", "rtl"], found["dirs"]
    assert found["headings"] and found["charts"] if charts else found["headings"]
    for part in ("headings", "labels", "charts"):
        assert not english_words(found[part]), (part, english_words(found[part]))
    assert_no_errors(page)
    assert_offline(page, server)
    screenshot(page, name)


def test_the_language_survives_the_page_menu(page, server):
    open_page(page, server, "/?lang=ar", 2)
    page.locator("[data-testid=stSidebarNav] a").nth(2).click()
    page.wait_for_url("**/Delegations?lang=ar", timeout=30_000)
    # A list of texts: passes once exactly one heading is left (the rerun's stale one is gone).
    expect()(page.locator("[data-testid=stMain] h1")).to_have_text(["الوفود"])
    page.locator("[data-testid=stSidebar] [data-testid=stRadio]").first.locator("[data-testid=stRadioOption]").first.click()
    expect()(page.locator("[data-testid=stMain] h1")).to_have_text(["Delegations"])
    page.wait_for_function("() => !window.location.search.includes('lang=')")


def test_a_filter_change_keeps_the_arabic_interface(page, server, seeds_corpus):
    """A filter reruns only the page's filtered part (a fragment, which does not pass through the page
    set-up): the redrawn metrics, labels and charts stay Arabic and the chart follows the filter."""
    from ui import i18n

    events = seeds_corpus.events
    open_page(page, server, "/?lang=ar", 2)
    toggle = i18n.translations("ar").gettext("GCC events only")
    assert toggle != "GCC events only"
    page.locator("[data-testid=stSidebar]").get_by_text(toggle, exact=True).click()
    points = page.locator(".st-key-ov_timeline .scatterlayer .point")
    expect()(points).to_have_count(int(events["gcc"].fillna(False).sum()))
    page.wait_for_function("() => window.location.search.includes('ov_gcc=true')")
    found = page.evaluate(TEXTS_JS)
    metrics = page.locator("[data-testid=stMetricLabel]").all_inner_texts()
    for part, texts in (("labels", found["labels"]), ("charts", found["charts"]), ("metrics", metrics)):
        assert texts and not english_words(texts), (part, english_words(texts))
    assert_no_errors(page)


def test_a_link_with_arabic_indic_digits_opens_with_them_and_the_menu_keeps_them(page, server):
    """A shared link with &digits=arabic_indic: the digits option is on, the chart ticks are Arabic-Indic,
    and the page menu (which drops the page's parameters) opens the next page with them too."""
    open_page(page, server, "/Ranking_trajectory?lang=ar&digits=arabic_indic", 1)
    expect()(page.locator(".js-plotly-plot .xtick text").filter(has_text="٢٠٢٤")).to_have_count(1)
    digits = page.locator("[data-testid=stSidebar] [data-testid=stRadio]").nth(1)
    expect()(digits.get_by_role("radio", name="١٢٣")).to_be_checked()
    page.locator("[data-testid=stSidebarNav] a").nth(2).click()
    page.wait_for_function("() => location.pathname.endsWith('/Delegations') && location.search.includes('lang=ar')"
                           " && location.search.includes('digits=arabic_indic')", timeout=30_000)
    expect()(page.locator("[data-testid=stMain] h1")).to_have_text(["الوفود"])
    ticks = page.locator(".js-plotly-plot .xtick text, .js-plotly-plot .ytick text")
    expect()(ticks.first).to_be_visible()
    texts = ticks.all_text_contents()  # SVG text has no innerText
    assert any(re.search("[٠-٩]", t) for t in texts) and not any(re.search("[0-9]", t) for t in texts), texts
    assert_no_errors(page)
