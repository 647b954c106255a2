"""A safe copy of a text, Markdown or JSON Resume document: flagged values rewritten or left out."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from discreet.errors import UsageError
from discreet.model import Action, Destination, Document, Format
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
    """The new text of each segment to change (None: leave it out), and how many findings stay as they are."""
    by_segment: dict[int, list[LocatedFinding]] = {}
    for located in report.findings:
        by_segment.setdefault(report.document.segment_index(located.finding.start), []).append(located)
    changes: dict[int, str | None] = {}
    kept = 0
    for index, found in sorted(by_segment.items()):
        acting = [f for f in found if _must_change(f, destination)]
        kept += len(found) - len(acting)
        if acting:
            advice = acting[0].advice
            rewrite = advice.rewrite if destination is Destination.PUBLIC and advice else ""
            changes[index] = rewrite if rewrite.strip() else None
    return changes, kept


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
