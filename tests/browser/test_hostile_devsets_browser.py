"""In headless chromium, on a server of its own over the real development articles (../shared/devset +
devset_r) and the seeds in one folder: every page draws its charts with no error box."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from browser_helpers import assert_no_errors, assert_offline, open_page, streamlit_server

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "tests"))
from folder_helpers import development_folder  # noqa: E402

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not (SHARED / "devset_r").is_dir(), reason="../shared/devset_r not present")]
PAGES = [  # (path, charts drawn)
    ("/", 2),
    ("/Ranking_trajectory", 1),
    ("/Delegations", 3),
    ("/GCC_cooperation", 2),
    ("/Sources", 0),
    ("/Review", 0),
    ("/Country_profile?iso3=BHR", 2),
]


@pytest.fixture(scope="module")
def devsets_server(browser_available, tmp_path_factory):
    folder = development_folder(tmp_path_factory.mktemp("devsets") / "articles", SHARED, ROOT / "seeds")
    with streamlit_server(folder) as running:
        yield running


@pytest.mark.parametrize(("path", "charts"), PAGES, ids=[p[0] for p in PAGES])
def test_every_page_draws_on_the_development_articles(page, devsets_server, path, charts):
    articles = len(list(devsets_server.folder.glob("*.txt")))
    open_page(page, devsets_server.url, path, charts)
    assert_no_errors(page)
    assert page.get_by_text(f"{articles:,} Arabic news articles in").count() == 1
    assert_offline(page, devsets_server.url)
