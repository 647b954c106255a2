"""Cut documents into the units compared, and read them: keys, headings, prose, verdicts."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from discreet.dates import date_reader
from discreet.languages.en import ENGLISH
from discreet.model import Document, Section, Segment, Verdict
from discreet.report import DocumentReport, LocatedFinding
from discreet.sections import heading_section

_CONTENT_SECTIONS = frozenset({Section.EXPERIENCE, Section.SUMMARY})
BULLET = re.compile(r"^\s*(?:[-*+•▪●◦‣·➢✓–—]|\d{1,2}[.)])\s+|^\s*[•▪●◦‣➢✓]")
MARKUP = re.compile(r"\*\*|__|`|^\s*#+\s*")
_STRAY_DOT = re.compile(r"(?<!\d)\.|\.(?!\d)")
_NON_WORD = re.compile(r"[^\w.+#]+")
_STOPS = (".", "!", "?", ":", ";")
_PARENTHESES = re.compile(r"\([^)]*\)")
DATES = date_reader(ENGLISH)


@dataclass(frozen=True, slots=True)
class Unit:
    """Consecutive segments of one document read as one piece of content."""

    segments: tuple[int, ...]
    text: str
    key: str
    section: Section

    @property
    def sorted_key(self) -> str:
        """The key's words in sorted order: their plain ratio is RapidFuzz's token_sort_ratio."""
        return " ".join(sorted(self.key.split()))


def normalise(text: str) -> str:
    """The key two texts are compared by: folded case, no bullets, markup or punctuation."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = MARKUP.sub(" ", BULLET.sub(" ", text)).replace("&", " and ")
    return " ".join(_NON_WORD.sub(" ", _STRAY_DOT.sub(" ", text)).split())


def resume_units(document: Document) -> tuple[Unit, ...]:
    """Every visible line of a resume, a wrapped line joined to the one it continues."""
    groups: list[list[int]] = []
    segments = document.segments
    for index, segment in enumerate(segments):
        if segment.hidden:
            continue
        if groups and _continues(segments[groups[-1][-1]], segment):
            groups[-1].append(index)
        else:
            groups.append([index])
    return tuple(_unit(document, group) for group in groups)


def profile_units(document: Document) -> tuple[Unit, ...]:
    """Every visible segment, and every cell or wrapped paragraph that spans several segments."""
    visible = [i for i, s in enumerate(document.segments) if not s.hidden]
    groups: list[list[int]] = []
    for index in visible:
        previous = document.segments[groups[-1][-1]] if groups else None
        current = document.segments[index]
        if previous and (previous.location == current.location or _continues(previous, current)):
            groups[-1].append(index)
        else:
            groups.append([index])
    joined = [group for group in groups if len(group) > 1]
    return tuple(_unit(document, group) for group in [*([i] for i in visible), *joined])


def _unit(document: Document, group: Sequence[int]) -> Unit:
    text = " ".join(document.segments[i].text.strip() for i in group)
    return Unit(tuple(group), text, normalise(text), document.segments[group[0]].section)


def _continues(previous: Segment, current: Segment) -> bool:
    """Whether a line is the wrapped rest of the one above: adjacent, lower-case start, no bullet."""
    if previous.section is not current.section or not current.location.follows(previous.location):
        return False
    if heading_section(previous.text.strip()) or BULLET.match(current.text):
        return False
    start = current.text.lstrip()[:1]
    return start.islower() and not previous.text.rstrip().endswith(_STOPS)


def is_heading(unit: Unit) -> bool:
    """Whether the unit is a section heading, like "Experience"."""
    return heading_section(unit.text.strip()) is not None


def is_content(unit: Unit, document: Document) -> bool:
    """Prose of the experience or summary: a bullet, a sentence, or a line of eight words or more."""
    if unit.section not in _CONTENT_SECTIONS or not unit.key or is_heading(unit):
        return False
    if DATES.has_range(unit.text):
        return False
    first = document.segments[unit.segments[0]].text
    return (
        bool(BULLET.match(first)) or unit.text.rstrip().endswith(_STOPS) or len(clean(unit.text).split()) >= 8
    )


def is_header(text: str) -> bool:
    """A short line that is neither a bullet nor a sentence: an employer, a title, dates."""
    stripped = text.strip()
    return not BULLET.match(text) and len(stripped.split()) <= 12 and not stripped.endswith(".")


def clean(text: str) -> str:
    """The text without its bullet, markup and repeated spaces."""
    return " ".join(MARKUP.sub(" ", BULLET.sub("", text)).split())


def unbracketed(item: str) -> str:
    """The item without its parenthesised asides."""
    return _PARENTHESES.sub(" ", item)


def _segment_verdicts(report: DocumentReport) -> tuple[Verdict, ...]:
    """The report's verdict per segment, or the worst of each segment's findings when it has none."""
    segments = report.document.segments
    if len(report.verdicts) == len(segments):
        return report.verdicts
    worst = [Verdict.COMPLEMENT] * len(segments)
    for index, found in findings_by_segment(report).items():
        worst[index] = max((f.verdict for f in found), key=_rank, default=Verdict.COMPLEMENT)
    return tuple(worst)


def unit_verdicts(report: DocumentReport, units: Sequence[Unit]) -> list[Verdict]:
    """The worst verdict of each unit's segments."""
    verdicts = _segment_verdicts(report)
    return [max((verdicts[i] for i in unit.segments), key=_rank) for unit in units]


def _rank(verdict: Verdict) -> int:
    return verdict.rank


def findings_by_segment(report: DocumentReport) -> dict[int, list[LocatedFinding]]:
    """The report's findings grouped by the index of the segment holding their start."""
    grouped: dict[int, list[LocatedFinding]] = defaultdict(list)
    for located in report.findings:
        grouped[report.document.segment_index(located.finding.start)].append(located)
    return grouped
