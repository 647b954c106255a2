"""Find the jobs of a LinkedIn PDF's Experience section: which lines name a company, a title, the dates."""

from __future__ import annotations

import re
import statistics
from collections.abc import Sequence
from enum import Enum, auto

from discreet.dates import date_reader
from discreet.languages.en import ENGLISH
from discreet.model import JobField, JobPart, Section

# LinkedIn sets a role's company in 12 pt, its title in 11.5 pt and its date line, like the rest of
# the entry, in 10.5 pt; a line's height is proportional to its font size.
_COMPANY_SCALE = 12 / 10.5
_TITLE_SCALE = 11.5 / 10.5
_SCALE_TOLERANCE = 0.02
_DURATION = r"(?:\d+\s+years?(?:\s+\d+\s+months?)?|\d+\s+months?|less\s+than\s+a\s+year)"
# The total time at a company LinkedIn puts under its name when it lists several roles there.
_TOTAL = re.compile(_DURATION)
_DURATION_SUFFIX = re.compile(rf"(?:\s*\({_DURATION}\))?")
_DATES = date_reader(ENGLISH)
ENTRY = "Experience"


class _Size(Enum):
    COMPANY = auto()
    TITLE = auto()
    OTHER = auto()


def job_fields(lines: Sequence[tuple[str, float, Section]]) -> list[JobField | None]:
    """For each (text, height, section) line of a profile's main column, the job field it holds, if any.

    A role is a title line just above a date line; the company is the 12 pt line above the title,
    or, when the title follows another role's lines, the company of the role before it, if LinkedIn
    grouped them (a total duration under the company). A field that wraps is left untagged.
    """
    fields: list[JobField | None] = [None] * len(lines)
    dates = [i for i, line in enumerate(lines) if line[2] is Section.EXPERIENCE and is_date_line(line[0])]
    if not dates:
        return fields
    body = statistics.median(lines[i][1] for i in dates)
    sizes = [
        _size(height / body) if section is Section.EXPERIENCE else _Size.OTHER for _, height, section in lines
    ]
    company: list[int] = []
    grouped = False
    entries = 0
    for date in dates:
        title = date - 1
        if title < 1 or sizes[title] is not _Size.TITLE or sizes[title - 1] is _Size.TITLE:
            continue
        above = title - 1
        total = _TOTAL.fullmatch(lines[above][0].strip()) is not None
        above -= total
        if sizes[above] is _Size.COMPANY:
            company, grouped = [above], total
        elif not grouped:
            company = []
        if not company or (company[0] > 0 and sizes[company[0] - 1] is _Size.COMPANY):
            continue
        entry = (ENTRY, entries)
        entries += 1
        first = fields[company[0]]
        fields[company[0]] = (
            JobField(entry, JobPart.COMPANY)
            if first is None
            else JobField(first.entry, JobPart.COMPANY, (*first.also, entry))
        )
        fields[title] = JobField(entry, JobPart.TITLE)
        fields[date] = JobField(entry, JobPart.DATES)
    return fields


def is_date_line(text: str) -> bool:
    """Whether a line is a role's dates: "March 2021 - Present (3 years 10 months)", "2019 - 2021"."""
    text = text.strip()
    found = _DATES.range.match(text)
    return found is not None and _DURATION_SUFFIX.fullmatch(text[found.end() :]) is not None


def _size(scale: float) -> _Size:
    if abs(scale - _COMPANY_SCALE) <= _SCALE_TOLERANCE:
        return _Size.COMPANY
    if abs(scale - _TITLE_SCALE) <= _SCALE_TOLERANCE:
        return _Size.TITLE
    return _Size.OTHER
