"""What a safe copy changes: the spans of a document's text to rewrite or leave out, for one destination."""

from __future__ import annotations

from dataclasses import dataclass

from discreet.model import Action, Destination
from discreet.report import DocumentReport, LocatedFinding


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace Document.text[start:end] with text; an empty text leaves the span out."""

    start: int
    end: int
    text: str


def rewrite_span(report: DocumentReport, located: LocatedFinding) -> tuple[int, int]:
    """The span of document text a finding's rewrite replaces: the segment holding the finding."""
    segment = report.document.segment_at(located.finding.start)
    return segment.start, segment.end


def plan(report: DocumentReport, destination: Destination) -> tuple[Edit, ...]:
    """The edits that make a document fit for the destination, in text order, none overlapping.

    For a public copy each flagged span becomes its first finding's rewrite (left out when the
    rewrite is empty, and always for text a reader never sees); for a resume only what belongs in
    no document is left out.
    """
    edits: list[Edit] = []
    for located in report.findings:
        if not must_change(located, destination):
            continue
        start, end = rewrite_span(report, located)
        if edits and start < edits[-1].end:
            continue
        edits.append(Edit(start, end, _new_text(located, destination)))
    return tuple(edits)


def kept(report: DocumentReport, destination: Destination) -> int:
    """How many findings the destination may show as they are."""
    return sum(1 for located in report.findings if not must_change(located, destination))


def still_flagged(report: DocumentReport, destination: Destination) -> tuple[LocatedFinding, ...]:
    """The findings of a copy's own audit that the destination may not show."""
    return tuple(located for located in report.findings if must_change(located, destination))


def must_change(located: LocatedFinding, destination: Destination) -> bool:
    """Whether the destination may not show a finding as it is."""
    advice = located.advice
    if advice is None:
        return destination is Destination.PUBLIC
    if destination is Destination.PUBLIC:
        return advice.public is not Action.KEEP
    return advice.resume is Action.REMOVE


def _new_text(located: LocatedFinding, destination: Destination) -> str:
    advice = located.advice
    if destination is not Destination.PUBLIC or advice is None or located.hidden:
        return ""
    return advice.rewrite if advice.rewrite.strip() else ""
