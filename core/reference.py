"""Official UN E-Government Survey ranks (2003-2024), regional ranks derived from them, and checks of article claims."""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from pathlib import Path

import pandas as pd
import pycountry

from core import tables
from core.store.csv_safety import write_csv
from core.lexicon import DATA_DIR, load_table

REPO_ROOT = Path(__file__).resolve().parents[1]
DEFAULT_REFERENCE = REPO_ROOT / "seeds" / "reference" / "un_egov_survey.csv"

# The editions of the UN E-Government Survey (UN DESA); there was none in 2006, 2007, 2009, 2011, ...
EDITIONS = (2003, 2004, 2005, 2008, 2010, 2012, 2014, 2016, 2018, 2020, 2022, 2024)
REQUIRED_COLUMNS = ("survey_year", "iso3", "country", "egdi_rank", "egdi", "osi", "hci", "tii", "epart_rank")
REFERENCE_COLUMNS = [*REQUIRED_COLUMNS, "ranked_countries"]
DERIVED_COLUMNS = ["country_iso3", "survey_year", "scope", "rank", "egdi", "tied", "ranked_in_scope"]
HISTORY_COLUMNS = ["country_iso3", "survey_year", "scope", "rank", "egdi", "source", "doc", "evidence",
                   "verdict", "official_rank", "claim_id", "tied"]
VERDICTS = ("matches", "differs", "unverifiable")
DERIVED_SCOPES = ("world", "asia", "western_asia", "middle_east", "mena", "arab", "gcc", "africa")

# "Middle East" has no agreed membership (see core/data/membership_middle_east.tsv): a claim is checked
# against every definition listed here and is only judged when they all give the same rank.
SCOPE_DEFINITIONS: dict[str, tuple[str, ...]] = {"middle_east": ("middle_east", "western_asia")}

_UINT = re.compile(r"^[0-9]+$")
_ISO3_CODES = frozenset(c.alpha_3 for c in pycountry.countries)


class ReferenceDataError(ValueError):
    """The reference file or a membership list is malformed; the message names the file, the line and the column."""


# ---------------------------------------------------------------- membership lists

def _load_scopes() -> tuple[dict[str, str], dict[str, str]]:
    rows = load_table("membership_scopes.tsv", ["scope", "label", "definition"])
    return {r["scope"]: r["definition"] for r in rows}, {r["scope"]: r["label"] for r in rows}


MEMBERSHIP_SOURCES, SCOPE_LABELS = _load_scopes()
SCOPE_LABELS["world"] = "ranked states"


@lru_cache(maxsize=None)
def membership(scope: str) -> frozenset[str]:
    """ISO3 codes of the states in `scope` (a key of MEMBERSHIP_SOURCES), from core/data/membership_<scope>.tsv.

    Raises ValueError for a scope without a list ('world' is every ranked state; 'regional' names no region)
    and ReferenceDataError when the list holds a code that is not ISO 3166-1 alpha-3 or holds one twice.
    """
    if scope not in MEMBERSHIP_SOURCES:
        raise ValueError(f"no membership list for scope {scope!r}; lists exist for {sorted(MEMBERSHIP_SOURCES)}")
    name = f"membership_{scope}.tsv"
    seen: dict[str, str] = {}
    for row in load_table(name, ["iso3"]):
        code = row["iso3"]
        where = f"{DATA_DIR / name}:{row['_line']}: column 'iso3'"
        if code not in _ISO3_CODES:
            raise ReferenceDataError(f"{where}: {code!r} is not an ISO 3166-1 alpha-3 code")
        if code in seen:
            raise ReferenceDataError(f"{where}: {code} listed twice (first on line {seen[code]})")
        seen[code] = row["_line"]
    return frozenset(seen)


@lru_cache(maxsize=1)
def _membership_frame() -> pd.DataFrame:
    pairs = [(scope, code) for scope in DERIVED_SCOPES if scope != "world" for code in sorted(membership(scope))]
    return pd.DataFrame(pairs, columns=["scope", "iso3"])


