"""Read plain-text and Markdown resumes, keeping offsets into the decoded text."""

from __future__ import annotations

import codecs
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from discreet.errors import NoTextError, TooLargeError
from discreet.model import (
    Document,
    DocumentKind,
    Format,
    Limits,
    Location,
    Place,
    Segment,
    Unstructured,
)
from discreet.parsers import Parser
from discreet.sections import sections_for

MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd"})
# A Markdown profile draft (writers/profile.py) opens with this title, and its first paragraph says this.
DRAFT_TITLE = "# LinkedIn profile draft"
DRAFT_INSTRUCTION = "LinkedIn imports no file: paste each block into the field its heading names."


@dataclass(frozen=True, slots=True)
class TextLocation(Unstructured):
    """A line and column of a text file, both counted from 1."""

    line: int
    column: int = 1

    def describe(self) -> str:
        return f"line {self.line}" + (f" column {self.column}" if self.column > 1 else "")

    def to_dict(self) -> dict[str, Any]:
        return {"type": "text", "line": self.line, "column": self.column}

    def place(self) -> Place:
        return Place(line=self.line, column=self.column)

    def at(self, offset: int) -> TextLocation:
        """The column of an offset in the line (the line itself for a negative offset)."""
        return replace(self, column=offset + 1) if offset >= 0 else self

    def follows(self, previous: Location) -> bool:
        """Whether this is the line after previous."""
        return isinstance(previous, TextLocation) and self.line == previous.line + 1


def decode(data: bytes) -> str:
    """Decode by BOM, then UTF-8, then cp1252 (Latin-1 for bytes cp1252 leaves undefined)."""
    for bom, encoding in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF32_LE, "utf-32-le"),
        (codecs.BOM_UTF32_BE, "utf-32-be"),
        (codecs.BOM_UTF16_LE, "utf-16-le"),
        (codecs.BOM_UTF16_BE, "utf-16-be"),
    ):
        if data.startswith(bom):
            return data[len(bom) :].decode(encoding, errors="replace")
    if _looks_utf16_without_bom(data):
        return data.decode(
            "utf-16-le" if data[1::2].count(0) > data[::2].count(0) else "utf-16-be", "replace"
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return "".join(_cp1252_char(b) for b in data)


def _looks_utf16_without_bom(data: bytes) -> bool:
    sample = data[:4096]
    return len(sample) >= 4 and sample.count(0) > len(sample) // 4


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(byte)


def normalise_newlines(text: str) -> str:
    """Turn CRLF and lone CR into LF, the newline every offset assumes."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse(path: Path, limits: Limits, data: bytes | None = None) -> Document:
    """Read a text or Markdown file (or data, its bytes): one segment per non-blank line, offsets into it."""
    data = path.read_bytes() if data is None else data
    if len(data) > limits.max_file_bytes:
        raise TooLargeError(path, "is larger than the file size limit", "raise it with --max-file-mb")
    text = normalise_newlines(decode(data))
    if not text.strip():
        raise NoTextError(path, "holds no text", "check that it is the right file")
    return document_from_text(text, str(path), claim(path, b"", None), kind_of(text))


def kind_of(text: str) -> DocumentKind:
    """A profile draft discreet wrote is what goes public, so a profile; any other text is a resume."""
    title, *opening = text.lstrip().split("\n", 3)[:3]
    is_draft = title.rstrip() == DRAFT_TITLE and any(DRAFT_INSTRUCTION in line for line in opening)
    return DocumentKind.PROFILE if is_draft else DocumentKind.RESUME


def document_from_text(
    text: str, path: str, fmt: Format, kind: DocumentKind = DocumentKind.RESUME
) -> Document:
    """One segment per non-blank line with its section; text already has LF newlines."""
    lines = text.split("\n")
    segments = []
    offset = 0
    for number, (line, section) in enumerate(zip(lines, sections_for(lines), strict=True), start=1):
        if line.strip():
            segments.append(Segment(line, TextLocation(number), section, start=offset))
        offset += len(line) + 1
    return Document(path, kind, fmt, tuple(segments), text)


def claim(path: Path, head: bytes, data: bytes | None) -> Format:
    """Any file that is not binary: Markdown by its suffix, else plain text."""
    return Format.MARKDOWN if path.suffix.lower() in MARKDOWN_SUFFIXES else Format.TEXT


PARSER = Parser(
    (Format.TEXT, Format.MARKDOWN),
    parse,
    parse,
    suffixes=frozenset({".txt", ".text", ".md", ".markdown", ".tex"}),
    text=claim,
)
