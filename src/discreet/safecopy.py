"""A safe copy of a text, Markdown or JSON Resume document: flagged values rewritten or left out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from discreet.errors import UsageError
from discreet.model import Action, Destination, Document, Format, Segment
from discreet.parsers.jsonresume import JsonLocation
from discreet.report import DocumentReport, LocatedFinding

# The formats whose copy is the same format with values replaced; the others need a writer of their own.
FIXABLE = frozenset({Format.TEXT, Format.MARKDOWN, Format.JSON_RESUME})


@dataclass(frozen=True, slots=True)
class SafeCopy:
    """The copy's text and what changed: values rewritten, values left out, findings left as they were."""

    text: str
    rewritten: int
    removed: int
    kept: int


def safe_copy(report: DocumentReport, destination: Destination, original: str) -> SafeCopy:
    """Rewrite or leave out every value the destination may not show; original is the file's text.

    For a public copy each flagged line or value becomes its advice's rewrite (left out when the
    rewrite is empty); for a resume only what belongs in no document is left out.
    """
    document = report.document
    if document.format not in FIXABLE:
        raise UsageError(
            f"{document.path}: discreet fix writes text, Markdown and JSON Resume copies today; for a "
            f"{document.format.value} file use the report's rewrites (discreet audit --format html)"
        )
    changes, kept = _changes(report, destination)
    if document.format is Format.JSON_RESUME:
        text = _json_copy(document, original, changes)
    else:
        text = _text_copy(document, changes)
    removed = sum(1 for value in changes.values() if value is None)
    return SafeCopy(text, len(changes) - removed, removed, kept)


def still_flagged(report: DocumentReport, destination: Destination) -> tuple[LocatedFinding, ...]:
    """The findings of a copy's own audit that the destination may not show."""
    return tuple(f for f in report.findings if _must_change(f, destination))


def _changes(report: DocumentReport, destination: Destination) -> tuple[dict[int, str | None], int]:
    """The new text of each segment to change (None: leave it out), and how many findings stay as they are.

    In public a finding's sentence becomes its rewrite, wherever the sentence starts and ends; for a
    resume the finding's whole segment is left out.
    """
    replaced: dict[tuple[int, int], str] = {}
    kept = 0
    for located in report.findings:
        if not _must_change(located, destination):
            kept += 1
            continue
        advice = located.advice
        segment = report.document.segment_at(located.finding.start)
        whole = (segment.start, segment.end)
        if destination is Destination.PUBLIC and advice is not None:
            replaced[advice.sentence if advice.sentence != (0, 0) else whole] = advice.rewrite
        else:
            replaced[whole] = ""
    changes: dict[int, str | None] = {}
    for index, segment in enumerate(report.document.segments):
        new = _spliced(report.document, segment, replaced)
        if new != segment.text:
            changes[index] = new if new.strip() else None
    return changes, kept


def _spliced(document: Document, segment: Segment, replaced: dict[tuple[int, int], str]) -> str:
    """A segment's text with each replaced span in it: the new text where a span starts, nothing after."""
    pieces, cursor = [], segment.start
    for (start, end), text in sorted(replaced.items()):
        if end <= segment.start or start >= segment.end:
            continue
        pieces.append(document.text[cursor : max(start, segment.start)])
        if start >= segment.start:
            pieces.append(text)
        cursor = min(end, segment.end)
    pieces.append(document.text[cursor : segment.end])
    return "".join(pieces)


def _must_change(located: LocatedFinding, destination: Destination) -> bool:
    advice = located.advice
    if advice is None:
        return destination is Destination.PUBLIC
    if destination is Destination.PUBLIC:
        return advice.public is not Action.KEEP
    return advice.resume is Action.REMOVE


def _text_copy(document: Document, changes: dict[int, str | None]) -> str:
    """The document's lines, each changed segment's line replaced or left out."""
    by_line = {document.text.count("\n", 0, document.segments[i].start): new for i, new in changes.items()}
    lines = []
    for number, line in enumerate(document.text.split("\n")):
        new = by_line.get(number, line)
        if new is not None:
            lines.append(new)
    return "\n".join(lines)


def _json_copy(document: Document, original: str, changes: dict[int, str | None]) -> str:
    """The JSON Resume with each changed value replaced, or its key or list item left out."""
    data = json.loads(original)
    removals: list[tuple[Any, str | int]] = []
    for index, new in changes.items():
        location = document.segments[index].location
        assert isinstance(location, JsonLocation)  # a JSON Resume's segments are located by pointer
        parent, key = _parent(data, location.pointer)
        if new is None:
            removals.append((parent, key))
        else:
            parent[key] = new
    # Later list items first, so that leaving one out does not move the others.
    for parent, key in sorted(removals, key=lambda r: r[1] if isinstance(r[1], int) else -1, reverse=True):
        del parent[key]
    indent = 2 if "\n" in original.strip() else None
    return json.dumps(data, ensure_ascii=False, indent=indent) + ("\n" if original.endswith("\n") else "")


def _parent(data: Any, pointer: str) -> tuple[Any, str | int]:
    """The container holding the value a JSON pointer names, and its key or index there."""
    keys = [k.replace("~1", "/").replace("~0", "~") for k in pointer.split("/")[1:]]
    node = data
    for key in keys[:-1]:
        node = node[int(key)] if isinstance(node, list) else node[key]
    last = keys[-1]
    return node, int(last) if isinstance(node, list) else last
