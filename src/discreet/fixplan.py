"""What a safe copy changes: the spans of a document's text to rewrite or leave out, for one destination."""

from __future__ import annotations

from dataclasses import dataclass

from discreet.model import Action, Destination, Document
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
    no document is left out. Each edit is narrowed to the words it changes.
    """
    spans: dict[tuple[int, int], str] = {}
    for located in report.findings:
        if must_change(located, destination):
            spans.setdefault(rewrite_span(report, located), _new_text(located, destination))
    edits: list[Edit] = []
    for (start, end), text in sorted(spans.items()):
        if edits and start < edits[-1].end:
            continue
        edit = narrowed(Edit(start, end, text), report.document.text)
        if edit is not None:
            edits.append(edit)
    return tuple(edits)


def narrowed(edit: Edit, text: str) -> Edit | None:
    """The edit without the whole words its old and new text share at both ends; None when they agree.

    "Closed an $850K deal" rewritten "Closed a six-figure deal" becomes "an $850K" -> "a six-figure",
    so a writer keeps the formatting of every word the rewrite did not change.
    """
    old = text[edit.start : edit.end]
    if old == edit.text:
        return None
    if not edit.text:
        return edit
    head = _shared_words(old, edit.text)
    tail = _shared_words(old[head:][::-1], edit.text[head:][::-1])
    if head + tail >= len(old):
        # Nothing of the old text would be left to replace, and so no run to carry the new text's format.
        return edit
    return Edit(edit.start + head, edit.end - tail, edit.text[head : len(edit.text) - tail])


def _shared_words(old: str, new: str) -> int:
    """The length of the longest common start of old and new that ends at a word's end in both."""
    shared = 0
    for index, (a, b) in enumerate(zip(old, new, strict=False)):
        if a != b:
            return shared
        if a.isspace():
            shared = index + 1
    shorter, longer = sorted((old, new), key=len)
    return len(shorter) if len(longer) == len(shorter) or longer[len(shorter)].isspace() else shared


def left_out(edit: Edit, document: Document) -> bool:
    """Whether an edit leaves out a whole segment, rather than rewriting part of one."""
    segment = document.segment_at(edit.start)
    return not edit.text and (edit.start, edit.end) == (segment.start, segment.end)


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
