"""The word lists of ranking claims (core/data/rank_cues.tsv, survey_editions.tsv), loaded once and validated."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

from core.lexicon import LexiconError, load_table
from core.text.phrases import PhraseMatcher, phrase_tokens
from core.tables import SCOPES

INDEX_CLASSES = ("overall", "survey", "report", "sub", "sub_topic", "other", "anaphor")
# Groups whose phrases are matched as phrases (longest match, prefixes stripped); the rest are words.
PHRASE_GROUPS = ("trigger", "trigger_list", "respectively", "released", "follower", "count_scope", "count_noun",
                 "target_after", "elaboration", "uncoded_scope", "continental", "scope_lead", "lead_verb", "leader",
                 "placement", "target", "previous", "previous_after", "compare",
                 "kept", "survey", "year_word", "not_rank_before", "relative", "future", "pre_scope")


@dataclass(frozen=True)
class RankLexicon:
    matchers: dict[str, PhraseMatcher]   # one per PHRASE_GROUPS entry
    scopes: PhraseMatcher                # value: scope code
    led_groups: PhraseMatcher            # value: scope code ("الدول العربية" led by one state: arab 1)
    pre_scopes: PhraseMatcher            # value: scope code
    indexes: PhraseMatcher               # value: one of INDEX_CLASSES
    adverbial: dict[str, int]            # normalized word -> rank
    verbs: frozenset[str]
    was: frozenset[str]
    leader_skip: frozenset[str]          # "في ريادة الدول عربيا"
    joiners: frozenset[str]              # "و ال 50", "والـ 49": tokens between a chain and its digits
    and_words: frozenset[str]            # "عربيا و خليجيا": a bare conjunction between two scopes
    scope_gaps: frozenset[str]           # what may stand between two scopes of one list ('' always)
    from_words: frozenset[str]
    to_words: frozenset[str]
    range_start: frozenset[str]
    not_subject_before: frozenset[str]
    preposition_clitics: frozenset[str]  # ب ل ك: a state after one is governed, not a subject
    conjunction_clitics: frozenset[str]  # و ف: may stand before a preposition clitic
    compared_before: frozenset[str]      # "متقدمة على دول مثل اليابان": a state after these is compared with
    object_pronouns: frozenset[str]  # suffixes of a verb's object ("تصدرتها": the group named before it)
    relative_words: frozenset[str]       # الذي، التي (and with و): "والتي كانت 155"
    list_joiners: frozenset[str]         # "قطر ثم الكويت": joins the states of a list besides و
    subregion: frozenset[str]            # "شمال إفريقيا": a scope word after these is a part of the region
    titles: dict[str, str]               # normalized word -> ISO3
    continent_of: dict[str, str]         # ISO3 -> its continent's scope (UN M49 membership files)
    editions: tuple[int, ...]

    def __getattr__(self, name: str) -> PhraseMatcher:
        """A cue group's matcher by its name (lex.trigger); kept in the instance's __dict__ on first
        use, so the rules' many later reads find it there without this call (not a field: equality,
        hash and repr stay the fields')."""
        matchers = self.__dict__.get("matchers", {})
        if name in matchers:
            found = self.__dict__[name] = matchers[name]
            return found
        raise AttributeError(name)


def _groups() -> dict[str, list[tuple[str, str, str]]]:
    """group -> [(phrase, value after ':', line)] from rank_cues.tsv, every value checked."""
    groups: dict[str, list[tuple[str, str, str]]] = {}
    for row in load_table("rank_cues.tsv", ["group", "phrase"]):
        group, _, value = row["group"].partition(":")
        where = f"rank_cues.tsv:{row['_line']}"
        if group in ("scope", "pre_scope", "led_group") and value not in SCOPES:
            raise LexiconError(f"{where}: unknown scope {value!r} (known: {', '.join(SCOPES)})")
        if group == "index" and value not in INDEX_CLASSES:
            raise LexiconError(f"{where}: unknown index class {value!r}")
        if group == "adverbial" and not value.isdigit():
            raise LexiconError(f"{where}: an adverbial ordinal needs its rank, e.g. adverbial:2")
        groups.setdefault(group, []).append((row["phrase"], value, where))
    # other organisations' indices and publishers: index class "other" (one file for the concept)
    for row in load_table("other_rankings.tsv", ["publisher", "phrase"]):
        groups.setdefault("index", []).append((row["phrase"], "other", f"other_rankings.tsv:{row['_line']}"))
    missing = [g for g in ("trigger", "scope", "index", "survey") if g not in groups]
    if missing:
        raise LexiconError(f"rank_cues.tsv: no rows for group(s) {missing}")
    return groups


@lru_cache(maxsize=1)
def rank_lexicon() -> RankLexicon:
    groups = _groups()

    def matcher(group: str) -> PhraseMatcher:
        return PhraseMatcher.build((p, v or True) for p, v, _ in groups.get(group, []))

    def words(group: str) -> frozenset[str]:
        return frozenset(phrase_tokens(p)[0] for p, _, _ in groups.get(group, []))

    editions = tuple(sorted(int(r["year"]) for r in load_table("survey_editions.tsv", ["year"])))
    return RankLexicon(
        matchers={g: matcher(g) for g in PHRASE_GROUPS},
        scopes=matcher("scope"), led_groups=matcher("led_group"), pre_scopes=matcher("pre_scope"),
        indexes=matcher("index"),
        adverbial={phrase_tokens(p)[0]: int(v) for p, v, _ in groups.get("adverbial", [])},
        verbs=words("verb"), was=words("was"), joiners=words("joiner"), leader_skip=words("leader_skip"), and_words=words("and"),
        scope_gaps=frozenset([""] + [p for p, _, _ in groups.get("scope_gap", [])]),
        from_words=words("from"), to_words=words("to"), range_start=words("range_start"),
        not_subject_before=words("not_subject_before"), subregion=words("subregion"),
        list_joiners=words("list_joiner"), relative_words=words("relative") | words("relative_joined"),
        compared_before=words("compared_before"), object_pronouns=words("object_pronoun"),
        preposition_clitics=words("preposition_clitic"), conjunction_clitics=words("conjunction_clitic"),
        titles={phrase_tokens(p)[0]: v for p, v, _ in groups.get("subject_title", [])},
        editions=editions,
        continent_of={r["iso3"]: scope for scope in ("africa", "asia")
                      for r in load_table(f"membership_{scope}.tsv", ["iso3"])},
    )
