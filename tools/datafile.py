"""Write a generated data file, or with --check only compare it: shared by the tools that rebuild
core/data files from a cited dataset."""

from __future__ import annotations

from pathlib import Path


def write_or_check(out: Path, text: str, check: bool, rebuild: str, what: str) -> int:
    """With `check`, exit status 1 when `out` differs from `text` (`rebuild`: the command that
    renews it); else write it and say how many rows of `what` it holds (lines not starting with #,
    the header excluded)."""
    if check:
        same = out.exists() and out.read_text(encoding="utf-8") == text
        print(f"{out.name} is up to date" if same else f"{out.name} differs: run {rebuild}")
        return 0 if same else 1
    out.write_text(text, encoding="utf-8")
    rows = sum(1 for line in text.splitlines() if line and not line.startswith("#")) - 1
    print(f"wrote {out.name} ({rows} {what})")
    return 0
