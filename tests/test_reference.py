"""core.reference: the official UN E-Government ranks, derived regional ranks and the checks of article claims.

Expected figures were read by hand from the raw UN files in ../shared/data/un_egov_raw/EGOV_DATA_<year>.csv
(e.g. 2010: KOR 1, SGP 11, BHR 13, ISR 26; 2012: ARE 28, BHR 36, ISR 16; 2022: ARE 13, SAU 31, OMN 50,
BHR 54, KWT 61, QAT 78, ISL and SWE both 5, CMR and SWZ both 141; 2024: SGP 3, KOR 4, SAU 6, ARE 11, JPN 13,
BHR 18).
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pytest

from core import reference as R
from core import tables

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "reference" / "un_egov_survey.csv"


@pytest.fixture(scope="module")
def ref() -> pd.DataFrame:
    return R.load_reference()


@pytest.fixture(scope="module")
def derived(ref) -> pd.DataFrame:
    return R.derive_regional_ranks(ref)


def official(derived, iso3, year, scope):
    hit = derived[(derived.country_iso3 == iso3) & (derived.survey_year == year) & (derived.scope == scope)]
    assert len(hit) == 1, (iso3, year, scope, hit)
    return hit.iloc[0]


# ---------------------------------------------------------------- loader

def test_default_file_loads_with_the_declared_columns(ref):
    assert list(ref.columns) == R.REFERENCE_COLUMNS
    assert tuple(sorted(ref.survey_year.unique())) == R.EDITIONS
    assert str(ref.egdi_rank.dtype) == "Int64" and str(ref.ranked_countries.dtype) == "Int64"
    assert not ref.duplicated(["survey_year", "iso3"]).any()


def test_default_path_does_not_depend_on_the_working_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert len(R.load_reference()) == 2308


@pytest.mark.parametrize("iso3, year, rank, egdi", [
    pytest.param("BHR", 2010, 13, 0.73625, id="bahrain-2010"),
    pytest.param("BHR", 2012, 36, 0.69461, id="bahrain-2012"),
    pytest.param("ARE", 2012, 28, 0.73442, id="uae-2012"),
    pytest.param("BHR", 2024, 18, 0.91958, id="bahrain-2024"),
    pytest.param("DNK", 2024, 1, 0.98474, id="denmark-2024"),
])
def test_world_ranks_as_published(ref, iso3, year, rank, egdi):
    row = ref[(ref.iso3 == iso3) & (ref.survey_year == year)].iloc[0]
    assert row.egdi_rank == rank and row.egdi == pytest.approx(egdi)


@pytest.mark.parametrize("iso3, year", [
    pytest.param("SOM", 2010, id="somalia-2010-egdi-0-tied-last-184"),
    pytest.param("PRK", 2010, id="north-korea-2010-egdi-0"),
    pytest.param("LBY", 2012, id="libya-2012-egdi-0-tied-last-191"),
    pytest.param("IRQ", 2003, id="iraq-2003-egdi-0-tied-last-174"),
])
def test_unassessed_states_have_no_rank_not_last(ref, iso3, year):
    row = ref[(ref.iso3 == iso3) & (ref.survey_year == year)].iloc[0]
    assert pd.isna(row.egdi_rank) and pd.isna(row.egdi) and pd.isna(row.epart_rank)


@pytest.mark.parametrize("year, ranked, last_rank", [
    pytest.param(2003, 173, 173, id="2003"),
    pytest.param(2010, 183, 183, id="2010-placeholders-at-184-dropped"),
    pytest.param(2012, 190, 190, id="2012"),
    pytest.param(2024, 193, 193, id="2024"),
])
def test_ranked_countries_per_edition(ref, year, ranked, last_rank):
    edition = ref[ref.survey_year == year]
    assert edition.ranked_countries.iloc[0] == ranked
    assert edition.egdi_rank.max() == last_rank


def test_non_members_of_the_time_are_absent(ref):
    # Montenegro (UN member 2006) and South Sudan (2011) are empty placeholders in the raw files.
    assert not ((ref.iso3 == "MNE") & (ref.survey_year == 2005)).any()
    assert not ((ref.iso3 == "SSD") & (ref.survey_year == 2010)).any()


def _bahrain_2010(line: str) -> bool:
    return line.startswith("2010,BHR,")


def _write_malformed(tmp_path: Path, edit) -> tuple[Path, int]:
    lines = SEED.read_text(encoding="utf-8").splitlines()
    lines, line_no = edit(lines)
    path = tmp_path / "un_egov_survey.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, line_no


def _replace_cell(column: str, value: str):
    def edit(lines):
        header = lines[0].split(",")
        i = next(n for n, line in enumerate(lines) if _bahrain_2010(line))
        cells = lines[i].split(",")
        cells[header.index(column)] = value
        lines[i] = ",".join(cells)
        return lines, i + 1
    return edit


def _duplicate_row(lines):
    i = next(n for n, line in enumerate(lines) if _bahrain_2010(line))
    return [*lines, lines[i]], len(lines) + 1


def _drop_column(column: str):
    def edit(lines):
        j = lines[0].split(",").index(column)
        # the country names hold no comma in this file, so a plain split is safe here
        return [",".join(c for k, c in enumerate(line.split(",")) if k != j) for line in lines], 1
    return edit


@pytest.mark.parametrize("edit, column", [
    pytest.param(_replace_cell("iso3", "BHX"), "iso3", id="bad-iso3"),
    pytest.param(_replace_cell("iso3", "bhr"), "iso3", id="lowercase-iso3"),
    pytest.param(_replace_cell("egdi_rank", "13th"), "egdi_rank", id="non-numeric-rank"),
    pytest.param(_replace_cell("egdi_rank", "0"), "egdi_rank", id="rank-zero"),
    pytest.param(_replace_cell("egdi_rank", "12.5"), "egdi_rank", id="fractional-rank"),
    pytest.param(_duplicate_row, "iso3", id="duplicate-row"),
    pytest.param(_drop_column("egdi"), "egdi", id="missing-column"),
    pytest.param(_replace_cell("egdi", "1.73625"), "egdi", id="egdi-above-1"),
    pytest.param(_replace_cell("egdi", "n/a"), "egdi", id="egdi-not-a-number"),
    pytest.param(_replace_cell("survey_year", "2011"), "survey_year", id="year-without-edition"),
    pytest.param(_replace_cell("osi", "-0.5"), "osi", id="negative-osi"),
])
def test_malformed_copy_names_file_row_and_column(tmp_path, edit, column):
    path, line_no = _write_malformed(tmp_path, edit)
    with pytest.raises(R.ReferenceDataError) as err:
        R.load_reference(path)
    assert f"{path}:{line_no}: column '{column}'" in str(err.value)


def test_missing_file_is_named(tmp_path):
    with pytest.raises(R.ReferenceDataError, match="missing"):
        R.load_reference(tmp_path / "nope.csv")


# ---------------------------------------------------------------- membership

@pytest.mark.parametrize("scope, size", [
    pytest.param("gcc", 6, id="gcc"), pytest.param("arab", 22, id="arab-league"),
    pytest.param("asia", 48, id="asia-m49"), pytest.param("western_asia", 18, id="western-asia-m49"),
    pytest.param("middle_east", 17, id="middle-east"), pytest.param("mena", 21, id="mena-world-bank"),
    pytest.param("africa", 54, id="africa-m49"),
])
def test_membership_sizes_and_definitions(scope, size):
    assert len(R.membership(scope)) == size
    assert R.MEMBERSHIP_SOURCES[scope]


@pytest.mark.parametrize("scope, members", [
    pytest.param("gcc", {"BHR", "KWT", "OMN", "QAT", "SAU", "ARE"}, id="gcc-exact"),
    pytest.param("arab", {"PSE", "SOM", "DJI", "COM", "MRT", "SYR"}, id="arab-incl-suspended-syria"),
    pytest.param("middle_east", {"EGY", "CYP", "IRN", "TUR", "ISR"}, id="middle-east-non-arab"),
    pytest.param("mena", {"MLT", "DJI", "PSE"}, id="mena-world-bank-edges"),
])
def test_membership_contains(scope, members):
    assert members <= R.membership(scope)


@pytest.mark.parametrize("scope, absent", [
    pytest.param("middle_east", {"ARM", "GEO", "AZE", "AFG"}, id="middle-east-without-caucasus"),
    pytest.param("western_asia", {"EGY", "IRN"}, id="western-asia-without-egypt-iran"),
    pytest.param("mena", {"AFG", "PAK"}, id="mena-classic-not-menaap"),
])
def test_membership_excludes(scope, absent):
    assert not absent & R.membership(scope)


def test_gcc_within_every_gulf_scope():
    for scope in ("arab", "asia", "western_asia", "middle_east", "mena"):
        assert R.membership("gcc") <= R.membership(scope), scope


@pytest.mark.parametrize("scope, ranked_2024", [
    pytest.param("asia", 47, id="asia-47-un-members"),
    pytest.param("africa", 54, id="africa-54"),
    pytest.param("arab", 21, id="arab-21-without-palestine"),
])
def test_membership_covers_the_un_members_in_the_data(ref, scope, ranked_2024):
    assert len(R.membership(scope) & set(ref[ref.survey_year == 2024].iso3)) == ranked_2024


@pytest.mark.parametrize("rows, message", [
    pytest.param([{"iso3": "BHX", "_line": "7"}], ":7: column 'iso3': 'BHX' is not an ISO", id="bad-code"),
    pytest.param([{"iso3": "BHR", "_line": "5"}, {"iso3": "BHR", "_line": "9"}], ":9: column 'iso3': BHR listed twice",
                 id="code-twice"),
])
def test_membership_file_errors_name_the_line(monkeypatch, rows, message):
    monkeypatch.setattr(R, "load_table", lambda name, required: rows)
    R.membership.cache_clear()
    try:
        with pytest.raises(R.ReferenceDataError, match=message):
            R.membership("gcc")
    finally:
        R.membership.cache_clear()


@pytest.mark.parametrize("scope", ["world", "regional"])
def test_no_membership_list_for_world_or_unnamed_region(scope):
    with pytest.raises(ValueError):
        R.membership(scope)


# ---------------------------------------------------------------- derived ranks

def test_derived_columns_and_scopes(derived):
    assert list(derived.columns) == R.DERIVED_COLUMNS
    assert set(derived.scope) == set(R.DERIVED_SCOPES)
    assert not derived.duplicated(["scope", "survey_year", "country_iso3"]).any()


@pytest.mark.parametrize("iso3, year, scope, rank, ranked_in_scope", [
    # 2010: only KOR (1) and SGP (11) of Asia are above Bahrain (13); PRK unassessed -> 46 ranked
    pytest.param("BHR", 2010, "asia", 3, 46, id="bahrain-2010-asia-3rd"),
    # 2010: no Arab state above 13th (next: ARE 49); Somalia unassessed, Palestine not a UN member
    pytest.param("BHR", 2010, "arab", 1, 20, id="bahrain-2010-arab-1st"),
    pytest.param("BHR", 2010, "world", 13, 183, id="bahrain-2010-world-as-published"),
    # 2024: SGP 3, KOR 4, SAU 6, ARE 11, JPN 13 above Bahrain (18)
    pytest.param("BHR", 2024, "asia", 6, 47, id="bahrain-2024-asia-6th"),
    pytest.param("BHR", 2024, "arab", 3, 21, id="bahrain-2024-arab-3rd"),
    # 2012: ARE 28 above Bahrain 36; Libya unassessed
    pytest.param("BHR", 2012, "arab", 2, 20, id="bahrain-2012-arab-2nd"),
    pytest.param("ARE", 2012, "arab", 1, 20, id="uae-2012-arab-1st"),
    # 2012: ISR 16, ARE 28 above Bahrain in both Middle East lists
    pytest.param("BHR", 2012, "middle_east", 3, 16, id="bahrain-2012-middle-east-3rd"),
    pytest.param("BHR", 2012, "western_asia", 3, 17, id="bahrain-2012-western-asia-3rd"),
])
def test_regional_ranks_by_hand(derived, iso3, year, scope, rank, ranked_in_scope):
    row = official(derived, iso3, year, scope)
    assert row["rank"] == rank and row.ranked_in_scope == ranked_in_scope


@pytest.mark.parametrize("iso3, rank", [
    pytest.param("ARE", 1, id="uae-13th"), pytest.param("SAU", 2, id="saudi-31st"),
    pytest.param("OMN", 3, id="oman-50th"), pytest.param("BHR", 4, id="bahrain-54th"),
    pytest.param("KWT", 5, id="kuwait-61st"), pytest.param("QAT", 6, id="qatar-78th"),
])
def test_gcc_ranks_2022(derived, iso3, rank):
    assert official(derived, iso3, 2022, "gcc")["rank"] == rank


@pytest.mark.parametrize("scope, pair, rank, skipped", [
    # UN 2022: Iceland and Sweden share world rank 5; nobody is 6th
    pytest.param("world", ("ISL", "SWE"), 5, 6, id="world-2022-iceland-sweden-5th"),
    # UN 2022: Cameroon and Eswatini share world rank 141; 18 African states rank above 141 -> both 19th
    pytest.param("africa", ("CMR", "SWZ"), 19, 20, id="africa-2022-cameroon-eswatini-19th"),
])
def test_ties_share_the_rank_and_skip_the_next(derived, scope, pair, rank, skipped):
    for iso3 in pair:
        row = official(derived, iso3, 2022, scope)
        assert row["rank"] == rank and bool(row.tied)
    edition = derived[(derived.scope == scope) & (derived.survey_year == 2022)]
    assert skipped not in set(edition["rank"])
    assert rank + 2 in set(edition["rank"])


def test_unassessed_states_are_not_ranked_in_regions(derived):
    assert derived[(derived.country_iso3 == "SOM") & (derived.survey_year == 2010)].empty


def test_derive_is_fast_enough(ref):
    best = min(_timed(R.derive_regional_ranks, ref) for _ in range(3))
    assert best < 0.3


def _timed(fn, *args) -> float:
    start = time.perf_counter()
    fn(*args)
    return time.perf_counter() - start


# ---------------------------------------------------------------- claims

def _claims(*specs) -> pd.DataFrame:
    rows = [{"claim_id": f"seed.txt#r{n}", "doc": "seed.txt", "country_iso3": iso3, "survey_year": year,
             "scope": scope, "rank": rank, "evidence": "البحرين في المرتبة", "start": 0, "end": 18}
            for n, (iso3, year, scope, rank) in enumerate(specs, start=1)]
    return tables.build_table("rankings", rows)


@pytest.mark.parametrize("claim, verdict, official_rank, note_part", [
    pytest.param(("BHR", 2010, "world", 13), "matches", 13, "UN 2010: world rank 13 of 183", id="bhr-2010-world-13"),
    pytest.param(("BHR", 2010, "asia", 3), "matches", 3, "3rd of 46 ranked Asian states", id="bhr-2010-asia-3"),
    # both Middle East definitions give 1st (ISR 26th is below Bahrain 13th), so the claim can be judged
    pytest.param(("BHR", 2010, "middle_east", 1), "matches", 1, "Western Asian states (UN M49)",
                 id="bhr-2010-middle-east-1-both-definitions"),
    pytest.param(("BHR", 2010, "arab", 1), "matches", 1, "1st of 20 ranked Arab League states", id="bhr-2010-arab-1"),
    pytest.param(("BHR", 2010, "gcc", 1), "matches", 1, "1st of 6 ranked GCC states", id="bhr-2010-gcc-1"),
    pytest.param(("BHR", 2024, "world", 18), "matches", 18, "UN 2024: world rank 18", id="bhr-2024-world-18"),
    pytest.param(("BHR", 2012, "arab", 1), "differs", 2,
                 "1st among Arab League states is ARE (United Arab Emirates, 28th in the world)",
                 id="bhr-2012-arab-1-made-up"),
    pytest.param(("BHR", 2012, "world", 13), "differs", 36, "13th in the world is NZL", id="bhr-2012-world-13-wrong"),
    pytest.param(("SWE", 2022, "world", 5), "matches", 5, "tied with ISL", id="swe-2022-tied-5th"),
    pytest.param(("BHR", 2012, "regional", 1), "unverifiable", None, "'regional'", id="regional-scope"),
    pytest.param(("BHR", 2011, "world", 13), "unverifiable", None, "No UN E-Government Survey edition in 2011",
                 id="year-2011-no-edition"),
    pytest.param(("BHR", None, "arab", 1), "unverifiable", None, "No survey year", id="missing-year"),
    # Jordan 2014: 10th in the 17-state Middle East, 13th in M49 Western Asia (AZE, ARM, GEO above it)
    pytest.param(("JOR", 2014, "middle_east", 10), "unverifiable", None,
                 "Middle East states (17-state list) but 13th among Western Asian states",
                 id="middle-east-definitions-disagree"),
    pytest.param(("EGY", 2024, "middle_east", 11), "unverifiable", None, "not among Western Asian states",
                 id="egypt-only-in-one-middle-east-list"),
    pytest.param(("SOM", 2010, "world", 184), "unverifiable", None, "not assessed", id="unassessed-state"),
    pytest.param(("BHR", 2024, "africa", 1), "unverifiable", None, "not among African states",
                 id="state-outside-scope"),
])
def test_check_claims_verdicts(ref, claim, verdict, official_rank, note_part):
    checked = R.check_claims(_claims(claim), ref)
    row = checked.iloc[0]
    assert row.verdict == verdict
    if official_rank is None:
        assert pd.isna(row.official_rank)
    else:
        assert row.official_rank == official_rank
    assert note_part in row.verdict_note


def test_checked_claims_keep_every_rankings_column_and_row(ref):
    claims = _claims(("BHR", 2010, "world", 13), ("BHR", 2012, "arab", 1), ("BHR", 2011, "gcc", 1))
    checked = R.check_claims(claims, ref)
    assert list(checked.columns) == [*tables.RANKINGS, "verdict", "official_rank", "verdict_note"]
    assert list(checked.claim_id) == list(claims.claim_id)
    assert set(checked.verdict) <= set(R.VERDICTS)
    assert str(checked.official_rank.dtype) == "Int64"


def test_verdicts_agree_with_derived_ranks(ref, derived):
    """Every Bahrain world/arab/gcc official rank, claimed back, matches; claimed one lower, differs."""
    rows = derived[(derived.country_iso3 == "BHR") & derived.scope.isin(["world", "arab", "gcc"])]
    specs = [("BHR", int(y), s, int(r)) for y, s, r in zip(rows.survey_year, rows.scope, rows["rank"])]
    right = R.check_claims(_claims(*specs), ref)
    wrong = R.check_claims(_claims(*[(c, y, s, r + 1) for c, y, s, r in specs]), ref)
    assert (right.verdict == "matches").all() and (wrong.verdict == "differs").all()


# ---------------------------------------------------------------- history and export

def test_ranking_history_official_only(ref, derived):
    history = R.ranking_history(ref)
    assert list(history.columns) == R.HISTORY_COLUMNS
    assert len(history) == len(derived) and set(history.source) == {"official"}
    assert (history.official_rank == history["rank"]).all()


def test_ranking_history_with_claims(ref, derived):
    claims = R.check_claims(_claims(("BHR", 2012, "arab", 1), ("BHR", 2011, "world", 13)), ref)
    history = R.ranking_history(ref, claims)
    article = history[history.source == "article"]
    assert len(history) == len(derived) + 2
    first = article[article.claim_id == "seed.txt#r1"].iloc[0]
    assert (first["rank"], first.official_rank, first.verdict) == (1, 2, "differs")
    assert first.egdi == pytest.approx(0.69461) and first.doc == "seed.txt"
    assert pd.isna(article[article.claim_id == "seed.txt#r2"].iloc[0].egdi)


def test_ranking_history_checks_unchecked_claims(ref):
    history = R.ranking_history(ref, _claims(("BHR", 2024, "world", 18)))
    assert history[history.source == "article"].verdict.tolist() == ["matches"]


def test_load_rankings_without_a_corpus():
    history, checked = R.load_rankings()
    assert len(checked) == 0 and "verdict" in checked.columns
    assert set(history.source) == {"official"}


def test_export_writes_both_tables_in_utf8(tmp_path):
    paths = R.export_reference_tables(_claims(("BHR", 2010, "world", 13)), tmp_path / "out")
    assert [p.name for p in paths] == ["ranking_history.csv", "claims.csv"]
    claims = pd.read_csv(paths[1], encoding="utf-8")
    assert claims.verdict.tolist() == ["matches"] and claims.evidence.iloc[0] == "البحرين في المرتبة"
    history = pd.read_csv(paths[0], encoding="utf-8")
    assert set(history.source) == {"official", "article"}


# ---------------------------------------------------------------- layering

def test_importing_core_reference_does_not_import_streamlit():
    code = "import core.reference, sys; assert 'streamlit' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def test_each_distinct_claim_is_checked_once_with_the_verdicts_of_checking_every_row(ref, monkeypatch):
    """check_claims keeps one verdict per distinct (country, year, scope, rank): the same three columns
    as _check_one on every row, over every branch (each missing value kind, a year between editions,
    each scope, ranks as integers and floats, repeats in any order)."""
    import itertools
    import random

    codes = ["BHR", "ARE", "ISR", "XXX", None, "", " "]
    years = [2010, 2010.0, 2011, 2024, 1999, None]
    scopes = ["world", "gcc", "arab", "middle_east", "regional", "galaxy", None]
    ranks = [1, 1.0, 13, 18, 200, None]
    specs = list(itertools.product(codes, years, scopes, ranks)) * 2
    random.Random(5).shuffle(specs)
    claims = _claims(*specs)
    calls = []
    plain = R._check_one
    monkeypatch.setattr(R, "_check_one", lambda *a: calls.append(a) or plain(*a))
    checked = R.check_claims(claims, ref)
    lookup = R._Lookup(ref, R.derive_regional_ranks(ref))
    every = [plain(*values, lookup) for values in
             zip(claims["country_iso3"], claims["survey_year"], claims["scope"], claims["rank"])]
    assert checked["verdict"].tolist() == [v for v, _o, _n in every]
    assert checked["official_rank"].tolist() == pd.Series([o for _v, o, _n in every], dtype="Int64").tolist()
    assert checked["verdict_note"].tolist() == [n for _v, _o, n in every]
    assert {"matches", "differs", "unverifiable"} <= set(checked["verdict"])
    assert len(calls) < len(specs) / 2  # the repeats (and 1 / 1.0, 2010 / 2010.0 once typed) not checked again
