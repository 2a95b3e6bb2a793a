"""What a story compares: one record per event, read from its table row and its evidence sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from core.lexicon import load_table
from core.records import frozen_record
from core.text.context import word_groups
from core.text.dates import Published, find_dates
from core.text.morphology import conjoined, definite_article, stems
from core.text.normalize import normalize, tokenize_columns
from core.text.numbers import number_in
from core.text.phrases import phrase_tokens
from core.text.segment import marks
from core.text.tokens import Tokens

# Hosts a record can compare: stated by the text (or the event's own name, or a video meeting).
# An assumed or unstated host is no evidence either way.
KNOWN_HOST = ("stated", "stated_elsewhere", "event_name", "virtual")
# Groups of core/data/event_context.tsv that end an event's name (see core/data/story_words.tsv).
CONTEXT_ENDS = ("place_preposition", "relative_pronoun", "clause_start", "held_verb", "host_verb",
                "future", "past", "sidelines", "publication")
EDITION_MAX = 99   # an edition number is a small ordinal ("الاجتماع الثاني والعشرين"); years are not editions
_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True)
class StoryRecord:
    """One event as the story stage sees it; every field is read from the events row or its evidence."""

    event_id: str
    record_id: str
    doc: str
    role: str
    kind: str
    family: str            # core/data/story_kinds.tsv; '' never joins
    tense: str
    year: int | None
    year_basis: str
    month: int | None      # from the event's date, when month- or day-precise
    day: int | None
    host: str              # ISO3, 'virtual', or '' when not stated by the text
    host_basis: str
    edition: int | None    # the event's own ordinal ("المؤتمر الخليجي الأول" -> 1)
    name: tuple[str, ...]  # content words of the event's own name, normalized stems
    sidelines: bool        # the event is held on the sidelines of another
    size: int | None
    participants: frozenset[str]
    relative_years: int | None = None  # "العام الماضي" = -1, for an event whose year the extractor left open


    @property
    def date_precision(self) -> str:
        return "day" if self.day else "month" if self.month else "year" if self.year else "none"


@lru_cache(maxsize=1)
def _name_end() -> re.Pattern[str]:
    """A mark that ends an event's own name: group name_end of core/data/punctuation.tsv."""
    return re.compile("[%s]" % marks("name_end"))


@lru_cache(maxsize=1)
def kind_families() -> dict[str, str]:
    """kind -> family from core/data/story_kinds.tsv."""
    return {row["kind"]: row.get("family", "") for row in load_table("story_kinds.tsv", ["kind"])}


@lru_cache(maxsize=1)
def _cues() -> dict[str, str]:
    """Single-word event cues (normalized) -> kind, from core/data/event_cues.tsv."""
    out: dict[str, str] = {}
    for row in load_table("event_cues.tsv", ["cue", "kind"]):
        words = phrase_tokens(row["cue"])
        if len(words) == 1:
            out.setdefault(words[0], row["kind"])
    return out


