"""Where a document's sentences start and end, across the line breaks of wrapped text."""

from __future__ import annotations

import bisect
from collections.abc import Sequence

import regex

from discreet.language import RewriteReading, RewriteWords
from discreet.languages.en import ENGLISH
from discreet.model import Document, Segment
from discreet.rewrite.patterns import alternation, built, compiled, lazy
from discreet.sections import heading_section

# A line that opens with a bullet or a number starts an item of its own.
BULLET_START = lazy(r"\s*(?:[•●▪◦■♦➢►✓§*\x95\x9f·–—-]|\(?\d{1,2}[.)])\s")
# A line that ends in a stop has finished what it was saying.
STOP_END = lazy(r"[.!?:;|]\s*$")
# A sentence ends at a stop before a space and a capital or a bullet ("Rs. 60" and "No. 5" go on).
SENTENCE_END = lazy(r"[.!?][\"”’)]?(?=\s+[\"“‘(]?[A-Z•●▪])")


def sentence_spans(document: Document, words: RewriteWords = ENGLISH.rewrite) -> tuple[tuple[int, int], ...]:
    """Every sentence of the document as (start, end) offsets into its text, in reading order."""
    spans: list[tuple[int, int]] = []
    for first, last in _blocks(document.segments, words):
        spans += _split(document.text, first.start, last.end, words.reading)
    return tuple(spans)


def _blocks(segments: Sequence[Segment], words: RewriteWords) -> list[tuple[Segment, Segment]]:
    """Runs of segments that continue each other, as their first and last segment."""
    blocks: list[tuple[Segment, Segment]] = []
    for segment in segments:
        if blocks and continues(blocks[-1][1], segment, words):
            blocks[-1] = (blocks[-1][0], segment)
        else:
            blocks.append((segment, segment))
    return blocks


def continues(previous: Segment, current: Segment, words: RewriteWords) -> bool:
    """Whether a line carries on the sentence of the line before: wrapped prose, not a new item."""
    if (previous.section, previous.hidden) != (current.section, current.hidden):
        return False
    if not current.location.follows(previous.location) or not previous.text.strip():
        return False
    if STOP_END().search(previous.text) or BULLET_START().match(current.text) or not current.text.strip():
        return False
    if heading_section(previous.text.strip()) or heading_section(current.text.strip()):
        return False
    start, before = current.text.lstrip()[0], previous.text.rstrip()
    joined = before.rpartition(" ")[2].lower() in words.line_joiners or before[-1] in ",&-–"
    # A line that opens in lower case carries on; mis-decoded bullets ('â€¢') open in lower case too.
    return (start.isascii() and start.islower()) or joined


@built
def abbreviation(reading: RewriteReading) -> regex.Pattern[str]:
    """A stop that ends an abbreviation or an initial, not a sentence."""
    return compiled(rf"(?<![\w.])(?:[A-Za-z]|{alternation(reading.abbreviations)})\.$")


def _split(text: str, start: int, end: int, reading: RewriteReading) -> list[tuple[int, int]]:
    """The sentences of one block: it breaks after a stop that ends no abbreviation."""
    spans: list[tuple[int, int]] = []
    cursor = start
    for stop in SENTENCE_END().finditer(text, start, end):
        if abbreviation(reading).search(text, max(start, stop.start() - 6), stop.start() + 1):
            continue
        spans.append((cursor, stop.end()))
        cursor = _skip_space(text, stop.end(), end)
    if cursor < end:
        spans.append((cursor, end))
    return spans


def _skip_space(text: str, start: int, end: int) -> int:
    while start < end and text[start].isspace():
        start += 1
    return start


def sentence_at(spans: Sequence[tuple[int, int]], offset: int) -> tuple[int, int]:
    """The sentence that holds an offset: the last one starting at or before it."""
    return spans[max(bisect.bisect_right(spans, offset, key=lambda span: span[0]) - 1, 0)]
