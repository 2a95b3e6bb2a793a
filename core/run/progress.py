"""Progress of a long extraction: the callback the loaders call, its rate and time left, a terminal bar.

A loader (core.run.pipeline.load_corpus, core.run.dask_engine.load_corpus, core.run.engine.load)
takes `progress`, a callable given `(done, total)`: the articles extracted so far of those that
need extraction (articles found in the extraction cache are not counted). It is called with
`(0, total)` before the work starts, then as results come back (after each article in this
process, after each chunk or partition elsewhere), always last with `(total, total)`. It is called
from the thread that called the loader.

`Meter` turns those calls into a rate and a time left; `TerminalBar` draws them on a terminal
(the command line's `export`); the dashboard draws its own bar from the same calls.
"""

from __future__ import annotations

import shutil
import sys
import time
from collections.abc import Callable
from typing import TextIO

Progress = Callable[[int, int], None]

REDRAW_EVERY_S = 0.1    # a terminal bar is redrawn at most this often (and always at the end)
BAR_WIDTH = (10, 40)    # the bar's cells: at least, at most (it fits the terminal's width)


def format_duration(seconds: float) -> str:
    """'0:07', '12:05', '1:02:03' (h:mm:ss from an hour on); '?' for a negative or unknown span."""
    if seconds != seconds or seconds < 0 or seconds == float("inf"):
        return "?"
    whole = int(round(seconds))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class Meter:
    """Rate and time left of one run, from its (done, total) calls and a clock (time.monotonic).

    The rate is the articles done since the first call over the time since then; the time left is
    what remains at that rate (None until at least one article is done and some time has passed).
    """

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.started: float | None = None
        self.done = self.total = 0

    def update(self, done: int, total: int) -> None:
        if self.started is None:
            self.started = self.clock()
        self.done, self.total = done, total

    @property
    def elapsed(self) -> float:
        return 0.0 if self.started is None else self.clock() - self.started

    @property
    def rate(self) -> float | None:
        """Articles per second so far, or None before the first article."""
        elapsed = self.elapsed
        return self.done / elapsed if self.done and elapsed > 0 else None

    @property
    def time_left(self) -> float | None:
        rate = self.rate
        return (self.total - self.done) / rate if rate else None


def bar_line(done: int, total: int, rate: float | None, time_left: float | None, columns: int = 80) -> str:
    """One line: 'extracting [#####.....]  120/3,000 articles  35.2/s  1:20 left', at most `columns` wide."""
    share = done / total if total else 1.0
    counts = f"{done:,}/{total:,} articles"
    speed = f"{rate:.1f}/s" if rate is not None else "-/s"
    left = "done" if total and done >= total else f"{format_duration(time_left) if time_left is not None else '?'} left"
    tail = f"  {counts}  {speed}  {left}"
    head = "extracting "
    width = max(BAR_WIDTH[0], min(BAR_WIDTH[1], columns - len(head) - len(tail) - 3))
    filled = min(width, int(share * width))
    return f"{head}[{'#' * filled}{'.' * (width - filled)}]{tail}"[:max(1, columns - 1)]


class TerminalBar:
    """A Progress that redraws one line in place on `stream` (a terminal), at most every REDRAW_EVERY_S.

    Nothing is written for a run with nothing to extract. `close()` ends the line (call it when the
    load returns or fails); the final state (done == total) is always drawn.
    """

    def __init__(self, stream: TextIO | None = None, clock: Callable[[], float] = time.monotonic):
        self.stream = stream if stream is not None else sys.stderr
        self.meter = Meter(clock)
        self.clock = clock
        self.drawn_at: float | None = None
        self.last = ""

    def __call__(self, done: int, total: int) -> None:
        self.meter.update(done, total)
        if not total:
            return
        now = self.clock()
        if done < total and self.drawn_at is not None and now - self.drawn_at < REDRAW_EVERY_S:
            return
        self.drawn_at = now
        columns = shutil.get_terminal_size((80, 24)).columns
        line = bar_line(done, total, self.meter.rate, self.meter.time_left, columns)
        # \r back to the line's start; the padding wipes what a longer earlier line left.
        self.stream.write("\r" + line + " " * max(0, len(self.last) - len(line)))
        self.stream.flush()
        self.last = line

    def close(self) -> None:
        if self.last:
            self.stream.write("\n")
            self.stream.flush()
            self.last = ""