@lru_cache(maxsize=1)
def _words() -> dict[str, frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for row in load_table("story_words.tsv", ["group", "word"]):
        groups.setdefault(row["group"], set()).update(phrase_tokens(row["word"]))
    ends = set(groups.get("name_end", ()))
    for name in CONTEXT_ENDS:
        ends |= word_groups().words(name)
    ranks = {w for row in load_table("rank_cues.tsv", ["group", "phrase"]) if row["group"] == "trigger"
             for w in phrase_tokens(row["phrase"])}
    return {"end": frozenset(ends), "function": frozenset(groups.get("function", ())), "rank": frozenset(ranks),
            "alongside": frozenset(groups.get("alongside", ())),
            "sidelines": word_groups().words("sidelines")}


@lru_cache(maxsize=200_000)
def _cue_kind(token: str) -> str:
    cues = _cues()
    return next((cues[s] for s in stems(token) if s in cues), "")


@lru_cache(maxsize=200_000)
def _is(token: str, group: str) -> bool:
    """A form of `token` is a word of `group` (_words); memoized, as _cue_kind is: a story stage
    asks it of every word of every event's sentence."""
    words = _words()[group]
    return any(s in words for s in stems(token))


def _content(token: str) -> str:
    """The word a name is compared on: the shortest form without proclitics, without the article."""
    forms = stems(token)
    article = definite_article()
    definite = [f for f in forms if f.startswith(article) and len(f) > 4]
    return definite[0][len(article):] if definite else forms[-1]


@dataclass(frozen=True)
class Name:
    words: tuple[str, ...]
    edition: int | None
    sidelines: bool = False  # a sidelines word after the cue: "ورشة عمل على هامش المنتدى"


@lru_cache(maxsize=50_000)
def read_name(sentence: str, kind: str) -> Name:
    """The event's own name in its evidence sentence: from a cue along the words that follow, up to a
    word that opens a place, a time or a new clause, a punctuation mark, or a second event coordinated
    after the name ("... الثامن والاجتماع 28 ..."). The phrase read is the first that holds a cue of
    the event's kind ("الدورة الرابعة من مؤتمر ..." starts at "الدورة"), else the first. Its edition is
    the ordinal (or a number right after a cue) inside it, else inside a later phrase of the event's
    kind ("اللجنة ... تعقد اجتماعها (22)"). A sidelines word after the cue makes it a side event
    ("على هامش انطلاق المنتدى" before the cue does not)."""
    norm = normalize(sentence)
    tokens = Tokens(*tokenize_columns(norm))  # the columns: no Token made
    texts = tokens.texts
    cues = [i for i, t in enumerate(texts) if _cue_kind(t)]
    if not cues:
        return Name((), None)
    phrases = [_phrase(norm.text, tokens, c) for c in cues]
    own = [p for p in phrases if kind in p.kinds]
    chosen = own[0] if own else phrases[0]
    edition = chosen.edition
    if edition is None:
        edition = next((p.edition for p in own if p.first > chosen.first and p.edition is not None), None)
    sidelines = any(_is(t, "sidelines") for t in texts[chosen.first + 1:])
    return Name(chosen.words, edition, sidelines)


@dataclass(frozen=True)
class _Phrase:
    first: int
    words: tuple[str, ...]
    edition: int | None
    kinds: frozenset[str]


def _phrase(text: str, tokens: Tokens, first: int) -> _Phrase:
    """The name phrase that starts at the cue tokens[first] (see read_name); the tokens' columns are read."""
    texts, starts, ends = tokens.texts, tokens.starts, tokens.ends
    words: list[str] = []
    edition: int | None = None
    kinds = {_cue_kind(texts[first])}
    last_cue = first
    i = first + 1
    while i < len(texts):
        tok = texts[i]
        if _name_end().search(text[ends[i - 1]:starts[i]]) or _is(tok, "end"):
            break
        if _cue_kind(tok):
            if conjoined(tok) and i > last_cue + 1:
                break  # "... والاجتماع 28 للجنة ...": another event coordinated with this one
            kinds.add(_cue_kind(tok))
            last_cue = i
            i += 1
            continue
        split_article = tok == definite_article()
        number = number_in(texts, i) if not split_article else None
        if split_article and i + 1 < len(texts) and texts[i + 1].isdigit():
            number = number_in(texts, i + 1)  # "الـ14": the article split from the digits
        if number is not None and i > first and _is(texts[i - 1], "rank"):
            number = None  # "جائزة المركز الأول": a place in a ranking (rank_cues.tsv triggers), not an edition
        if number is not None:
            after_cue = number.first <= last_cue + 2
            if edition is None and 0 < number.value <= EDITION_MAX and (number.ordinal or after_cue):
                edition = number.value
            i = max(number.last, i + 1)
            continue
        if not _is(tok, "function"):
            words.append(_content(tok))
        i += 1
    return _Phrase(first, tuple(words), edition, frozenset(kinds))


_REFERENCE = Published(2000)  # any year: only the offset of a relative phrase is kept


@lru_cache(maxsize=50_000)
def relative_years(sentence: str) -> int | None:
    """The offset in years of the one relative year phrase of the sentence ("في العام الماضي" -> -1),
    read with the date reader's phrases (core/data/relative_dates.tsv); None when there is none, or
    two that disagree."""
    norm = normalize(sentence)
    offsets = {m.year - _REFERENCE.year for m in find_dates(norm, Tokens(*tokenize_columns(norm)), _REFERENCE)
               if m.basis == "relative" and getattr(m, "unit", "") == "year"}
    return offsets.pop() if len(offsets) == 1 else None


def _int(value) -> int | None:
    try:
        return None if value is None or value != value else int(value)
    except (TypeError, ValueError):
        return None


def article_name(text: str, kind: str) -> Name | None:
    """The first name with an edition in the article, read from a cue of `kind`'s family not governed by
    an "alongside" word: for a main event whose own sentence gives neither a year nor an edition ("اعتماد جائزة التميز ..." as a headline, then
    "افتتاحه مؤتمر ومعرض (الحكومة الإلكترونية ... الرابع)")."""
    family = kind_families().get(kind, "")
    norm = normalize(text)
    tokens = Tokens(*tokenize_columns(norm))
    for i, tok in enumerate(tokens.texts):
        cue = _cue_kind(tok)
        if cue and kind_families().get(cue, "") == family and not _alongside(tokens.texts, i):
            found = _phrase(norm.text, tokens, i)
            if found.edition is not None:
                return Name(found.words, found.edition)
    return None


def _alongside(texts: list[str], i: int) -> bool:
    """The cue at i is governed by an "alongside" word, directly or through one preposition (`texts`: the tokens' texts)."""
    before = texts[max(0, i - 2):i]
    if before and _is(before[-1], "alongside"):
        return True
    return len(before) == 2 and _is(before[0], "alongside") and (_is(before[1], "function") or _is(before[1], "end"))


# The events columns story_record reads (story_records hands it only these).
STORY_COLUMNS = ("event_id", "record_id", "doc", "role", "kind", "tense", "year", "year_basis", "date",
                 "host_iso3", "host_basis", "evidence", "countries_stated")


def story_record(row: dict, participants: frozenset[str] = frozenset(), text: str = "") -> StoryRecord:
    """The StoryRecord of one events row (a dict of the events table's columns); `text`, the article,
    is read only for a main event whose sentence has no anchor (see article_name)."""
    kind = str(row.get("kind") or "other")
    sentence = str(row.get("evidence") or "")
    name = read_name(sentence, kind)
    if text and name.edition is None and _int(row.get("year")) is None and row.get("role") == "main" \
            and kind_families().get(kind, ""):
        name = article_name(text, kind) or name
    date = _DATE.match(str(row.get("date") or ""))
    basis = str(row.get("host_basis") or "")
    host = str(row.get("host_iso3") or "") if basis in KNOWN_HOST else ""
    if basis == "virtual":
        host = "virtual"
    year = _int(row.get("year"))
    return frozen_record(StoryRecord, {  # StoryRecord(...) with every field, in the class's order
        "event_id": str(row["event_id"]), "record_id": str(row.get("record_id") or row["event_id"]),
        "doc": str(row["doc"]), "role": str(row.get("role") or "main"), "kind": kind,
        "family": kind_families().get(kind, ""), "tense": str(row.get("tense") or "past"),
        "year": year, "year_basis": str(row.get("year_basis") or ""),
        "month": int(date.group(2)) if date and date.group(2) else None,
        "day": int(date.group(3)) if date and date.group(3) else None,
        "host": host, "host_basis": basis, "edition": name.edition, "name": name.words,
        "sidelines": name.sidelines, "size": _int(row.get("countries_stated")), "participants": participants,
        "relative_years": relative_years(sentence) if year is None else None})
