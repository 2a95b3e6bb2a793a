"""The interface language: gettext catalogs read with Babel, Arabic country names, months and quarters from CLDR, digits.

Messages are English msgids wrapped in `_()`; `locale/<lang>/LC_MESSAGES/messages.po` holds the
translations (one catalog per language, standard gettext). The .po files are compiled in memory
when first used and again when a file changes, so there is no compile step to remember.

The language of the current run is a context variable, set by `ui.layout.setup_page` from the
sidebar switch (and the `?lang=` and `?digits=` URL parameters). Streamlit runs one script run in one thread, so
each session sees its own language; figure builders stay plain functions (no Streamlit) and read
it through `_()`, `country()` and `number()`.
"""

from __future__ import annotations

import contextvars
import gettext
import io
import re
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import TypeVar

from babel import Locale
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

T = TypeVar("T")

ROOT = Path(__file__).resolve().parents[1]
LOCALE_DIR = ROOT / "locale"
DOMAIN = "messages"
LANGUAGES = ("en", "ar")
LANGUAGE_NAMES = {"en": "English", "ar": "العربية"}  # each in its own language, as switches show them
RTL_LANGUAGES = frozenset({"ar"})
DIGITS = ("western", "arabic_indic")
LANG_PARAM, DIGITS_PARAM = "lang", "digits"  # the URL parameters of the language and the digits
_ARABIC_INDIC = str.maketrans("0123456789.,%", "٠١٢٣٤٥٦٧٨٩٫٬٪")
# Unicode bidi isolates: a Latin name or a number inside an Arabic sentence keeps its own direction
# and does not reorder the punctuation around it (Unicode UAX #9, "isolates").
LRI, RLI, FSI, PDI = "\u2066", "\u2067", "\u2068", "\u2069"

_language: contextvars.ContextVar[str] = contextvars.ContextVar("language", default="en")
_digits: contextvars.ContextVar[str] = contextvars.ContextVar("digits", default="western")
_catalog: contextvars.ContextVar[tuple[str, gettext.NullTranslations]] = contextvars.ContextVar(
    "catalog", default=("en", gettext.NullTranslations()))


def set_language(language: str, digits: str = "western") -> None:
    """Use `language` (one of LANGUAGES; anything else means English) and `digits` for this run.

    The run's catalog is looked up here, once (one stat of its file: an edited catalog is compiled
    again for the next run); `_` then costs a dictionary lookup, which matters for pages that label
    every row of a 100,000-row table.
    """
    language = language if language in LANGUAGES else "en"
    _language.set(language)
    _digits.set(digits if digits in DIGITS else "western")
    _catalog.set((language, translations(language)))


def language() -> str:
    return _language.get()


def digit_style() -> str:
    """The digits of this run: 'western' or 'arabic_indic' (the latter only ever set with Arabic)."""
    return _digits.get()


def url_params() -> dict[str, str]:
    """The URL parameters that carry this run's language and digits to another page or a shared link:
    {} in English with Western digits (the defaults add nothing), else lang= and, if chosen, digits=."""
    params = {} if _language.get() == "en" else {LANG_PARAM: _language.get()}
    if params and _digits.get() != "western":
        params[DIGITS_PARAM] = _digits.get()
    return params


def is_rtl() -> bool:
    return _language.get() in RTL_LANGUAGES


def catalog_path(lang: str) -> Path:
    return LOCALE_DIR / lang / "LC_MESSAGES" / f"{DOMAIN}.po"


@lru_cache(maxsize=8)
def _compiled(lang: str, mtime_ns: int) -> gettext.NullTranslations:
    # `mtime_ns` is part of the cache key: an edited catalog is compiled again.
    path = catalog_path(lang)
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    buffer = io.BytesIO()
    write_mo(buffer, catalog)
    buffer.seek(0)
    return gettext.GNUTranslations(buffer)


def translations(lang: str) -> gettext.NullTranslations:
    """The compiled catalog of `lang`; NullTranslations (English msgids) when it has none."""
    path = catalog_path(lang)
    try:
        return _compiled(lang, path.stat().st_mtime_ns)
    except OSError:
        return gettext.NullTranslations()


