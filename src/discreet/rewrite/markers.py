"""Candidate rewrites of words that mark work as secret: the marker goes, what it marked stays."""

from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from discreet.language import RewriteReading
from discreet.rewrite.patterns import alternation, built, compiled, lazy
from discreet.rewrite.removals import bracketed
from discreet.rewrite.spans import Edit, Span

NDA = lazy(
    r"(?:under|covered\s+by|bound\s+by|subject\s+to)\s+(?:an?\s+)?(?:NDA|non-disclosure(?:\s+agreement)?)",
    re.I,
)
# A pending reorganisation is the secret itself, so its noun is described rather than kept.
REORGANIZATION = lazy(
    r"(?:layoffs?|lay-offs?|restructurings?|reorgani[sz]ations?|reductions?\s+in\s+force|RIF)", re.I
)
COPULA_BEFORE = lazy(r"\b(?:is|are|was|were|remains?|remained|be|been|being)\s+$", re.I)


def secret_marker(reading: RewriteReading) -> str:
    """Words that mark work as not for publication; the marked noun stays once they go."""
    return alternation(reading.secret_markers)


@built
def marked(reading: RewriteReading) -> regex.Pattern[str]:
    """Markers and what they mark: 'confidential client'."""
    marker = secret_marker(reading)
    return compiled(rf"(?P<marker>{marker}(?:\s+{marker})*)\s+(?P<rest>\S.*)", re.I | re.S)


def marker_edits(sentence: str, group: Sequence[Span], reading: RewriteReading) -> list[Edit]:
    """A marker goes and what it marked stays: 'a confidential client' reads 'a client'."""
    start, end = group[0].start, group[-1].end
    text = sentence[start:end]
    edits: list[Edit] = []
    if aside := bracketed(sentence, start, end, 0):
        edits.append(Edit(*aside, ""))
    if NDA().fullmatch(text.strip()) and COPULA_BEFORE().search(sentence, 0, start):
        edits.append(Edit(start, end, "confidential"))
    return [*edits, Edit(start, end, unmarked(text, reading))]


def unmarked(text: str, reading: RewriteReading) -> str:
    match = marked(reading).fullmatch(text.strip())
    if not match:
        return ""
    rest = match["rest"]
    return "organizational redesign" if REORGANIZATION().fullmatch(rest) else rest
