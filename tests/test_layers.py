"""The layering of core/ (.importlinter) is checked by import-linter, and the check can fail."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
LINT = Path(sys.executable).with_name("lint-imports")


def lint(where: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(where)}
    return subprocess.run([str(LINT), "--no-cache"], cwd=where, env=env, capture_output=True, text=True, timeout=120)


def test_the_layers_hold():
    result = lint(ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Contracts: 2 kept, 0 broken." in result.stdout


def copy_tree(tmp_path: Path) -> Path:
    for name in ("core", "ui"):
        shutil.copytree(ROOT / name, tmp_path / name, ignore=shutil.ignore_patterns("__pycache__", "data"))
    shutil.copy(ROOT / ".importlinter", tmp_path / ".importlinter")
    return tmp_path


@pytest.mark.parametrize("module, planted, broken", [
    ("core/text/numbers.py", "from core.review import set_field", "core.text.numbers -> core.review"),
    ("core/tables.py", "import streamlit", "core.tables -> streamlit"),
    ("core/events/origin.py", "from core.rankings import scopes", "core.events.origin -> core.rankings.scopes"),
], ids=["text imports the review", "core imports streamlit", "events import rankings"])
def test_a_wrong_import_fails(tmp_path, module, planted, broken):
    where = copy_tree(tmp_path)
    target = where / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{planted}  # planted\n", encoding="utf-8")
    result = lint(where)
    assert result.returncode == 1
    assert broken in result.stdout
    assert "1 broken" in result.stdout
