"""In headless chromium, on a server of its own (the test writes corrections into its folder): from the
Sources page's link to the Review page, correct the host of an event, reject a participant and add one
through the real widgets; the page reloads with the reviewed values, and the Delegations page shows them
without a restart.

Seed facts: article 002 reports a workshop hosted by Bahrain with Tunisia and Comoros named; Tunisia
appears in no other article and Egypt in none.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from urllib.parse import parse_qs, urlparse

import pytest
from browser_helpers import assert_no_errors, assert_offline, expect, open_page, streamlit_server, wait_until_settled

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
DOC = "002_00978ef207b782b4.txt"
NOTE = "held in Doha <b>not bold</b> **not bold**"
LOG = "corrections.jsonl"


@pytest.fixture(scope="module")
def review_server(browser_available, tmp_path_factory):
    folder = tmp_path_factory.mktemp("review") / "seeds"
    shutil.copytree(ROOT / "seeds", folder, ignore=shutil.ignore_patterns(LOG, ".corrections.lock"))
    with streamlit_server(folder) as running:
        yield running


def record_ids(folder: Path) -> dict[str, str]:
    from core import load_corpus
    corpus = load_corpus(folder)
    ev = corpus.events[(corpus.events["doc"] == DOC) & (corpus.events["role"] == "main")].iloc[0]
    pa = corpus.participants.set_index(["doc", "iso3"])
    return {"event": ev["record_id"], "TUN": pa.loc[(DOC, "TUN"), "record_id"]}


def choose(page, key: str, option: str, typed: str | None = None) -> None:
    """Pick `option` in the select box of widget `key` (typing `typed` first to filter a long list)."""
    box = page.locator(f".st-key-{key}").get_by_role("combobox")
    for _ in range(5):  # a click during a rerun or a scroll leaves the list closed: try again
        box.scroll_into_view_if_needed()  # scrolling closes an open list: scroll first, then open
        page.wait_for_timeout(300)
        box.click()
        page.wait_for_timeout(500)
        if box.get_attribute("aria-expanded") == "true":
            break
        page.keyboard.press("Escape")
    expect()(box).to_have_attribute("aria-expanded", "true")
    if typed:
        page.keyboard.type(typed)
    page.get_by_role("option").filter(has_text=option).first.click()
    wait_until_settled(page)


def click(page, key: str) -> None:
    page.locator(f".st-key-{key}").get_by_role("button").click()


def success(page, text: str) -> None:
    expect()(page.locator("[data-testid=stAlertContentSuccess]").filter(has_text=text)).to_have_count(1)
    wait_until_settled(page)


def test_review_through_the_widgets_survives_a_reload(page, review_server):
    server, folder = review_server.url, review_server.folder
    ids = record_ids(folder)
    event, tun = ids["event"], ids["TUN"]

    # The Sources page links to the Review page of the article it shows.
    open_page(page, server, f"/Sources?src_doc={DOC}", 0)
    link = page.get_by_role("link", name="Review the records of this article")
    href = link.get_attribute("href")
    assert parse_qs(urlparse(href).query)["rv_doc"] == [DOC], href
    open_page(page, server, "/" + href.lstrip("./") + f"&rv_record={event}", 0)
    expect()(page.locator(".st-key-rv_doc").get_by_role("combobox")).to_have_value(DOC)

    # Correct the host, with a note
    choose(page, f"rv_host_{event}", "Qatar (QAT)", typed="Qatar")
    page.locator(f".st-key-rv_note_{event} input").fill(NOTE)
    page.locator(f".st-key-rv_note_{event} input").press("Enter")
    wait_until_settled(page)
    click(page, "rv_save")
    success(page, "corrected host")

    # Reject Tunisia
    choose(page, "rv_record", tun)
    click(page, "rv_reject")
    success(page, f"{tun} rejected")

    # Add Egypt to the workshop, from its first sentence (the defaults)
    choose(page, "rv_add_event", event)
    choose(page, "rv_add_state", "Egypt (EGY)", typed="Egypt")
    click(page, "rv_add")
    success(page, "Egypt added")
    assert_no_errors(page)

    lines = [json.loads(x) for x in (folder / LOG).read_text(encoding="utf-8").splitlines()]
    assert [(e["action"], e.get("field"), e.get("new")) for e in lines] == [
        ("correct", "host_iso3", "QAT"), ("reject", None, None), ("add", None, {"iso3": "EGY"})]
    assert lines[0]["note"] == NOTE

    # Reload: the choice is in the URL, and the reviewed values come from the log
    page.reload()
    wait_until_settled(page)
    expect()(page.locator(".st-key-rv_record").get_by_role("combobox")).to_have_value(
        f"Participant {tun}: Tunisia in {DOC}#e1 — rejected")
    choose(page, "rv_record", event)
    main = page.locator("[data-testid=stMain]")
    expect()(main).to_contain_text("corrected by analyst")
    expect()(main).to_contain_text("extracted: host: BHR")
    expect()(main).to_contain_text(NOTE)  # the note as the characters typed
    assert page.locator("[data-testid=stMain] b").filter(has_text="not bold").count() == 0
    expect()(page.locator(".st-key-rv_record").get_by_role("combobox")).to_have_value(
        f"Event {event}: main workshop, 2024, Qatar — corrected by analyst")
    assert_no_errors(page)
    assert_offline(page, server)

    # Another page, no restart: Egypt is counted, Tunisia is not
    open_page(page, server, "/Delegations", 3)
    states = page.locator(".st-key-dl_freq .ytick text").evaluate_all("els => els.map(e => e.textContent)")
    assert "Egypt" in states and "Tunisia" not in states, states
    expect()(page.locator("[data-testid=stSidebar]")).to_contain_text("reviewed by analysts")
    assert_no_errors(page)
    assert_offline(page, server)