# ---------------------------------------------------------------- the reference file

def _fail(path: Path, line: int, column: str, message: str) -> ReferenceDataError:
    return ReferenceDataError(f"{path}:{line}: column '{column}': {message}")


def _read_rows(path: Path) -> tuple[list[str], list[list[str]], list[int]]:
    if not path.is_file():
        raise ReferenceDataError(f"{path}: reference file is missing")
    with path.open(encoding="utf-8-sig", newline="") as fh:
        reader = csv.reader(fh)
        header = [h.strip() for h in next(reader, [])]
        if not header:
            raise ReferenceDataError(f"{path}:1: no header row")
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise _fail(path, 1, missing[0], f"required column is missing; header is {header}")
        rows, lines = [], []
        for record in reader:
            if not any(cell.strip() for cell in record):
                continue
            if len(record) != len(header):
                column = header[len(record)] if len(record) < len(header) else header[-1]
                raise _fail(path, reader.line_num, column,
                            f"row has {len(record)} cells for {len(header)} columns")
            rows.append([cell.strip() for cell in record])
            lines.append(reader.line_num)
    return header, rows, lines


def _check(path: Path, raw: pd.DataFrame, bad: pd.Series, column: str, message: str) -> None:
    if bad.any():
        i = bad.to_numpy().nonzero()[0][0]
        raise _fail(path, int(raw["_line"].iat[i]), column, message.format(value=raw[column].iat[i]))


def _uint(path: Path, raw: pd.DataFrame, column: str, required: bool) -> pd.Series:
    text = raw[column]
    empty = text == ""
    if required:
        _check(path, raw, empty, column, "value is empty")
    _check(path, raw, ~empty & ~text.str.match(_UINT), column, "{value!r} is not a whole number")
    values = pd.to_numeric(text.where(~empty), errors="coerce").astype("Int64")
    _check(path, raw, (values < 1).fillna(False), column, "{value!r} is not a positive rank")
    return values


def _score(path: Path, raw: pd.DataFrame, column: str, required: bool, upper: float | None) -> pd.Series:
    text = raw[column]
    empty = text == ""
    if required:
        _check(path, raw, empty, column, "value is empty")
    values = pd.to_numeric(text.where(~empty), errors="coerce").astype("float64")
    _check(path, raw, ~empty & values.isna(), column, "{value!r} is not a number")
    _check(path, raw, values < 0, column, "{value!r} is negative")
    if upper is not None:
        _check(path, raw, values > upper, column, "{value!r} is outside [0, " + f"{upper:g}]")
    return values


