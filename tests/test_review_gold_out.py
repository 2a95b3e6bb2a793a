"""`gold --out` never writes into a folder that holds articles or a manifest (an articles folder, the
corpus's own folder): it refuses before writing anything."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from core import load_corpus, review
from core.review.gold import write_gold

ROOT = Path(__file__).resolve().parents[1]
DOC = "002_00978ef207b782b4.txt"


@pytest.fixture
def reviewed(tmp_path) -> Path:
    folder = Path(shutil.copytree(ROOT / "seeds", tmp_path / "articles",
                                  ignore=shutil.ignore_patterns(review.LOG_NAME, review.LOCK_NAME, "reference")))
    corpus = load_corpus(folder)
    events = corpus.events
    rid = events[(events["doc"] == DOC) & (events["role"] == "main")].iloc[0]["record_id"]
    review.set_status(corpus, rid, "confirm", folder=folder)
    return folder


def snapshot_of(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir()) if p.is_file()}


@pytest.mark.parametrize("holding", [{"manifest.csv": "file,published,source_url\n"}, {"other.txt": "نص"},
                                     {"page.html": "<p>x</p>"}], ids=["manifest", "article", "html article"])
def test_gold_out_refuses_a_folder_holding_articles_or_a_manifest(reviewed, tmp_path, holding):
    out = tmp_path / "out"
    out.mkdir()
    for name, text in holding.items():
        (out / name).write_text(text, encoding="utf-8")
    before = snapshot_of(out)
    with pytest.raises(review.ReviewError, match="holds articles or a manifest"):
        write_gold(load_corpus(reviewed), out)
    assert snapshot_of(out) == before


def test_gold_out_pointed_at_the_articles_folder_is_refused_by_the_cli(reviewed):
    before = snapshot_of(reviewed)
    proc = subprocess.run([sys.executable, "-m", "core", "gold", str(reviewed), "--out", str(reviewed)],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 2 and "holds articles or a manifest" in proc.stderr, proc.stderr
    assert "Traceback" not in proc.stderr
    assert snapshot_of(reviewed) == before


def test_gold_out_into_a_new_or_empty_folder_writes(reviewed, tmp_path):
    assert write_gold(load_corpus(reviewed), tmp_path / "new") == [DOC]
    assert (tmp_path / "new" / "manifest.csv").is_file()
