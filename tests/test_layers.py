"""The layering of core/ (.importlinter) is checked by import-linter, and the check can fail."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

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


def test_a_lower_layer_importing_a_higher_one_fails(tmp_path):
    where = copy_tree(tmp_path)
    target = where / "core" / "text" / "numbers.py"
    target.write_text(target.read_text(encoding="utf-8") + "\nfrom core.review import set_field  # wrong way\n",
                      encoding="utf-8")
    result = lint(where)
    assert result.returncode == 1
    assert "core.text.numbers -> core.review" in result.stdout
    assert "1 broken" in result.stdout


def test_core_importing_streamlit_fails(tmp_path):
    where = copy_tree(tmp_path)
    target = where / "core" / "tables.py"
    target.write_text(target.read_text(encoding="utf-8") + "\nimport streamlit  # never in core\n", encoding="utf-8")
    result = lint(where)
    assert result.returncode == 1
    assert "core.tables -> streamlit" in result.stdout


def test_the_two_decision_stages_are_independent(tmp_path):
    where = copy_tree(tmp_path)
    target = where / "core" / "events" / "origin.py"
    target.write_text(target.read_text(encoding="utf-8") + "\nfrom core.rankings import rules  # siblings\n",
                      encoding="utf-8")
    result = lint(where)
    assert result.returncode == 1
    assert "core.events.origin -> core.rankings.rules" in result.stdout
