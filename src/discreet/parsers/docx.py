"""Tell a Word .docx file by its members and read it (python-docx is loaded only then)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from discreet.model import (
    Document,
    DocumentKind,
    Format,
    Limits,
    build_document,
)
from discreet.parsers import Parser


def parse(path: Path, limits: Limits, data: bytes | None = None) -> Document:
    """Read a .docx into segments in reading order: headers, body, footers, then properties.

    Each non-empty paragraph is one visible segment. What a reader does not see (tracked
    deletions and insertions, hidden text, hyperlink targets, comments, document properties)
    follows the paragraph it comes from as segments with hidden=True. Paragraphs are counted
    from 1 within their part, empty ones included: body paragraphs outside tables; text-box
    paragraphs across all body text boxes; header, footer and comment paragraphs across all
    distinct headers, footers and comments (a text box there keeps its part, detail "text box");
    body table cells count their own paragraphs, tables numbered across the body, nested included.
    With data (the document's bytes, when it has no file), path only names it.
    """
    # Imported here: python-docx takes longer to load than a one-page text audit takes to run.
    from discreet.parsers import wordopen, wordwalk

    word = wordopen.load(path, limits, data)
    segments, notes = wordwalk.read(path, word)
    return build_document(path, DocumentKind.RESUME, Format.DOCX, segments, notes)


def _holds_document(names: Sequence[str]) -> bool:
    return "word/document.xml" in names


PARSER = Parser(
    (Format.DOCX,),
    parse,
    parse,
    suffixes=frozenset({".docx"}),
    misnamed=(".docx", "is not a valid Word document", "re-save it from Word and try again"),
    members=_holds_document,
)
