"""Analyst review (core.review): the append-only log, anchors that survive re-extraction, orphans, the CLI
round trip to gold and evaluate, and concurrent writers.

Seed facts used: article 002 has a main workshop (host BHR) with participants TUN and COM and one world
rank claim (18 in 2024); article 001 has five rank claims from one sentence (world 13, asia 3, ...).
"""

from __future__ import annotations

import csv
import dataclasses
import json
import multiprocessing
import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from core import load_corpus, tables

from core import review

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
DOC = "002_00978ef207b782b4.txt"
DOC_001 = "001_5381bd0356d4e17e.txt"


@pytest.fixture
def folder(tmp_path) -> Path:
    copy = tmp_path / "articles"
    shutil.copytree(SEEDS, copy, ignore=shutil.ignore_patterns("reference", review.LOG_NAME, review.LOCK_NAME))
    return copy


def main_event(corpus, doc=DOC):
    ev = corpus.events
    return ev[(ev["doc"] == doc) & (ev["role"] == "main")].iloc[0]


def participant(corpus, iso3, doc=DOC):
    pa = corpus.participants
    return pa[(pa["doc"] == doc) & (pa["iso3"] == iso3)].iloc[0]


def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "core", *map(str, args)], cwd=ROOT, capture_output=True,
                          text=True, env={**os.environ, **(env or {})})


# ---------------------------------------------------------------- tables and ids

def test_unreviewed_corpus_has_review_columns_and_unique_stable_ids(folder):
    corpus = load_corpus(folder)
    for name in ("events", "participants", "rankings"):
        frame = getattr(corpus, name)
        assert list(frame.columns) == tables.SCHEMAS[name]
        assert set(frame["review"]) == {"unreviewed"}
        assert frame["record_id"].is_unique
    assert corpus.rejected.empty and corpus.orphans.empty and review.log_problems(corpus) == []
    # ids do not depend on the file name: the same article under another name has the same ids
    os.rename(folder / DOC, folder / "renamed.txt")
    manifest = folder / "manifest.csv"
    manifest.write_text(manifest.read_text(encoding="utf-8").replace(DOC, "renamed.txt"), encoding="utf-8")
    renamed = load_corpus(folder)
    assert set(renamed.events.loc[renamed.events["doc"] == "renamed.txt", "record_id"]) == \
        set(corpus.events.loc[corpus.events["doc"] == DOC, "record_id"])


def test_claims_of_one_sentence_have_distinct_ids(folder):
    corpus = load_corpus(folder)
    claims = corpus.rankings[corpus.rankings["doc"] == DOC_001]
    assert len(claims) == 5 and claims["record_id"].is_unique


# ---------------------------------------------------------------- corrections applied

def test_correct_reject_add_confirm_and_undo(folder):
    corpus = load_corpus(folder)
    event = main_event(corpus)
    review.set_field(corpus, event["record_id"], "host", "QAT", note="held in Doha")
    review.set_status(corpus, participant(corpus, "TUN")["record_id"], "reject")
    added = review.add_participant(corpus, event["record_id"], "egy")
    claim = corpus.rankings[corpus.rankings["doc"] == DOC].iloc[0]
    review.set_status(corpus, claim["record_id"], "confirm")

    after = load_corpus(folder)
    ev = main_event(after)
    assert ev["host_iso3"] == "QAT" and ev["review"] == "corrected"
    assert json.loads(ev["extracted"]) == {"host_iso3": "BHR"} and ev["review_note"] == "held in Doha"
    assert ev["countries_named"] == 2  # COM and the added EGY; TUN rejected
    parts = after.participants[after.participants["event_id"] == ev["event_id"]]
    assert set(parts["iso3"]) == {"COM", "EGY"}
    assert parts.set_index("iso3").at["EGY", "review"] == "added"
    assert parts.set_index("iso3").at["EGY", "record_id"] == added["record"]
    assert parts.set_index("iso3").at["EGY", "name_en"] == "Egypt"
    assert after.rankings.set_index("record_id").at[claim["record_id"], "review"] == "confirmed"
    rejected = after.rejected
    assert list(rejected["iso3"]) == ["TUN"] and list(rejected["reason"]) == ["rejected"]
    assert review.reviewed_docs(after) == [DOC]
    # every other article is untouched
    assert set(after.events.loc[after.events["doc"] != DOC, "review"]) == {"unreviewed"}

    review.undo_last(folder)  # the confirm
    review.undo_last(folder)  # the added participant
    undone = load_corpus(folder)
    assert "EGY" not in set(undone.participants["iso3"])
    assert undone.rankings.set_index("record_id").at[claim["record_id"], "review"] == "unreviewed"
    lines = (folder / review.LOG_NAME).read_text(encoding="utf-8").splitlines()
    assert len(lines) == 6 and [json.loads(x)["action"] for x in lines][-2:] == ["undo", "undo"]


