"""Choices that shape every output format, and how matched text is hidden when it must not appear."""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace

from discreet.report import Report
from discreet.terms import TermMatcher, compile_terms, find_terms

MASK = "█"


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How to render: whether to hide matched text, the summary only, and how wide a terminal is."""

    mask: bool = False
    width: int = 100
    color: bool = False
    quiet: bool = False
    # Every text the report matched, to hide wherever it appears in free text; set by hiding().
    matched: TermMatcher | None = None

    @property
    def hides(self) -> bool:
        """Whether matched text stays out of the report: asked for with --mask."""
        return self.mask


def hiding(report: Report, options: RenderOptions) -> RenderOptions:
    """The options a formatter renders with: when hiding, they know every text the report matched."""
    if not options.hides:
        return options
    texts = {f.finding.text for d in report.documents for f in d.findings}
    texts |= {e.text for c in report.comparisons for e in c.exposures}
    return replace(options, matched=compile_terms(sorted(texts)))


def shown(text: str, options: RenderOptions) -> str:
    """The matched text as a report may show it."""
    return MASK * min(len(text), 8) if options.hides else text


def scrubbed(text: str, options: RenderOptions) -> str:
    """Free text (a line, advice, a rewrite, a comparison) with any text the report matched hidden."""
    if not options.hides or options.matched is None or not text:
        return text
    return _masked(text, find_terms(options.matched, text, math.inf), options, lambda piece: piece)


def hidden(text: str, base: int, spans: Iterable[tuple[int, int]], options: RenderOptions) -> str:
    """Document text starting at offset base, with the findings' spans and any matched text hidden."""
    if not options.hides:
        return text
    local = sorted((max(start - base, 0), min(end - base, len(text))) for start, end in spans)
    return _masked(text, local, options, lambda piece: scrubbed(piece, options))


def _masked(
    text: str, spans: Iterable[tuple[int, int]], options: RenderOptions, between: Callable[[str], str]
) -> str:
    """The text with each span (in order) masked, and the text between spans passed through between."""
    pieces: list[str] = []
    cursor = 0
    for start, end in spans:
        start = max(start, cursor)
        if start >= end:
            continue
        pieces += [between(text[cursor:start]), shown(text[start:end], options)]
        cursor = end
    pieces.append(between(text[cursor:]))
    return "".join(pieces)
