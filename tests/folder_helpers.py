"""Helpers shared by the tests that build article folders (ingest and hostile-input tests)."""

from __future__ import annotations

from pathlib import Path

import pytest

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
