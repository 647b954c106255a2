"""Read the dates and date ranges of a resume or profile line, in one language's words."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from discreet.language import Language

# (year, month or None); a range's end is None while the job is still going on.
Date = tuple[int, int | None]
DateRange = tuple[Date, Date | None]

_YEAR = r"(?:19|20)\d\d"


@dataclass(frozen=True, slots=True)
class DateReader:
    """The patterns that find dates and ranges written with one language's month and range words."""

    months: dict[str, int]
    date: re.Pattern[str]
    range: re.Pattern[str]
    ongoing: re.Pattern[str]
    month_year: re.Pattern[str]
    year_month: re.Pattern[str]
    numeric_month_year: re.Pattern[str]
    year_only: re.Pattern[str]

    def parse_date(self, text: str) -> Date | None:
        """Read "Mar 2019", "March 2019", "2019-03", "03/2019" or "2019" as (year, month or None)."""
        text = text.strip()
        if found := self.month_year.search(text):
            return int(found.group(2)), self.months[found.group(1).casefold()]
        if found := self.year_month.search(text):
            return int(found.group(1)), int(found.group(2))
        if found := self.numeric_month_year.search(text):
            return int(found.group(2)), int(found.group(1))
        if found := self.year_only.search(text):
            return int(found.group(1)), None
        return None

    def parse_range(self, start: str, end: str) -> DateRange | None:
        """A start date and an end date, None for an end that is still going on."""
        first = self.parse_date(start)
        if first is None:
            return None
        if self.ongoing.fullmatch(end.strip()):
            return first, None
        last = self.parse_date(end)
        return (first, last) if last else None

    def ranges(self, text: str) -> list[tuple[int, str, DateRange]]:
        """The date ranges of a line, with their offsets and texts."""
        found = []
        for match in self.range.finditer(text):
            parsed = self.parse_range(match.group("start"), match.group("end"))
            if parsed:
                found.append((match.start(), match.group(), parsed))
        return found

    def has_range(self, text: str) -> bool:
        """Whether the line holds a date range."""
        return self.range.search(text) is not None

    def blank(self, text: str, fill: Callable[[re.Match[str]], str]) -> str:
        """The line with each range, then each remaining date, replaced by what fill gives for it."""
        return self.date.sub(fill, self.range.sub(fill, text))


@cache
def date_reader(language: Language) -> DateReader:
    """The date patterns of a language, built once."""
    months = {
        spelling: number for number, spellings in enumerate(language.months, 1) for spelling in spellings
    }
    month = "|".join(sorted(months, key=lambda s: (-len(s), s)))
    date = (
        rf"(?:(?<![a-z])(?:{month})\b\.?,?\s*['’]?{_YEAR}"
        rf"|{_YEAR}[-/.](?:1[0-2]|0?[1-9])(?:[-/.](?:3[01]|[12]\d|0?[1-9]))?(?!\d)"
        rf"|(?<!\d)(?:1[0-2]|0?[1-9])[-/.]{_YEAR}"
        rf"|(?<!\d){_YEAR}(?!\d))"
    )
    ongoing = "|".join(map(re.escape, language.ongoing))
    until = "|".join(["-", "–", "—", *map(re.escape, language.until)])
    return DateReader(
        months=months,
        date=re.compile(date, re.IGNORECASE),
        range=re.compile(
            rf"(?P<start>{date})\s*(?:{until})\s*(?P<end>{date}|(?:{ongoing})\b)", re.IGNORECASE
        ),
        ongoing=re.compile(ongoing, re.IGNORECASE),
        month_year=re.compile(rf"({month})\b\.?,?\s*['’]?({_YEAR})", re.IGNORECASE),
        year_month=re.compile(rf"({_YEAR})[-/.](1[0-2]|0?[1-9])\b"),
        numeric_month_year=re.compile(rf"(1[0-2]|0?[1-9])[-/.]({_YEAR})"),
        year_only=re.compile(rf"(?<!\d)({_YEAR})(?!\d)"),
    )


def same_date(a: Date, b: Date) -> bool:
    """The same year, and the same month when both give one."""
    return a[0] == b[0] and (a[1] is None or b[1] is None or a[1] == b[1])


def same_range(a: DateRange, b: DateRange) -> bool:
    """The same start, and the same end or both still going on."""
    if not same_date(a[0], b[0]):
        return False
    if a[1] is None or b[1] is None:
        return a[1] is None and b[1] is None
    return same_date(a[1], b[1])


def overlaps(a: DateRange | None, b: DateRange) -> bool:
    """Whether two ranges share a month (unknown ranges and months are given the benefit of the doubt)."""
    if a is None:
        return True
    ongoing = (9999, 12)
    a_start, b_start = (a[0][0], a[0][1] or 1), (b[0][0], b[0][1] or 1)
    a_end = (a[1][0], a[1][1] or 12) if a[1] else ongoing
    b_end = (b[1][0], b[1][1] or 12) if b[1] else ongoing
    return a_start <= b_end and b_start <= a_end
