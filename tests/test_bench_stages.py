"""bench/extract.py --stages and --folders: every stage it times is still where it looks for it, the
timing wraps a call without changing its result, the table nests the stages with what each spends
outside them, and a folder's distinct words are counted as the bare pass reads them; --instructions
reads callgrind's count and takes the start-up off."""

from __future__ import annotations

import importlib
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import extract as bench  # noqa: E402  (bench/extract.py)

SEEDS = ROOT / "seeds"


def test_every_stage_is_a_callable_of_its_module_and_every_parent_is_a_stage():
    labels = {label for _, _, label, _ in bench.STAGES}
    assert len(labels) == len(bench.STAGES)
    for module_name, name, label, parent in bench.STAGES:
        assert callable(getattr(importlib.import_module(module_name), name)), label
        assert parent == "" or parent in labels, label


def test_timed_adds_the_cpu_time_and_returns_the_result():
    spent = {"sum": 0.0}
    timed = bench._timed(lambda n: sum(range(n)), "sum", spent)
    assert timed(200_000) == sum(range(200_000))
    assert spent["sum"] > 0


def test_the_table_nests_stages_and_gives_each_parent_what_it_spends_outside_them():
    def run(total: float, extraction: float, context: float) -> dict:
        found = dict.fromkeys([label for _, _, label, _ in bench.STAGES], 0.0)
        found.update({"load_corpus": total, "extraction": extraction, "analysis pass (build_context)": context,
                      "read the folder": 0.25})
        return found

    table = bench.stage_table([run(4.0, 3.0, 2.0), run(2.0, 1.0, 0.5)]).splitlines()
    rows = {line.strip().split("  ")[0]: line for line in table[1:]}
    assert "2.000 / 3.000 / 4.000 s" in rows["load_corpus"]
    assert "1.000 / 2.000 / 3.000 s" in rows["extraction"]
    # load_corpus less its timed stages (read 0.25, extraction): 0.75 in both runs
    others = [line for line in table if line.strip().startswith("other")]
    assert "0.750 / 0.750 / 0.750 s" in others[-1] and "18.8% /  28.1% /  37.5%" in others[-1]
    # extraction less the analysis pass: 1.0 and 0.5; nested one level deeper than load_corpus's own
    assert "0.500 / 0.750 / 1.000 s" in others[-2]
    indent = {label: len(line) - len(line.lstrip()) for label, line in rows.items() if label != "other"}
    assert indent["load_corpus"] < indent["extraction"] < indent["analysis pass (build_context)"] < indent["tokenize"]


def test_stages_time_a_real_load_the_parts_fit_inside_it_and_the_stages_are_put_back():
    before = [getattr(importlib.import_module(module), name) for module, name, _, _ in bench.STAGES]
    spent = bench.stages(SEEDS)
    assert [getattr(importlib.import_module(module), name) for module, name, _, _ in bench.STAGES] == before
    assert spent["load_corpus"] > 0 and 0 < spent["extraction"] <= spent["load_corpus"]
    context = [label for _, _, label, parent in bench.STAGES if parent == "analysis pass (build_context)"]
    assert all(spent[label] > 0 for label in context)
    assert sum(spent[label] for label in context) <= spent["analysis pass (build_context)"]


def test_distinct_words_read_a_folder_as_the_bare_pass_does(tmp_path):
    (tmp_path / "a.txt").write_text("وفد وفد من الكويت", encoding="utf-8")
    (tmp_path / "b.txt").write_text("وَفْد البحرين", encoding="utf-8")  # the harakat removed: وفد again
    (tmp_path / "notes.json").write_text('{"word": "غير"}', encoding="utf-8")  # not an article
    assert bench.distinct_words(tmp_path) == 4


CALLGRIND_REPORT = """==4242== Callgrind, a call-graph generating cache profiler
==4242== Command: python bench/extract.py --child full folder 1
==4242==
==4242== Events    : Ir
==4242== Collected : 3784119025
==4242==
==4242== I   refs:      3,784,119,025
"""


def test_collected_reads_the_one_count_of_a_callgrind_report():
    assert bench.collected(CALLGRIND_REPORT) == 3_784_119_025
    # the count is taken from its own line only, not from the summary's "I refs" with commas
    assert bench.collected("noise Collected : 7\n" + CALLGRIND_REPORT) == 3_784_119_025
    with pytest.raises(ValueError, match="0 'Collected :' lines"):
        bench.collected("==1== I   refs:      12\n")
    with pytest.raises(ValueError, match="2 'Collected :' lines"):
        bench.collected(CALLGRIND_REPORT + CALLGRIND_REPORT)


def test_instructions_take_the_start_up_off_each_count(tmp_path, monkeypatch):
    for name in ("a.txt", "b.txt", "manifest.csv"):
        (tmp_path / name).write_text("وفد", encoding="utf-8")
    counts = {"start": 3_000_000_000, "bare": 3_600_000_000, "full": 5_000_000_000}
    asked = []

    def count(valgrind, kind, folder):
        asked.append((valgrind, kind, folder))
        return counts[kind]

    monkeypatch.setattr(bench, "count_instructions", count)
    found = bench.instructions("/usr/bin/valgrind", tmp_path)
    assert [kind for _, kind, _ in asked] == ["start", "bare", "full"]
    assert all(v == "/usr/bin/valgrind" and f == tmp_path for v, _, f in asked)
    assert found == {"docs": 2, "start_m": 3000.0, "bare_m": 600.0, "full_m": 2000.0,
                     "full_per_article_m": 1000.0, "bare_over_full": 0.3}


def test_the_start_measurement_only_starts(tmp_path):
    (tmp_path / "a.txt").write_text("زار وفد من الكويت مملكة البحرين", encoding="utf-8")
    found = bench.measure("start", tmp_path)
    assert found["kind"] == "start" and found["docs"] == 1
    assert not {"tokens", "events", "documents"} & set(found)
