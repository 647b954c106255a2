"""Recognise resume section headings and name the section they open."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache

from discreet import precompiled
from discreet.language import Language
from discreet.languages.en import ENGLISH
from discreet.model import Section

_DECORATION = precompiled.compiled(r"^[\s#*_=\-•:|]+|[\s#*_=\-•:|]+$")
_SPACES = precompiled.compiled(r"\s+")
# Zero-width spaces and joiners, which some exported resumes put between every word.
_INVISIBLE = precompiled.compiled(r"\p{Cf}+")


def _key(name: str) -> str:
    name = _SPACES.sub(" ", _DECORATION.sub("", _INVISIBLE.sub("", name)))
    return str(name).casefold().replace("&", "and")


@cache
def _sections_by_heading(language: Language) -> dict[str, Section]:
    return {_key(name): section for section, names in language.headings.items() for name in names}


def heading_section(line: str, language: Language = ENGLISH) -> Section | None:
    """Return the section a heading line opens, or None when the line is not a heading."""
    if len(line) > 48:
        return None
    return _sections_by_heading(language).get(_key(line))


def sections_for(
    lines: Sequence[str], first: Section = Section.CONTACT, language: Language = ENGLISH
) -> list[Section]:
    """Give each line the section opened by the nearest heading above it (or itself)."""
    current = first
    result = []
    for line in lines:
        current = heading_section(line.strip(), language) or current
        result.append(current)
    return result
