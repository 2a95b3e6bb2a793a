"""The corrections log read like any article file: odd values in one entry, special files, links out of the
folder. A bad entry is one message naming its line, never a failed load; values are normalized as the CLI
normalizes them."""

from __future__ import annotations

import json
import os
import shutil
import threading
from pathlib import Path

import pytest

from core import load_corpus, review
from core.review.log import append_entry, log_path, read_log

ROOT = Path(__file__).resolve().parents[1]
DOC = "002_00978ef207b782b4.txt"


@pytest.fixture
def folder(tmp_path) -> Path:
    copy = tmp_path / "seeds"
    shutil.copytree(ROOT / "seeds", copy, ignore=shutil.ignore_patterns("corrections.jsonl", ".corrections.lock"))
    return copy


def main_event(corpus) -> dict:
    events = corpus.events
    return events[(events["doc"] == DOC) & (events["role"] == "main")].iloc[0].to_dict()


def valid_entries(folder: Path) -> tuple[dict, dict]:
    """(a correction of the host, an added event) as the API writes them."""
    corpus = load_corpus(folder)
    fixed = review.set_field(corpus, main_event(corpus)["record_id"], "host", "QAT")
    added = review.add_event(corpus, DOC, (0, 20), {"kind": "meeting", "year": "2023"})
    return fixed, added


def hostile(entry: dict, path: list[str], value: object) -> str:
    data = json.loads(json.dumps(entry))
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return json.dumps(data)


ODD = {  # name: line built from a valid entry (0: the correction, 1: the addition)
    "start_text": (1, ["anchor", "start"], "abc"),
    "new_list": (0, ["new"], [1]),
    "year_list": (1, ["new", "year"], [2020]),
    "anchor_list": (0, ["anchor"], [1]),
    "new_huge": (1, ["new", "countries_stated"], "1e999"),
}


@pytest.mark.parametrize("name", list(ODD) + ["infinity", "deep_nesting"])
def test_one_odd_entry_is_one_message_naming_its_line_and_the_rest_loads(folder, name):
    entries = valid_entries(folder)
    if name == "infinity":
        line = json.dumps(entries[1]).replace('"year": 2023', '"year": 1e999')
    elif name == "deep_nesting":
        line = "[" * 100_000 + "]" * 100_000
    else:
        which, path, value = ODD[name]
        line = hostile(entries[which], path, value)
    with log_path(folder).open("a", encoding="utf-8") as fh:
        fh.write(line + "\n")
    corpus = load_corpus(folder)  # never raises
    named = [m for m in corpus.messages if m.startswith("corrections.jsonl line 3:")]
    assert len(named) == 1, corpus.messages
    assert main_event(corpus)["host_iso3"] == "QAT"  # the good entries still apply
    assert (corpus.events["review"] == "added").sum() == 1


def test_values_of_an_added_record_are_normalized_as_the_cli_does(folder):
    _fixed, added = valid_entries(folder)
    line = json.dumps({**added, "id": "hand0000written0", "record": added["record"],
                       "new": {"kind": " Meeting", "year": " 2021", "gcc": "no", "host_iso3": "qat"}})
    log_path(folder).write_text(log_path(folder).read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    entries, problems = read_log(folder)
    assert problems == []
    assert entries[-1].data["new"] == {"kind": "meeting", "year": 2021, "gcc": False, "host_iso3": "QAT"}


def test_a_fifo_as_log_is_refused_without_blocking(folder):
    os.mkfifo(log_path(folder))
    result = []
    reader = threading.Thread(target=lambda: result.append(read_log(folder)), daemon=True)
    reader.start()
    reader.join(10)
    if reader.is_alive():  # unblock the reader so the test process can end, then fail
        os.close(os.open(log_path(folder), os.O_WRONLY | os.O_NONBLOCK))
        pytest.fail("reading a FIFO as the corrections log blocked")
    entries, problems = result[0]
    assert entries == [] and problems == ["corrections.jsonl: not a regular file; no corrections applied"]
    with pytest.raises(review.ReviewError, match="corrections.jsonl: cannot be written"):
        append_entry(folder, {"action": "confirm"})  # no reader: fails at once instead of hanging


def test_a_link_to_a_device_is_refused(folder):
    log_path(folder).symlink_to("/dev/zero")
    assert read_log(folder) == ([], ["corrections.jsonl: a link to a file outside the articles folder; not read; "
                                     "no corrections applied"])


def test_a_link_out_of_the_folder_is_neither_read_nor_appended_to(folder, tmp_path):
    outside = tmp_path / "elsewhere.jsonl"
    outside.write_text("", encoding="utf-8")
    log_path(folder).symlink_to(outside)
    entries, problems = read_log(folder)
    assert entries == [] and len(problems) == 1 and "outside the articles folder" in problems[0]
    with pytest.raises(review.ReviewError, match="outside the articles folder"):
        append_entry(folder, {"action": "confirm"})
    assert outside.read_text(encoding="utf-8") == ""


def test_a_log_over_the_size_limit_is_refused_with_one_message(folder, monkeypatch):
    monkeypatch.setattr("core.review.log.MAX_LOG_BYTES", 1000)
    log_path(folder).write_text("\n" * 2000, encoding="utf-8")
    entries, problems = read_log(folder)
    assert entries == [] and len(problems) == 1 and "larger than the limit of 1000 bytes" in problems[0]


def test_a_flood_of_damaged_lines_gives_the_first_twenty_messages_and_a_count(folder):
    valid_entries(folder)
    with log_path(folder).open("a", encoding="utf-8") as fh:
        fh.write("{not json\n" * 200_000)
    entries, problems = read_log(folder)
    assert len(entries) == 2
    assert problems[0].startswith("corrections.jsonl line 3: damaged") and len(problems) == 21
    assert problems[-1] == "corrections.jsonl: 199980 more damaged lines not listed; skipped"
    corpus = load_corpus(folder)
    assert sum("corrections.jsonl" in m for m in corpus.messages) == 21


def test_a_flood_of_orphaned_entries_gives_the_first_twenty_messages_and_a_count(folder):
    fixed, _added = valid_entries(folder)
    with log_path(folder).open("a", encoding="utf-8") as fh:
        for n in range(500):
            anchor = {**fixed["anchor"], "sha256": f"{n:064x}"}
            record = review.anchor_id(anchor)
            fh.write(json.dumps({**fixed, "id": f"orphan{n:010d}", "anchor": anchor, "record": record}) + "\n")
    corpus = load_corpus(folder)
    assert len(corpus.orphans) == 500
    orphaned = [m for m in corpus.messages if "orphaned" in m]
    assert len(orphaned) == 21 and orphaned[-1] == "corrections.jsonl: 480 more orphaned entries not listed; not applied"


def test_a_page_shows_the_first_twenty_folder_messages_and_a_count(monkeypatch):
    from unittest import mock

    from streamlit.testing.v1 import AppTest

    corpus = load_corpus(ROOT / "seeds")
    flooded = type(corpus)(**{**corpus.__dict__, "messages": [f"corrections.jsonl line {n}: damaged; skipped"
                                                              for n in range(1, 51)]})
    with mock.patch("ui.layout.load_corpus", lambda: flooded):
        at = AppTest.from_file(str(ROOT / "pages" / "4_Sources.py")).run(timeout=60)
    assert not at.exception
    folder = [w.value for w in at.warning if w.value.startswith("Articles folder:") or "more messages" in w.value]
    assert len(folder) == 21 and folder[-1].startswith("30 more messages about the articles folder")
