"""Every page on the real development articles (../shared/devset + devset_r) with the seeds, and the
missing values those articles bring (a ranking claim whose survey year is unknown)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from folder_helpers import development_folder
from ui import charts

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PAGES = ["dashboard.py", *sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))]
needs_devsets = pytest.mark.skipif(not (SHARED / "devset_r").is_dir(), reason="../shared/devset_r not present")


def _claims(years: list[int | None]) -> pd.DataFrame:
    """Article rows of ranking_history: Bahrain world rank 13 claimed for each survey year (None: unknown)."""
    n = len(years)
    return pd.DataFrame({
        "country_iso3": pd.array(["BHR"] * n, dtype="string"), "survey_year": pd.array(years, dtype="Int64"),
        "scope": pd.array(["world"] * n, dtype="string"), "rank": pd.array([13] * n, dtype="Int64"),
        "official_rank": pd.array([13 if y else None for y in years], dtype="Int64"),
        "verdict": pd.array(["matches" if y else "unverifiable" for y in years], dtype="string"),
        "doc": pd.array([f"d{i}.txt" for i in range(n)], dtype="string"),
        "evidence": pd.array(["البحرين في المرتبة 13"] * n, dtype="string"),
        "claim_id": pd.array([f"d{i}.txt#r0" for i in range(n)], dtype="string"),
        "source": pd.array(["article"] * n, dtype="string")})


def test_a_claim_without_survey_year_is_left_off_the_chart_and_the_others_drawn():
    official = pd.DataFrame({"country_iso3": ["BHR", "BHR"], "survey_year": pd.array([2008, 2010], dtype="Int64"),
                             "rank": pd.array([42, 13], dtype="Int64"), "tied": pd.array([False, False],
                                                                                           dtype="boolean")})
    fig = charts.rank_figure(official, _claims([2010, None]), ["BHR"], {"BHR": "Bahrain"}, "rank", "world")
    markers = {t.name: list(t.x) for t in fig.data if t.mode == "markers"}
    assert markers == {"claim matches UN data": [2010 + charts.rankings.CLAIM_DODGE]}


@pytest.fixture(scope="module")
def development_articles(tmp_path_factory) -> Path:
    return development_folder(tmp_path_factory.mktemp("devsets") / "articles", SHARED, ROOT / "seeds")


@needs_devsets
@pytest.mark.parametrize("page", PAGES)
def test_every_page_runs_on_the_development_articles_and_seeds(page, development_articles, monkeypatch):
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(development_articles))
    at = AppTest.from_file(str(ROOT / page)).run(timeout=300)
    assert not at.exception, [e.message for e in at.exception]
    assert at.title, "the page drew no heading"
