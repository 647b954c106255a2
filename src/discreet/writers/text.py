"""The safe copy of a text or Markdown file: each edit made in its text, a line left out whole."""

from __future__ import annotations

from discreet.fixplan import Edit
from discreet.model import Document
from discreet.writers.copy import Copy


def write(document: Document, original: bytes, edits: tuple[Edit, ...], tracked: bool) -> Copy:
    """The document's text (newlines made LF) with each edit made, UTF-8."""
    text = document.text
    for edit in reversed(edits):
        start, end = _whole_line(text, edit) if not edit.text else (edit.start, edit.end)
        text = text[:start] + edit.text + text[end:]
    return Copy(text.encode("utf-8"))


def _whole_line(text: str, edit: Edit) -> tuple[int, int]:
    """A span left out with its newline when it is a whole line, so no blank line stands in for it."""
    at_line_start = edit.start == 0 or text[edit.start - 1] == "\n"
    at_line_end = edit.end == len(text) or text[edit.end] == "\n"
    if not (at_line_start and at_line_end):
        return edit.start, edit.end
    if edit.end < len(text):
        return edit.start, edit.end + 1
    return max(edit.start - 1, 0), edit.end
