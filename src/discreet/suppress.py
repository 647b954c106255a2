"""Inline suppression: `<!-- discreet: ignore RULE -->` in text, `x-discreet-ignore` in JSON Resume."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, replace

from discreet import precompiled
from discreet.model import Document, Finding, Format
from discreet.parsers.jsonresume import JsonLocation

IGNORE_FIELD = "x-discreet-ignore"
EVERY_RULE = "*"
_DIRECTIVE = precompiled.compiled(r"<!--\s*discreet:\s*ignore\b(?P<ids>(?:(?!-->).)*?)\s*-->")
_LIST_ITEM = precompiled.compiled(r"\s*(?:[-*+]|\d{1,9}[.)])\s")
_HEADING = precompiled.compiled(r"\s*#{1,6}\s")


@dataclass(frozen=True, slots=True)
class Ignore:
    """A span of a document's text where findings of some rules (None: every rule) are accepted."""

    start: int
    end: int
    rules: frozenset[str] | None

    def covers(self, finding: Finding) -> bool:
        """Whether the finding starts in the span and its rule is one the span ignores."""
        inside = self.start <= finding.start < self.end
        return inside and (self.rules is None or finding.rule in self.rules)


@dataclass(frozen=True, slots=True)
class Suppression:
    """A document's findings split into those reported and those its own directives accept."""

    kept: tuple[Finding, ...]
    suppressed: tuple[Finding, ...]
    warnings: tuple[str, ...] = ()


def suppress(document: Document, findings: Sequence[Finding], known: Collection[str]) -> Suppression:
    """Drop the findings the document's directives ignore; a directive naming no known rule is a warning."""
    ignores = _ignores(document)
    kept = tuple(f for f in findings if not any(i.covers(f) for i in ignores))
    dropped = tuple(f for f in findings if any(i.covers(f) for i in ignores))
    unknown = sorted({r for i in ignores for r in i.rules or () if r not in known})
    warnings = tuple(
        f"a discreet ignore directive names {rule}, which no rule has; see `discreet rules list`"
        for rule in unknown
    )
    return Suppression(kept, dropped, warnings)


def without_directives(document: Document) -> Document:
    """The document with its directives blanked, so a rule id in one never counts as a rule's context word."""
    spans = _directive_spans(document)
    if not spans:
        return document
    text = list(document.text)
    for start, end in spans:
        text[start:end] = " " * (end - start)
    blanked = "".join(text)
    segments = tuple(replace(s, text=blanked[s.start : s.end]) for s in document.segments)
    return replace(document, text=blanked, segments=segments)


def _directive_spans(document: Document) -> list[tuple[int, int]]:
    if document.format in (Format.TEXT, Format.MARKDOWN) and "discreet" in document.text:
        return [match.span() for match in _DIRECTIVE.finditer(document.text)]
    if document.format is Format.JSON_RESUME:
        return [
            (s.start, s.end)
            for s in document.segments
            if isinstance(s.location, JsonLocation) and _ignore_owner(s.location.pointer) is not None
        ]
    return []


def _ignores(document: Document) -> list[Ignore]:
    if document.format in (Format.TEXT, Format.MARKDOWN):
        return text_ignores(document.text) if "discreet" in document.text else []
    if document.format is Format.JSON_RESUME:
        return _json_ignores(document)
    return []


def text_ignores(text: str) -> list[Ignore]:
    """The spans each directive covers: its line's text when it ends a line, else the next block."""
    lines = text.split("\n")
    starts = [0]
    for line in lines[:-1]:
        starts.append(starts[-1] + len(line) + 1)
    ignores = []
    for number, line in enumerate(lines):
        for match in _DIRECTIVE.finditer(line):
            rules = _rule_ids(match.group("ids"))
            offset = starts[number]
            ignores.append(Ignore(offset + match.start(), offset + match.end(), None))
            if line[: match.start()].strip() and not line[match.end() :].strip():
                ignores.append(Ignore(offset, offset + match.start(), rules))
            elif not line.replace(match.group(0), "").strip():
                first, last = _next_block(lines, number + 1)
                if first < len(lines):
                    ignores.append(Ignore(starts[first], starts[last] + len(lines[last]), rules))
    return ignores


def _rule_ids(listed: str) -> frozenset[str] | None:
    ids = frozenset(listed.replace(",", " ").split())
    return None if not ids or EVERY_RULE in ids else ids


def _next_block(lines: Sequence[str], after: int) -> tuple[int, int]:
    """The first and last line of the paragraph or list item that starts at the next non-blank line."""
    first = after
    while first < len(lines) and not lines[first].strip():
        first += 1
    last = first
    while last + 1 < len(lines) and _continues(lines[last + 1]):
        last += 1
    return first, last


def _continues(line: str) -> bool:
    """Whether a line goes on with the block above: not blank, not a new list item, heading or directive."""
    return bool(line.strip()) and not any(
        pattern.match(line) for pattern in (_LIST_ITEM, _HEADING, _DIRECTIVE)
    )


def _json_ignores(document: Document) -> list[Ignore]:
    """`"x-discreet-ignore": [...]` on an object covers every string below that object."""
    by_object: dict[str, set[str]] = {}
    for segment in document.segments:
        if isinstance(segment.location, JsonLocation):
            owner = _ignore_owner(segment.location.pointer)
            if owner is not None:
                by_object.setdefault(owner, set()).add(segment.text.strip())
    ignores: list[Ignore] = []
    for segment in document.segments if by_object else ():
        pointer = segment.location.pointer if isinstance(segment.location, JsonLocation) else ""
        for owner, ids in by_object.items():
            if pointer == owner or pointer.startswith(owner + "/"):
                rules = None if EVERY_RULE in ids or _ignore_owner(pointer) is not None else frozenset(ids)
                ignores.append(Ignore(segment.start, segment.end, rules))
    return ignores


def _ignore_owner(pointer: str) -> str | None:
    """The pointer of the object a directive field belongs to, for a pointer inside that field."""
    marker = f"/{IGNORE_FIELD}"
    index = pointer.find(marker + "/")
    if index < 0 and pointer.endswith(marker):
        index = len(pointer) - len(marker)
    return pointer[:index] if index >= 0 else None