def catalog_messages(lang: str) -> dict[str, str]:
    """Every msgid of the `lang` catalog with its translation (tests use this)."""
    with catalog_path(lang).open("rb") as fh:
        catalog = read_po(fh, locale=lang)
    return {str(m.id): str(m.string) for m in catalog if m.id}


def _(message: str) -> str:
    """`message` (an English msgid) in the language of this run."""
    language, catalog = _catalog.get()
    if language != _language.get():  # the language was set without set_language (a copied context)
        catalog = translations(_language.get())
    return catalog.gettext(message)


def N_(message: str) -> str:
    """Marks `message` for the catalog without translating it (labels kept in tables, translated on display)."""
    return message


def frozen(func: Callable[[T], str]) -> Callable[[T], str]:
    """`func` run in this run's language whenever it is called: a widget's format_func may be called by
    Streamlit (or AppTest) outside the script run, where the context variable has its default."""
    context = contextvars.copy_context()
    return lambda value: context.run(func, value)


def digits(text: str) -> str:
    """`text` with ASCII digits as Arabic-Indic digits when that option is on (Arabic only)."""
    if _digits.get() == "arabic_indic" and _language.get() == "ar":
        return text.translate(_ARABIC_INDIC)
    return text


def number(value: object, decimals: int | None = None) -> str:
    """A number for display: `decimals` places, in the digits chosen; thousands grouped from 10,000 on,
    so years and four-digit counts read as written (2013, 1000)."""
    if value is None:
        return ""
    try:
        numeric = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return str(value)
    if numeric != numeric:  # NaN
        return ""
    group = "," if abs(numeric) >= 10_000 else ""
    text = f"{numeric:{group}.{decimals}f}" if decimals is not None else (
        f"{int(numeric):{group}}" if numeric == int(numeric) else f"{numeric:{group}}")
    return digits(text)


def isolate(text: object) -> str:
    """`text` wrapped in first-strong isolates when the page is Arabic, so a Latin name, a number or a
    percentage inside an Arabic sentence keeps its order and its neighbours' punctuation stays put."""
    text = "" if text is None else str(text)
    if not is_rtl() or not text or not re.search(r"[A-Za-z0-9%]", text):
        return text
    return f"{FSI}{text}{PDI}"


@lru_cache(maxsize=4)
def _territories(lang: str) -> dict[str, str]:
    return dict(Locale.parse(lang).territories)


@lru_cache(maxsize=1)
def _alpha2() -> dict[str, str]:
    import pycountry

    codes = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    codes["XKX"] = "XK"  # Kosovo: a user-assigned code, which CLDR names
    return codes


def country(iso3: str, english: str | None = None) -> str:
    """The name of the state `iso3` in this run's language: English from `english` (the project's
    names), other languages from Babel's CLDR territory names, falling back to `english`."""
    iso3 = "" if iso3 is None else str(iso3)
    english = english if isinstance(english, str) else None  # a missing name (NA) in a table
    if _language.get() == "en":
        return english or iso3
    alpha2 = _alpha2().get(iso3)
    name = _territories(_language.get()).get(alpha2, "") if alpha2 else ""
    return name or english or iso3


@lru_cache(maxsize=8)
def _calendar_names(lang: str, field: str, width: str) -> list[str]:
    """CLDR's format names of `field` ("months", "quarters") at `width`, in order (1 to 12, 1 to 4)."""
    names = getattr(Locale.parse(lang), field)["format"][width]
    return [str(names[k]) for k in sorted(names)]


def month(number_1_12: int) -> str:
    """The name of month 1–12 in this run's language (CLDR)."""
    return _calendar_names(_language.get(), "months", "wide")[number_1_12 - 1]


def quarter(number_1_4: int) -> str:
    """The short name of quarter 1–4 in this run's language (CLDR: 'Q2' in English, the quarter in words in Arabic)."""
    return _calendar_names(_language.get(), "quarters", "abbreviated")[number_1_4 - 1]