def test_correcting_back_to_the_extracted_value_is_a_confirmation(folder):
    corpus = load_corpus(folder)
    rid = main_event(corpus)["record_id"]
    review.set_field(corpus, rid, "kind", "forum")
    review.set_field(corpus, rid, "kind", "workshop")
    ev = main_event(load_corpus(folder))
    assert ev["kind"] == "workshop" and ev["review"] == "confirmed" and ev["extracted"] == ""


def test_rejecting_an_event_takes_its_participants_along(folder):
    corpus = load_corpus(folder)
    review.set_status(corpus, main_event(corpus)["record_id"], "reject")
    after = load_corpus(folder)
    assert main_event(corpus)["event_id"] not in set(after.events["event_id"])
    gone = after.rejected.set_index("iso3")
    assert gone.at["TUN", "reason"] == "its event was rejected" and gone.at["COM", "record"] == "participant"


def test_added_event_and_claim_from_a_sentence(folder):
    corpus = load_corpus(folder)
    text = corpus.texts[DOC]
    sentences = review.article_sentences(text)
    assert all(text[a:b] == s for a, b, s in sentences)
    start, end, _ = sentences[-1]
    event = review.add_event(corpus, DOC, (start, end), {"kind": "meeting", "year": "2023", "host": "SAU"})
    review.add_claim(corpus, DOC, (start, end), {"country": "BHR", "year": 2022, "scope": "world", "rank": 54})
    after = load_corpus(folder)
    ev = after.events.set_index("record_id").loc[event["record"]]
    assert (ev["kind"], ev["year"], ev["host_iso3"], ev["review"]) == ("meeting", 2023, "SAU", "added")
    assert ev["evidence"] == text[start:end]
    claim = after.rankings[after.rankings["review"] == "added"].iloc[0]
    assert (claim["scope"], claim["rank"], claim["survey_year"]) == ("world", 54, 2022)
    # an added record can itself be corrected and gets a participant
    review.add_participant(after, event["record"], "OMN")
    review.set_field(after, event["record"], "year", "2022")
    final = load_corpus(folder)
    ev = final.events.set_index("record_id").loc[event["record"]]
    assert ev["year"] == 2022 and ev["review"] == "added" and ev["countries_named"] == 1


@pytest.mark.parametrize("field, value, message", [
    ("host", "XYZ", "not an ISO 3166 alpha-3"),
    ("kind", "party", "not one of visit"),
    ("year", "1850", "outside 2003–2026"),
    ("year", "twenty", "whole number"),
    ("date", "2013-02-30", "not a real date"),
    ("date", "26/06/2013", "YYYY-MM-DD"),
    ("gcc", "maybe", "true or false"),
    ("countries_stated", "0", "outside 1–250"),
    ("tense", "future", "not one of past, upcoming"),
    ("topics", "ai", "cannot be corrected"),
], ids=lambda v: str(v)[:20])
def test_bad_event_values_are_refused_with_a_message(folder, field, value, message):
    corpus = load_corpus(folder)
    with pytest.raises(review.ReviewError, match=message):
        review.set_field(corpus, main_event(corpus)["record_id"], field, value)
    assert not (folder / review.LOG_NAME).exists()


def test_bad_claim_and_participant_values_are_refused(folder):
    corpus = load_corpus(folder)
    claim = corpus.rankings[corpus.rankings["doc"] == DOC].iloc[0]["record_id"]
    with pytest.raises(review.ReviewError, match="had no edition"):
        review.set_field(corpus, claim, "survey_year", "2023")
    with pytest.raises(review.ReviewError, match="not one of world"):
        review.set_field(corpus, claim, "scope", "antarctica")
    with pytest.raises(review.ReviewError, match="outside 1–250"):
        review.set_field(corpus, claim, "rank", "0")
    with pytest.raises(review.ReviewError, match="already a participant"):
        review.set_field(corpus, participant(corpus, "TUN")["record_id"], "state", "COM")
    with pytest.raises(review.ReviewError, match="already a participant"):
        review.add_participant(corpus, main_event(corpus)["record_id"], "TUN")
    with pytest.raises(review.ReviewError, match="no record"):
        review.set_status(corpus, "ev-0000000000", "confirm")


