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
_TOTAL = re.compile(_DURATION, re.IGNORECASE)
_DURATION_SUFFIX = re.compile(rf"(?:\s*\({_DURATION}\))?")
_DATES = date_reader(ENGLISH)
_ENTRY = "Experience"


class _Size(Enum):
    COMPANY = auto()
    TITLE = auto()
    OTHER = auto()


def job_fields(lines: Sequence[tuple[str, float, Section]]) -> list[JobField | None]:
    """For each (text, height, section) line of a profile's main column, the job field it holds, if any.

    A role is its 11.5 pt title lines just above a date line. Its company is the 12 pt line above the
    title (and a total duration, when LinkedIn groups several roles), or else the company of the role
    before it in such a group. A title or company that wraps onto a second line is left untagged.
    """
    fields: list[JobField | None] = [None] * len(lines)
    dates = [i for i, line in enumerate(lines) if line[2] is Section.EXPERIENCE and is_date_line(line[0])]
    if not dates:
        return fields
    body = statistics.median(lines[i][1] for i in dates)
    sizes = [
        _size(height / body) if section is Section.EXPERIENCE else _Size.OTHER for _, height, section in lines
    ]
    company: int | None = None
    grouped = False
    entries = 0
    for date in dates:
        titles = _run(sizes, date, _Size.TITLE)
        if not titles:
            continue
        above = titles[0] - 1
        total = above >= 0 and is_total_time(lines[above][0])
        names = _run(sizes, above + 1 - total, _Size.COMPANY)
        if names:
            company, grouped = (names[0] if len(names) == 1 else None), total
        elif not grouped:
            company = None
        if company is None:
            continue
        entry = (_ENTRY, entries)
        entries += 1
        shared = fields[company]
        fields[company] = (
            JobField(entry, JobPart.COMPANY)
            if shared is None
            else JobField(shared.entry, JobPart.COMPANY, (*shared.also, entry))
        )
        if len(titles) == 1:
            fields[titles[0]] = JobField(entry, JobPart.TITLE)
        fields[date] = JobField(entry, JobPart.DATES)
    return fields


def _run(sizes: Sequence[_Size], below: int, size: _Size) -> list[int]:
    """The lines of one size just above a line, top first: a field and the lines it wrapped onto."""
    start = below
    while start > 0 and sizes[start - 1] is size:
        start -= 1
    return list(range(start, below))


def is_total_time(text: str) -> bool:
    """Whether a line is the total time at a company with several roles: "5 years 2 months"."""
    return _TOTAL.fullmatch(" ".join(text.split())) is not None


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
