"""A Review-page save writes only the fields the analyst changed in that form, compared with the values the
form was opened with: a colleague's concurrent correction is reported, not reverted, and a value just undone
is not written again.

Seed facts: article 002 reports a workshop hosted by Bahrain (BHR), not flagged as a GCC event.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from folder_helpers import seeds_copy
from streamlit.testing.v1 import AppTest

from core import load_corpus, review

ROOT = Path(__file__).resolve().parents[1]
DOC = "002_00978ef207b782b4.txt"


@pytest.fixture
def folder(tmp_path, monkeypatch) -> Path:
    copy = seeds_copy(tmp_path, monkeypatch, ROOT / "seeds")
    return copy


def event_id(folder: Path) -> str:
    events = load_corpus(folder).events
    return events[(events["doc"] == DOC) & (events["role"] == "main")].iloc[0]["record_id"]


def open_form(rid: str) -> AppTest:
    at = AppTest.from_file(str(ROOT / "pages" / "5_Review.py"))
    at.query_params["rv_doc"], at.query_params["rv_record"] = DOC, rid
    at.run(timeout=90)
    assert not at.exception, [e.value for e in at.exception]
    return at


def save(at: AppTest) -> AppTest:
    at.button(key="rv_save").click().run(timeout=90)
    assert not at.exception, [e.value for e in at.exception]
    return at


def log(folder: Path) -> list[tuple[str, str | None, object]]:
    lines = (folder / review.LOG_NAME).read_text(encoding="utf-8").splitlines()
    return [(e["action"], e.get("field"), e.get("new")) for e in map(json.loads, lines)]


def test_a_save_does_not_revert_a_colleagues_concurrent_correction(folder):
    rid = event_id(folder)
    at = open_form(rid)  # B opens the form: host BHR
    review.set_field(load_corpus(folder), rid, "host", "QAT", folder=folder)  # A, from the command line
    at.checkbox(key=f"rv_gcc_{rid}").check()  # B changes only the GCC flag and saves
    save(at)
    assert log(folder) == [("correct", "host_iso3", "QAT"), ("correct", "gcc", True)]
    assert load_corpus(folder).events.set_index("record_id").loc[rid, "host_iso3"] == "QAT"


def test_a_field_changed_meanwhile_and_in_the_form_is_reported_not_overwritten(folder):
    rid = event_id(folder)
    at = open_form(rid)
    review.set_field(load_corpus(folder), rid, "host", "QAT", folder=folder)
    at.selectbox(key=f"rv_host_{rid}").set_value("OMN")
    save(at)
    assert log(folder) == [("correct", "host_iso3", "QAT")]
    assert any("changed meanwhile" in w.value for w in at.warning), [w.value for w in at.warning]


def test_a_value_just_undone_is_not_written_again(folder):
    rid = event_id(folder)
    at = open_form(rid)
    at.selectbox(key=f"rv_host_{rid}").set_value("QAT")
    save(at)
    at.button(key="rv_undo").click().run(timeout=90)
    at.checkbox(key=f"rv_gcc_{rid}").check()
    save(at)
    assert log(folder)[-1] == ("correct", "gcc", True)
    assert [e for e in log(folder) if e[1] == "host_iso3"] == [("correct", "host_iso3", "QAT")]
    assert load_corpus(folder).events.set_index("record_id").loc[rid, "host_iso3"] == "BHR"


def test_a_full_disk_after_the_line_is_written_is_not_reported_as_not_saved(folder, monkeypatch):
    rid = event_id(folder)

    def disk_full(fd):
        raise OSError(28, "No space left on device")
    monkeypatch.setattr("core.review.log.os.fsync", disk_full)
    entry = review.set_field(load_corpus(folder), rid, "host", "QAT", folder=folder)
    assert log(folder) == [("correct", "host_iso3", "QAT")] and entry["new"] == "QAT"


def test_a_save_that_fails_half_way_reports_what_was_written(folder, monkeypatch):
    rid = event_id(folder)
    at = open_form(rid)
    real = review.set_field

    def second_fails(corpus, record, name, *args, **kwargs):
        if name == "host_iso3":
            raise OSError(28, "No space left on device")
        return real(corpus, record, name, *args, **kwargs)
    monkeypatch.setattr(review, "set_field", second_fails)
    at.checkbox(key=f"rv_gcc_{rid}").check()
    at.selectbox(key=f"rv_host_{rid}").set_value("QAT")
    save(at)
    assert log(folder) == [("correct", "gcc", True)]
    said = [e.value for e in at.success] + [e.value for e in at.error]
    assert any("corrected GCC" in s for s in said), said
    assert any("Not saved" in s and "host" in s for s in said), said


def test_a_note_longer_than_the_log_allows_is_one_message(folder):
    rid = event_id(folder)
    review.set_field(load_corpus(folder), rid, "host", "QAT", note="short", folder=folder)
    line = json.loads((folder / review.LOG_NAME).read_text(encoding="utf-8"))
    line.update(id="x" * 16, note="ن" * 100_000)
    with (folder / review.LOG_NAME).open("a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")
    entries, problems = review.read_log(folder)
    assert len(entries) == 1
    assert problems == ["corrections.jsonl line 2: note is not text of at most 2000 characters; skipped"]


def test_a_long_note_is_shown_cut_with_the_whole_note_one_click_away(folder):
    rid = event_id(folder)
    note = "ملاحظة " * 280  # 1,960 characters, within the log's limit
    review.set_field(load_corpus(folder), rid, "host", "QAT", note=note, folder=folder)
    at = open_form(rid)
    captions = [c.value for c in at.caption if "note" in c.value]
    assert captions and all(len(c) < 1000 for c in captions)
    assert [t.value.strip() for t in at.text] == [note.strip()]