# ---------------------------------------------------------------- survives re-extraction; orphans

def test_corrections_follow_the_anchor_not_the_row(folder):
    """A new extractor that orders or numbers the records differently still gets the right corrections."""
    corpus = load_corpus(folder)
    review.set_field(corpus, participant(corpus, "TUN")["record_id"], "iso3", "MAR")
    review.set_field(corpus, main_event(corpus)["record_id"], "year", "2023")
    plain = load_corpus(folder)  # reference: applied the normal way
    shuffled = dataclasses.replace(
        corpus, events=corpus.events.iloc[::-1].assign(event_id=lambda f: f["event_id"] + "x"),
        participants=corpus.participants.iloc[::-1].assign(event_id=lambda f: f["event_id"] + "x"))
    again = review.apply_reviews(shuffled, folder)
    assert set(again.participants.loc[again.participants["doc"] == DOC, "iso3"]) == {"MAR", "COM"}
    assert main_event(again)["year"] == main_event(plain)["year"] == 2023
    assert again.orphans.empty


def test_changed_article_orphans_its_corrections(folder):
    corpus = load_corpus(folder)
    review.set_field(corpus, main_event(corpus)["record_id"], "host", "QAT")
    review.set_status(corpus, participant(corpus, "TUN")["record_id"], "reject")
    path = folder / DOC
    path.write_text(path.read_text(encoding="utf-8") + "\n", encoding="utf-8")  # same records, new content hash
    after = load_corpus(folder)
    assert main_event(after)["host_iso3"] == "BHR" and "TUN" in set(after.participants["iso3"])
    orphans = after.orphans
    assert list(orphans["line"]) == [1, 2] and set(orphans["reason"]) == {"article changed since the review"}
    assert any("line 1: orphaned correct" in m and DOC in m for m in after.messages)


def test_record_no_longer_extracted_is_orphaned_not_moved(folder):
    corpus = load_corpus(folder)
    event = main_event(corpus)
    sha = corpus.documents.set_index("doc").at[DOC, "sha256"]
    # an event anchored on a span the extractor does not (or no longer does) produce
    anchor = {"sha256": sha, "doc": DOC, "kind": "event", "start": int(event["start"]) + 1,
              "end": int(event["end"]), "value": ""}
    review.append_entry(folder, {"action": "correct", "kind": "event", "record": review.anchor_id(anchor),
                                 "anchor": anchor, "field": "host_iso3", "old": "BHR", "new": "QAT", "note": ""})
    after = load_corpus(folder)
    assert set(after.events["host_iso3"].dropna()) == set(corpus.events["host_iso3"].dropna())
    assert list(after.orphans["reason"]) == ["record no longer extracted from the article"]
    proc = run("review", folder, "list")
    assert "orphaned corrections (1)" in proc.stdout and "line 1: correct event" in proc.stdout


# ---------------------------------------------------------------- the log file

def test_damaged_lines_are_reported_by_number_and_skipped(folder):
    corpus = load_corpus(folder)
    review.set_field(corpus, main_event(corpus)["record_id"], "host", "QAT")
    log = folder / review.LOG_NAME
    with open(log, "ab") as fh:
        fh.write(b'{"action": "correct", "truncat\n')
        fh.write(b"\xff\xfe not utf-8\n")
        fh.write(b'{"action": "explode", "id": "x"}\n')
        fh.write(b'{"action": "correct", "kind": "event"')  # cut short, no newline
    review.set_status(corpus, participant(corpus, "TUN")["record_id"], "reject")  # lands on a line of its own
    after = load_corpus(folder)
    problems = review.log_problems(after)
    assert [p.split(":")[0] for p in problems] == [f"{review.LOG_NAME} line {n}" for n in (2, 3, 4, 5)]
    assert "unknown action 'explode'" in problems[2]
    assert main_event(after)["host_iso3"] == "QAT" and "TUN" not in set(after.participants["iso3"])
    assert all(p in after.messages for p in problems)


