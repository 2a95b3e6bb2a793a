"""Joining the events of a whole folder into stories: blocking, pair decisions, grouping, the table.

Blocking: a pair is compared only when the two events share a key (kind family + year, or kind
family + edition number) -- a join needs one of those anchors (core.stories.rules), so no pair
outside a block could join. Grouping: the joined pairs are a graph (union-find); a connected group is
a story when no two of its events are refused (two editions of one committee must not be chained
together through a third report that names no edition); otherwise the group is rebuilt pair by
pair, strongest evidence first, never merging two parts that hold a refused pair.

A mention that says "last year" in an article with no publication date gets its year from its
article's main story after a first grouping (settle_relative_years); its blocks are compared again
(relink) and the folder grouped once more.

Deterministic whatever the order of the files: events are sorted by record id (a hash of the
article's content and the event's span, core.review), every tie is broken by ids, and a story's id
is its smallest member record id ("st-" + its hash part).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from itertools import combinations

from dataclasses import replace

import networkx as nx
import numpy as np
import pandas as pd
from pandas.core.dtypes.cast import maybe_box_native  # what to_dict("records") boxes each value with

from core import tables
from core.stories.prefilter import joinable_pairs, refusal_matrix
from core.stories.records import STORY_COLUMNS, StoryRecord, story_record
from core.stories.rules import qualifier_conflict

ANALYST = "analyst_join"
PUBLICATION_BASED = ("publication_date", "relative")  # events' year_basis read from the publication date


def story_records(events: pd.DataFrame, participants: pd.DataFrame,
                  texts: Mapping[str, str] | None = None) -> list[StoryRecord]:
    """One StoryRecord per events row, sorted by record id; `texts` (doc -> article) lets a main event
    with no anchor in its sentence find its edition in its article."""
    texts = texts if texts is not None else {}
    named: dict[str, set[str]] = defaultdict(set)
    for event_id, iso3 in zip(participants["event_id"].astype(str).tolist(), participants["iso3"].astype(str).tolist()):
        named[event_id].add(iso3)
    read = events[[c for c in STORY_COLUMNS if c in events.columns]]  # each row as a dict: the columns read only
    records = [story_record(row, frozenset(named.get(str(row["event_id"]), ())), _text(texts, row["doc"]))
               for row in row_dicts(read)]
    return sorted(records, key=lambda r: (r.record_id, r.event_id))


def row_dicts(frame: pd.DataFrame) -> list[dict]:
    """frame.to_dict("records"), read a column at a time (one list per column, not one Series
    iteration per value): the same values, each a Python scalar, a missing one None."""
    columns = list(frame.columns)
    # a str is boxed as itself (maybe_box_native changes only numbers, booleans, dates and NA): not asked
    values = [[v if v.__class__ is str else maybe_box_native(v) for v in frame[column].tolist()] for column in columns]
    return [dict(zip(columns, row)) for row in zip(*values)]


def _text(texts: Mapping[str, str], doc: str) -> str:
    try:
        return str(texts.get(doc) or "")
    except Exception:  # a snapshot's texts that cannot be read: the sentence alone
        return ""


def _blocks(records: list[StoryRecord]) -> Iterable[list[StoryRecord]]:
    keys: dict[tuple, list[StoryRecord]] = defaultdict(list)
    for r in records:
        if not r.family:
            continue
        if r.year is not None:
            keys[(r.family, "year", r.year)].append(r)
        if r.edition is not None:
            keys[(r.family, "edition", r.edition)].append(r)
    for key in sorted(keys, key=str):
        yield keys[key]


def candidate_links(records: list[StoryRecord], alone: frozenset[str] = frozenset()) -> dict[tuple[str, str], str]:
    """(record id, record id) -> join basis, for every pair of blocked records that joins."""
    links: dict[tuple[str, str], str] = {}
    for block in _blocks(records):
        for i, j, basis in joinable_pairs(block):
            a, b = block[i], block[j]
            pair = (a.record_id, b.record_id) if a.record_id < b.record_id else (b.record_id, a.record_id)
            if pair in links or a.record_id in alone or b.record_id in alone or qualifier_conflict(a, b):
                continue
            links[pair] = basis
    return links


def group_stories(records: list[StoryRecord], must: Iterable[tuple[str, str]] = (),
                  alone: Iterable[str] = (),
                  links: dict[tuple[str, str], str] | None = None) -> tuple[dict[str, str], dict[str, str]]:
    """(record id -> story id, story id -> join basis). `alone`: records an analyst took out of their
    story (no automatic link); `must`: pairs an analyst joined -- their two stories become one,
    whatever the rules say, after the automatic grouping. `links`: candidate_links(records, alone),
    when the caller has them already."""
    alone = frozenset(alone)
    by_id = {r.record_id: r for r in records}
    links = candidate_links(records, alone) if links is None else links
    components = connected_groups(by_id, links)
    component_of = {rid: n for n, c in enumerate(components) for rid in c}
    links_in: dict[int, dict[tuple[str, str], str]] = defaultdict(dict)
    for pair, basis in links.items():
        links_in[component_of[pair[0]]][pair] = basis
    parts = [part for n, component in enumerate(components)
             for part in _split_refused(component, by_id, links_in[n])]
    joined = nx.Graph()  # stories (by their first member) joined by analysts
    first_of = {rid: min(part) for part in parts for rid in part}
    joined.add_nodes_from(sorted(first_of.values()))
    forced = sorted({(first_of[a], first_of[b]) for a, b in must if a in by_id and b in by_id})
    joined.add_edges_from(forced)
    members = {min(part): part for part in parts}
    part_bases: dict[str, set[str]] = defaultdict(set)
    for (a, b), basis in links.items():
        if first_of[a] == first_of[b]:
            part_bases[first_of[a]].add(basis)
    story_of: dict[str, str] = {}
    basis_of: dict[str, str] = {}
    for group in nx.connected_components(joined):
        part = set().union(*(members[f] for f in group))
        story = f"st-{min(part).split('-', 1)[-1]}"
        bases = set().union(*(part_bases[f] for f in group))
        if len(group) > 1:
            bases.add(ANALYST)
        basis_of[story] = ";".join(sorted(bases))
        for rid in part:
            story_of[rid] = story
    return story_of, basis_of


def connected_groups(nodes: Iterable[str], pairs: Iterable[tuple[str, str]]) -> list[list[str]]:
    """The connected components of the graph of `nodes` and the edges `pairs` (a pair's ids are nodes
    too), each sorted, sorted by their first member: networkx.connected_components of that graph,
    sorted, found by union-find over the pairs (no graph object built)."""
    root: dict[str, str] = {n: n for n in nodes}

    def find(x: str) -> str:
        while root[x] != x:
            root[x] = root[root[x]]
            x = root[x]
        return x

    for a, b in pairs:
        ra, rb = find(root.setdefault(a, a)), find(root.setdefault(b, b))
        if ra != rb:
            root[rb] = ra
    groups: dict[str, list[str]] = defaultdict(list)
    for n in root:
        groups[find(n)].append(n)
    return sorted((sorted(g) for g in groups.values()), key=lambda c: c[0])


def _split_refused(members: list[str], by_id: dict[str, StoryRecord],
                   links: dict[tuple[str, str], str]) -> list[set[str]]:
    """The component itself when no pair in it is refused; else its parts, merged along its `links`
    strongest first (most evidence, then ids), never merging two parts that hold a refused pair.

    The refusals are one matrix; a merged part's row and column are the union of its members', so
    each link costs one lookup and each merge one row (quadratic in the component, not cubic).

    A component whose every pair is linked (`links`: the component's links, each pair once) holds no
    refused pair: a link passed the same pairwise refusals (candidate_links), so no matrix is built."""
    if len(members) < 3 or len(links) == len(members) * (len(members) - 1) // 2:
        return [set(members)]
    refused = refusal_matrix([by_id[m] for m in members])
    np.fill_diagonal(refused, False)
    if not refused.any():
        return [set(members)]
    index = {m: k for k, m in enumerate(members)}
    root = list(range(len(members)))

    def find(k: int) -> int:
        while root[k] != k:
            root[k] = root[root[k]]
            k = root[k]
        return k

    for (a, b), _basis in sorted(links.items(), key=lambda e: (-e[1].count("+"), e[0])):
        ra, rb = find(index[a]), find(index[b])
        if ra == rb or refused[ra, rb]:
            continue
        refused[ra, :] |= refused[rb, :]
        refused[:, ra] |= refused[:, rb]
        root[rb] = ra
    parts: dict[int, set[str]] = defaultdict(set)
    for m in members:
        parts[find(index[m])].add(m)
    return sorted(parts.values(), key=min)


def _block_keys(r: StoryRecord) -> set[tuple]:
    if not r.family:
        return set()
    return ({(r.family, "year", r.year)} if r.year is not None else set()) | \
           ({(r.family, "edition", r.edition)} if r.edition is not None else set())


def relink(before: list[StoryRecord], after: list[StoryRecord], links: dict[tuple[str, str], str],
           alone: Iterable[str] = ()) -> dict[tuple[str, str], str]:
    """candidate_links(after, alone) from candidate_links(before, alone), `after` being `before` with a
    few records changed (same order): only the blocks that hold a changed record are compared again."""
    changed = {a.record_id for a, b in zip(after, before) if a is not b}
    kept = {p: basis for p, basis in links.items() if p[0] not in changed and p[1] not in changed}
    keys = set().union(*(_block_keys(r) for r in after if r.record_id in changed))
    fresh = candidate_links([r for r in after if _block_keys(r) & keys], frozenset(alone))
    kept.update((p, basis) for p, basis in fresh.items() if p[0] in changed or p[1] in changed)
    return kept


def settle_relative_years(records: list[StoryRecord], story_of: dict[str, str]) -> list[StoryRecord]:
    """The records whose year the extractor left open but whose sentence counts from the article's
    time ("الاجتماع الذي عقد في العام الماضي" in an article with no publication date), given the
    year of their article's main event as its story knows it, shifted by the phrase. The reference
    holds only when the article's main reports (not announced as upcoming) sit in stories of one
    known year, and only in an article whose publication date the extractor did not know (no year of
    it counted from that date); otherwise the year stays open. Returns `records` itself when nothing is settled."""
    if not any(r.relative_years is not None and r.year is None for r in records):
        return records
    # An article with a year counted from its publication date has one: the extractor read its
    # relative phrases against it and left this one open on purpose.
    dated = {r.doc for r in records if r.year_basis in PUBLICATION_BASED}
    years: dict[str, set[int]] = defaultdict(set)
    for r in records:
        if r.year is not None:
            years[story_of[r.record_id]].add(r.year)
    reference: dict[str, set[int]] = defaultdict(set)
    open_main: set[str] = set()
    for r in records:
        if r.role == "main":
            if r.tense == "upcoming" or not years.get(story_of[r.record_id]):
                open_main.add(r.doc)
            else:
                reference[r.doc] |= years[story_of[r.record_id]]
    settled = [replace(r, year=next(iter(reference[r.doc])) + r.relative_years, year_basis="story_relative")
               if r.relative_years is not None and r.year is None and r.role != "main"
               and len(reference.get(r.doc, ())) == 1 and r.doc not in open_main and r.doc not in dated else r
               for r in records]
    return settled if any(a is not b for a, b in zip(settled, records)) else records


def stories_table(events: pd.DataFrame, records: list[StoryRecord], story_of: dict[str, str],
                  basis_of: dict[str, str]) -> pd.DataFrame:
    """The stories table (tables.STORIES): one row per story, every figure with the article that gave it."""
    members: dict[str, list[StoryRecord]] = defaultdict(list)
    for r in records:
        members[story_of[r.record_id]].append(r)
    # columns read with tolist (the values iterating them gives, without a call per value)
    event_ids = events["event_id"].astype(str).tolist()
    dates = dict(zip(event_ids, events["date"].fillna("").astype(str).tolist()))
    assumed = dict(zip(event_ids, events["host_iso3"].fillna("").astype(str).tolist()))
    rows = []
    for story in sorted(members):
        group = sorted(members[story], key=lambda r: (r.role != "main", r.doc, r.event_id))
        main = [r for r in group if r.role == "main"] or group
        kind = Counter(r.kind for r in main).most_common()
        when = sorted((dates.get(r.event_id) or str(r.year), r.event_id) for r in group
                      if dates.get(r.event_id) or r.year)
        hosts = Counter(r.host for r in group if r.host)
        guessed = Counter(assumed[r.event_id] for r in group if r.host_basis == "assumed" and assumed.get(r.event_id))
        named = Counter(iso for r in group for iso in r.participants)
        sized = [r for r in group if r.size is not None]
        rows.append({
            "story_id": story, "kind": min(kind, key=lambda k: (-k[1], k[0]))[0],
            "first_date": when[0][0] if when else "", "first_date_precision": _precision(when[0][0] if when else ""),
            "last_date": when[-1][0] if when else "", "last_date_precision": _precision(when[-1][0] if when else ""),
            "year": int(when[0][0][:4]) if when else None,
            "host_iso3": _most(hosts) or _most(guessed),
            "host_basis": ("stated" if len(hosts) == 1 else "reports_differ") if hosts else
                          "assumed" if guessed else "not_stated",
            "participants": ";".join(f"{iso}:{n}" for iso, n in sorted(named.items(), key=lambda x: (-x[1], x[0]))),
            "sizes": ";".join(f"{r.size}@{r.doc}" for r in sized),
            "size_min": min((r.size for r in sized), default=None), "size_max": max((r.size for r in sized), default=None),
            "reports": len(group), "docs": ";".join(sorted({r.doc for r in group})),
            "event_ids": ";".join(r.event_id for r in group), "basis": basis_of.get(story, ""),
        })
    return tables.build_table("stories", rows)


def _most(counts: Counter) -> str:
    """The most frequent value, ties broken by the value; '' when none."""
    return min(counts.items(), key=lambda c: (-c[1], c[0]))[0] if counts else ""


def _precision(date: str) -> str:
    """day | month | year | none for YYYY-MM-DD, YYYY-MM, YYYY, ''."""
    return {10: "day", 7: "month", 4: "year"}.get(len(date), "none")


def build_stories(events: pd.DataFrame, participants: pd.DataFrame, must: Iterable[tuple[str, str]] = (),
                  alone: Iterable[str] = (), texts: Mapping[str, str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(events with `story_id` filled, the stories table) for the events of a whole folder.

    Main and mentioned events join alike. `must` and `alone` are the analysts' joins and take-outs
    (record ids; see group_stories). The same events give the same stories in any row order.
    """
    records = story_records(events, participants, texts)
    must, alone = list(must), frozenset(alone)  # read twice when a relative year is settled
    links = candidate_links(records, alone)
    story_of, basis_of = group_stories(records, must, alone, links)
    settled = settle_relative_years(records, story_of)
    if settled is not records:  # grouped again, comparing only the blocks of the records settled
        links = relink(records, settled, links, alone)
        records = settled
        story_of, basis_of = group_stories(records, must, alone, links)
    events = events.copy()
    rid = events["record_id"] if "record_id" in events.columns else events["event_id"]
    events["story_id"] = rid.astype(str).map(story_of).fillna("").astype("string")
    return events, stories_table(events, records, story_of, basis_of)
