"""Typed records of extracted facts; each carries the matched text and its original offsets."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """Evidence: `text[start:end] == surface` in the original article."""

    surface: str
    start: int
    end: int


@dataclass(frozen=True)
class CountryMention:
    iso3: str
    surface: str
    start: int
    end: int
    via: str  # name | demonym | city | short_form | institution | gcc_body | gcc_region
    nstart: int = -1  # normalized offsets (for rule context), not exported
    nend: int = -1


@dataclass(frozen=True)
class DateMention:
    year: int
    month: int | None
    day: int | None
    basis: str  # text | relative
    surface: str
    start: int
    end: int
    nstart: int = -1
    nend: int = -1
    calendar: str = "gregorian"  # the calendar the text used (hijri dates are converted)
    unit: str = ""  # for relative phrases: the unit they count in (day | month | year)

    @property
    def iso(self) -> str:
        if self.month is None:
            return ""
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"


@dataclass(frozen=True)
class RankClaim:
    """One claim about the overall EGDI: fields named as the rankings table's columns."""

    country_iso3: str
    survey_year: int | None
    scope: str
    rank: int
    evidence: Span        # the sentence it came from
    surface: str          # the rank expression itself
    surface_start: int
    surface_end: int
    year_basis: str = "not_stated"   # stated | edition | previous_edition | publication_date | not_stated
    scope_basis: str = "stated"      # stated | move | inherited | coordinated | assumed
    country_basis: str = "named_before"  # structure | named_before | chain | named_after | document | assumed
    note: str = ""

    @property
    def start(self) -> int:
        """Start of the evidence (the table's `start`)."""
        return self.evidence.start

    @property
    def end(self) -> int:
        return self.evidence.end


@dataclass(frozen=True)
class Participant:
    iso3: str
    surface: str
    start: int
    end: int
    via: str


@dataclass(frozen=True)
class Event:
    role: str  # main | mentioned
    kind: str
    year: int | None
    date: str
    date_basis: str  # text | published | relative | none
    host_iso3: str
    countries_stated: int | None
    countries_stated_lower_bound: bool
    gcc: bool
    organizations: tuple[str, ...]
    topics: tuple[str, ...]
    evidence: Span
    participants: tuple[Participant, ...] = field(default_factory=tuple)
    note: str = ""
    host_basis: str = ""   # stated | stated_elsewhere | event_name | virtual | assumed | not_stated | reviewed (by an analyst)
    year_basis: str = ""   # stated | stated_elsewhere | relative | publication_date | not_stated
    tense: str = "past"    # past | upcoming


@dataclass(frozen=True)
class DocumentExtraction:
    """Everything extracted from one article: its title line, its events and its ranking claims."""

    title: str
    events: tuple[Event, ...]
    rankings: tuple[RankClaim, ...]
    warnings: tuple[str, ...] = ()  # document-level, e.g. the guard's "too long to extract fully"


_new_object, _set_attribute = object.__new__, object.__setattr__


def frozen_record(cls, fields: dict):
    """An instance of a frozen dataclass from all its fields, given in the order the class declares
    them: the same object its constructor makes (the same __dict__, so the same equality, hash, repr
    and pickle), without the constructor's one object.__setattr__ call per field. For the records a
    document makes by the dozen (mentions, segments)."""
    obj = _new_object(cls)
    _set_attribute(obj, "__dict__", fields)
    return obj
