"""core's messages about documents, the articles folder and uploads, in the language of the page.

core writes its messages in English and never imports Streamlit; the command line, the documents
table and CSV and the tests read them as written. On an English page they are shown exactly so.
On a page in another language a message of a known kind is shown as that kind's translation, with
the message's own parts (file names, sizes, encodings, dates) kept as data; any other message is
shown whole, in English, inside a translated frame ("in English: …"), so nothing is lost and
nothing is half-guessed.

Each kind is a msgid written in core's wording with placeholders, so the English catalog gives
back exactly core's message (a test checks this on the messages core really writes); its pattern
is derived from the msgid. A file name stays plain text, isolated (ui.i18n.isolate) so it keeps
its own direction inside an Arabic sentence. The extractor's notes on records (the `note` column,
phrases joined by '; ') are translated the same way, phrase by phrase (`note_text`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from ui import i18n
from ui.i18n import N_, _

# Messages of core.reading.decode, core.reading.folder, core.reading.guard, core.reading.ingest, core.reading.manifest and core.reading.uploads that
# readers meet. {detail} is itself a message (translated in turn); every other placeholder is data.
KINDS = (  # the first that matches wins: the wrapper comes first
    N_("refused: {detail}"),
    N_("{file}: binary file (contains NUL bytes), not text"),
    N_("{file}: binary file ({share}% control characters), not text"),
    N_("{file}: empty file (0 bytes)"),
    N_("{file}: empty file (only whitespace)"),
    N_("{file}: {size} bytes exceeds the limit of {limit} bytes (set the {variable} environment variable or the "
       "max_bytes argument to change)"),
    N_("{file}: not UTF-8; decoded as {encoding} (detected by charset-normalizer)"),
    N_("{file}: not UTF-8; decoded as {encoding} (detected by its byte order mark)"),
    N_("{file}: note: UTF-8 with a byte order mark (removed)"),
    N_("{file}: {count} invalid UTF-8 byte sequence(s) replaced by U+FFFD"),
    N_("{file}: duplicate of {other} (identical bytes); not extracted"),
    N_("{file}: duplicate of {other} (same text); not extracted"),
    N_("{file}: no Arabic letters found (extracted anyway)"),
    N_("{file}: looks like an HTML page saved as .txt; read as plain text (rename it to .html to have it converted)"),
    N_("{file}: file name is not valid UTF-8 (shown with \\xNN for each bad byte); rename the file to give it a "
       "manifest row"),
    N_("{file}: too long to extract fully (over {count} numbers): only the first {size} of {total} characters "
       "were extracted"),
    N_("{file}: too long to extract fully (a sentence over {count} characters): only the first {size} of {total} "
       "characters were extracted"),
    N_("{file}: too long to extract fully (over {count} characters): only the first {size} of {total} characters "
       "were extracted"),
    N_("{file}: skipped (only .txt, .html and .htm files are read)"),
    N_("{file}: a link to a file outside the articles folder; not read"),
    N_("{file}: could not be read ({error})"),
    N_("{file}: manifest.csv row {row}: {detail}; left empty"),
    N_("manifest.csv row {row}: file {file} not found"),
    N_("manifest.csv row {row}: file {file} is already listed in row {first} (same values); row {row} ignored"),
    N_("manifest.csv row {row}: file {file} is already listed in row {first} (different values); row {row} ignored"),
    N_("manifest.csv: column(s) {columns} ignored (known columns: file, published, source_url)"),
    N_("manifest.csv: no row for {count} article(s) (no publication date): {files}"),
    N_("published '{value}' is not a valid date: there is no month {count}"),
    N_("published '{value}' is not a valid date: use YYYY-MM-DD, YYYY-MM or YYYY"),
    N_("published '{value}' is not a valid date: use YYYY-MM-DD, YYYY-MM or YYYY; write {date}"),
    N_("published '{value}' is not a valid date: use YYYY-MM-DD, YYYY-MM or YYYY; if it is day/month/year, "
       "write {date}"),
    N_("source_url '{value}' is not an http(s) address"),
    N_("file name '{file}' starts with '.' (hidden files are not accepted)"),
    N_("file name '{file}': only .txt, .html and .htm files are accepted"),
    N_("same content as {other}, already in the folder (identical bytes)"),
    N_("same text as {other}, already in the folder"),
    N_("saved {file} ({size} bytes)"),
    N_("saved as {file} because {other} is already used"),
    N_("manifest.csv: added {file} published {date}"),
    N_("corrections.jsonl line {row}: damaged (not a JSON object: {error}); skipped"),
    N_("corrections.jsonl line {row}: orphaned {action} of {record} {id} in {file} ({reason}); not applied"),
)
# Placeholders that hold a code of core.review: shown by their label (other values as data).
CODES = {
    "action": {"confirm": N_("confirm"), "correct": N_("correct"), "reject": N_("reject"), "add": N_("add"),
               "undo": N_("undo")},
    "record": {"event": N_("event"), "participant": N_("participant"), "ranking": N_("ranking claim")},
    "reason": {"article changed since the review": N_("article changed since the review"),
               "article not in the folder": N_("article not in the folder"),
               "record no longer extracted from the article": N_("record no longer extracted from the article"),
               "its added record is gone": N_("its added record is gone")},
}
# The phrases of the extractor's notes (core.events.extract, core.events.participants, core.rankings.extract); {state} is
# an ISO3 code, shown as the state's name.
NOTE_KINDS = (
    N_("no date in the text"), N_("year from the publication date"), N_("host not stated"), N_("Bahrain assumed"),
    N_("delegation size is a lower bound"),
    N_("scope not stated"), N_("world rank assumed from the survey context"),
    N_("scope of the rank it is compared with"), N_("scope of the coordinated rank after it"),
    N_("country not named in the sentence"), N_("the article's main state assumed"),
    N_("no state named in the article"), N_("country named after the rank"),
    N_("previous edition"), N_("edition inferred from the publication date"),
    N_("{state} named as a diplomat's posting"), N_("{state} named as a comparison"),
    N_("{state} named as a source of obstacles"), N_("{state} named as performers' origin"),
    N_("{state} named as the end of a geographic span"),
)
# What a placeholder may hold: numbers are digits (grouped or not); other parts anything on one line.
NUMBERS = frozenset({"share", "size", "limit", "count", "total", "row", "first"})
_PART = {"variable": r"\w+", "date": r"\S+", "encoding": r"[^()]+?", "state": r"[A-Z]{3}", "action": r"\w+",
         "record": r"\w+", "id": r"[a-z]{2}-[0-9a-f]+"}


@lru_cache(maxsize=2)
def _patterns(kinds: tuple[str, ...] = KINDS) -> tuple[tuple[re.Pattern[str], str], ...]:
    """(pattern, msgid) of every kind: the msgid's text matched literally, its placeholders as groups
    (a placeholder used twice must hold the same text twice)."""
    out = []
    for msgid in kinds:
        regex, seen = [], set()
        for n, piece in enumerate(re.split(r"\{(\w+)\}", msgid)):
            if n % 2 == 0:
                regex.append(re.escape(piece))
            elif piece in seen:
                regex.append(f"(?P={piece})")
            else:
                seen.add(piece)
                regex.append(f"(?P<{piece}>{r'[0-9][0-9,]*' if piece in NUMBERS else _PART.get(piece, r'.+?')})")
        out.append((re.compile("".join(regex)), msgid))
    return tuple(out)


def kind_of(message: str, kinds: tuple[str, ...] = KINDS) -> tuple[str, dict[str, str]] | None:
    """The kind of a core message (its msgid) and its parts; None for a message of no known kind."""
    for pattern, msgid in _patterns(kinds):
        found = pattern.fullmatch(message)
        if found:
            return msgid, found.groupdict()
    return None


def core_message(message: str) -> str:
    """One core message in the language of this run (unchanged in English)."""
    if i18n.language() == "en":
        return message
    found = kind_of(message)
    if found is None:
        return _("in English: {message}").format(message=i18n.isolate(message))
    msgid, parts = found
    return _(msgid).format(**{name: _part(name, value) for name, value in parts.items()})


def _part(name: str, value: str) -> str:
    if name == "detail":
        return core_message(value)
    if value in CODES.get(name, {}):
        return _(CODES[name][value])
    return i18n.isolate(i18n.digits(value) if name in NUMBERS else value)


def code_label(name: str, value: object) -> str:
    """The label of a core.review code (an action, a record kind, an orphan's reason); the value itself
    when it is not one of them."""
    text = "" if value is None else str(value)
    return _(CODES[name][text]) if text in CODES.get(name, {}) else text


def document_message(message: str, doc: str) -> str:
    """A document's `message` cell (core's messages about `doc`, joined by '; ') in the run's language."""
    if i18n.language() == "en" or not message:
        return message
    # Each message core writes about a document starts with its name; a message may hold '; ' itself.
    parts = re.split(f"; (?={re.escape(doc)}: )", message)
    return _("; ").join(core_message(part) for part in parts)


def note_text(note: str) -> str:
    """The extractor's note on a record ('; '-joined phrases) in the run's language (unchanged in English)."""
    if i18n.language() == "en" or not note:
        return note
    shown = []
    for phrase in note.split("; "):
        found = kind_of(phrase, NOTE_KINDS)
        if found is None:
            shown.append(_("in English: {message}").format(message=i18n.isolate(phrase)))
        else:
            msgid, parts = found
            shown.append(_(msgid).format(**{k: i18n.country(v) for k, v in parts.items()}))
    return _("; ").join(shown)
