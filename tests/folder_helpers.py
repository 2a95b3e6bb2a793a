"""Helpers shared by the tests that build article folders (ingest and hostile-input tests)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from core import review
from core.reading import ingest


@pytest.fixture(autouse=True)
def _no_env_limit(monkeypatch):
    """No EGOV_MAX_BYTES from the environment: every test sees the default byte limit."""
    monkeypatch.delenv(ingest.MAX_BYTES_ENV, raising=False)


def write(folder: Path, files: dict[str, str | bytes]) -> Path:
    """Write each named file (text as UTF-8, bytes as they are) into `folder`; return the folder."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (folder / name).write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return folder


def by_name(docs):
    return {d.doc: d for d in docs}


def development_folder(dest: Path, shared: Path, seeds: Path) -> Path:
    """`dest` holding every article of shared/devset, shared/devset_r and `seeds` with one manifest.csv.

    The same folder as shared/devset/together.sh builds (its articles part): the real articles the
    dashboard must survive, extracted together. Returns `dest`.
    """
    dest.mkdir(parents=True, exist_ok=True)
    rows = ["file,published,source_url"]
    for source in (shared / "devset", shared / "devset_r", seeds):
        for article in sorted(source.glob("*.txt")):
            (dest / article.name).write_bytes(article.read_bytes())
        rows += (source / "manifest.csv").read_text(encoding="utf-8").splitlines()[1:]
    (dest / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return dest


def seeds_copy(tmp_path: Path, monkeypatch, seeds: Path) -> Path:
    """A copy of the seeds without their corrections log or lock, which the dashboard then reads."""
    copy = tmp_path / "articles"
    shutil.copytree(seeds, copy, ignore=shutil.ignore_patterns(review.LOG_NAME, review.LOCK_NAME))
    monkeypatch.setenv("EGOV_SEEDS_DIR", str(copy))
    return copy
