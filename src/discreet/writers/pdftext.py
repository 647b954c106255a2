"""A PDF's text as an editable Markdown or DOCX copy: reading order, sections as headings, edits applied."""

from __future__ import annotations

import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import assert_never

from discreet.fixplan import Edit, kept, left_out, plan
from discreet.model import CopyFormat, Destination, Document
from discreet.report import DocumentReport
from discreet.sections import heading_section

_BULLET = re.compile(r"^[•●▪◦‣∙·*\-–]\s+")
# Characters that would start Markdown syntax at the head of a line.
_MARKDOWN_START = re.compile(r"^([#>+=|]|\d+[.)]\s)")


class Kind(StrEnum):
    """What a block of the copy is."""

    HEADING = "heading"
    BULLET = "bullet"
    PARAGRAPH = "paragraph"


@dataclass(frozen=True, slots=True)
class Block:
    """One heading, bullet or paragraph of the copy."""

    kind: Kind
    text: str


@dataclass(frozen=True, slots=True)
class TextCopy:
    """The editable copy's file and what changed: spans rewritten, spans left out, findings kept."""

    data: bytes
    rewritten: int
    removed: int
    kept: int


def text_copy(report: DocumentReport, destination: Destination, target: CopyFormat) -> TextCopy:
    """The PDF's text rewritten for the destination, as a Markdown or Word file."""
    edits = plan(report, destination)
    removed = sum(1 for edit in edits if left_out(edit))
    data = render(blocks(report.document, edits), target)
    return TextCopy(data, len(edits) - removed, removed, kept(report, destination))


def blocks(document: Document, edits: Sequence[Edit]) -> list[Block]:
    """The document's lines after the edits, as headings, bullets and paragraphs (wrapped lines joined)."""
    result: list[Block] = []
    previous = ""
    for text in edited_lines(document, edits):
        if not text:
            continue
        if heading_section(text) is not None:
            result.append(Block(Kind.HEADING, text))
        elif _BULLET.match(text):
            result.append(Block(Kind.BULLET, _BULLET.sub("", text)))
        elif result and result[-1].kind is not Kind.HEADING and _continues(previous, text):
            result[-1] = Block(result[-1].kind, f"{result[-1].text} {text}")
        else:
            result.append(Block(Kind.PARAGRAPH, text))
        previous = text
    return result


def edited_lines(document: Document, edits: Sequence[Edit]) -> list[str]:
    """Each segment's text with the edits over it made: an edit's text goes where it starts."""
    ordered = sorted(edits, key=lambda edit: edit.start)
    lines = []
    for segment in document.segments:
        pieces = []
        position = segment.start
        for edit in ordered:
            if edit.end <= segment.start or edit.start >= segment.end:
                continue
            pieces.append(document.text[position : max(edit.start, position)])
            if edit.start >= segment.start:
                pieces.append(edit.text)
            position = min(edit.end, segment.end)
        pieces.append(document.text[position : segment.end])
        lines.append(" ".join("".join(pieces).split()))
    return lines


def _continues(previous: str, text: str) -> bool:
    """Whether a line carries on the sentence of the line before it (a PDF wraps long lines)."""
    return bool(previous) and previous[-1] not in ".:;!?" and text[0].islower()


def render(found: Sequence[Block], target: CopyFormat) -> bytes:
    """The copy's file: Markdown in UTF-8, or a Word document."""
    match target:
        case CopyFormat.MARKDOWN:
            return markdown(found).encode("utf-8")
        case CopyFormat.DOCX:
            return word(found)
        case _:
            assert_never(target)


def markdown(found: Sequence[Block]) -> str:
    """Headings as `##`, bullets as `-`, a blank line between blocks (none between bullets)."""
    lines: list[str] = []
    previous: Kind | None = None
    for block in found:
        if previous is not None and not (block.kind is previous is Kind.BULLET):
            lines.append("")
        lines.append(_markdown_line(block))
        previous = block.kind
    return "\n".join(lines) + "\n"


def _markdown_line(block: Block) -> str:
    match block.kind:
        case Kind.HEADING:
            return f"## {block.text}"
        case Kind.BULLET:
            return f"- {block.text}"
        case Kind.PARAGRAPH:
            return _MARKDOWN_START.sub(r"\\\1", block.text)
        case _:
            assert_never(block.kind)


def word(found: Sequence[Block]) -> bytes:
    """A Word document with the same blocks: Heading 2, List Bullet and Normal paragraphs."""
    import docx  # python-docx loads lxml: only when a Word copy is asked for
    from docx.opc.constants import RELATIONSHIP_TYPE as RT

    from discreet.writers.docx import undated
    from discreet.writers.runs import DATE
    from discreet.writers.scrub import drop_package_part

    document = docx.Document()
    # python-docx's template describes itself, names its author and a Mac Word of 2013 that made it,
    # counts no pages or words and shows a thumbnail of another document: a copy to share has none of it.
    properties = document.core_properties
    for name in ("author", "last_modified_by", "comments", "title", "subject", "keywords", "category"):
        setattr(properties, name, "")
    # A fixed date, as on tracked changes: the same PDF gives the same copy on any day.
    properties.created = properties.modified = datetime.fromisoformat(DATE)
    drop_package_part(document, RT.EXTENDED_PROPERTIES)
    drop_package_part(document, RT.THUMBNAIL)
    for block in found:
        if block.kind is Kind.HEADING:
            document.add_heading(block.text, level=2)
        elif block.kind is Kind.BULLET:
            document.add_paragraph(block.text, style="List Bullet")
        else:
            document.add_paragraph(block.text)
    buffer = io.BytesIO()
    document.save(buffer)
    return undated(buffer)
