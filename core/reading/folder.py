"""Safe access to the articles folder: the byte limit, reading a file without reading more than
the limit, listing the folder, one-line display of user-supplied values, and all-or-nothing writes.

Reading: only regular files are opened, without blocking (a FIFO or device is refused after a
non-blocking open and an fstat), and only when the path resolves inside the folder: a link that
leaves it is an error naming the link, its target never opened or named. A file name that is not
valid UTF-8 (bytes the file system gave back as lone surrogates) is shown by `safe_name`, with each
bad byte written as \\xNN.

Writing (`write_new`, `replace_file`): the bytes go to a hidden temporary file in the same folder,
are flushed and fsynced, then linked or renamed into place, so a failed write (disk full, file
size limit) leaves nothing behind. `folder_lock` (fcntl.flock on the folder itself) makes
"check, then write" one step across threads and processes.

The byte limit: the max_bytes argument; when it is left at DEFAULT_MAX_BYTES the environment
variable EGOV_MAX_BYTES (a positive whole number) replaces the default.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
import stat
import tempfile
from collections.abc import Iterator
from pathlib import Path

DEFAULT_MAX_BYTES = 2_000_000
MAX_BYTES_ENV = "EGOV_MAX_BYTES"
OUTSIDE = "a link to a file outside the articles folder; not read"


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


def safe_name(name: str) -> str:
    """`name` as valid UTF-8 text: each byte the file system could not decode becomes \\xNN."""
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return os.fsencode(name).decode("utf-8", "backslashreplace")


def inside(path: Path, folder: Path | None) -> bool:
    """True when `path`, links resolved, lies inside `folder` (always True for folder None)."""
    if folder is None:
        return True
    real_folder = os.path.realpath(folder)
    return os.path.commonpath([real_folder, os.path.realpath(path)]) == real_folder


def read_limited(path: Path, name: str, limit: int, folder: Path | None = None, *,
                 real_folder: str | None = None, entry: str | None = None) -> tuple[bytes | None, str]:
    """(bytes, '') or (None, message naming `name`). Never reads more than limit + 1 bytes.

    With `folder`, a path that resolves outside it is refused before anything is opened. The file
    is opened without blocking and checked to be a regular file on the open descriptor.
    `real_folder`: os.path.realpath(folder) when the caller has it (one per folder, not per file).
    `entry`: with `real_folder`, the name of `path` in `folder` when the folder's listing showed it is
    not a symbolic link: its resolved path is then `real_folder` joined with it, with no look-up of
    each part of the path (about 6 system calls a file), and it is opened without following a link
    (a link put there since the listing is resolved and checked as above).
    """
    if entry is not None and real_folder is not None and _NOFOLLOW:
        raw, problem = _read_regular(os.path.join(real_folder, entry), name, limit, _NOFOLLOW)
        if problem is not _LINK:
            return raw, problem
    real = os.path.realpath(path)  # resolved once: the path checked is the path opened
    if folder is not None:
        if real_folder is None:
            real_folder = os.path.realpath(folder)
        if os.path.commonpath([real_folder, real]) != real_folder:
            return None, f"{name}: {OUTSIDE}"
    return _read_regular(real, name, limit)


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_LINK = "a symbolic link"  # _read_regular's answer for a link opened with O_NOFOLLOW
_LINK_ERRORS = (errno.ELOOP, errno.EMLINK)  # what opening a link with O_NOFOLLOW raises (EMLINK on FreeBSD)


def _read_regular(real: str, name: str, limit: int, extra_flags: int = 0) -> tuple[bytes | None, str]:
    """read_limited's reading of the resolved path `real`; with O_NOFOLLOW in `extra_flags`, a
    symbolic link at `real` is not opened: (None, _LINK) instead. The bytes are read with os.read,
    asking first for the size fstat gives plus one (a buffered file object's read of limit + 1 bytes
    sets up a buffer of the limit for every article), then on to the end or limit + 1 bytes."""
    flags = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0) | extra_flags
    try:
        fd = os.open(real, flags)
    except OSError as exc:
        if extra_flags & _NOFOLLOW and exc.errno in _LINK_ERRORS:
            return None, _LINK
        return None, f"{name}: could not be read ({exc.strerror or exc})"
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return None, f"{name}: not a regular file"
        if info.st_size > limit:
            return None, too_big_message(name, info.st_size, limit)
        parts: list[bytes] = []
        total, want = 0, info.st_size + 1
        while total <= limit:
            chunk = os.read(fd, min(want, limit + 1 - total))
            if not chunk:
                break
            parts.append(chunk)
            total += len(chunk)
            want = READ_CHUNK  # a file grown since fstat, or a short read: read on in chunks
    except OSError as exc:
        return None, f"{name}: could not be read ({exc.strerror or exc})"
    finally:
        os.close(fd)
    if total > limit:
        return None, too_big_message(name, f"more than {limit}", limit)
    return parts[0] if len(parts) == 1 else b"".join(parts), ""


READ_CHUNK = 1 << 16


@contextlib.contextmanager
def folder_lock(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on `folder` for the block: fcntl.flock on the folder itself.

    The folder is its own lock file, so nothing is left in it (a refused upload writes nothing)
    and a read-only folder can be locked too. Each call opens the folder anew, so threads of one
    process exclude each other as processes do; closing the descriptor releases the lock.
    """
    fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_CLOEXEC", 0))
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _temp_with(folder: Path, data: bytes) -> str:
    """A hidden temporary file in `folder` holding `data`, flushed to disk; removed on failure."""
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=".tmp-", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return tmp


def write_new(path: Path, data: bytes) -> None:
    """Create `path` holding exactly `data`, or raise OSError leaving nothing behind.

    Never replaces an existing file (FileExistsError): the complete temporary file is hard-linked
    to the new name, which fails when the name is taken.
    """
    tmp = _temp_with(path.parent, data)
    try:
        os.link(tmp, path)
    finally:
        Path(tmp).unlink(missing_ok=True)


def replace_file(path: Path, data: bytes) -> None:
    """Replace (or create) `path` with exactly `data` in one rename, or raise OSError leaving it as it was."""
    tmp = _temp_with(path.parent, data)
    try:
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


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

