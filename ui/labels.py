"""Display labels for the codes the tables carry (event kinds, scopes, topics, verdicts, bases, measures),
in the language of the run (msgids marked with N_ here, translated by ui.i18n on display)."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TypeVar

import numpy as np
import pandas as pd

from ui.i18n import N_, _, country, language, month, number

T = TypeVar("T")

SCOPE_LABELS = {
    "world": N_("World"), "asia": N_("Asia"), "western_asia": N_("Western Asia"), "middle_east": N_("Middle East"),
    "mena": N_("MENA"), "arab": N_("Arab states"), "gcc": N_("GCC"), "africa": N_("Africa"),
    "regional": N_("Regional"), "g20": N_("G20"), "americas": N_("Americas"), "europe": N_("Europe"),
    "oceania": N_("Oceania"),
}
# Order of the scope selector: the world first, then the regions the news quotes most.
SCOPE_ORDER = ["world", "arab", "gcc", "asia", "middle_east", "western_asia", "mena", "africa", "europe",
               "americas", "oceania", "g20"]

# Every topic of core/data/topics.tsv (a test checks the list against the file).
TOPIC_LABELS = {
    "accessibility": N_("Accessibility"), "ai": N_("AI"), "capacity_building": N_("Capacity building"),
    "cloud": N_("Cloud"), "complaints_system": N_("Complaints system"), "cybersecurity": N_("Cybersecurity"),
    "data_exchange": N_("Data exchange"), "digital_identity": N_("Digital identity"),
    "digital_transformation": N_("Digital transformation"), "e_payment": N_("E-payment"),
    "gcc_portal": N_("GCC portal"), "national_portal": N_("National portal"), "open_data": N_("Open data"),
    "private_sector": N_("Private sector"), "smart_cities": N_("Smart cities"), "smart_services": N_("Smart services"),
    "strategy": N_("Strategy"), "un_survey": N_("UN survey"),
}
ACRONYMS = {"ai", "api", "gcc", "ict", "it", "un"}
# Every kind of core/data/event_cues.tsv.
KIND_LABELS = {
    "agreement": N_("agreement"), "award": N_("award"), "conference": N_("conference"), "forum": N_("forum"),
    "meeting": N_("meeting"), "other": N_("other"), "visit": N_("visit"), "workshop": N_("workshop"),
}
VERDICT_LABELS = {"matches": N_("matches"), "differs": N_("differs"), "unverifiable": N_("unverifiable")}
# The bases the core lane records for a host and a year (docs/DASHBOARD.md explains each).
HOST_BASIS_LABELS = {
    "stated": N_("host stated"), "stated_elsewhere": N_("host stated elsewhere in the article"),
    "event_name": N_("host from the event's name"), "virtual": N_("held online"),
    "assumed": N_("host assumed (the article's own state)"), "not_stated": N_("host not stated"),
    "reviewed": N_("host set by an analyst"),
}
YEAR_BASIS_LABELS = {
    "stated": N_("year stated"), "stated_elsewhere": N_("year stated elsewhere in the article"),
    "relative": N_("year from a relative date"), "publication_date": N_("year from the publication date"),
    "not_stated": N_("year not stated"), "edition": N_("year of the survey edition"),
    "previous_edition": N_("year of the previous survey edition"),
    # today's date_basis values, until the core lane's year_basis arrives
    "text": N_("year stated"), "published": N_("year from the publication date"),
}
TENSE_LABELS = {"past": N_("past"), "upcoming": N_("upcoming")}
STATUS_LABELS = {"ok": N_("ok"), "warning": N_("warning"), "error": N_("error")}
# Headers of the extracted tables (core.tables columns) as shown and in CSV downloads.
COLUMN_LABELS = {
    "event_id": N_("event"), "doc": N_("article"), "role": N_("role"), "kind": N_("kind"), "year": N_("year"),
    "date": N_("date"), "date_basis": N_("date basis"), "year_basis": N_("year basis"), "host_iso3": N_("host"),
    "host_basis": N_("host basis"), "tense": N_("tense"), "countries_stated": N_("states stated"),
    "countries_stated_lower_bound": N_("stated as a lower bound"), "countries_named": N_("states named"),
    "gcc": N_("GCC event"), "organizations": N_("organizations"), "topics": N_("topics"),
    "evidence": N_("evidence (Arabic)"), "start": N_("start"), "end": N_("end"), "note": N_("note"),
    "iso3": N_("ISO3"), "name_en": N_("English name"), "surface": N_("as written (Arabic)"),
    "via": N_("how recognised"), "claim_id": N_("claim"), "country_iso3": N_("ISO3"),
    "survey_year": N_("edition"), "scope": N_("scope"), "rank": N_("rank"), "surface_start": N_("rank words start"),
    "surface_end": N_("rank words end"), "verdict": N_("verdict"), "official_rank": N_("official rank"),
    "title": N_("title"), "published": N_("published"), "status": N_("status"), "message": N_("message"),
    "chars": N_("characters"), "encoding": N_("encoding"), "sha256": N_("SHA-256"), "source_url": N_("source"),
    "duplicate_of": N_("duplicate of"), "review": N_("review"), "record_id": N_("record"),
    "extracted": N_("extracted"), "review_note": N_("review note"),
}
VIA_LABELS = {"name": N_("named explicitly"), "gcc_body": N_("through the GCC as a body"),
              "institution": N_("through one of its institutions")}


def map_distinct(func: Callable[..., T], *columns: pd.Series) -> list[T]:
    """func(*row values) for every row of the aligned columns, computed once per distinct combination.

    Tables of 100,000 rows hold a few hundred distinct dates or kinds; a label per row would not.
    """
    if len(columns) == 1:  # the usual case: the values themselves as keys (no tuple per row)
        values = columns[0].tolist()
        single = {value: func(value) for value in set(values)}
        return list(map(single.__getitem__, values))
    keys = list(zip(*(column.tolist() for column in columns)))
    results = {key: func(*key) for key in set(keys)}
    return list(map(results.__getitem__, keys))


def isin(column: pd.Series, values: Iterable) -> np.ndarray:
    """`column.isin(values)` as a boolean array: one set look-up per row.

    pandas' isin on a column of the `str` dtype (Arrow strings) first makes a pyarrow scalar of every
    value: 0.1 s for the 20,000 event ids of 10,000 articles, four times in one Delegations redraw.
    As in pandas, a missing cell is in when `values` holds a missing value.
    """
    wanted = set(values.tolist() if isinstance(values, (pd.Series, pd.Index)) else values)
    found = np.fromiter(map(wanted.__contains__, column.tolist()), dtype=bool, count=len(column))
    missing = column.isna().to_numpy(dtype=bool)
    if missing.any():
        found[missing] = any(is_missing(value) for value in wanted)
    return found


def _label(table: dict[str, str], code: object, fallback: Callable[[str], str]) -> str:
    text = text_of(code)
    return _(table[text]) if text in table else fallback(text)


def scope_label(scope: str) -> str:
    return _label(SCOPE_LABELS, scope, lambda s: s.replace("_", " ").title())


def topic_label(topic: str) -> str:
    """'digital_identity' -> 'Digital identity', 'un_survey' -> 'UN survey', 'ai' -> 'AI' (translated)."""
    def fallback(text: str) -> str:
        words = [w.upper() if w in ACRONYMS else w for w in text.split("_") if w]
        return " ".join(words)[:1].upper() + " ".join(words)[1:]
    return _label(TOPIC_LABELS, topic, fallback)


def kind_label(kind: str) -> str:
    return _label(KIND_LABELS, kind, lambda k: k.replace("_", " "))


def verdict_label(verdict: object) -> str:
    return _label(VERDICT_LABELS, verdict, str)


def host_basis_label(basis: object) -> str:
    return _label(HOST_BASIS_LABELS, basis, lambda b: b.replace("_", " "))


def year_basis_label(basis: object) -> str:
    return _label(YEAR_BASIS_LABELS, basis, lambda b: b.replace("_", " "))


def tense_label(tense: object) -> str:
    return _label(TENSE_LABELS, tense, str)


def status_label(status: object) -> str:
    return _label(STATUS_LABELS, status, str)


def column_headers(frame: pd.DataFrame) -> dict[str, str]:
    """Translated headers for the columns of an extracted table (unknown columns keep their name).

    In English the tables keep the column names of core.tables (the names of the CSV export)."""
    if language() == "en":
        return {}
    return {c: _(COLUMN_LABELS[c]) for c in frame.columns if c in COLUMN_LABELS}


def via_label(via: object) -> str:
    return _label(VIA_LABELS, via, str)


def is_missing(value: object) -> bool:
    """None, NaN, NaT or pd.NA (the table cells that hold no value)."""
    return value is None or (pd.api.types.is_scalar(value) and bool(pd.isna(value)))


def text_of(value: object) -> str:
    """A cell as text: '' for a missing value."""
    return "" if is_missing(value) else str(value)


def split_list(value: object) -> list[str]:
    """The items of a ';'-joined cell (organizations, topics); [] for empty or missing."""
    return [item.strip() for item in text_of(value).split(";") if item.strip()]


def when_label(date: object, year: object) -> str:
    """'25 June 2013', 'June 2013', '2013' or 'undated', at the precision the event has (months from CLDR)."""
    text = text_of(date)
    parts = text.split("-") if text else []
    if len(parts) >= 2 and parts[1].isdigit() and 1 <= int(parts[1]) <= 12:
        name = month(int(parts[1]))
        if len(parts) == 3 and parts[2].isdigit():
            return f"{number(int(parts[2]))} {name} {number(int(parts[0]))}"
        return f"{name} {number(int(parts[0]))}"
    if parts and parts[0].isdigit():
        return number(int(parts[0]))
    if not is_missing(year):
        try:
            return number(int(year))
        except (TypeError, ValueError):  # not a year ("yesterday" in a hand-made manifest): undated
            pass
    return _("undated")


# A title that starts with a timestamp ("2013/06/26 - 53 : 08 PM", "2013-06-26 10:15") and then a
# dateline ("<city> in <day> <month>/ <agency> /"): the scraper took the page's first line.
_TIMESTAMP = re.compile(r"^\s*\d{4}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{1,2}"
                        r"(?:\s*-?\s*\d{1,2}\s*:\s*\d{1,2}(?:\s*:\s*\d{1,2})?(?:\s*[AaPp]\.?[Mm]\.?)?)?\s*[-–—:|]?\s*")
# A dateline ends at the second slash of "<city> in <day> <month>/ <agency> /": a short part with a
# day number, then a short agency name without digits.
_DATELINE = re.compile(r"^[^/\n]{0,40}\d[^/\n]{0,20}/\s*[^/\d\n]{1,20}/\s*")


def clean_title(title: object) -> str:
    """A document title without a leading timestamp and news-agency dateline; the title itself when
    nothing is left after removing them."""
    text = " ".join(text_of(title).split())
    stamped = _TIMESTAMP.match(text)
    rest = text[stamped.end():] if stamped else text
    dateline = _DATELINE.match(rest)
    if dateline:
        rest = rest[dateline.end():]
    return rest.strip() or text


def state_label(iso3: object, names: dict[str, str]) -> str:
    """A state's name in the language of the run; `names` (ISO3 -> English name, from the corpus) is the
    fallback for a code the locale data does not know, and the code itself the last one."""
    iso = str(iso3)
    return country(iso, names.get(iso, iso))


def host_text(host_iso3: object, host_basis: object, names: dict[str, str]) -> str:
    """'host: Oman', 'host assumed: Bahrain (no place stated)', 'host not stated', … in the language of the run."""
    iso = text_of(host_iso3)
    basis = text_of(host_basis)
    if not iso:
        return _("host not stated") if basis in ("", "not_stated") else host_basis_label(basis)
    name = state_label(iso, names)
    if basis == "assumed":  # no place stated: the article's own state (Bahrain when it names none)
        return _("host assumed: {name} (no place stated)").format(name=name)
    return _("host: {name}").format(name=name) + (f" ({host_basis_label(basis)})" if basis and basis != "stated"
                                                   else "")