def test_hand_edited_bad_value_is_skipped(folder):
    corpus = load_corpus(folder)
    entry = review.set_field(corpus, main_event(corpus)["record_id"], "host", "QAT")
    log = folder / review.LOG_NAME
    log.write_text(log.read_text(encoding="utf-8").replace('"new":"QAT"', '"new":"ZZZ"'), encoding="utf-8")
    after = load_corpus(folder)
    assert main_event(after)["host_iso3"] == "BHR"
    assert "line 1: bad value" in review.log_problems(after)[0] and entry["record"]


def _append_many(folder: str, worker: int, count: int) -> None:
    for n in range(count):
        review.append_entry(folder, {"action": "confirm", "kind": "event", "record": "x", "anchor": {},
                                     "note": f"worker {worker} entry {n}|" + "ب" * (n * 37 % 3000)})


def test_eight_processes_by_fifty_appends_leave_every_line_intact(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_append_many, args=(str(tmp_path), w, 50)) for w in range(8)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(120)
    assert [p.exitcode for p in procs] == [0] * 8
    lines = (tmp_path / review.LOG_NAME).read_bytes().split(b"\n")
    assert lines[-1] == b""
    notes = {json.loads(line)["note"].split("|")[0] for line in lines[:-1]}
    assert len(lines) - 1 == 400 and len(notes) == 400
    assert notes == {f"worker {w} entry {n}" for w in range(8) for n in range(50)}


