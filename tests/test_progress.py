"""Progress of an extraction: the (done, total) calls of the loaders, the rate and time left, the
terminal bar, and `python -m core export` drawing it only on a terminal (a pseudo-terminal here)."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from core.run import pipeline
from core.run.progress import Meter, TerminalBar, bar_line, format_duration

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


class Calls(list):
    def __call__(self, done: int, total: int) -> None:
        self.append((done, total))


@pytest.mark.parametrize("seconds, text", [
    (0, "0:00"), (7.4, "0:07"), (59.6, "1:00"), (725, "12:05"), (3723, "1:02:03"),
    (-1, "?"), (float("nan"), "?"), (float("inf"), "?"),
], ids=["zero", "seconds", "rounds-up", "minutes", "hours", "negative", "nan", "inf"])
def test_format_duration(seconds, text):
    assert format_duration(seconds) == text


def test_meter_rate_and_time_left():
    clock = Clock()
    meter = Meter(clock)
    meter.update(0, 300)
    assert meter.rate is None and meter.time_left is None  # nothing done yet
    clock.now += 10
    meter.update(100, 300)
    assert meter.rate == pytest.approx(10.0)
    assert meter.time_left == pytest.approx(20.0)


@pytest.mark.parametrize("done, total, rate, left, parts", [
    (120, 3000, 35.2, 80, ["120/3,000 articles", "35.2/s", "1:20 left", "[#"]),
    (0, 3000, None, None, ["0/3,000 articles", "-/s", "? left", "[....."]),
    (3000, 3000, 40.0, 0, ["3,000/3,000 articles", "40.0/s", "done"]),
], ids=["running", "starting", "finished"])
def test_bar_line_shows_counts_rate_and_time_left(done, total, rate, left, parts):
    line = bar_line(done, total, rate, left, columns=100)
    for part in parts:
        assert part in line
    assert len(line) < 100


def test_bar_line_fills_in_proportion_and_fits_narrow_terminals():
    half = bar_line(50, 100, 1.0, 50, columns=100)
    cells = half[half.index("[") + 1:half.index("]")]
    assert cells.count("#") == len(cells) // 2
    assert len(bar_line(50, 100, 1.0, 50, columns=30)) <= 29


def test_terminal_bar_redraws_in_place_at_most_ten_times_a_second():
    clock, out = Clock(), io.StringIO()
    bar = TerminalBar(out, clock)
    bar(0, 1000)
    for done in range(1, 1001):
        clock.now += 0.001  # a thousand articles in one second
        bar(done, 1000)
    bar.close()
    text = out.getvalue()
    draws = text.count("\r")
    assert 5 <= draws <= 12, draws  # 1 s at most every 0.1 s, plus the first and the last
    assert text.endswith("1,000/1,000 articles  1000.0/s  done\n")


def test_terminal_bar_writes_nothing_when_nothing_is_extracted():
    out = io.StringIO()
    bar = TerminalBar(out, Clock())
    bar(0, 0)
    bar.close()
    assert out.getvalue() == ""


def test_load_corpus_reports_every_article_extracted():
    calls = Calls()
    corpus = pipeline.load_corpus(SEEDS, cache=False, progress=calls)
    assert len(corpus.documents) == 5
    assert calls == [(0, 5), (1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]


def test_load_corpus_counts_only_articles_the_cache_does_not_hold(tmp_path):
    pipeline.load_corpus(SEEDS, cache=tmp_path)
    calls = Calls()
    pipeline.load_corpus(SEEDS, cache=tmp_path, progress=calls)
    assert calls == [(0, 0)]


def test_extract_many_in_processes_reports_chunks_up_to_the_total():
    text = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")
    jobs = [(text, "2013-06-01")] * (2 * pipeline.MIN_PER_WORKER)
    calls = Calls()
    results = pipeline.extract_many(jobs, workers=2, progress=calls)
    assert len(results) == len(jobs)
    assert [total for _, total in calls] == [len(jobs)] * len(calls)
    done = [d for d, _ in calls]
    assert done == sorted(done) and done[-1] == len(jobs) and len(done) > 1
    assert results == pipeline.extract_many(jobs[:1]) * len(jobs)


def export_on(stderr_tty: bool, *flags: str, cache: Path, out: Path) -> str:
    """stderr of `python -m core export seeds` written to a pseudo-terminal or a pipe."""
    env = {**os.environ, "EGOV_CACHE_DIR": str(cache), "COLUMNS": "120"}
    cmd = [sys.executable, "-m", "core", "export", str(SEEDS), "--out", str(out), *flags]
    if not stderr_tty:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
        assert proc.returncode == 0, proc.stderr
        return proc.stderr
    import pty
    leader, follower = pty.openpty()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=follower, timeout=300)
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal is closed once everything written was read
                break
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(leader)
    assert proc.returncode == 0
    return b"".join(chunks).decode("utf-8")


@pytest.mark.parametrize("tty, flags, drawn", [
    (True, (), True),
    (False, (), False),
    (True, ("--quiet",), False),
], ids=["terminal", "piped", "quiet"])
def test_export_draws_the_bar_only_on_a_terminal(tmp_path, tty, flags, drawn):
    err = export_on(tty, *flags, cache=tmp_path / "cache", out=tmp_path / "out")
    assert ("5/5 articles" in err and "\rextracting [" in err) is drawn, err
    assert (tmp_path / "out" / "events.csv").exists()
