"""The words discreet needs to read one language's resumes: headings, months, date and title words."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from discreet.model import Section


@dataclass(frozen=True, slots=True)
class Language:
    """One language's words; the code reads them from here, so a second language is data."""

    code: str
    # Section headings as written, compared without case, decoration or spacing.
    headings: Mapping[Section, tuple[str, ...]]
    # Twelve months, January first: every spelling of each, lower case.
    months: tuple[tuple[str, ...], ...]
    # What stands for the end of a range that is still going on ("present").
    ongoing: tuple[str, ...]
    # Words that join the two dates of a range, besides dashes ("to", "until").
    until: tuple[str, ...]
    # Job-title shorthand and the word it stands for ("sr" -> "senior").
    title_words: Mapping[str, str]
    # Words two names can share without being alike ("of", "the").
    stopwords: tuple[str, ...]
    # Grades that do not make two job titles different ("ii", "3").
    levels: tuple[str, ...]

    def __post_init__(self) -> None:
        if len(self.months) != 12:
            raise ValueError(f"language {self.code}: give twelve months, not {len(self.months)}")

    def __hash__(self) -> int:
        return hash(self.code)
