"""A filter change back to a state seen before: the page reuses what it kept for that state (ui.data.memo)
and shows exactly what it showed the first time, charts sent identical (so the browser keeps them)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest
from chart_helpers import charts as page_charts

ROOT = Path(__file__).resolve().parents[1]


def shown(at: AppTest) -> tuple[list[str], list[str], list[str]]:
    """The page's text, its chart specs and its chart element ids."""
    charts = page_charts(at)
    return [m.value for m in at.markdown], [c.spec for c in charts], [c.id for c in charts]


def test_delegations_back_to_an_earlier_filter_state_shows_the_same_page():
    at = AppTest.from_file(str(ROOT / "pages/2_Delegations.py"))
    at.run(timeout=60)
    assert not at.exception
    first = shown(at)
    kinds = at.multiselect(key="dl_kind").options
    at.multiselect(key="dl_kind").set_value([kinds[0]]).run(timeout=60)
    narrowed = shown(at)
    assert narrowed[0] != first[0]  # fewer events: the counts line changed
    at.multiselect(key="dl_kind").set_value([]).run(timeout=60)
    again = shown(at)
    assert again == first
    at.radio(key="dl_order").set_value("size").run(timeout=60)
    by_size = shown(at)
    # the order changes the bar chart only: the frequency chart and the map are sent as before
    assert by_size[2][1:] == first[2][1:] and by_size[1][0] != first[1][0]


def test_gcc_back_to_an_earlier_filter_state_shows_the_same_page():
    at = AppTest.from_file(str(ROOT / "pages/3_GCC_cooperation.py"))
    at.run(timeout=60)
    assert not at.exception
    first = shown(at)
    assert first[1], "the page drew no chart"
    at.multiselect(key="gcc_member").set_value(["SAU"]).run(timeout=60)
    chosen = shown(at)
    assert not at.exception and chosen != first
    at.multiselect(key="gcc_member").set_value([]).run(timeout=60)
    assert shown(at) == first  # the same events, charts sent identical, the same element ids
    at.radio(key="gcc_mode").set_value("body").run(timeout=60)
    assert shown(at)[1:] == first[1:]  # without a member chosen the mode changes nothing drawn
