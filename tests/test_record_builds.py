"""The events, participants and ranking claims the extraction makes with core.records.frozen_record are
the objects their constructors make: every field in the class's order (the same __dict__), so the same
repr, equality, hash and pickle, on the events and claims of generated articles."""

from __future__ import annotations

import dataclasses
import pickle
import random

from capabilities import events as event_capabilities
from capabilities import rankings as ranking_capabilities
from core import extract_document
from core.records import Event, Participant, RankClaim


def _articles(n: int = 300) -> list[tuple[str, str]]:
    sentences = [case.text for caps in (event_capabilities.CAPABILITIES, ranking_capabilities.CAPABILITIES)
                 for cap in caps for case in cap.cases]
    pick = random.Random(31)
    return [("\n".join(pick.sample(sentences, pick.randint(2, 7))), pick.choice(["", "2019", "2024-06-15"]))
            for _ in range(n)]


def _same_as_constructed(record) -> None:
    cls = type(record)
    made = cls(**{f.name: getattr(record, f.name) for f in dataclasses.fields(cls)})
    assert list(vars(record)) == [f.name for f in dataclasses.fields(cls)]
    assert vars(record) == vars(made) and record == made and hash(record) == hash(made)
    assert repr(record) == repr(made)
    assert pickle.dumps(record) == pickle.dumps(made)
    assert pickle.loads(pickle.dumps(record)) == made


def test_extracted_records_are_what_their_constructors_make():
    counts = {Event: 0, Participant: 0, RankClaim: 0}
    vias = set()
    for text, published in _articles():
        result = extract_document(text, published)
        for ev in result.events:
            _same_as_constructed(ev)
            counts[Event] += 1
            for p in ev.participants:
                _same_as_constructed(p)
                counts[Participant] += 1
                vias.add(p.via)
        for claim in result.rankings:
            _same_as_constructed(claim)
            counts[RankClaim] += 1
    assert all(n > 50 for n in counts.values()), counts
    assert {"name", "gcc_body"} <= vias  # the named states and the GCC members reached through the body
