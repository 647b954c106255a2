"""Writers of safe copies: each applies a plan's edits to a document in its own format."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from discreet.errors import UsageError
from discreet.fixplan import Edit
from discreet.model import Document, Format
from discreet.writers import docx, jsonresume, text
from discreet.writers.copy import Copy, Skipped, needs_person, summary

__all__ = ["WRITERS", "Copy", "Skipped", "accepted", "needs_person", "summary", "write_copy"]

# A writer takes the audited document, its file's bytes, the edits and whether to track them.
Writer = Callable[[Document, bytes, tuple[Edit, ...], bool], Copy]

WRITERS: dict[Format, Writer] = {
    Format.TEXT: text.write,
    Format.MARKDOWN: text.write,
    Format.JSON_RESUME: jsonresume.write,
    Format.DOCX: docx.write,
}


def write_copy(document: Document, original: bytes, edits: tuple[Edit, ...], tracked: bool = False) -> Copy:
    """The copy of a document (whose file holds original) with the edits made, in the document's format.

    tracked writes each edit as a tracked change; only Word has them, so any other format refuses it.
    """
    writer = WRITERS.get(document.format)
    if tracked and document.format is not Format.DOCX:
        raise UsageError(
            f"{document.path}: --tracked writes Word tracked changes, and this is a "
            f"{document.format.value} file; leave --tracked out"
        )
    if writer is None:
        raise UsageError(
            f"{document.path}: discreet fix writes text, Markdown, JSON Resume and Word copies today; for a "
            f"{document.format.value} file use the report's rewrites (discreet audit --format html)"
        )
    return writer(document, original, edits, tracked)


def accepted(path: Path, data: bytes) -> bytes:
    """A Word copy as a person will share it: its tracked changes accepted (path only names it)."""
    return docx.accepted(path, data)