def test_threads_append_without_losing_lines(tmp_path):
    threads = [threading.Thread(target=_append_many, args=(str(tmp_path), w, 25)) for w in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    lines = (tmp_path / review.LOG_NAME).read_text(encoding="utf-8").splitlines()
    assert len({json.loads(line)["note"].split("|")[0] for line in lines}) == len(lines) == 200


# ---------------------------------------------------------------- the command line, end to end

def test_cli_round_trip_export_cache_cleared_gold_evaluate(folder, tmp_path):
    corpus = load_corpus(folder)
    event = main_event(corpus)["record_id"]
    tun = participant(corpus, "TUN")["record_id"]
    assert run("review", folder, "list", "--doc", DOC).stdout.count(event) == 1
    assert run("review", folder, "set", event, "host=QAT", "--note", "held in Doha").returncode == 0
    assert run("review", folder, "reject", tun).returncode == 0
    proc = run("review", folder, "add-participant", event, "EGY", "--note", "named in paragraph 3")
    assert proc.returncode == 0 and "added participant EGY" in proc.stdout
    bad = run("review", folder, "set", event, "host=Qatar")
    assert bad.returncode == 2 and "ISO 3166" in bad.stderr

    def exported(cache: Path) -> dict[str, list[dict]]:
        out = tmp_path / f"out_{cache.name}"
        proc = run("export", folder, "--out", out, env={"EGOV_CACHE_DIR": str(cache)})
        assert proc.returncode == 0, proc.stderr
        assert "rejected.csv" in proc.stdout
        tables_read = {}
        for name in ("events", "participants", "rejected"):
            with open(out / f"{name}.csv", encoding="utf-8") as fh:
                tables_read[name] = list(csv.DictReader(fh))
        return tables_read

    for cache in (tmp_path / "cache_a", tmp_path / "cache_b"):  # the second run extracts afresh: cleared cache
        got = exported(cache)
        ev = next(r for r in got["events"] if r["record_id"] == event)
        assert (ev["host_iso3"], ev["review"], json.loads(ev["extracted"])) == ("QAT", "corrected", {"host_iso3": "BHR"})
        states = {r["iso3"]: r["review"] for r in got["participants"] if r["doc"] == DOC}
        assert states == {"COM": "unreviewed", "EGY": "added"}
        assert [(r["iso3"], r["reason"]) for r in got["rejected"]] == [("TUN", "rejected")]
    assert {p.name for p in (tmp_path / "cache_b").rglob("*") if p.is_file()}  # it really extracted

    gold = tmp_path / "gold"
    proc = run("gold", folder, "--out", gold)
    assert proc.returncode == 0 and "wrote 1 reviewed article" in proc.stdout
    annotation = json.loads((gold / "002_00978ef207b782b4.json").read_text(encoding="utf-8"))
    main = next(e for e in annotation["events"] if e["role"] == "main")
    assert (main["host"], main["participants"]) == ("QAT", ["COM", "EGY"])
    assert annotation["not_participants"] == ["TUN"]
    assert (gold / DOC).read_bytes() == (folder / DOC).read_bytes()
    proc = run("evaluate", gold)
    assert proc.returncode == 0, proc.stderr
    assert "documents: 1" in proc.stdout
    assert "participants: P=0.500 R=0.500 F1=0.500 (tp=1 fp=1 fn=1)" in proc.stdout
    assert "false participants: 1" in proc.stdout and "missed participant EGY" in proc.stdout


def test_rejected_csv_escapes_formula_notes(folder, tmp_path):
    corpus = load_corpus(folder)
    review.set_status(corpus, participant(corpus, "TUN")["record_id"], "reject", note="=HYPERLINK(\"x\")")
    assert run("export", folder, "--out", tmp_path / "out").returncode == 0
    with open(tmp_path / "out" / "rejected.csv", encoding="utf-8") as fh:
        assert next(csv.DictReader(fh))["review_note"] == "'=HYPERLINK(\"x\")"


def test_cli_unwritable_folder_is_a_message(folder):
    event = main_event(load_corpus(folder))["record_id"]
    (folder / review.LOG_NAME).mkdir()  # a folder where the log should be: every append fails
    proc = run("review", folder, "confirm", event)
    assert proc.returncode == 2 and "cannot be written" in proc.stderr and "Traceback" not in proc.stderr


def test_cli_undo_and_inert_notes(folder):
    event = main_event(load_corpus(folder))["record_id"]
    note = "\x1b[31mred\x1b[0m \u202eevil"
    assert run("review", folder, "set", event, "gcc=true", "--note", note).returncode == 0
    listed = run("review", folder, "list", "--doc", DOC).stdout
    assert "GCC" in listed and "\x1b" not in listed and "\u202e" not in listed
    proc = run("review", folder, "undo")
    assert proc.returncode == 0 and "undid correct of event" in proc.stdout
    assert "corrected" not in run("review", folder, "list", "--doc", DOC).stdout
    proc = run("review", folder, "undo")
    assert proc.returncode == 2 and "nothing to undo" in proc.stderr


def _plain_record_ids(kind, frame, sha_of):
    """The record ids as first written: one dict per row, every span end through _int_or_blank."""
    from core.review.model import _anchor_value, record_id

    ids, seen = [], {}
    span_cols = ("surface_start", "surface_end") if kind == "ranking" else ("start", "end")
    value_cols = {"participant": ["iso3"], "ranking": ["scope", "country_iso3"], "event": []}[kind]
    columns = ["doc", *span_cols, *value_cols]
    for values in zip(*(frame[c].tolist() for c in columns)):
        row = dict(zip(columns, values))
        sha = sha_of.get(str(row["doc"]), "")
        value = _anchor_value(kind, row)
        rid = record_id(kind, sha, row[span_cols[0]], row[span_cols[1]], value)
        n = seen.get(rid, 0) + 1
        seen[rid] = n
        ids.append(rid if n == 1 else record_id(kind, sha, row[span_cols[0]], row[span_cols[1]], f"{value}#{n}"))
    return ids


def test_record_ids_read_by_column_are_the_per_row_ids():
    """_record_ids (columns read at once, int span ends written directly) gives the ids of the per-row
    version on random tables of the three kinds: typed Int64 ends with missing values, float and object
    ends, repeated anchors (the '#n' ids), missing scopes and countries, documents without a hash."""
    import random

    import pandas as pd

    from core.review.model import _record_ids

    rng = random.Random(28)
    sha_of = {"a.txt": "ab" * 32, "b.txt": "cd" * 32}
    for kind in ("event", "participant", "ranking"):
        span_cols = ("surface_start", "surface_end") if kind == "ranking" else ("start", "end")
        for _ in range(60):
            n = rng.randint(0, 40)
            ends = [rng.choice([None, 0, 3, 17, 250]) for _ in range(2 * n)]
            frame = pd.DataFrame({
                "doc": [rng.choice(["a.txt", "b.txt", "c.txt"]) for _ in range(n)],
                span_cols[0]: ends[:n], span_cols[1]: ends[n:],
                "iso3": [rng.choice(["BHR", "KWT", "", None]) for _ in range(n)],
                "scope": [rng.choice(["world", "gcc", None]) for _ in range(n)],
                "country_iso3": [rng.choice(["BHR", "", None]) for _ in range(n)],
            })
            for typed in ("Int64", "float64", "object"):
                cast = frame.astype({span_cols[0]: typed, span_cols[1]: typed})
                ids = _record_ids(kind, cast, sha_of)
                assert ids == _plain_record_ids(kind, cast, sha_of)
                assert len(set(ids)) == len(ids)  # repeated anchors get '#n'
