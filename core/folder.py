"""Safe access to the articles folder: the byte limit, reading a file without reading more than
the limit, listing the folder, and one-line display of user-supplied values.

The byte limit: the max_bytes argument; when it is left at DEFAULT_MAX_BYTES the environment
variable EGOV_MAX_BYTES (a positive whole number) replaces the default.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

DEFAULT_MAX_BYTES = 2_000_000
MAX_BYTES_ENV = "EGOV_MAX_BYTES"


class CorpusFolderError(ValueError):
    """The folder itself cannot be used (missing, not a folder, cannot be listed)."""


def effective_max_bytes(max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[int, list[str]]:
    """The byte limit in force and messages about EGOV_MAX_BYTES.

    An explicit `max_bytes` other than DEFAULT_MAX_BYTES wins; otherwise EGOV_MAX_BYTES (a
    positive whole number) when set; otherwise DEFAULT_MAX_BYTES. An invalid variable is reported
    and ignored. Raises ValueError when `max_bytes` itself is not a positive int.
    """
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ValueError(f"max_bytes must be a positive int, not {max_bytes!r}")
    if max_bytes != DEFAULT_MAX_BYTES:
        return max_bytes, []
    value = os.environ.get(MAX_BYTES_ENV, "").strip()
    if not value:
        return max_bytes, []
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if limit <= 0:
        return max_bytes, [f"{MAX_BYTES_ENV}={value!r} is not a positive whole number of bytes; "
                           f"using the default limit of {DEFAULT_MAX_BYTES} bytes"]
    return limit, []


def too_big_message(name: str, size: int | str, limit: int) -> str:
    return (f"{name}: {size} bytes exceeds the limit of {limit} bytes "
            f"(set the {MAX_BYTES_ENV} environment variable or the max_bytes argument to change)")


def shorten(value: str, limit: int = 80) -> str:
    """A user-supplied value for a one-line message: control characters escaped, cut at `limit`."""
    value = re.sub("[\x00-\x1f\x7f]", lambda m: f"\\x{ord(m.group()):02x}", value)
    return value if len(value) <= limit else value[:limit - 1] + "…"


def read_limited(path: Path, name: str, limit: int) -> tuple[bytes | None, str]:
    """(bytes, '') or (None, message naming `name`). Never reads more than limit + 1 bytes."""
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            return None, f"{name}: not a regular file"
        if info.st_size > limit:
            return None, too_big_message(name, info.st_size, limit)
        with open(path, "rb") as fh:
            raw = fh.read(limit + 1)
    except OSError as exc:
        return None, f"{name}: could not be read ({exc.strerror or exc})"
    if len(raw) > limit:
        return None, too_big_message(name, f"more than {limit}", limit)
    return raw, ""


def list_folder(folder: Path) -> list[os.DirEntry]:
    if not folder.exists():
        raise CorpusFolderError(f"{folder}: folder not found")
    if not folder.is_dir():
        raise CorpusFolderError(f"{folder}: not a folder")
    try:
        with os.scandir(folder) as it:
            return sorted(it, key=lambda e: e.name)
    except OSError as exc:
        raise CorpusFolderError(f"{folder}: cannot list the folder ({exc.strerror or exc})") from exc


def is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()
    except OSError:
        return False