def load_reference(path: str | Path | None = None) -> pd.DataFrame:
    """The official UN E-Government Survey results, one row per (survey_year, iso3), validated.

    `path` defaults to seeds/reference/un_egov_survey.csv in this repository. The file must have the columns
    REQUIRED_COLUMNS (others are ignored), rows for every edition in EDITIONS and no other year, valid
    ISO 3166-1 alpha-3 codes, positive whole ranks, EGDI in [0, 1], non-negative component indices and
    unique (survey_year, iso3);
    otherwise ReferenceDataError names the file, the 1-based line and the column.

    Returns REFERENCE_COLUMNS: survey_year, iso3, country, egdi_rank (Int64), egdi, osi, hci, tii (float),
    epart_rank (Int64), ranked_countries (Int64, states with a rank in that edition). States the UN did not
    assess (an empty rank, or the EGDI 0.0 placeholder of 2003-2012 with its tied-last rank) get egdi_rank,
    egdi and epart_rank missing, never a last place. Sorted by survey_year, egdi_rank, iso3.
    """
    path = Path(path) if path is not None else DEFAULT_REFERENCE
    header, rows, lines = _read_rows(path)
    raw = pd.DataFrame(rows, columns=header, dtype=object).astype(str)
    raw["_line"] = lines

    year = _uint(path, raw, "survey_year", required=True)
    _check(path, raw, ~year.isin(EDITIONS), "survey_year",
           "{value!r} is not a UN E-Government Survey edition " + f"{EDITIONS}")
    missing = sorted(set(EDITIONS) - set(year.dropna().astype(int)))
    if missing:
        raise ReferenceDataError(f"{path}: column 'survey_year': no rows for edition(s) {missing}")
    _check(path, raw, ~raw["iso3"].isin(_ISO3_CODES), "iso3", "{value!r} is not an ISO 3166-1 alpha-3 code")
    _check(path, raw, raw["country"] == "", "country", "value is empty")
    dup = pd.DataFrame({"y": year, "c": raw["iso3"]}).duplicated()
    if dup.any():
        i = dup.to_numpy().nonzero()[0][0]
        first = raw["_line"][(year == year.iat[i]) & (raw["iso3"] == raw["iso3"].iat[i])].iat[0]
        raise _fail(path, int(raw["_line"].iat[i]), "iso3",
                    f"({year.iat[i]}, {raw['iso3'].iat[i]}) repeats the row on line {first}")

    rank = _uint(path, raw, "egdi_rank", required=False)
    egdi = _score(path, raw, "egdi", required=True, upper=1)
    per_edition = year.map(year.value_counts())
    _check(path, raw, (rank > per_edition).fillna(False), "egdi_rank",
           "{value!r} exceeds the number of states in that edition")

    # EGDI 0.0 is the UN's placeholder for "not assessed" (no online presence 2003-2005/2012, missing
    # component data 2008/2010; ../shared/data/un_egov_raw/SOURCES.md); its tied-last rank is no ranking.
    assessed = rank.notna() & (egdi > 0)
    frame = pd.DataFrame({
        "survey_year": year,
        "iso3": raw["iso3"].astype("string"),
        "country": raw["country"].astype("string"),
        "egdi_rank": rank.where(assessed),
        "egdi": egdi.where(assessed),
        # Components are only checked non-negative: the UN 2003 file itself has HCI 1.422 (Micronesia)
        # and 1.03 (Tuvalu), also in the World Bank Data360 copy (seeds/reference/SOURCES.md).
        "osi": _score(path, raw, "osi", required=False, upper=None),
        "hci": _score(path, raw, "hci", required=False, upper=None),
        "tii": _score(path, raw, "tii", required=False, upper=None),
        "epart_rank": _uint(path, raw, "epart_rank", required=False).where(assessed),
    })
    frame["ranked_countries"] = frame.groupby("survey_year")["egdi_rank"].transform("count").astype("Int64")
    frame = frame.sort_values(["survey_year", "egdi_rank", "iso3"], na_position="last", kind="stable")
    return frame.reset_index(drop=True)[REFERENCE_COLUMNS]


# ---------------------------------------------------------------- derived ranks

def derive_regional_ranks(reference: pd.DataFrame) -> pd.DataFrame:
    """World ranks as given by the UN and regional ranks derived from them, one row per (scope, year, state).

    Scopes are DERIVED_SCOPES. Within a membership list the states are ranked by their world rank with
    competition ranking ("1224"): states sharing a world rank share the regional rank and the next rank
    is skipped. Unassessed states (egdi_rank missing) are left out. Columns DERIVED_COLUMNS: rank and
    ranked_in_scope are Int64; tied is True when another state in the same scope and edition has the
    same rank. Sorted by scope (DERIVED_SCOPES order), survey_year, rank, country_iso3.
    """
    ranked = reference.loc[reference["egdi_rank"].notna(), ["survey_year", "iso3", "egdi_rank", "egdi"]]
    regional = ranked.merge(_membership_frame(), on="iso3", how="inner")
    regional["rank"] = regional.groupby(["scope", "survey_year"])["egdi_rank"].rank(method="min")
    world = ranked.assign(scope="world", rank=ranked["egdi_rank"])
    out = pd.concat([world, regional], ignore_index=True)
    out["rank"] = out["rank"].astype("Int64")
    keys = ["scope", "survey_year"]
    out["tied"] = out.duplicated([*keys, "rank"], keep=False)
    out["ranked_in_scope"] = out.groupby(keys)["iso3"].transform("size").astype("Int64")
    out["scope"] = pd.Categorical(out["scope"], categories=DERIVED_SCOPES, ordered=True)
    out = out.rename(columns={"iso3": "country_iso3"}).sort_values([*keys, "rank", "country_iso3"], kind="stable")
    out["scope"] = out["scope"].astype("string")
    out["country_iso3"] = out["country_iso3"].astype("string")
    return out.reset_index(drop=True)[DERIVED_COLUMNS]


