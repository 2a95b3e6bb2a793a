"""Fewer garbage collections while a batch of documents is extracted.

Extraction builds many short-lived objects (tokens, spans, candidate drafts) that are freed by
reference counting, almost none of them in reference cycles; CPython's default threshold (a
collection every 700 net allocations, a full one every 7,000) walks every live object of the
process again and again, the lexicon memos included: about 8% of the CPU of a corpus run
(BENCHMARKS.md, 7 December 2026). Inside `fewer_collections()` the first generation's threshold is
raised, so collections are about thirty times rarer; the previous thresholds come back when the
last batch running in the process ends (batches may overlap in a threaded server). Nothing else
changes: the same objects are freed, cycles are still collected, only less often. load_corpus
runs whole inside it (reading, tables and stories as well as extraction).
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

BATCH_THRESHOLD = 20_000  # net allocations between two first-generation collections during a batch

_lock = threading.Lock()
_active = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def fewer_collections() -> Iterator[None]:
    """Raise the first generation's collection threshold for the duration of the block."""
    global _active, _saved
    with _lock:
        if _active == 0:
            _saved = gc.get_threshold()
            first, second, third = _saved
            if first:  # 0: collection disabled by the caller, left as it is
                gc.set_threshold(max(first, BATCH_THRESHOLD), second, third)
        _active += 1
    try:
        yield
    finally:
        with _lock:
            _active -= 1
            if _active == 0 and _saved is not None:
                gc.set_threshold(*_saved)
                _saved = None
