"""Whether two reports tell of the same occasion: named refusals first, then the evidence for a join.

Precision first: two reports join only when nothing in them disagrees AND they share an anchor in
time or sequence (the same year, or the same edition number) AND at least one more piece of
evidence (the same stated host, month, edition or a similar own name). Leaving two reports of one
event apart costs a duplicate bar; joining two events (two annual meetings of one committee, a
forum and a workshop on its sidelines) loses one of them silently.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

from rapidfuzz import fuzz

from core.stories.records import StoryRecord

# rapidfuzz token-set ratio (0-100) of two own names at or above which they are "similar" (the same
# words in another order or with one outlet's extra words), and below which they disagree. Names are
# content-word stems, so a ratio under 50 means the heads differ ("التنفيذية" / "الوزارية" committee).
NAME_SIMILAR = 80
NAME_DIFFERENT = 50
MIN_NAME_WORDS = 2  # a name of one word ("الاجتماع ...") says too little to compare


def _names(a: StoryRecord, b: StoryRecord) -> float | None:
    if len(a.name) < MIN_NAME_WORDS or len(b.name) < MIN_NAME_WORDS:
        return None
    return _ratio(a.name, b.name)


@lru_cache(maxsize=200_000)
def _ratio(a: tuple[str, ...], b: tuple[str, ...]) -> float:
    """Token-set ratio of two names (memoized: an archive repeats its events' names many times)."""
    return fuzz.token_set_ratio(" ".join(a), " ".join(b))


def same_article(a: StoryRecord, b: StoryRecord) -> bool:
    """Two events of one article are two occasions (the extractor already split them)."""
    return a.doc == b.doc


def other_family(a: StoryRecord, b: StoryRecord) -> bool:
    """A forum and a workshop (or a visit and a meeting) are different occasions; 'other' never joins."""
    return not a.family or a.family != b.family


def other_year(a: StoryRecord, b: StoryRecord) -> bool:
    return a.year is not None and b.year is not None and a.year != b.year


def other_month(a: StoryRecord, b: StoryRecord) -> bool:
    return a.month is not None and b.month is not None and a.year == b.year and a.month != b.month


def other_host(a: StoryRecord, b: StoryRecord) -> bool:
    """Hosts stated by both texts differ (an assumed host is no evidence)."""
    return bool(a.host) and bool(b.host) and a.host != b.host


def other_edition(a: StoryRecord, b: StoryRecord) -> bool:
    """The 21st and the 22nd meeting of one committee are two occasions."""
    return a.edition is not None and b.edition is not None and a.edition != b.edition


@lru_cache(maxsize=200_000)
def _has(word: str, name: tuple[str, ...]) -> bool:
    return any(fuzz.ratio(word, w) >= NAME_SIMILAR for w in name)


def other_name(a: StoryRecord, b: StoryRecord) -> bool:
    """The own names disagree: few words in common, or each opens with a qualifier the other lacks
    ("اللجنة التنفيذية" / "اللجنة الوزارية": two committees that share every other word)."""
    score = _names(a, b)
    if score is None:
        return False
    return score < NAME_DIFFERENT or qualifier_conflict(a, b)


def qualifier_conflict(a: StoryRecord, b: StoryRecord) -> bool:
    """Both names open with a qualifier the other name lacks."""
    if len(a.name) < MIN_NAME_WORDS or len(b.name) < MIN_NAME_WORDS:
        return False
    return not _has(a.name[0], b.name) and not _has(b.name[0], a.name)


def sidelines_and_main(a: StoryRecord, b: StoryRecord) -> bool:
    """An event held on the sidelines of another is not that other event."""
    return a.sidelines != b.sidelines


def upcoming_and_past(a: StoryRecord, b: StoryRecord) -> bool:
    """An announced occasion and a past one are different (next year's forum, last year's), unless
    both name the same edition: "the 17th meeting opens tomorrow" and "the 17th meeting was held"."""
    return a.tense != b.tense and not (a.edition is not None and a.edition == b.edition)


REFUSALS: tuple[Callable[[StoryRecord, StoryRecord], bool], ...] = (
    same_article, other_family, other_year, other_month, other_host, other_edition, other_name,
    sidelines_and_main, upcoming_and_past,
)


def same_year(a: StoryRecord, b: StoryRecord) -> bool:
    return a.year is not None and a.year == b.year


def same_edition(a: StoryRecord, b: StoryRecord) -> bool:
    return a.edition is not None and a.edition == b.edition


def same_month(a: StoryRecord, b: StoryRecord) -> bool:
    return a.month is not None and a.year == b.year and a.month == b.month


def same_host(a: StoryRecord, b: StoryRecord) -> bool:
    return bool(a.host) and a.host == b.host


def similar_name(a: StoryRecord, b: StoryRecord) -> bool:
    score = _names(a, b)
    return score is not None and score >= NAME_SIMILAR


ANCHORS = (same_year, same_edition)
EVIDENCE: tuple[Callable[[StoryRecord, StoryRecord], bool], ...] = (
    same_year, same_edition, same_month, same_host, similar_name,
)


def refusal(a: StoryRecord, b: StoryRecord) -> str:
    """The name of the first refusal that holds for the pair, or ''."""
    return next((rule.__name__ for rule in REFUSALS if rule(a, b)), "")


def join_basis(a: StoryRecord, b: StoryRecord) -> str:
    """'' when the two reports stay apart; else the evidence that joins them ("same_year+similar_name")."""
    if refusal(a, b):
        return ""
    if not any(rule(a, b) for rule in ANCHORS):
        return ""
    found = [rule.__name__ for rule in EVIDENCE if rule(a, b)]
    return "+".join(found) if len(found) >= 2 else ""