# ---------------------------------------------------------------- claims

def _ordinal(n: int) -> str:
    suffix = "th" if 11 <= n % 100 <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class _Lookup:
    """Dict views of the derived ranks for per-claim checks (claims are few; the tables are built vectorized)."""

    def __init__(self, reference: pd.DataFrame, derived: pd.DataFrame):
        self.present = set(zip(reference["survey_year"].astype(int), reference["iso3"]))
        self.names = dict(zip(zip(reference["survey_year"].astype(int), reference["iso3"]), reference["country"]))
        keys = zip(derived["scope"], derived["survey_year"].astype(int), derived["country_iso3"])
        self.rank = dict(zip(keys, zip(derived["rank"].astype(int), derived["tied"], derived["ranked_in_scope"])))
        self.holders: dict[tuple[str, int, int], list[str]] = {}
        for (scope, year, code), (rank, _, _) in self.rank.items():
            self.holders.setdefault((scope, year, rank), []).append(code)

    def world_rank(self, year: int, code: str) -> int | None:
        hit = self.rank.get(("world", year, code))
        return hit[0] if hit else None

    def describe(self, scope: str, year: int, code: str) -> str:
        """'world rank 5 of 193 ranked states, tied with ISL' / '2nd of 20 ranked Arab League states'."""
        rank, tied, count = self.rank[(scope, year, code)]
        text = (f"world rank {rank} of {count} ranked states" if scope == "world"
                else f"{_ordinal(rank)} of {count} ranked {SCOPE_LABELS[scope]}")
        if tied:
            others = [c for c in self.holders[(scope, year, rank)] if c != code]
            text += f", tied with {', '.join(others)}"
        return text

    def holder_text(self, scope: str, year: int, claimed: int) -> str:
        """Who holds the claimed rank: '1st among Arab League states is ARE (United Arab Emirates, 28th ...)'."""
        codes = self.holders.get((scope, year, claimed))
        where = "in the world" if scope == "world" else f"among {SCOPE_LABELS[scope]}"
        if not codes:
            return f"no state is {_ordinal(claimed)} {where}"
        if scope == "world":
            named = [f"{c} ({self.names[(year, c)]})" for c in codes]
        else:
            named = [f"{c} ({self.names[(year, c)]}, {_ordinal(self.world_rank(year, c))} in the world)"
                     for c in codes]
        return f"{_ordinal(claimed)} {where} {'is' if len(codes) == 1 else 'are'} {', '.join(named)}"


