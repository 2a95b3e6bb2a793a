"""Country profile: the events table says, for every event the state took part in or hosted, how it
took part, as the tables give it (host first, else how the article named it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

import core
from ui.labels import VIA_LABELS

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def seeds() -> core.Corpus:
    return core.load_corpus(ROOT / "seeds", cache=False)


def page_roles(iso3: str) -> dict[str, str]:
    at = AppTest.from_file(str(ROOT / "pages" / "6_Country_profile.py"))
    at.query_params["iso3"] = iso3
    at.run(timeout=60)
    assert not at.exception, [e.value for e in at.exception]
    tables = [d.value for d in at.dataframe if "how it took part" in d.value.columns]
    if not tables:
        return {}
    return dict(zip(tables[0]["event"], tables[0]["how it took part"]))


def expected_roles(corpus: core.Corpus, iso3: str) -> dict[str, str]:
    """The oracle, row by row from the tables: host when it hosted, else the participant's `via`."""
    roles = {}
    for _, part in corpus.participants.iterrows():
        if part["iso3"] == iso3 and part["event_id"] not in roles:  # the first row of an event, as the page
            roles[part["event_id"]] = VIA_LABELS[part["via"]]
    for _, event in corpus.events.iterrows():
        if event["host_iso3"] == iso3:
            roles[event["event_id"]] = "host"
    return roles


@pytest.mark.parametrize("iso3", ["BHR", "SAU", "KWT", "FRA"])
def test_each_event_says_how_the_state_took_part(seeds, iso3):
    expected = expected_roles(seeds, iso3)
    assert page_roles(iso3) == expected
    if iso3 == "BHR":
        assert "host" in expected.values() and len(expected) >= 3  # the seeds' host
    if iso3 in ("SAU", "KWT"):
        assert "named explicitly" in expected.values()
    if iso3 == "FRA":
        assert expected == {}  # in the survey data, never in the seeds' events
