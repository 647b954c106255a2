"""Candidate rewrites of words that mark work as secret: the marker goes, what it marked stays."""

from __future__ import annotations

import re
from collections.abc import Sequence

import regex

from discreet.language import RewriteReading
from discreet.rewrite.patterns import alternation, built, compiled, ends_with
from discreet.rewrite.removals import bracketed
from discreet.rewrite.spans import Edit, Span


def secret_marker(reading: RewriteReading) -> str:
    """Words that mark work as not for publication; the marked noun stays once they go."""
    return alternation(reading.secret_markers)


@built
def marked(reading: RewriteReading) -> regex.Pattern[str]:
    """Markers and what they mark: 'confidential client'."""
    marker = secret_marker(reading)
    return compiled(rf"(?P<marker>{marker}(?:\s+{marker})*)\s+(?P<rest>\S.*)", re.I | re.S)


@built
def nda(reading: RewriteReading) -> regex.Pattern[str]:
    """Work under a non-disclosure agreement: 'covered by an NDA'."""
    lead, article, ndas = (
        alternation(words) for words in (reading.nda_leads, reading.sound_articles, reading.ndas)
    )
    return compiled(rf"{lead}\s+(?:{article}\s+)?{ndas}", re.I)


@built
def _reorganization(reading: RewriteReading) -> regex.Pattern[str]:
    """A pending reorganisation is the secret itself, so its noun is described rather than kept."""
    return compiled(alternation(reading.reorganizations), re.I)


@built
def _copula_before(reading: RewriteReading) -> regex.Pattern[str]:
    """A copula before an NDA ('is under NDA') leaves a predicate to fill: 'is confidential'."""
    return ends_with(reading.copulas)


def marker_edits(sentence: str, group: Sequence[Span], reading: RewriteReading) -> list[Edit]:
    """A marker goes and what it marked stays: 'a confidential client' reads 'a client'."""
    start, end = group[0].start, group[-1].end
    text = sentence[start:end]
    edits: list[Edit] = []
    if aside := bracketed(sentence, start, end, 0):
        edits.append(Edit(*aside, ""))
    if nda(reading).fullmatch(text.strip()) and _copula_before(reading).search(sentence, 0, start):
        edits.append(Edit(start, end, reading.secret_adjective))
    return [*edits, Edit(start, end, unmarked(text, reading))]


def unmarked(text: str, reading: RewriteReading) -> str:
    match = marked(reading).fullmatch(text.strip())
    if not match:
        return ""
    rest = match["rest"]
    return reading.reorganization if _reorganization(reading).fullmatch(rest) else rest
