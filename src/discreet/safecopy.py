"""A public-safe copy of a text or Markdown document: flagged lines rewritten, then audited again."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from discreet.errors import UsageError
from discreet.model import Action, Destination, Format
from discreet.report import DocumentReport, LocatedFinding

# The formats whose copy is the same format with lines replaced; the others need a writer of their own.
FIXABLE = frozenset({Format.TEXT, Format.MARKDOWN})


@dataclass(frozen=True, slots=True)
class FixedCopy:
    """The copy's text, what changed, and what its own audit still flags for the destination."""

    text: str
    rewritten: int
    removed: int
    kept: int
    remaining: tuple[LocatedFinding, ...]


def fix(
    report: DocumentReport, destination: Destination, audit_copy: Callable[[str], DocumentReport]
) -> FixedCopy:
    """Rewrite or remove every line the destination may not show, and audit the result with audit_copy.

    For a public copy each flagged line becomes its advice's rewrite (removed when the rewrite is
    empty); for a resume only lines holding what must never be in any document are removed.
    """
    document = report.document
    if document.format not in FIXABLE:
        raise UsageError(
            f"{document.path}: discreet fix writes text and Markdown copies today; for a "
            f"{document.format.value} file use the report's rewrites (discreet audit --format html)"
        )
    by_line: dict[int, list[LocatedFinding]] = {}
    for located in report.findings:
        by_line.setdefault(document.segment_index(located.finding.start), []).append(located)
    lines = document.text.split("\n")
    replaced: dict[int, str | None] = {}
    kept = 0
    for index, found in by_line.items():
        acting = [f for f in found if _must_change(f, destination)]
        kept += len(found) - len(acting)
        if acting:
            segment = document.segments[index]
            advice = acting[0].advice
            rewrite = advice.rewrite if destination is Destination.PUBLIC and advice else ""
            replaced[_line_number(document.text, segment.start)] = rewrite if rewrite.strip() else None
    kept_lines = []
    for number, line in enumerate(lines):
        new = replaced.get(number, line)
        if new is not None:
            kept_lines.append(new)
    text = "\n".join(kept_lines)
    again = audit_copy(text)
    remaining = tuple(f for f in again.findings if _must_change(f, destination))
    removed = sum(1 for value in replaced.values() if value is None)
    return FixedCopy(text, len(replaced) - removed, removed, kept, remaining)


def _must_change(located: LocatedFinding, destination: Destination) -> bool:
    advice = located.advice
    if advice is None:
        return destination is Destination.PUBLIC
    if destination is Destination.PUBLIC:
        return advice.public is not Action.KEEP
    return advice.resume is Action.REMOVE


def _line_number(text: str, offset: int) -> int:
    return text.count("\n", 0, offset)
