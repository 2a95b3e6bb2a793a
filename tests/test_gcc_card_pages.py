"""The GCC page's event cards come a page at a time (AppTest): ten cards a page in date order, a choice of
pages only when more events match, every event on exactly one page, and a filter change going back to the first page."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

ROOT = Path(__file__).resolve().parents[1]
PAGE = str(ROOT / "pages" / "3_GCC_cooperation.py")
YEARS = list(range(2001, 2024))  # 23 workshops, one a year: three pages of cards (10, 10, 3)
TOPICS = {2003: "الحوسبة السحابية", 2017: "الذكاء الاصطناعي"}


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    out = tmp_path / "articles"
    out.mkdir()
    rows = []
    for year in YEARS:
        topic = TOPICS.get(year, "الخدمات الرقمية")
        text = (f"نظمت هيئة المعلومات والحكومة الإلكترونية في المنامة يوم 12 مارس {year} ورشة عمل خليجية حول "
                f"{topic} بمشاركة خبراء من دول مجلس التعاون لدول الخليج العربية.\n")
        (out / f"w{year}.txt").write_text(text, encoding="utf-8")
        rows.append(f"w{year}.txt,{year}-03-13\n")
    (out / "manifest.csv").write_text("file,published\n" + "".join(rows), encoding="utf-8")
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(out))
    monkeypatch.setenv("EGOV_CACHE_DIR", str(tmp_path / "cache"))
    return out


def card_years(at: AppTest) -> list[int]:
    """The year each card's heading starts with, in page order."""
    headings = [re.search(r"<strong>(.*?)</strong>", b.proto.body).group(1)
                for b in at.get("html") if 'dir="rtl"' in b.proto.body]
    return [int(re.search(r"\d{4}", h.split("·")[0]).group()) for h in headings]


def pager(at: AppTest):
    found = [box for box in at.selectbox if box.label == "Events shown"]
    return found[0] if found else None


def test_cards_come_ten_a_page_and_every_event_is_on_exactly_one_page(folder):
    at = AppTest.from_file(PAGE).run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    box = pager(at)
    assert box is not None and box.options == ["Events 1–10 of 23, by date", "Events 11–20 of 23, by date",
                                               "Events 21–23 of 23, by date"]
    seen = [card_years(at)]
    assert seen[0] == YEARS[:10]
    for page in (1, 2):
        box.set_value(page).run()
        assert not at.exception, [e.value for e in at.exception]
        seen.append(card_years(at))
        box = pager(at)
    assert seen[1] == YEARS[10:20] and seen[2] == YEARS[20:]
    assert sorted(sum(seen, [])) == YEARS  # each event once


def test_a_filter_change_starts_at_the_first_page_and_a_small_result_has_no_pager(folder):
    at = AppTest.from_file(PAGE).run(timeout=60)
    pager(at).set_value(2).run()
    assert card_years(at) == YEARS[20:]
    at.slider(key="gcc_years").set_value((2001, 2015)).run()  # 15 events: two pages, from the first
    assert pager(at).options == ["Events 1–10 of 15, by date", "Events 11–15 of 15, by date"]
    assert pager(at).value == 0 and card_years(at) == YEARS[:10]
    pager(at).set_value(1).run()
    assert card_years(at) == YEARS[10:15]
    at.slider(key="gcc_years").set_value((2016, 2020)).run()  # five events: one page, no choice
    assert pager(at) is None and card_years(at) == YEARS[15:20]


def test_the_pager_speaks_arabic(folder):
    at = AppTest.from_file(PAGE)
    at.query_params["lang"] = "ar"
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    labels = [box.label for box in at.selectbox]
    assert "الأحداث المعروضة" in labels
    box = next(b for b in at.selectbox if b.label == "الأحداث المعروضة")
    assert box.options[0].startswith("الأحداث ") and "، حسب التاريخ" in box.options[0]
