"""Candidate rewrites of words that mark work as secret: the marker goes, what it marked stays."""

from __future__ import annotations

import re
from collections.abc import Sequence

from discreet.rewrite.patterns import lazy
from discreet.rewrite.removals import bracketed
from discreet.rewrite.spans import Edit, Span

# Words that mark work as not for publication; the marked noun stays once they go.
SECRET_MARKER = (
    r"(?:confidential|undisclosed|unnamed|secret|stealth(?:[- ]mode)?|unreleased|unannounced|pre-release"
    r"|not\s+yet\s+(?:released|announced|public)|pending|upcoming|planned|proprietary)"
)
NDA = lazy(
    r"(?:under|covered\s+by|bound\s+by|subject\s+to)\s+(?:an?\s+)?(?:NDA|non-disclosure(?:\s+agreement)?)",
    re.I,
)
MARKED = lazy(rf"(?P<marker>{SECRET_MARKER}(?:\s+{SECRET_MARKER})*)\s+(?P<rest>\S.*)", re.I | re.S)
# A pending reorganisation is the secret itself, so its noun is described rather than kept.
REORGANIZATION = lazy(
    r"(?:layoffs?|lay-offs?|restructurings?|reorgani[sz]ations?|reductions?\s+in\s+force|RIF)", re.I
)
COPULA_BEFORE = lazy(r"\b(?:is|are|was|were|remains?|remained|be|been|being)\s+$", re.I)


def marker_edits(sentence: str, group: Sequence[Span]) -> list[Edit]:
    """A marker goes and what it marked stays: 'a confidential client' reads 'a client'."""
    start, end = group[0].start, group[-1].end
    text = sentence[start:end]
    edits: list[Edit] = []
    if aside := bracketed(sentence, start, end, 0):
        edits.append(Edit(*aside, ""))
    if NDA().fullmatch(text.strip()) and COPULA_BEFORE().search(sentence, 0, start):
        edits.append(Edit(start, end, "confidential"))
    return [*edits, Edit(start, end, unmarked(text))]


def unmarked(text: str) -> str:
    marked = MARKED().fullmatch(text.strip())
    if not marked:
        return ""
    rest = marked["rest"]
    return "organizational redesign" if REORGANIZATION().fullmatch(rest) else rest
