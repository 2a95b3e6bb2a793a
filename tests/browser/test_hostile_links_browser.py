"""In headless chromium: bare web and e-mail addresses quoted in a folder message (a manifest row whose file
name is refused) are shown as plain text, never as live links."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from browser_helpers import open_page, streamlit_server

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.browser
NAME = "someone@example.org www.example.com http://example.net.txt"


@pytest.fixture(scope="module")
def links_server(browser_available, tmp_path_factory):
    folder = tmp_path_factory.mktemp("links") / "articles"
    shutil.copytree(ROOT / "seeds", folder, ignore=shutil.ignore_patterns("corrections.jsonl", ".corrections.lock"))
    manifest = folder / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").rstrip("\n") + f"\n{NAME},2015,\n", encoding="utf-8")
    with streamlit_server(folder) as running:
        yield running


def test_addresses_in_a_folder_message_are_not_links(page, links_server):
    open_page(page, links_server.url, "/Sources", 0)
    notice = page.locator("[data-testid=stAlert]", has_text="Articles folder: manifest.csv row").first
    assert NAME in notice.inner_text().replace("\u2060", "")
    assert notice.locator("a").count() == 0