def _check_one(code, year, scope, claimed, lookup: _Lookup) -> tuple[str, object, str]:
    if pd.isna(year):
        return "unverifiable", pd.NA, "No survey year stated, so there is no UN edition to compare with."
    year = int(year)
    if year not in EDITIONS:
        before = [e for e in EDITIONS if e < year][-1:]
        after = [e for e in EDITIONS if e > year][:1]
        near = " or ".join(str(e) for e in before + after)
        return ("unverifiable", pd.NA, f"No UN E-Government Survey edition in {year}"
                + (f" (nearest: {near})." if near else "."))
    if pd.isna(scope):
        return "unverifiable", pd.NA, "The claim states no scope (world or a region)."
    if scope == "regional":
        return ("unverifiable", pd.NA,
                "Scope 'regional' does not say which region, so there is no membership list to rank within.")
    if scope not in DERIVED_SCOPES:
        return "unverifiable", pd.NA, f"Unknown scope {scope!r}; known scopes are {', '.join(DERIVED_SCOPES)}."
    if pd.isna(code) or not str(code).strip():
        return "unverifiable", pd.NA, "The claim names no country."
    if pd.isna(claimed):
        return "unverifiable", pd.NA, "The claim states no rank."
    code, claimed = str(code), int(claimed)
    if (year, code) not in lookup.present:
        return "unverifiable", pd.NA, f"UN {year}: {code} is not in this edition."
    name = lookup.names[(year, code)]
    world = lookup.world_rank(year, code)
    if world is None:
        return "unverifiable", pd.NA, f"UN {year}: {name} was not assessed (EGDI 0 placeholder, no rank)."
    if scope == "world":
        official = world
        note = f"UN {year}: {lookup.describe('world', year, code)}"
    else:
        definitions = SCOPE_DEFINITIONS.get(scope, (scope,))
        found = {d: lookup.rank.get((d, year, code)) for d in definitions}
        tried = " and ".join(SCOPE_LABELS[d] for d in definitions)
        members = {d: hit for d, hit in found.items() if hit is not None}
        if not members:
            return "unverifiable", pd.NA, f"UN {year}: {name} is not among {tried}."
        ranks = {d: (hit[0] if hit else None) for d, hit in found.items()}
        if len(set(ranks.values())) > 1:
            parts = [f"{_ordinal(r)} among {SCOPE_LABELS[d]}" if r else f"not among {SCOPE_LABELS[d]}"
                     for d, r in ranks.items()]
            return ("unverifiable", pd.NA,
                    f"UN {year}: the definitions of scope '{scope}' disagree: {name} is {' but '.join(parts)}.")
        official = next(iter(ranks.values()))
        where = "; ".join(lookup.describe(d, year, code) for d in definitions)
        note = f"UN {year}: {name} {_ordinal(world)} in the world; {where}"
        if len(definitions) > 1:
            note += f"; definitions tried: {tried}"
    if claimed == official:
        return "matches", official, note + "."
    shown = "world" if scope == "world" else (SCOPE_DEFINITIONS.get(scope, (scope,))[0])
    return "differs", official, f"{note}; {lookup.holder_text(shown, year, claimed)}."


_MISSING = object()


def check_claims(rankings: pd.DataFrame, reference: pd.DataFrame) -> pd.DataFrame:
    """Each article rank claim compared with the official UN data: the rankings rows plus three columns.

    verdict: 'matches' when the claimed rank equals the official rank for that country, edition and scope
    (world rank as published, regional ranks from derive_regional_ranks); 'differs' when it does not;
    'unverifiable' when there is nothing to compare with: no survey year, a year with no edition, scope
    'regional' (no region named) or unknown, no country or rank, a state absent from or not assessed in
    that edition, a state outside the scope's membership, or a scope whose definitions (SCOPE_DEFINITIONS,
    e.g. middle_east vs UN M49 Western Asia) give different ranks.
    official_rank (Int64): the rank the official data gives, missing when unverifiable.
    verdict_note: an English sentence with the official figures or the reason it is unverifiable.
    Requires the columns country_iso3, survey_year, scope, rank; keeps every input column and row order.
    """
    needed = ["country_iso3", "survey_year", "scope", "rank"]
    absent = [c for c in needed if c not in rankings.columns]
    if absent:
        raise ValueError(f"rankings table lacks column(s) {absent}")
    lookup = _Lookup(reference, derive_regional_ranks(reference))
    # A verdict depends only on the four values (_check_one reads nothing else), and an archive
    # repeats them: each distinct claim is checked once (17,104 claims, a few hundred distinct, at
    # 10,000 articles). A missing value stands as one key whatever its kind (None, NA, NaN), as
    # _check_one treats every missing value alike.
    verdicts: dict[tuple, tuple[str, object, str]] = {}
    results = []
    for values in zip(rankings["country_iso3"], rankings["survey_year"], rankings["scope"], rankings["rank"]):
        key = tuple(_MISSING if pd.isna(v) else v for v in values)
        found = verdicts.get(key)
        if found is None:
            found = verdicts[key] = _check_one(*values, lookup)
        results.append(found)
    out = rankings.reset_index(drop=True).copy()
    out["verdict"] = pd.Series([r[0] for r in results], dtype="string")
    out["official_rank"] = pd.Series([r[1] for r in results], dtype="Int64")
    out["verdict_note"] = pd.Series([r[2] for r in results], dtype="string")
    return out


