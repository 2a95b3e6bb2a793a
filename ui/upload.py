"""Adding an article from the Sources page: the upload form, the save (core.reading.uploads.save_upload), its notices.

The rules are core.reading.ingest's (names, size limit, encodings, duplicates, manifest row); this module
only reads the upload, checks its announced size before reading it, and shows every message.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import streamlit as st

from core.reading.folder import CorpusFolderError, effective_max_bytes, too_big_message
from core.reading.uploads import save_upload
from ui.i18n import _
from ui.messages import core_message
from ui.safety import md_escape

UPLOAD_TYPES = ["txt", "html", "htm"]
MIB = 1024 * 1024  # Streamlit's upload limits are in MiB ("megabytes" in its docs)
FORM_KEY = "src_upload"
FILE_KEY = "src_upload_file"
DATE_KEY = "src_upload_published"
SAVE_KEY = "src_upload_save"
OUTCOME_KEY = "src_upload_outcome"
LEVELS = ("success", "error", "warning", "info")  # the order notices are shown in


@dataclass(frozen=True)
class UploadOutcome:
    """What became of one upload: the name it came with, the name saved under ('' when refused),
    and every message as (level, text), level one of LEVELS."""

    file: str
    saved: str
    notices: tuple[tuple[str, str], ...]


def notice_level(message: str) -> str:
    """The level a save_upload (or effective_max_bytes) message is shown at."""
    if message.startswith("refused:"):
        return "error"
    if message.startswith("saved ") and not message.startswith("saved as "):
        return "success"
    if ": note:" in message or message.startswith("manifest.csv: added "):
        return "info"
    return "warning"  # not UTF-8, no Arabic letters, HTML saved as .txt, renamed, bad EGOV_MAX_BYTES


def upload_limit_mb(limit_bytes: int, server_cap_mb: int) -> int:
    """The uploader's own limit in MiB: the ingest byte limit rounded up, never above the server's cap.

    The uploader refuses larger files in the browser before they are sent; files between the byte
    limit and the rounded-up MiB reach save_upload, which refuses them with the exact limit.
    """
    return max(1, min(math.ceil(limit_bytes / MIB), server_cap_mb))


def save_uploaded(folder: Path, name: str, size: int | None, read: Callable[[], bytes],
                  published: str = "") -> UploadOutcome:
    """Save one uploaded file into `folder` with core.reading.uploads.save_upload; never raises.

    `size` (the uploader's announced size, None when unknown) is checked against the ingest limit
    before `read` is called, so an oversized file is refused without another copy in memory.
    """
    limit, env_messages = effective_max_bytes()
    if size is not None and size > limit:
        messages = env_messages + ["refused: " + too_big_message(name, size, limit)]
        return UploadOutcome(name, "", tuple((notice_level(m), m) for m in messages))
    try:
        saved, messages = save_upload(folder, name, read(), published.strip() or None)
    except CorpusFolderError as exc:
        saved, messages = "", [f"refused: the articles folder cannot be used ({exc})"]
    return UploadOutcome(name, saved, tuple((notice_level(m), m) for m in messages))


def _on_save(folder: str) -> None:
    """Form callback: runs before the page script, so the new article can be selected in it."""
    upload = st.session_state.get(FILE_KEY)
    if upload is None:
        outcome = UploadOutcome("", "", (("error", _("no file chosen: choose a .txt, .html or .htm file first")),))
    else:
        outcome = save_uploaded(Path(folder), upload.name, getattr(upload, "size", None), upload.getvalue,
                                st.session_state.get(DATE_KEY) or "")
    st.session_state[OUTCOME_KEY] = outcome
    if outcome.saved:
        st.session_state["src_doc"] = outcome.saved


def upload_form(folder: Path) -> None:
    """The upload form: a file, an optional publication date, a save button (every widget keyed)."""
    limit, _messages = effective_max_bytes()
    cap = int(st.get_option("server.maxUploadSize"))  # MiB; the server refuses larger uploads outright
    largest = min(limit, cap * MIB)
    with st.form(FORM_KEY, clear_on_submit=True):
        st.markdown(_("**Add an article**"))
        st.file_uploader(
            _("Article file"), type=UPLOAD_TYPES, key=FILE_KEY, max_upload_size=upload_limit_mb(limit, cap),
            help=_("A news article as .txt or saved .html/.htm, in any common Arabic encoding, at most {bytes} "
                   "bytes. It is saved unchanged into the articles folder. A file with the same content as one "
                   "already there is refused; a name already used gets a number.").format(bytes=f"{largest:,}"))
        st.text_input(_("Published (optional)"), key=DATE_KEY, placeholder="YYYY-MM-DD, YYYY-MM or YYYY",
                      help=_("The article's publication date, written to manifest.csv. Relative dates in the text "
                             "('yesterday', 'last year') are resolved against it."))
        st.form_submit_button(_("Save to the articles folder"), key=SAVE_KEY, on_click=_on_save, args=(str(folder),),
                              type="primary")


def upload_notices() -> None:
    """The messages of the upload just made, each naming the file, shown once (then forgotten):
    what was saved first, then why it was refused, then warnings and notes."""
    outcome: UploadOutcome | None = st.session_state.pop(OUTCOME_KEY, None)
    if outcome is None:
        return
    show = {"error": st.error, "warning": st.warning, "info": st.info, "success": st.success}
    for level, message in sorted(outcome.notices, key=lambda notice: LEVELS.index(notice[0])):
        text = md_escape(core_message(message))
        if outcome.file and outcome.file not in message:
            text = f"**{md_escape(outcome.file)}**: {text}"
        show[level](_("Upload: {text}").format(text=text))
