"""Extract the interface messages into the gettext catalogs: locale/<lang>/LC_MESSAGES/messages.po.

Run: python tools/update_catalogs.py [--check]

Messages are the string literals passed to _() and N_() in dashboard.py, pages/*.py and ui/*.py
(Babel's Python extractor). Existing translations are kept; a new message gets an empty translation
in Arabic (to be written) and itself in English. Messages no longer used are dropped. With --check
nothing is written and the exit status says whether a catalog is missing a message or a translation.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_file
from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("en", "ar")
KEYWORDS = {"_": None, "N_": None}


def sources() -> list[Path]:
    return [ROOT / "dashboard.py", *sorted((ROOT / "pages").glob("*.py")), *sorted((ROOT / "ui").rglob("*.py"))]


def extract() -> dict[str, list[tuple[str, int]]]:
    """Every msgid used in the interface code, with where it is used."""
    found: dict[str, list[tuple[str, int]]] = {}
    for path in sources():
        for line, message, _comments, _context in extract_from_file("python", str(path), keywords=KEYWORDS):
            if isinstance(message, str) and message:
                found.setdefault(message, []).append((str(path.relative_to(ROOT)), line))
    return found


def catalog_path(lang: str) -> Path:
    return ROOT / "locale" / lang / "LC_MESSAGES" / "messages.po"


def update(lang: str, messages: dict[str, list[tuple[str, int]]], write: bool) -> list[str]:
    """Merge `messages` into the `lang` catalog; return the msgids without a translation."""
    path = catalog_path(lang)
    old: dict[str, str] = {}
    if path.exists():
        with path.open("rb") as fh:
            old = {str(m.id): str(m.string) for m in read_po(fh, locale=lang) if m.id}
    catalog = Catalog(locale=lang, project="Bahrain e-government diplomacy dashboard", charset="utf-8", fuzzy=False)
    missing = []
    for msgid in sorted(messages):
        string = old.get(msgid) or (msgid if lang == "en" else "")
        if not string:
            missing.append(msgid)
        catalog.add(msgid, string, locations=messages[msgid])
    if write:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("wb") as fh:
            write_po(fh, catalog, width=110, sort_output=True)
    return missing


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="write nothing; fail when a translation is missing")
    args = parser.parse_args()
    messages = extract()
    status = 0
    for lang in LANGUAGES:
        missing = update(lang, messages, write=not args.check)
        print(f"{lang}: {len(messages)} messages, {len(missing)} without a translation")
        status |= bool(missing)
    return status if args.check else 0


if __name__ == "__main__":
    sys.exit(main())