# ---------------------------------------------------------------- history and export

def ranking_history(reference: pd.DataFrame, claims_checked: pd.DataFrame | None = None) -> pd.DataFrame:
    """Official ranks (world and derived regional) and article claims in one tidy table (HISTORY_COLUMNS).

    Official rows: source 'official', official_rank equal to rank, doc/evidence/verdict/claim_id missing.
    Article rows: source 'article', rank is the claimed rank, egdi the official score of that state and
    edition (missing if none), tied whether the state shares its official rank in that scope (missing when
    unknown). `claims_checked` without a verdict column is checked first with check_claims.
    """
    derived = derive_regional_ranks(reference)
    official = derived.assign(source="official", doc=pd.NA, evidence=pd.NA, verdict=pd.NA,
                              official_rank=derived["rank"], claim_id=pd.NA)
    parts = [official]
    if claims_checked is not None and len(claims_checked):
        claims = claims_checked if "verdict" in claims_checked.columns else check_claims(claims_checked, reference)
        claims = claims.assign(survey_year=claims["survey_year"].astype("Int64"))
        egdi = reference.rename(columns={"iso3": "country_iso3"})[["survey_year", "country_iso3", "egdi"]]
        ties = derived[["scope", "survey_year", "country_iso3", "tied"]]
        article = (claims.merge(egdi, on=["survey_year", "country_iso3"], how="left")
                   .merge(ties, on=["scope", "survey_year", "country_iso3"], how="left")
                   .assign(source="article"))
        parts.append(article[HISTORY_COLUMNS])
    out = pd.concat([p[HISTORY_COLUMNS] for p in parts], ignore_index=True)
    for col, dtype in {"survey_year": "Int64", "rank": "Int64", "official_rank": "Int64", "egdi": "float64",
                       "tied": "boolean"}.items():
        out[col] = out[col].astype(dtype)
    for col in ("country_iso3", "scope", "source", "doc", "evidence", "verdict", "claim_id"):
        out[col] = out[col].astype("string")
    return out


def load_rankings(corpus_rankings: pd.DataFrame | None = None,
                  path: str | Path | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(ranking_history, checked claims) for a corpus rankings table (None: no claims) and a reference file.

    `path` is passed to load_reference (None: the copy in seeds/reference/).
    """
    reference = load_reference(path)
    rankings = corpus_rankings if corpus_rankings is not None else tables.build_table("rankings", [])
    checked = check_claims(rankings, reference)
    return ranking_history(reference, checked), checked


def export_reference_tables(rankings: pd.DataFrame, out_dir: Path) -> list[Path]:
    """Write ranking_history.csv and claims.csv (UTF-8, no index) into `out_dir`; return their paths.

    `rankings` is a corpus rankings table (core.tables.RANKINGS columns); claims.csv is it with verdict,
    official_rank and verdict_note; the official data is the copy in seeds/reference/.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    history, checked = load_rankings(rankings)
    paths = [out_dir / "ranking_history.csv", out_dir / "claims.csv"]
    write_csv(history, paths[0])  # claims carry article text and file names: formulas escaped
    write_csv(checked, paths[1])
    return paths
